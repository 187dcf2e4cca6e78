"""Highlighting: an article's text cut into pieces at every span boundary, each piece
knowing which attribution (and which part of it: content, cue, source, addressee) it
belongs to, and the attributions as the "who said what" list shows them.

The pieces are plain text: templates escape every one (Jinja autoescape), so article text
never becomes markup. Offsets are those of FORMAT.md records (Python ``str`` indices),
which is why the pieces are cut from the original text and bidi controls are neutralised
only when a piece is written out (``inert``), never before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Colours per speaker in one article: CSS classes sp0 … sp11, then round again.
COLOURS = 12
# When marks overlap (a nested attribution, a source inside a content), the piece shows the
# most specific one: a cue over a source over an addressee over a content.
ROLES = ("cue", "source", "addressee", "content")
_ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}
# Characters that reorder the text around them (embeddings, overrides, isolates): in
# article text they can make a page show words in an order they do not have.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def inert(text: str) -> str:
    """``text`` with every bidi control character written as a visible ``[U+202E]``."""
    return BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


@dataclass(frozen=True)
class Mark:
    """One span of one attribution."""

    attribution: int
    role: str
    start: int
    end: int


@dataclass(frozen=True)
class Piece:
    """A run of the text under the same top mark (or none)."""

    text: str
    start: int
    attribution: int | None = None
    role: str | None = None
    colour: str | None = None
    # The first piece of a span: a place to stop when tabbing through the article.
    opens: bool = False


@dataclass(frozen=True)
class AttributionView:
    """One attribution as the page lists it."""

    index: int
    kind: str
    colour: str
    speaker: str
    speaker_id: str | None
    speaker_type: str | None
    addressee: str | None
    confidence: float | None
    cue: str
    source: str
    content: str
    chain: tuple[str, ...]

    @property
    def summary(self) -> str:
        """One line for a tooltip where no script runs."""
        parts = [f"{self.speaker} ({self.kind})"]
        if self.addressee:
            parts.append(f"to {self.addressee}")
        if self.confidence is not None:
            parts.append(f"confidence {self.confidence:.2f}")
        parts.append("source: " + " → ".join(self.chain))
        return "; ".join(parts)


@dataclass(frozen=True)
class Highlighted:
    """An article ready to show: its pieces, its attributions, and the speakers' colours."""

    pieces: list[Piece]
    attributions: list[AttributionView]
    speakers: list[dict[str, Any]]


def highlight(text: str, attributions: Sequence[Mapping[str, Any]]) -> Highlighted:
    """The pieces and the attribution list of ``text`` with its FORMAT.md ``attributions``."""
    colours = speaker_colours(attributions)
    marks = [mark for n, a in enumerate(attributions) for mark in _marks(n, a, len(text))]
    views = [_view(n, a, text, colours) for n, a in enumerate(attributions)]
    by_colour: dict[str, dict[str, Any]] = {}
    for view in views:
        entry = by_colour.setdefault(
            view.colour, {"name": view.speaker, "id": view.speaker_id, "colour": view.colour, "count": 0}
        )
        entry["count"] += 1
    return Highlighted(
        pieces=pieces(text, marks, [v.colour for v in views]),
        attributions=views,
        speakers=sorted(by_colour.values(), key=lambda s: -s["count"]),
    )


def speaker_colours(attributions: Sequence[Mapping[str, Any]]) -> dict[str | None, str]:
    """A colour class per speaker, in order of first appearance; ``sp-none`` for none."""
    colours: dict[str | None, str] = {None: "sp-none"}
    for a in attributions:
        key = _speaker_key(a.get("speaker"))
        if key not in colours:
            colours[key] = f"sp{(len(colours) - 1) % COLOURS}"
    return colours


def pieces(text: str, marks: Sequence[Mark], colours: Sequence[str]) -> list[Piece]:
    """``text`` cut at every mark boundary; each piece under its most specific mark."""
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    active: list[Mark] = []
    out: list[Piece] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        active = [m for m in active if m.end > start] + starting.get(start, [])
        if start == end:
            continue
        if not active:
            out.append(Piece(text[start:end], start))
            continue
        top = min(active, key=lambda m: (_ROLE_RANK[m.role], m.end - m.start, m.attribution))
        out.append(
            Piece(
                text[start:end],
                start,
                attribution=top.attribution,
                role=top.role,
                colour=colours[top.attribution],
                opens=top.start == start,
            )
        )
    return out


def _marks(n: int, attribution: Mapping[str, Any], length: int) -> list[Mark]:
    found = []
    for role, key in (
        ("content", "content"),
        ("cue", "cue"),
        ("source", "source"),
        ("addressee", "addressee_span"),
    ):
        for span in attribution.get(key) or ():
            start, end = _span(span, length)
            if start < end:
                found.append(Mark(n, role, start, end))
    return found


def _span(span: Any, length: int) -> tuple[int, int]:
    """A ``[start, end]`` pair clipped to the text; an unreadable one is empty."""
    try:
        start, end = int(span[0]), int(span[1])
    except (TypeError, ValueError, IndexError):
        return 0, 0
    return max(0, min(start, length)), max(0, min(end, length))


def _texts(attribution: Mapping[str, Any], key: str, text: str, sep: str) -> str:
    parts = []
    for span in attribution.get(key) or ():
        start, end = _span(span, len(text))
        if start < end:
            parts.append(text[start:end])
    return sep.join(parts)


def _speaker_key(speaker: Any) -> str | None:
    if not isinstance(speaker, Mapping):
        return None
    for field in ("id", "name", "description"):
        if speaker.get(field):
            return f"{field}:{speaker[field]}".casefold() if field != "id" else f"id:{speaker[field]}"
    return None


def _label(speaker: Any) -> str | None:
    if not isinstance(speaker, Mapping):
        return None
    return speaker.get("name") or speaker.get("description") or None


def _view(n: int, a: Mapping[str, Any], text: str, colours: dict[str | None, str]) -> AttributionView:
    speaker = a.get("speaker") if isinstance(a.get("speaker"), Mapping) else None
    label = _label(speaker) or "(unknown speaker)"
    source = _texts(a, "source", text, " ")
    chain: tuple[str, ...]
    if not source:
        chain = ("(no source in the text)", label)
    elif source.casefold() == label.casefold():
        chain = (source,)
    else:
        chain = (source, label)
    confidence = a.get("confidence")
    return AttributionView(
        index=n,
        kind=str(a.get("kind") or "?"),
        colour=colours[_speaker_key(speaker)],
        speaker=label,
        speaker_id=speaker.get("id") if speaker else None,
        speaker_type=speaker.get("type") if speaker else None,
        addressee=_label(a.get("addressee")),
        confidence=float(confidence) if isinstance(confidence, int | float) else None,
        cue=_texts(a, "cue", text, " "),
        source=source,
        content=_texts(a, "content", text, " … "),
        chain=chain,
    )
