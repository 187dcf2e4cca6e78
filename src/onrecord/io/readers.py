"""Readers: turn files, directories and standard input into ``Article`` objects, lazily.

Every reader is a generator that yields, in input order, either an ``Article`` or a
``ReadFailure`` naming the item that could not be read (``file``, ``file:line``) and why, so
a caller can report every failure, count them, and go on with the rest. Nothing is dropped
silently: text that is not valid UTF-8 is decoded with U+FFFD replacement characters and a
warning on the ``onrecord.io.readers`` logger names the file and the byte offset of the first
bad byte. Files are read in binary mode and decoded without newline translation, so offsets
are those of the file's own characters.

Accepted inputs: a ``.txt`` file (one article, id = the file name without suffix), a
``.jsonl`` file (one FORMAT.md input record per line), a directory (its ``.txt`` and
``.jsonl`` files, recursively, in sorted order; hidden files and folders are skipped), and
``-`` for standard input (JSON lines when it starts with ``{``, else one text article with
id ``stdin``).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..records import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"
STDIN_ID = "stdin"
# A NUL byte in the first block means a binary file (or UTF-16/32 text), not UTF-8 text.
_SNIFF_BYTES = 8192
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class ReadFailure:
    """An input item that could not be read: ``item`` says where (``file``, ``file:line``)."""

    item: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"


Item = Article | ReadFailure
# An item with where it came from: "file" for a text article, "file:line" for a JSON line.
Located = tuple[str, Item]


def read(paths: Iterable[str | Path], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Articles (and failures) from every path in turn, in input order.

    stdin: the byte stream read for the path ``-`` (default: ``sys.stdin.buffer``).
    """
    for _, item in read_located(paths, stdin=stdin):
        yield item


def read_located(paths: Iterable[str | Path], stdin: BinaryIO | None = None) -> Iterator[Located]:
    """Like ``read``, with each item paired with where it came from (for messages)."""
    for path in paths:
        if str(path) == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, STDIN_ID)
        else:
            yield from read_path(Path(path))


def read_path(path: Path) -> Iterator[Located]:
    """Articles from one file or directory (see the module docstring for what is accepted)."""
    name = str(path)
    if path.is_dir():
        files = list(_article_files(path))
        if not files:
            yield name, ReadFailure(name, "no .txt or .jsonl files in this directory")
        for file in files:
            yield from read_path(file)
        return
    if not path.exists():
        yield name, ReadFailure(name, "no such file or directory")
        return
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield name, read_txt(path)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path)
    else:
        what = f"file type {suffix!r}" if suffix else "file without a suffix"
        yield name, ReadFailure(name, f"unsupported {what}; onrecord reads .txt and .jsonl files")


def read_txt(path: Path) -> Item:
    """One article from a UTF-8 text file; its id is the file name without the suffix."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        return ReadFailure(name, _os_reason(err))
    text = decode_text(data, name)
    if isinstance(text, ReadFailure):
        return text
    return Article(id=path.stem, text=text)


def read_jsonl(path: Path) -> Iterator[Located]:
    """Articles from a JSON-lines file, one FORMAT.md input record a line, streamed."""
    name = str(path)
    try:
        stream = path.open("rb")
    except OSError as err:
        yield name, ReadFailure(name, _os_reason(err))
        return
    with stream:
        head = stream.read(_SNIFF_BYTES)
        if b"\x00" in head:
            yield name, ReadFailure(name, _binary_reason(head))
            return
        stream.seek(0)
        yield from _jsonl_lines(stream, name)


def read_stream(stream: BinaryIO, name: str = STDIN_ID) -> Iterator[Located]:
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
        yield from _jsonl_lines(_chain(skipped, [first], lines), name)
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


def parse_record(line: bytes, where: str) -> Item:
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
    try:
        return Article.from_record(record)
    except ValueError as err:
        return ReadFailure(where, str(err))


# -- internals --------------------------------------------------------------------------------
def _jsonl_lines(lines: Iterable[bytes], name: str) -> Iterator[Located]:
    count = 0
    for number, line in enumerate(lines, start=1):
        if number == 1:
            line = line.removeprefix(_BOM)
        if not line.strip():
            continue
        where = f"{name}:{number}"
        count += 1
        yield where, parse_record(line, where)
    if count == 0:
        log.warning("%s: no articles (the file has no JSON lines)", name)


def _article_files(directory: Path) -> Iterator[Path]:
    """The .txt and .jsonl files under ``directory``, sorted by path, hidden ones skipped."""
    found = []
    for path in directory.rglob("*"):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in SUFFIXES and path.is_file():
            found.append(path)
    yield from sorted(found, key=lambda p: p.relative_to(directory).parts)


def _chain(*parts: Iterable[bytes]) -> Iterator[bytes]:
    for part in parts:
        yield from part


def _binary_reason(data: bytes) -> str:
    offset = data.index(b"\x00")
    return f"binary file (NUL byte at offset {offset}), not UTF-8 text; convert it to UTF-8 text first"


def _os_reason(err: OSError) -> str:
    return f"cannot read: {err.strerror or err}"


def _json_type(value: object) -> str:
    names = {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
