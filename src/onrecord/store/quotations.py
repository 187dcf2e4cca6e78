"""Quotations across articles: what counts as "the same quotation", and how to find it.

A quotation is the quoted words of a direct or mixed attribution, quotation marks dropped
(the pieces of a split quote joined by " … "). Two quotations are the same when, after
folding case, accents, quotation marks and punctuation, the shorter one appears in the
longer one with few edits: a verbatim copy, a trimmed one ("…the ties" for "China highly
values the ties"), one with an ellipsis (each piece found, in order), or one with a word or
two changed. ``similarity`` is that test as a number in 0..1 (1.0: found verbatim). Two
split quotations that share one long piece near-verbatim are also one quotation: two trims
of the same remarks (``same_quotation``).

Finding candidates is done by word 3-grams (``keys``): a quotation shares at least one
3-gram with any trimmed or lightly edited copy of itself that is five words or longer,
so the store looks only at the clusters that share a key, then checks each with
``similarity``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from ..records import Attribution, Span

# Two quotations with at least this similarity are one quotation (one cluster).
SAME_QUOTATION = 0.88
# Fewer words than this: only an exact (normalised) match joins a cluster.
MIN_FUZZY_WORDS = 4
KEY_WORDS = 3
# Pieces longer than this (characters) are compared by word pairs, not character alignment.
_ALIGN_CHARS = 400
# A piece of a split quotation this long, found (near) verbatim in another quotation, makes the
# two one quotation even when their other pieces differ (two trims of the same remarks).
SHARED_PIECE_WORDS = 6
SHARED_PIECE = 0.95

_QUOTE_MARKS = "\"'“”„‟«»‘’‚‛`´"
_ELLIPSIS = re.compile(r"\s*(?:\.\s*\.\s*\.|…|\[\s*(?:\.\.\.|…)\s*\])\s*")
_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
# Keys made only of these words find too many clusters to be useful.
_COMMON = frozenset(
    "a an and are as at be but by for from had has have he her his i in is it its of on or our "
    "she that the their they this to was we were will with you no not yes do did does don't so "
    "if what there about would can just all me my us them been being than then who which when "
    "where how why one more very going get got out up also because said says".split()
)


def quoted_text(attribution: Attribution, text: str) -> str | None:
    """The quoted words of a direct or mixed attribution (None for indirect ones)."""
    if attribution.kind == "indirect":
        return None
    if attribution.kind == "direct":
        pieces = [_strip_marks(span.text(text)) for span in attribution.content]
    else:
        pieces = [_strip_marks(text[s.start : s.end]) for s in quoted_spans(attribution.content, text)]
    pieces = [p for p in pieces if p]
    return " … ".join(pieces) or None


def quoted_spans(spans: Iterable[Span], text: str) -> list[Span]:
    """The stretches in quotation marks inside ``spans`` (the quoted fragments of a mixed
    attribution)."""
    found: list[Span] = []
    pattern = re.compile(r"[\"“«„]([^\"“”«»„]+)[\"”»“]")
    for span in spans:
        for match in pattern.finditer(text, span.start, span.end):
            found.append(Span(match.start(), match.end()))
    return found


def words(text: str) -> list[str]:
    """The folded words of ``text``: lower case, no accents, no punctuation."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower().replace("’", "'")
    return _WORD.findall(folded)


def pieces(text: str) -> list[list[str]]:
    """The words of each piece of ``text`` between ellipses."""
    return [w for w in (words(part) for part in _ELLIPSIS.split(text)) if w]


def normalise(text: str) -> str:
    return " ".join(words(text))


def keys(text: str, limit: int | None = None) -> list[str]:
    """The candidate-finding keys of a quotation: its word 3-grams (all words of a shorter
    piece), skipping those made only of common words, in text order without repeats; with
    ``limit``, that many spread evenly over the whole quotation."""
    found: dict[str, None] = {}
    for piece in pieces(text):
        grams = (
            [piece] if len(piece) < KEY_WORDS else [piece[i : i + KEY_WORDS] for i in range(len(piece) - 2)]
        )
        for gram in grams:
            if not all(w in _COMMON for w in gram):
                found[" ".join(gram)] = None
    ordered = list(found)
    if limit is not None and len(ordered) > limit:
        step = len(ordered) / limit
        ordered = [ordered[int(i * step)] for i in range(limit)]
    return ordered


def similarity(query: str, quotation: str) -> float:
    """How far ``query`` is the same quotation as ``quotation`` (0..1), either one possibly
    trimmed, cut by ellipses or lightly edited: the shorter one's pieces are aligned, each
    in turn, inside the longer one, and their scores averaged by length."""
    a, b = pieces(query), pieces(quotation)
    if not a or not b:
        return 0.0
    a_len, b_len = sum(map(len, a)), sum(map(len, b))
    short, long = (a, b) if a_len <= b_len else (b, a)
    whole = " ".join(" ".join(p) for p in long)
    if len(short) == 1 and len(long) == 1 and short[0] == long[0]:
        return 1.0
    if sum(map(len, short)) < MIN_FUZZY_WORDS:
        # A short fragment counts only verbatim, as whole words, and only against a short one.
        needle = " ".join(" ".join(p) for p in short)
        return 1.0 if needle == whole else 0.0
    long_words = [w for p in long for w in p]
    total = weight = 0.0
    for piece in short:
        total += _found(piece, long_words, whole) * len(piece)
        weight += len(piece)
    return total / weight


def _found(piece: list[str], long_words: list[str], whole: str) -> float:
    """How well ``piece`` is found inside the longer quotation (0..1): the best character
    alignment for short pieces; for long ones (where that alignment costs cubic time) the
    share of the piece's word pairs that the longer quotation has."""
    text = " ".join(piece)
    if len(text) <= _ALIGN_CHARS:
        return fuzz.partial_ratio(text, whole) / 100.0
    pairs = list(zip(piece, piece[1:], strict=False))
    have = set(zip(long_words, long_words[1:], strict=False))
    return sum(pair in have for pair in pairs) / len(pairs)


def same_quotation(a: str, b: str) -> float:
    """How far ``a`` and ``b`` are one quotation (0..1): ``similarity``, or, when they share a
    long piece near-verbatim, that piece's score."""
    score = similarity(a, b)
    if score >= SAME_QUOTATION:
        return score
    for one, other in ((a, b), (b, a)):
        other_pieces = pieces(other)
        whole = " ".join(" ".join(p) for p in other_pieces)
        other_words = [w for p in other_pieces for w in p]
        for piece in pieces(one):
            if len(piece) >= SHARED_PIECE_WORDS:
                piece_score = _found(piece, other_words, whole)
                if piece_score >= SHARED_PIECE:
                    score = max(score, min(piece_score, SAME_QUOTATION))
    return score


def best(query: str, quotations: Sequence[str]) -> tuple[int, float]:
    """The index of the quotation most similar to ``query`` and its similarity."""
    scores = [similarity(query, q) for q in quotations]
    index = max(range(len(scores)), key=scores.__getitem__)
    return index, scores[index]


def _strip_marks(piece: str) -> str:
    return piece.strip().strip(_QUOTE_MARKS).strip().rstrip(",").strip(_QUOTE_MARKS).strip()
