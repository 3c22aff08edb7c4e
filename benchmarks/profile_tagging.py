"""Where tagging's time goes, in one process: start-up, the CPU seconds of each stage, and a
cProfile of tagging and of cleaning by module and by function. It writes benchmarks/profile.txt,
the profile committed beside the benchmark that the next speed change is compared with:

    .venv/bin/python benchmarks/profile_tagging.py                 # 200 articles: 40 copies of seeds/
    .venv/bin/python benchmarks/profile_tagging.py --copies 200 --callgrind 40 --out /tmp/p.txt
    .venv/bin/python benchmarks/profile_tagging.py --startup       # start-up only (CPU s)

Times are CPU seconds of this process (time.process_time), which other work on a shared machine
moves less than wall time; cProfile slows the functions it counts, so read its shares, not its
seconds. --callgrind N counts the instructions of the whole `medialens tag` process on N copies
of seeds/ under valgrind, a number that load does not move (slow: about 10 minutes for 40).
Words are whitespace-separated words of the cleaned texts.
"""
from __future__ import annotations

import argparse
import collections
import cProfile
import io
import json
import pstats
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PYTHON = sys.executable
# spaCy is imported by the first Pipeline(), not with medialens.tagging: timed on its own, as
# its import (half a second) is no cost of building the taggers that this package could cut.
STARTUP = """
import json, time
c = time.process_time()
from medialens import tagging
imported = time.process_time() - c
c = time.process_time()
import spacy
spacy_import = time.process_time() - c
c = time.process_time()
tagging.Pipeline()
print(json.dumps({"import": imported, "spacy": spacy_import, "build": time.process_time() - c}))
"""


def seed_copies(copies: int) -> Path:
    """A folder of `copies` copies of every article of seeds/ (made once in benchmarks/out/)."""
    folder = OUT / f"seed-copies-{copies}"
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    if len(list(folder.glob("*.txt"))) != copies * len(seeds):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for copy in range(copies):
            for seed in seeds:
                shutil.copyfile(seed, folder / f"{copy:05d}_{seed.name}")
    return folder


def startup(runs: int = 5) -> dict[str, float]:
    """The least CPU seconds of importing medialens.tagging, then spaCy, then building the
    Pipeline, each in a fresh process. Python compiles a module's source on every import when
    bytecode may not be written (PYTHONDONTWRITEBYTECODE), which installed packages never do:
    run it without that variable to measure what a user's second run costs."""
    found = [json.loads(subprocess.run([PYTHON, "-c", STARTUP], check=True, capture_output=True,
                                       text=True).stdout) for _ in range(runs)]
    return {key: min(f[key] for f in found) for key in found[0]}


def stage_seconds(pipeline, documents: list[dict]) -> dict[str, float]:
    """CPU seconds of each stage of Pipeline.tag_batch, run stage by stage over `documents`."""
    from medialens.context import DocContext
    from medialens.sentences import sentence_rows
    from medialens.tagging import DOCUMENT_TABLE_COLUMNS, frames_from_rows, score_tables

    seconds: collections.Counter = collections.Counter()
    clock = time.process_time()
    docs = list(pipeline.nlp.pipe([document["text"] for document in documents]))
    seconds["tokenizer and sentence marks"] += time.process_time() - clock
    rows = collections.defaultdict(list)
    for document, doc in zip(documents, docs):
        clock = time.process_time()
        ctx = DocContext.build(doc, document["doc_id"], sentence_rows(doc, document["doc_id"]))
        seconds["sentence rows and context"] += time.process_time() - clock
        for stage, tagger in pipeline.taggers:
            clock = time.process_time()
            ctx.found.update(tagger.tag(ctx))
            seconds[f"tagger: {stage}"] += time.process_time() - clock
        for table, found in ctx.found.items():
            rows[table].extend(found)
        rows["documents"].append({**{c: document.get(c, "") for c in DOCUMENT_TABLE_COLUMNS},
                                  "n_sentences": len(ctx.sentences)})
    clock = time.process_time()
    score_tables(frames_from_rows(rows))
    seconds["tables and scores"] += time.process_time() - clock
    return dict(seconds)


def by_module(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Share of the profiled time spent in each module's own code (tottime)."""
    shares: collections.Counter = collections.Counter()
    for (file, _, function), (_, _, own, _, _) in stats.stats.items():
        if "medialens/" in file:
            module = "medialens/" + file.split("medialens/")[-1]
        elif file.endswith((".pyx", ".pxd")):
            module = "spaCy (Cython): " + file.split("/")[-1]
        elif "site-packages/" in file:
            module = file.split("site-packages/")[-1].split("/")[0]
        elif file == "~":
            module = "built-in: " + re.sub(r" of .*|<|>", "", function)
        else:
            module = "Python: " + file.split("/")[-1]
        shares[module] += own
    total = sum(shares.values())
    return [(module, own / total) for module, own in shares.most_common()]


def top_functions(profiler: cProfile.Profile, count: int) -> str:
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(count)
    lines = text.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("ncalls"))
    return "\n".join(line.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "")
                     for line in lines[start:] if line.strip())


