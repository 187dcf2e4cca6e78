"""The attribution record: typed, frozen values shared by every stage, and the one place
that turns them into (and reads them from) the FORMAT.md JSON shape.

Offsets are Python ``str`` indices into the article text, ``[start, end)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Kind = Literal["direct", "mixed", "indirect"]
KINDS: tuple[str, ...] = ("direct", "mixed", "indirect")
SPEAKER_TYPES: tuple[str, ...] = ("person", "organisation", "government", "group", "document", "other")


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of the article text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def text(self, text: str) -> str:
        return text[self.start : self.end]

    def shift(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)

    def to_list(self) -> list[int]:
        return [self.start, self.end]


def spans_text(spans: tuple[Span, ...], text: str, sep: str = " … ") -> str:
    """The text of a (possibly discontinuous) span list, pieces joined by ``sep``."""
    return sep.join(span.text(text) for span in spans)


@dataclass(frozen=True)
class Speaker:
    """Who said something (or was addressed): FORMAT.md's speaker object.

    ``name`` is the most complete proper name the article gives, ``None`` for a speaker
    the article never names (then ``description`` says who: "a campaign aide").
    """

    name: str | None
    type: str = "other"
    description: str | None = None
    members: tuple[str, ...] = ()
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.description is not None:
            out["description"] = self.description
        if self.members:
            out["members"] = list(self.members)
        if self.id is not None:
            out["id"] = self.id
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | str | None) -> Speaker | None:
        if data is None or data == {}:
            return None
        if isinstance(data, str):
            return cls(name=data)
        return cls(
            name=data.get("name"),
            type=data.get("type") or "other",
            description=data.get("description"),
            members=tuple(data.get("members") or ()),
            id=data.get("id"),
        )

    @property
    def label(self) -> str:
        """A display label: the name, else the description."""
        return self.name or self.description or "?"


@dataclass(frozen=True)
class Attribution:
    """One attributed statement: cue, source, content, kind, speaker, addressee."""

    kind: str
    cue: tuple[Span, ...]
    source: tuple[Span, ...]
    content: tuple[Span, ...]
    speaker: Speaker | None = None
    addressee: Speaker | None = None
    confidence: float = 1.0
    # Offsets of the addressee mention, when the text names one.
    addressee_span: tuple[Span, ...] = ()
    # Where the text names the speaker of an attribution that has no source of its own: the
    # subject of the clause a participle hangs from ("Putin …, saying that …"). Empty when the
    # source is given or nobody is named.
    speaker_span: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown attribution kind {self.kind!r}; expected one of {KINDS}")
        if not self.content:
            raise ValueError("an attribution needs at least one content span")

    @property
    def start(self) -> int:
        return min(span.start for span in self.content)

    def content_text(self, text: str) -> str:
        return spans_text(self.content, text)

    def cue_text(self, text: str) -> str:
        return spans_text(self.cue, text, " ")

    def source_text(self, text: str) -> str:
        return spans_text(self.source, text, " ")

    def shift(self, offset: int) -> Attribution:
        """The same attribution with every offset moved by ``offset`` (chunked articles)."""

        def move(spans: tuple[Span, ...]) -> tuple[Span, ...]:
            return tuple(span.shift(offset) for span in spans)

        return Attribution(
            kind=self.kind,
            cue=move(self.cue),
            source=move(self.source),
            content=move(self.content),
            speaker=self.speaker,
            addressee=self.addressee,
            confidence=self.confidence,
            addressee_span=move(self.addressee_span),
            speaker_span=move(self.speaker_span),
        )

    def with_subject_as_source(self) -> Attribution:
        """The same attribution with ``speaker_span`` as its source when it has none: the
        convention of corpora such as PolNeAR, where "Putin …, saying that …" has the source
        "Putin" (FORMAT.md gives it none)."""
        if self.source or not self.speaker_span:
            return self
        return replace(self, source=self.speaker_span, speaker_span=())

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "cue": [s.to_list() for s in self.cue],
            "source": [s.to_list() for s in self.source],
            "content": [s.to_list() for s in self.content],
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "confidence": round(self.confidence, 4),
        }
        if self.addressee_span:
            out["addressee_span"] = [s.to_list() for s in self.addressee_span]
        if self.speaker_span:
            out["speaker_span"] = [s.to_list() for s in self.speaker_span]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Attribution:
        def spans(key: str) -> tuple[Span, ...]:
            return tuple(Span(int(s), int(e)) for s, e in (data.get(key) or ()))

        return cls(
            kind=data.get("kind") or "indirect",
            cue=spans("cue"),
            source=spans("source"),
            content=spans("content"),
            speaker=Speaker.from_dict(data.get("speaker")),
            addressee=Speaker.from_dict(data.get("addressee")),
            confidence=float(data.get("confidence", 1.0)),
            addressee_span=spans("addressee_span"),
            speaker_span=spans("speaker_span"),
        )


@dataclass(frozen=True)
class Article:
    """One input article: ``id``, ``text`` and the metadata fields copied to the output."""

    id: str
    text: str
    metadata: Mapping[str, Any] = field(default_factory=dict)

    # Input fields that never reach the output as metadata.
    NOT_METADATA = frozenset({"id", "text", "attributions"})

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Article:
        """An article from a FORMAT.md input record (raises ValueError when invalid)."""
        if not isinstance(record, Mapping):
            raise ValueError(f"an input record must be a JSON object, not {type(record).__name__}")
        if "text" not in record:
            raise ValueError("the record has no 'text' field")
        if not isinstance(record["text"], str):
            raise ValueError(f"'text' must be a string, not {type(record['text']).__name__}")
        if "id" not in record or record["id"] in (None, ""):
            raise ValueError("the record has no 'id' field")
        metadata = {k: v for k, v in record.items() if k not in cls.NOT_METADATA}
        return cls(id=str(record["id"]), text=record["text"], metadata=metadata)


@dataclass(frozen=True)
class Result:
    """What the extractor made of one article: its attributions, or why it failed."""

    article: Article
    attributions: tuple[Attribution, ...] = ()
    error: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None

    def with_subject_as_source(self) -> Result:
        """The same result with every participle's subject as its source
        (``Attribution.with_subject_as_source``)."""
        return replace(self, attributions=tuple(a.with_subject_as_source() for a in self.attributions))

    def to_dict(self) -> dict[str, Any]:
        """The FORMAT.md output record: id, metadata copied through, attributions."""
        out: dict[str, Any] = {"id": self.article.id}
        out.update(self.article.metadata)
        out["attributions"] = [a.to_dict() for a in self.attributions]
        if self.error is not None:
            out["error"] = self.error
        return out
