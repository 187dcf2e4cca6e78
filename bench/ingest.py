"""Ingest throughput: PolNeAR train + dev (924 articles) into fresh stores, with 1 and 2
local workers and on a 2-worker Dask LocalCluster, one after another in one run; then a
rerun that finds everything stored.

    python bench/ingest.py [--shared ../shared] [--workers 1 2] [--db-dir build/bench]

Each run is the real command (``onrecord ingest FILES --db STORE --workers N``) in its own
process, timed from start to exit (model loading included), with the peak resident memory of
its largest process and of all its processes together (sampled from /proc every 0.2 s).
Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def run(files: list[str], db: Path, workers: int, dask: str | None = None) -> tuple[float, float, float, str]:
    """Seconds, the peak RSS of any one process, the peak RSS of all of them together (MB),
    and the command's closing line; memory is sampled every 0.2 s."""
    command = [sys.executable, "-m", "onrecord", "ingest", *files, "--db", str(db), "--workers", str(workers)]
    if dask:
        command += ["--dask", dask]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    peaks = {"one": 0.0, "all": 0.0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.2):
            sizes = [rss_mb(p) for p in tree(process.pid)]
            peaks["one"] = max(peaks["one"], max(sizes, default=0.0))
            peaks["all"] = max(peaks["all"], sum(sizes))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode not in (0, 1):
        sys.exit(f"ingest failed ({process.returncode}): {err[-2000:]}")
    return seconds, peaks["one"], peaks["all"], err.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--db-dir", default=str(ROOT / "build" / "bench"))
    parser.add_argument(
        "--no-dask", dest="dask", action="store_false", help="skip the run on a local Dask cluster"
    )
    args = parser.parse_args(argv)
    polnear = Path(args.shared) / "data" / "polnear"
    files = [str(polnear / "train.jsonl"), str(polnear / "dev.jsonl")]
    articles = sum(1 for f in files for line in open(f, encoding="utf-8") if line.strip())
    words = sum(len(json.loads(line)["text"].split()) for f in files for line in open(f, encoding="utf-8"))
    out = Path(args.db_dir)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    print(f"PolNeAR train + dev: {articles} articles, {words:,} words; {os.cpu_count()} cores\n")
    print("| run | seconds | articles/s | words/s | peak RSS, largest process (MB) | peak RSS, all (MB) |")
    print("|---|---|---|---|---|---|")
    for workers in args.workers:
        db = out / f"polnear-{workers}.db"
        seconds, one, every, summary = run(files, db, workers)
        print(
            f"| ingest, {workers} worker{'s' if workers > 1 else ''} | {seconds:.1f} | "
            f"{articles / seconds:.2f} | {words / seconds:,.0f} | {one:.0f} | {every:.0f} |",
            flush=True,
        )
        print(f"<!-- {summary} -->", file=sys.stderr)
    if args.dask:
        seconds, one, every, summary = run(files, out / "polnear-dask.db", 1, dask="local:2")
        print(
            f"| ingest on Dask, LocalCluster of 2 workers | {seconds:.1f} | {articles / seconds:.2f} | "
            f"{words / seconds:,.0f} | {one:.0f} | {every:.0f} |",
            flush=True,
        )
        print(f"<!-- {summary} -->", file=sys.stderr)
    seconds, _, _, summary = run(files, out / f"polnear-{args.workers[-1]}.db", args.workers[-1])
    print(f"| rerun, everything already stored | {seconds:.1f} | – | – | – | – |")
    # Memory does not grow with the corpus: a tenth of it peaks where the whole does.
    dev_words = sum(len(json.loads(line)["text"].split()) for line in open(files[1], encoding="utf-8"))
    dev_articles = sum(1 for line in open(files[1], encoding="utf-8") if line.strip())
    seconds, one, every, _ = run(files[1:], out / "dev-only.db", 1)
    print(
        f"| dev alone ({dev_articles} articles), 1 worker | {seconds:.1f} | {dev_articles / seconds:.2f} | "
        f"{dev_words / seconds:,.0f} | {one:.0f} | {every:.0f} |"
    )
    print(f"\n{summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
