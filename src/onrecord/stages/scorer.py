"""The learned half of the finder: which cue candidates are attributions.

With a scorer the finder proposes every verb with a complement (a clause, an infinitive, an
object, a prepositional object, a parenthetical host), the nouns of saying its lexicon knows
("his claim that …") and ``according to``; the scorer gives each candidate the probability
that it is an attribution as PolNeAR annotates them, and the finder keeps those at or above
the threshold of their route.  The model is a logistic regression over

* sparse, hashed features of the parse: the lemma and its route to the content, the word's
  tag, dependency and head, its auxiliaries and negation, the kind of source (a pronoun, a
  person, an organisation, none), the first word and length of the content, the cue whose
  words it stands in, what the rule finder's lexicon says of it, and so on;
* two priors: how often this lemma on this route, and this lemma at all, was an attribution
  in training (smoothed; filled out of fold while training).

spaCy's ``tok2vec`` vectors were tried as further inputs and did not help (BENCHMARKS.md).
Weights, thresholds and priors live in a model directory (``weights.npz`` + ``meta.json``);
the package ships one trained on PolNeAR train (``onrecord train`` makes another).
"""

from __future__ import annotations

import json
import zipfile
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import AttributionModelError
from .candidate import Candidate
from .lexicon import CLAUSE_CUES, INFINITIVE_CUES, OBJECT_CUES, cue_precision

DIM = 1 << 18
PRIOR_WIDTH = 2
DENSE_WIDTH = PRIOR_WIDTH
MODEL_FILES = ("weights.npz", "meta.json")
PACKAGED_MODEL = Path(__file__).resolve().parent.parent / "models" / "default"

_PERSONAL = frozenset("i you he she we they it who which".split())
# Which cue lexicon of the rule finder accepts a lemma on each route.
_RULE_LEXICON = {
    "clause": CLAUSE_CUES,
    "parenthetical": CLAUSE_CUES,
    "infinitive": INFINITIVE_CUES,
    "object": OBJECT_CUES,
    "relative": OBJECT_CUES,
}


def feature_index(name: str) -> int:
    """A feature's slot: a stable hash (Python's own ``hash`` changes between runs)."""
    return zlib.crc32(name.encode("utf-8")) & (DIM - 1)


def feature_indices(names: list[str]) -> list[int]:
    """The distinct slots of a candidate's features: a feature counts once, however many
    times it fires, in training and in use alike."""
    return sorted({feature_index(name) for name in names})


def _bucket(n: int) -> str:
    for edge in (1, 2, 3, 5, 8, 13, 21, 34):
        if n <= edge:
            return str(edge)
    return "more"


def _mention(token: Any) -> str:
    """The kind of a source or subject word."""
    if token.lower_ in _PERSONAL:
        return "pron:" + token.lower_
    if token.ent_type_:
        return "ent:" + token.ent_type_
    if token.pos_ == "PROPN":
        return "propn"
    return "noun:" + token.lemma_.lower()


def prior_keys(doc: Any, cand: Candidate) -> tuple[str, str]:
    """The keys of the two priors: how often this lemma on this route, and this lemma on
    any route, was an attribution in training."""
    lemma = cand.head_token(doc).lemma_.lower()
    return lemma + "|" + cand.route, lemma


def threshold_key(doc: Any, cand: Candidate) -> str:
    """Which threshold a candidate must pass: one per route, and on the routes of the rule
    finder one for the lemmas its lexicon knows and one for the rest."""
    lexicon = _RULE_LEXICON.get(cand.route)
    if lexicon is None:
        return cand.route
    lemma = cand.head_token(doc).lemma_.lower()
    return cand.route + ("+lexicon" if lemma in lexicon else "")


def logit(rate: float) -> float:
    rate = min(max(rate, 1e-3), 1 - 1e-3)
    return float(np.log(rate / (1 - rate)))


