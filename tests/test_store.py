"""The quote store, on SQLite and on PostgreSQL: writing articles, merging speakers,
clustering quotations, and the questions users ask it (search, speakers, verify, export)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from onrecord.errors import QueryError, StoreError
from onrecord.records import Article, Attribution, Result, Span, Speaker
from onrecord.store import Store
from onrecord.store.schema import SCHEMA_VERSION


def quote(
    text: str, said: str, speaker: str | None, kind: str = "direct", type: str = "person"
) -> Attribution:
    """An attribution of the first occurrence of ``said`` in ``text``."""
    start = text.index(said)
    return Attribution(
        kind=kind,
        cue=(),
        source=(),
        content=(Span(start, start + len(said)),),
        speaker=Speaker(name=speaker, type=type) if speaker else Speaker(name=None, description="an aide"),
    )


def article(id: str, text: str, quotes: list[tuple[str, str | None]], **metadata: Any) -> Result:
    return Result(Article(id=id, text=text, metadata=metadata), tuple(quote(text, q, s) for q, s in quotes))


XI = article(
    "a1",
    "“China highly values its ties with Russia and will deepen cooperation,” Xi Jinping said. "
    "Putin said the talks were “very useful”.",
    [
        ("“China highly values its ties with Russia and will deepen cooperation,”", "Xi Jinping"),
        ("“very useful”", "Vladimir Putin"),
    ],
    date="2023-03-20",
    publisher="Wire",
    title="Xi meets Putin",
)
XI_LATER = article(
    "a2",
    "Xi said: “China highly values its ties with Russia.” He spoke in Moscow.",
    [("“China highly values its ties with Russia.”", "Xi")],
    date="2023-03-21",
    publisher="Daily",
)
XI_EARLIER_INGESTED_LATER = article(
    "a0",
    "President Xi Jinping said “China highly values its ties with Russia and will deepen cooperation”.",
    [("“China highly values its ties with Russia and will deepen cooperation”", "President Xi Jinping")],
    date="2023-03-19",
    publisher="Early",
)


@pytest.fixture
def store(store_url: str) -> Any:
    with Store(store_url) as store:
        yield store


def test_a_new_store_has_the_current_schema_and_nothing_else(store: Store) -> None:
    from onrecord.store.schema import version

    assert version(store.db) == SCHEMA_VERSION
    counts = store.counts()
    assert (counts.articles, counts.attributions, counts.speakers, counts.clusters) == (0, 0, 0, 0)


def test_reopening_a_store_keeps_its_contents(store_url: str) -> None:
    with Store(store_url) as store:
        store.add(XI)
    with Store(store_url) as store:
        assert store.has_article("a1") and store.counts().attributions == 2


def test_adding_an_article_twice_stores_it_once(store: Store) -> None:
    assert store.add(XI) is True
    assert store.add(XI) is False
    assert store.counts().articles == 1 and store.counts().attributions == 2


def test_speakers_merge_across_articles_with_aliases(store: Store) -> None:
    store.add(XI)
    store.add(XI_LATER)
    store.add(XI_EARLIER_INGESTED_LATER)
    top = store.speakers()
    xi = next(s for s in top if s.speaker.name == "Xi Jinping")
    assert xi.count == 3
    assert set(xi.aliases) == {"Xi Jinping", "Xi", "President Xi Jinping"}
    assert xi.by_publisher == {"Wire": 1, "Daily": 1, "Early": 1}
    assert xi.by_kind == {"direct": 3, "mixed": 0, "indirect": 0}


def test_a_speaker_keeps_its_id_when_a_fuller_name_arrives(store: Store) -> None:
    store.add(XI_LATER)  # "Xi" first
    first_id = store.speakers()[0].speaker.id
    store.add(XI)
    xi = next(s for s in store.speakers() if "Xi" in (s.speaker.name or ""))
    assert xi.speaker.id == first_id and xi.speaker.name == "Xi Jinping"


def test_export_gives_format_records_ordered_by_id_with_store_speaker_ids(store: Store) -> None:
    store.add(XI_LATER)
    store.add(XI)
    records = list(store.export_records())
    assert [r["id"] for r in records] == ["a1", "a2"]
    assert records[0]["title"] == "Xi meets Putin" and records[0]["date"] == "2023-03-20"
    ids = {
        a["speaker"]["id"]
        for r in records
        for a in r["attributions"]
        if a["speaker"]["name"].startswith("Xi")
    }
    assert len(ids) == 1
    assert records[0]["attributions"][0]["content"] == XI.attributions[0].to_dict()["content"]


def test_export_rows_are_one_per_attribution(store: Store) -> None:
    store.add(XI)
    rows = list(store.export_rows())
    assert [(r["article_id"], r["n"]) for r in rows] == [("a1", 0), ("a1", 1)]
    assert rows[1]["quotation"] == "very useful" and rows[0]["speaker_id"]


def test_the_same_quotation_in_several_articles_is_one_cluster(store: Store) -> None:
    for result in (XI, XI_LATER, XI_EARLIER_INGESTED_LATER):
        store.add(result)
    assert store.counts().clusters == 2  # Xi's words, and Putin's "very useful"


def test_verify_finds_the_first_appearance_by_date(store: Store) -> None:
    for result in (XI, XI_LATER, XI_EARLIER_INGESTED_LATER):
        store.add(result)
    [match] = store.verify("China highly values its ties with Russia")
    assert match.first.article_id == "a0"  # the earliest date, though ingested last
    assert [a.article_id for a in match.appearances] == ["a0", "a1", "a2"]
    assert match.match in ("exact", "contained")
    assert {s["name"] for s in match.speakers} == {"Xi Jinping"}


@pytest.mark.parametrize(
    "asked",
    [
        "values its ties with Russia and will deepen",  # trimmed
        "China highly values its ties ... will deepen cooperation",  # ellipsis
        "China greatly values its ties with Russia and will expand cooperation",  # two words changed
    ],
)
def test_verify_finds_a_trimmed_cut_or_edited_quotation(store: Store, asked: str) -> None:
    store.add(XI)
    matches = store.verify(asked)
    assert matches and matches[0].first.article_id == "a1"


def test_verify_finds_nothing_for_words_never_said(store: Store) -> None:
    store.add(XI)
    assert store.verify("the harbour will stay open all winter long") == []


def test_verify_refuses_a_question_without_words(store: Store) -> None:
    with pytest.raises(QueryError):
        store.verify(" … ")


def test_search_ranks_and_filters(store: Store) -> None:
    for result in (XI, XI_LATER, XI_EARLIER_INGESTED_LATER):
        store.add(result)
    hits = store.search("ties Russia")
    assert {h.article_id for h in hits} == {"a0", "a1", "a2"}
    assert all(h.speaker.name == "Xi Jinping" and h.speaker.id for h in hits)
    assert [h.article_id for h in store.search("ties", since="2023-03-20")] == sorted(
        ["a1", "a2"], key=lambda i: [h.article_id for h in hits].index(i)
    )
    assert [h.article_id for h in store.search("ties", until="2023-03-19")] == ["a0"]
    assert [h.article_id for h in store.search("ties", publisher="daily")] == ["a2"]
    assert [h.article_id for h in store.search("useful", speaker="Putin")] == ["a1"]
    assert store.search("ties", kind="indirect") == []


def test_search_falls_back_to_any_word_when_none_has_all(store: Store) -> None:
    store.add(XI)
    assert [h.n for h in store.search("useful zebra")] == [1]


def test_search_by_a_phrase(store: Store) -> None:
    store.add(XI)
    assert [h.n for h in store.search('"very useful"')] == [1]


@pytest.mark.parametrize(
    "text",
    [
        'ties" OR "x',
        "ties AND NOT NEAR(",
        "ties'); DROP TABLE articles; --",
        "ties* ^ : ( ) { } -",
        '"unclosed phrase ties',
        "ties \\ % _ ' ;",
        "NEAR/2 ties",
    ],
)
def test_search_syntax_characters_are_plain_separators(store: Store, text: str) -> None:
    store.add(XI)
    hits = store.search(text)
    assert hits and hits[0].article_id == "a1"
    assert store.has_article("a1")


@pytest.mark.parametrize("text", ["", "   ", "*", "()", '""', "--"])
def test_search_without_words_is_a_clear_error(store: Store, text: str) -> None:
    with pytest.raises(QueryError, match="at least one word"):
        store.search(text)


def test_search_for_an_unknown_speaker_is_a_clear_error(store: Store) -> None:
    store.add(XI)
    with pytest.raises(QueryError, match="no speaker called"):
        store.search("ties", speaker="Nobody Known")


def test_search_with_a_bad_date_is_a_clear_error(store: Store) -> None:
    with pytest.raises(QueryError, match="not a date"):
        store.search("ties", since="last week")


def test_failures_are_recorded_once_per_item_and_cleared_by_success(store: Store) -> None:
    store.add_failure("in.jsonl:3", "not JSON", "read")
    store.add_failure("in.jsonl:3", "not JSON (again)", "read")
    store.add_failure("in.jsonl:4", "too long", "extract", "x")
    assert [(f.item, f.reason) for f in store.failures()] == [
        ("in.jsonl:3", "not JSON (again)"),
        ("in.jsonl:4", "too long"),
    ]
    store.add(XI, where="in.jsonl:4")
    assert [f.item for f in store.failures()] == ["in.jsonl:3"]
    assert store.failures()[0].to_dict()["article_id"] is None


def test_unnamed_speakers_are_stored_without_a_store_speaker(store: Store) -> None:
    text = "“We are worried,” an aide said."
    store.add(article("u", text, [("“We are worried,”", None)]))
    [row] = list(store.export_rows())
    assert row["speaker_id"] is None and row["speaker"] == "an aide"
    assert store.speakers() == []


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Any) -> None:
    path = tmp_path / "notes.db"
    path.write_text("hello")
    with pytest.raises(StoreError, match="not an SQLite database"):
        Store(str(path))


def test_a_store_from_a_newer_onrecord_is_refused(store_url: str) -> None:
    with Store(store_url) as store:
        store.db.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        Store(store_url)


def test_an_unreachable_postgres_server_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot connect"):
        Store("postgresql://nobody@127.0.0.1:1/none")


def test_metadata_of_any_json_type_is_kept(store: Store) -> None:
    result = Result(Article("m", "No quotes here.", {"tags": ["a", "b"], "date": "2020-01-02", "n": 3}))
    store.add(result)
    [record] = store.export_records()
    assert record == {"id": "m", "date": "2020-01-02", "n": 3, "tags": ["a", "b"], "attributions": []}
    assert json.loads(json.dumps(record)) == record


# -- odd inputs and failing databases ------------------------------------------------------------
def test_dates_in_other_shapes_sort_and_filter_as_dates(store: Store) -> None:
    said = "“We will fight for every job in this town,” Mayor Ann Lee said."
    quotes = [("“We will fight for every job in this town,”", "Ann Lee")]
    store.add(article("late", said, quotes, date=20240105))
    store.add(article("early", said, quotes, date="5 March 2023"))
    store.add(article("undated", said, quotes, date="sometime"))
    [match] = store.verify("We will fight for every job in this town")
    assert [a.article_id for a in match.appearances] == ["early", "late", "undated"]
    assert match.first.date == "2023-03-05"
    assert [h.article_id for h in store.search("fight", since="2024-01-01")] == ["late"]
    records = {r["id"]: r for r in store.export_records()}
    assert records["early"]["date"] == "5 March 2023"  # the input's own value is kept


@pytest.mark.parametrize("day", ["2024-13-01", "2024-02-30", "yesterday", "2024-05-05x"])
def test_an_impossible_date_in_a_filter_is_a_clear_error(store: Store, day: str) -> None:
    with pytest.raises(QueryError, match="not a date"):
        store.search("ties", until=day)


def test_an_id_stored_with_other_text_is_refused_not_overwritten(store: Store) -> None:
    from onrecord.store.store import ArticleIdClash

    store.add(XI)
    other = Result(Article("a1", "Other text entirely."))
    with pytest.raises(ArticleIdClash, match="different text"):
        store.add(other)
    assert store.counts().attributions == 2


def test_export_orders_ids_by_code_point_on_both_databases(store: Store) -> None:
    ids = ["b1", "B1", "a_1", "b-2", "Z", "é"]
    for i in ids:
        store.add(Result(Article(i, f"Text {i}.")))
    assert [r["id"] for r in store.export_records(page=2)] == sorted(ids)


def test_a_nul_character_is_stored_on_both_databases(store: Store) -> None:
    text = "“Yes\x00,” Ann Lee said."
    store.add(article("nul", text, [("“Yes\x00,”", "Ann Lee")], title="A\x00B"))
    [row] = list(store.export_rows())
    assert row["content"] == "“Yes\ufffd,”" and row["title"] == "A\ufffdB"


def test_search_finds_a_speaker_by_name_on_both_databases(store: Store) -> None:
    store.add(XI)
    text = "Sanders said the plan was “a disaster for working families”."
    store.add(article("s", text, [("“a disaster for working families”", "Bernie Sanders")]))
    assert [h.article_id for h in store.search("Sanders")] == ["s"]


def test_a_search_argument_that_is_not_utf8_is_a_clear_error(store: Store) -> None:
    store.add(XI)
    with pytest.raises(QueryError, match="not valid UTF-8"):
        store.search("ties", speaker="\udcff")


def test_a_full_disk_ends_the_run_with_a_store_error(tmp_path: Any) -> None:
    from onrecord.store.ingest import Ingest

    with Store(str(tmp_path / "full.db")) as store:
        pages = store.db.value("PRAGMA page_count")
        store.db.execute(f"PRAGMA max_page_count = {pages}")
        big = Result(Article("big", "x " * 200_000))
        with pytest.raises(StoreError, match="full"):
            Ingest(store).result("in.jsonl:1", big)
        assert store.counts().articles == 0


def test_a_database_of_another_program_is_refused(tmp_path: Any) -> None:
    import sqlite3

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(StoreError, match="another program"):
        Store(str(path))
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]


# -- the web app's questions ------------------------------------------------------------------------
def test_a_speaker_page_has_aliases_timeline_addressees_and_quotes(store: Store) -> None:
    for result in (XI, XI_LATER, XI_EARLIER_INGESTED_LATER):
        store.add(result)
    xi_id = store.speaker_ids("Xi")[0]
    detail = store.speaker(xi_id)
    assert detail is not None and detail.speaker.name == "Xi Jinping" and detail.count == 3
    assert {a["name"] for a in detail.aliases} == {"Xi", "Xi Jinping", "President Xi Jinping"}
    assert detail.timeline == [{"month": "2023-03", "count": 3}] and detail.undated == 0
    assert [q.article_id for q in detail.quotes] == ["a0", "a1", "a2"]
    assert store.speaker(xi_id, limit=1, offset=2).quotes[0].article_id == "a2"  # type: ignore[union-attr]
    assert store.speaker("nobody") is None


def test_a_cluster_page_gives_the_first_appearance_and_variants(store: Store) -> None:
    for result in (XI, XI_LATER, XI_EARLIER_INGESTED_LATER):
        store.add(result)
    [match] = store.verify("China highly values its ties with Russia")
    cluster = store.cluster(match.cluster_id)
    assert cluster is not None and cluster.first.article_id == "a0"
    assert len(cluster.variants) == 2 and len(cluster.appearances) == 3
    assert store.cluster(999_999) is None


def test_articles_newest_first_and_one_article_with_its_text(store: Store) -> None:
    for result in (XI, XI_LATER, XI_EARLIER_INGESTED_LATER):
        store.add(result)
    store.add(Result(Article("undated", "Nothing said.")))
    assert [a.article_id for a in store.articles()] == ["a2", "a1", "a0", "undated"]
    assert [a.article_id for a in store.articles(publisher="wire")] == ["a1"]
    assert [a.article_id for a in store.articles(limit=1, offset=1)] == ["a1"]
    record = store.article("a1")
    assert record is not None and record["text"] == XI.article.text and record["title"] == "Xi meets Putin"
    assert record["attributions"][0]["speaker"]["id"] == store.speaker_ids("Xi")[0]
    assert store.article("missing") is None


def test_the_overview_counts_and_charts_quotes_per_publisher_and_month(store: Store) -> None:
    for result in (XI, XI_LATER):
        store.add(result)
    overview = store.overview()
    assert overview.counts["articles"] == 2 and overview.counts["attributions"] == 3
    assert overview.speakers[0].speaker.name == "Xi Jinping"
    assert {p["publisher"]: p["attributions"] for p in overview.publishers} == {"Wire": 2, "Daily": 1}
    assert overview.timeline == [
        {"publisher": "Daily", "month": "2023-03", "count": 1},
        {"publisher": "Wire", "month": "2023-03", "count": 2},
    ]
    assert overview.to_dict()["counts"]["speakers"] == 2
