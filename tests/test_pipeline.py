"""The extractor as a library: extract, pipe, chunked long articles, the spaCy component."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from onrecord.errors import ArticleTooLong
from onrecord.pipeline import Extractor, chunk_bounds
from onrecord.records import Article

ARTICLE = (
    "\u201cWe will not close the harbour,\u201d Mayor Daniel Okafor said on Tuesday.\n"
    "He told reporters that the bridge would be finished by June.\n"
    "\u201cEvery month we wait, steel gets dearer,\u201d he added."
)


def test_extract_finds_direct_and_reported_speech_with_speakers(extractor: Any) -> None:
    found = extractor.extract(ARTICLE)
    assert [a.kind for a in found] == ["direct", "indirect", "direct"]
    assert {a.speaker.name for a in found} == {"Daniel Okafor"}
    assert found[1].addressee is not None and found[1].addressee.description == "reporters"


def test_pipe_keeps_input_order_and_reports_bad_items(extractor: Any) -> None:
    items = [ARTICLE, {"id": "b", "text": "Nobody spoke."}, {"id": "c"}, Article("d", "")]
    results = list(extractor.pipe(items))
    assert [r.article.id for r in results] == ["0", "b", "c", "d"]
    assert [r.ok for r in results] == [True, True, False, True]
    assert "text" in results[2].error


def test_long_article_is_chunked_with_offsets_kept(extractor: Any) -> None:
    text = "\n".join([ARTICLE] * 6)
    small = Extractor(nlp=extractor.nlp, chunk_chars=400)
    whole = extractor.extract(text)
    chunked = small.extract(text)
    assert len(chunk_bounds(text, 400)) > 1
    assert [a.content for a in chunked] == [a.content for a in whole]
    for a in chunked:
        assert a.content_text(text).startswith(("\u201c", "that the bridge"))


def test_chunk_bounds_cover_the_text_exactly() -> None:
    text = ("para one is here.\n" * 50) + ("x" * 900)
    bounds = chunk_bounds(text, 200)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(end - start <= 200 for start, end in bounds)


def test_article_over_max_chars_is_refused_clearly(extractor: Any) -> None:
    small = Extractor(nlp=extractor.nlp, max_chars=100)
    (result,) = small.pipe([{"id": "big", "text": "a " * 100}])
    assert not result.ok and "max_chars=100" in result.error
    with pytest.raises(ArticleTooLong):
        small.extract("a " * 100)


def test_empty_and_whitespace_text_give_no_attributions(extractor: Any) -> None:
    assert extractor.extract("") == []
    assert extractor.extract("   \n\t ") == []


def test_spacy_component_sets_doc_attributions(extractor: Any) -> None:
    import onrecord.spacy_component  # noqa: F401  (registers the factory)

    nlp = extractor.nlp
    if "onrecord" not in nlp.pipe_names:
        nlp.add_pipe("onrecord")
    try:
        doc = nlp(ARTICLE)
        assert [a.speaker.name for a in doc._.attributions] == ["Daniel Okafor"] * 3
    finally:
        nlp.remove_pipe("onrecord")


def test_spacy_component_takes_a_model_setting(extractor: Any, tmp_path: Path) -> None:
    import onrecord.spacy_component  # noqa: F401  (registers the factory)
    from onrecord.errors import AttributionModelError

    nlp = extractor.nlp
    nlp.add_pipe("onrecord", name="onrecord_rules", config={"model": "rules"})
    try:
        assert nlp.get_pipe("onrecord_rules").finder.scorer is None
        doc = nlp(ARTICLE)
        assert [a.speaker.name for a in doc._.attributions] == ["Daniel Okafor"] * 3
    finally:
        nlp.remove_pipe("onrecord_rules")
    with pytest.raises(AttributionModelError):
        nlp.add_pipe("onrecord", name="onrecord_missing", config={"model": str(tmp_path)})
    assert "onrecord_missing" not in nlp.pipe_names


def test_an_article_that_breaks_the_batch_parse_fails_alone(extractor: Any) -> None:
    ok = "“We will not close the harbour,” Mayor Daniel Okafor said on Tuesday."
    broken = "He said \ud800 “yes,” she said."  # a lone surrogate: not text spaCy can take
    results = list(
        extractor.pipe([{"id": "a", "text": ok}, {"id": "b", "text": broken}, {"id": "c", "text": ok}])
    )
    assert [r.article.id for r in results] == ["a", "b", "c"]
    assert results[0].ok and results[2].ok and results[2].attributions
    assert not results[1].ok and "b" in (results[1].error or "")
