"""`onrecord ingest` and the store's commands end to end, in-process through ``cli.main``:
every kind of input (and every kind of broken one), reruns, workers, and the questions."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

from onrecord import cli
from test_ingest_kill import dump
from test_readers_corpus import ARTICLE_PAGE, NAV_ONLY_PAGE, warc_bytes

HALVORSEN = (
    "“We came here with a fair offer and we are leaving with nothing,” Fisheries Minister "
    "Ingrid Halvorsen told reporters on Thursday. “It is the third round in a row that the "
    "other side has moved the goalposts.”"
)
HALVORSEN_AGAIN = (
    "Talks resumed on Monday. Halvorsen said last week: “It is the third round in a row that "
    "the other side has moved the goalposts.” She said she was hopeful."
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def corpus(root: Path) -> Path:
    """One good article of each kind, and one broken input of each reader."""
    root.mkdir()
    (root / "one.jsonl").write_text(
        json.dumps({"id": "j1", "text": HALVORSEN, "date": "2024-05-02", "publisher": "Wire"})
        + "\n{broken json\n"
        + json.dumps({"text": HALVORSEN_AGAIN, "date": "2024-05-09", "publisher": "Daily"})
        + "\n",
        encoding="utf-8",
    )
    with (root / "sheet.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "date", "publisher"])
        writer.writerow(["c1", "“The plan is dead,” Mayor Ann Lee said on Friday.", "2024-05-03", "Gazette"])
        writer.writerow(["c2", "too", "many", "fields", "here"])
    (root / "page.html").write_text(ARTICLE_PAGE, encoding="utf-8")
    (root / "menu.html").write_text(NAV_ONLY_PAGE, encoding="utf-8")
    (root / "crawl.warc.gz").write_bytes(warc_bytes(gzipped=True))
    whole = warc_bytes(gzipped=True)
    (root / "truncated.warc.gz").write_bytes(whole[: len(whole) // 2])
    (root / "empty.txt").write_bytes(b"")
    (root / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(100))
    return root


@pytest.fixture
def ingested(tmp_path: Path, cli_extractor: Any, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str, str]:
    source = corpus(tmp_path / "in")
    db = tmp_path / "store.db"
    code, out, err = run(capsys, "ingest", str(source), "--db", str(db), "--workers", "1")
    assert code == 1, err
    return db, out, err


def test_ingest_reads_every_kind_and_records_every_broken_input(ingested: tuple[Path, str, str]) -> None:
    db, out, err = ingested
    assert out == ""  # messages go to standard error
    assert "Traceback" not in err
    with_store = json.loads(query(db, "failures", "--json"))
    reasons = {Path(f["item"].split(":")[0].split("#")[0]).name: f["reason"] for f in with_store}
    assert set(reasons) == {
        "one.jsonl",
        "sheet.csv",
        "menu.html",
        "truncated.warc.gz",
        "empty.txt",
        "image.bin",
    }
    assert "not JSON" in reasons["one.jsonl"]
    assert "truncated" in reasons["truncated.warc.gz"] or "corrupt" in reasons["truncated.warc.gz"]
    assert "no article text" in reasons["menu.html"]
    assert "empty file" in reasons["empty.txt"]
    assert all(set(f) >= {"article_id", "speaker", "kind", "content"} for f in with_store)
    exported = [json.loads(line) for line in query(db, "export").splitlines()]
    ids = [r["id"] for r in exported]
    assert ids == sorted(ids)
    assert {"j1", "c1", "page"} <= set(ids)
    assert any(i.startswith("sha256-") for i in ids)  # the jsonl record without an id
    assert sum(1 for r in exported if r.get("url", "").startswith("https://news.example/")) == 2
    assert "ingested" in err and "failed" in err


def query(db: Path, *argv: str) -> str:
    out = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out):
        code = cli.main([*argv, "--db", str(db)])
    assert code in (0, 1)
    return out.getvalue()


def test_a_rerun_skips_everything_stored_and_changes_nothing(
    tmp_path: Path, cli_extractor: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate([HALVORSEN, HALVORSEN_AGAIN])
        ),
        encoding="utf-8",
    )
    db = tmp_path / "s.db"
    assert run(capsys, "ingest", str(source), "--db", str(db), "--workers", "1")[0] == 0
    before = dump(db)
    code, _, err = run(capsys, "ingest", str(source), "--db", str(db), "--workers", "1")
    assert code == 0
    assert "ingested 0 articles" in err and "2 already stored" in err
    assert dump(db) == before


def test_a_quotation_repeated_across_articles_is_one_cluster_with_both_speakers_merged(
    ingested: tuple[Path, str, str],
) -> None:
    db, _, _ = ingested
    [match] = json.loads(
        query(db, "verify", "the third round in a row that the other side moved the goalposts", "--json")
    )
    assert match["first"]["article_id"] == "j1" and match["first"]["date"] == "2024-05-02"
    assert len(match["appearances"]) == 2
    assert [s["name"] for s in match["speakers"]] == ["Ingrid Halvorsen"]
    assert match["speaker"]["name"] == "Ingrid Halvorsen" and match["speaker"]["id"]
    assert match["content"].startswith("“We came here")


def test_two_workers_build_the_same_store_as_one(
    tmp_path: Path, cli_extractor: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    source = corpus(tmp_path / "in")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert run(capsys, "ingest", str(source), "--db", str(one), "--workers", "1")[0] == 1
    assert run(capsys, "ingest", str(source), "--db", str(two), "--workers", "2")[0] == 1
    assert dump(one) == dump(two)


@pytest.mark.parametrize(
    "text",
    ['goalposts" OR "x', "goalposts AND NOT NEAR(", "goalposts'); DROP TABLE articles; --", "goal* ^ (posts"],
)
def test_search_with_syntax_characters_answers_without_a_traceback(
    ingested: tuple[Path, str, str], capsys: pytest.CaptureFixture[str], text: str
) -> None:
    db, _, _ = ingested
    code, out, err = run(capsys, "search", text, "--db", str(db), "--json")
    assert code == 0 and "Traceback" not in err
    hits = json.loads(out)
    assert all(set(h) >= {"article_id", "speaker", "kind", "content"} for h in hits)
    assert all("<b>" not in h["content"] for h in hits)


@pytest.mark.parametrize("text", ["*", '""', "()", "- -", "!?"])
def test_search_without_words_is_one_clear_line(
    ingested: tuple[Path, str, str], capsys: pytest.CaptureFixture[str], text: str
) -> None:
    db, _, _ = ingested
    code, out, err = run(capsys, "search", text, "--db", str(db))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "at least one word" in err


def test_search_table_and_filters(
    ingested: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _, _ = ingested
    code, out, _ = run(
        capsys, "search", "goalposts", "--speaker", "Halvorsen", "--since", "2024-05-05", "--db", str(db)
    )
    assert code == 0
    assert out.startswith("1. Ingrid Halvorsen (direct)") and "2024-05-09 · Daily" in out
    code, _, err = run(capsys, "search", "goalposts", "--since", "May", "--db", str(db))
    assert code == 1 and "not a date" in err


def test_speakers_counts_by_kind_and_publisher(ingested: tuple[Path, str, str]) -> None:
    db, _, _ = ingested
    speakers = json.loads(query(db, "speakers", "--json"))
    halvorsen = next(s for s in speakers if s["speaker"]["name"] == "Ingrid Halvorsen")
    assert halvorsen["by_publisher"] == {"Daily": 2, "Wire": 1}  # a split quote is one attribution
    assert sum(halvorsen["by_kind"].values()) == halvorsen["count"] >= 3
    assert set(halvorsen) >= {"article_id", "speaker", "kind", "content"}
    assert "Halvorsen" in halvorsen["aliases"] and "Ingrid Halvorsen" in halvorsen["aliases"]


def test_verify_not_found_exits_1(
    ingested: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _, _ = ingested
    code, out, _ = run(capsys, "verify", "nobody ever said these words about the weather", "--db", str(db))
    assert code == 1 and out.startswith("not found")


def test_export_csv_and_parquet_have_one_row_per_attribution(
    ingested: tuple[Path, str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    db, _, _ = ingested
    records = [json.loads(line) for line in query(db, "export").splitlines()]
    total = sum(len(r["attributions"]) for r in records)
    assert run(capsys, "export", "--format", "csv", "-o", str(tmp_path / "a.csv"), "--db", str(db))[0] == 0
    rows = list(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))
    assert len(rows) == total and rows[0]["article_id"] == records[0]["id"]
    assert (
        run(capsys, "export", "--format", "parquet", "-o", str(tmp_path / "a.parquet"), "--db", str(db))[0]
        == 0
    )
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.num_rows == total and table.column("article_id")[0].as_py() == records[0]["id"]
    code, _, err = run(capsys, "export", "--format", "parquet", "--db", str(db))
    assert code == 1 and "-o OUT" in err


def test_a_question_to_a_missing_store_says_how_to_make_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "search", "x", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "onrecord ingest" in err
    assert not (tmp_path / "none.db").exists()


def test_ingest_into_postgres_and_search_it(
    tmp_path: Path, cli_extractor: Any, capsys: pytest.CaptureFixture[str], postgres: Any
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "p1", "text": HALVORSEN, "publisher": "Wire"}) + "\n", encoding="utf-8"
    )
    url = postgres.new_database()
    assert run(capsys, "ingest", str(source), "--db", url, "--workers", "1")[0] == 0
    code, out, _ = run(capsys, "search", "goalposts", "--db", url, "--json")
    assert code == 0 and json.loads(out)[0]["article_id"] == "p1"
    code, _, err = run(capsys, "ingest", str(source), "--db", url, "--workers", "1")
    assert code == 0 and "1 already stored" in err


def test_gzip_of_a_jsonl_is_not_mistaken_for_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(gzip.compress(b'{"id": "x", "text": "y"}\n'))
    code, _, err = run(
        capsys, "ingest", str(path), "--db", str(tmp_path / "s.db"), "--workers", "1", "--model", "rules"
    )
    assert code == 1 and ("binary" in err or "not JSON" in err)


def test_two_articles_with_one_id_and_different_text_are_a_failure_not_a_skip(
    tmp_path: Path, cli_extractor: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder, said in (("d1", HALVORSEN), ("d2", HALVORSEN_AGAIN)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(said, encoding="utf-8")
    db = tmp_path / "s.db"
    code, _, err = run(
        capsys, "ingest", str(tmp_path / "d1"), str(tmp_path / "d2"), "--db", str(db), "--workers", "1"
    )
    assert code == 1 and "different text is already stored" in err
    [failure] = json.loads(query(db, "failures", "--json"))
    assert failure["item"].endswith("story.txt") and failure["article_id"] == "story"


def test_a_file_failure_is_cleared_once_the_fixed_file_is_ingested(
    tmp_path: Path, cli_extractor: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("body,date\n“Fine” said Ann Lee.,2024-01-01\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert run(capsys, "ingest", str(sheet), "--db", str(db), "--workers", "1")[0] == 1
    assert [f["item"] for f in json.loads(query(db, "failures", "--json"))] == [str(sheet)]
    sheet.write_text("text,date\n“Fine” said Ann Lee.,2024-01-01\n", encoding="utf-8")
    assert run(capsys, "ingest", str(sheet), "--db", str(db), "--workers", "1")[0] == 0
    assert json.loads(query(db, "failures", "--json")) == []


def test_ingest_parquet_then_load_gives_the_same_store(
    tmp_path: Path, cli_extractor: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    import pyarrow.parquet as pq

    source = corpus(tmp_path / "in")
    first, loaded, again = tmp_path / "first.db", tmp_path / "loaded.db", tmp_path / "again.db"
    parts = tmp_path / "parts"
    assert (
        run(capsys, "ingest", str(source), "--db", str(first), "--workers", "1", "--parquet", str(parts))[0]
        == 1
    )
    assert [p.name for p in sorted(parts.iterdir())] == ["part-00000.parquet"]
    table = pq.read_table(parts / "part-00000.parquet")
    assert {"article_id", "speaker", "content", "attribution", "article_text"} <= set(table.column_names)
    assert run(capsys, "load", str(parts), "--db", str(loaded))[0] == 0
    assert query(first, "export") == query(loaded, "export")
    # export --format parquet is loadable too, and a second load skips everything
    assert (
        run(capsys, "export", "--format", "parquet", "-o", str(tmp_path / "e.parquet"), "--db", str(first))[0]
        == 0
    )
    assert run(capsys, "load", str(tmp_path / "e.parquet"), "--db", str(again))[0] == 0
    assert query(first, "export") == query(again, "export")
    code, _, err = run(capsys, "load", str(tmp_path / "e.parquet"), "--db", str(again))
    assert code == 0 and "already stored" in err


def test_load_of_a_file_that_is_not_parquet_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "x.parquet"
    bogus.write_text("hello")
    code, _, err = run(capsys, "load", str(bogus), "--db", str(tmp_path / "s.db"))
    assert code == 1 and err.count("\n") == 1 and "not a Parquet file" in err
