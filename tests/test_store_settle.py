"""Speakers settled whatever the order: the same articles, ingested in any order, in one run
or several, give the same speakers, ids and export; a retired id redirects to its speaker."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from onrecord.records import Article, Attribution, Result, Span, Speaker
from onrecord.store import Store
from onrecord.store.ingest import Ingest
from onrecord.store.names import settle
from onrecord.store.schema import MIGRATIONS, SCHEMA_VERSION
from test_verify_polnear import POLNEAR, gold_results

UNITS = [
    ("Clinton", "person", 5),
    ("Hillary Clinton", "person", 3),
    ("Bill Clinton", "person", 2),
    ("Xi", "person", 4),
    ("Xi Jinping", "person", 1),
    ("President Xi Jinping", "person", 1),
    ("The Kremlin", "government", 3),
    ("Kremlin", "organisation", 1),
    ("Trump", "person", 9),
    ("Donald", "person", 1),
    ("Donald J. Trump", "person", 2),
    ("Donald Trump", "person", 3),
    ("Trump Jr.", "person", 2),
    ("George W. Bush", "person", 2),
    ("George H. W. Bush", "person", 1),
    ("George Bush", "person", 1),
    ("White House", "government", 2),
    ("House", "person", 1),
]


def test_settle_does_not_depend_on_the_order_of_names() -> None:
    expected = settle(UNITS)
    rng = random.Random(7)
    for _ in range(50):
        shuffled = UNITS[:]
        rng.shuffle(shuffled)
        assert settle(shuffled) == expected


def test_settle_merges_by_the_whole_store() -> None:
    by_id = {s.id: s for s in settle(UNITS)}
    names_of = {i: {u[0] for u in s.units} for i, s in by_id.items()}
    # A lone surname joins the most mentioned Clinton of the whole store, not of "so far".
    assert names_of["hillary-clinton"] == {"Clinton", "Hillary Clinton"}
    assert names_of["bill-clinton"] == {"Bill Clinton"}
    assert names_of["donald-j-trump"] == {"Donald J. Trump", "Donald Trump", "Trump"}
    assert by_id["donald-j-trump"].mentions == 14
    assert names_of["trump-jr"] == {"Trump Jr."}
    assert names_of["xi-jinping"] == {"Xi", "Xi Jinping", "President Xi Jinping"}
    # Once called "Trump" alone, "Donald" is a given name, not evidence of Donald Trump.
    assert names_of["donald"] == {"Donald"}
    # "George Bush" fits both Bushes: the more mentioned one.
    assert names_of["george-w-bush"] == {"George W. Bush", "George Bush"}
    assert names_of["george-h-w-bush"] == {"George H. W. Bush"}
    assert names_of["kremlin"] == {"The Kremlin", "Kremlin"}
    assert by_id["kremlin"].type == "government"  # the type of its most mentioned name
    assert names_of["white-house"] == {"White House"} and names_of["house"] == {"House"}


def test_settle_hands_out_taken_slugs_by_mentions() -> None:
    settled = settle([("John Smith", "person", 1), ("John  Smith", "organisation", 4)])
    assert [(s.id, s.type) for s in settled] == [("john-smith", "organisation"), ("john-smith-2", "person")]


def _dump(store: Store) -> dict[str, Any]:
    db = store.db
    return {
        "export": list(store.export_records()),
        "rows": list(store.export_rows(full=True)),
        "speakers": db.rows("SELECT id, seq, name, type, mentions FROM speakers ORDER BY id"),
        "aliases": db.rows("SELECT speaker_id, alias, mentions FROM speaker_aliases ORDER BY 1, 2"),
        "keys": db.rows("SELECT key, speaker_id FROM speaker_keys ORDER BY 1, 2"),
    }


def _ingest(store: Store, results: Iterable[Result]) -> None:
    Ingest(store).load((r.article.id, r) for r in results)


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared/data/polnear is not present")
def test_polnear_in_any_order_gives_the_same_store(tmp_path: Path) -> None:
    """PolNeAR gold (train + dev, 924 articles, about 2,500 speaker names and 3,500 quotation
    clusters): in input order in one run, and shuffled over three runs, the store exports
    the same bytes, as JSON lines (speaker ids) and as flat rows (quotation clusters)."""
    results = [*gold_results(POLNEAR / "train.jsonl"), *gold_results(POLNEAR / "dev.jsonl")]
    with Store(str(tmp_path / "forward.db")) as store:
        _ingest(store, results)
        forward = _dump(store)
        assert not store.needs_settle()
    shuffled = results[::-1]
    random.Random(3).shuffle(shuffled)
    with Store(str(tmp_path / "runs.db")) as store:
        for part in (shuffled[:100], shuffled[100:500], shuffled[500:]):
            _ingest(store, part)
        assert _dump(store) == forward
    assert len(forward["export"]) == len(results)
    assert len(forward["speakers"]) > 500
    names = {row[0]: row[2] for row in forward["speakers"]}
    assert names["donald-j-trump"] == "Donald J. Trump"
    assert names["hillary-rodham-clinton"] == "Hillary Rodham Clinton"


def _result(article_id: str, name: str, text: str | None = None) -> Result:
    text = text or f'"We will win," {name} said on Tuesday.'
    start = text.index(name)
    speaker = Speaker(name, "person")
    attribution = Attribution(
        kind="direct",
        cue=(Span(text.index("said"), text.index("said") + 4),),
        source=(Span(start, start + len(name)),),
        content=(Span(0, text.index(",") + 2),),
        speaker=speaker,
    )
    return Result(Article(article_id, text, {}), (attribution,))


def test_an_article_added_alone_is_merged_and_settled_later(store_url: str) -> None:
    with Store(store_url) as store:
        _ingest(store, [_result("a1", "Trump"), _result("a2", "Trump")])
        assert store.db.rows("SELECT id, name FROM speakers") == [("trump", "Trump")]
        # Added alone (the web app's way): merged at once, settled by the next run.
        store.add(_result("a3", "Donald Trump"))
        assert store.needs_settle()
        assert store.db.value("SELECT speaker_id FROM attributions WHERE article_id = 'a3'") == "trump"
        store.add(_result("a4", "Trump"))
        assert store.db.value("SELECT speaker_id FROM attributions WHERE article_id = 'a4'") == "trump"
        _ingest(store, [])
        assert not store.needs_settle()
        assert store.db.rows("SELECT id, name, mentions FROM speakers") == [
            ("donald-trump", "Donald Trump", 4)
        ]
        assert store.moved_to("trump") == "donald-trump"
        assert store.moved_to("donald-trump") is None
        assert store.speaker_ids("Trump") == ["donald-trump"]
        # A later settle that retires "donald-trump" too keeps the old link working.
        _ingest(store, [_result("a5", "Donald John Trump"), _result("a6", "Donald John Trump")])
        assert [r[0] for r in store.db.rows("SELECT id FROM speakers")] == ["donald-john-trump"]
        assert store.moved_to("trump") == "donald-john-trump"
        assert store.moved_to("donald-trump") == "donald-john-trump"


def test_the_web_app_redirects_a_retired_speaker_id(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from onrecord.web import create_app

    db = str(tmp_path / "web.db")
    with Store(db) as store:
        _ingest(store, [_result("a1", "Trump")])
        _ingest(store, [_result("a2", "Donald Trump")])
    with TestClient(create_app(db)) as client:
        for path in ("/speakers/trump", "/speakers/trump.json", "/api/speakers/trump"):
            response = client.get(path + "?limit=5", follow_redirects=False)
            assert response.status_code == 301, path
            assert response.headers["location"] == path.replace("trump", "donald-trump") + "?limit=5"
            followed = client.get(path)
            assert followed.status_code == 200
        assert client.get("/api/speakers/nobody").status_code == 404


def test_a_version_1_store_is_migrated_and_settled(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    with Store(str(path)) as store:
        _ingest(store, [_result("a1", "Trump"), _result("a2", "Donald Trump")])
        expected = _dump(store)
    # Take the store back to version 1, as an earlier onrecord left it.
    with sqlite3.connect(path) as con:
        con.execute("DROP TABLE speaker_units")
        con.execute("DROP TABLE speaker_redirects")
        con.execute("DROP TABLE cluster_redirects")
        con.execute("ALTER TABLE attributions DROP COLUMN speaker_alias")
        con.execute("ALTER TABLE attributions DROP COLUMN speaker_type")
        con.execute("DELETE FROM meta WHERE key = 'speakers_settled'")
        con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    assert MIGRATIONS[-1].version == SCHEMA_VERSION == 2
    with Store(str(path)) as store:
        assert store.db.rows("SELECT speaker_alias, speaker_type FROM attributions ORDER BY id") == [
            ("Trump", "person"),
            ("Donald Trump", "person"),
        ]
        assert store.needs_settle()
        _ingest(store, [])
        assert _dump(store) == expected


def test_flat_exports_number_clusters_by_article_id_not_ingest_order(tmp_path: Path) -> None:
    quote = "The harbour bridge will stay open through the winter storms"
    results = [
        _result(f"art-{i}", name, f'"{quote}," {name} said.')
        for i, name in enumerate(["Ann Lee", "Bo Tan", "Ann Lee"])
    ]
    results.append(_result("art-9", "Cy Moss"))
    exports = []
    for order, name in ((results, "a.db"), (results[::-1], "b.db")):
        with Store(str(tmp_path / name)) as store:
            _ingest(store, order)
            exports.append(list(store.export_rows(full=True)))
    assert exports[0] == exports[1]
    assert [row["cluster_id"] for row in exports[0]] == [1, 1, 1, 2]


def _quoted(article_id: str, name: str, quote: str) -> Result:
    return _result(article_id, name, f'"{quote}," {name} said.')


WHOLE = (
    "We will keep the harbour bridge open through the winter storms and we will repair "
    "every pier before the spring tides come back to the estuary"
)
HEAD = "We will keep the harbour bridge open through the winter storms"
TAIL = "we will repair every pier before the spring tides come back"


def test_a_quotation_that_links_two_clusters_merges_them(store_url: str) -> None:
    """Two trims of one remark that share nothing are two clusters until the whole remark
    comes: then one cluster, whatever the order, and the merged id redirects."""
    from onrecord.store import quotations

    assert quotations.same_quotation(HEAD, TAIL) < quotations.SAME_QUOTATION
    results = [_quoted("a1", "Ann Lee", HEAD), _quoted("a2", "Bo Tan", TAIL), _quoted("a3", "Ann Lee", WHOLE)]
    with Store(store_url) as store:
        _ingest(store, results[:2])
        assert store.db.value("SELECT COUNT(*) FROM clusters") == 2
        _ingest(store, results[2:])
        assert store.db.value("SELECT COUNT(*) FROM clusters") == 1
        [(kept,)] = store.db.rows("SELECT id FROM clusters")
        [(merged,)] = store.db.rows("SELECT old_id FROM cluster_redirects")
        assert store.cluster_moved_to(int(merged)) == int(kept)
        assert store.cluster(int(merged)) is None
        assert len(store.cluster(int(kept)).appearances) == 3  # type: ignore[union-attr]


def test_clusters_linked_by_a_quotation_are_the_same_in_any_order(tmp_path: Path) -> None:
    results = [_quoted("a1", "Ann Lee", HEAD), _quoted("a2", "Bo Tan", TAIL), _quoted("a3", "Ann Lee", WHOLE)]
    exports = []
    for name, order in (("a.db", results), ("b.db", results[::-1]), ("c.db", [results[2], *results[:2]])):
        with Store(str(tmp_path / name)) as store:
            _ingest(store, order)
            assert store.db.value("SELECT COUNT(*) FROM clusters") == 1
            exports.append(list(store.export_rows(full=True)))
    assert exports[0] == exports[1] == exports[2]


def test_the_web_app_redirects_a_merged_quotation(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from onrecord.web import create_app

    db = str(tmp_path / "web.db")
    with Store(db) as store:
        _ingest(store, [_quoted("a1", "Ann Lee", HEAD), _quoted("a2", "Bo Tan", TAIL)])
        _ingest(store, [_quoted("a3", "Ann Lee", WHOLE)])
        [(old, new)] = store.db.rows("SELECT old_id, cluster_id FROM cluster_redirects")
    with TestClient(create_app(db)) as client:
        for path in (f"/quotations/{old}", f"/api/quotations/{old}"):
            response = client.get(path, follow_redirects=False)
            assert response.status_code == 301
            assert response.headers["location"] == path.replace(str(old), str(new))
            assert client.get(path).status_code == 200


def test_a_retired_id_inside_the_json_suffix_redirects_to_the_json_twin(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from onrecord.web import create_app

    db = str(tmp_path / "web.db")
    with Store(db) as store:
        _ingest(store, [_result("a1", "Son")])
        _ingest(store, [_result("a2", "Masayoshi Son")])
        assert store.moved_to("son") == "masayoshi-son"
    with TestClient(create_app(db)) as client:
        response = client.get("/speakers/son.json", follow_redirects=False)
        assert response.status_code == 301
        assert response.headers["location"] == "/speakers/masayoshi-son.json"


def test_a_merged_cluster_id_is_never_given_again(store_url: str) -> None:
    """After the highest cluster is merged away, a new quotation gets a new id, so the
    old id keeps leading to the cluster it merged into, and a later merge of the new
    cluster records its own redirect."""
    other = "The ferry timetable will change on the first of March for every island route"
    with Store(store_url) as store:
        _ingest(store, [_quoted("a1", "Ann Lee", HEAD), _quoted("a2", "Bo Tan", TAIL)])
        _ingest(store, [_quoted("a3", "Ann Lee", WHOLE)])
        [(kept,)] = store.db.rows("SELECT id FROM clusters")
        _ingest(store, [_quoted("a4", "Cy Moss", other)])
        ids = sorted(int(r[0]) for r in store.db.rows("SELECT id FROM clusters"))
        assert ids == [int(kept), 3]
        assert store.cluster_moved_to(2) == int(kept)
        # A quotation that is both: the two clusters merge; every article is stored.
        _ingest(store, [_quoted("a5", "Ann Lee", WHOLE + ". " + other)])
        assert store.db.value("SELECT COUNT(*) FROM articles") == 5
        assert store.db.value("SELECT COUNT(*) FROM clusters") == 1
        assert store.cluster_moved_to(2) == store.cluster_moved_to(3) == int(kept)
        assert store.db.value("SELECT COUNT(*) FROM failures") == 0
