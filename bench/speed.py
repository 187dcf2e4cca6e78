"""Throughput and memory of onrecord against spaCy's own pipeline, side by side in one run.

    python bench/speed.py [--shared ../shared] [--repeat 3]

Texts: PolNeAR dev from ``../shared`` when present, else the bundled ``examples/``.  Each
round times ``nlp.pipe`` alone (the parse, the floor of our cost) and then the full
``Extractor.pipe`` over the same texts; the best round of each is reported, with the ratio
the speed target is stated in, and the peak resident memory of this process.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from onrecord.pipeline import Extractor  # noqa: E402


def load_texts(shared: Path) -> tuple[str, list[str]]:
    dev = shared / "data" / "polnear" / "dev.jsonl"
    if dev.exists():
        return "PolNeAR dev", [json.loads(line)["text"] for line in dev.open(encoding="utf-8")]
    files = sorted((ROOT / "examples").glob("*.txt"))
    return "examples/", [f.read_text(encoding="utf-8") for f in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best of each is kept")
    args = parser.parse_args(argv)
    name, texts = load_texts(Path(args.shared))
    words = sum(len(t.split()) for t in texts)
    extractor = Extractor()
    nlp = extractor.nlp
    best_spacy = best_onrecord = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=extractor.batch_size):
            pass
        best_spacy = min(best_spacy, time.perf_counter() - started)
        started = time.perf_counter()
        for _result in extractor.pipe(texts):
            pass
        best_onrecord = min(best_onrecord, time.perf_counter() - started)
    # a quotation-dense article of one chunk: the stages must stay near-linear in it
    dense = "\n".join(
        ["\u201cWe will win this race,\u201d Holt said. Rivals said \u201cno way\u201d and left."] * 700
    )
    started = time.perf_counter()
    dense_doc = nlp(dense)
    dense_parse = time.perf_counter() - started
    started = time.perf_counter()
    dense_found = len(extractor.annotate(dense_doc))
    dense_stages = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {name}, {len(texts)} articles, {words} words; best of {args.repeat} rounds")
    print(f"spaCy en_core_web_sm alone : {best_spacy:7.2f} s  {words / best_spacy:8.0f} words/s")
    print(f"onrecord end to end        : {best_onrecord:7.2f} s  {words / best_onrecord:8.0f} words/s")
    print(f"throughput ratio           : {best_spacy / best_onrecord:7.1%} of spaCy alone (target >= 70%)")
    print(
        f"quotation-dense article    : {len(dense):,} chars, {dense_found} attributions; parse "
        f"{dense_parse:.2f} s, stages after it {dense_stages:.2f} s"
    )
    print(f"peak resident memory       : {peak_mb:7.0f} MB (target < 600 MB per worker)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
