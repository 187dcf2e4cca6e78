"""The command line: `onrecord extract` end to end, run in-process through ``cli.main``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from onrecord import cli
from onrecord.errors import ModelNotFound
from onrecord.io.readers import ReadFailure
from onrecord.records import Article, Result

ARTICLE = (
    "\u201cWe will not close the harbour,\u201d Mayor Daniel Okafor said on Tuesday. "
    "He told reporters that the bridge would be finished by June."
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def write_jsonl(path: Path, records: list[Any]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


# -- without the model ---------------------------------------------------------------------------
def fake_extract(batch_size: int) -> Any:
    """An extract function that reads ahead in batches, as Extractor.pipe does."""

    def extract(articles: Iterable[Article]) -> Iterator[Result]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) == batch_size:
                yield from (Result(a) for a in batch)
                batch = []
        yield from (Result(a) for a in batch)

    return extract


@pytest.mark.parametrize("batch_size", [1, 2, 16])
def test_in_order_keeps_failures_between_the_articles_around_them(batch_size: int) -> None:
    located: list[tuple[str, Article | ReadFailure]] = [
        ("f:1", ReadFailure("f:1", "bad")),
        ("f:2", Article("a", "A")),
        ("f:3", ReadFailure("f:3", "bad")),
        ("f:4", Article("b", "B")),
        ("f:5", Article("c", "C")),
        ("f:6", ReadFailure("f:6", "bad")),
    ]
    out = list(cli.in_order(located, fake_extract(batch_size)))
    names = [o.item if isinstance(o, ReadFailure) else o[1].article.id for o in out]
    assert names == ["f:1", "a", "f:3", "b", "c", "f:6"]
    assert [o[0] for o in out if not isinstance(o, ReadFailure)] == ["f:2", "f:4", "f:5"]


def test_in_order_with_only_failures() -> None:
    located = [("x", ReadFailure("x", "bad"))]
    assert list(cli.in_order(located, fake_extract(4))) == [ReadFailure("x", "bad")]


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert code == 2
    assert "extract" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        cli.main(["--version"])
    assert exit.value.code == 0
    assert capsys.readouterr().out.startswith("onrecord 0.")


def test_extract_help_contains_a_runnable_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        cli.main(["extract", "--help"])
    assert exit.value.code == 0
    help_text = capsys.readouterr().out
    assert "onrecord extract examples/ --format table" in help_text
    assert "--max-chars" in help_text and "2,000,000" in help_text


@pytest.mark.parametrize(
    "argv",
    [
        ["extract"],
        ["extract", "x.txt", "--format", "xml"],
        ["extract", "x.txt", "--max-chars", "0"],
        ["extract", "x.txt", "--workers", "-1"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        cli.main(argv)
    assert exit.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_missing_model_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_model(max_chars: int, model: str = "default") -> Any:
        raise ModelNotFound("en_core_web_sm")

    monkeypatch.setattr(cli, "new_extractor", no_model)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(tmp_path / "a.txt"))
    assert (code, out) == (1, "")
    assert err.startswith("onrecord: error: [E003]") and "make install" in err
    assert "Traceback" not in err


# -- with the real extractor ------------------------------------------------------------------------
@pytest.mark.usefixtures("cli_extractor")
class TestExtract:
    def test_jsonl_copies_metadata_and_never_the_input_attributions(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        gold = [{"cue": [[0, 1]], "source": [], "content": [[0, 5]], "eid": "E1"}]
        path = write_jsonl(
            tmp_path / "in.jsonl",
            [{"id": "a1", "text": ARTICLE, "title": "Harbour", "date": "2016-09-19", "attributions": gold}],
        )
        code, out, err = run(capsys, "extract", str(path), "--format", "jsonl")
        assert code == 0, err
        [record] = jsonl(out)
        assert (record["id"], record["title"], record["date"]) == ("a1", "Harbour", "2016-09-19")
        assert "text" not in record
        assert record["attributions"] != gold
        assert all("eid" not in a for a in record["attributions"])
        assert record["attributions"], "the example has a quote"

    def test_participle_source_subject_gives_the_main_clause_subject(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        text = "Putin told Xi that Russia was ready to talk, saying that Moscow had studied the plan."
        path = write_jsonl(tmp_path / "in.jsonl", [{"id": "p1", "text": text}])
        code, out, err = run(capsys, "extract", str(path))
        assert code == 0, err
        as_format = {text[a["cue"][0][0] : a["cue"][0][1]]: a for a in jsonl(out)[0]["attributions"]}
        saying = as_format["saying"]
        assert saying["source"] == [] and saying["speaker"]["name"] == "Putin"
        assert [text[s:e] for s, e in saying["speaker_span"]] == ["Putin"]
        assert "speaker_span" not in as_format["told"]  # it has a source of its own
        code, out, err = run(capsys, "extract", str(path), "--participle-source", "subject")
        assert code == 0, err
        as_polnear = {text[a["cue"][0][0] : a["cue"][0][1]]: a for a in jsonl(out)[0]["attributions"]}
        assert as_polnear["saying"]["source"] == saying["speaker_span"]
        assert "speaker_span" not in as_polnear["saying"]
        assert as_polnear["told"] == as_format["told"]

    def test_output_keeps_input_order(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        ids = [f"art-{i:02d}" for i in range(40)][::-1]
        path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": ARTICLE} for i in ids])
        (tmp_path / "zz.txt").write_text(ARTICLE, encoding="utf-8")
        code, out, _ = run(capsys, "extract", str(path), str(tmp_path / "zz.txt"))
        assert code == 0
        assert [r["id"] for r in jsonl(out)] == [*ids, "zz"]

    def test_bad_jsonl_line_is_reported_and_the_rest_still_written(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = write_jsonl(
            tmp_path / "in.jsonl",
            [{"id": "a", "text": ARTICLE}, "{this is not json", {"id": "c", "text": ARTICLE}],
        )
        code, out, err = run(capsys, "extract", str(path))
        assert code == 1
        assert [r["id"] for r in jsonl(out)] == ["a", "c"]
        error_lines = [line for line in err.splitlines() if "error" in line]
        assert len(error_lines) == 1
        assert f"{path}:2" in error_lines[0] and "not JSON" in error_lines[0]
        assert "Traceback" not in err
        assert "2 articles" in err and "1 failed" in err

    def test_line_without_text_names_file_and_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "body": "x"}, {"id": "b", "text": ARTICLE}])
        code, out, err = run(capsys, "extract", str(path))
        assert code == 1
        assert [r["id"] for r in jsonl(out)] == ["b"]
        assert f"{path}:1: the record has no 'text' field" in err

    @pytest.mark.parametrize("text", ["", "   \n\t  \n"])
    def test_empty_or_blank_text_gives_no_attributions_not_a_failure(
        self, text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = write_jsonl(tmp_path / "in.jsonl", [{"id": "blank", "text": text}])
        code, out, err = run(capsys, "extract", str(path))
        assert code == 0, err
        assert jsonl(out) == [{"id": "blank", "attributions": []}]

    def test_article_over_max_chars_is_a_clear_failure(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = write_jsonl(
            tmp_path / "in.jsonl",
            [{"id": "long", "text": ARTICLE * 3}, {"id": "short", "text": "He said no."}],
        )
        code, out, err = run(capsys, "extract", str(path), "--max-chars", "100")
        assert code == 1
        long, short = jsonl(out)
        assert long["id"] == "long" and long["attributions"] == [] and "max_chars=100" in long["error"]
        assert short["id"] == "short" and "error" not in short
        [line] = [line for line in err.splitlines() if "error:" in line]
        assert f"{path}:1 (article 'long')" in line and "--max-chars" in line

    def test_success_exits_0_with_a_summary(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
        code, out, err = run(capsys, "extract", str(tmp_path))
        assert code == 0
        [record] = jsonl(out)
        n = len(record["attributions"])
        assert (
            err.strip().splitlines()[-1]
            == f"onrecord: 1 article, {n} attribution{'' if n == 1 else 's'}, 0 failed"
        )

    def test_quiet_prints_failures_only(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (tmp_path / "one.txt").write_bytes(b"He said \xff no.")
        code, _, err = run(capsys, "extract", str(tmp_path / "one.txt"), "--quiet")
        assert (code, err) == (0, "")
        code, _, err = run(capsys, "extract", str(tmp_path / "missing.txt"), "--quiet")
        assert code == 1
        assert err.startswith("onrecord: error:") and "missing.txt" in err and len(err.splitlines()) == 1

    def test_invalid_utf8_is_a_warning_naming_file_and_byte(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "bad.txt"
        path.write_bytes(b"He said \xff no.")
        code, out, err = run(capsys, "extract", str(path))
        assert code == 0
        assert f"onrecord: warning: {path}: invalid UTF-8 at byte 8" in err
        assert "1 warning" in err

    def test_binary_file_fails_and_the_rest_goes_on(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (tmp_path / "a.txt").write_bytes(b"\x00\x01binary")
        (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
        code, out, err = run(capsys, "extract", str(tmp_path))
        assert code == 1
        assert [r["id"] for r in jsonl(out)] == ["b"]
        assert "a.txt: binary file" in err

    def test_stdin(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
        code, out, _ = run(capsys, "extract", "-")
        assert code == 0
        assert jsonl(out)[0]["id"] == "stdin"

    def test_output_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
        target = tmp_path / "out.csv"
        code, out, _ = run(capsys, "extract", str(tmp_path / "a.txt"), "--format", "csv", "-o", str(target))
        assert (code, out) == (0, "")
        assert target.read_text(encoding="utf-8").startswith("id,kind,speaker,")

    def test_unwritable_output_is_a_usage_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
        with pytest.raises(SystemExit) as exit:
            cli.main(["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "no" / "such" / "out.jsonl")])
        assert exit.value.code == 2
        assert "cannot write to" in capsys.readouterr().err

    def test_brat_output_directory(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
        code, _, _ = run(
            capsys, "extract", str(tmp_path / "a.txt"), "--format", "brat", "-o", str(tmp_path / "ann")
        )
        assert code == 0
        assert (tmp_path / "ann" / "a.txt").read_text(encoding="utf-8") == ARTICLE
        assert "\tCue " in (tmp_path / "ann" / "a.ann").read_text(encoding="utf-8")

    @pytest.mark.parametrize("fmt", ["json", "csv", "table", "brat", "citron"])
    def test_every_format_writes_the_article(
        self, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (tmp_path / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
        code, out, _ = run(capsys, "extract", str(tmp_path / "harbour.txt"), "--format", fmt)
        assert code == 0
        assert "harbour" in out


def test_console_script_with_workers_keeps_order(tmp_path: Path) -> None:
    """The real command in a fresh process, with two worker processes."""
    ids = [f"n{i}" for i in range(20)]
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": ARTICLE} for i in ids[:10]] + ["[1]"])
    write_jsonl(tmp_path / "in2.jsonl", [{"id": i, "text": ARTICLE} for i in ids[10:]])
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "onrecord",
            "extract",
            str(path),
            str(tmp_path / "in2.jsonl"),
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert [r["id"] for r in jsonl(done.stdout)] == ids
    assert f"{path}:11: a JSON array" in done.stderr
    assert "20 articles" in done.stderr


def test_in_process_extraction_loads_a_new_model_every_so_many_articles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[int] = []

    class Counting:
        def __init__(self) -> None:
            made.append(len(made))
            self.number = made[-1]

        def pipe(self, articles: Iterable[Article]) -> Iterator[Result]:
            for article in articles:
                yield Result(Article(article.id, article.text, {"model": self.number}))

    monkeypatch.setattr(cli, "new_extractor", lambda max_chars, model="default": Counting())
    extract = cli._extract_in_process(100, "default", every=3)
    assert made == [0]  # loaded before any input is read
    results = list(extract(Article(str(i), "x") for i in range(7)))
    assert [r.article.id for r in results] == [str(i) for i in range(7)]
    assert [r.article.metadata["model"] for r in results] == [0, 0, 0, 1, 1, 1, 2]
