"""The quotation scanner: every quotation-mark span of a text, found without any model.

It knows straight and curly double quotes, typeset doubled apostrophes and backticks
(````…''`` and ``''…''``), single quotes used as quotation marks (told apart from
apostrophes by what stands on either side), « », „ “, 「 」, quotes nested inside quotes,
and quotations running over several paragraphs (the opening mark repeated at each new
paragraph and the closing mark only at the end).  An unmatched opening mark never runs past
its paragraph, so a stray mark cannot swallow the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Span

# Marks, longest first, with their role: "open", "close", or "both" (decided by context).
_DOUBLE_MARKS = [
    ("``", "open"),
    ("''", "both"),
    ("\u2018\u2018", "open"),
    ("\u2019\u2019", "close"),
    ("\u201c", "open"),
    ("\u201d", "close"),
    ("\u201e", "open"),  # „ German/Polish low opening mark, closed by “ or ”
    ("\u201f", "open"),
    ("\u00ab", "open"),
    ("\u00bb", "close"),
    ("\u300c", "open"),
    ("\u300d", "close"),
    ('"', "both"),
]
_SINGLE_MARKS = [
    ("\u2018", "open"),
    ("\u2019", "close"),
    ("'", "both"),
    ("\u2039", "open"),
    ("\u203a", "close"),
]

_DOUBLE_RE = re.compile("|".join(re.escape(m) for m, _ in _DOUBLE_MARKS))
# every mark, double or single
MARKS_RE = re.compile("|".join(re.escape(m) for m, _ in _DOUBLE_MARKS + _SINGLE_MARKS))
_DOUBLE_ROLE = dict(_DOUBLE_MARKS)
_SINGLE_ROLE = dict(_SINGLE_MARKS)
_PARAGRAPH_RE = re.compile(r"[^\n]+")
# Characters that take no room on the page: spaces, zero-width and direction marks, BOM.
_INVISIBLE = set(" \t\u00a0\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff")

# Characters after which a straight mark opens a quote, and before which one closes it.
_OPENERS_BEFORE = set(" \t\n([{\u2014\u2013-/:;,") | {""}
_CLOSERS_AFTER = set(" \t\n)]}.,;:!?\u2014\u2013-/\u2026") | {""}


@dataclass(frozen=True)
class Quote:
    """One quotation: its pieces (one per paragraph) including the marks.

    ``closed`` is False for a quotation whose closing mark never came (then it ends at its
    paragraph's end); ``depth`` is 0 for a top-level quotation, 1 for one nested inside.
    """

    pieces: tuple[Span, ...]
    closed: bool = True
    depth: int = 0

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def inner(self, text: str) -> str:
        """The quoted words without the marks (pieces joined by a space)."""
        return " ".join(_strip_marks(p.text(text)) for p in self.pieces)


def _strip_marks(piece: str) -> str:
    return piece.strip(" \t\n\"'`\u201c\u201d\u2018\u2019\u201e\u201f\u00ab\u00bb\u300c\u300d")


def _role(mark: str, role: str, before: str, after: str) -> str:
    if role != "both":
        return role
    opens = before in _OPENERS_BEFORE or before in "\u201c\u2018\"'"
    closes = after in _CLOSERS_AFTER or after in "\u201d\u2019\"'"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if opens and closes:
        return "open" if not after.strip() == "" else "close"
    return "none"  # a mark inside a word: an inch sign, a typo


class QuoteScanner:
    """Finds quotation spans in raw text (see the module docstring for what it knows).

    max_single_chars: a single-quote quotation longer than this is taken for a pair of
    apostrophes, not a quote.
    """

    def __init__(self, max_single_chars: int = 400) -> None:
        self.max_single_chars = max_single_chars

    def scan(self, text: str) -> list[Quote]:
        """All quotations of ``text``, top-level and nested, in text order."""
        paragraphs = []
        for m in _PARAGRAPH_RE.finditer(text):
            # a paragraph starts at its first visible character: web text often opens one
            # with a direction mark or a zero-width space before its quotation mark
            start = m.start()
            while start < m.end() and text[start] in _INVISIBLE:
                start += 1
            if start < m.end():
                paragraphs.append((start, m.end()))
        quotes: list[Quote] = []
        carried: list[Span] = []  # pieces of a quotation still open at a paragraph's end
        for p_index, (p_start, p_end) in enumerate(paragraphs):
            # a straight quotation may go on into the next paragraph, which opens with its mark
            goes_on = p_index + 1 < len(paragraphs) and text[paragraphs[p_index + 1][0]] == '"'
            found, open_at = self._scan_paragraph(text, p_start, p_end, goes_on)
            if carried:
                # a carried quotation goes on only if this paragraph opens with a mark
                first = found[0] if found else None
                if open_at == p_start or (first and first.start == p_start):
                    if first and first.start == p_start:
                        quotes.append(Quote(tuple(carried) + first.pieces, True))
                        found = found[1:]
                    else:
                        carried.append(Span(p_start, p_end))
                        quotes.extend(found)
                        continue
                else:
                    quotes.append(Quote(tuple(carried), closed=False))
                carried = []
            quotes.extend(found)
            if open_at is not None:
                next_opens = p_index + 1 < len(paragraphs) and self._opens_paragraph(
                    text, paragraphs[p_index + 1][0]
                )
                if next_opens:
                    carried = [Span(open_at, p_end)]
                elif p_end - open_at > 1:
                    quotes.append(Quote((Span(open_at, p_end),), closed=False))
        if carried:
            quotes.append(Quote(tuple(carried), closed=False))
        quotes.extend(self._nested(text, quotes))
        quotes.sort(key=lambda q: (q.start, q.depth))
        return quotes

    # -- internals ------------------------------------------------------------------------
    @staticmethod
    def _opens_paragraph(text: str, start: int) -> bool:
        match = _DOUBLE_RE.match(text, start)
        if not match:
            return False
        after = text[match.end() : match.end() + 1]
        if match.group() == "\u201d" and after not in ("", "\n"):
            return True
        return _role(match.group(), _DOUBLE_ROLE[match.group()], "", after) == "open"

    def _scan_paragraph(
        self, text: str, start: int, end: int, goes_on: bool = False
    ) -> tuple[list[Quote], int | None]:
        """Top-level double-quote spans of one paragraph, and where an unclosed one opened."""
        found: list[Quote] = []
        open_at: int | None = None
        inside_until = -1  # the end of a curly quotation nested inside a straight one
        for match in _DOUBLE_RE.finditer(text, start, end):
            mark = match.group()
            if match.start() < inside_until:
                continue
            before = text[match.start() - 1] if match.start() > start else ""
            after = text[match.end()] if match.end() < end else ""
            role = _role(mark, _DOUBLE_ROLE[mark], before, after)
            if mark == "\u201d" and match.start() == start and after not in ("", "\n"):
                role = "open"  # a paragraph typed with ” for “
            elif (
                mark == "\u201d"
                and open_at is None
                and before in " \t("
                and after.isalnum()
                and "\u201d" in text[match.end() : end]
            ):
                role = "open"  # crews ”keep the ferry running …” : opened with the closing mark
            elif mark == "\u201c" and open_at is not None and before.strip() and not after.strip():
                role = "close"  # “…51 percent.“ : an opening mark typed where the closing one goes
            if mark == "''" and role == "none":
                continue
            mark_end = match.end()
            third = text[mark_end : mark_end + 1] == "'"
            if mark == "''" and third and open_at is not None and before.strip():
                # ''… 'plain,''' : a single quotation closes inside the double one, whose own
                # two closing apostrophes are the last two of the three
                role, mark_end = "close", mark_end + 1
            if open_at is None:
                if role in ("open", "both"):
                    open_at = match.start()
                elif role == "none" and mark == '"':
                    continue
            else:
                if role == "close" or (
                    role == "open" and mark in "\u201c\u201d" and text[open_at] == "\u201e"
                ):
                    found.append(Quote((Span(open_at, mark_end),)))
                    open_at = None
                elif (
                    role == "open"
                    and (nested := self._nested_end(text, open_at, match, end, goes_on and open_at == start))
                    > 0
                ):
                    # "The agency isn’t about “Equal Justice Under Law” anymore.": a curly
                    # quotation inside a straight one is nested, the straight one goes on
                    inside_until = nested
                elif role == "open":
                    # two openings in a row: the first was a stray mark; start again here
                    open_at = match.start()
        return found, open_at

    @staticmethod
    def _nested_end(text: str, open_at: int, match: re.Match[str], end: int, goes_on: bool = False) -> int:
        """Where a curly quotation ends that opens at ``match`` inside a straight quotation
        whose words come before it, with the straight closing mark later in the paragraph or
        the straight quotation, opened at its paragraph's start, going on into the next one
        (``goes_on``); -1 when it is no such nested quotation."""
        if text[open_at] != '"' or match.group() != "\u201c" or not text[open_at + 1 : match.start()].strip():
            return -1
        close = text.find("\u201d", match.end(), end)
        if close < 0 or "\u201c" in text[match.end() : close]:
            return -1
        if '"' not in text[close + 1 : end] and not goes_on:
            return -1
        return close + 1

    def _nested(self, text: str, outer: list[Quote]) -> list[Quote]:
        """Single-quote quotations inside top-level quotations, and single-quoted headlines."""
        nested: list[Quote] = []
        for quote in outer:
            for piece in quote.pieces:
                start, end = piece.start, piece.end
                start += 2 if text[start : start + 2] in _DOUBLE_ROLE else 1
                if quote.closed and piece is quote.pieces[-1]:
                    end -= 2 if text[end - 2 : end] in _DOUBLE_ROLE else 1
                nested.extend(self._single(text, start, end, depth=1))
        # single quotes used as the main quotation marks of a paragraph with no double quotes
        covered = [q.span for q in outer]
        for m in _PARAGRAPH_RE.finditer(text):
            if not any(s.start < m.end() and m.start() < s.end for s in covered):
                nested.extend(self._single(text, m.start(), m.end(), depth=0))
        return nested

    def _single(self, text: str, start: int, end: int, depth: int) -> list[Quote]:
        found: list[Quote] = []
        open_at: int | None = None
        for i in range(start, end):
            ch = text[i]
            if ch not in _SINGLE_ROLE:
                continue
            before = text[i - 1] if i > start else ""
            after = text[i + 1] if i + 1 < end else ""
            if before.isalnum() and after.isalnum():
                continue  # it's, O'Brien: an apostrophe
            role = _role(ch, _SINGLE_ROLE[ch], before, after)
            if role == "open" and (before in _OPENERS_BEFORE or before in '\u201c"') and after.strip():
                if ch == "\u2019" or (after.isdigit() and ch in "'\u2018"):
                    continue  # ’90s
                open_at = i
            elif role in ("close", "both") and open_at is not None and before.strip():
                if after.isalpha():
                    continue
                if i + 1 - open_at <= self.max_single_chars:
                    found.append(Quote((Span(open_at, i + 1),), depth=depth))
                open_at = None
        return found
