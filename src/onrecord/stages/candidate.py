"""The working record the stages pass along before speakers are resolved.

A ``Candidate`` names tokens of the one parsed Doc (cue, source, addressee) and character
spans (content); the resolver turns it into a frozen ``records.Attribution``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Span


@dataclass
class Candidate:
    """An attribution being built: token indices for cue/source/addressee, spans for content.

    ``subject``: for a source-less cue (a participle: "…, saying that …"), the token of the
    clause subject who is speaking, for the resolver. ``quotes``: indices of the top-level
    quotations the content holds. ``route``: how it was found, for confidence and debugging.
    """

    cue: list[int]
    source: list[int]
    content: list[Span]
    route: str
    confidence: float
    addressee: list[int] = field(default_factory=list)
    subject: int | None = None
    quotes: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(span.start for span in self.content)

    @property
    def end(self) -> int:
        return max(span.end for span in self.content)
