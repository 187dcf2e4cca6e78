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
import gc
import itertools
import logging
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TextIO

from . import __version__
from .errors import OnrecordError
from .io.readers import ReadFailure, read_located, shards
from .io.writers import FORMATS, Writer, make_writer, one_line, open_writer, shorten
from .records import Article, Result

PROG = "onrecord"
# Gold files are scored whole: no article is refused for its length.
DEFAULT_MAX_CHARS_FOR_EVALUATION = 10_000_000
# Articles sent to a worker process at a time; each worker parses a batch with nlp.pipe.
WORKER_BATCH = 8
# spaCy's vocabulary grows with every new word it meets: the model is loaded afresh after
# this many articles, so that memory stays flat over a corpus of any size.
ARTICLES_PER_MODEL = 500

EXTRACT_EPILOG = """\
examples:
  onrecord extract examples/ --format table
  onrecord extract articles.jsonl -o attributions.jsonl --workers 4
  cat article.txt | onrecord extract - --format csv

inputs: a .txt file is one article (its id is the file name without .txt); a .jsonl file
has one {"id": ..., "text": ...} record per line (other fields are copied to the output;
an input "attributions" field is ignored); a .csv file has a text column (and an id column,
else the id is a hash of the text; other columns are copied as metadata); an .html page is
one article (text, title, date and byline extracted); a .warc or .warc.gz crawl gives one
article per HTML response; a directory is read for all of these, recursively; a glob
pattern ('news/*.html') for the files it matches; an fsspec URL (s3://bucket/x.jsonl) for
a remote file, directory or pattern; - reads standard input (JSON lines if it starts with
'{', else one article).

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
    add_ingest(commands)
    add_load(commands)
    add_failures(commands)
    add_search(commands)
    add_speakers(commands)
    add_verify(commands)
    add_export(commands)
    add_serve(commands)
    add_train(commands)
    add_evaluate(commands)
    return parser


def _add_dask(cmd: Any, files_on_workers: bool = False) -> None:
    where = "; each input file is read by a worker" if files_on_workers else ""
    cmd.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="extract on a Dask cluster instead: tcp://SCHEDULER:8786, or local[:N] to start a "
        f"local cluster of N worker processes (each loads the model once{where}); --workers is then unused",
    )


def _add_max_chars(cmd: Any) -> None:
    from .pipeline import DEFAULT_MAX_CHARS

    cmd.add_argument(
        "--max-chars",
        type=_positive,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse (as a failure) articles longer than N characters (default: {DEFAULT_MAX_CHARS:,})",
    )


def _add_model(cmd: Any) -> None:
    cmd.add_argument(
        "--model",
        default="default",
        metavar="MODEL",
        help="the finder's model: 'default' (the learned model shipped with onrecord), 'rules' "
        "(the cue lexicon alone), or a directory made by 'onrecord train' (default: default)",
    )


def _add_participle_source(cmd: Any) -> None:
    cmd.add_argument(
        "--participle-source",
        choices=("none", "subject"),
        default="none",
        help="the source of a participle (\"Putin …, saying that …\"): 'none' as FORMAT.md has "
        "it (the speaker is still named; its mention is in speaker_span), or 'subject', the "
        "main clause's subject, as PolNeAR annotates it (default: none)",
    )


def _bad_spans(attribution: Any) -> str | None:
    """Why a predicted attribution's spans cannot be scored, or None: each of ``cue``,
    ``source``, ``content`` and ``speaker_span`` is a list of [start, end] integer pairs."""
    if not isinstance(attribution, dict):
        return "an attribution is not a JSON object"
    for key in ("cue", "source", "content", "speaker_span"):
        spans = attribution.get(key) or []
        if not isinstance(spans, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(type(x) is int for x in pair) for pair in spans
        ):
            return f"{key!r} is not a list of [start, end] pairs"
    return None


def _subject_as_source(attribution: dict[str, Any]) -> dict[str, Any]:
    """A prediction record's ``speaker_span`` as its source when it has none."""
    if attribution.get("source") or not attribution.get("speaker_span"):
        return attribution
    moved = dict(attribution, source=attribution["speaker_span"])
    del moved["speaker_span"]
    return moved


def _as_configured(result: Result, args: argparse.Namespace) -> Result:
    """A result in the source convention the command was asked for."""
    return result.with_subject_as_source() if args.participle_source == "subject" else result


