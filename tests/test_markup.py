"""Markup left in article text is blanked before parsing, every offset kept."""

from __future__ import annotations

import pytest

from onrecord.markup import blank_markup


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
