"""Hand-checked expectations on the invented example articles in ``examples/``.

Each expectation is ``(article_id, content_snippet, speaker, kind, addressee)``:

- ``content_snippet`` is a short exact substring of the quoted or reported content; the
  attribution under test is the one whose content spans contain the snippet's first
  character (when several overlap there, e.g. a claim inside a denial, one of them must
  satisfy the whole expectation);
- ``speaker`` is the fullest name the article gives the speaker ("Maria Lindqvist" even
  where the text says "she" or "the commissioner"), a metonym as written ("City Hall",
  "Brussels"), or ``None`` for a speaker the article never names ("a campaign aide");
- ``kind`` is ``direct``, ``mixed`` or ``indirect`` (FORMAT.md);
- ``addressee`` follows the gold convention of ``shared/examples``: only where the cue itself
  names whom the statement was made to ("told Okafor", "in an interview with the Northmoor
  Gazette"); ``None`` also where the addressee is unnamed ("told reporters").

A predicted name matches when it equals the expected one ignoring case, accents, a leading
"the" and the kind of apostrophe, when it is the expected name's last word(s) (the surname),
or when it extends the expected name ("Mayor Daniel Okafor" for "Daniel Okafor").

The articles are fictional: people, places and newspapers are invented.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"

Expectation = tuple[str, str, str | None, str, str | None]

BRIDGE = "harbour-bridge-vote"
FISH = "fishing-quota-talks"
STRIKE = "hospital-strike-talks"
DEBATE = "senate-debate-water"

EXPECTATIONS: list[Expectation] = [
    # -- harbour-bridge-vote: curly quotes, titles, descriptions, City Hall --------------
    # "Reyes told Okafor ... he added": the speaker is Reyes, not the last-named Okafor.
    (BRIDGE, "the new figures had reached councillors", "Tomas Reyes", "indirect", "Daniel Okafor"),
    (BRIDGE, "Nobody in this chamber", "Tomas Reyes", "direct", None),
    # Second half of the split quote “A,” Okafor said. “B.”
    (BRIDGE, "Delay is not prudence", "Daniel Okafor", "direct", None),
    (BRIDGE, "the bridge’s foundations could not be designed", "Maria Lindqvist", "indirect", None),
    # "The commissioner added that ..."
    (BRIDGE, "the survey alone would cost", "Maria Lindqvist", "indirect", None),
    # “A,” she said. “B.”
    (BRIDGE, "But if we pour concrete", "Maria Lindqvist", "direct", None),
    # A cue-less quote paragraph continuing Lindqvist's turn.
    (BRIDGE, "The seabed does not care", "Maria Lindqvist", "direct", None),
    (BRIDGE, "the administration would publish a full breakdown", "Grace O’Brien", "indirect", None),
    (BRIDGE, "fully committed", "City Hall", "mixed", None),
    (BRIDGE, "dead on arrival", "Tomas Reyes", "mixed", None),
    # Multi-paragraph quote with a ‘quote within the quote’: after the inner quote ...
    (BRIDGE, "I have heard that promise", "Daniel Okafor", "direct", None),
    # ... and in the continuation paragraph (opening mark repeated, closing only at the end).
    (BRIDGE, "I am not going to be the one who breaks it", "Daniel Okafor", "direct", None),
    # -- fishing-quota-talks: straight quotes, Brussels, unnamed groups, denials ---------
    (FISH, "We came here with a fair offer", "Ingrid Halvorsen", "direct", None),
    (FISH, "simply not compatible", "Brussels", "mixed", None),
    # Second half of the split quote "A," he said, "B."
    (FISH, "but closer is not the same as close enough", "Paolo Ventresca", "direct", None),
    (FISH, "the islands had asked for 18 percent", "Paolo Ventresca", "indirect", None),
    (FISH, "her government had walked away from the table", "Ingrid Halvorsen", "indirect", None),
    # Participle: "..., saying that ..." (the plural possessive islands' is not a quote).
    (FISH, "the islands' boats had already accepted deep cuts", "Ingrid Halvorsen", "indirect", None),
    # A cue-less quote paragraph continuing Halvorsen's turn.
    (FISH, "Our fishermen have tied up boats", "Ingrid Halvorsen", "direct", None),
    (FISH, "the dispute risked spilling over", None, "indirect", None),
    (FISH, "The government is preparing to license", None, "indirect", None),
    # Relative clause: the content of the denial is the relative pronoun, as in the gold example.
    (FISH, "which Port Ailsa has denied", "Port Ailsa", "indirect", None),
    (FISH, "kept in the dark", "Magnus Trell", "mixed", "Skerrin Times"),
    (FISH, "If I were running those talks", "Magnus Trell", "direct", None),
    # -- hospital-strike-talks: straight quotes, she ≠ last-named woman, interviews -------
    (STRIKE, "will extend their strike into a third week", None, "indirect", None),
    (STRIKE, "warm words and a review", "Amara Nwosu", "mixed", "Helen Carver"),
    # "Nwosu ... told Health Minister Helen Carver ... "A," she said": she is Nwosu.
    (STRIKE, "We have been patient for four years", "Amara Nwosu", "direct", None),
    (STRIKE, "Patience has not paid a single electricity bill", "Amara Nwosu", "direct", None),
    # "said to reporters": an unnamed addressee.
    (STRIKE, "every penny it can find", "Helen Carver", "mixed", None),
    # She continued, "..."
    (STRIKE, "I respect the nurses enormously", "Helen Carver", "direct", None),
    # "According to the union, ...": the union is the Northmoor Nurses' Union.
    (STRIKE, "vacancy rates on some surgical wards", "Northmoor Nurses' Union", "indirect", None),
    (STRIKE, "the longer the dispute lasted", "Samuel Achterberg", "indirect", None),
    (STRIKE, "We are cancelling hip replacements", "Samuel Achterberg", "direct", "Northmoor Gazette"),
    (STRIKE, "army medics would be deployed", None, "indirect", None),
    # Multi-paragraph quote in straight quotes.
    (STRIKE, "I did not become a nurse", "Amara Nwosu", "direct", None),
    (STRIKE, "But we will stand here as long as it takes", "Amara Nwosu", "direct", None),
    # -- senate-debate-water: curly quotes, the White House, a campaign aide --------------
    (DEBATE, "My opponent has voted to sell off the river", "Joanna Treadwell", "direct", None),
    (DEBATE, "never balanced a budget in her life", "Martin Kessling", "mixed", None),
    (
        DEBATE,
        "the decision belonged to the people who work the land",
        "Martin Kessling",
        "indirect",
        "Leon Castellanos",
    ),
    # “A,” he said, “B.” right after "Kessling told Castellanos": he is Kessling.
    (DEBATE, "I have spent eight years making the hard choices", "Martin Kessling", "direct", None),
    (DEBATE, "and I’m not going to apologise", "Martin Kessling", "direct", None),
    (DEBATE, "her plan would protect small growers", "Joanna Treadwell", "indirect", None),
    (DEBATE, "The people draining this valley", "Joanna Treadwell", "direct", None),
    # A cue-less quote paragraph continuing Treadwell's turn ("his" inside it is Kessling).
    (DEBATE, "Ask yourself who paid for his ads", "Joanna Treadwell", "direct", None),
    (DEBATE, "it had no plans to send cabinet members", "White House", "indirect", None),
    (DEBATE, "better than we dared hope", None, "mixed", None),
    (DEBATE, "she would release ten years of tax returns", "Joanna Treadwell", "indirect", None),
    (DEBATE, "the campaign’s internal polling shows", "Beth Ardagh", "indirect", None),
]

ARTICLE_IDS: tuple[str, ...] = tuple(dict.fromkeys(e[0] for e in EXPECTATIONS))
CURLY_ARTICLES = (BRIDGE, DEBATE)
STRAIGHT_ARTICLES = (FISH, STRIKE)


# -- helpers ----------------------------------------------------------------------------
@cache
def load_article(article_id: str) -> str:
    return (EXAMPLES_DIR / f"{article_id}.txt").read_text(encoding="utf-8")


def name_tokens(name: str) -> list[str]:
    """Case-folded, accent-free words of a name, without a leading "the"."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = name.replace("\u2019", "'").replace("\u2018", "'").casefold()
    words = [w.strip('.,;:"“”()') for w in name.split()]
    words = [w for w in words if w]
    if words and words[0] == "the":
        words = words[1:]
    return words


