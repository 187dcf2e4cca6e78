"""The quotation scanner: marks of every style, nesting, paragraphs, apostrophes, garbage."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.records import Attribution, Span
from onrecord.stages.scanner import QuoteScanner

scan = QuoteScanner().scan


def texts(text: str) -> list[str]:
    return ["".join(p.text(text) for p in q.pieces) for q in scan(text) if q.depth == 0]


def test_curly_split_quote_gives_two_quotations() -> None:
    assert texts("\u201cA, b,\u201d he said. \u201cC.\u201d") == ["\u201cA, b,\u201d", "\u201cC.\u201d"]


def test_straight_quotes() -> None:
    assert texts('He said "it is" fine.') == ['"it is"']


def test_doubled_apostrophes_and_backticks() -> None:
    assert texts("''We win,'' he said.") == ["''We win,''"]
    assert texts("``We win,'' he said.") == ["``We win,''"]


def test_guillemets_and_low_opening_mark() -> None:
    assert texts("\u00ab Oui \u00bb, dit-il.") == ["\u00ab Oui \u00bb"]
    assert texts("\u201eJa\u201c, sagte er.") == ["\u201eJa\u201c"]


def test_quote_running_over_paragraphs_is_one_quotation_with_a_piece_each() -> None:
    text = "\u201cPara one.\n\u201cPara two.\n\u201cPara three.\u201d\nNext."
    (quote,) = [q for q in scan(text) if q.depth == 0]
    assert [p.text(text) for p in quote.pieces] == [
        "\u201cPara one.",
        "\u201cPara two.",
        "\u201cPara three.\u201d",
    ]
    assert quote.closed


def test_unmatched_mark_stops_at_its_paragraph() -> None:
    text = "\u201cunclosed here.\nNext para \u201cok\u201d then."
    quotes = [q for q in scan(text) if q.depth == 0]
    assert quotes[0].end <= text.index("\n")
    assert not quotes[0].closed
    assert quotes[1].span.text(text) == "\u201cok\u201d"


def test_apostrophes_are_not_quotes() -> None:
    assert scan("It\u2019s O\u2019Brien\u2019s view, and the players\u2019 union\u2019s too.") == []


def test_single_quotes_nested_inside_double() -> None:
    text = "\u201cHe told me \u2018never\u2019,\u201d she said."
    nested = [q.span.text(text) for q in scan(text) if q.depth == 1]
    assert nested == ["\u2018never\u2019"]


def test_curly_quotes_nested_inside_straight_ones_leave_the_outer_whole() -> None:
    text = '"The board isn\u2019t about \u201cfair rules\u201d anymore. It is about power," Ward said.'
    assert texts(text) == [text[: text.index(" Ward")]]
    # a stray straight mark before a curly quotation is not an outer quotation
    assert texts('"\u201cWe won,\u201d Ward said.') == ["\u201cWe won,\u201d"]
    # so in a straight quotation that runs on into the next paragraph
    text = (
        'Ward stated:\n\n"The board isn\u2019t about \u201cfair rules\u201d anymore.\n\n'
        '"The \u201cnew code\u201d is worse.\n\n"We will fight it."\n\nThe vote is Monday.'
    )
    pieces = [[p.text(text) for p in q.pieces] for q in scan(text) if q.depth == 0]
    assert pieces == [
        [
            '"The board isn\u2019t about \u201cfair rules\u201d anymore.',
            '"The \u201cnew code\u201d is worse.',
            '"We will fight it."',
        ]
    ]


def test_a_paragraph_opened_by_an_invisible_mark_still_opens_with_its_quotation() -> None:
    text = (
        "Posts followed.\n\n\u202a\u201dWe are done,\u201d posted Ward.\n\n"
        "\ufeff\u201cSo are we,\u201d wrote Lind."
    )
    assert texts(text) == ["\u201dWe are done,\u201d", "\u201cSo are we,\u201d"]


def test_ten_thousand_unmatched_marks_stay_bounded() -> None:
    text = ("word \u201c " * 10_000) + "\nend"
    quotes = scan(text)
    assert all(q.end <= text.index("\nend") for q in quotes)


MARKS = st.sampled_from(
    list("\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\n ") + ["''", "``", "a", "b. ", "he said,"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKS, max_size=80).map("".join))
def test_every_quotation_lies_inside_the_text_and_pieces_never_overlap(text: str) -> None:
    for quote in scan(text):
        pieces = list(quote.pieces)
        assert all(0 <= p.start < p.end <= len(text) for p in pieces)
        assert all(a.end <= b.start for a, b in zip(pieces, pieces[1:], strict=False))
        assert all("\n" not in p.text(text) for p in pieces)


@settings(max_examples=200, deadline=None)
@given(st.lists(MARKS, max_size=60).map("".join))
def test_offsets_round_trip_through_the_jsonl_record(text: str) -> None:
    for quote in scan(text):
        att = Attribution(kind="direct", cue=(), source=(), content=quote.pieces)
        back = Attribution.from_dict(json.loads(json.dumps(att.to_dict())))
        assert back.content == quote.pieces
        assert [s.text(text) for s in back.content] == [p.text(text) for p in quote.pieces]


def test_span_rejects_negative_offsets() -> None:
    try:
        Span(5, 2)
    except ValueError:
        return
    raise AssertionError("Span(5, 2) was accepted")


def test_opening_mark_typed_as_the_closing_one() -> None:
    text = "\u201cThe rate is 51 percent.\u201c\nNext paragraph."
    assert texts(text) == ["\u201cThe rate is 51 percent.\u201c"]


def test_paragraph_opened_with_a_closing_mark() -> None:
    text = "\u201d\u2026 he delivered a mix of orthodoxy,\u201d Barabak wrote."
    assert texts(text) == ["\u201d\u2026 he delivered a mix of orthodoxy,\u201d"]


def test_single_quotation_closing_inside_doubled_apostrophes() -> None:
    # ,''' : the inner single quotation closes first, then the doubled apostrophes
    text = "''I would call it 'plain,''' said Ward. '''Firebird,''' he replied. ''Next.''"
    assert texts(text) == ["''I would call it 'plain,'''", "'''Firebird,'''", "''Next.''"]
    nested = [q.span.text(text) for q in scan(text) if q.depth == 1]
    assert nested == ["'plain,'", "'Firebird,'"]


def test_quotation_opened_with_the_closing_mark_inside_a_paragraph() -> None:
    text = "Crews could not ”keep the ferry running on time.” She left."
    assert texts(text) == ["”keep the ferry running on time.”"]
    # (guards) inside a quotation the same mark closes it; after a comma, or with no second
    # closing mark to end it, it opens nothing
    assert texts("“It is fair,”Ward said. “We agree.”") == ["“It is fair,”", "“We agree.”"]
    assert texts("It is fair,”Ward said of the ”plan.") == []
    assert texts("Crews could not ”keep up.") == []
