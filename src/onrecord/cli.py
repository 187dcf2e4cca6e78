"""The ``onrecord`` command line: one module of small commands, each a subparser whose
``--help`` is its manual and ends with a runnable example.

Commands read inputs with ``onrecord.io.readers``, run one ``pipeline.Extractor`` (or one per
worker process) and write with ``onrecord.io.writers``. Output goes to standard output (or
``-o``); every failure, warning, the progress line and the closing summary go to standard
error, so the output stays clean for a pipe. Exit status: 0 when everything was processed,
1 when any input or article failed (the rest is still processed and written), 2 for a
usage error.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from . import __version__
from .errors import OnrecordError
from .io.readers import ReadFailure, read_located
from .io.writers import FORMATS, Writer, make_writer, open_writer
from .records import Article, Result

PROG = "onrecord"
# Gold files are scored whole: no article is refused for its length.
DEFAULT_MAX_CHARS_FOR_EVALUATION = 10_000_000
# Articles sent to a worker process at a time; each worker parses a batch with nlp.pipe.
WORKER_BATCH = 8

EXTRACT_EPILOG = """\
examples:
  onrecord extract examples/ --format table
  onrecord extract articles.jsonl -o attributions.jsonl --workers 4
  cat article.txt | onrecord extract - --format csv

inputs: a .txt file is one article (its id is the file name without .txt); a .jsonl file
has one {"id": ..., "text": ...} record per line (other fields are copied to the output;
an input "attributions" field is ignored); a directory is read for .txt and .jsonl files,
recursively; - reads standard input (JSON lines if it starts with '{', else one article).

An input that cannot be read, or an article that fails, is reported on standard error as
one line naming the file, file:line or article id; the other articles are still written,
and the exit status is 1.
"""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args, parser)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find attributed quotes and reported speech in news articles: who said what, to whom.",
        epilog="example:\n  onrecord extract examples/ --format table\n\n"
        "Run 'onrecord COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    add_extract(commands)
    add_train(commands)
    add_evaluate(commands)
    return parser


def _add_model(cmd: Any) -> None:
    cmd.add_argument(
        "--model",
        default="default",
        metavar="MODEL",
        help="the finder's model: 'default' (the learned model shipped with onrecord), 'rules' "
        "(the cue lexicon alone), or a directory made by 'onrecord train' (default: default)",
    )


# -- onrecord extract --------------------------------------------------------------------------
def add_extract(commands: Any) -> None:
    from .pipeline import DEFAULT_MAX_CHARS

    cmd = commands.add_parser(
        "extract",
        help="find the attributions in articles and write them out",
        description="Find every attribution (quotes and reported speech, with speaker and\n"
        "addressee) in the articles at PATH and write one record per article.",
        epilog=EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmd.add_argument(
        "paths", nargs="+", metavar="PATH", help=".txt file, .jsonl file, directory, or - (stdin)"
    )
    cmd.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="output format (default: jsonl, the FORMAT.md record, one article a line)",
    )
    cmd.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to this file instead of standard output; for --format brat, a directory "
        "that gets ID.txt and ID.ann per article",
    )
    cmd.add_argument(
        "--workers",
        type=_count,
        default=1,
        metavar="N",
        help="worker processes, each loading the model once (default: 1; 0: one per CPU core)",
    )
    cmd.add_argument(
        "--max-chars",
        type=_positive,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse (as a failure) articles longer than N characters (default: {DEFAULT_MAX_CHARS:,})",
    )
    _add_model(cmd)
    cmd.add_argument(
        "-q", "--quiet", action="store_true", help="no progress, warnings or summary; failures only"
    )
    cmd.set_defaults(run=run_extract)


def run_extract(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Extract attributions from every article at PATH and write them in input order.

    Example: ``onrecord extract examples/ --format table``
    """
    report = Report(quiet=args.quiet)
    workers = args.workers or os.cpu_count() or 1
    with report.capture_logs():
        try:
            if workers > 1:
                extract = _extract_in_processes(workers, args.max_chars, args.model)
            else:
                extract = new_extractor(args.max_chars, args.model).pipe
        except OnrecordError as err:
            report.fatal(str(err))
            return 1
        try:
            writer = _open_output(args.format, args.output)
        except OSError as err:
            parser.exit(2, f"{PROG}: error: cannot write to {args.output}: {err.strerror or err}\n")
        with writer:
            try:
                for item in in_order(report.progress(read_located(args.paths)), extract):
                    if isinstance(item, ReadFailure):
                        report.read_failure(item)
                    else:
                        where, result = item
                        report.result(where, result)
                        writer.write(result)
            except WorkerFailed as err:
                report.fatal(str(err))
                return 1
    report.summary()
    return 1 if report.failed else 0