def features(
    doc: Any, cand: Candidate, in_quote: list[int], priors: dict[str, float] | None = None
) -> tuple[list[str], np.ndarray]:
    """The sparse feature names and the dense vector of one candidate (the two prior
    slots at the end stay 0 without ``priors``; training fills them out of fold)."""
    head = cand.head_token(doc)
    lemma = head.lemma_.lower()
    route = cand.route
    names = [
        "bias",
        "lemma=" + lemma,
        "route=" + route,
        "lemma_route=" + lemma + "|" + route,
        "tag=" + head.tag_,
        "dep=" + head.dep_,
        "lemma_dep=" + lemma + "|" + head.dep_,
        "tag_route=" + head.tag_ + "|" + route,
        "prev=" + (doc[head.i - 1].tag_ if head.i > 0 else "<s>"),
        "next=" + (doc[head.i + 1].tag_ if head.i + 1 < len(doc) else "</s>"),
        "lemma_next=" + lemma + "|" + (doc[head.i + 1].tag_ if head.i + 1 < len(doc) else "</s>"),
    ]
    # what the rule finder's lexicon, counted on PolNeAR train, says of this cue
    lexicon = _RULE_LEXICON.get(route)
    if lexicon is not None:
        known = lemma in lexicon
        names.append("rule=" + ("yes" if known else "no") + "|" + route)
        if known:
            names.append("precision=" + str(round(10 * cue_precision(lemma, route))))
    if head.head.i != head.i:
        names.append("head_lemma=" + head.head.lemma_.lower())
        names.append("dep_head_pos=" + head.dep_ + "|" + head.head.pos_)
        names.append("lemma_head=" + lemma + "|" + head.head.lemma_.lower())
    for i in cand.cue:
        if i != head.i:
            names.append("cue_word=" + doc[i].lower_)
            names.append("lemma_cue_word=" + lemma + "|" + doc[i].lower_)
    for child in head.children:
        names.append("child=" + child.dep_)
        if child.dep_ in ("aux", "auxpass", "neg", "prt", "advmod", "mark"):
            names.append("child_word=" + child.dep_ + "|" + child.lower_)
    # the source, or the subject a participle inherits
    if cand.source:
        inside = set(cand.source)
        root = next(
            (i for i in cand.source if doc[i].head.i not in inside or doc[i].head.i == i), cand.source[0]
        )
        names += ["source=" + _mention(doc[root]), "source_len=" + _bucket(len(cand.source))]
        names.append("lemma_source=" + lemma + "|" + _mention(doc[root]).split(":")[0])
    else:
        root = cand.subject
        names.append("source=none" if root is None else "inherited=" + _mention(doc[root]))
        names.append("lemma_source=" + lemma + "|none")
    outer_route, _, outer_lemma = cand.outer.partition("|")
    names += [
        "outer=" + (outer_route or "none"),
        "outer_lemma=" + outer_lemma,
        "lemma_outer=" + lemma + "|" + outer_route,
    ]
    names.append("addressee=" + ("yes" if cand.addressee else "no"))
    # the content
    pieces = [doc.char_span(c.start, c.end, alignment_mode="expand") for c in cand.content]
    pieces = [piece for piece in pieces if piece is not None and len(piece)]
    length = sum(len(piece) for piece in pieces)
    first = pieces[0] if pieces else None
    if first is not None:
        names.append("content_first=" + first[0].lower_)
        names.append("route_first=" + route + "|" + first[0].lower_)
        names.append("content_first_pos=" + first[0].pos_)
        names.append("content_root=" + first.root.pos_ + "|" + first.root.dep_)
        names.append("content_ent=" + (first.root.ent_type_ or "none") + "|" + _bucket(len(first)))
        names.append("route_len=" + route + "|" + _bucket(len(first)))
        names.append(
            "route_ent=" + route + "|" + (first.root.ent_type_ or first.root.pos_) + "|" + _bucket(len(first))
        )
        names.append("lemma_ent=" + lemma + "|" + (first.root.ent_type_ or first.root.pos_))
        names.append("content_side=" + ("after" if first.start > head.i else "before"))
    names.append("content_len=" + _bucket(length))
    quoted = sum(in_quote[t.i] >= 0 for piece in pieces for t in piece)
    share = "none" if not quoted else "all" if quoted >= length else "some"
    names += ["quoted=" + share, "quoted_route=" + share + "|" + route, "quoted_lemma=" + share + "|" + lemma]
    names.append("sent_start=" + ("yes" if head.sent.start == head.i else "no"))
    dense = np.zeros(DENSE_WIDTH, dtype=np.float32)
    if priors is not None:
        fallback = priors.get("", 0.25)
        for k, key in enumerate(prior_keys(doc, cand)):
            dense[k] = logit(priors.get(key, fallback))
    return names, dense


