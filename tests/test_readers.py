"""Readers: every input becomes an Article or a ReadFailure, in order, lazily."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from onrecord.io.readers import ReadFailure, read, read_located, read_stream
from onrecord.records import Article


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def record(id: str, text: str, **extra: object) -> str:
    return json.dumps({"id": id, "text": text, **extra}, ensure_ascii=False)


def test_txt_file_id_is_file_name_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "mayor-speech.txt"
    path.write_text("The mayor said it was fine.", encoding="utf-8")
    [article] = read([path])
    assert article == Article(id="mayor-speech", text="The mayor said it was fine.")


def test_txt_keeps_line_endings_so_offsets_match_the_file(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title\r\n\r\nBody \xe2\x80\x9cquoted\xe2\x80\x9d.\r\n")
    [article] = read([path])
    assert article.text == "Title\r\n\r\nBody \u201cquoted\u201d.\r\n"


def test_txt_drops_a_utf8_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHello")
    [article] = read([path])
    assert article.text == "Hello"


def test_empty_txt_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert list(read([path])) == [ReadFailure(str(path), "empty file (0 bytes)")]


def test_invalid_utf8_warns_with_file_and_byte_offset_and_keeps_replacement_chars(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Caf\xe9 owner said: ok. And \xff again.")
    with caplog.at_level(logging.WARNING, logger="onrecord"):
        [article] = read([path])
    assert article.text == "Caf\ufffd owner said: ok. And \ufffd again."
    assert len(article.text) == len(b"Caf\xe9 owner said: ok. And \xff again.")
    [message] = [r.getMessage() for r in caplog.records]
    assert str(path) in message
    assert "byte 3" in message


def test_invalid_utf8_offset_counts_bytes_not_characters(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("“é”".encode() + b"\x80")  # 3 + 2 + 3 valid bytes, then a bad one
    with caplog.at_level(logging.WARNING, logger="onrecord"):
        [article] = read([path])
    assert article.text == "“é”\ufffd"
    assert "byte 8" in caplog.text


def test_binary_file_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [failure] = read([path])
    assert isinstance(failure, ReadFailure)
    assert failure.item == str(path)
    assert "binary" in failure.reason


def test_binary_jsonl_file_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\x00\x01\x02\n" * 50)
    [failure] = read([path])
    assert isinstance(failure, ReadFailure)
    assert "binary" in failure.reason


def test_utf16_text_is_reported_as_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("He said so.".encode("utf-16"))
    [failure] = read([path])
    assert isinstance(failure, ReadFailure)
    assert "UTF-8" in failure.reason


def test_jsonl_reads_records_in_order_with_metadata(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [record("a", "First.", date="2016-09-19"), record("b", "Second.", title="T")],
    )
    a, b = read([path])
    assert (a.id, a.text, dict(a.metadata)) == ("a", "First.", {"date": "2016-09-19"})
    assert (b.id, b.text, dict(b.metadata)) == ("b", "Second.", {"title": "T"})


def test_jsonl_input_attributions_are_not_metadata(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "gold.jsonl", [record("a", "x", attributions=[{"cue": [[0, 1]]}])])
    [article] = read([path])
    assert "attributions" not in article.metadata


def test_jsonl_numeric_id_becomes_a_string(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "n.jsonl", ['{"id": 7, "text": "x"}'])
    [article] = read([path])
    assert article.id == "7"


def test_jsonl_line_that_is_not_json_names_file_and_line_and_reading_goes_on(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [record("a", "A."), "{not json", record("c", "C.")])
    a, failure, c = read([path])
    assert (a.id, c.id) == ("a", "c")
    assert isinstance(failure, ReadFailure)
    assert failure.item == f"{path}:2"
    assert "not JSON" in failure.reason


def test_jsonl_line_that_is_not_an_object_is_a_failure(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", ['["a", "b"]', '"text"'])
    first, second = read([path])
    assert isinstance(first, ReadFailure) and "array" in first.reason
    assert isinstance(second, ReadFailure) and "string" in second.reason


def test_jsonl_line_without_text_is_a_failure(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", ['{"id": "a", "body": "x"}'])
    [failure] = read([path])
    assert isinstance(failure, ReadFailure)
    assert failure.item == f"{path}:1"
    assert "'text'" in failure.reason


def test_jsonl_line_without_id_is_a_failure(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", ['{"text": "x"}'])
    [failure] = read([path])
    assert isinstance(failure, ReadFailure)
    assert "'id'" in failure.reason


def test_jsonl_text_that_is_not_a_string_is_a_failure(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", ['{"id": "a", "text": 42}'])
    [failure] = read([path])
    assert isinstance(failure, ReadFailure)


def test_jsonl_blank_lines_are_skipped_but_line_numbers_stay_true(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [record("a", "A."), "", "  ", "oops"])
    a, failure = read([path])
    assert a.id == "a"
    assert isinstance(failure, ReadFailure) and failure.item == f"{path}:4"


def test_jsonl_keeps_unicode_line_separators_inside_text(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [record("a", "one\u2028two\u0085three")])
    [article] = read([path])
    assert article.text == "one\u2028two\u0085three"


def test_empty_jsonl_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    assert list(read([path])) == [ReadFailure(str(path), "empty file (0 bytes)")]


def test_jsonl_file_of_blank_lines_yields_nothing_and_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_bytes(b"\n\n")
    with caplog.at_level(logging.WARNING, logger="onrecord"):
        assert list(read([path])) == []
    assert str(path) in caplog.text


def test_jsonl_is_read_lazily(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", [record(str(i), "x") for i in range(1000)])
    items = read([path])
    assert next(items).id == "0"
    path.unlink()  # already open: the rest still streams from the open file
    assert sum(1 for _ in items) == 999


def test_located_items_say_where_they_came_from(tmp_path: Path) -> None:
    jsonl = write_jsonl(tmp_path / "b.jsonl", [record("x", "X.")])
    txt = tmp_path / "a.txt"
    txt.write_text("A.", encoding="utf-8")
    assert [where for where, _ in read_located([txt, jsonl])] == [str(txt), f"{jsonl}:1"]


def test_directory_reads_txt_and_jsonl_sorted_and_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    write_jsonl(tmp_path / "c.jsonl", [record("c1", "C1."), record("c2", "C2.")])
    (tmp_path / "sub" / "d.txt").write_text("D.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    assert [a.id for a in read([tmp_path])] == ["a", "b", "c1", "c2", "d"]


def test_empty_directory_is_a_failure(tmp_path: Path) -> None:
    [failure] = read([tmp_path])
    assert isinstance(failure, ReadFailure)
    assert "no .txt or .jsonl" in failure.reason


def test_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    for name in ("z", "a"):
        (tmp_path / f"{name}.txt").write_text(name, encoding="utf-8")
    assert [a.id for a in read([tmp_path / "z.txt", tmp_path / "a.txt"])] == ["z", "a"]


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    [failure] = read([tmp_path / "nope.txt"])
    assert isinstance(failure, ReadFailure)
    assert "no such file" in failure.reason


def test_unknown_suffix_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "article.docx"
    path.write_bytes(b"PK")
    [failure] = read([path])
    assert isinstance(failure, ReadFailure)
    assert "'.docx'" in failure.reason and ".txt" in failure.reason


def test_stdin_text_is_one_article_with_id_stdin() -> None:
    stream = io.BytesIO("  \u201cYes,\u201d she said.\n".encode())
    assert list(read(["-"], stdin=stream)) == [Article(id="stdin", text="  \u201cYes,\u201d she said.\n")]


def test_stdin_starting_with_brace_is_jsonl() -> None:
    stream = io.BytesIO(("\n" + record("a", "A.") + "\nbad\n" + record("b", "B.") + "\n").encode())
    located = list(read_stream(stream))
    assert [where for where, _ in located] == ["stdin:2", "stdin:3", "stdin:4"]
    a, failure, b = (item for _, item in located)
    assert (a.id, b.id) == ("a", "b")
    assert isinstance(failure, ReadFailure) and failure.item == "stdin:3"


def test_empty_stdin_is_an_empty_article() -> None:
    assert list(read(["-"], stdin=io.BytesIO(b""))) == [Article(id="stdin", text="")]


def test_read_failure_prints_item_and_reason() -> None:
    assert str(ReadFailure("in.jsonl:3", "not JSON")) == "in.jsonl:3: not JSON"
