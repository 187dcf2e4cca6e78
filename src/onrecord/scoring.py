"""Scores predicted attributions against gold ones: the rows of the PolNeAR benchmark scorer.

The definitions (which ``onrecord evaluate`` prints and which training uses for its labels):

* Text is cut into tokens by ``TOKEN_RE``; a span list covers the word tokens it touches
  (punctuation tokens only when it touches no word), so whitespace and punctuation never
  decide a match.
* Span rows (``cue``/``source``/``content`` × ``exact``/``partial``/``token``): the distinct
  non-empty token sets of one role in an article; ``exact`` = identical sets, ``partial`` =
  one-to-one greedy matching of overlapping sets by Jaccard, ``token`` = the union of the
  predicted tokens against the union of the gold ones.
* Attribution rows: a prediction matches a gold attribution when their contents share at
  least half of the smaller content (``attr``) or of the larger (``attr_strict``), one to
  one, greedily by overlap; ``+source`` also needs the sources to share a token (or both to
  be empty), ``+cue`` the cues.
* ``quote`` rows: the same on attributions whose content has a quotation mark in it or next
  to it; ``quote+speaker`` needs the source as well.

All counts are summed over articles before P, R and F1 are taken (micro-averages).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

TOKEN_RE = re.compile(r"\w+(?:['\u2019.\-]\w+)*|[^\w\s]")
_WORD_RE = re.compile(r"\w")
ROLES = ("cue", "source", "content")
_QUOTE_CHARS = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u300c\u300d')
_QUOTE_PAIRS = ("''", "``", "\u2018\u2018", "\u2019\u2019")
ROWS = (
    "cue_exact",
    "cue_partial",
    "cue_token",
    "source_exact",
    "source_partial",
    "source_token",
    "content_exact",
    "content_partial",
    "content_token",
    "attr",
    "attr+source",
    "attr+source+cue",
    "attr_strict",
    "attr_strict+source",
    "quote",
    "quote+speaker",
)

TokenSet = frozenset[int]
Counts = dict[str, int]


class Tokens:
    """The scorer's tokens of one text, and the token set of a list of character spans."""

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(TOKEN_RE.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.word = [bool(_WORD_RE.search(m.group())) for m in matches]

    def cover(self, spans: Iterable[Sequence[int]] | None) -> TokenSet:
        words: set[int] = set()
        marks: set[int] = set()
        for span in spans or ():
            start, end = int(span[0]), int(span[1])
            if end <= start:
                continue
            i = bisect.bisect_right(self.ends, start)
            while i < len(self.starts) and self.starts[i] < end:
                (words if self.word[i] else marks).add(i)
                i += 1
        return frozenset(words or marks)


def quoted(text: str, spans: Iterable[Sequence[int]] | None) -> bool:
    """True when a content span holds a quotation mark or has one just outside it."""
    for span in spans or ():
        start, end = max(0, int(span[0])), min(len(text), int(span[1]))
        if end <= start:
            continue
        window = text[max(0, start - 1) : min(len(text), end + 1)]
        if any(ch in _QUOTE_CHARS for ch in window) or any(pair in window for pair in _QUOTE_PAIRS):
            return True
    return False


@dataclass(frozen=True)
class Unit:
    """One attribution as token sets."""

    cue: TokenSet
    source: TokenSet
    content: TokenSet
    direct: bool


def units(attributions: Iterable[Mapping[str, Any]], tokens: Tokens) -> list[Unit]:
    return [
        Unit(
            cue=tokens.cover(a.get("cue")),
            source=tokens.cover(a.get("source")),
            content=tokens.cover(a.get("content")),
            direct=quoted(tokens.text, a.get("content")),
        )
        for a in attributions
    ]


Accept = Callable[[TokenSet, TokenSet, int], tuple[float, ...] | None]


def lenient(pred: TokenSet, gold: TokenSet, overlap: int) -> tuple[float, ...] | None:
    small, large = min(len(pred), len(gold)), max(len(pred), len(gold))
    return None if small == 0 or overlap / small < 0.5 else (overlap / large, overlap / small)


def strict(pred: TokenSet, gold: TokenSet, overlap: int) -> tuple[float, ...] | None:
    small, large = min(len(pred), len(gold)), max(len(pred), len(gold))
    return None if large == 0 or overlap / large < 0.5 else (overlap / large, overlap / small)


def jaccard(pred: TokenSet, gold: TokenSet, overlap: int) -> tuple[float, ...] | None:
    return (overlap / len(pred | gold),) if overlap > 0 else None


def match(pred: Sequence[TokenSet], gold: Sequence[TokenSet], accept: Accept) -> list[tuple[int, int]]:
    """One-to-one greedy matching, best key first; ties go to the earlier prediction, then
    the earlier gold item."""
    holders: dict[int, list[int]] = defaultdict(list)
    for gi, tokens in enumerate(gold):
        for token in tokens:
            holders[token].append(gi)
    ranked = []
    for pi, tokens in enumerate(pred):
        shared: dict[int, int] = defaultdict(int)
        for token in tokens:
            for gi in holders.get(token, ()):
                shared[gi] += 1
        for gi, overlap in shared.items():
            key = accept(tokens, gold[gi], overlap)
            if key is not None:
                ranked.append((key, -pi, -gi, pi, gi))
    ranked.sort(reverse=True)
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for *_, pi, gi in ranked:
        if pi not in used_pred and gi not in used_gold:
            used_pred.add(pi)
            used_gold.add(gi)
            pairs.append((pi, gi))
    return pairs


def source_right(pred: Unit, gold: Unit) -> bool:
    return not pred.source if not gold.source else bool(pred.source & gold.source)


def count(
    gold_attributions: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]], text: str
) -> Counts:
    """The counts of one article."""
    tokens = Tokens(text)
    gold, pred = units(gold_attributions, tokens), units(predicted, tokens)
    c: Counts = defaultdict(int)
    c["docs"] = 1
    for role in ROLES:
        g_sets = sorted({getattr(u, role) for u in gold if getattr(u, role)}, key=sorted)
        p_sets = sorted({getattr(u, role) for u in pred if getattr(u, role)}, key=sorted)
        c[role + "_units_gold"] = len(g_sets)
        c[role + "_units_pred"] = len(p_sets)
        c[role + "_exact_tp"] = len(set(g_sets) & set(p_sets))
        c[role + "_partial_tp"] = len(match(p_sets, g_sets, jaccard))
        g_all = frozenset().union(*g_sets)
        p_all = frozenset().union(*p_sets)
        c[role + "_tok_gold"] = len(g_all)
        c[role + "_tok_pred"] = len(p_all)
        c[role + "_tok_overlap"] = len(g_all & p_all)
    c["attr_gold"], c["attr_pred"] = len(gold), len(pred)
    pairs = match([u.content for u in pred], [u.content for u in gold], lenient)
    c["attr_match"] = len(pairs)
    for pi, gi in pairs:
        if source_right(pred[pi], gold[gi]):
            c["attr_source"] += 1
            c["attr_source_cue"] += bool(pred[pi].cue & gold[gi].cue)
    pairs = match([u.content for u in pred], [u.content for u in gold], strict)
    c["attr_strict_match"] = len(pairs)
    c["attr_strict_source"] = sum(source_right(pred[pi], gold[gi]) for pi, gi in pairs)
    g_quotes = [u for u in gold if u.direct]
    p_quotes = [u for u in pred if u.direct]
    c["quote_gold"], c["quote_pred"] = len(g_quotes), len(p_quotes)
    pairs = match([u.content for u in p_quotes], [u.content for u in g_quotes], lenient)
    c["quote_match"] = len(pairs)
    c["quote_source"] = sum(source_right(p_quotes[pi], g_quotes[gi]) for pi, gi in pairs)
    return c


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Score:
    """Summed counts and the rows made from them."""

    counts: Counts

    def rows(self) -> dict[str, tuple[float, float, float]]:
        c = defaultdict(int, self.counts)
        rows = {}
        for role in ROLES:
            n_pred, n_gold = c[role + "_units_pred"], c[role + "_units_gold"]
            rows[role + "_exact"] = prf(c[role + "_exact_tp"], n_pred, n_gold)
            rows[role + "_partial"] = prf(c[role + "_partial_tp"], n_pred, n_gold)
            rows[role + "_token"] = prf(
                c[role + "_tok_overlap"], c[role + "_tok_pred"], c[role + "_tok_gold"]
            )
        for row, key in (
            ("attr", "attr_match"),
            ("attr+source", "attr_source"),
            ("attr+source+cue", "attr_source_cue"),
            ("attr_strict", "attr_strict_match"),
            ("attr_strict+source", "attr_strict_source"),
        ):
            rows[row] = prf(c[key], c["attr_pred"], c["attr_gold"])
        rows["quote"] = prf(c["quote_match"], c["quote_pred"], c["quote_gold"])
        rows["quote+speaker"] = prf(c["quote_source"], c["quote_pred"], c["quote_gold"])
        return rows

    def f1(self, row: str) -> float:
        return self.rows()[row][2]

    @property
    def source_accuracy(self) -> float:
        c = defaultdict(int, self.counts)
        return c["attr_source"] / c["attr_match"] if c["attr_match"] else 0.0

    @property
    def speaker_accuracy(self) -> float:
        c = defaultdict(int, self.counts)
        return c["quote_source"] / c["quote_match"] if c["quote_match"] else 0.0

    def table(self) -> str:
        """The table, row for row as the benchmark scorer prints it."""
        c = defaultdict(int, self.counts)
        lines = [
            f"articles={c['docs']}  gold attributions={c['attr_gold']}  predicted={c['attr_pred']}"
            f"  gold direct quotes={c['quote_gold']}  predicted direct={c['quote_pred']}",
            f"{'metric':<20} {'P':>7} {'R':>7} {'F1':>7}",
        ]
        for name, (p, r, f) in self.rows().items():
            lines.append(f"{name:<20} {100 * p:7.2f} {100 * r:7.2f} {100 * f:7.2f}")
        lines.append(f"{'source_acc_on_matched':<20} {100 * self.source_accuracy:7.2f}")
        lines.append(f"{'speaker_acc_on_match':<20} {100 * self.speaker_accuracy:7.2f}")
        return "\n".join(lines)


def score(gold: Iterable[Mapping[str, Any]], predicted: Mapping[str, Sequence[Mapping[str, Any]]]) -> Score:
    """Score gold article records against ``{article id: predicted attributions}``; a gold
    article without predictions counts as one with none."""
    total: Counts = defaultdict(int)
    for article in gold:
        for key, value in count(
            article.get("attributions") or [], predicted.get(article["id"], []), article["text"]
        ).items():
            total[key] += value
    return Score(dict(total))