def new_extractor(max_chars: int, model: str = "default") -> Any:
    """The Extractor one command (or one worker process) runs; tests replace it."""
    from .pipeline import Extractor

    return Extractor(max_chars=max_chars, model=model)


Extract = Callable[[Iterable[Article]], Iterator[Result]]


def in_order(located: Iterable[tuple[str, Article | ReadFailure]], extract: Extract) -> Iterator[Any]:
    """Run ``extract`` over the articles of ``located`` and yield, in input order, each
    ``ReadFailure`` and each ``(where, Result)``.

    ``extract`` may read ahead (it parses in batches): failures met meanwhile wait in a queue
    until the results of the articles read before them have come out.
    """
    pending: deque[tuple[str, ReadFailure | None]] = deque()

    def articles() -> Iterator[Article]:
        for where, item in located:
            if isinstance(item, ReadFailure):
                pending.append((where, item))
            else:
                pending.append((where, None))
                yield item

    for result in extract(articles()):
        while pending[0][1] is not None:
            yield pending.popleft()[1]
        yield pending.popleft()[0], result
    for _, failure in pending:
        yield failure


# -- onrecord train ----------------------------------------------------------------------------
TRAIN_EPILOG = """\
example:
  onrecord train --train ../shared/data/polnear/train.jsonl \\
                 --dev ../shared/data/polnear/dev.jsonl --out models/mine
  onrecord extract articles.jsonl --model models/mine

FILE is JSON lines of gold articles: {"id", "text", "attributions": [{"cue", "source",
"content"}, ...]} with character offsets, as FORMAT.md describes. Training parses every
article once, chooses the thresholds by five-fold cross-validation on the train articles,
fits the model on all of them, and prints its scores on the dev articles (read for nothing
else). The same files and versions give the same model (fixed seed).
"""


