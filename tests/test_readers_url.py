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


def test_shards_list_files_and_read_shard_reads_each_as_read_located_does(
    bucket: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files that ``ingest --dask`` sends to workers: each read exactly as named (a
    ``[`` in a file's name is not a pattern), with the names a local read gives, and a
    relative local path read wherever the worker's working directory is."""
    from onrecord.io.readers import Shard, read_shard, shards

    fs = fsspec.filesystem("memory")
    root = bucket.removeprefix("memory://")
    fs.pipe(f"/{root}/odd/news[1].jsonl", b'{"id": "bracket", "text": "One."}\n')
    fs.pipe(f"/{root}/odd/news1.jsonl", b'{"id": "plain", "text": "Two."}\n')
    listed = [s for s in shards([f"{bucket}/odd/"]) if isinstance(s, Shard)]
    assert [s.name.rsplit("/", 1)[1] for s in listed] == ["news1.jsonl", "news[1].jsonl"]
    assert [a.id for _, a in read_shard(listed[1])] == ["bracket"]  # type: ignore[union-attr]

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text('{"id": "x", "text": "One."}\n{broken\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    work = list(shards(["in", f"{bucket}/news/"]))
    local = [s for s in work if isinstance(s, Shard)][0]
    assert local.name == str(Path("in") / "a.jsonl") and Path(local.location).is_absolute()
    monkeypatch.chdir("/")  # a worker elsewhere
    read = [item for s in work if isinstance(s, Shard) for item in read_shard(s)]
    listing_failures = [item for item in work if not isinstance(item, Shard)]
    monkeypatch.chdir(tmp_path)
    expected = items("in") + items(f"{bucket}/news/")
    got = read + listing_failures  # the image's failure comes from listing, after the files here
    assert sorted(map(str, got)) == sorted(map(str, expected))
