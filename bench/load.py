"""The web app under load: ``onrecord serve`` on 127.0.0.1 and concurrent clients that
analyse short articles and search the store, for a fixed time.

    python bench/load.py [--seconds 60] [--clients 20] [--analyse-share 0.25] [--db build/bench/load.db]

The store is PolNeAR dev (``../shared/data/polnear/dev.jsonl``, ingested first with
``onrecord ingest --workers 2``) when it is there, else the bundled ``examples/``. The
server is the real command in its own process; one analysis is made before the clock
starts (the model loads on the first one). Each client (a thread with its own httpx
connection) then sends, until the time is up, ``POST /api/analyse`` with a short article
(a quarter of its requests by default) or ``GET /api/search?q=...`` with varied words.
A request that fails, times out or answers other than 200 counts as an error. The
server's resident memory (its process and any children, from /proc) is sampled every
0.2 s. Prints a Markdown table for BENCHMARKS.md; the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import rss_mb, tree  # noqa: E402  (bench/ingest.py: /proc memory of a process tree)

# Short articles for POST /api/analyse: a template filled with varied names and words, so
# that no two requests need be the same text.
SPEAKERS = [
    "Maria Lindqvist", "Tomas Reyes", "Helen Carver", "Daniel Okafor", "Amara Nwosu", "Paolo Ventresca",
]  # fmt: skip
TITLES = ["Mayor", "Senator", "Minister", "Councillor", "Governor"]
TOPICS = ["the bridge", "the budget", "water rights", "the strike", "fishing quotas", "the new hospital"]
OPINIONS = ["a waste of money", "long overdue", "the right call", "not good enough", "a promise kept"]
ARTICLE = (
    "{place} council debates {topic}\n"
    "{place_upper} — {title} {speaker} said on {day} that {topic} was {opinion}.\n"
    "“We have waited long enough, and people deserve an answer,” {last} told reporters.\n"
    "{other} disagreed. “This plan is {opinion2},” {other_last} said, adding that the council "
    "would vote again next month.\n"
    "{last} told {other_last} that the figures were “simply wrong”.\n"
)
PLACES = ["Eastbrook", "Northmoor", "Calder Falls", "Port Ailsa", "Westham"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
# Searches: single words, two words, phrases, a speaker filter, and words found nowhere.
WORDS = [
    "Trump", "Clinton", "email", "campaign", "tax", "immigration", "debate", "Obama", "polls",
    "Russia", "FBI", "police", "economy", "jobs", "wall", "voters", "health", "security",
    "council", "strike", "budget", "water", "bridge", "quota", "nurses", "zyxwvut",
]  # fmt: skip
PHRASES = ['"health care"', '"white house"', '"the american people"', '"not going to"']
# Speaker filters, by store (a speaker the store does not know is a 400, not a search).
FILTERS = {"PolNeAR dev": ["Trump", "Clinton", "Obama"], "examples/": ["Reyes", "Okafor", "Treadwell"]}


def article_text(rng: random.Random) -> str:
    speaker, other = rng.sample(SPEAKERS, 2)
    place = rng.choice(PLACES)
    return ARTICLE.format(
        place=place,
        place_upper=place.upper(),
        topic=rng.choice(TOPICS),
        title=rng.choice(TITLES),
        speaker=speaker,
        last=speaker.split()[-1],
        other=other,
        other_last=other.split()[-1],
        day=rng.choice(DAYS),
        opinion=rng.choice(OPINIONS),
        opinion2=rng.choice(OPINIONS),
    )


def search_params(rng: random.Random, speakers: list[str]) -> dict[str, str]:
    shape = rng.random()
    if shape < 0.5:
        params = {"q": rng.choice(WORDS)}
    elif shape < 0.8:
        params = {"q": " ".join(rng.sample(WORDS, 2))}
    else:
        params = {"q": rng.choice(PHRASES)}
    if rng.random() < 0.1:
        params["speaker"] = rng.choice(speakers)
    return params


@dataclass
class Tally:
    """Latencies (seconds) and errors of one endpoint."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)


