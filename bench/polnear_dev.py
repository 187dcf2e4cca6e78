"""Run the extractor over PolNeAR dev and score it with the shared scorers.

    python bench/polnear_dev.py [--shared ../shared] [--out build/dev.pred.jsonl] [--model rules|DIR]

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


def confidence_table(bench: Path, gold: list[dict], predictions: Path) -> str:
    """Precision (score.py's attr+source test) of each fifth of the predictions, ranked by
    confidence: how well the confidence ranks."""
    sys.path.insert(0, str(bench))
    import score  # the shared scorer's own matching

    by_id = {record["id"]: record for record in gold}
    rows = []
    for line in predictions.open(encoding="utf-8"):
        pred = json.loads(line)
        text = by_id[pred["id"]]["text"]
        toks = score.DocTokens(text)
        g = score.prepare(by_id[pred["id"]]["attributions"], toks)
        p = score.prepare(pred["attributions"], toks)
        pairs = dict(
            score.greedy_match([x["content"] for x in p], [x["content"] for x in g], score.accept_lenient)
        )
        for i, att in enumerate(pred["attributions"]):
            rows.append((att["confidence"], i in pairs and score.source_ok(p[i], g[pairs[i]])))
    rows.sort(key=lambda r: -r[0])
    lines = ["confidence fifth   range        attr+source precision"]
    for q in range(5):
        part = rows[q * len(rows) // 5 : (q + 1) * len(rows) // 5]
        if part:
            hit = 100 * sum(ok for _, ok in part) / len(part)
            lines.append(f"{q + 1:>16}   {part[-1][0]:.2f}-{part[0][0]:.2f}   {hit:6.1f}%")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder")
    parser.add_argument("--out", default=str(ROOT / "build" / "dev.pred.jsonl"), help="predictions file")
    parser.add_argument("--split", default="dev", help="PolNeAR split to run (train or dev)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--model", default="default", help="default, rules, or a model directory")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    gold = shared / "data" / "polnear" / f"{args.split}.jsonl"
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    records = [json.loads(line) for line in gold.open(encoding="utf-8")]
    if args.limit:
        records = records[: args.limit]
    extractor = Extractor(model=args.model)
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
    print()
    print(confidence_table(shared / "bench", records, out))
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
