"""Readers: turn files, directories, globs and standard input into ``Article`` objects, lazily.

Every reader is a generator that yields, in input order, either an ``Article`` or a
``ReadFailure`` naming the item that could not be read (``file``, ``file:line`` for a JSON
line or CSV row, ``file#N`` for the Nth record of a WARC) and why, so a caller can report every
failure, count them, and go on with the rest. Nothing is dropped silently: text that is not
valid UTF-8 is decoded with U+FFFD replacement characters and a warning on the
``onrecord.io.readers`` logger names the file and the byte offset of the first bad byte (the
line, for a CSV row). Files are read in binary mode and decoded without newline translation,
so offsets are those of the file's own characters.

Accepted inputs:

- a ``.txt`` file: one article, id = the file name without suffix;
- a ``.jsonl`` file: one FORMAT.md input record per line;
- a ``.csv`` file: a header row, then one article per row; the ``text`` column holds the
  article, the ``id`` column (optional) its id, every other non-empty field is metadata
  (``ReadOptions`` names other columns);
- an ``.html`` or ``.htm`` file: one article, its text, title, date, byline, url and site
  name found by trafilatura (boilerplate such as menus and footers left out), id = the file
  name without suffix;
- a ``.warc``, ``.warc.gz``, ``.arc`` or ``.arc.gz`` web archive: each HTML ``response``
  record with HTTP status 200 is one article, extracted like an HTML file, with the
  record's URL (and crawl day, when the page has no date of its own) as metadata; other
  records are skipped; an archive cut short or damaged gives its articles before the damage,
  then one failure;
- a directory: its files of the kinds above, recursively, in sorted order; hidden files
  and folders are skipped; other binary files are reported as failures, other text files
  (notes, READMEs) with a warning;
- a glob pattern (``*``, ``?``, ``[...]``; ``**`` for any depth) that is not itself a file
  name: the matching paths in sorted order;
- ``-`` for standard input: JSON lines when it starts with ``{``, else one text article with
  id ``stdin``.

A 0-byte CSV, HTML or WARC file is a failure (an empty ``.txt`` file is an empty article, an
empty ``.jsonl`` file has no articles).

Articles without an id of their own (CSV rows without one, WARC pages, and JSONL records
when ``ReadOptions(require_id=False)``) get ``content_id(text)``, so the same text always has
the same id.
"""

from __future__ import annotations

