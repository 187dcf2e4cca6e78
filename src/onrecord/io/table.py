"""Attributions as flat table rows: the one shape of ``onrecord export --format csv`` and
``--format parquet``, of ``ingest --parquet DIR``, and what ``onrecord load`` reads back.

A row is one attribution with its article's id and common metadata, the texts of its cue,
source and content, their offsets (JSON), its speaker and addressee, and, from a store, the
store's speaker id and the quotation's cluster (numbered by each cluster's first quotation in
article-id order, not by ingest order). Parquet rows carry three more columns so that
nothing is lost: ``attribution`` (the FORMAT.md attribution object, JSON) on every row, and
``article_text`` and ``article_metadata`` (JSON) on the first row of each article; an
article with no attribution still has one row, whose ``n`` is null.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..records import Article, Attribution, Result, Span, spans_text

COLUMNS = (
    "article_id",
    "title",
    "date",
    "publisher",
    "url",
    "n",
    "kind",
    "speaker",
    "speaker_id",
    "speaker_type",
    "addressee",
    "cue",
    "source",
    "content",
    "quotation",
    "cluster_id",
    "cue_spans",
    "source_spans",
    "content_spans",
    "confidence",
)
FULL_COLUMNS = (*COLUMNS, "attribution", "article_text", "article_metadata")
# One Parquet part file per this many articles (ingest --parquet).
ARTICLES_PER_PART = 1000


def rows(
    record: Mapping[str, Any],
    text: str,
    quotations: Mapping[int, tuple[str | None, int | None]] | None = None,
    *,
    full: bool = False,
    date: str | None = None,
) -> list[dict[str, Any]]:
    """The rows of one article's FORMAT.md output ``record`` (over its ``text``).

    quotations: ``n`` → (quoted words, cluster number) from a store; full: the Parquet shape
    (``FULL_COLUMNS``, a row even for an article without attributions); date: the
    article's date as the store keeps it (else the record's own).
    """
    meta = {k: v for k, v in record.items() if k not in ("id", "attributions")}
    base = {
        "article_id": str(record["id"]),
        "title": text_value(meta.get("title")),
        "date": date if date is not None else text_value(meta.get("date")),
        "publisher": text_value(meta.get("publisher")),
        "url": text_value(meta.get("url")),
    }
    out = []
    for n, data in enumerate(record.get("attributions") or ()):
        spans = {
            key: tuple(Span(int(s), int(e)) for s, e in data.get(key) or ())
            for key in ("cue", "source", "content")
        }
        speaker = data.get("speaker") or {}
        addressee = data.get("addressee") or {}
        quoted, cluster = (quotations or {}).get(n, (None, None))
        row = {
            **base,
            "n": n,
            "kind": data.get("kind"),
            "speaker": speaker.get("name") or speaker.get("description"),
            "speaker_id": speaker.get("id"),
            "speaker_type": speaker.get("type") or "",
            "addressee": addressee.get("name") or addressee.get("description"),
            "cue": spans_text(spans["cue"], text, " "),
            "source": spans_text(spans["source"], text, " "),
            "content": spans_text(spans["content"], text),
            "quotation": quoted,
            "cluster_id": cluster,
            "cue_spans": json.dumps(data.get("cue") or []),
            "source_spans": json.dumps(data.get("source") or []),
            "content_spans": json.dumps(data.get("content") or []),
            "confidence": data.get("confidence"),
        }
        if full:
            row["attribution"] = json.dumps(data, ensure_ascii=False)
        out.append(row)
    if full:
        if not out:
            out.append({**base, **{c: None for c in FULL_COLUMNS if c not in base}})
        out[0]["article_text"] = text
        out[0]["article_metadata"] = json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str)
        for row in out[1:]:
            row.setdefault("article_text", None)
            row.setdefault("article_metadata", None)
    return out


def parquet_schema() -> Any:
    import pyarrow as pa

    types = {"n": pa.int64(), "cluster_id": pa.int64(), "confidence": pa.float64()}
    return pa.schema([(c, types.get(c, pa.string())) for c in FULL_COLUMNS])


def write_parquet(path: str | Path, article_rows: Iterable[list[dict[str, Any]]], batch: int = 5000) -> int:
    """Write the rows of many articles to one Parquet file; returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    pending: list[dict[str, Any]] = []
    with pq.ParquetWriter(str(path), schema) as writer:
        for group in article_rows:
            pending.extend(group)
            if len(pending) >= batch:
                writer.write_table(pa.Table.from_pylist(pending, schema=schema))
                count += len(pending)
                pending = []
        if pending or not count:
            writer.write_table(pa.Table.from_pylist(pending, schema=schema))
            count += len(pending)
    return count


class ParquetParts:
    """``ingest --parquet DIR``: results written as ``part-00000.parquet``, … of
    ``ARTICLES_PER_PART`` articles each, in input order (a rerun overwrites the parts)."""

    def __init__(self, directory: str | Path, articles_per_part: int = ARTICLES_PER_PART) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.per_part = articles_per_part
        self.pending: list[list[dict[str, Any]]] = []
        self.parts = 0

    def write(self, result: Result) -> None:
        quotations = _quotations(result)
        self.pending.append(rows(result.to_dict(), result.article.text, quotations, full=True))
        if len(self.pending) == self.per_part:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            write_parquet(self.directory / f"part-{self.parts:05d}.parquet", self.pending)
            self.parts += 1
            self.pending = []

    def close(self) -> None:
        self.flush()


def read_results(path: str | Path) -> Iterator[tuple[str, Result]]:
    """``(where, Result)`` for every article in a Parquet file or a directory of them
    (sorted by name), as ``ingest --parquet`` or ``export --format parquet`` wrote them."""
    import pyarrow.parquet as pq

    source = Path(path)
    files = sorted(source.glob("*.parquet")) if source.is_dir() else [source]
    for file in files:
        current: list[dict[str, Any]] = []
        try:
            parquet = pq.ParquetFile(str(file))
        except Exception as err:  # pyarrow's ArrowInvalid, OSError: not Parquet, unreadable
            raise ValueError(f"{file}: not a Parquet file onrecord can read ({err})") from None
        missing = [
            c for c in ("article_id", "attribution", "article_text") if c not in parquet.schema_arrow.names
        ]
        if missing:
            raise ValueError(f"{file}: not onrecord's Parquet (no {', '.join(missing)} column)")
        for batch in parquet.iter_batches(
            columns=["article_id", "n", "attribution", "article_text", "article_metadata"]
        ):
            for row in batch.to_pylist():
                if current and row["article_id"] != current[0]["article_id"]:
                    yield str(file), _result(current)
                    current = []
                current.append(row)
        if current:
            yield str(file), _result(current)


def _result(article_rows: list[dict[str, Any]]) -> Result:
    first = article_rows[0]
    if first.get("article_text") is None:
        raise ValueError(f"article {first['article_id']!r}: its first row has no article_text")
    metadata = json.loads(first.get("article_metadata") or "{}")
    attributions = tuple(
        Attribution.from_dict(json.loads(r["attribution"])) for r in article_rows if r.get("attribution")
    )
    return Result(Article(first["article_id"], first["article_text"], metadata), attributions)


def _quotations(result: Result) -> dict[int, tuple[str | None, int | None]]:
    from ..store.quotations import quoted_text

    return {n: (quoted_text(a, result.article.text), None) for n, a in enumerate(result.attributions)}


def text_value(value: Any) -> str | None:
    """A metadata value as a text column: strings as they are, other JSON values as JSON,
    empty as None."""
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
