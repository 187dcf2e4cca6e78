"""Markup left in article text is blanked before parsing, every offset kept."""

from __future__ import annotations

import pytest

from onrecord.markup import blank_markup, for_parser


@pytest.mark.parametrize(
    "text",
    [
        '<tweet id="1" author="@cityhall" datetime="2016-03-01">The ferry is late.</tweet>.',
        '<tweet tweet-author="@cityhall" tweet-date="March 1, 2016\n">The ferry is late.</tweet>',
        'Watch <a href="http://example.com/clip">the clip</a> here.<tweet/>',
    ],
)
def test_tags_are_blanked_and_offsets_kept(text: str) -> None:
    blanked = blank_markup(text)
    assert len(blanked) == len(text)
    assert "<" not in blanked and ">" not in blanked
    words = "The ferry is late." if "ferry" in text else "the clip"
    start = text.index(words)
    assert blanked[start : start + len(words)] == words


@pytest.mark.parametrize(
    "text",
    ["Turnout rose where x < 5 and fell where y > 9.", "Write to <clerk@example.org> by Friday.", "a <b"],
)
def test_text_that_only_looks_like_markup_is_left_alone(text: str) -> None:
    assert blank_markup(text) == text


def test_dashes_that_set_off_a_phrase_reach_the_parser_as_em_dashes() -> None:
    text = (
        "In an interview - held <b>Wednesday</b> - the Jean-Pierre Holt campaign said 5-3 was fine"
        " \u2015 and so was the well-known plan."
    )
    parsed = for_parser(text)
    assert len(parsed) == len(text)
    assert parsed == (
        "In an interview \u2014 held    Wednesday     \u2014 the Jean-Pierre Holt campaign said 5-3 was"
        " fine \u2014 and so was the well-known plan."
    )


def test_spaces_other_than_the_plain_one_reach_the_parser_as_plain_ones() -> None:
    text = "Mayor\u00a0Ann Ware\u2009said\u202fthe plan -\u00a0the one of 2014\u00a0- failed.\nIt did."
    parsed = for_parser(text)
    assert parsed == "Mayor Ann Ware said the plan \u2014 the one of 2014 \u2014 failed.\nIt did."
    assert len(parsed) == len(text)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("- a", "- a"),
        ("a -", "a -"),
        ("\n- item", "\n- item"),
        ("a  -  b", "a  \u2014  b"),
        ("won 21 - 14", "won 21 \u2014 14"),
        ("Ware won -- and Holt lost", "Ware won -- and Holt lost"),
    ],
)
def test_only_a_hyphen_with_a_space_on_each_side_becomes_a_dash(text: str, parsed: str) -> None:
    assert for_parser(text) == parsed