import csv
import glob
import gzip
import hashlib
import io
import json
import logging
import re
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..records import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl"})
CSV_SUFFIXES = frozenset({".csv"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
WARC_SUFFIXES = frozenset({".warc", ".warc.gz", ".arc", ".arc.gz"})
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES | WARC_SUFFIXES
STDIN = "-"
STDIN_ID = "stdin"
# A NUL byte in the first block means a binary file (or UTF-16/32 text), not UTF-8 text.
_SNIFF_BYTES = 8192
_BOM = b"\xef\xbb\xbf"
_SURROGATE = re.compile("[\ud800-\udfff]")
_GZIP_MAGIC = b"\x1f\x8b"
_READS = ".txt, .jsonl, .csv, .html, .htm, .warc and .warc.gz files"
_EMPTY = "empty file (0 bytes)"
_GLOB_CHARS = re.compile(r"[*?\[]")
# Far above any article, yet a stray quote that swallows the rest of a big file stops here.
_CSV_FIELD_LIMIT = 100_000_000
# Bytes that could not be decoded as UTF-8, kept by the "surrogateescape" error handler.
_UNDECODED = re.compile("[\udc80-\udcff]")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Extracted text shorter than this (trafilatura's own MIN_EXTRACTED_SIZE) may be only a menu
# or a footer, which trafilatura's default (recall-minded) extraction returns for a page
# without an article; a precision-minded second pass tells the two apart.
_SHORT_TEXT_CHARS = 250
# Publication dates from the page's markup and URL only: a full-text search takes a footer's
# "Copyright 2023" for a date (2023-01-01).
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_DRAIN_BYTES = 65536


@dataclass(frozen=True)
class ReadFailure:
    """An input item that could not be read: ``item`` says where (``file``, ``file:line``,
    ``file#N``)."""

    item: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs whose shape varies.

    text_column: the CSV column that holds the article text.
    id_column: the CSV column that holds the article id (optional; a row without one gets
        ``content_id(text)``).
    require_id: whether a JSON line needs an ``id``; when false, a record without one (or
        with ``null`` or ``""``) gets ``content_id(text)``.
    """

    text_column: str = "text"
    id_column: str = "id"
    require_id: bool = True


DEFAULT_OPTIONS = ReadOptions()

Item = Article | ReadFailure
# An item with where it came from: "file" for a text or HTML article, "file:line" for a JSON
# line or CSV row, "file#N" for the Nth record of a WARC.
Located = tuple[str, Item]


def content_id(text: str) -> str:
    """The id of an article that has none of its own: a hash of its text, so equal texts
    get equal ids on every run and machine."""
    # surrogatepass: a JSON string may hold a lone surrogate ("\\ud800"); never raise on it.
    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
    return "sha256-" + digest[:24]


def read(
    paths: Iterable[str | Path], stdin: BinaryIO | None = None, *, options: ReadOptions | None = None
) -> Iterator[Item]:
    """Articles (and failures) from every path in turn, in input order.

    stdin: the byte stream read for the path ``-`` (default: ``sys.stdin.buffer``).
    options: column names and the id rule (default: ``ReadOptions()``).
    """
    for _, item in read_located(paths, stdin=stdin, options=options):
        yield item


def read_located(
    paths: Iterable[str | Path], stdin: BinaryIO | None = None, *, options: ReadOptions | None = None
) -> Iterator[Located]:
    """Like ``read``, with each item paired with where it came from (for messages)."""
    for path in paths:
        if str(path) == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, STDIN_ID, options=options)
        elif _is_url(str(path)):
            yield from read_url(str(path), options=options)
        else:
            yield from read_path(Path(path), options=options)


def read_url(url: str, *, options: ReadOptions | None = None) -> Iterator[Located]:
    """Articles from a file, directory or glob pattern at an fsspec URL (``s3://bucket/*.jsonl``,
    ``file:///data/x.warc.gz``, …). A remote file is copied to a temporary file, read like a
    local one and removed; items are named by their URL."""
    for found in _expand_url(url):
        if isinstance(found, str):
            yield from _read_remote(found, options)
        else:
            yield found


def _filesystem(url: str) -> tuple[Any, str] | ReadFailure:
    try:
        import fsspec

        fs, path = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError, OSError) as err:
        return ReadFailure(url, f"cannot open this URL: {err}")
    return fs, path


def _expand_url(url: str) -> Iterator[str | Located]:
    """The file URLs that an fsspec URL names (a ``file://`` URL gives local paths), and the
    failures of listing it."""
    opened = _filesystem(url)
    if isinstance(opened, ReadFailure):
        yield url, opened
        return
    fs, path = opened
    if "file" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)):
        for found in _expand_path(Path(path)):
            yield str(found) if isinstance(found, Path) else found
        return
    prefix = url[: len(url) - len(path)] if url.endswith(path) else f"{url.split('://', 1)[0]}://"
    try:
        if _GLOB_CHARS.search(path):
            files = sorted(fs.glob(path))
            if not files:
                yield url, ReadFailure(url, "no files match this pattern")
        elif fs.isdir(path):
            files = sorted(f for f in fs.find(path) if file_suffix(Path(f)) in SUFFIXES)
            if not files:
                yield url, ReadFailure(url, "no files onrecord reads in this directory")
        else:
            files = [path]
    except OSError as err:
        yield url, ReadFailure(url, f"cannot list: {err}")
        return
    for remote in files:
        yield prefix + remote.lstrip("/") if prefix.endswith("://") else prefix + remote


def _read_remote(name: str, options: ReadOptions | None) -> Iterator[Located]:
    """One file at an fsspec URL, copied to a temporary file and read; items named by URL."""
    opened = _filesystem(name)
    if isinstance(opened, ReadFailure):
        yield name, opened
        return
    fs, remote = opened
    with tempfile.TemporaryDirectory(prefix="onrecord-") as tmp:
        local = Path(tmp) / Path(remote).name
        try:
            fs.get_file(remote, str(local))  # one file: never expanded as a pattern
        except FileNotFoundError:
            yield name, ReadFailure(name, "no such file or directory")
            return
        except OSError as err:
            yield name, ReadFailure(name, f"cannot read: {err}")
            return
        yield from _renamed(_read_file(local, options), str(local), name)


def _renamed(items: Iterable[Located], actual: str, name: str) -> Iterator[Located]:
    """``items`` read from the file ``actual``, named after ``name`` instead."""
    for where, item in items:
        if actual != name:
            where = where.replace(actual, name, 1)
            if isinstance(item, ReadFailure):
                item = ReadFailure(item.item.replace(actual, name, 1), item.reason)
        yield where, item


def _is_url(path: str) -> bool:
    """An fsspec URL (``s3://…``, ``memory://…``), not a local path that exists."""
    return "://" in path and not Path(path).exists()


def read_path(path: Path, *, options: ReadOptions | None = None) -> Iterator[Located]:
    """Articles from one file, directory or glob pattern (see the module docstring)."""
    for found in _expand_path(path):
        if isinstance(found, Path):
            yield from _read_file(found, options)
        else:
            yield found


def _expand_path(path: Path) -> Iterator[Path | Located]:
    """The files that a file, directory or glob pattern names, in reading order, and a
    failure for each problem found without opening a file (no match, nothing readable in a
    directory, a binary file of a kind onrecord does not read)."""
    name = str(path)
    if not path.exists() and _GLOB_CHARS.search(name):
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            yield name, ReadFailure(name, "no files match this pattern")
        for match in matches:
            yield from _expand_path(Path(match))
        return
    if path.is_dir():
        yield from _expand_directory(path)
        return
    yield path


def _read_file(path: Path, options: ReadOptions | None) -> Iterator[Located]:
    name = str(path)
    if not path.exists():
        yield name, ReadFailure(name, "no such file or directory")
        return
    suffix = file_suffix(path)
    if suffix in TEXT_SUFFIXES:
        yield name, read_txt(path)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, options=options)
    elif suffix in CSV_SUFFIXES:
        yield from read_csv(path, options=options)
    elif suffix in HTML_SUFFIXES:
        yield name, read_html(path)
    elif suffix in WARC_SUFFIXES:
        yield from read_warc(path)
    else:
        yield name, ReadFailure(name, f"unsupported {_file_type(suffix)}; onrecord reads {_READS}")


@dataclass(frozen=True)
class Shard:
    """One input file to read elsewhere: ``name`` as the user gave it (what items and
    failures are named after) and ``location``, what to open: an absolute local path or an
    fsspec URL."""

    name: str
    location: str


def shards(
    paths: Iterable[str | Path], stdin: BinaryIO | None = None, *, options: ReadOptions | None = None
) -> Iterator[Shard | Located]:
    """The inputs of ``paths`` as units of work that can be read anywhere (``read_shard``):
    one ``Shard`` per file, in input order, and the failures met while listing them (as
    ``read_located`` gives them). Standard input cannot be read elsewhere: its articles
    come as items."""
    for path in paths:
        if str(path) == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, STDIN_ID, options=options)
        elif _is_url(str(path)):
            for found in _expand_url(str(path)):
                yield Shard(found, found) if isinstance(found, str) else found
        else:
            for found in _expand_path(Path(path)):
                if isinstance(found, Path):
                    yield Shard(str(found), str(found.absolute()))
                else:
                    yield found


def read_shard(shard: Shard, options: ReadOptions | None = None) -> Iterator[Located]:
    """The items of one file of ``shards``, named as ``read_located`` names them. The file
    is opened as it is, never expanded again (a URL with ``[`` in it is a name, not a
    pattern)."""
    if _is_url(shard.location):
        yield from _read_remote(shard.location, options)
        return
    yield from _renamed(_read_file(Path(shard.location), options), shard.location, shard.name)


def file_suffix(path: Path) -> str:
    """The suffix that says how to read ``path``, lower case: ``.txt``, ``.warc.gz``, ..."""
    suffixes = [s.lower() for s in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz":
        return "".join(suffixes[-2:])
    return suffixes[-1] if suffixes else ""


def read_txt(path: Path) -> Item:
    """One article from a UTF-8 text file; its id is the file name without the suffix."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        return ReadFailure(name, _os_reason(err))
    if not data:
        return ReadFailure(name, _EMPTY)
    text = decode_text(data, name)
    if isinstance(text, ReadFailure):
        return text
    return Article(id=path.stem, text=text)


def read_jsonl(path: Path, *, options: ReadOptions | None = None) -> Iterator[Located]:
    """Articles from a JSON-lines file, one FORMAT.md input record a line, streamed."""
    name = str(path)
    stream = _open_input(path)
    if isinstance(stream, ReadFailure):
        yield name, stream
        return
    with stream:
        head = stream.read(_SNIFF_BYTES)
        if b"\x00" in head:
            yield name, ReadFailure(name, _binary_reason(head))
            return
        stream.seek(0)
        yield from _jsonl_lines(stream, name, options or DEFAULT_OPTIONS)


def read_csv(path: Path, *, options: ReadOptions | None = None) -> Iterator[Located]:
    """Articles from a CSV file with a header row, one a row, streamed.

    The ``options.text_column`` field is the text, the ``options.id_column`` field (when the
    column exists and the field is not empty) the id, else ``content_id(text)``; every other
    non-empty field is metadata under its column name. A broken row (wrong number of fields,
    empty text, a NUL byte, bad quoting) is a ``ReadFailure`` named ``file:line`` (the line
    the row starts on) and reading goes on with the next row.
    """
    name = str(path)
    stream = _open_input(path)
    if isinstance(stream, ReadFailure):
        yield name, stream
        return
    with stream:
        # surrogateescape keeps undecodable bytes so that each row can be warned about.
        with io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="") as text:
            yield from _csv_articles(text, name, options or DEFAULT_OPTIONS)


def read_html(path: Path) -> Item:
    """One article from an HTML page: its main text, without menus, footers and comments;
    id = the file name without suffix; metadata: title, date, author, url, publisher (the
    ones the page gives)."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        return ReadFailure(name, _os_reason(err))
    if not data:
        return ReadFailure(name, _EMPTY)
    try:
        page = _extract_html(data, url=None)
    except Exception as err:  # lxml and trafilatura raise assorted errors on broken markup
        return ReadFailure(name, f"cannot parse this HTML page: {_one_line(err)}")
    if page is None:
        return ReadFailure(name, "no article text found in this HTML page")
    return Article(id=path.stem, text=page.text, metadata=page.metadata)


def read_warc(path: Path) -> Iterator[Located]:
    """Articles from a WARC (or ARC) file, plain or gzipped, streamed: one per HTML
    ``response`` record with HTTP status 200, named ``file#N`` (the Nth record of the file),
    with id ``content_id(text)`` and metadata title, date (the page's own, else the crawl
    day), author, url (the record's target URI) and publisher.

    A file cut short or damaged gives the articles before the damage, then one
    ``ReadFailure`` for the file.
    """
    name = str(path)
    raw = _open_input(path)
    if isinstance(raw, ReadFailure):
        yield name, raw
        return
    with raw:
        magic = raw.read(len(_GZIP_MAGIC))
        raw.seek(0)
        # Python's gzip module, not warcio's own decompression: it raises on a truncated or
        # corrupt member, where warcio would end the iteration quietly.
        opened = gzip.GzipFile(fileobj=raw, mode="rb") if magic == _GZIP_MAGIC else nullcontext(raw)
        with opened as source:
            for record in _html_responses(_ArchiveStream(source), name):
                if isinstance(record, ReadFailure):
                    yield name, record
                else:
                    yield record.where, _warc_article(record)


def read_stream(
    stream: BinaryIO, name: str = STDIN_ID, *, options: ReadOptions | None = None
) -> Iterator[Located]:
    """Articles from a byte stream: JSON lines if its first non-blank byte is ``{``, else
    the whole stream is one text article with id ``name``."""
    lines = iter(stream)
    skipped: list[bytes] = []
    for line in lines:
        if line.strip():
            first = line
            break
        skipped.append(line)
    else:
        first = b""
    if first.lstrip().removeprefix(_BOM).startswith(b"{"):
        yield from _jsonl_lines(_chain(skipped, [first], lines), name, options or DEFAULT_OPTIONS)
        return
    data = b"".join(skipped) + first + b"".join(lines)
    text = decode_text(data, name)
    yield name, text if isinstance(text, ReadFailure) else Article(id=name, text=text)


def decode_text(data: bytes, name: str) -> str | ReadFailure:
    """The UTF-8 text of ``data`` (a leading byte-order mark dropped); invalid bytes become
    U+FFFD with a warning naming ``name`` and the first bad byte's offset; NUL bytes mean a
    binary file and give a ``ReadFailure``."""
    if b"\x00" in data:
        return ReadFailure(name, _binary_reason(data))
    bom = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        log.warning(
            "%s: invalid UTF-8 at byte %d; decoded with U+FFFD replacement characters",
            name,
            bom + err.start,
        )
        return data[bom:].decode("utf-8", errors="replace")


def parse_record(line: bytes, where: str, *, options: ReadOptions | None = None) -> Item:
    """One article from one JSON line (``where`` names it in messages, ``file:line``)."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as err:
        log.warning(
            "%s: invalid UTF-8 at byte %d of the line; decoded with U+FFFD replacement characters",
            where,
            err.start,
        )
        text = line.decode("utf-8", errors="replace")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        return ReadFailure(where, f"not JSON ({err.msg} at column {err.colno})")
    except RecursionError:
        return ReadFailure(where, "not JSON (nested too deeply)")
    if not isinstance(record, dict):
        return ReadFailure(where, f"a JSON {_json_type(record)}, not an object with 'id' and 'text'")
    text_field = record.get("text")
    if isinstance(text_field, str) and _SURROGATE.search(text_field):
        # A JSON escape such as "\ud800" with no pair is no character: U+FFFD keeps offsets.
        log.warning("%s: lone surrogate escapes in the text; replaced with U+FFFD", where)
        record = {**record, "text": _SURROGATE.sub("\ufffd", text_field)}
    if not (options or DEFAULT_OPTIONS).require_id and record.get("id") in (None, ""):
        if isinstance(record.get("text"), str):
            record = {**record, "id": content_id(record["text"])}
    try:
        return Article.from_record(record)
    except ValueError as err:
        return ReadFailure(where, str(err))


# -- internals --------------------------------------------------------------------------------
def _jsonl_lines(lines: Iterable[bytes], name: str, options: ReadOptions) -> Iterator[Located]:
    count = 0
    for number, line in enumerate(lines, start=1):
        if number == 1:
            line = line.removeprefix(_BOM)
        if not line.strip():
            continue
        where = f"{name}:{number}"
        count += 1
        yield where, parse_record(line, where, options=options)
    if count == 0:
        log.warning("%s: no articles (the file has no JSON lines)", name)


def _expand_directory(directory: Path) -> Iterator[Path | Located]:
    readable = 0
    for path in _directory_files(directory):
        if file_suffix(path) in SUFFIXES:
            readable += 1
            yield path
        else:
            failure = _unsupported_in_directory(path)
            if failure is not None:
                yield str(path), failure
    if readable == 0:
        name = str(directory)
        yield name, ReadFailure(name, "no .txt or .jsonl files (nor .csv, .html, .warc) in this directory")


def _directory_files(directory: Path) -> list[Path]:
    """The files under ``directory``, sorted by path, hidden ones (and hidden folders) skipped."""
    found = []
    for path in directory.rglob("*"):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file():
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(directory).parts)


def _unsupported_in_directory(path: Path) -> ReadFailure | None:
    """A file in a directory that onrecord does not read: a binary one (an image, a PDF, a
    Word file) may be an article in a form onrecord cannot read, so it is a failure; a text
    one (notes, a README) is most likely not an article, so it only gets a warning."""
    name = str(path)
    what = _file_type(file_suffix(path))
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError as err:
        return ReadFailure(name, f"skipped: unsupported {what} ({_os_reason(err)})")
    if _looks_like_text(head):
        log.warning("%s: skipped: unsupported %s (a text file); onrecord reads %s", name, what, _READS)
        return None
    return ReadFailure(name, f"skipped: unsupported {what}; onrecord reads {_READS}")


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        # A character cut at the end of the sniffed block is not an error.
        return err.start >= len(head) - 3 and err.reason == "unexpected end of data"
    return True


# -- CSV --------------------------------------------------------------------------------------
def _csv_articles(stream: io.TextIOWrapper, name: str, options: ReadOptions) -> Iterator[Located]:
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    rows = _csv_rows(csv.reader(stream, strict=True), name)
    header: list[str] | None = None
    for _, row in rows:
        if isinstance(row, str):
            yield name, ReadFailure(name, f"cannot read the header row: {row}")
            return
        header = [column.strip() for column in row]
        break
    if header is None:
        yield name, ReadFailure(name, "no header row (the file has only blank lines)")
        return
    problem = _csv_header_problem(header, name, options)
    if problem is not None:
        yield name, problem
        return
    count = 0
    for line, row in rows:
        where = f"{name}:{line}"
        count += 1
        yield (
            where,
            ReadFailure(where, row) if isinstance(row, str) else _csv_article(header, row, where, options),
        )
    if count == 0:
        log.warning("%s: no articles (the CSV file has only a header row)", name)


def _csv_rows(reader: Any, name: str) -> Iterator[tuple[int, list[str] | str]]:
    """(line the row starts on, its fields or why it cannot be read), blank lines skipped."""
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield start, _csv_error_reason(err)
            if reader.line_num < start:  # nothing consumed: the reader cannot move on
                return
            continue
        if not row:
            continue
        if any(_UNDECODED.search(field) for field in row):
            log.warning("%s:%d: invalid UTF-8; decoded with U+FFFD replacement characters", name, start)
            row = [_UNDECODED.sub("\ufffd", field) for field in row]
        yield start, row


def _csv_header_problem(header: list[str], name: str, options: ReadOptions) -> ReadFailure | None:
    if any("\x00" in column for column in header):
        return ReadFailure(name, "binary file (NUL byte in the header row), not UTF-8 CSV text")
    if options.text_column not in header:
        shown = ", ".join(repr(column) for column in header[:20]) + (", ..." if len(header) > 20 else "")
        hint = ""
        if len(header) == 1 and any(sep in header[0] for sep in ";\t|"):
            hint = " (one column: is the file separated by ';', tabs or '|' rather than commas?)"
        return ReadFailure(
            name,
            f"no {options.text_column!r} column for the article text; the columns are {shown}{hint}; "
            "choose the text column with --text-column (ReadOptions(text_column=...))",
        )
    if options.id_column not in header and options.id_column != DEFAULT_OPTIONS.id_column:
        log.warning("%s: no %r column; every row gets a content id", name, options.id_column)
    return None


def _csv_article(header: list[str], row: list[str], where: str, options: ReadOptions) -> Item:
    if len(row) != len(header):
        return ReadFailure(
            where, f"the row has {len(row)} fields, the header has {len(header)}; check its commas and quotes"
        )
    if any("\x00" in field for field in row):
        return ReadFailure(where, "NUL byte in this row (binary data?); remove it or re-export the file")
    fields = dict(zip(header, row, strict=True))
    text = fields[options.text_column]
    if not text.strip():
        return ReadFailure(where, f"empty {options.text_column!r} field: the row has no article text")
    given_id = fields.get(options.id_column, "")
    reserved = Article.NOT_METADATA | {options.text_column, options.id_column}
    metadata = {
        column: value
        for column, value in fields.items()
        if column and column not in reserved and value.strip()
    }
    return Article(id=given_id if given_id.strip() else content_id(text), text=text, metadata=metadata)


def _csv_error_reason(err: csv.Error) -> str:
    message = str(err)
    if message == "unexpected end of data":
        return "unterminated quoted field: a '\"' opened in this row is never closed"
    if message.startswith("field larger than field limit"):
        return f"a field is longer than {_CSV_FIELD_LIMIT:,} characters (a quote never closed?)"
    return f"malformed CSV ({message}); check the quotes of this row"


# -- HTML -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Page:
    """What trafilatura found in an HTML page."""

    text: str
    metadata: dict[str, str]


def _extract_html(html: bytes, url: str | None) -> _Page | None:
    """The article text and metadata of an HTML page; None when it has no article text."""
    import trafilatura  # slow to import: only when HTML is read

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = getattr(document, "text", None) or ""
    if not text.strip():
        return None
    if len(text) < _SHORT_TEXT_CHARS:
        strict = trafilatura.bare_extraction(html, url=url, include_comments=False, favor_precision=True)
        if not (getattr(strict, "text", None) or "").strip():
            return None
    found = {
        "title": getattr(document, "title", None),
        "date": getattr(document, "date", None),
        "author": getattr(document, "author", None),
        "url": getattr(document, "url", None),
        "publisher": getattr(document, "sitename", None),
    }
    return _Page(text=text, metadata={key: value for key, value in found.items() if _given(value)})


def _given(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


# -- WARC -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Response:
    """One HTML response record of a WARC file."""

    where: str
    url: str
    crawl_day: str | None
    html: bytes


class _DamagedArchive(Exception):
    """The archive ends inside a record, or its compressed data is corrupt."""


class _ArchiveStream:
    """The byte stream warcio reads: counts the bytes and keeps the last ones, so that a file
    that ends inside a record (which warcio passes over quietly) can be told from one that
    ends with blank lines; a truncated gzip member becomes ``_DamagedArchive``, not the
    ``EOFError`` warcio takes for a clean end."""

    def __init__(self, raw: BinaryIO | gzip.GzipFile) -> None:
        self.raw = raw
        self.position = 0
        self.previous = self.last = b""

    def read(self, size: int = -1) -> bytes:
        try:
            data = self.raw.read1(size)
        except EOFError as err:
            raise _DamagedArchive(str(err) or "the compressed data ends early") from err
        if data:
            self.position += len(data)
            self.previous, self.last = self.last, data
        return data

    def tell(self) -> int:
        return self.position

    def unread_after(self, end: int) -> int:
        """How many bytes after ``end`` (where the last complete record ends) are not blank."""
        extra = self.position - end
        tail = self.previous + self.last
        if extra <= 0 or (extra <= len(tail) and not tail[-extra:].strip()):
            return 0
        return extra


def _html_responses(stream: _ArchiveStream, name: str) -> Iterator[_Response | ReadFailure]:
    """The HTML responses with status 200 of a WARC stream; at the first damage, one
    ``ReadFailure`` for the file, and the end."""
    records = 0
    pages = 0
    end = 0
    try:
        archive = ArchiveIterator(stream, arc2warc=True)
        for record in archive:
            number = records + 1
            length = record.rec_headers.get_header("Content-Length") or ""
            if not length.strip().isdigit():  # warcio reads a missing or bad one as 0 bytes
                raise _DamagedArchive(f"record {number} has no valid Content-Length header")
            html = record.content_stream().read() if _is_html_page(record) else None
            # To the end of the record's block only: warcio's read_to_end also reads into the
            # next record, which may be the damaged one.
            while record.raw_stream.read(_DRAIN_BYTES):
                pass
            missing = getattr(record.raw_stream, "limit", 0)
            if missing > 0:
                raise _DamagedArchive(f"record {number} ends {missing} bytes short of its Content-Length")
            records = number
            if html is not None:
                pages += 1
                yield _Response(
                    where=f"{name}#{number}",
                    url=record.rec_headers.get_header("WARC-Target-URI") or "",
                    crawl_day=_day(record.rec_headers.get_header("WARC-Date")),
                    html=html,
                )
            archive.read_to_end()
            end = archive.get_record_offset() + archive.get_record_length()
        unread = stream.unread_after(end)
        if unread:
            raise _DamagedArchive(f"the last {unread} bytes are not a complete record")
    except Exception as err:  # warcio raises assorted types (even AttributeError) on damaged input
        detail = _one_line(err)
        if not isinstance(err, _DamagedArchive | ArchiveLoadFailed | OSError | zlib.error):
            detail = f"record {records + 1} cannot be parsed ({type(err).__name__}: {detail})"
        yield ReadFailure(name, f"truncated or corrupt WARC after {_records(records)}: {detail}")
        return
    if records == 0:
        yield ReadFailure(name, "no WARC records in this file")
    elif pages == 0:
        log.warning("%s: no articles (no HTML response with status 200 in %s)", name, _records(records))


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _warc_article(record: _Response) -> Item:
    try:
        page = _extract_html(record.html, url=record.url or None)
    except Exception as err:  # lxml and trafilatura raise assorted errors on broken markup
        return ReadFailure(record.where, f"cannot parse the HTML response for {record.url}: {_one_line(err)}")
    if page is None:
        return ReadFailure(record.where, f"no article text found in the HTML response for {record.url}")
    found = page.metadata
    metadata = {
        "title": found.get("title"),
        "date": found.get("date") or record.crawl_day,
        "author": found.get("author"),
        "url": record.url,
        "publisher": found.get("publisher"),
    }
    return Article(
        id=content_id(page.text),
        text=page.text,
        metadata={key: value for key, value in metadata.items() if _given(value)},
    )


def _records(count: int) -> str:
    return f"{count} record" if count == 1 else f"{count} records"


def _day(warc_date: str | None) -> str | None:
    """The YYYY-MM-DD day of a WARC-Date (``2024-03-05T10:00:00Z``)."""
    match = re.match(r"\d{4}-\d{2}-\d{2}", warc_date or "")
    return match.group(0) if match else None


# -- small helpers ----------------------------------------------------------------------------
def _open_input(path: Path) -> BinaryIO | ReadFailure:
    """``path`` opened for reading in binary, at its start; a failure when it cannot be
    opened or is empty (0 bytes)."""
    try:
        stream = path.open("rb")
    except OSError as err:
        return ReadFailure(str(path), _os_reason(err))
    if not stream.read(1):
        stream.close()
        return ReadFailure(str(path), _EMPTY)
    stream.seek(0)
    return stream


def _chain(*parts: Iterable[bytes]) -> Iterator[bytes]:
    for part in parts:
        yield from part


def _file_type(suffix: str) -> str:
    return f"file type {suffix!r}" if suffix else "file without a suffix"


def _binary_reason(data: bytes) -> str:
    offset = data.index(b"\x00")
    return f"binary file (NUL byte at offset {offset}), not UTF-8 text; convert it to UTF-8 text first"


def _os_reason(err: OSError) -> str:
    return f"cannot read: {err.strerror or err}"


def _one_line(err: BaseException) -> str:
    message = " ".join(str(err).split()) or type(err).__name__
    return message if len(message) <= 200 else message[:199] + "…"


def _json_type(value: object) -> str:
    names = {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
