"""Extraction on a Dask cluster: the same extraction as the local worker processes, with
the work spread over the workers of a Dask scheduler (``tcp://host:8786``) or of a
``LocalCluster`` started here (``local`` or ``local:N``).

Each Dask worker loads the model once, through a worker plugin, and keeps it.

``extract_files_on_dask`` (``onrecord ingest --dask`` and ``onrecord extract --dask``):
every input file (a shard: a JSONL, CSV, WARC, HTML or text file, a local path or an fsspec
URL) is read by a task on a worker and its articles stay there; the client gets back only
each article's id and content hash, drops those it does not want (ingest: those the store
has), and sends tasks that extract the rest in batches, on the worker that holds them where
it can. Results come back to the client in input order, with at most two batches per
worker in flight and a few files read ahead, so the store (or the output) sees exactly what
a local run gives, in the same order. Standard input is read by the client.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .errors import OnrecordError
from .io.readers import ReadFailure, ReadOptions, Shard, read_shard
from .io.writers import one_line
from .records import Article, Result

# Articles sent to a Dask worker at a time.
DASK_BATCH = 8
_ATTRIBUTE = "onrecord_extractor"


class ClusterError(OnrecordError):
    """A Dask cluster that cannot be reached or started."""

    code = "E007"


def _plugin(max_chars: int, model: str) -> Any:
    """A Dask worker plugin that loads the Extractor once when a worker starts."""
    from distributed import WorkerPlugin

    class ExtractorPlugin(WorkerPlugin):  # type: ignore[misc]
        name = "onrecord-extractor"

        def setup(self, worker: Any) -> None:
            from .pipeline import Extractor

            setattr(worker, _ATTRIBUTE, Extractor(max_chars=max_chars, model=model))

        def teardown(self, worker: Any) -> None:
            if hasattr(worker, _ATTRIBUTE):
                delattr(worker, _ATTRIBUTE)

    return ExtractorPlugin()


def _extract_batch(batch: list[Article]) -> list[Result]:
    from distributed import get_worker

    return list(getattr(get_worker(), _ATTRIBUTE).pipe(batch))


def parse_address(address: str) -> tuple[str, int | None]:
    """``("local", N)`` for ``local``/``local:N``, else ``(address, None)`` for a scheduler."""
    if address == "local" or address.startswith("local:"):
        count = address.partition(":")[2]
        if count and (not count.isdigit() or int(count) < 1):
            raise ClusterError(f"--dask {address!r}: write local, local:N (N workers) or tcp://HOST:PORT")
        return "local", int(count) if count else None
    if "://" not in address:
        raise ClusterError(f"--dask {address!r}: write local, local:N (N workers) or tcp://HOST:PORT")
    return address, None


@contextmanager
def _client(address: str, max_chars: int, model: str) -> Iterator[tuple[Any, int]]:
    """A Dask client of the cluster at ``address`` with the extractor plugin registered,
    and the number of its workers; a LocalCluster is started here and closed after."""
    kind, workers = parse_address(address)
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ClusterError("--dask needs the package distributed: pip install 'dask[distributed]'") from None
    cluster = None
    try:
        if kind == "local":
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
        else:
            client = Client(kind, timeout=30)
    except (OSError, TimeoutError, RuntimeError) as err:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err}") from err
    try:
        client.register_plugin(_plugin(max_chars, model))
        yield client, max(1, len(client.scheduler_info().get("workers", {})))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# -- input files read and extracted on the workers ---------------------------------------------
Head = tuple[str, str, str]  # where, article id, content hash
Wanted = Callable[[str, str, str], bool]
Work = Shard | tuple[str, Article | ReadFailure]
Item = ReadFailure | tuple[str, Result]


def _read_shard(shard: Shard, options: ReadOptions) -> list[tuple[str, Article | ReadFailure]]:
    return list(read_shard(shard, options))


def _heads(located: list[tuple[str, Article | ReadFailure]]) -> list[Head | ReadFailure]:
    from .store.store import text_hash

    return [
        item if isinstance(item, ReadFailure) else (where, item.id, text_hash(item.text))
        for where, item in located
    ]


def _extract_part(located: list[tuple[str, Article | ReadFailure]], indices: list[int]) -> list[Result]:
    articles = [located[i][1] for i in indices]
    assert all(isinstance(a, Article) for a in articles)
    return _extract_batch(articles)  # type: ignore[arg-type]


@dataclass
class _Part:
    """A batch of one shard's articles being extracted on the cluster, or items ready."""

    heads: list[Head] = field(default_factory=list)
    future: Any = None
    ready: list[Item] = field(default_factory=list)

    def items(self) -> list[Item]:
        if self.future is None:
            return self.ready
        try:
            results = self.future.result()
        except Exception as err:  # a task that failed on every try (KilledWorker, …)
            _raise_if_cluster_lost(err)
            reason = f"the Dask task extracting this article failed: {_reason(err)}"
            return [(w, Result(article=Article(i, ""), error=reason)) for w, i, _ in self.heads]
        return [(w, r) for (w, _, _), r in zip(self.heads, results, strict=True)]