# -- onrecord extract --------------------------------------------------------------------------
def add_extract(commands: Any) -> None:

    cmd = commands.add_parser(
        "extract",
        help="find the attributions in articles and write them out",
        description="Find every attribution (quotes and reported speech, with speaker and\n"
        "addressee) in the articles at PATH and write one record per article.",
        epilog=EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmd.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".txt, .jsonl, .csv, .html or .warc(.gz) file, directory, glob pattern, or - (stdin)",
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
    _add_max_chars(cmd)
    _add_dask(cmd)
    _add_model(cmd)
    _add_participle_source(cmd)
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
            if args.dask:  # each input file is read on a worker
                from .cluster import extract_files_on_dask
                from .io.readers import ReadOptions

                run = extract_files_on_dask(args.dask, args.max_chars, args.model, ReadOptions())
                items = report.progress(run(shards(args.paths), lambda where, article_id, digest: True))
            else:
                extract = _extraction(workers, args.max_chars, args.model)
                items = in_order(report.progress(read_located(args.paths)), extract)
        except OnrecordError as err:
            report.fatal(str(err))
            return 1
        try:
            writer = _open_output(args.format, args.output)
        except OSError as err:
            parser.exit(2, f"{PROG}: error: cannot write to {args.output}: {err.strerror or err}\n")
        with writer:
            try:
                for item in items:
                    if isinstance(item, ReadFailure):
                        report.read_failure(item)
                    else:
                        where, result = item
                        report.result(where, result)
                        writer.write(_as_configured(result, args))
            except (WorkerFailed, OnrecordError) as err:
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


# -- the quote store: ingest, failures, search, speakers, verify, export -------------------------
DB_HELP = (
    "the store: an SQLite file (made if missing) or a postgresql://user@host/dbname URL "
    "(default: $ONRECORD_DB, else onrecord.db)"
)


def _add_db(cmd: Any) -> None:
    cmd.add_argument(
        "--db", default=os.environ.get("ONRECORD_DB") or "onrecord.db", metavar="PATH|URL", help=DB_HELP
    )


def _add_json(cmd: Any) -> None:
    cmd.add_argument("--json", action="store_true", help="write JSON (one array) instead of a table")


def _command(commands: Any, name: str, summary: str, description: str, epilog: str, run: Any) -> Any:
    cmd = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_db(cmd)
    cmd.set_defaults(run=run)
    return cmd


def _open_store(url: str, *, must_exist: bool = True) -> Any:
    """The store at ``url``; for a question, an SQLite file that is not there is an error
    (not a new empty store)."""
    from .store import Store, is_postgres

    if must_exist and not is_postgres(url) and not os.path.exists(url):
        raise StoreMissing(f"no store at {url}; make one with 'onrecord ingest PATH --db {url}'")
    return Store(url)


class StoreMissing(Exception):
    pass


def _store_command(run: Callable[[argparse.Namespace, Any], int], *, must_exist: bool = True) -> Any:
    """A command body run with the open store; store and query errors end it with one line."""

    def command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
        try:
            store = _open_store(args.db, must_exist=must_exist)
        except (OnrecordError, StoreMissing) as err:
            return _fail(str(err))
        try:
            with store:
                return run(args, store)
        except (OnrecordError, StoreMissing) as err:
            return _fail(str(err))

    return command


def _print_json(items: Iterable[Any]) -> None:
    import json

    _utf8(sys.stdout)
    print(json.dumps([item.to_dict() for item in items], ensure_ascii=False, indent=2))


INGEST_EPILOG = """\
examples:
  onrecord ingest ../shared/data/polnear/dev.jsonl
  onrecord ingest news/ crawl.warc.gz export.csv --db quotes.db --workers 2
  onrecord ingest 'dumps/*.jsonl' --db postgresql://onrecord@127.0.0.1/quotes

inputs: .txt (one article), .jsonl (FORMAT.md input records; an article without an id is
identified by a hash of its text), .csv (a text column, other columns are metadata), .html
(article text, title, date and byline extracted), .warc/.warc.gz (each HTML response is an
article), directories, glob patterns, - (standard input).

A rerun skips every article the store already has, so an interrupted ingest (even one
killed with SIGKILL) is resumed by running it again. An item that cannot be read or
extracted is recorded with its reason ('onrecord failures') and the run goes on; the exit
status is then 1 (0 on a rerun that meets only failures recorded before).
"""


def add_ingest(commands: Any) -> None:

    cmd = _command(
        commands,
        "ingest",
        "extract the attributions of articles into the quote store",
        "Read articles from PATH..., extract their attributions and store them, with speakers\n"
        "merged across articles and quotations grouped across articles.",
        INGEST_EPILOG,
        run_ingest,
    )
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, glob pattern, or - (stdin)")
    cmd.add_argument(
        "--workers",
        type=_count,
        default=0,
        metavar="N",
        help="worker processes, each loading the model once (default: 0, one per CPU core)",
    )
    cmd.add_argument(
        "--text-column", default="text", metavar="NAME", help="CSV column with the text (default: text)"
    )
    cmd.add_argument(
        "--id-column", default="id", metavar="NAME", help="CSV column with the article id (default: id)"
    )
    _add_max_chars(cmd)
    _add_dask(cmd, files_on_workers=True)
    _add_model(cmd)
    cmd.add_argument(
        "--parquet",
        metavar="DIR",
        help="also write the articles extracted in this run to DIR as Parquet parts "
        "(part-00000.parquet, …; the columns of 'export --format parquet'); 'onrecord load' reads them",
    )
    cmd.add_argument("-q", "--quiet", action="store_true", help="no progress or summary; failures only")


def _ingest_reporting(quiet: bool) -> tuple[Report, Any, Callable[[str], None]]:
    """The report, the progress line (None when quiet) and the failure printer of a command
    that fills the store: a failure line first clears the progress line."""
    from .store.ingest import Progress

    report = Report(quiet=quiet)
    progress = None if quiet else Progress()

    def on_failure(message: str) -> None:
        if progress:
            progress.clear()
        report.error(message)

    return report, progress, on_failure


def run_ingest(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Ingest articles into the store. Example: ``onrecord ingest articles.jsonl --db quotes.db``"""
    from .io.readers import ReadOptions
    from .io.table import ParquetParts
    from .store.ingest import Ingest

    try:
        store = _open_store(args.db, must_exist=False)
    except OnrecordError as err:
        return _fail(str(err))
    report, progress, on_failure = _ingest_reporting(args.quiet)
    workers = args.workers or os.cpu_count() or 1

    with store, report.capture_logs():
        options = ReadOptions(text_column=args.text_column, id_column=args.id_column, require_id=False)
        try:
            if args.dask:
                from .cluster import extract_files_on_dask

                runner = extract_files_on_dask(args.dask, args.max_chars, args.model, options)
            else:
                extract = _extraction(workers, args.max_chars, args.model)
        except OnrecordError as err:
            return _fail(str(err))
        try:
            parts = ParquetParts(args.parquet) if args.parquet else None
        except OSError as err:
            return _fail(f"cannot write Parquet to {args.parquet}: {err.strerror or err}")
        ingest = Ingest(store, on_failure=on_failure, progress=progress, sink=parts.write if parts else None)
        try:
            if args.dask:  # each input file is read on a worker
                counts = ingest.run_shards(shards(args.paths, options=options), runner)
            else:
                counts = ingest.run(read_located(args.paths, options=options), extract, in_order)
        except WorkerFailed as err:
            return _fail(str(err))
        except OnrecordError as err:
            return _fail(str(err))
        finally:
            if parts:
                parts.close()
        if not args.quiet:
            total = store.counts()
            old = counts.failed - counts.new_failures
            how = f"on Dask {args.dask}" if args.dask else f"with {_plural(workers, 'worker')}"
            print(
                f"{PROG}: ingested {_plural(counts.stored, 'article')} "
                f"({_plural(counts.attributions, 'attribution')}) in {counts.seconds:.1f} s "
                f"({counts.rate:.2f} articles/s {how}); "
                f"{counts.skipped:,} already stored, {counts.failed:,} failed"
                f"{f' ({old:,} of them recorded before)' if old else ''}. "
                f"The store {args.db} has {_plural(total.articles, 'article')}, "
                f"{_plural(total.attributions, 'attribution')}, {_plural(total.speakers, 'speaker')}, "
                f"{_plural(total.clusters, 'quotation cluster')}.",
                file=sys.stderr,
            )
    return 1 if counts.new_failures else 0


LOAD_EPILOG = """\
examples:
  onrecord ingest crawl/*.warc.gz --dask tcp://scheduler:8786 --parquet parts/ --db scratch.db
  onrecord load parts/ --db quotes.db
  onrecord export --format parquet -o quotes.parquet --db old.db && onrecord load quotes.parquet

PATH: a Parquet file or a directory of them, as 'ingest --parquet' or 'export --format
parquet' writes them. The articles go into the store as 'ingest' would put them, without
extracting again: stored ids are skipped, speakers merged, quotations clustered.
"""


def add_load(commands: Any) -> None:
    cmd = _command(
        commands,
        "load",
        "store articles already extracted (Parquet) without extracting them again",
        "Load extracted articles from Parquet into the store.",
        LOAD_EPILOG,
        run_load,
    )
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="a Parquet file or a directory of them")
    cmd.add_argument("-q", "--quiet", action="store_true", help="no progress or summary; failures only")


def run_load(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .io.table import read_results
    from .store.ingest import Ingest

    try:
        store = _open_store(args.db, must_exist=False)
    except OnrecordError as err:
        return _fail(str(err))
    report, progress, on_failure = _ingest_reporting(args.quiet)

    def results() -> Iterator[tuple[str, Result]]:
        for path in args.paths:
            if not os.path.exists(path):
                raise OnrecordError(f"no such file or directory: {path}")
            yield from read_results(path)

    with store:
        ingest = Ingest(store, on_failure=on_failure, progress=progress)
        try:
            counts = ingest.load(results())
        except (OnrecordError, ValueError, OSError) as err:
            return _fail(str(err))
        except Exception as err:  # pyarrow's errors on a file that is not Parquet
            return _fail(f"cannot read the Parquet input: {err}")
    if not args.quiet:
        print(
            f"{PROG}: loaded {_plural(counts.stored, 'article')} "
            f"({_plural(counts.attributions, 'attribution')}); "
            f"{counts.skipped:,} already stored, {counts.failed:,} failed",
            file=sys.stderr,
        )
    return 1 if counts.new_failures else 0


def add_failures(commands: Any) -> None:
    cmd = _command(
        commands,
        "failures",
        "list the input items that could not be ingested, and why",
        "List every input item that could not be read, extracted or stored.",
        "example:\n  onrecord failures --db quotes.db\n",
        _store_command(run_failures),
    )
    _add_json(cmd)


def run_failures(args: argparse.Namespace, store: Any) -> int:
    failures = store.failures()
    if args.json:
        _print_json(failures)
        return 0
    _utf8(sys.stdout)
    for failure in failures:
        print(f"{failure.item}\t{failure.stage}\t{failure.reason}")
    print(f"{PROG}: {_plural(len(failures), 'failure')}", file=sys.stderr)
    return 0


SEARCH_EPILOG = """\
examples:
  onrecord search Ukraine --speaker Putin
  onrecord search '"law and order"' --since 2016-09-01 --kind direct --json
  onrecord search tax plan --publisher nyt --until 2016-10

TEXT: words (all of them, or any when no attribution has all), and "phrases" in double
quotes. Punctuation and search-engine or SQL syntax are read as plain separators.
"""


def add_search(commands: Any) -> None:
    cmd = _command(
        commands,
        "search",
        "full-text search of what was said, with filters",
        "Search the words of every stored attribution (and its speaker's name), best first.",
        SEARCH_EPILOG,
        _store_command(run_search),
    )
    cmd.add_argument("text", nargs="+", metavar="TEXT", help='words or "phrases" to search for')
    cmd.add_argument("--speaker", metavar="NAME", help="only this speaker (any name merged into it)")
    cmd.add_argument("--since", metavar="DATE", help="only articles dated on or after DATE (YYYY-MM-DD)")
    cmd.add_argument("--until", metavar="DATE", help="only articles dated on or before DATE")
    cmd.add_argument("--publisher", metavar="P", help="only articles of this publisher")
    cmd.add_argument("--kind", choices=("direct", "mixed", "indirect"), help="only this kind")
    cmd.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N hits (default: 20)")
    _add_json(cmd)


def run_search(args: argparse.Namespace, store: Any) -> int:
    hits = store.search(
        " ".join(args.text),
        speaker=args.speaker,
        since=args.since,
        until=args.until,
        publisher=args.publisher,
        kind=args.kind,
        limit=args.limit,
    )
    if args.json:
        _print_json(hits)
        return 0
    _utf8(sys.stdout)
    for rank, hit in enumerate(hits, 1):
        where = " · ".join(x for x in (hit.date, hit.publisher) if x)
        print(f"{rank}. {hit.speaker.name or '(unnamed)'} ({hit.kind}) — {hit.article_id}#{hit.n}  {where}")
        print(f"   {one_line(hit.snippet)}")
    print(f"{PROG}: {_plural(len(hits), 'hit')}", file=sys.stderr)
    return 0


def add_speakers(commands: Any) -> None:
    cmd = _command(
        commands,
        "speakers",
        "who is quoted most, by kind and by publisher",
        "List the speakers quoted most across the store, with counts by kind and publisher.",
        "examples:\n  onrecord speakers --top 10\n  onrecord speakers --publisher nyt --json\n",
        _store_command(run_speakers),
    )
    cmd.add_argument("--top", type=_positive, default=20, metavar="N", help="how many (default: 20)")
    cmd.add_argument("--publisher", metavar="P", help="count only articles of this publisher")
    _add_json(cmd)


def run_speakers(args: argparse.Namespace, store: Any) -> int:
    summaries = store.speakers(args.top, publisher=args.publisher)
    if args.json:
        _print_json(summaries)
        return 0
    _utf8(sys.stdout)
    print(f"{'#':>3}  {'speaker':<28} {'total':>6} {'direct':>6} {'mixed':>6} {'indir.':>6}  publishers")
    for rank, s in enumerate(summaries, 1):
        publishers = ", ".join(f"{p} {c}" for p, c in list(s.by_publisher.items())[:4])
        print(
            f"{rank:>3}  {shorten(s.speaker.name or '?', 28):<28} {s.count:>6} {s.by_kind['direct']:>6} "
            f"{s.by_kind['mixed']:>6} {s.by_kind['indirect']:>6}  {publishers}"
        )
    return 0


VERIFY_EPILOG = """\
examples:
  onrecord verify "China highly values its ties with Russia"
  onrecord verify "we will ... make America great" --json

The quotation may be trimmed, cut with an ellipsis (... or …) or have a word or two
changed: the answer gives each matching quotation with how it matched, its first
appearance (earliest date, then first ingested), every appearance, its variants and the
speakers it was attributed to. Exit status 1 when nothing matches.
"""


def add_verify(commands: Any) -> None:
    cmd = _command(
        commands,
        "verify",
        "does this quotation appear, where first, and attributed to whom",
        "Look a quotation up in the store, fuzzily.",
        VERIFY_EPILOG,
        _store_command(run_verify),
    )
    cmd.add_argument("quotation", metavar="QUOTATION", help="the words of the quotation")
    cmd.add_argument("--limit", type=_positive, default=5, metavar="N", help="at most N matches (default: 5)")
    _add_json(cmd)


def run_verify(args: argparse.Namespace, store: Any) -> int:
    matches = store.verify(args.quotation, limit=args.limit)
    if args.json:
        _print_json(matches)
        return 0 if matches else 1
    _utf8(sys.stdout)
    if not matches:
        print("not found: no stored quotation matches")
        return 1
    for m in matches:
        first = m.first
        how = {"exact": "verbatim", "contained": "found (trimmed)"}.get(
            m.match, f"similar ({m.similarity:.2f})"
        )
        print(f"{how}: {_plural(len(m.appearances), 'appearance')}, cluster {m.cluster_id}")
        when = " · ".join(x for x in (first.date, first.publisher) if x) or "undated"
        print(f"  first: {first.article_id} ({when}), attributed to {first.speaker.name or '(unnamed)'}")
        print(f"    “{shorten(one_line(first.quotation), 200)}”")
        if len(m.variants) > 1:
            print("  variants:")
            for v in m.variants:
                print(f"    {v['count']}× “{shorten(one_line(v['text']), 160)}”")
        print(
            "  attributed to: " + ", ".join(f"{s['name'] or '(unnamed)'} ({s['count']})" for s in m.speakers)
        )
        if len(m.appearances) > 1:
            print("  appearances: " + ", ".join(a.article_id for a in m.appearances[:20]))
    return 0


def add_export(commands: Any) -> None:
    cmd = _command(
        commands,
        "export",
        "write the store out as JSON lines, CSV or Parquet",
        "Export every stored article and attribution.",
        "examples:\n  onrecord export > quotes.jsonl\n  onrecord export --format csv -o quotes.csv\n"
        "  onrecord export --format parquet -o quotes.parquet\n\n"
        "jsonl: one FORMAT.md output record per article (metadata, attributions with the\n"
        "store's speaker ids), ordered by article id; csv and parquet: one row per attribution.\n",
        _store_command(run_export),
    )
    cmd.add_argument("-f", "--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    cmd.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")


def run_export(args: argparse.Namespace, store: Any) -> int:
    import csv
    import json

    from .io import table

    if args.format == "parquet" and not args.output:
        return _fail("--format parquet writes a file: give it with -o OUT")
    try:
        if args.format == "parquet":
            count = _export_parquet(store, args.output)
        else:
            stream = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
            _utf8(stream)
            try:
                count = 0
                if args.format == "jsonl":
                    for record in store.export_records():
                        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                        count += 1
                else:
                    writer = csv.DictWriter(stream, fieldnames=table.COLUMNS, lineterminator="\n")
                    writer.writeheader()
                    for row in store.export_rows():
                        writer.writerow(row)
                        count += 1
            finally:
                if args.output:
                    stream.close()
    except OSError as err:
        return _fail(f"cannot write to {args.output}: {err.strerror or err}")
    unit = "article" if args.format == "jsonl" else "attribution"
    print(f"{PROG}: exported {_plural(count, unit)}", file=sys.stderr)
    return 0


def _export_parquet(store: Any, output: str) -> int:
    """The store as one Parquet file, one row per attribution (``io.table``)."""
    from .io import table

    return table.write_parquet(
        output,
        (
            table.rows(record, text, quoted, full=True, date=day)
            for record, text, quoted, day in store.export_articles()
        ),
    )


# -- onrecord serve ----------------------------------------------------------------------------
SERVE_EPILOG = """\
examples:
  onrecord serve --db build/examples.db
  onrecord serve --db quotes.db --host 0.0.0.0 --port 8080 --token "$(openssl rand -hex 16)"
  ONRECORD_TOKEN=change-me onrecord serve --db postgresql://onrecord@127.0.0.1/quotes

Then open http://127.0.0.1:8000/ (the address is printed): the overview, Analyse (paste
an article or upload a .txt or .html file and see every attribution highlighted),
Search, Speakers, Articles and Verify. Every page has a JSON twin: add .json to its path
(/search.json?q=Ukraine). The REST API is under /api, described at /openapi.json and
browsable at /docs.

The server is read-only unless it has a token (--token, or $ONRECORD_TOKEN): then
POST /api/articles with 'Authorization: Bearer TOKEN', and saving from the Analyse page
with the token in its form, write to the store. A missing SQLite store is created empty.
The model loads on the first analysis, so the server starts at once.
"""


def add_serve(commands: Any) -> None:
    cmd = _command(
        commands,
        "serve",
        "run the web app and the REST API over the store",
        "Serve the web pages (analyse, search, speakers, quotations, articles), their JSON\n"
        "twins and the REST API over the store.",
        SERVE_EPILOG,
        run_serve,
    )
    cmd.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    cmd.add_argument("--port", type=_port, default=8000, help="the port to listen on (default: 8000)")
    cmd.add_argument(
        "--token",
        default=os.environ.get("ONRECORD_TOKEN") or None,
        metavar="T",
        help="the token that writes need (default: $ONRECORD_TOKEN; none: the server is read-only)",
    )
    cmd.add_argument(
        "--max-upload",
        type=_positive,
        default=5_000_000,
        metavar="BYTES",
        help="refuse uploads and request bodies larger than this (default: 5,000,000)",
    )
    _add_model(cmd)


def run_serve(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run the web app with uvicorn. Example: ``onrecord serve --db quotes.db``"""
    import uvicorn

    from .web import create_app
    from .web.analysis import default_extractor

    try:
        app = create_app(
            args.db,
            token=args.token,
            max_upload=args.max_upload,
            extractor_factory=default_extractor(args.model),
        )
    except OnrecordError as err:
        return _fail(str(err))
    host = f"[{args.host}]" if ":" in args.host else args.host
    writes = "writes need the token" if args.token else "read-only (no --token)"
    address = f"http://{host}:{args.port}/"
    print(f"{PROG}: serving {args.db} at {address} ({writes}); Ctrl-C stops", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _port(value: str) -> int:
    number = _count(value)
    if number > 65535:
        raise argparse.ArgumentTypeError(f"not a port number: {number}")
    return number


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
    _add_participle_source(cmd)
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
                        attributions = list(record.get("attributions") or [])
                        bad = next((why for a in attributions if (why := _bad_spans(a))), None)
                        if bad:
                            return _fail(f"{args.pred}:{number}: not a prediction record ({bad})")
                        if args.participle_source == "subject":
                            attributions = [_subject_as_source(a) for a in attributions]
                        predicted[str(record["id"])] = attributions
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
                    result = _as_configured(result, args)
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


def _extraction(workers: int, max_chars: int, model: str) -> Extract:
    """The ``Extract`` of a command: in worker processes when ``workers`` > 1, else here.
    (On a Dask cluster, ``cluster.extract_files_on_dask`` reads and extracts.)"""
    if workers > 1:
        return _extract_in_processes(workers, max_chars, model)
    return _extract_in_process(max_chars, model)


def _extract_in_process(max_chars: int, model: str, every: int = ARTICLES_PER_MODEL) -> Extract:
    """An ``Extract`` in this process, with a new Extractor every ``every`` articles (see
    ``ARTICLES_PER_MODEL``); the first one is made now, so a model that will not load fails
    before any input is read."""
    loaded = [new_extractor(max_chars, model)]

    def extract(articles: Iterable[Article]) -> Iterator[Result]:
        remaining = iter(articles)
        for head in remaining:  # streams: no article is held back for the next model
            if not loaded:  # the previous one is gone before the next one loads
                gc.collect()
                loaded.append(new_extractor(max_chars, model))
            yield from loaded[0].pipe(itertools.chain([head], itertools.islice(remaining, every - 1)))
            loaded.clear()

    return extract


def _extract_in_processes(workers: int, max_chars: int, model: str) -> Extract:
    """An ``Extract`` that spreads batches over ``workers`` processes, each loading its own
    Extractor once; results come back in input order, with at most two batches per worker
    in flight, so a huge input streams in bounded memory.

    A worker that dies (killed for memory, a crash in a native library) takes its pool with
    it: the pool is started again, and the batch it was on is retried alone, then article
    by article, so only the article that kills a worker fails."""

    def extract(articles: Iterable[Article]) -> Iterator[Result]:
        pool = _Pool(workers, max_chars, model)
        try:
            in_flight: deque[tuple[list[Article], Future[list[Result]]]] = deque()
            for batch in _batches(articles, WORKER_BATCH):
                in_flight.append((batch, pool.submit(batch)))
                if len(in_flight) >= 2 * workers:
                    yield from pool.results(*in_flight.popleft(), in_flight)
            while in_flight:
                yield from pool.results(*in_flight.popleft(), in_flight)
        finally:
            pool.shutdown()

    return extract


class _Pool:
    """Worker processes for ``_extract_in_processes``, restarted when one dies."""

    def __init__(self, workers: int, max_chars: int, model: str) -> None:
        self.workers, self.max_chars, self.model = workers, max_chars, model
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            max_tasks_per_child=max(1, ARTICLES_PER_MODEL // WORKER_BATCH),
        )

    def submit(self, batch: list[Article]) -> Future[list[Result]]:
        """The batch sent to a worker; when the pool broke since the last result was read,
        a future that fails as the dead pool's would, so that ``results`` restarts it."""
        try:
            return self.executor.submit(_extract_batch, batch, self.max_chars, self.model)
        except BrokenProcessPool as err:
            failed: Future[list[Result]] = Future()
            failed.set_exception(err)
            return failed

    def results(
        self,
        batch: list[Article],
        future: Future[list[Result]],
        waiting: deque[tuple[list[Article], Future[list[Result]]]],
    ) -> list[Result]:
        try:
            return future.result()
        except BrokenProcessPool:
            pass
        self.restart(waiting)
        try:
            return self.submit(batch).result()
        except BrokenProcessPool:
            self.restart(waiting)
        out = []
        for article in batch:
            try:
                out.extend(self.submit([article]).result())
            except BrokenProcessPool:
                self.restart(waiting)
                reason = "the worker process died while extracting this article (out of memory?)"
                out.append(Result(article=article, error=reason))
        return out

    def restart(self, waiting: deque[tuple[list[Article], Future[list[Result]]]]) -> None:
        """A new pool; the batches that were waiting on the dead one are sent to it."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()
        for i, (batch, _) in enumerate(waiting):
            waiting[i] = (batch, self.submit(batch))

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


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
