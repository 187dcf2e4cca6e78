"""Run the extractor over PolNeAR dev and score it with the shared scorers.

    python bench/polnear_dev.py [--shared ../shared] [--out build/dev.pred.jsonl]

Prints score.py's table, then speakers.py's and addressees.py's, as BENCHMARKS.md quotes them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from onrecord.pipeline import Extractor  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder")
    parser.add_argument("--out", default=str(ROOT / "build" / "dev.pred.jsonl"), help="predictions file")
    parser.add_argument("--split", default="dev", help="PolNeAR split to run (train or dev)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    gold = shared / "data" / "polnear" / f"{args.split}.jsonl"
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    records = [json.loads(line) for line in gold.open(encoding="utf-8")]
    if args.limit:
        records = records[: args.limit]
    extractor = Extractor()
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for result in extractor.pipe(records):
            handle.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - started
    words = sum(len(r["text"].split()) for r in records)
    print(f"{len(records)} articles, {words} words in {elapsed:.1f}s ({words / elapsed:.0f} words/s)")
    bench = shared / "bench"
    flags = ["--ids-from-pred"] if args.limit else []
    subprocess.run([sys.executable, str(bench / "score.py"), str(gold), str(out), *flags], check=True)
    if args.split == "dev":
        speakers_gold = shared / "data" / "polnear" / "dev.speakers.jsonl"
        for scorer in ("speakers.py", "addressees.py"):
            print()
            subprocess.run(
                [sys.executable, str(bench / scorer), str(speakers_gold), str(out), *flags], check=True
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
