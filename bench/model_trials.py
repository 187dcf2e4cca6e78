"""The finder models tried on PolNeAR, each scored with the full dev table.

    python bench/model_trials.py export          # candidates of train and dev -> build/trials/
    python bench/model_trials.py lr              # the shipped logistic model, one threshold
    python bench/model_trials.py mlp             # a one-hidden-layer network on the same features
    python bench/model_trials.py table PROBS.npy # any model's dev probabilities -> the dev table

Every model sees the same candidates (those the learned finder proposes: verbs with a
complement, nouns of saying, "according to") with the same labels, so the trials differ only
in the scorer.  ``export`` writes, for each candidate, the hashed features and priors the
shipped logistic model uses (``features.pkl``) and the sentence around it with the cue
marked ``[[ … ]]`` and the content ``<< … >>`` (``candidates.jsonl``, for a transformer:
``bench/minilm_trial.py``).  ``table`` runs the whole extractor over dev with a model's
probabilities in candidate order, picks the one threshold with the best ``attr+source`` F1,
and prints the benchmark table at it.  The shipped model itself is measured by
``onrecord train`` / ``bench/polnear_dev.py``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from onrecord import training  # noqa: E402
from onrecord.pipeline import load_nlp  # noqa: E402
from onrecord.spacy_component import OnrecordComponent  # noqa: E402
from onrecord.stages.scorer import logit  # noqa: E402

OUT = ROOT / "build" / "trials"


def parsed(nlp: Any, shared: Path, split: str) -> list[tuple[dict[str, Any], Any]]:
    with (shared / "data" / "polnear" / f"{split}.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return training.parse(nlp, records, f"parse {split}")


def marked(doc: Any, cand: Any) -> str:
    """The sentence of the cue (and the content, within 400 characters of the cue) with the
    cue words in [[ ]] and the content pieces in << >>."""
    head = doc[cand.head]
    start = max(min(head.sent.start_char, cand.content[0].start), head.idx - 400)
    end = min(max(head.sent.end_char, cand.content[-1].end), head.idx + 400)
    marks = [m for i in cand.cue for m in ((doc[i].idx, "[[ "), (doc[i].idx + len(doc[i]), " ]]"))]
    marks += [m for s in cand.content for m in ((s.start, "<< "), (s.end, " >>"))]
    pieces, last = [], start
    for position, mark in sorted(marks):
        position = min(max(position, start), end)
        pieces += [doc.text[last:position], mark]
        last = position
    pieces.append(doc.text[last:end])
    return "".join(pieces).replace("\n", " ")


def export(shared: Path) -> None:
    nlp = load_nlp()
    component = OnrecordComponent(nlp, model="rules")
    train_pairs = parsed(nlp, shared, "train")
    dev_pairs = parsed(nlp, shared, "dev")
    component.finder.noun_cues = frozenset(training.learn_noun_cues(train_pairs))
    OUT.mkdir(parents=True, exist_ok=True)
    sets = {}
    with (OUT / "candidates.jsonl").open("w") as lines:
        for split, pairs in (("train", train_pairs), ("dev", dev_pairs)):

            def write(record: dict[str, Any], doc: Any, cand: Any, label: int, split: str = split) -> None:
                row = {"split": split, "article": record["id"], "label": label, "route": cand.route}
                lines.write(json.dumps(dict(row, text=marked(doc, cand))) + "\n")

            sets[split] = training.Examples()
            training.collect(component, pairs, sets[split], each=write)
    rates = training.fill_priors(sets["train"])
    for k, keys in enumerate(sets["dev"].keys):
        for slot, key in enumerate(keys):
            sets["dev"].dense[k][slot] = logit(rates.get(key, rates[""]))
    with (OUT / "features.pkl").open("wb") as handle:
        pickle.dump({"sets": sets, "noun_cues": sorted(component.finder.noun_cues), "priors": rates}, handle)
    print(f"{len(sets['train'])} train and {len(sets['dev'])} dev candidates written to {OUT}")


def mlp(hidden: int = 64, epochs: int = 1, seed: int = 13) -> None:
    """A network with one hidden ReLU layer over the same hashed features (embedding bag of
    2^16 rows) and priors; Adagrad on the embeddings, Adam elsewhere, dropout 0.2."""
    data = pickle.loads((OUT / "features.pkl").read_bytes())
    train, dev = data["sets"]["train"], data["sets"]["dev"]
    rows = 1 << 16
    rng = np.random.default_rng(seed)

    def arrays(e: Any) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
        return (
            [np.unique(i & (rows - 1)) for i in e.indices],
            np.stack(e.dense),
            np.array(e.labels, np.float32),
        )

    (ti, td, ty), (di, dd, _) = arrays(train), arrays(dev)
    emb = (rng.standard_normal((rows, hidden)) * 0.01).astype(np.float32)
    wd = (rng.standard_normal((td.shape[1], hidden)) * 0.5).astype(np.float32)
    b1 = np.zeros(hidden, np.float32)
    u = (rng.standard_normal(hidden) * 0.1).astype(np.float32)
    b2 = np.zeros(1, np.float32)
    params = [wd, b1, u, b2]
    moments = [[np.zeros_like(p), np.zeros_like(p)] for p in params]
    squares = np.full(rows, 1e-8, np.float32)

    def forward(idx: list[np.ndarray], dense: np.ndarray) -> tuple[np.ndarray, ...]:
        lengths = np.array([len(i) for i in idx])
        flat = np.concatenate(idx)
        pre = np.add.reduceat(emb[flat], np.r_[0, np.cumsum(lengths)[:-1]], axis=0) + dense @ wd + b1
        return pre, flat, lengths

    step = 0
    for _ in range(epochs):
        order = rng.permutation(len(ty))
        for start in range(0, len(order), 32):
            batch = order[start : start + 32]
            pre, flat, lengths = forward([ti[r] for r in batch], td[batch])
            mask = (rng.random(pre.shape) > 0.2).astype(np.float32) / 0.8
            h = np.maximum(pre, 0) * mask
            g = (1 / (1 + np.exp(-(h @ u + b2[0]))) - ty[batch]) / len(batch)
            gpre = np.outer(g, u) * mask * (pre > 0)
            grads = [td[batch].T @ gpre, gpre.sum(0), h.T @ g, np.array([g.sum()])]
            unique, inverse = np.unique(flat, return_inverse=True)
            gemb = np.zeros((len(unique), hidden), np.float32)
            np.add.at(gemb, inverse, np.repeat(gpre, lengths, axis=0))
            squares[unique] += (gemb**2).mean(1)
            emb[unique] -= 0.05 * gemb / np.sqrt(squares[unique])[:, None]
            step += 1
            for p, grad, (m, v) in zip(params, grads, moments, strict=True):
                m *= 0.9
                m += 0.1 * grad
                v *= 0.999
                v += 0.001 * grad * grad
                p -= 0.001 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    logits = np.concatenate(
        [
            np.maximum(forward(di[s : s + 512], dd[s : s + 512])[0], 0) @ u + b2[0]
            for s in range(0, len(di), 512)
        ]
    )
    out = OUT / "mlp.dev.npy"
    np.save(out, 1 / (1 + np.exp(-logits)))
    print(f"dev probabilities written to {out}")


def lr() -> None:
    """The shipped model's logistic regression on the exported features (so that it can be
    compared with one global threshold, as the other trials are)."""
    data = pickle.loads((OUT / "features.pkl").read_bytes())
    train, dev = data["sets"]["train"], data["sets"]["dev"]
    sparse, dense, offset = training.fit(train, progress=False)
    z = np.array([sparse[i].sum() + d @ dense + offset for i, d in zip(dev.indices, dev.dense, strict=True)])
    out = OUT / "lr.dev.npy"
    np.save(out, 1 / (1 + np.exp(-z)))
    print(f"dev probabilities written to {out}")


class Lookup:
    """A scorer that answers with given probabilities, in the order the finder asks."""

    def __init__(self, probabilities: np.ndarray, noun_cues: list[str]) -> None:
        self.probabilities = probabilities
        self.noun_cues = frozenset(noun_cues)
        self.threshold = 0.5
        self.position = 0

    def threshold_for(self, key: str) -> float:
        return self.threshold

    def __call__(self, doc: Any, cand: Any, in_quote: list[int]) -> float:
        self.position += 1
        return float(self.probabilities[self.position - 1])


def table(shared: Path, probabilities: Path) -> None:
    data = pickle.loads((OUT / "features.pkl").read_bytes())
    probs = np.load(probabilities)
    if len(probs) != len(data["sets"]["dev"]):
        raise SystemExit(
            f"{probabilities}: {len(probs)} probabilities for {len(data['sets']['dev'])} candidates"
        )
    nlp = load_nlp()
    component = OnrecordComponent(nlp, model="rules")
    lookup = Lookup(probs, data["noun_cues"])
    component.finder.scorer, component.finder.open = lookup, True
    component.finder.noun_cues = lookup.noun_cues
    dev_pairs = parsed(nlp, shared, "dev")
    best = None
    for threshold in training.THRESHOLDS:
        lookup.threshold, lookup.position = threshold, 0
        result = training.evaluate_docs(component, dev_pairs)
        assert lookup.position == len(probs), "the candidates changed since the export"
        if best is None or result.f1("attr+source") > best[1].f1("attr+source"):
            best = (threshold, result)
    assert best is not None
    print(f"{probabilities.name}: threshold {best[0]} (the best attr+source F1 on dev)")
    print(best[1].table())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("export", "lr", "mlp", "table"))
    parser.add_argument("probabilities", nargs="?", help="for table: a .npy of dev probabilities")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args(argv)
    if args.command == "export":
        export(Path(args.shared))
    elif args.command == "lr":
        lr()
    elif args.command == "mlp":
        mlp()
    else:
        if not args.probabilities:
            parser.error("table needs PROBS.npy")
        table(Path(args.shared), Path(args.probabilities))
    return 0


if __name__ == "__main__":
    sys.exit(main())
