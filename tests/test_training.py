"""``onrecord train`` and the learned finder's model files, on a small gold set written here."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from onrecord import cli, training
from onrecord.errors import AttributionModelError
from onrecord.pipeline import Extractor
from onrecord.spacy_component import OnrecordComponent
from onrecord.stages.scorer import PACKAGED_MODEL, CueScorer, load_model

# (text, [(cue, source, content), ...]); each phrase is found by its first occurrence.
ARTICLES = [
    (
        "Mayor Ruth Okafor said the bridge would reopen in May. Engineers built a new deck.",
        [("said", "Mayor Ruth Okafor", "the bridge would reopen in May")],
    ),
    (
        "The union warned that nurses would strike on Monday. The hospital opened a new wing.",
        [("warned", "The union", "that nurses would strike on Monday")],
    ),
    (
        "Senator Hale denied the report. Reporters waited outside and ate lunch.",
        [("denied", "Senator Hale", "the report")],
    ),
    (
        "Officials believe the storm will weaken. Crews cleared the roads.",
        [("believe", "Officials", "the storm will weaken")],
    ),
    (
        "The minister promised to cut fares. Trains ran late all week.",
        [("promised", "The minister", "to cut fares")],
    ),
    (
        "Analysts expect prices to fall, the report said. Shoppers bought bread.",
        [("said", "the report", "Analysts expect prices to fall")],
    ),
    (
        "Governor Lin told reporters the budget was balanced. Lin visited a school.",
        [("told", "Governor Lin", "the budget was balanced")],
    ),
    (
        "The council rejected the plan. Residents planted trees in the park.",
        [("rejected", "The council", "the plan")],
    ),
]


def record(number: int, text: str, spans: list[tuple[str, str, str]]) -> dict[str, Any]:
    def at(phrase: str) -> list[list[int]]:
        start = text.index(phrase)
        return [[start, start + len(phrase)]]

    return {
        "id": f"a{number}",
        "text": text,
        "attributions": [{"cue": at(c), "source": at(s), "content": at(t)} for c, s, t in spans],
    }


# three copies, so that every cue also turns up in the other folds of the out-of-fold priors
RECORDS = [record(n, text, spans) for n, (text, spans) in enumerate(ARTICLES * 3)]


@pytest.fixture(scope="module")
def pairs(extractor: Any) -> list[tuple[dict[str, Any], Any]]:
    return list(zip(RECORDS, extractor.nlp.pipe(r["text"] for r in RECORDS), strict=True))


def fit(extractor: Any, pairs: list[tuple[dict[str, Any], Any]]) -> tuple[CueScorer, Any]:
    component = OnrecordComponent(extractor.nlp, model="rules")
    return training.train(component, pairs, pairs, epochs=20, log=lambda _message: None)


def test_training_labels_candidates_by_the_gold(
    extractor: Any, pairs: list[tuple[dict[str, Any], Any]]
) -> None:
    examples = training.Examples()
    training.collect(OnrecordComponent(extractor.nlp, model="rules"), pairs, examples)
    # every gold attribution is among the candidates, and "to cut", which takes the cue of
    # "promised" before it, is a second one for "promised to cut fares"; the verbs of action
    # are negatives
    assert sum(examples.labels) == len(RECORDS) + sum("promised to cut" in r["text"] for r in RECORDS)
    assert len(examples) > sum(examples.labels)


def test_training_is_reproducible_and_learns_the_set(
    extractor: Any, pairs: list[tuple[dict[str, Any], Any]], tmp_path: Path
) -> None:
    first, result = fit(extractor, pairs)
    second, _ = fit(extractor, pairs)
    assert np.array_equal(first.sparse, second.sparse) and np.array_equal(first.dense, second.dense)
    assert first.threshold == second.threshold and first.route_thresholds == second.route_thresholds
    assert result.f1("attr+source") == 1.0
    # saved and loaded, the model scores the same
    first.save(tmp_path / "model")
    loaded = CueScorer.load(tmp_path / "model")
    assert loaded.threshold == first.threshold and loaded.priors == first.priors
    assert np.allclose(loaded.sparse, first.sparse, atol=1e-3)
    run = Extractor(nlp=extractor.nlp, model=tmp_path / "model")
    text = ARTICLES[1][0]
    found = run.extract(text)
    assert [(a.cue_text(text), a.source_text(text), a.content_text(text)) for a in found] == [
        ("warned", "The union", "that nurses would strike on Monday")
    ]


def test_adjectives_of_a_stance_are_learned_from_the_gold_cues(extractor: Any) -> None:
    text = "Farmers are skeptical of the plan. Nurses were skeptical of it. Both are skeptical of it."
    doc = extractor.nlp(text)
    cues = [[m.start(), m.end() + 3] for m in re.finditer("skeptical", text)]
    record = {"text": text, "attributions": [{"cue": [cue]} for cue in cues]}
    assert training.learn_adjective_cues([(record, doc)]) == ["skeptical"]
    assert training.learn_adjective_cues([(dict(record, attributions=record["attributions"][:2]), doc)]) == []


def test_the_packaged_model_is_the_default_and_small() -> None:
    scorer = load_model("default")
    assert scorer is not None and scorer.noun_cues and scorer.priors
    assert {"skeptical", "confident", "worried"} <= scorer.adjective_cues
    size = sum(f.stat().st_size for f in PACKAGED_MODEL.iterdir())
    assert size < 5_000_000
    assert scorer.meta["train_articles"] == 840 and scorer.meta["dev_articles"] == 84
    assert load_model("rules") is None


def test_a_missing_model_directory_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(AttributionModelError, match=r"\[E004\].*no weights.npz or meta.json"):
        load_model(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLES[0][0])
    assert cli.main(["extract", str(tmp_path / "a.txt"), "--model", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("onrecord: error: [E004]") and "onrecord train" in err
    assert "Traceback" not in err


def test_a_corrupt_model_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text("{not json")
    (tmp_path / "weights.npz").write_bytes(b"garbage")
    with pytest.raises(AttributionModelError, match="unreadable"):
        load_model(tmp_path)
    meta = json.loads((PACKAGED_MODEL / "meta.json").read_text())
    (tmp_path / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(AttributionModelError, match="unreadable"):
        load_model(tmp_path)  # the weights are not a zip archive
    (tmp_path / "meta.json").write_text(json.dumps({k: v for k, v in meta.items() if k != "priors"}))
    with pytest.raises(AttributionModelError, match="meta.json lacks priors"):
        load_model(tmp_path)
    (tmp_path / "meta.json").write_text("[1, 2]")
    with pytest.raises(AttributionModelError, match="not a JSON object"):
        load_model(tmp_path)


def test_train_command_writes_a_model_and_prints_the_dev_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    out = tmp_path / "model"
    assert (
        cli.main(["train", "--train", str(gold), "--dev", str(gold), "--out", str(out), "--epochs", "20"])
        == 0
    )
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].startswith("articles=24  gold attributions=24")
    assert "attr+source" in captured.out and "model written to" in captured.err
    meta = json.loads((out / "meta.json").read_text())
    assert meta["train_file"] == "gold.jsonl" and len(meta["train_sha256"]) == 64
    assert meta["versions"]["spacy"].startswith("3.8")
    # the new model runs from the command line
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES[0][0])
    assert cli.main(["extract", str(article), "--model", str(out), "--quiet"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert [a["speaker"]["name"] for a in line["attributions"]] == ["Ruth Okafor"]


def test_train_command_refuses_too_little_data_and_an_unwritable_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    few = tmp_path / "few.jsonl"
    few.write_text("".join(json.dumps(r) + "\n" for r in RECORDS[:2]))
    assert cli.main(["train", "--train", str(few), "--dev", str(few), "--out", str(tmp_path / "m")]) == 1
    err = capsys.readouterr().err
    assert "cross-validation needs some in every fold" in err and "Traceback" not in err
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert cli.main(["train", "--train", str(few), "--dev", str(few), "--out", str(blocker / "m")]) == 1
    assert capsys.readouterr().err.startswith(f"onrecord: error: cannot write the model to {blocker / 'm'}")


def test_train_command_reports_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "attributions": []}\n{oops\n')
    assert cli.main(["train", "--train", str(bad), "--dev", str(bad), "--out", str(tmp_path / "m")]) == 1
    assert capsys.readouterr().err.startswith(f"onrecord: error: {bad}:2: not JSON")
    assert cli.main(["train", "--train", str(tmp_path / "none.jsonl"), "--dev", str(bad), "--out", "m"]) == 1
    assert "No such file" in capsys.readouterr().err
