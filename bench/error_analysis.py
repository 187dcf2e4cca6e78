"""Where the extractor goes wrong on PolNeAR dev: by kind, by mention type, by publisher, and
the commonest error patterns, each with examples cited by article id and offsets.

    python bench/error_analysis.py [--pred build/dev.pred.jsonl] [--shared ../shared]

Reads predictions written by ``bench/polnear_dev.py``.  Matching is the benchmark's
(``attr``: lenient content match, one to one; a match is right when the sources agree).
Examples quote at most four words of an article: the texts are their publishers'.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from onrecord.pipeline import load_nlp  # noqa: E402
from onrecord.scoring import Tokens, lenient, match, score, source_right, units  # noqa: E402

PRONOUNS = frozenset("i me you he him she her we us they them it who which that this these those".split())


def mention_type(text: str, spans: list[list[int]]) -> str:
    if not spans:
        return "no source"
    words = " ".join(text[s:e] for s, e in spans).split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if any(w[:1].isupper() for w in words[1:]) or (words and words[0][:1].isupper() and len(words) <= 3):
        return "name"
    return "nominal"


def few_words(text: str, spans: list[list[int]], n: int = 4) -> str:
    if not spans:
        return "-"
    words = text[spans[0][0] : spans[0][1]].split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def cue_pattern(doc: Any, spans: list[list[int]]) -> str:
    """A short description of a gold cue: its head word's part of speech and role."""
    if not spans:
        return "no cue"
    span = doc.char_span(spans[0][0], spans[0][1], alignment_mode="expand")
    if span is None or not len(span):
        return "no cue"
    head = span.root
    if head.is_punct:
        return "a punctuation cue (colon, dash)"
    if head.pos_ == "NOUN":
        return "a noun cue (claim, criticism of …)"
    if head.pos_ in ("ADJ", "AUX") or head.lemma_ == "be":
        return "a copula or adjective cue (is critical of …)"
    if head.pos_ == "ADP":
        return "a preposition cue (in his view, against …)"
    if head.pos_ == "PROPN":
        return "a headline cue (X Slams Y)"
    if any(c.dep_ == "prep" for c in head.children) and not any(
        c.dep_ in ("ccomp", "xcomp", "dobj") for c in head.children
    ):
        return "a verb with a prepositional content (complained about …)"
    if any(c.dep_ == "dobj" for c in head.children):
        return "a verb with its object as content (praised X)"
    return "a verb with a clause as content (said that …)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--pred", default=str(ROOT / "build" / "dev.pred.jsonl"))
    parser.add_argument("--examples", type=int, default=2)
    args = parser.parse_args(argv)
    polnear = Path(args.shared) / "data" / "polnear"
    with (polnear / "dev.jsonl").open(encoding="utf-8") as handle:
        gold = [json.loads(line) for line in handle]
    with Path(args.pred).open(encoding="utf-8") as handle:
        predicted = {r["id"]: r["attributions"] for r in map(json.loads, handle)}
    nlp = load_nlp()
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    mentions: dict[str, Counter[str]] = defaultdict(Counter)
    patterns: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)

    def note(pattern: str, article: str, spans: list[list[int]], text: str) -> None:
        patterns[pattern] += 1
        if len(examples[pattern]) < args.examples and spans:
            examples[pattern].append(f"{article} [{spans[0][0]},{spans[0][1]}] “{few_words(text, spans)}”")

    for record, doc in zip(gold, nlp.pipe(r["text"] for r in gold), strict=True):
        text, article = record["text"], record["id"]
        preds = predicted.get(article, [])
        tokens = Tokens(text)
        g, p = units(record["attributions"], tokens), units(preds, tokens)
        pairs = match([u.content for u in p], [u.content for u in g], lenient)
        by_gold = {gi: pi for pi, gi in pairs}
        for gi, att in enumerate(record["attributions"]):
            kind = "direct or mixed" if g[gi].direct else "indirect"
            mtype = mention_type(text, att["source"])
            found = gi in by_gold
            right = found and source_right(p[by_gold[gi]], g[gi])
            for table, key in ((kinds, kind), (mentions, mtype)):
                table[key]["gold"] += 1
                table[key]["found"] += found
                table[key]["right"] += right
            if not found:
                note("missed: " + cue_pattern(doc, att["cue"]), article, att["cue"] or att["content"], text)
            elif not right:
                pred = preds[by_gold[gi]]
                if not pred["source"]:
                    why = "wrong source: none given (a participle: “…, saying …”), gold names one"
                elif not att["source"]:
                    why = "wrong source: one given where the gold has none"
                else:
                    why = f"wrong source: another {mention_type(text, pred['source'])} than the gold's"
                note(why, article, pred["source"] or pred["cue"], text)
        matched = {pi for pi, _ in pairs}
        for pi, pred in enumerate(preds):
            if pi not in matched:
                kind = "quotation" if p[pi].direct else "reported speech"
                note(f"invented: {kind} the gold does not annotate", article, pred["cue"], text)

    def rate(c: Counter[str]) -> str:
        return (
            f"{c['gold']:6d} {100 * c['found'] / c['gold']:7.1f} {100 * c['right'] / c['gold']:7.1f}"
            if c["gold"]
            else ""
        )

    print("recall by kind of the gold attribution (found = content matched; right = and its source)")
    print(f"{'kind':<28} {'gold':>6} {'found%':>7} {'right%':>7}")
    for key, c in sorted(kinds.items()):
        print(f"{key:<28} {rate(c)}")
    print()
    print("recall by mention type of the gold source")
    print(f"{'mention':<28} {'gold':>6} {'found%':>7} {'right%':>7}")
    for key, c in sorted(mentions.items(), key=lambda kv: -kv[1]["gold"]):
        print(f"{key:<28} {rate(c)}")
    print()
    print("by publisher (score.py rows)")
    print(f"{'publisher':<14} {'articles':>8} {'attr F1':>8} {'attr+src':>8} {'quote':>7} {'q+spk':>7}")
    by_publisher: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in gold:
        by_publisher[record.get("publisher", "?")].append(record)
    for publisher, records in sorted(by_publisher.items()):
        result = score(records, predicted)
        print(
            f"{publisher:<14} {len(records):8d} {100 * result.f1('attr'):8.1f} "
            f"{100 * result.f1('attr+source'):8.1f} {100 * result.f1('quote'):7.1f} "
            f"{100 * result.f1('quote+speaker'):7.1f}"
        )
    print()
    print("the ten commonest error patterns (count, then examples: article id [start,end] first words)")
    for pattern, n in patterns.most_common(10):
        print(f"{n:5d}  {pattern}")
        for example in examples[pattern]:
            print(f"         {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
