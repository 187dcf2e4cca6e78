"""Markup left in article text: tags blanked before parsing, offsets kept.

Text taken from the web often keeps a tag or two (``<tweet id="…" author="@…">``,
``</tweet>``, ``<a href="…">``): their attribute quotes are no quotations and their words no
one's.  ``blank_markup`` replaces every tag by as many spaces, so every offset into the result
is an offset into the text as given.  ``for_parser`` does that and writes spaces and the
dashes that set off a phrase as the parser knows them best, one character for one.
"""

from __future__ import annotations

import re

# A tag: its name, then attributes with or without a value (quoted values may run over a
# line), then ">" or "/>".
_TAG_RE = re.compile(
    r"</?[A-Za-z][\w:-]*"
    r"(?:\s+[\w:@.-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>]+))?)*"
    r"\s*/?>"
)


def blank_markup(text: str) -> str:
    """``text`` with every markup tag replaced by spaces of the same length."""
    if "<" not in text:
        return text
    return _TAG_RE.sub(lambda m: " " * len(m.group()), text)


# A hyphen between spaces and the horizontal bar are dashes that set off a phrase ("an
# interview - conducted last Wednesday - Holt said"); the parser reads an em dash there as
# punctuation, but the hyphen often as a word joiner and the bar as a verb ("--" it already
# reads as punctuation).
_SPACED_DASH_RE = re.compile(r"(?<= )-(?= )|\u2015")
# Spaces other than the plain one inside a line (no-break, thin, en, em …): the parser makes
# each a token of its own between the words it separates.
_ODD_SPACES = str.maketrans(
    {
        c: " "
        for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    }
)


def for_parser(text: str) -> str:
    """``text`` as the parser should read it: markup blanked, odd spaces made plain ones,
    dashes that set off a phrase written as em dashes; every offset stays an offset into the
    text as given."""
    return _SPACED_DASH_RE.sub("\u2014", blank_markup(text).translate(_ODD_SPACES))
