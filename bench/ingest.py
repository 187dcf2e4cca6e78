"""Ingest throughput: PolNeAR train + dev (924 articles) into fresh stores, with 1 and 2
workers, side by side in one run; then a rerun that finds everything stored.

    python bench/ingest.py [--shared ../shared] [--workers 1 2] [--db-dir build/bench]

Each run is the real command (``onrecord ingest FILES --db STORE --workers N``) in its own
process, timed from start to exit (model loading included), with the peak resident memory
of the command and of its worker processes. Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(files: list[str], db: Path, workers: int) -> tuple[float, int, str]:
    command = [sys.executable, "-m", "onrecord", "ingest", *files, "--db", str(db), "--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode not in (0, 1):
        sys.exit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, max(peak, before), done.stderr.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--db-dir", default=str(ROOT / "build" / "bench"))
    args = parser.parse_args(argv)
    polnear = Path(args.shared) / "data" / "polnear"
    files = [str(polnear / "train.jsonl"), str(polnear / "dev.jsonl")]
    articles = sum(1 for f in files for line in open(f, encoding="utf-8") if line.strip())
    words = sum(len(json.loads(line)["text"].split()) for f in files for line in open(f, encoding="utf-8"))
    out = Path(args.db_dir)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    print(f"PolNeAR train + dev: {articles} articles, {words:,} words; {os.cpu_count()} cores\n")
    print("| run | seconds | articles/s | words/s | peak RSS of a process (MB) |")
    print("|---|---|---|---|---|")
    for workers in args.workers:
        db = out / f"polnear-{workers}.db"
        seconds, peak, summary = run(files, db, workers)
        print(
            f"| ingest, {workers} worker{'s' if workers > 1 else ''} | {seconds:.1f} | "
            f"{articles / seconds:.2f} | {words / seconds:,.0f} | {peak / 1024:.0f} |",
            flush=True,
        )
        print(f"<!-- {summary} -->", file=sys.stderr)
    seconds, _, summary = run(files, out / f"polnear-{args.workers[-1]}.db", args.workers[-1])
    print(f"| rerun, everything already stored | {seconds:.1f} | – | – | – |")
    print(f"\n{summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