def extract_files_on_dask(address: str, max_chars: int, model: str, options: ReadOptions) -> Any:
    """A runner of ``onrecord ingest`` (``Ingest.run_shards``) and ``onrecord extract`` on the
    cluster at ``address``: given the input files (``readers.shards``) and ``wanted(where,
    article id, content hash)``, which says whether an article is to be extracted (ingest:
    whether the store still needs it; extract: always), it yields, in input order, each read
    failure and each ``(where, result)`` (see the module docstring)."""
    parse_address(address)

    def run(items: Iterable[Work], wanted: Wanted) -> Iterator[Item]:
        with _client(address, max_chars, model) as (client, width):
            in_flight: deque[_Part] = deque()
            for part in _parts(client, items, wanted, options, ahead=2 * width):
                in_flight.append(part)
                if sum(p.future is not None for p in in_flight) >= 2 * width:
                    yield from in_flight.popleft().items()
            while in_flight:
                yield from in_flight.popleft().items()

    return run


def _parts(
    client: Any, items: Iterable[Work], wanted: Wanted, options: ReadOptions, ahead: int
) -> Iterator[_Part]:
    """The work of ``items`` as parts, in input order: shards are read on the workers
    (``ahead`` of them in flight), their heads checked with ``wanted``, and the wanted
    articles sent to be extracted ``DASK_BATCH`` at a time."""
    source = iter(items)
    reads: deque[tuple[Shard, Any, Any] | tuple[str, Article | ReadFailure]] = deque()

    def read_ahead() -> None:
        while len(reads) < ahead:
            shard = next(source, None)
            if shard is None:
                return
            if isinstance(shard, Shard):
                located = client.submit(_read_shard, shard, options, pure=False)
                reads.append((shard, located, client.submit(_heads, located, pure=False)))
            else:
                reads.append(shard)

    read_ahead()
    while reads:
        entry = reads.popleft()
        read_ahead()
        if len(entry) == 2:  # read here (standard input)
            where, item = entry
            [head] = _heads([(where, item)])
            if isinstance(head, ReadFailure):
                yield _Part(ready=[head])
            elif wanted(*head):
                yield _Part(heads=[head], future=client.submit(_extract_batch, [item], pure=False))
            continue
        shard, located, heads_future = entry
        try:
            heads = heads_future.result()
        except Exception as err:  # the read task itself failed (a worker lost, …)
            _raise_if_cluster_lost(err)
            yield _Part(ready=[ReadFailure(shard.name, f"cannot read on a Dask worker: {_reason(err)}")])
            continue
        batch: list[int] = []
        for index, head in enumerate(heads):
            if isinstance(head, ReadFailure):
                if batch:
                    yield _submit(client, located, heads, batch)
                    batch = []
                yield _Part(ready=[head])
            elif wanted(*head):
                batch.append(index)
                if len(batch) == DASK_BATCH:
                    yield _submit(client, located, heads, batch)
                    batch = []
        if batch:
            yield _submit(client, located, heads, batch)


def _submit(client: Any, located: Any, heads: list[Head | ReadFailure], batch: list[int]) -> _Part:
    chosen = [heads[i] for i in batch]
    return _Part(
        heads=[h for h in chosen if not isinstance(h, ReadFailure)],
        future=client.submit(_extract_part, located, batch, pure=False),
    )


def _raise_if_cluster_lost(err: BaseException) -> None:
    """A future that failed because the client lost its scheduler (or was closed) ends the
    run with one line; a task that failed is one item's failure, as locally."""
    from concurrent.futures import CancelledError

    from distributed.comm.core import CommClosedError

    if isinstance(err, (CancelledError, CommClosedError, OSError, TimeoutError)):
        raise ClusterError(f"lost the Dask cluster: {_reason(err)}") from err


def _reason(err: BaseException) -> str:
    return one_line(str(err)) or type(err).__name__
