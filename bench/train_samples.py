"""Score addressees and speakers on PolNeAR train samples that we labelled ourselves.

    python bench/train_samples.py addressees [--shared ../shared] [--model rules|DIR]
    python bench/train_samples.py speakers   [--shared ../shared] [--model rules|DIR]

PolNeAR's gold has addressees and speaker entities for dev only (``dev.speakers.jsonl``),
so the rules for them are tuned on train samples instead, labelled against the rules of
``data/polnear/README.md``:

- ``addressees``: 80 train articles (``random.seed(7)``); every one of their 1,896 gold
  attributions was read for "the cue's clause or its sentence names who the statement was
  made to": 173 addressees; a pronoun ("urged him") carries the name or description it
  refers to. A second reading added one the first had missed ("Asked if …, Ryan said": the
  one asked) and gave "ABC’s George Stephanopoulos" the person's name, not the outlet's.
  Scored with ``addressees.py``.
- ``speakers``: 60 other train articles (``random.seed(11)``); every gold direct quote with
  a source got the speaker entity it refers to (the fullest name the text before it gives,
  or a description) and its mention type: 416 quotes. Scored with ``speakers.py``.

``bench/data/train_addressees_heldout.jsonl`` is a second addressee sample, never used to tune
the rules: 60 other train articles (``random.seed(23)`` over those in neither sample above),
1,409 gold attributions read by four other readers under the same guide, 102 addressees. It
measures whether what was tuned on the first sample carries over:

    python bench/train_samples.py addressees --labels bench/data/train_addressees_heldout.jsonl

``bench/data/train_pronouns.jsonl`` and ``train_pronouns_heldout.jsonl`` label the speakers
of direct quotes whose source is a pronoun or a description ("he", "the senator"), drawn at
random (``random.seed(5)``) from the train articles in none of the samples above: six
readers each read 120 in their context, beside what the resolver then gave, and wrote who
the mention refers to (the fullest name, or a description when the article names no one).
The first 360 (358 labels: one quote could not be told, one has no gold source) were used to
tune the resolver. Of the other 360, never used to tune it, the held-out file keeps the 137
in the 102 articles the first sample does not touch, since the resolver reads a whole
article at once:

    python bench/train_samples.py speakers --labels bench/data/train_pronouns.jsonl
    python bench/train_samples.py speakers --labels bench/data/train_pronouns_heldout.jsonl

``bench/data/train_{addressees,speakers,pronouns}*.jsonl`` keep offsets, names and mention types only
(the texts stay in ``../shared``). The script joins them to the train gold, runs the
extractor over the sampled articles and prints the scorer's table.
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

SCORERS = {"addressees": "addressees.py", "speakers": "speakers.py"}


def label_addressee(att: dict, label: dict, text: str) -> None:
    # the words of the mention, unless the label resolves it ("him" → "Chris Christie")
    words = " ".join(text[s:e] for s, e in label["addressee_span"])
    if label["named"]:
        att["addressee"] = {"name": label.get("name", words)}
    else:
        att["addressee"] = {"name": None, "description": label.get("description", words)}
    att["addressee_span"] = label["addressee_span"]


def label_speaker(att: dict, label: dict, text: str) -> None:
    att["speaker"] = label["speaker"]
    att["mention_type"] = label["mention_type"]


def labelled_gold(kind: str, train: Path, labels_path: Path | None = None) -> list[dict]:
    """The sampled train articles, each labelled attribution carrying its label."""
    labels = {}
    labels_path = labels_path or ROOT / "bench" / "data" / f"train_{kind}.jsonl"
    try:
        with labels_path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                try:
                    row = json.loads(line)
                    labels[row["id"]] = row[kind]
                except (json.JSONDecodeError, KeyError, TypeError) as err:
                    raise SystemExit(f"{labels_path}:{number}: not a line of {kind} labels ({err})") from None
    except OSError as err:
        raise SystemExit(f"cannot read the labels: {err}") from None
    apply = label_addressee if kind == "addressees" else label_speaker
    articles = []
    for line in train.open(encoding="utf-8"):
        article = json.loads(line)
        if article["id"] not in labels:
            continue
        for label in labels[article["id"]]:
            att = next(
                (
                    a
                    for a in article["attributions"]
                    if a["cue"] == label.get("cue") and a["content"] == label.get("content")
                ),
                None,
            )
            if att is None:
                raise SystemExit(
                    f"{labels_path}: a label of {article['id']} (cue {label.get('cue')}) matches no "
                    f"gold attribution of {train}"
                )
            apply(att, label, article["text"])
        articles.append(article)
    missing = set(labels) - {a["id"] for a in articles}
    if missing:
        raise SystemExit(f"{len(missing)} labelled articles are not in {train}")
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=sorted(SCORERS))
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--model", default="default")
    parser.add_argument("--labels", type=Path, help="another labels file of the same kind")
    args = parser.parse_args()
    articles = labelled_gold(args.kind, args.shared / "data" / "polnear" / "train.jsonl", args.labels)
    build = ROOT / "build"
    build.mkdir(exist_ok=True)
    gold_path = build / f"train_{args.kind}.gold.jsonl"
    pred_path = build / f"train_{args.kind}.pred.jsonl"
    with gold_path.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    extractor = Extractor(model=args.model)
    with pred_path.open("w", encoding="utf-8") as out:
        for result in extractor.pipe(articles):
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    scorer = args.shared / "bench" / SCORERS[args.kind]
    subprocess.run([sys.executable, str(scorer), str(gold_path), str(pred_path)], check=True)


if __name__ == "__main__":
    main()