def name_matches(predicted: str | None, expected: str | None) -> bool:
    """Whether a predicted speaker/addressee name is acceptable for the expected one.

    ``expected is None`` (an unnamed or absent party) only accepts ``None``. Otherwise the
    predicted name may equal the expected one, be its surname (its last word or words), or
    extend it ("Mayor Daniel Okafor" for "Daniel Okafor").
    """
    if expected is None:
        return predicted is None
    if predicted is None:
        return False
    pred, exp = name_tokens(predicted), name_tokens(expected)
    if not pred or not exp:
        return False
    if pred == exp:
        return True
    if len(pred) < len(exp):
        return exp[-len(pred) :] == pred
    return any(pred[i : i + len(exp)] == exp for i in range(len(pred) - len(exp) + 1))


def party_name(party: Any) -> str | None:
    """The name of a Speaker (speaker or addressee), ``None`` for no or an unnamed party."""
    return None if party is None else party.name


def covers(attribution: Any, offset: int) -> bool:
    return any(span.start <= offset < span.end for span in attribution.content)


def describe(attribution: Any, text: str) -> str:
    content = " … ".join(text[s.start : s.end] for s in attribution.content)
    if len(content) > 90:
        content = content[:87] + "..."
    speaker, addressee = attribution.speaker, attribution.addressee
    return (
        f"[{attribution.kind}] speaker={party_name(speaker)!r}"
        f"{'' if speaker is None or speaker.name else f' ({speaker.description!r})'}"
        f" addressee={party_name(addressee)!r} content={content!r}"
    )


