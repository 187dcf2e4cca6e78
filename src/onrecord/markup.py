"""Markup left in article text: tags blanked before parsing, offsets kept.

Text taken from the web often keeps a tag or two (``<tweet id="…" author="@…">``,
``</tweet>``, ``<a href="…">``): their attribute quotes are no quotations and their words no
one's.  ``blank_markup`` replaces every tag by as many spaces, so every offset into the result
is an offset into the text as given.
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
