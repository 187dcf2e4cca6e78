"""Extraction on a Dask cluster: the same ``Extract`` as the local worker processes, with
the work spread over the workers of a Dask scheduler (``tcp://host:8786``) or of a
``LocalCluster`` started here (``local`` or ``local:N``).

Each Dask worker loads the model once, through a worker plugin, and keeps it; the client
reads the inputs (lazily), sends batches of articles as tasks, and gets the results back in
input order, with at most two batches per worker in flight. So the store, or whatever else
consumes the results, sees exactly what a local run gives, in the same order.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import OnrecordError
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


def extract_on_dask(address: str, max_chars: int, model: str) -> Any:
    """An ``Extract`` running on the Dask cluster at ``address`` (see the module docstring).
    The cluster is connected (or started) on the first article and closed at the end."""
    kind, workers = parse_address(address)

    def extract(articles: Iterable[Article]) -> Iterator[Result]:
        try:
            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - a dependency of the package
            raise ClusterError(
                "--dask needs the package distributed: pip install 'dask[distributed]'"
            ) from None
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
            width = max(1, len(client.scheduler_info().get("workers", {})))
            in_flight: deque[Any] = deque()
            batch: list[Article] = []
            for article in articles:
                batch.append(article)
                if len(batch) == DASK_BATCH:
                    in_flight.append(client.submit(_extract_batch, batch, pure=False))
                    batch = []
                    if len(in_flight) >= 2 * width:
                        yield from in_flight.popleft().result()
            if batch:
                in_flight.append(client.submit(_extract_batch, batch, pure=False))
            while in_flight:
                yield from in_flight.popleft().result()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return extract
