"""Ingest: articles from any reader, through the extractor, into the store.

The main process reads the inputs (lazily, so memory stays flat), drops the articles the
store already has (by id: a rerun does no work twice), hands the rest to the extractor
(in this process or in worker processes) and writes each result in its own transaction,
in input order. An item that cannot be read, extracted or stored is recorded in the
``failures`` table with its reason, and the run goes on.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from ..errors import StoreError
from ..io.readers import ReadFailure
from ..records import Article, Result
from .store import ArticleIdClash, Store, text_hash

Located = tuple[str, Article | ReadFailure]
Extract = Callable[[Iterable[Article]], Iterator[Result]]
InOrder = Callable[[Iterable[Located], Extract], Iterator[Any]]
ShardRunner = Callable[[Iterable[Any], Callable[[str, str, str], bool]], Iterator[Any]]


@dataclass
class IngestCounts:
    stored: int = 0
    attributions: int = 0
    skipped: int = 0
    failed: int = 0
    # Failures not recorded before (a rerun meets the old ones again).
    new_failures: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds > 0 else 0.0


class Ingest:
    """One ingest run into ``store``; ``run`` does it all and returns the counts.

    on_failure: called with one line for each failure (the CLI prints it).
    """

    def __init__(
        self,
        store: Store,
        *,
        on_failure: Callable[[str], None] | None = None,
        progress: Progress | None = None,
        sink: Callable[[Result], None] | None = None,
    ) -> None:
        self.store = store
        self.counts = IngestCounts()
        self.on_failure = on_failure or (lambda message: None)
        self.progress = progress
        # Also given every article extracted in this run (ingest --parquet).
        self.sink = sink

    def run(self, located: Iterable[Located], extract: Extract, in_order: InOrder) -> IngestCounts:
        """Extract the articles of ``located`` not stored yet, and store them."""
        return self._timed(in_order(self.pending(located), extract))

    def run_shards(self, shards: Iterable[Any], runner: ShardRunner) -> IngestCounts:
        """Ingest with a runner that reads the inputs where it extracts them (a Dask
        cluster: ``cluster.extract_files_on_dask``): it asks ``wanted(where, article id, content
        hash)`` before extracting an article, and yields failures and results in order."""
        return self._timed(runner(shards, self._wanted))

    def load(self, results: Iterable[tuple[str, Result]]) -> IngestCounts:
        """Store results extracted elsewhere (``onrecord load``), skipping those stored."""
        return self._timed(
            (where, result) for where, result in results if not self._stored_already(where, result.article)
        )

    def _timed(self, items: Iterable[ReadFailure | tuple[str, Result]]) -> IngestCounts:
        started = time.monotonic()
        try:
            for item in items:
                if isinstance(item, ReadFailure):
                    self.failure(item.item, item.reason, "read")
                else:
                    self.result(*item)
                self.counts.seconds = time.monotonic() - started
                if self.progress:
                    self.progress.update(self.counts)
            if self.store.needs_settle():
                self.store.settle_speakers()
        finally:
            self.counts.seconds = time.monotonic() - started
            if self.progress:
                self.progress.done()
        return self.counts

    def _stored_already(self, where: str, article: Article) -> bool:
        """True (and counted, or recorded as a failure) when the store has this id."""
        return not self._wanted(where, article.id, text_hash(article.text))

    def _wanted(self, where: str, article_id: str, digest: str) -> bool:
        """False (and counted, or recorded as a failure) when the store has this id."""
        stored = self.store.stored_text_hash(article_id)
        if stored is None:
            return True
        if stored == digest:
            self.counts.skipped += 1
        else:
            self.failure(where, str(ArticleIdClash(article_id)), "read", article_id)
        return False

    def pending(self, located: Iterable[Located]) -> Iterator[Located]:
        """The items still to do: read failures, and articles the store does not have."""
        for where, item in located:
            if isinstance(item, Article) and self._stored_already(where, item):
                continue
            yield where, item

    def result(self, where: str, result: Result) -> None:
        article_id = result.article.id
        if not result.ok:
            self.failure(where, result.error or "extraction failed", "extract", article_id)
            return
        if self.sink is not None:
            self.sink(result)
        try:
            stored = self.store.add(result, where)
        except StoreError:
            raise  # the database itself failed: every later article would too
        except ArticleIdClash as err:
            self.failure(where, str(err), "store", article_id)
            return
        except Exception as err:  # one article the store refuses must not end the run
            self.failure(where, f"cannot store the article: {err!r}", "store", article_id)
            return
        if stored:
            self.counts.stored += 1
            self.counts.attributions += len(result.attributions)
        else:  # the same id twice in this input
            self.counts.skipped += 1

    def failure(self, item: str, reason: str, stage: str, article_id: str | None = None) -> None:
        self.counts.failed += 1
        name = item if article_id in (None, item) else f"{item} (article {article_id!r})"
        if self.store.add_failure(item, reason, stage, article_id):
            self.counts.new_failures += 1
            self.on_failure(f"{name}: {reason}")
        else:
            self.on_failure(f"{name}: {reason} (recorded before)")


class Progress:
    """A progress line on standard error: articles stored, skipped, failed, articles/s.

    On a terminal it is redrawn in place twice a second; elsewhere (a log file) a line is
    written every ``log_every_s`` seconds.
    """

    def __init__(self, stream: TextIO | None = None, log_every_s: float = 30.0) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every = 0.5 if self.tty else log_every_s
        self.last = time.monotonic()
        self.shown = False

    def line(self, counts: IngestCounts) -> str:
        return (
            f"onrecord: ingest: {counts.stored:,} stored, {counts.skipped:,} skipped, "
            f"{counts.failed:,} failed · {counts.rate:,.1f} articles/s"
        )

    def update(self, counts: IngestCounts) -> None:
        now = time.monotonic()
        if now - self.last < self.every:
            return
        self.last = now
        if self.tty:
            self.stream.write("\r" + self.line(counts) + "\x1b[K")
            self.shown = True
        else:
            self.stream.write(self.line(counts) + "\n")
        self.stream.flush()

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    def done(self) -> None:
        self.clear()