def add_train(commands: Any) -> None:
    cmd = commands.add_parser(
        "train",
        help="train the learned finder on gold attributions",
        description="Train the finder's model on gold articles and write it to OUT.",
        epilog=TRAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmd.add_argument("--train", required=True, metavar="FILE", help="gold articles to learn from (JSONL)")
    cmd.add_argument(
        "--dev", required=True, metavar="FILE", help="gold articles to report the score on (JSONL)"
    )
    cmd.add_argument("--out", required=True, metavar="DIR", help="directory to write the model to")
    cmd.add_argument(
        "--epochs", type=_positive, default=4, metavar="N", help="passes over the data (default: 4)"
    )
    cmd.set_defaults(run=run_train)


def run_train(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from . import training
    from .pipeline import load_nlp
    from .spacy_component import OnrecordComponent

    def log(message: str) -> None:
        print(f"{PROG}: {message}", file=sys.stderr)

    started = time.perf_counter()
    try:
        train_records = training.read_records(args.train)
        dev_records = training.read_records(args.dev)
    except OSError as err:
        return _fail(f"cannot read {err.filename}: {err.strerror or err}")
    except ValueError as err:
        return _fail(str(err))
    if not train_records or not dev_records:
        return _fail(f"no articles in {args.train if not train_records else args.dev}")
    try:  # before minutes of work, not after
        os.makedirs(args.out, exist_ok=True)
        probe = os.path.join(args.out, ".onrecord-write-test")
        open(probe, "w").close()
        os.remove(probe)
    except OSError as err:
        return _fail(f"cannot write the model to {args.out}: {err.strerror or err}")
    try:
        nlp = load_nlp()
        component = OnrecordComponent(nlp, model="rules")
        train_pairs = training.parse(nlp, train_records, "parse train")
        dev_pairs = training.parse(nlp, dev_records, "parse dev")
        scorer, result = training.train(component, train_pairs, dev_pairs, epochs=args.epochs, log=log)
    except (OnrecordError, training.TrainingError) as err:
        return _fail(str(err))
    except Exception as err:  # a broken record deep in a long run: one line, not a traceback
        return _fail(f"training failed: {err!r}")
    scorer.meta.update(
        train_file=os.path.basename(args.train),
        train_sha256=training.sha256(args.train),
        dev_file=os.path.basename(args.dev),
        dev_sha256=training.sha256(args.dev),
        versions=training.versions(),
        total_seconds=round(time.perf_counter() - started, 1),
    )
    try:
        scorer.save(args.out)
    except OSError as err:
        return _fail(f"cannot write the model to {args.out}: {err.strerror or err}")
    print(result.table())
    log(
        f"model written to {args.out} (threshold {scorer.threshold}); dev attr+source F1 "
        f"{100 * result.f1('attr+source'):.2f}, quote+speaker F1 {100 * result.f1('quote+speaker'):.2f}; "
        f"{time.perf_counter() - started:.0f} s"
    )
    return 0


# -- onrecord evaluate -------------------------------------------------------------------------
EVALUATE_EPILOG = """\
examples:
  onrecord evaluate ../shared/data/polnear/dev.jsonl
  onrecord evaluate gold.jsonl --pred predictions.jsonl
  onrecord evaluate gold.jsonl --model rules -o predictions.jsonl

Without --pred it runs the extractor over the gold texts (their attributions are never
read by it) and scores what it finds; with --pred it scores those predictions (FORMAT.md
output lines: {"id", "attributions"}). The table has the rows of the PolNeAR benchmark
scorer (score.py in the PolNeAR benchmark kit), computed the same way.
"""


def add_evaluate(commands: Any) -> None:
    cmd = commands.add_parser(
        "evaluate",
        help="score the extractor (or given predictions) against gold attributions",
        description="Score attributions against the gold ones in GOLD (JSONL).",
        epilog=EVALUATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmd.add_argument("gold", metavar="GOLD", help="gold articles (JSONL with attributions)")
    cmd.add_argument("--pred", metavar="PRED", help="predictions to score instead of running the extractor")
    cmd.add_argument(
        "-o", "--output", metavar="OUT", help="also write the extractor's predictions here (JSONL)"
    )
    _add_model(cmd)
    cmd.set_defaults(run=run_evaluate)


def run_evaluate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    import json

    from . import training
    from .scoring import score

    if args.pred and (args.output or args.model != "default"):
        parser.error("--pred scores given predictions: it takes no -o or --model")
    try:
        gold = training.read_records(args.gold)
    except OSError as err:
        return _fail(f"cannot read {err.filename}: {err.strerror or err}")
    except ValueError as err:
        return _fail(str(err))
    if not gold:
        return _fail(f"no articles in {args.gold}")
    for record in gold:
        record["id"] = str(record["id"])
    ids = [record["id"] for record in gold]
    if len(set(ids)) < len(ids):
        repeated = next(i for i in ids if ids.count(i) > 1)
        return _fail(f"{args.gold}: the article id {repeated!r} occurs more than once")
    predicted: dict[str, list[Any]] = {}
    if args.pred:
        try:
            with open(args.pred, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                        predicted[str(record["id"])] = list(record.get("attributions") or [])
                    except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
                        return _fail(f"{args.pred}:{number}: not a prediction record")
        except OSError as err:
            return _fail(f"cannot read {args.pred}: {err.strerror or err}")
    else:
        report = Report(quiet=True)
        with report.capture_logs():
            try:
                extractor = new_extractor(DEFAULT_MAX_CHARS_FOR_EVALUATION, args.model)
            except OnrecordError as err:
                return _fail(str(err))
            try:
                writer = open_writer("jsonl", args.output) if args.output else None
            except OSError as err:
                return _fail(f"cannot write to {args.output}: {err.strerror or err}")
            inputs = [{k: v for k, v in r.items() if k != "attributions"} for r in gold]
            failed = 0
            try:
                for result in extractor.pipe(inputs):
                    if not result.ok:
                        failed += 1
                        report.error(f"article {result.article.id!r}: {result.error}")
                    predicted[result.article.id] = [a.to_dict() for a in result.attributions]
                    if writer:
                        writer.write(result)
            finally:
                if writer:
                    writer.close()
        if failed:
            print(f"{PROG}: warning: {failed} articles failed and count as finding nothing", file=sys.stderr)
    unknown = sorted(set(predicted) - set(ids))
    if unknown:
        print(
            f"{PROG}: warning: {len(unknown)} predicted ids are not in the gold file, e.g. {unknown[0]!r}",
            file=sys.stderr,
        )
    print(score(gold, predicted).table())
    return 0


# -- worker processes ----------------------------------------------------------------------------
class WorkerFailed(Exception):
    """A worker process could not run (its model would not load): ends the command."""


_worker_extractor: Any = None


def _extract_batch(batch: list[Article], max_chars: int, model: str) -> list[Result]:
    global _worker_extractor
    if _worker_extractor is None:
        try:
            _worker_extractor = new_extractor(max_chars, model)
        except OnrecordError as err:
            # Plain text only: an OnrecordError subclass does not survive pickling back.
            raise WorkerFailed(str(err)) from None
    return list(_worker_extractor.pipe(batch))


def _extract_in_processes(workers: int, max_chars: int, model: str) -> Extract:
    """An ``Extract`` that spreads batches over ``workers`` processes, each loading its own
    Extractor once; results come back in input order, with at most two batches per worker
    in flight, so a huge input streams in bounded memory."""

    def extract(articles: Iterable[Article]) -> Iterator[Result]:
        context = multiprocessing.get_context("spawn")
        with context.Pool(workers) as pool:
            in_flight: deque[Any] = deque()
            for batch in _batches(articles, WORKER_BATCH):
                in_flight.append(pool.apply_async(_extract_batch, (batch, max_chars, model)))
                if len(in_flight) >= 2 * workers:
                    yield from in_flight.popleft().get()
            while in_flight:
                yield from in_flight.popleft().get()

    return extract


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- reporting on standard error -------------------------------------------------------------------
class Report:
    """Counts what a command did and tells the user on standard error: one line per
    failure, warnings, a progress line on a terminal, and a closing summary."""

    PROGRESS_EVERY_S = 0.5

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.articles = 0
        self.attributions = 0
        self.failed = 0
        self.warnings = 0
        self._progress_shown = False

    @property
    def stderr(self) -> TextIO:
        return sys.stderr

    def read_failure(self, failure: ReadFailure) -> None:
        self.failed += 1
        self.error(f"{failure.item}: {failure.reason}")

    def result(self, where: str, result: Result) -> None:
        if result.ok:
            self.articles += 1
            self.attributions += len(result.attributions)
            return
        self.failed += 1
        name = where if where == result.article.id else f"{where} (article {result.article.id!r})"
        self.error(f"{name}: {result.error}")

    def error(self, message: str) -> None:
        self._clear_progress()
        print(f"{PROG}: error: {message}", file=self.stderr)

    def warning(self, message: str) -> None:
        self.warnings += 1
        if not self.quiet:
            self._clear_progress()
            print(f"{PROG}: warning: {message}", file=self.stderr)

    def fatal(self, message: str) -> None:
        self.error(message)

    def summary(self) -> None:
        self._clear_progress()
        if self.quiet:
            return
        parts = [
            _plural(self.articles, "article"),
            _plural(self.attributions, "attribution"),
            f"{self.failed:,} failed",
        ]
        if self.warnings:
            parts.append(_plural(self.warnings, "warning"))
        print(f"{PROG}: " + ", ".join(parts), file=self.stderr)

    def progress(self, items: Iterable[Any]) -> Iterator[Any]:
        """``items`` unchanged, with a progress line on standard error when it is a terminal."""
        if self.quiet or not self.stderr.isatty():
            yield from items
            return
        start = last = time.monotonic()
        for count, item in enumerate(items, start=1):
            now = time.monotonic()
            if now - last >= self.PROGRESS_EVERY_S:
                rate = count / (now - start)
                self.stderr.write(f"\r{PROG}: read {count:,} items ({rate:,.1f}/s)\x1b[K")
                self.stderr.flush()
                self._progress_shown = True
                last = now
            yield item

    def _clear_progress(self) -> None:
        if self._progress_shown:
            self.stderr.write("\r\x1b[K")
            self._progress_shown = False

    def capture_logs(self) -> _LogCapture:
        """Route onrecord's log warnings (e.g. invalid UTF-8) through ``warning``."""
        return _LogCapture(self)


class _LogCapture(logging.Handler):
    def __init__(self, report: Report) -> None:
        super().__init__(logging.WARNING)
        self.report = report
        self.logger = logging.getLogger(PROG)

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            return  # an article that failed inside the pipeline: reported as a failed Result
        self.report.warning(record.getMessage())

    def __enter__(self) -> _LogCapture:
        self.saved_propagate = self.logger.propagate
        self.logger.addHandler(self)
        self.logger.propagate = False
        return self

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self)
        self.logger.propagate = self.saved_propagate


# -- helpers ---------------------------------------------------------------------------------------
def _fail(message: str) -> int:
    """One error line on standard error; the exit status of a failed command."""
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 1


def _open_output(fmt: str, output: str | None) -> Writer:
    if output is None or output == "-":
        _utf8(sys.stdout)
        return make_writer(fmt, sys.stdout)
    return open_writer(fmt, output)


def _utf8(stream: TextIO) -> None:
    """Article text is Unicode: never fail on a terminal set to another encoding."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")


def _positive(value: str) -> int:
    number = _count(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _count(value: str) -> int:
    try:
        number = int(value.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {number}")
    return number


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


if __name__ == "__main__":
    sys.exit(main())