class CueScorer:
    """A trained candidate scorer: ``scorer(doc, candidate, in_quote)`` → probability."""

    def __init__(self, sparse: np.ndarray, dense: np.ndarray, threshold: float, meta: dict[str, Any]) -> None:
        if sparse.shape != (DIM,) or dense.shape != (DENSE_WIDTH,):
            raise ValueError("weights of the wrong shape")
        self.sparse = sparse.astype(np.float32)
        self.dense = dense.astype(np.float32)
        self.threshold = float(threshold)
        self.meta = meta
        self.noun_cues = frozenset(meta.get("noun_cues", ()))
        self.adjective_cues = frozenset(meta.get("adjective_cues", ()))
        self.priors: dict[str, float] = dict(meta.get("priors", {}))
        # routes whose candidates need their own threshold (chosen by cross-validation on train)
        self.route_thresholds: dict[str, float] = dict(meta.get("route_thresholds", {}))

    def threshold_for(self, key: str) -> float:
        """The threshold for a ``threshold_key``."""
        return self.route_thresholds.get(key, self.threshold)

    def __call__(self, doc: Any, cand: Candidate, in_quote: list[int]) -> float:
        names, dense = features(doc, cand, in_quote, self.priors)
        return self.probability(feature_indices(names), dense)

    def probability(self, indices: list[int], dense: np.ndarray) -> float:
        z = float(self.sparse[indices].sum() + dense @ self.dense)
        return float(1.0 / (1.0 + np.exp(-z)))

    # -- files ----------------------------------------------------------------------------
    def save(self, directory: str | Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            directory / "weights.npz", sparse=self.sparse.astype(np.float16), dense=self.dense
        )
        meta = dict(self.meta, threshold=self.threshold, dim=DIM, dense_width=DENSE_WIDTH)
        (directory / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")

    @classmethod
    def load(cls, directory: str | Path) -> CueScorer:
        directory = Path(directory)
        missing = [name for name in MODEL_FILES if not (directory / name).is_file()]
        if missing:
            raise AttributionModelError(str(directory), "no " + " or ".join(missing))
        try:
            meta = json.loads((directory / "meta.json").read_text())
            if not isinstance(meta, dict):
                raise AttributionModelError(str(directory), "meta.json is not a JSON object")
            if meta.get("dim") != DIM or meta.get("dense_width") != DENSE_WIDTH:
                raise AttributionModelError(str(directory), "it was made for another feature layout")
            lacking = [key for key in ("threshold", "priors", "noun_cues") if key not in meta]
            if lacking:
                raise AttributionModelError(str(directory), "meta.json lacks " + ", ".join(lacking))
            with np.load(directory / "weights.npz") as data:
                return cls(data["sparse"], data["dense"], float(meta["threshold"]), meta)
        except AttributionModelError:
            raise
        except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as err:
            raise AttributionModelError(str(directory), f"unreadable ({err})") from None


def load_model(model: str | Path | CueScorer | None) -> CueScorer | None:
    """The finder's scorer for a ``model`` setting: ``"default"`` (the packaged model),
    ``"rules"`` or ``None`` (the cue lexicon alone, no learned model), a model directory,
    or a loaded ``CueScorer``."""
    if model is None or model == "rules":
        return None
    if isinstance(model, CueScorer):
        return model
    return CueScorer.load(PACKAGED_MODEL if model == "default" else model)
