"""``onrecord.scoring`` and ``onrecord evaluate``: the rows of the PolNeAR benchmark scorer.

Hand-made cases check each definition; where ``../shared/bench/score.py`` is present, random
span sets and the whole dev split must give exactly its numbers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord import cli
from onrecord.scoring import Tokens, count, quoted, score

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORE_PY = SHARED / "bench" / "score.py"
DEV = SHARED / "data" / "polnear" / "dev.jsonl"

TEXT = "Smith said taxes will rise. \u201cWe will win,\u201d she said. Officials expect delays."


def at(text: str, phrase: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return [start, start + len(phrase)]


def attribution(cue: str, source: str | None, content: str, nth: int = 0) -> dict[str, Any]:
    return {
        "cue": [at(TEXT, cue, nth)],
        "source": [at(TEXT, source)] if source else [],
        "content": [at(TEXT, content)],
    }


GOLD = [
    attribution("said", "Smith", "taxes will rise"),
    attribution("said", "she", "\u201cWe will win,\u201d", nth=1),
    attribution("expect", "Officials", "delays"),
]


def rows(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> dict[str, tuple[float, float, float]]:
    return score([{"id": "a", "text": TEXT, "attributions": gold}], {"a": predicted}).rows()


def test_identical_predictions_score_100_everywhere() -> None:
    assert all(f == 1.0 for _, _, f in rows(GOLD, GOLD).values())


def test_punctuation_and_whitespace_never_decide_a_match() -> None:
    looser = [dict(a) for a in GOLD]
    start, end = looser[0]["content"][0]
    looser[0]["content"] = [[start - 1, end + 1]]  # takes in the space and the full stop
    assert rows(GOLD, looser)["content_exact"][2] == 1.0


def test_lenient_and_strict_content_matches() -> None:
    half = dict(GOLD[0], content=[at(TEXT, "taxes")])  # 1 of 3 words
    result = rows(GOLD[:1], [half])
    assert result["attr"][2] == 1.0  # all of the smaller content overlaps
    assert result["attr_strict"][2] == 0.0  # a third of the larger one does not


def test_wrong_or_missing_source_fails_attr_source_only() -> None:
    wrong = [dict(GOLD[0], source=[at(TEXT, "Officials")])]
    result = rows(GOLD[:1], wrong)
    assert result["attr"][2] == 1.0 and result["attr+source"][2] == 0.0
    sourceless = [dict(GOLD[0], source=[])]
    assert rows(GOLD[:1], sourceless)["attr+source"][2] == 0.0
    # no source in the gold and none predicted is right
    both_empty = [dict(GOLD[2], source=[])]
    assert rows(both_empty, both_empty)["attr+source"][2] == 1.0


def test_quotes_are_found_by_their_marks() -> None:
    assert quoted(TEXT, GOLD[1]["content"])
    assert not quoted(TEXT, GOLD[0]["content"])
    assert quoted("He said ''no way'' again", [[10, 17]])  # doubled apostrophes
    assert not quoted("the boss' car", [[0, 13]])  # one apostrophe is not a quote mark
    result = rows(GOLD, GOLD[:1])
    assert result["quote"] == (0.0, 0.0, 0.0)


def test_a_gold_article_without_predictions_counts_as_finding_nothing() -> None:
    result = score([{"id": "a", "text": TEXT, "attributions": GOLD}], {})
    assert result.counts["attr_gold"] == 3 and result.counts.get("attr_pred", 0) == 0
    assert result.f1("attr") == 0.0
    assert result.table().splitlines()[0].startswith("articles=1  gold attributions=3  predicted=0")


def test_tokens_cover_words_not_punctuation() -> None:
    tokens = Tokens("Yes: it is.")
    assert len(tokens.cover([[0, 11]])) == 3  # Yes, it, is
    assert len(tokens.cover([[3, 4]])) == 1  # only ":" is touched: the punctuation counts then


# -- agreement with the benchmark scorer --------------------------------------------------------
needs_shared = pytest.mark.skipif(not SCORE_PY.exists(), reason="../shared/bench is not present")


def benchmark_scorer() -> Any:
    sys.path.insert(0, str(SCORE_PY.parent))
    try:
        return __import__("score")
    finally:
        sys.path.pop(0)


spans = st.lists(
    st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 25)).map(
        lambda p: [p[0], min(len(TEXT), p[0] + p[1])]
    ),
    min_size=1,
    max_size=2,
)
attributions = st.lists(
    st.fixed_dictionaries({"cue": spans, "source": st.one_of(st.just([]), spans), "content": spans}),
    max_size=6,
)


@needs_shared
@settings(max_examples=300, deadline=None)
@given(gold=attributions, predicted=attributions)
def test_counts_equal_the_benchmark_scorers_on_random_spans(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> None:
    theirs = benchmark_scorer().count_article(gold, predicted, TEXT)
    ours = count(gold, predicted, TEXT)
    assert {k: v for k, v in theirs.items() if v} == {k: v for k, v in ours.items() if v}


@needs_shared
@pytest.mark.skipif(not DEV.exists(), reason="PolNeAR dev is not present")
def test_evaluate_prints_the_benchmark_scorers_table_on_dev(
    cli_extractor: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    predictions = tmp_path / "dev.pred.jsonl"
    assert cli.main(["evaluate", str(DEV), "-o", str(predictions)]) == 0
    ours = capsys.readouterr().out.strip()
    bench = benchmark_scorer()
    gold = list(bench.read_jsonl(str(DEV)))
    predicted = {r["id"]: r["attributions"] for r in map(json.loads, predictions.read_text().splitlines())}
    theirs = bench.format_table(bench.score(gold, predicted)).strip()
    assert ours == theirs
    # the same table again from the written predictions
    assert cli.main(["evaluate", str(DEV), "--pred", str(predictions)]) == 0
    assert capsys.readouterr().out.strip() == theirs
    # and the extractor is worth its keep: the learned finder's dev numbers
    attr_source = next(line for line in ours.splitlines() if line.startswith("attr+source "))
    assert float(attr_source.split()[-1]) > 68.0


def test_evaluate_with_participle_subjects_scores_them_as_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Putin told Xi that Russia was ready, saying that Moscow had studied the plan."
    content = [[text.index("Moscow"), len(text) - 1]]
    cue = [[text.index("saying"), text.index("saying") + len("saying")]]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {"id": "a", "text": text, "attributions": [{"cue": cue, "source": [[0, 5]], "content": content}]}
        )
        + "\n",
        encoding="utf-8",
    )
    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        json.dumps(
            {
                "id": "a",
                "attributions": [{"cue": cue, "source": [], "speaker_span": [[0, 5]], "content": content}],
            }
        )
        + "\n",
        encoding="utf-8",
    )

    def attr_source(*flags: str) -> float:
        assert cli.main(["evaluate", str(gold), "--pred", str(pred), *flags]) == 0
        row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("attr+source "))
        return float(row.split()[-1])

    assert attr_source() == 0.0
    assert attr_source("--participle-source", "subject") == 100.0


def test_evaluate_reports_a_bad_prediction_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": TEXT, "attributions": GOLD}) + "\n")
    bad = tmp_path / "pred.jsonl"
    bad.write_text('{"id": "a", "attributions": []}\nnot json\n')
    assert cli.main(["evaluate", str(gold), "--pred", str(bad)]) == 1
    assert capsys.readouterr().err.strip() == f"onrecord: error: {bad}:2: not a prediction record"


@pytest.mark.parametrize("key", ["source", "speaker_span"])
def test_evaluate_reports_spans_it_cannot_score(
    key: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": TEXT, "attributions": GOLD}) + "\n")
    bad = tmp_path / "pred.jsonl"
    attribution = {"cue": [[0, 1]], "source": [], "content": [[0, 5]], key: "Putin"}
    bad.write_text(json.dumps({"id": "a", "attributions": [attribution]}) + "\n")
    assert cli.main(["evaluate", str(gold), "--pred", str(bad), "--participle-source", "subject"]) == 1
    err = capsys.readouterr().err
    assert (
        err.strip()
        == f"onrecord: error: {bad}:1: not a prediction record ('{key}' is not a list of [start, end] pairs)"
    )
    assert "Traceback" not in err


def test_evaluate_reports_a_bad_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a"}\n')
    assert cli.main(["evaluate", str(gold), "--pred", str(gold)]) == 1
    assert "a gold record needs an id, a text and a list of attributions" in capsys.readouterr().err


def test_evaluate_refuses_what_it_cannot_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    record = json.dumps({"id": "a", "text": TEXT, "attributions": GOLD})
    gold.write_text(record + "\n" + record + "\n")
    assert cli.main(["evaluate", str(gold), "--pred", str(gold)]) == 1
    assert "the article id 'a' occurs more than once" in capsys.readouterr().err
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert cli.main(["evaluate", str(empty), "--pred", str(gold)]) == 1
    assert capsys.readouterr().err.strip() == f"onrecord: error: no articles in {empty}"
    with pytest.raises(SystemExit) as usage:
        cli.main(["evaluate", str(gold), "--pred", str(gold), "-o", str(tmp_path / "x.jsonl")])
    assert usage.value.code == 2
