"""Writers: turn ``Result`` objects into output formats, one result at a time, in input order.

Each writer is made over a text stream, gets ``write(result)`` for every result and
``close()`` once at the end (which finishes the format, e.g. a JSON array's ``]``, but
leaves the stream open for its owner). ``open_writer`` makes one for a format name and an
output path, and owns the file it opens.

Formats:
- ``jsonl``: the FORMAT.md output record (``Result.to_dict()``), one a line; a failed article
  keeps its line, with an ``error`` field, so nothing is lost.
- ``json``: the same records as one JSON array.
- ``csv``: one row per attribution, with the texts and the offsets (as JSON) of every span.
- ``table``: a fixed-width table for reading in a terminal.
- ``brat``: BRAT standoff annotations (``.ann``); to a directory, ``ID.txt`` and ``ID.ann``
  per article plus an ``annotation.conf``, so the directory opens in BRAT as it is.
- ``citron``: BBC Citron's JSON document shape (``text`` and ``quotes`` with ``cue``,
  ``sources``, ``contents``), one document a line.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from ..records import Attribution, Result, Span, Speaker

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("jsonl", "json", "csv", "table", "brat", "citron")
# Formats whose -o names a directory of per-article files rather than one file.
DIRECTORY_FORMATS = frozenset({"brat"})

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "speaker",
    "speaker_type",
    "addressee",
    "cue",
    "source",
    "content",
    "cue_offsets",
    "source_offsets",
    "content_offsets",
    "confidence",
)


class Writer:
    """Writes results to a text stream; ``close()`` finishes the format, and closes the
    stream only when the writer owns it (``owns_stream``: a file ``open_writer`` opened)."""

    def __init__(self, stream: TextIO, *, owns_stream: bool = False) -> None:
        self.stream = stream
        self.owns_stream = owns_stream

    def write(self, result: Result) -> None:
        raise NotImplementedError

    def write_all(self, results: Iterable[Result]) -> None:
        for result in results:
            self.write(result)

    def close(self) -> None:
        if self.owns_stream:
            self.stream.close()
        else:
            self.stream.flush()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class JsonlWriter(Writer):
    """One FORMAT.md output record a line (``ensure_ascii=False``)."""

    def write(self, result: Result) -> None:
        self.stream.write(_dumps(result.to_dict()) + "\n")


class JsonWriter(Writer):
    """All output records as one JSON array, written as they come."""

    def __init__(self, stream: TextIO, **kwargs: Any) -> None:
        super().__init__(stream, **kwargs)
        self.count = 0

    def write(self, result: Result) -> None:
        self.stream.write(("[\n" if self.count == 0 else ",\n") + _dumps(result.to_dict()))
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "[]\n")
        super().close()


class CsvWriter(Writer):
    """One row per attribution (an article without attributions has no row)."""

    def __init__(self, stream: TextIO, **kwargs: Any) -> None:
        super().__init__(stream, **kwargs)
        self.csv = csv.writer(stream)
        self.csv.writerow(CSV_COLUMNS)

    def write(self, result: Result) -> None:
        self.csv.writerows(csv_rows(result))


class TableWriter(Writer):
    """A readable fixed-width table: the article id, then one line per attribution."""

    SPEAKER, KIND, CUE, ADDRESSEE = 24, 8, 14, 18

    def __init__(self, stream: TextIO, width: int | None = None, **kwargs: Any) -> None:
        super().__init__(stream, **kwargs)
        self.width = width or shutil.get_terminal_size((120, 24)).columns
        self.count = 0

    def write(self, result: Result) -> None:
        self.stream.write(("\n" if self.count else "") + "\n".join(self.lines(result)) + "\n")
        self.count += 1

    def lines(self, result: Result) -> list[str]:
        article = result.article
        if not result.ok:
            return [f"{article.id}: FAILED: {result.error}"]
        n = len(result.attributions)
        title = article.metadata.get("title")
        head = f"{article.id} ({n} attribution{'' if n == 1 else 's'})"
        lines = [head + (f": {one_line(str(title))}" if title else "")]
        if not n:
            return lines
        fixed = 2 + self.SPEAKER + self.KIND + self.CUE + self.ADDRESSEE + 4
        content_width = max(20, self.width - fixed)
        lines.append(self._row("SPEAKER", "KIND", "CUE", "ADDRESSEE", "CONTENT", content_width))
        text = article.text
        for a in result.attributions:
            lines.append(
                self._row(
                    _speaker_label(a.speaker) or "-",
                    a.kind,
                    one_line(a.cue_text(text)) or "-",
                    _speaker_label(a.addressee) or "",
                    one_line(a.content_text(text)),
                    content_width,
                )
            )
        return lines

    def _row(self, speaker: str, kind: str, cue: str, addressee: str, content: str, width: int) -> str:
        cells = [
            _fit(speaker, self.SPEAKER),
            _fit(kind, self.KIND),
            _fit(cue, self.CUE),
            _fit(addressee, self.ADDRESSEE),
        ]
        return "  " + " ".join(cells) + " " + shorten(content, width)


class BratWriter(Writer):
    """BRAT standoff lines for every article, each article after a ``# article ID`` comment."""

    def write(self, result: Result) -> None:
        if not result.ok:
            self.stream.write(f"# article {result.article.id}: FAILED: {one_line(result.error or '')}\n")
            return
        self.stream.write(f"# article {result.article.id}\n")
        for line in brat_lines(result):
            self.stream.write(line + "\n")