def expectation_id(expectation: Expectation) -> str:
    article_id, snippet = expectation[0], expectation[1]
    ascii_snippet = unicodedata.normalize("NFKD", snippet).replace("\u2019", "'")
    ascii_snippet = ascii_snippet.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_snippet).strip("-")[:40]
    return f"{article_id}:{slug}"


# -- the articles themselves (no extractor needed) ----------------------------------------
@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_example_article_is_well_formed(article_id: str) -> None:
    text = load_article(article_id)
    body = text.rstrip("\n")
    assert "\r" not in text
    assert "\n\n" not in body, "paragraphs are separated by a single newline"
    lines = body.split("\n")
    headline = lines[0]
    assert headline and len(headline) < 120 and not headline.endswith("."), "first line is a headline"
    assert len(lines) >= 8
    assert 250 <= len(body.split()) <= 450


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_example_article_quote_style(article_id: str) -> None:
    text = load_article(article_id)
    if article_id in CURLY_ARTICLES:
        assert "“" in text and '"' not in text
    else:
        assert article_id in STRAIGHT_ARTICLES
        assert '"' in text and "“" not in text and "”" not in text


def test_every_example_has_expectations() -> None:
    on_disk = {p.stem for p in EXAMPLES_DIR.glob("*.txt")}
    assert set(ARTICLE_IDS) <= on_disk
    for article_id in ARTICLE_IDS:
        count = sum(1 for e in EXPECTATIONS if e[0] == article_id)
        assert 6 <= count <= 12, (article_id, count)


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=expectation_id)
def test_snippet_occurs_once(expectation: Expectation) -> None:
    article_id, snippet, _speaker, kind, _addressee = expectation
    assert kind in ("direct", "mixed", "indirect")
    count = load_article(article_id).count(snippet)
    assert count == 1, f"{snippet!r} must occur exactly once in {article_id}, not {count} times"


def test_name_matches() -> None:
    assert name_matches("Maria Lindqvist", "Maria Lindqvist")
    assert name_matches("lindqvist", "Maria Lindqvist")
    assert name_matches("Mayor Daniel Okafor", "Daniel Okafor")
    assert name_matches("O'Brien", "Grace O’Brien")
    assert name_matches("the Kremlin", "Kremlin")
    assert name_matches("The White House", "White House")
    assert name_matches(None, None)
    assert not name_matches("Maria", "Maria Lindqvist")
    assert not name_matches("Daniel Okafor", "Tomas Reyes")
    assert not name_matches("Okafor", None)
    assert not name_matches(None, "Tomas Reyes")


# -- the extractor against the expectations ---------------------------------------------
@pytest.fixture(scope="module")
def extracted(extractor: Any) -> dict[str, list[Any]]:
    """The attributions of each example article, extracted once per module."""
    return {article_id: list(extractor.extract(load_article(article_id))) for article_id in ARTICLE_IDS}


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=expectation_id)
def test_example_expectation(expectation: Expectation, extracted: dict[str, list[Any]]) -> None:
    article_id, snippet, speaker, kind, addressee = expectation
    text = load_article(article_id)
    offset = text.find(snippet)
    assert offset >= 0, f"{snippet!r} is not in {article_id}"

    candidates = [a for a in extracted[article_id] if covers(a, offset)]
    assert candidates, f"no attribution's content covers {snippet!r} in {article_id}"

    def verdict(a: Any) -> list[str]:
        problems = []
        if not name_matches(party_name(a.speaker), speaker):
            problems.append(f"speaker {party_name(a.speaker)!r} != {speaker!r}")
        if a.kind != kind:
            problems.append(f"kind {a.kind!r} != {kind!r}")
        if not name_matches(party_name(a.addressee), addressee):
            problems.append(f"addressee {party_name(a.addressee)!r} != {addressee!r}")
        return problems

    verdicts = [(a, verdict(a)) for a in candidates]
    if any(not problems for _a, problems in verdicts):
        return
    report = "\n".join(f"  {describe(a, text)}\n    -> {'; '.join(p)}" for a, p in verdicts)
    wanted = f"speaker={speaker!r} kind={kind!r} addressee={addressee!r}"
    pytest.fail(f"{article_id}: {snippet!r} expected {wanted}\n{report}")
