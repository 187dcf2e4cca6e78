"""`verify` on real news: a store of PolNeAR's gold attributions (train + dev, 924 articles)
finds dev quotations given trimmed, cut by an ellipsis, or with two words changed, and names
the right first appearance: the earliest dated article, which may be another publisher's."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from onrecord.records import Article, Attribution, Result, Span, Speaker
from onrecord.store import Store

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
pytestmark = pytest.mark.skipif(not POLNEAR.exists(), reason="../shared/data/polnear is not present")
PRONOUNS = {"he", "she", "i", "we", "they", "it", "you"}


def gold_results(path: Path) -> Iterator[Result]:
    """Results made of the gold attributions: kind ``direct`` when the content opens with a
    quotation mark, the source text as a person's name when it is capitalised."""
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        text = record["text"]
        attributions = []
        for gold in record["attributions"]:
            content = tuple(Span(s, e) for s, e in gold["content"])
            if not content:
                continue
            source = " ".join(text[s:e] for s, e in gold["source"])
            named = source[:1].isupper() and source.lower() not in PRONOUNS
            attributions.append(
                Attribution(
                    kind="direct" if text[content[0].start] in '"“' else "indirect",
                    cue=tuple(Span(s, e) for s, e in gold["cue"]),
                    source=tuple(Span(s, e) for s, e in gold["source"]),
                    content=content,
                    speaker=Speaker(source, "person") if named else None,
                )
            )
        metadata = {k: record[k] for k in ("title", "date", "publisher") if k in record}
        yield Result(Article(record["id"], text, metadata), tuple(attributions))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(str(tmp_path_factory.mktemp("polnear") / "gold.db")) as store:
        for name in ("dev.jsonl", "train.jsonl"):
            for result in gold_results(POLNEAR / name):
                store.add(result)
        yield store


TROJAN_FIRST = "wash-post_2016-08-10_philippine-lawmaker-wants-trump-"  # train, 2016-08-10
TROJAN_DEV = "west-journal_2016-09-12_obama-seeks-more-muslim-refugees"  # dev, a month later
TIMES_FIRST = "huff-post_2016-09-20_hillary-clinton-speaks-directly-"  # dev, 2016-09-20
TIMES_LATER = "west-journal_2016-09-21_chris-christie-calls-hillary-cli"  # dev, 2016-09-21


def verify(store: Store, quotation: str) -> Any:
    matches = store.verify(quotation)
    assert matches, f"nothing found for {quotation!r}"
    return matches[0]


def test_a_dev_quotation_verbatim_gives_its_earlier_first_appearance_elsewhere(store: Store) -> None:
    match = verify(store, "This could be the great Trojan horse of all time.")
    assert match.first.article_id == TROJAN_FIRST and match.first.date == "2016-08-10"
    assert {a.article_id for a in match.appearances} == {TROJAN_FIRST, TROJAN_DEV}
    assert match.match == "contained" and match.similarity == 1.0


def test_a_trimmed_quotation_is_found(store: Store) -> None:
    match = verify(store, "no way of vetting them. You have no idea who they are")
    assert match.first.article_id == TROJAN_FIRST


def test_a_quotation_with_an_ellipsis_is_found(store: Store) -> None:
    match = verify(
        store, "We're letting people come in from terrorist nations ... the great Trojan horse of all time"
    )
    assert match.first.article_id == TROJAN_FIRST


def test_a_quotation_with_two_words_changed_is_found(store: Store) -> None:
    match = verify(store, "There's no way of checking them. You have no clue who they are.")
    assert match.first.article_id == TROJAN_FIRST and match.match == "fuzzy"


@pytest.mark.parametrize(
    "asked",
    [
        "How many times do we have to see this in our country?",  # verbatim
        "how many times do we have to see this",  # trimmed
        "How many times … in our country",  # ellipsis
        "How many more times do we have to watch this in our country?",  # two words changed
    ],
)
def test_the_first_of_two_dev_articles_is_the_first_appearance(store: Store, asked: str) -> None:
    match = verify(store, asked)
    assert [a.article_id for a in match.appearances] == [TIMES_FIRST, TIMES_LATER]
    assert match.first.article_id == TIMES_FIRST


def test_a_sentence_nobody_said_is_not_found(store: Store) -> None:
    assert store.verify("The harbour bridge will be finished by June next year at the latest.") == []
