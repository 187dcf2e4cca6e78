"""Inputs at fsspec URLs (``s3://…``, ``memory://…``, ``file://…``): read like local files,
items named by their URL. The tests use fsspec's in-memory filesystem, a real non-local one."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest

from onrecord.io.readers import ReadFailure, read_located
from onrecord.records import Article


@pytest.fixture
def bucket() -> Iterator[str]:
    fs = fsspec.filesystem("memory")
    root = f"/b{uuid.uuid4().hex[:8]}"
    fs.pipe(f"{root}/news/a.jsonl", b'{"id": "x", "text": "\\u201cYes,\\u201d Ann Lee said."}\n{broken\n')
    fs.pipe(f"{root}/news/b.txt", "“No,” Tom Reyes said.".encode())
    fs.pipe(f"{root}/news/image.png", b"\x89PNG")
    yield f"memory://{root.lstrip('/')}"
    fs.rm(root, recursive=True)


def items(url: str) -> list[tuple[str, Article | ReadFailure]]:
    return list(read_located([url]))


def test_a_jsonl_file_at_a_url_is_read_and_named_by_its_url(bucket: str) -> None:
    [(where, article), (bad_where, failure)] = items(f"{bucket}/news/a.jsonl")
    assert where == f"{bucket}/news/a.jsonl:1" and isinstance(article, Article) and article.id == "x"
    assert isinstance(failure, ReadFailure) and failure.item == bad_where == f"{bucket}/news/a.jsonl:2"


def test_a_text_file_at_a_url_keeps_its_name_as_id(bucket: str) -> None:
    [(where, article)] = items(f"{bucket}/news/b.txt")
    assert isinstance(article, Article) and article.id == "b" and where == f"{bucket}/news/b.txt"


def test_a_directory_and_a_glob_at_a_url(bucket: str) -> None:
    found = [i.id for _, i in items(f"{bucket}/news") if isinstance(i, Article)]
    assert found == ["x", "b"]
    assert [i.id for _, i in items(f"{bucket}/news/*.txt")] == ["b"]  # type: ignore[union-attr]
    [(_, nothing)] = items(f"{bucket}/news/*.csv")
    assert isinstance(nothing, ReadFailure) and "no files match" in nothing.reason


def test_a_missing_file_and_an_unknown_scheme_are_failures(bucket: str) -> None:
    [(_, missing)] = items(f"{bucket}/news/none.jsonl")
    assert isinstance(missing, ReadFailure) and missing.reason == "no such file or directory"
    [(_, unknown)] = items("nosuchscheme://x/y.jsonl")
    assert isinstance(unknown, ReadFailure) and "cannot open this URL" in unknown.reason


def test_a_file_url_is_read_in_place(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("“Maybe,” Ann Lee said.", encoding="utf-8")
    [(where, article)] = items(path.as_uri())
    assert isinstance(article, Article) and article.id == "c" and where == str(path)
