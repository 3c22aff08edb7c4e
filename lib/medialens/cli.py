"""The `medialens` command: `tag` writes the tables of a corpus, `run` executes the notebooks.

A user's mistake (a bad path, an empty file, a malformed table) is one line on stderr and exit
status 1, and no output folder is left behind. A signal stops the program: SIGTERM exits 143
and Ctrl-C (SIGINT) 130, with one line, the previous output as it was and the temporary folder
removed. An article that fails in reading, cleaning or tagging (its worker dying, its time
limit passing) does not stop the run: it goes to errors.csv, the last line says how many
failed, and the exit status is 0 (1 with --strict).
"""
from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path

from .config import NOTEBOOKS_DIR
from .errors import MedialensError, Stopped
from .stopping import handling_signals
from .timelimit import DEFAULT_SECONDS

# pyarrow (the memory of pandas' string columns) allocates with mimalloc by default, which keeps
# the pages of every freed batch: the C library's malloc gives them back, about 50 MB less per
# process of a run, for no loss of time. Read when pyarrow is first imported, so set before
# any import of pandas; worker processes inherit it. A value the user set is kept.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")


def _lexicon_overrides(pairs: list[str]) -> dict[str, str]:
    overrides = {}
    for pair in pairs:
        name, sep, path = pair.partition("=")
        if not sep or not name or not path:
            raise MedialensError(pair, "--lexicon takes NAME=FILE, e.g. hedges=my_hedges.jsonl")
        overrides[name] = path
    return overrides


