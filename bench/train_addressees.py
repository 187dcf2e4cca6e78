"""Score addressees on 80 PolNeAR train articles whose addressees we labelled ourselves.

    python bench/train_addressees.py [--shared ../shared] [--model rules|DIR]

PolNeAR's gold has addressees for dev only (``dev.speakers.jsonl``), so the addressee rules
are tuned on this train sample instead: 80 train articles (``random.seed(7)``), every gold
attribution read against the rule of ``data/polnear/README.md`` ("the cue's clause or its
sentence names who the statement was made to"), 172 addressees in 1,896 attributions.
``bench/data/train_addressees.jsonl`` keeps offsets only (the texts stay in ``../shared``):
per article the cue, content and addressee spans and whether the addressee is a name. The
script joins them to the train gold, runs the extractor over the 80 articles and prints
``addressees.py``'s table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from onrecord.pipeline import Extractor  # noqa: E402

LABELS = ROOT / "bench" / "data" / "train_addressees.jsonl"


def gold_with_addressees(train: Path) -> list[dict]:
    """The sampled train articles, each labelled attribution carrying its addressee."""
    labels = {}
    for line in LABELS.open(encoding="utf-8"):
        row = json.loads(line)
        labels[row["id"]] = row["addressees"]
    articles = []
    for line in train.open(encoding="utf-8"):
        article = json.loads(line)
        if article["id"] not in labels:
            continue
        text = article["text"]
        for label in labels[article["id"]]:
            att = next(
                a
                for a in article["attributions"]
                if a["cue"] == label["cue"] and a["content"] == label["content"]
            )
            words = " ".join(text[s:e] for s, e in label["addressee_span"])
            att["addressee"] = {"name": words} if label["named"] else {"name": None, "description": words}
            att["addressee_span"] = label["addressee_span"]
        articles.append(article)
    missing = set(labels) - {a["id"] for a in articles}
    if missing:
        raise SystemExit(f"{len(missing)} labelled articles are not in {train}")
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--model", default="default")
    args = parser.parse_args()
    articles = gold_with_addressees(args.shared / "data" / "polnear" / "train.jsonl")
    build = ROOT / "build"
    build.mkdir(exist_ok=True)
    gold_path = build / "train_addressees.gold.jsonl"
    pred_path = build / "train_addressees.pred.jsonl"
    with gold_path.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    extractor = Extractor(model=args.model)
    with pred_path.open("w", encoding="utf-8") as out:
        for result in extractor.pipe(articles):
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    scorer = args.shared / "bench" / "addressees.py"
    subprocess.run([sys.executable, str(scorer), str(gold_path), str(pred_path)], check=True)


if __name__ == "__main__":
    main()
