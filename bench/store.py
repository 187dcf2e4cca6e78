"""The store under load: ingest rate into SQLite and PostgreSQL, and search and verify
latency on a store of more than 200,000 attributions.

    python bench/store.py [--shared ../shared] [--copies 120] [--rate-articles 1000]

The attributions are extracted once, from PolNeAR dev (84 articles; the bundled examples
when ../shared is missing), and then REPLICATED: copy k of article A is stored as the
article "A~k" dated k days later, with the same text and attributions. So the large store
has real attributions, speakers and quotations, but every one of them many times over (its
quotation clusters are large, and its speakers' counts are multiples). Rates are for
``Store.add`` alone (extraction excluded), one transaction per article, as ``ingest``
writes. PostgreSQL runs on 127.0.0.1 with its default crash safety (fsync on), like SQLite
(WAL, synchronous=NORMAL).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from onrecord.pipeline import Extractor  # noqa: E402
from onrecord.records import Article, Result  # noqa: E402
from onrecord.store import Store, quotations  # noqa: E402


def extracted(shared: Path) -> list[Result]:
    dev = shared / "data" / "polnear" / "dev.jsonl"
    if dev.exists():
        records = [json.loads(line) for line in dev.open(encoding="utf-8")]
        inputs = [{k: v for k, v in r.items() if k != "attributions"} for r in records]
    else:
        inputs = [
            {"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(ROOT.glob("examples/*.txt"))
        ]
    return [r for r in Extractor().pipe(inputs) if r.ok]


def copies(results: list[Result], count: int) -> Iterator[Result]:
    """Copy k of every article: id "A~k", dated k days after the original (or 2020-01-01)."""
    for k in range(count):
        for result in results:
            meta = dict(result.article.metadata)
            try:
                day = date.fromisoformat(str(meta.get("date"))[:10])
            except ValueError:
                day = date(2020, 1, 1)
            meta["date"] = (day + timedelta(days=k)).isoformat()
            article = Article(f"{result.article.id}~{k}", result.article.text, meta)
            yield replace(result, article=article)


def rate(store: Store, results: Iterator[Result], count: int) -> tuple[float, int]:
    """Articles stored per second (and attributions written) over ``count`` articles."""
    started = time.perf_counter()
    stored = attributions = 0
    for result in results:
        if stored == count:
            break
        store.add(result)
        stored += 1
        attributions += len(result.attributions)
    return stored / (time.perf_counter() - started), attributions


def latency(run: Callable[[str], object], questions: list[str]) -> tuple[float, float, float]:
    """p50, p95 and max latency (ms) of ``run`` over ``questions``."""
    times = []
    for question in questions:
        started = time.perf_counter()
        run(question)
        times.append(1000 * (time.perf_counter() - started))
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], times[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--copies", type=int, default=120, help="copies of each article in the large store")
    parser.add_argument("--rate-articles", type=int, default=1000, help="articles for the ingest-rate rows")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args(argv)
    rng = random.Random(5)
    results = extracted(Path(args.shared))
    per_copy = sum(len(r.attributions) for r in results)
    print(f"extracted once: {len(results)} articles, {per_copy:,} attributions\n")

    work = Path(tempfile.mkdtemp(prefix="onrecord-bench-store-"))
    print("| store | articles stored | attributions | articles/s | attributions/s |")
    print("|---|---|---|---|---|")
    rows = []
    with Store(str(work / "rate.db")) as store:
        per_s, written = rate(store, copies(results, 10**6), args.rate_articles)
        rows.append(("SQLite (WAL)", per_s, written))
    try:
        from pgserver import PostgresServer

        server = PostgresServer(durable=True)
    except Exception as err:  # no server package here: say so, measure the rest
        print(f"| PostgreSQL | not measured: {err} | | | |")
        server = None
    if server is not None:
        try:
            with Store(server.new_database()) as store:
                per_s, written = rate(store, copies(results, 10**6), args.rate_articles)
                rows.append(("PostgreSQL 15 (fsync on)", per_s, written))
        finally:
            server.stop()
    for name, per_s, written in rows:
        print(
            f"| {name} | {args.rate_articles:,} | {written:,} | {per_s:.1f} | "
            f"{per_s * written / args.rate_articles:,.0f} |"
        )

    big = work / "big.db"
    started = time.perf_counter()
    with Store(str(big)) as store:
        for result in copies(results, args.copies):
            store.add(result)
        build_s = time.perf_counter() - started
        started = time.perf_counter()
        store.settle_speakers()  # what an ingest run ends with
        settle_s = time.perf_counter() - started
        counts = store.counts()
        print(
            f"\nlarge store: {counts.articles:,} articles, {counts.attributions:,} attributions, "
            f"{counts.speakers:,} speakers, {counts.clusters:,} quotation clusters; built in {build_s:.0f} s "
            f"({counts.articles / build_s:.1f} articles/s); {big.stat().st_size / 1e6:.0f} MB; "
            f"speakers settled in {settle_s:.1f} s\n"
        )
        vocabulary = sorted(
            {
                w
                for r in results
                for a in r.attributions
                for w in quotations.words(a.content_text(r.article.text))
                if len(w) > 4
            }
        )
        words = [" ".join(rng.sample(vocabulary, rng.choice((1, 1, 2)))) for _ in range(args.queries)]
        quoted = [
            q
            for r in results
            for a in r.attributions
            if (q := quotations.quoted_text(a, r.article.text)) and len(quotations.words(q)) >= 8
        ]
        trimmed = [" ".join(q.split()[2:-2]) for q in rng.sample(quoted, min(50, len(quoted)))]
        speakers = [s.speaker.name for s in store.speakers(20) if s.speaker.name]
        print("| question | count | p50 ms | p95 ms | max ms |")
        print("|---|---|---|---|---|")
        for name, run, questions in (
            ("search (1–2 words, top 20)", lambda q: store.search(q), words),
            ("search with --speaker", lambda q: store.search(q, speaker=rng.choice(speakers)), words[:100]),
            ("verify (a quotation trimmed at both ends)", lambda q: store.verify(q), trimmed),
            ("speakers --top 20", lambda q: store.speakers(20), ["x"] * 5),
        ):
            p50, p95, worst = latency(run, questions)
            print(f"| {name} | {len(questions)} | {p50:.1f} | {p95:.1f} | {worst:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