def percentile(values: list[float], q: float) -> float:
    """The ``q``-quantile (0..1) of ``values`` by the nearest-rank method."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q * len(ordered) + 0.5)))
    return ordered[rank - 1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build_store(db: Path, shared: Path, workers: int) -> str:
    """Ingest the corpus into ``db`` (a rerun skips what is stored); what was ingested."""
    dev = shared / "data" / "polnear" / "dev.jsonl"
    if dev.exists():
        source, command = "PolNeAR dev", ["ingest", str(dev), "--workers", str(workers)]
    else:
        source, command = "examples/", ["ingest", str(ROOT / "examples"), "--workers", "1"]
    db.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "onrecord", *command, "--db", str(db), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 1):
        sys.exit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    seconds = time.perf_counter() - started
    print(f"<!-- store: {source} in {db} ({seconds:.0f} s to ingest) -->", file=sys.stderr)
    return source


def wait_until_up(base: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"onrecord serve exited with {process.returncode}")
        try:
            if httpx.get(base + "/api/articles?limit=1", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    sys.exit("onrecord serve did not answer within a minute")


def client(
    base: str,
    seed: int,
    deadline: float,
    share: float,
    speakers: list[str],
    tallies: dict[str, Tally],
    lock: threading.Lock,
) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=120) as http:
        while time.monotonic() < deadline:
            analyse = rng.random() < share
            name = "POST /api/analyse" if analyse else "GET /api/search"
            started = time.perf_counter()
            problem = None
            try:
                if analyse:
                    response = http.post("/api/analyse", json={"text": article_text(rng)})
                else:
                    response = http.get("/api/search", params=search_params(rng, speakers))
                if response.status_code != 200:
                    problem = f"{response.status_code} {response.text[:200]}"
            except httpx.HTTPError as err:
                problem = f"{type(err).__name__}: {err}"
            elapsed = time.perf_counter() - started
            with lock:
                tally = tallies[name]
                if problem is None:
                    tally.latencies.append(elapsed)
                else:
                    tally.errors += 1
                    if len(tally.error_samples) < 5:
                        tally.error_samples.append(problem)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the clients run (default: 60)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (default: 20)")
    parser.add_argument(
        "--analyse-share", type=float, default=0.25, help="share of requests that analyse (default: 0.25)"
    )
    parser.add_argument("--db", default=str(ROOT / "build" / "bench" / "load.db"), help="the store to serve")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--workers", type=int, default=2, help="ingest workers (default: 2)")
    args = parser.parse_args(argv)

    source = build_store(Path(args.db), Path(args.shared), args.workers)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    serve = ["serve", "--db", args.db, "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(
        [sys.executable, "-m", "onrecord", *serve],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak = {"rss": 0.0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.2):
            peak["rss"] = max(peak["rss"], sum(rss_mb(p) for p in tree(server.pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    try:
        wait_until_up(base, server)
        idle_rss = sum(rss_mb(p) for p in tree(server.pid))
        sampler.start()
        started = time.perf_counter()
        warm = httpx.post(base + "/api/analyse", json={"text": article_text(random.Random(0))}, timeout=300)
        warm.raise_for_status()
        first = time.perf_counter() - started
        articles = len(httpx.get(base + "/api/articles", params={"limit": 1000}, timeout=60).json())

        tallies = {"POST /api/analyse": Tally(), "GET /api/search": Tally()}
        lock = threading.Lock()
        started = time.perf_counter()
        deadline = time.monotonic() + args.seconds
        clients = [
            threading.Thread(
                target=client,
                args=(base, n, deadline, args.analyse_share, FILTERS[source], tallies, lock),
            )
            for n in range(args.clients)
        ]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
        wall = time.perf_counter() - started
    finally:
        stop.set()
        if sampler.is_alive():
            sampler.join()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    print(
        f"{args.clients} clients for {args.seconds:.0f} s against `onrecord serve` on 127.0.0.1 "
        f"({os.cpu_count()} cores, clients on the same machine); store: {source}, {articles} articles; "
        f"{args.analyse_share:.0%} of requests analyse\n"
    )
    print("| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms | requests/s |")
    print("|---|---|---|---|---|---|---|---|")
    everything = Tally()
    for name, tally in [*tallies.items(), ("all", everything)]:
        if name != "all":
            everything.latencies += tally.latencies
            everything.errors += tally.errors
        ms = [x * 1000 for x in tally.latencies]
        count = len(ms) + tally.errors
        cells = [percentile(ms, q) for q in (0.5, 0.95, 0.99)] + [max(ms, default=float("nan"))]
        print(
            f"| {name} | {count:,} | {tally.errors} | " + " | ".join(f"{c:,.0f}" for c in cells) + f" | "
            f"{count / wall:.1f} |"
        )
    print(
        f"\nserver RSS: {idle_rss:.0f} MB idle, peak {peak['rss']:.0f} MB under load (process and children); "
        f"first analysis (model load) {first:.1f} s"
    )
    for name, tally in tallies.items():
        for sample_error in tally.error_samples:
            print(f"<!-- {name} error: {sample_error} -->", file=sys.stderr)
    return 1 if everything.errors else 0


if __name__ == "__main__":
    sys.exit(main())