def _at_least_one(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds (0 for no limit), not {value!r}")
    # "inf", or more than a year: no limit (the clocks that keep it overflow past a few decades).
    return 0.0 if seconds > 365 * 86400 else seconds


def _inputs(corpus, lexicons: dict[str, str], analyses: list[str] = ()) -> list[str]:
    """What a run reads and --out must not hold: the corpus, lexicon files, analysis modules."""
    import importlib.util

    modules = []
    for name in analyses:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue  # tagging names the module that cannot be imported
        if spec is not None and spec.origin and spec.origin not in ("built-in", "frozen"):
            modules.append(spec.origin)
    return [corpus, *lexicons.values(), *modules]


def _failures(n_failed: int, out, fmt: str = "csv") -> str:
    where = Path(out) / ("errors.csv" if fmt == "csv" else "errors")
    return f"{n_failed} article{'s' if n_failed != 1 else ''} failed and left out (see {where})"


def cmd_tag(args) -> None:
    from .analyses import absolute
    from .engines import write_tagged
    from .outputs import atomic_folder

    if args.scheduler and args.engine != "dask":
        raise MedialensError("--scheduler", "only goes with --engine dask")
    if args.scheduler and args.jobs:
        raise MedialensError("--jobs", "sets the workers of a LocalCluster; a cluster at "
                                       "--scheduler has its own workers")
    cores = os.cpu_count() or 1
    if args.jobs and args.jobs > 4 * cores:  # each loads its own lexicons and models, ~300 MB
        raise MedialensError("--jobs", f"{args.jobs} worker processes on this machine of {cores} "
                                       f"cores; at most {4 * cores}")
    lexicons = _lexicon_overrides(args.lexicon)
    jobs = args.jobs or (1 if args.engine == "local" else None)  # local: one worker process
    with atomic_folder(args.out, inputs=_inputs(args.corpus, lexicons, args.analysis)) as work:
        result = write_tagged(args.corpus, work, lexicons=lexicons, spacy_model=args.spacy_model,
                              fmt=args.format, batch_size=args.batch_size, jobs=jobs,
                              engine=args.engine, scheduler=args.scheduler,
                              analyses=absolute(args.analysis), seconds=args.time_limit or None)
    failures = _failures(result.failed, args.out, args.format)
    if result.failed and args.strict:
        raise MedialensError(args.out, f"{failures} (--strict)")
    print(f"tagged {result.documents} documents -> {args.out}"
          + (f"; {failures}" if result.failed else ""), file=sys.stderr)


def cmd_run(args) -> None:
    from .analyses import absolute
    from .report import run_notebooks

    # jsonschema (under nbformat, papermill and nbconvert) imports the optional rfc3987_syntax
    # when it is installed, which builds an Earley parser at import: 1 to 2 CPU s, a tenth of a
    # run on the seeds. It serves only the "iri" formats of JSON Schema draft 7 and later; the
    # notebook schema is draft 4, so this process goes without it.
    sys.modules.setdefault("rfc3987_syntax", None)
    run_notebooks(args.corpus, args.out, notebooks=args.notebooks,
                  lexicons=_lexicon_overrides(args.lexicon), strict=args.strict,
                  analyses=absolute(args.analysis))
    print(f"reports -> {Path(args.out) / 'index.html'}", file=sys.stderr)


ANALYSIS_HELP = ("add an analysis of your own (repeatable): an import path or a .py file of a module with "
                 "COLUMNS, READS, Tagger and score, as medialens.hedges has; its LEXICONS take --lexicon "
                 "like the built-in ones (example: docs/examples/quotes_per_article.py)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medialens", description="Compare how news articles report the same story.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    tag = commands.add_parser("tag", help="write documents, sentences, sources, hedges, figures, "
                                          "frames, actors and scores tables for a corpus",
                              description="Tag a corpus and write one table per kind of span.")
    tag.add_argument("corpus", help="folder of .txt/.md/.html files, one such file, or a "
                                    ".csv/.jsonl/.parquet table with a text column")
    tag.add_argument("--out", required=True, help="folder for the tables (replaced whole)")
    tag.add_argument("--format", choices=["csv", "parquet"], default="csv",
                     help="table format (parquet writes one part per batch)")
    tag.add_argument("--batch-size", type=_at_least_one, default=200, help="documents per batch")
    tag.add_argument("--engine", choices=["local", "dask"], default="local",
                     help="local processes, or a Dask cluster (same tables either way)")
    tag.add_argument("--jobs", type=_at_least_one, default=None,
                     help="local worker processes (default 1), or with --engine dask and no "
                          "--scheduler the LocalCluster's worker processes (default 2)")
    tag.add_argument("--time-limit", type=_seconds, default=DEFAULT_SECONDS, metavar="SECONDS",
                     help="per article, for its cleaning and for its tagging: past it the "
                          f"article is an error row (default {DEFAULT_SECONDS:g}; 0: no limit)")
    tag.add_argument("--scheduler", default=None, metavar="ADDRESS",
                     help="with --engine dask: the scheduler, e.g. tcp://scheduler-host:8786 "
                          "(default: start a LocalCluster here)")
    tag.add_argument("--spacy-model", default=None,
                     help="an installed trained spaCy pipeline whose entities sharpen sources")
    tag.add_argument("--lexicon", action="append", default=[], metavar="NAME=FILE",
                     help="replace a built-in lexicon (repeatable), e.g. hedges=my_hedges.jsonl")
    tag.add_argument("--analysis", action="append", default=[], metavar="MODULE", help=ANALYSIS_HELP)
    tag.add_argument("--strict", action="store_true",
                     help="exit with status 1 if any article failed (the tables, errors.csv "
                          "included, are written all the same)")
    tag.set_defaults(func=cmd_tag)

    run = commands.add_parser("run", help="execute every notebook on a corpus and write HTML reports",
                              description="Run the analysis notebooks with papermill; write the "
                                          "executed notebooks, HTML exports, tables and index.html.")
    run.add_argument("corpus", help="folder, file or table of articles (as for `tag`)")
    run.add_argument("--out", required=True, help="reports folder (replaced whole)")
    run.add_argument("--notebooks", default=str(NOTEBOOKS_DIR), help="folder of notebooks to run")
    run.add_argument("--lexicon", action="append", default=[], metavar="NAME=FILE",
                     help="replace a built-in lexicon (repeatable)")
    run.add_argument("--analysis", action="append", default=[], metavar="MODULE", help=ANALYSIS_HELP)
    run.add_argument("--strict", action="store_true",
                     help="stop with status 1, before the notebooks, if any article failed")
    run.set_defaults(func=cmd_run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    warnings.showwarning = lambda message, *rest, **kw: print(f"medialens: warning: {message}",
                                                              file=sys.stderr)
    try:
        with handling_signals():  # raised in the main thread, so open output folders are removed
            args.func(args)
    except MedialensError as error:
        print(f"medialens: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("medialens: interrupted; no output written", file=sys.stderr)
        return 130
    except Stopped:
        print("medialens: terminated; no output written", file=sys.stderr)
        return 143
    return 0


if __name__ == "__main__":
    sys.exit(main())
