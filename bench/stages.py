"""Where onrecord's time goes: spaCy alone, onrecord end to end, and each stage, in one run.

    python bench/stages.py [--shared ../shared] [--repeat 3] [--plot docs/bench/stages.png]

Texts: PolNeAR dev from ``../shared`` when present, else the bundled ``examples/``.  Each
round, in one process and with one loaded pipeline (``load_nlp()``), times

- spaCy alone: ``nlp.pipe`` over the texts, every Doc consumed;
- onrecord end to end: ``Extractor(nlp=nlp).pipe`` over the articles, each Result written
  as a JSONL line (``JsonlWriter``) to an in-memory stream;
- the stages: the texts parsed once with ``nlp.pipe``, then, per article, the scanner, the
  finder, the linker, the resolver and the writing (Result to JSONL line), each timed with
  ``time.perf_counter`` around its call and summed over the articles.

The best round of spaCy alone and of end to end is kept, and the stage breakdown of the
round whose parse plus stages is fastest.  ``--plot`` needs matplotlib (for the plot only).
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from onrecord.io.writers import JsonlWriter  # noqa: E402
from onrecord.pipeline import Extractor, load_nlp  # noqa: E402
from onrecord.records import Article, Result  # noqa: E402
from onrecord.spacy_component import OnrecordComponent  # noqa: E402

STAGES: tuple[str, ...] = ("parse", "scanner", "finder", "linker", "resolver", "writing")
GOAL = 0.70


@dataclass
class Round:
    """The seconds of one pass over the texts, per stage."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


def load_articles(shared: Path) -> tuple[str, list[Article]]:
    dev = shared / "data" / "polnear" / "dev.jsonl"
    if dev.exists():
        with dev.open(encoding="utf-8") as lines:
            return "PolNeAR dev", [Article.from_record(json.loads(line)) for line in lines if line.strip()]
    files = sorted((ROOT / "examples").glob("*.txt"))
    return "examples/", [Article(id=f.stem, text=f.read_text(encoding="utf-8")) for f in files]


def time_spacy(nlp: Any, texts: list[str], batch_size: int) -> float:
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def time_end_to_end(extractor: Extractor, articles: list[Article]) -> float:
    writer = JsonlWriter(io.StringIO())
    started = time.perf_counter()
    for result in extractor.pipe(articles):
        writer.write(result)
    elapsed = time.perf_counter() - started
    writer.close()
    return elapsed


def time_stages(nlp: Any, component: OnrecordComponent, articles: list[Article], batch_size: int) -> Round:
    clock = time.perf_counter
    out = Round()
    seconds = out.seconds
    started = clock()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=batch_size))
    seconds["parse"] = clock() - started
    writer = JsonlWriter(io.StringIO())
    for article, doc in zip(articles, docs, strict=True):
        t0 = clock()
        quotes = component.scanner.scan(doc.text)
        t1 = clock()
        found = component.finder(doc, quotes)
        t2 = clock()
        candidates = component.linker(doc, quotes, found)
        t3 = clock()
        attributions = component.resolver(doc, candidates, quotes)
        t4 = clock()
        writer.write(Result(article=article, attributions=tuple(attributions)))
        t5 = clock()
        seconds["scanner"] += t1 - t0
        seconds["finder"] += t2 - t1
        seconds["linker"] += t3 - t2
        seconds["resolver"] += t4 - t3
        seconds["writing"] += t5 - t4
    writer.close()
    return out


def plot(path: Path, stages: Round, spacy_alone: float, end_to_end: float, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    colours = {
        "parse": "#9e9e9e",
        "scanner": "#1f77b4",
        "finder": "#d62728",
        "linker": "#ff7f0e",
        "resolver": "#2ca02c",
        "writing": "#9467bd",
    }
    fig, ax = plt.subplots(figsize=(8, 2.8), dpi=100)
    rows = ["onrecord, per stage", "onrecord end to end", "spaCy alone"]
    ax.barh(rows[2], spacy_alone, color=colours["parse"], edgecolor="white")
    ax.barh(rows[1], end_to_end, color="#4d4d4d", edgecolor="white")
    left = 0.0
    for stage in STAGES:
        width = stages.seconds[stage]
        ax.barh(
            rows[0],
            width,
            left=left,
            color=colours[stage],
            edgecolor="white",
            linewidth=0.5,
            label=f"{stage} {width:.3f} s",
        )
        left += width
    for row, value in ((rows[2], spacy_alone), (rows[1], end_to_end), (rows[0], stages.total)):
        ax.text(value, row, f" {value:.2f} s", va="center", fontsize=9)
    ax.set_xlim(0, max(spacy_alone, end_to_end, stages.total) * 1.15)
    ax.set_xlabel("seconds for one pass over the texts (best round)")
    ax.set_title(title, fontsize=10)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.42), ncol=3, fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best of each is kept")
    parser.add_argument("--plot", type=Path, help="write a PNG of the stage times here (needs matplotlib)")
    args = parser.parse_args(argv)
    name, articles = load_articles(Path(args.shared))
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    n = len(articles)

    nlp = load_nlp()
    extractor = Extractor(nlp=nlp)
    component = OnrecordComponent(nlp)
    batch_size = extractor.batch_size

    best_spacy = best_e2e = float("inf")
    best_stages: Round | None = None
    for _ in range(args.repeat):
        best_spacy = min(best_spacy, time_spacy(nlp, texts, batch_size))
        best_e2e = min(best_e2e, time_end_to_end(extractor, articles))
        stages = time_stages(nlp, component, articles, batch_size)
        if best_stages is None or stages.total < best_stages.total:
            best_stages = stages
    assert best_stages is not None
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratio = best_spacy / best_e2e

    print(f"texts: {name}, {n} articles, {words} words; best of {args.repeat} rounds, one process")
    print()
    print(f"{'stage':<30} {'seconds':>8} {'% of e2e':>9} {'words/s':>11}")
    for stage in STAGES:
        s = best_stages.seconds[stage]
        print(f"{stage:<30} {s:8.3f} {s / best_e2e:9.1%} {words / s if s else float('inf'):11,.0f}")
    after = best_stages.total - best_stages.seconds["parse"]
    print(f"{'all stages after the parse':<30} {after:8.3f} {after / best_e2e:9.1%} {words / after:11,.0f}")
    print(
        f"{'parse + stages + writing':<30} {best_stages.total:8.3f} {best_stages.total / best_e2e:9.1%} "
        f"{words / best_stages.total:11,.0f}"
    )
    other = best_e2e - best_stages.total
    print(f"{'other (end to end - the sum)':<30} {other:8.3f} {other / best_e2e:9.1%} {'':>11}")
    print(f"{'onrecord end to end':<30} {best_e2e:8.3f} {1:9.1%} {words / best_e2e:11,.0f}")
    print()
    for label, seconds in (("spaCy en_core_web_sm alone", best_spacy), ("onrecord end to end", best_e2e)):
        print(
            f"{label:<27}: {seconds:7.2f} s  {n / seconds:6.2f} articles/s  {words / seconds:7,.0f} words/s"
        )
    verdict = "met" if ratio >= GOAL else "NOT met"
    print(f"throughput ratio           : {ratio:7.1%} of spaCy alone (goal >= {GOAL:.0%}: {verdict})")
    print(f"peak resident memory       : {peak_mb:7.0f} MB")
    if args.plot:
        plot(
            args.plot,
            best_stages,
            best_spacy,
            best_e2e,
            f"{name}: {n} articles, {words:,} words; end to end = {ratio:.1%} of spaCy alone's throughput",
        )
        print(f"plot                       : {args.plot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