class BratDirectoryWriter(Writer):
    """``ID.txt`` + ``ID.ann`` per article in ``directory`` (made if missing), and an
    ``annotation.conf`` declaring the types, so BRAT can open the directory as it is."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / "annotation.conf").write_text(BRAT_CONF, encoding="utf-8")
        self.names: set[str] = set()

    def write(self, result: Result) -> None:
        if not result.ok:
            return  # the caller reports failed articles; there is nothing to annotate
        name = self._file_name(result.article.id)
        with open(self.directory / f"{name}.txt", "w", encoding="utf-8", newline="") as out:
            out.write(result.article.text)
        with open(self.directory / f"{name}.ann", "w", encoding="utf-8", newline="\n") as out:
            out.writelines(line + "\n" for line in brat_lines(result))

    def close(self) -> None:
        pass

    def _file_name(self, article_id: str) -> str:
        base = re.sub(r"[^\w.-]", "_", article_id).lstrip(".") or "article"
        name, n = base, 1
        while name in self.names:
            n += 1
            name = f"{base}-{n}"
        if name != article_id:
            log.warning("article %r is written as %s.ann", article_id, name)
        self.names.add(name)
        return name


class CitronWriter(Writer):
    """One Citron-style JSON document a line: ``id``, ``text`` and ``quotes``."""

    def write(self, result: Result) -> None:
        self.stream.write(_dumps(citron_record(result)) + "\n")


WRITERS: dict[str, type[Writer]] = {
    "jsonl": JsonlWriter,
    "json": JsonWriter,
    "csv": CsvWriter,
    "table": TableWriter,
    "brat": BratWriter,
    "citron": CitronWriter,
}


def make_writer(fmt: str, stream: TextIO, *, owns_stream: bool = False) -> Writer:
    """A writer of format ``fmt`` over ``stream`` (closed with the writer if it owns it)."""
    try:
        cls = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(FORMATS)}") from None
    return cls(stream, owns_stream=owns_stream)


def open_writer(fmt: str, output: str | Path) -> Writer:
    """A writer of format ``fmt`` to the path ``output``: a file, or for ``brat`` a directory
    (made if missing). The writer closes the file when it is closed."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt in DIRECTORY_FORMATS:
        return BratDirectoryWriter(output)
    stream = open(output, "w", encoding="utf-8", newline="" if fmt == "csv" else "\n")
    return make_writer(fmt, stream, owns_stream=True)


# -- one result in each shape ---------------------------------------------------------------
def csv_rows(result: Result) -> list[list[str]]:
    """The CSV rows (``CSV_COLUMNS``) of one result: one per attribution."""
    text = result.article.text
    rows = []
    for a in result.attributions:
        rows.append(
            [
                result.article.id,
                a.kind,
                _speaker_label(a.speaker),
                a.speaker.type if a.speaker else "",
                _speaker_label(a.addressee),
                a.cue_text(text),
                a.source_text(text),
                a.content_text(text),
                _offsets(a.cue),
                _offsets(a.source),
                _offsets(a.content),
                str(round(a.confidence, 4)),
            ]
        )
    return rows


