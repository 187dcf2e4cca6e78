"""Writers: each format from hand-made Results (no model needed)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from onrecord.io.writers import (
    CSV_COLUMNS,
    FORMATS,
    BratDirectoryWriter,
    TableWriter,
    brat_fragments,
    brat_lines,
    citron_record,
    make_writer,
    open_writer,
    shorten,
)
from onrecord.records import Article, Attribution, Result, Span, Speaker

TEXT = "\u201cWe will win,\u201d Smith told reporters. \u201cAnd soon.\u201d\nHe added that\nit was fine."


def at(fragment: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(fragment, start + 1)
    return Span(start, start + len(fragment))


SPLIT_QUOTE = Attribution(
    kind="direct",
    cue=(at("told"),),
    source=(at("Smith"),),
    content=(at("\u201cWe will win,\u201d"), at("\u201cAnd soon.\u201d")),
    speaker=Speaker("John Smith", "person"),
    addressee=Speaker(None, "group", description="reporters"),
    confidence=0.93,
    addressee_span=(at("reporters"),),
)
REPORTED = Attribution(
    kind="indirect",
    cue=(at("added"),),
    source=(at("He"),),
    content=(Span(at("that").start, len(TEXT)),),
    speaker=Speaker("John Smith", "person"),
)
RESULT = Result(Article("smith-1", TEXT, {"title": "Win", "date": "2024-01-02"}), (SPLIT_QUOTE, REPORTED))
EMPTY = Result(Article("quiet", "Nothing was said."))
FAILED = Result(Article("huge", "x" * 10), error="[E002] the article is too long")


def render(fmt: str, *results: Result) -> str:
    out = io.StringIO()
    with make_writer(fmt, out) as writer:
        writer.write_all(results)
    return out.getvalue()


def test_jsonl_is_result_to_dict_one_per_line_in_order() -> None:
    lines = render("jsonl", RESULT, EMPTY).splitlines()
    assert [json.loads(line) for line in lines] == [RESULT.to_dict(), EMPTY.to_dict()]


def test_jsonl_offsets_round_trip_through_attribution_from_dict() -> None:
    line = render("jsonl", RESULT).splitlines()[0]
    parsed = [Attribution.from_dict(a) for a in json.loads(line)["attributions"]]
    assert parsed == [SPLIT_QUOTE, REPORTED]
    assert parsed[0].content_text(TEXT) == "\u201cWe will win,\u201d \u2026 \u201cAnd soon.\u201d"


def test_jsonl_does_not_escape_non_ascii() -> None:
    unicode_meta = Result(Article("z", "x", {"title": "Zürich \u201cnews\u201d"}))
    assert "Zürich \u201cnews\u201d" in render("jsonl", unicode_meta)


def test_jsonl_keeps_a_failed_article_with_its_error() -> None:
    [line] = render("jsonl", FAILED).splitlines()
    assert json.loads(line) == {"id": "huge", "attributions": [], "error": "[E002] the article is too long"}


def test_json_is_one_array_of_the_same_records() -> None:
    assert json.loads(render("json", RESULT, FAILED)) == [RESULT.to_dict(), FAILED.to_dict()]


def test_json_without_results_is_an_empty_array() -> None:
    assert json.loads(render("json")) == []


def test_csv_header_names_the_columns() -> None:
    header = next(csv.reader(io.StringIO(render("csv"))))
    assert header == list(CSV_COLUMNS)
    assert header[:5] == ["id", "kind", "speaker", "speaker_type", "addressee"]


def test_csv_has_one_row_per_attribution_with_texts_and_offsets() -> None:
    rows = list(csv.DictReader(io.StringIO(render("csv", RESULT, EMPTY, FAILED))))
    assert len(rows) == 2
    first = rows[0]
    assert (first["id"], first["kind"], first["speaker"], first["speaker_type"]) == (
        "smith-1",
        "direct",
        "John Smith",
        "person",
    )
    assert (first["addressee"], first["cue"], first["source"]) == ("reporters", "told", "Smith")
    assert first["content"] == "\u201cWe will win,\u201d \u2026 \u201cAnd soon.\u201d"
    assert json.loads(first["content_offsets"]) == [s.to_list() for s in SPLIT_QUOTE.content]
    assert float(first["confidence"]) == 0.93
    assert rows[1]["content"] == "that\nit was fine."


def test_table_shows_article_id_speaker_kind_cue_and_addressee() -> None:
    table = render("table", RESULT)
    assert table.splitlines()[0].startswith("smith-1 (2 attributions)")
    row = next(line for line in table.splitlines() if "direct" in line)
    for cell in ("John Smith", "told", "reporters", "\u201cWe will win"):
        assert cell in row


def test_table_shortens_long_content_to_the_width() -> None:
    long = Result(Article("long", "w " * 500), (Attribution("indirect", (), (), (Span(0, 1000),)),))
    out = io.StringIO()
    writer = TableWriter(out, width=100)
    writer.write(long)
    assert all(len(line) <= 100 for line in out.getvalue().splitlines())
    assert "\u2026" in out.getvalue()


def test_table_marks_failed_and_empty_articles() -> None:
    table = render("table", EMPTY, FAILED)
    assert "quiet (0 attributions)" in table
    assert "huge: FAILED: [E002]" in table


def test_brat_discontinuous_span_has_semicolon_fragments() -> None:
    lines = brat_lines(RESULT)
    content = next(line for line in lines if line.split("\t")[1].startswith("Content"))
    first, second = SPLIT_QUOTE.content
    assert content.split("\t")[1] == f"Content {first.start} {first.end};{second.start} {second.end}"
    assert content.split("\t")[2] == "\u201cWe will win,\u201d \u201cAnd soon.\u201d"


def test_brat_event_links_cue_source_content_and_addressee() -> None:
    lines = brat_lines(RESULT)
    types = {line.split("\t")[0]: line.split("\t")[1].split()[0] for line in lines if line.startswith("T")}
    event = next(line for line in lines if line.startswith("E1\t"))
    roles = dict(arg.split(":") for arg in event.split("\t")[1].split())
    assert {role: types[tid] for role, tid in roles.items()} == {
        "Attribution": "Attribution",
        "Cue": "Cue",
        "Source": "Source",
        "Content": "Content",
        "Addressee": "Addressee",
    }
    assert "A1\tKind E1 direct" in lines
    assert any(line.startswith("#1\tAnnotatorNotes E1\tspeaker: John Smith") for line in lines)


def test_brat_text_field_matches_the_offsets() -> None:
    for line in brat_lines(RESULT):
        if line.startswith("T"):
            _, where, text = line.split("\t")
            fragments = [tuple(map(int, f.split()[-2:])) for f in where.split(";")]
            assert text == " ".join(TEXT[s:e] for s, e in fragments)


def test_brat_splits_a_span_at_line_breaks() -> None:
    span = REPORTED.content[0]
    fragments = brat_fragments([span], TEXT)
    assert len(fragments) == 2
    assert all("\n" not in TEXT[s:e] for s, e in fragments)


def test_brat_without_cue_puts_the_trigger_on_the_content() -> None:
    turn = Attribution(
        "direct", (), (), (at("\u201cAnd soon.\u201d"),), speaker=Speaker("John Smith", "person")
    )
    lines = brat_lines(Result(Article("t", TEXT), (turn,)))
    span = turn.content[0]
    assert f"T2\tAttribution {span.start} {span.end}\t\u201cAnd soon.\u201d" in lines
    assert "E1\tAttribution:T2 Content:T1" in lines


def test_brat_to_stdout_separates_articles_with_comment_lines() -> None:
    out = render("brat", RESULT, EMPTY, FAILED).splitlines()
    comments = [line for line in out if line.startswith("# ")]
    assert comments[:2] == ["# article smith-1", "# article quiet"]
    assert comments[2].startswith("# article huge: FAILED")


def test_brat_directory_gets_txt_and_ann_per_article(tmp_path: Path) -> None:
    with BratDirectoryWriter(tmp_path / "brat") as writer:
        writer.write_all([RESULT, EMPTY, FAILED])
    names = sorted(p.name for p in (tmp_path / "brat").iterdir())
    assert names == ["annotation.conf", "quiet.ann", "quiet.txt", "smith-1.ann", "smith-1.txt"]
    assert (tmp_path / "brat" / "smith-1.txt").read_bytes().decode() == TEXT
    ann = (tmp_path / "brat" / "smith-1.ann").read_text(encoding="utf-8").splitlines()
    assert ann == brat_lines(RESULT)


def test_brat_directory_file_names_are_safe_and_unique(tmp_path: Path) -> None:
    with BratDirectoryWriter(tmp_path) as writer:
        writer.write(Result(Article("../evil/id", "a")))
        writer.write(Result(Article("../evil/id", "b")))
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == ["_evil_id-2.txt", "_evil_id.txt"]


def test_citron_record_has_cue_sources_contents_with_text() -> None:
    quote = citron_record(RESULT)["quotes"][0]
    assert quote["cue"] == {"start": at("told").start, "end": at("told").end, "text": "told"}
    assert [s["text"] for s in quote["sources"]] == ["Smith"]
    assert [c["text"] for c in quote["contents"]] == ["\u201cWe will win,\u201d", "\u201cAnd soon.\u201d"]
    assert quote["speaker"] == {"name": "John Smith", "type": "person"}
    assert quote["coreferences"] is None


def test_citron_writes_one_document_per_line() -> None:
    lines = render("citron", RESULT, FAILED).splitlines()
    first, failed = (json.loads(line) for line in lines)
    assert (first["id"], first["text"], len(first["quotes"])) == ("smith-1", TEXT, 2)
    assert failed["error"].startswith("[E002]")


def test_open_writer_owns_and_closes_its_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    writer = open_writer("jsonl", path)
    writer.write(EMPTY)
    writer.close()
    assert writer.stream.closed
    assert json.loads(path.read_text(encoding="utf-8")) == EMPTY.to_dict()


def test_every_format_has_a_writer() -> None:
    for fmt in FORMATS:
        assert "smith-1" in render(fmt, RESULT)


def test_shorten_keeps_short_text_and_marks_cut_text() -> None:
    assert shorten("short", 10) == "short"
    assert shorten("a long sentence here", 10) == "a long se\u2026"


@st.composite
def results(draw: st.DrawFn) -> Result:
    text = draw(st.text(alphabet=st.sampled_from("ab \n\r\u201c\u201d\u00e9"), min_size=1, max_size=60))

    def spans(min_size: int) -> tuple[Span, ...]:
        bounds = draw(st.lists(st.integers(0, len(text)), min_size=2 * min_size, max_size=6))
        bounds = sorted(bounds)[: len(bounds) // 2 * 2]
        return tuple(Span(s, e) for s, e in zip(bounds[::2], bounds[1::2], strict=True))

    kind = draw(st.sampled_from(["direct", "mixed", "indirect"]))
    confidence = draw(st.floats(0, 1).map(lambda x: round(x, 4)))
    attribution = Attribution(kind, spans(0), spans(0), spans(1), confidence=confidence)
    return Result(Article("h", text), (attribution,))


@given(results())
def test_jsonl_round_trips_any_attribution(result: Result) -> None:
    line = render("jsonl", result)
    assert tuple(Attribution.from_dict(a) for a in json.loads(line)["attributions"]) == result.attributions


@given(results())
def test_brat_fragments_match_their_text_and_never_hold_a_line_break(result: Result) -> None:
    text = result.article.text
    for line in brat_lines(result):
        if line.startswith("T"):
            _, where, covered = line.split("\t")
            fragments = [tuple(map(int, f.split()[-2:])) for f in where.split(";")]
            assert all(s < e for s, e in fragments)
            assert covered == " ".join(text[s:e] for s, e in fragments)
            assert "\n" not in covered and "\r" not in covered
