"""Where the time of one `medialens run` goes: start-up, tagging, notebooks, HTML, index.

    python benchmarks/run_split.py CORPUS --out OUT [--header]

Runs `medialens run CORPUS --out OUT` in this process (as the command does), with timers on
the tagging (`report.write_tagged`), each notebook's HTML export and index.html's parts. The
notebooks' own times are papermill's, read from the executed notebooks. With two kernels the
notebooks overlap each other and the HTML, so "notebooks" is the wall time from the first
notebook's start to the last one's end, and "summed" adds their own times. CPU is user + system
of this process and its children (the tagging worker, the kernels). One run per process, so that
start-up is a fresh command's: run it again for another row.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path

# module, function: report.write_tagged is the tagging, as report.py imported it
TIMED = {"tagging": ("report", "write_tagged"), "html": ("executed", "export_html"),
         "index": ("report", "index_opening")}
COLUMNS = ["start-up", "tagging", "notebooks", "notebooks summed", "html summed", "index", "total", "CPU"]


def timed(spent: dict, name: str, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent.setdefault(name, []).append((start, time.perf_counter()))
    return wrapper


def notebook_times(out: Path) -> tuple[float, float]:
    """(wall from the first start to the last end, summed durations) of the executed notebooks."""
    spans = []
    for path in sorted((out / "notebooks").glob("*.ipynb")):
        papermill = json.loads(path.read_text(encoding="utf-8"))["metadata"]["papermill"]
        spans.append((datetime.fromisoformat(papermill["start_time"]).timestamp(),
                      datetime.fromisoformat(papermill["end_time"]).timestamp(), papermill["duration"]))
    return max(end for _, end, _ in spans) - min(start for start, _, _ in spans), sum(d for *_, d in spans)


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def one_run(corpus: Path, out: Path) -> dict[str, float]:
    # Imported here, not at the top: the tagging worker re-imports this script (spawn) and
    # should start as the command's does.
    import importlib

    from medialens import cli

    shutil.rmtree(out, ignore_errors=True)
    spent: dict = {}
    modules = {name: importlib.import_module(f"medialens.{module}") for name, (module, _) in TIMED.items()}
    originals = {name: getattr(modules[name], attribute) for name, (_, attribute) in TIMED.items()}
    for name, (_, attribute) in TIMED.items():
        setattr(modules[name], attribute, timed(spent, name, originals[name]))
    cpu, start = cpu_seconds(), time.perf_counter()
    try:
        if cli.main(["run", str(corpus), "--out", str(out)]) != 0:
            raise SystemExit(f"medialens run {corpus} failed")
    finally:
        for name, (_, attribute) in TIMED.items():
            setattr(modules[name], attribute, originals[name])
    total = time.perf_counter() - start
    (tagging_start, tagging_end), = spent["tagging"]
    notebooks, summed = notebook_times(out)
    return {"start-up": tagging_start - start, "tagging": tagging_end - tagging_start,
            "notebooks": notebooks, "notebooks summed": summed,
            "html summed": sum(end - begin for begin, end in spent["html"]),
            "index": sum(end - begin for begin, end in spent["index"]),
            "total": total, "CPU": cpu_seconds() - cpu}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--header", action="store_true", help="print the table's header first")
    args = parser.parse_args(argv)
    if args.header:
        print("| corpus | " + " | ".join(COLUMNS) + " |")
        print("| --- |" + " ---: |" * len(COLUMNS))
    row = one_run(args.corpus, args.out)
    print(f"| {args.corpus.name} | " + " | ".join(f"{row[c]:.1f}" for c in COLUMNS) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