def brat_lines(result: Result) -> list[str]:
    """BRAT standoff lines for one article, in the shape of the PolNeAR corpus.

    Every cue, source, content (and addressee mention) is a ``T`` line, its fragments
    ``start end;start end`` (a span across a line break is split there, as BRAT requires);
    an ``Attribution`` trigger ``T`` on the cue (on the content when there is no cue) and an
    ``E`` line ``Attribution:T.. Cue:T.. Source:T.. Content:T.. Addressee:T..`` link them; an
    ``A`` line gives the kind and a ``#`` note the speaker and addressee.
    """
    text = result.article.text
    lines: list[str] = []
    counts = {"T": 0, "E": 0, "A": 0, "#": 0}

    def new_id(prefix: str) -> str:
        counts[prefix] += 1
        return f"{prefix}{counts[prefix]}"

    def entity(label: str, spans: tuple[Span, ...]) -> str | None:
        fragments = brat_fragments(spans, text)
        if not fragments:
            return None
        tid = new_id("T")
        where = ";".join(f"{s} {e}" for s, e in fragments)
        lines.append(f"{tid}\t{label} {where}\t{' '.join(text[s:e] for s, e in fragments)}")
        return tid

    for a in result.attributions:
        roles = {
            "Cue": entity("Cue", a.cue),
            "Source": entity("Source", a.source),
            "Content": entity("Content", a.content),
            "Addressee": entity("Addressee", a.addressee_span),
        }
        trigger = entity("Attribution", a.cue or a.content)
        if trigger is None:
            continue
        event = new_id("E")
        args = " ".join(f"{role}:{tid}" for role, tid in roles.items() if tid)
        lines.append(f"{event}\tAttribution:{trigger} {args}")
        lines.append(f"{new_id('A')}\tKind {event} {a.kind}")
        note = _brat_note(a)
        if note:
            lines.append(f"{new_id('#')}\tAnnotatorNotes {event}\t{note}")
    return lines


def brat_fragments(spans: Iterable[Span], text: str) -> list[tuple[int, int]]:
    """``(start, end)`` fragments of ``spans``, cut at line breaks, without empty pieces."""
    fragments = []
    for span in spans:
        start = span.start
        for match in re.finditer(r"[\r\n]+", text[span.start : span.end]):
            cut = span.start + match.start()
            if cut > start:
                fragments.append((start, cut))
            start = span.start + match.end()
        if span.end > start:
            fragments.append((start, span.end))
    return fragments


def citron_record(result: Result) -> dict[str, Any]:
    """The Citron-style JSON document of one article.

    Citron's cue is one span, so a cue in pieces becomes the span that covers them.
    ``coreferences`` is ``null``: onrecord resolves a source to a speaker name (``speaker``,
    an extra field) rather than to the span of another mention.
    """
    text = result.article.text

    def span(s: Span) -> dict[str, Any]:
        return {"start": s.start, "end": s.end, "text": s.text(text)}

    quotes = []
    for a in result.attributions:
        cue = Span(min(s.start for s in a.cue), max(s.end for s in a.cue)) if a.cue else None
        quotes.append(
            {
                "cue": span(cue) if cue else None,
                "sources": [span(s) for s in a.source],
                "contents": [span(s) for s in a.content],
                "coreferences": None,
                "confidence": round(a.confidence, 4),
                "kind": a.kind,
                "speaker": a.speaker.to_dict() if a.speaker else None,
                "addressee": a.addressee.to_dict() if a.addressee else None,
            }
        )
    out: dict[str, Any] = {"id": result.article.id, "text": text, "quotes": quotes}
    if result.error is not None:
        out["error"] = result.error
    return out


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


BRAT_CONF = """\
# Written by onrecord: the types of its BRAT output (the shape of the PolNeAR corpus).
[entities]
Cue
Source
Content
Addressee

[relations]
<OVERLAP> Arg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>

[events]
Attribution Cue?:Cue, Source?:Source, Content:Content, Addressee?:Addressee

[attributes]
Kind Arg:Attribution, Value:direct|mixed|indirect
"""


# -- helpers ----------------------------------------------------------------------------------
def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def _offsets(spans: tuple[Span, ...]) -> str:
    return json.dumps([s.to_list() for s in spans])


def _speaker_label(speaker: Speaker | None) -> str:
    return speaker.label if speaker else ""


def _brat_note(a: Attribution) -> str:
    parts = []
    if a.speaker:
        parts.append(f"speaker: {a.speaker.label} ({a.speaker.type})")
    if a.addressee:
        parts.append(f"addressee: {a.addressee.label} ({a.addressee.type})")
    return one_line("; ".join(parts))


def one_line(text: str) -> str:
    """``text`` with every run of white space (line breaks included) as one space."""
    return " ".join(text.split())


def _fit(text: str, width: int) -> str:
    return shorten(text, width).ljust(width)
