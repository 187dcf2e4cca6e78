"""The working record the stages pass along before speakers are resolved.

A ``Candidate`` names tokens of the one parsed Doc (cue, source, addressee) and character
spans (content); the resolver turns it into a frozen ``records.Attribution``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..records import Span


@dataclass
class Candidate:
    """An attribution being built: token indices for cue/source/addressee, spans for content.

    ``subject``: for a source-less cue (a participle: "…, saying that …"), the token of the
    clause subject who is speaking, for the resolver. ``quotes``: indices of the top-level
    quotations the content holds. ``route``: how it was found, for confidence and debugging.
    ``head``: the cue's head word, for the learned scorer; ``outer``: the route and cue lemma
    of the candidate whose content holds this cue, if any.
    """

    cue: list[int]
    source: list[int]
    content: list[Span]
    route: str
    confidence: float
    addressee: list[int] = field(default_factory=list)
    subject: int | None = None
    quotes: list[int] = field(default_factory=list)
    head: int | None = None
    outer: str = ""

    def head_token(self, doc: Any) -> Any:
        """The cue's head word in ``doc`` (its last word when no head was noted)."""
        return doc[self.head if self.head is not None else self.cue[-1]]

    @property
    def start(self) -> int:
        return min(span.start for span in self.content)

    @property
    def end(self) -> int:
        return max(span.end for span in self.content)


class SpanIndex:
    """Character spans with their owners, for "which spans hold this one?" in about
    logarithmic time, so that articles with thousands of quotations stay linear."""

    def __init__(self, items: Iterable[tuple[Span, Any]]) -> None:
        ordered = sorted(items, key=lambda item: item[0].start)
        self._starts = [span.start for span, _owner in ordered]
        self._items = ordered
        self._longest = max((len(span) for span, _owner in ordered), default=0)

    def holders(self, start: int, end: int) -> list[Any]:
        """Owners of the spans that contain ``[start, end)``."""
        found = []
        i = bisect.bisect_right(self._starts, start) - 1
        while i >= 0 and self._starts[i] >= start - self._longest:
            span, owner = self._items[i]
            if span.end >= end:
                found.append(owner)
            i -= 1
        return found

    def within(self, start: int, end: int) -> list[Any]:
        """Owners of the spans that lie inside ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [owner for span, owner in self._items[lo:hi] if span.end <= end]