def callgrind(copies: int) -> int:
    """Instructions of `medialens tag` on `copies` copies of seeds/ (valgrind): the CLI's process
    and the worker process it spawns (--jobs 1), which does the tagging."""
    folder, out = seed_copies(copies), OUT / "callgrind"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    result = subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes",
                             f"--callgrind-out-file={out / 'callgrind.out.%p'}",
                             PYTHON, "-m", "medialens", "tag", str(folder), "--out", str(out / "tables"),
                             "--format", "parquet"], capture_output=True, text=True, check=True)
    return sum(int(count) for count in re.findall(r"Collected : (\d+)", result.stderr))


def profile(copies: int, functions: int, instructions: int | None) -> str:
    from medialens import tagging
    from medialens.reading import iter_raw_documents

    folder = seed_copies(copies)
    start = startup()
    pipeline = tagging.Pipeline()
    articles = list(iter_raw_documents(folder))
    # The first article pays once for compiling the rules, loading the line classifier and
    # dateparser: a cost of the process, like start-up, kept out of the per-article stage.
    clock = time.process_time()
    tagging.clean_articles(articles[:1], tagging.boilerplate_rules(None))
    start["clean first article"] = time.process_time() - clock
    clock = time.process_time()
    documents, _ = tagging.clean_articles(articles, tagging.boilerplate_rules(None))
    cleaning = time.process_time() - clock
    words = sum(len(d["text"].split()) for d in documents)
    pipeline.tag_batch(documents[:10])  # warm the caches a long run has warm
    seconds = {"cleaning (clean_articles)": cleaning, **stage_seconds(pipeline, documents)}
    profiler = cProfile.Profile(time.process_time)
    profiler.runcall(pipeline.tag_batch, documents)
    stats = pstats.Stats(profiler)
    total = sum(seconds.values())
    lines = [f"# Profile of tagging {len(documents)} articles ({words:,} words: {copies} copies of seeds/)", "",
             f"Command: python benchmarks/profile_tagging.py --copies {copies}"
             + (f" --callgrind {instructions[0]}" if instructions else ""), "",
             f"Start-up (CPU s, least of 5 fresh processes{', sources compiled on each import' if sys.dont_write_bytecode else ''}): "
             f"import medialens.tagging {start['import']:.2f}, import spaCy {start['spacy']:.2f}, "
             f"Pipeline() (every tagger built) {start['build']:.2f}, cleaning's first article (rules compiled, "
             f"classifier loaded) {start['clean first article']:.2f}", "",
             "## CPU seconds per stage (unprofiled)", ""]
    lines += [f"{stage:32} {s:6.2f}  {s / total:6.1%}" for stage, s in seconds.items()]
    lines += [f"{'total':32} {total:6.2f}  {words / total:,.0f} words/s", ""]
    if instructions:
        lines += [f"Instructions of `medialens tag` on {instructions[0]} copies of seeds/ (callgrind): "
                  f"{instructions[1]:,}", ""]
    lines += ["## Share of tag_batch's profiled time by module (own time)", ""]
    lines += [f"{share:6.1%}  {module}" for module, share in by_module(stats) if share >= 0.005]
    lines += ["", f"## Top {functions} functions by own time (cProfile, CPU clock)", "", top_functions(profiler, functions)]
    return "\n".join(lines + cleaning_profile(articles, functions)) + "\n"


def cleaning_profile(articles: list[dict], functions: int) -> list[str]:
    """Lines of profile.txt on cleaning: clean_articles' profiled time by module and function."""
    from medialens import tagging

    profiler = cProfile.Profile(time.process_time)
    profiler.runcall(tagging.clean_articles, articles, tagging.boilerplate_rules(None))
    lines = ["", "## Share of clean_articles' profiled time by module (own time)", ""]
    lines += [f"{share:6.1%}  {module}" for module, share in by_module(pstats.Stats(profiler)) if share >= 0.005]
    return lines + ["", f"## Top {functions} functions of cleaning by own time", "", top_functions(profiler, functions)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=40, help="copies of seeds/ to tag (default 40: 200 articles)")
    parser.add_argument("--functions", type=int, default=30, help="functions to list (default 30)")
    parser.add_argument("--callgrind", type=int, metavar="N", help="also count instructions on N copies")
    parser.add_argument("--out", type=Path, default=HERE / "profile.txt", help="file to (re)write")
    parser.add_argument("--startup", action="store_true", help="only print the start-up seconds")
    args = parser.parse_args(argv)
    if args.startup:
        print(json.dumps({key: round(seconds, 3) for key, seconds in startup().items()}))
        return 0
    instructions = (args.callgrind, callgrind(args.callgrind)) if args.callgrind else None
    text = profile(args.copies, args.functions, instructions)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
