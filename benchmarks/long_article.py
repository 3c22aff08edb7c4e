"""Time one long article at several lengths, stage by stage, to see whether tagging is linear.

The article is one paragraph without a newline (the worst case for a page saved as text): the
sentences of tests/articles/ and seeds/ joined by spaces and repeated to each length. Each stage
(cleaning, spaCy's tokenizer and sentence rules, each tagger) is timed on its own, in this
process, in CPU seconds (steady on a shared machine), after one warm-up run and with the
garbage collector set as `medialens tag` sets it (gc.freeze after the pipeline is built);
"per 100 KB" makes linearity visible (it stays flat when time grows linearly).
run_benchmarks.py adds this table to RESULTS.md.

    .venv/bin/python benchmarks/long_article.py                     # 125, 250, 500, 1000 KB
    .venv/bin/python benchmarks/long_article.py --kb 16 32 64 128   # a quick look
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "lib"))

from medialens.clean import clean_text  # noqa: E402
from medialens.context import DocContext  # noqa: E402
from medialens.sentences import sentence_rows  # noqa: E402
from medialens.tagging import Pipeline  # noqa: E402

DEFAULT_KB = [125, 250, 500, 1000]


def long_paragraph(n_bytes: int) -> str:
    """One line of about n_bytes (UTF-8) of news sentences, the same for every run."""
    lines = [line.strip() for folder in ("tests/articles", "seeds")
             for path in sorted((ROOT / folder).glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()
             if len(line.split()) >= 8 and line.strip()[-1:] in ".\"”'’"]
    parts, size = [], 0
    while size < n_bytes:
        for line in lines:
            parts.append(line)
            size += len(line.encode()) + 1
            if size >= n_bytes:
                break
    return " ".join(parts)


def time_stages(pipeline: Pipeline, text: str) -> dict[str, float]:
    """Seconds per stage for one article."""
    seconds = {}
    start = time.process_time()
    cleaned = clean_text(text).text
    seconds["clean"] = time.process_time() - start
    start = time.process_time()
    doc = pipeline.nlp(cleaned)
    ctx = DocContext.build(doc, "long", sentence_rows(doc, "long"))
    seconds["spaCy + sentences"] = time.process_time() - start
    for stage, tagger in pipeline.taggers:
        start = time.process_time()
        ctx.found.update(tagger.tag(ctx))
        seconds[stage] = time.process_time() - start
    seconds["total"] = sum(seconds.values())
    return seconds


def measure(kb: list[float]) -> list[tuple[float, dict[str, float]]]:
    pipeline = Pipeline()
    gc.freeze()  # as tagging.shared_pipeline does
    time_stages(pipeline, long_paragraph(20_000))  # warm-up: lexicons, caches
    rows = []
    for size in kb:
        rows.append((size, time_stages(pipeline, long_paragraph(int(size * 1000)))))
        print(f"{size:g} KB: {rows[-1][1]['total']:.1f} s", file=sys.stderr, flush=True)
    return rows


def table(rows: list[tuple[float, dict[str, float]]]) -> str:
    stages = list(rows[0][1])
    lines = ["| length | " + " | ".join(stages) + " |",
             "| ---: | " + " | ".join("---:" for _ in stages) + " |"]
    for size, seconds in rows:
        lines.append(f"| {size:g} KB | " + " | ".join(f"{seconds[s]:.2f}" for s in stages) + " |")
    lines += ["", "Seconds per 100 KB (flat when a stage is linear):", "",
              "| length | " + " | ".join(stages) + " |",
              "| ---: | " + " | ".join("---:" for _ in stages) + " |"]
    for size, seconds in rows:
        lines.append(f"| {size:g} KB | " + " | ".join(f"{100 * seconds[s] / size:.2f}" for s in stages) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=float, nargs="+", default=DEFAULT_KB,
                        help="article lengths in KB (default: 125 250 500 1000)")
    args = parser.parse_args(argv)
    print(table(measure(args.kb)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
