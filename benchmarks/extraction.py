"""How much of the article does medialens keep from a whole web page, and how much page around it?

Scores ../shared/extraction (90 news and blog pages with the article body its annotators marked;
see its README) with the benchmark's metric: tokens are \\w+ runs, each text the multiset of its
4-token shingles; per page precision = shared / kept, recall = shared / true (a page with
neither counts 1); precision and recall averaged over pages, F1 of the two averages.

Rows: the page text with nothing removed; the page text cleaned by medialens (clean_text, as
`medialens tag` cleans a .txt file); the saved HTML through medialens (corpus.load_corpus on the
.html file: trafilatura, then cleaning); and, for comparison, jusText and trafilatura run on the
page text (one paragraph a line), which medialens does not use (see medialens/pagetext.py).

    .venv/bin/python benchmarks/extraction.py [FOLDER]      # default ../shared/extraction
"""
from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from medialens.clean import clean_text  # noqa: E402
from medialens.corpus import load_corpus  # noqa: E402

# ../shared beside the repository; a git worktree sits one folder deeper (wt/NAME).
DEFAULT = next((p for p in (ROOT.parent / "shared" / "extraction",
                            ROOT.parent.parent / "shared" / "extraction") if p.is_dir()),
               ROOT.parent / "shared" / "extraction")
TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def shingles(text: str) -> Counter:
    words = tokens(text)
    return Counter(tuple(words[i:i + 4]) for i in range(len(words) - 3))


def page_score(predicted: str, true: str) -> tuple[float, float]:
    kept, truth = shingles(predicted), shingles(true)
    if not kept and not truth:
        return 1.0, 1.0
    shared = sum((kept & truth).values())
    return (shared / sum(kept.values()) if kept else 0.0,
            shared / sum(truth.values()) if truth else 0.0)


def score_pages(predicted: dict[str, str], truth: dict[str, str]) -> pd.Series:
    """precision, recall (averaged over pages) and F1 of the two averages."""
    scores = pd.DataFrame([page_score(predicted[name], truth[name]) for name in truth],
                          columns=["precision", "recall"]).mean()
    p, r = scores["precision"], scores["recall"]
    return pd.Series({"precision": p, "recall": r, "F1": 2 * p * r / (p + r) if p + r else 0.0})


def load_pages(folder: Path) -> dict[str, tuple[str, str]]:
    """{name: (page text, true article body)}."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return {name: ((folder / "text" / f"{name}.txt").read_text(encoding="utf-8"), item["articleBody"])
            for name, item in sorted(truth.items())}


def as_paragraphs(text: str) -> str:
    """The page text as HTML, one <p> a line, for extractors that read HTML."""
    return "<html><body>%s</body></html>" % "".join(
        f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())


def justext_text(text: str) -> str:
    import justext

    paragraphs = justext.justext(as_paragraphs(text).encode(), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def trafilatura_text(text: str) -> str:
    import trafilatura

    return trafilatura.extract(as_paragraphs(text)) or ""


def html_text(folder: Path, name: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder / "html" / f"{name}.html").text.iloc[0]


def main(argv=None) -> pd.DataFrame:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=DEFAULT, type=Path)
    folder = parser.parse_args(argv).folder
    pages = load_pages(folder)
    truth = {name: body for name, (_, body) in pages.items()}
    clean_text(pages[next(iter(pages))][0])  # loads the model and the stop words once
    started, cpu = time.perf_counter(), time.process_time()
    cleaned = {name: clean_text(text).text for name, (text, _) in pages.items()}
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    rows = {
        "page text, nothing removed": {name: text for name, (text, _) in pages.items()},
        "page text cleaned by medialens": cleaned,
        "HTML through trafilatura (medialens)": {name: html_text(folder, name) for name in pages},
        "page text through jusText (not used)": {n: justext_text(t) for n, (t, _) in pages.items()},
        "page text through trafilatura (not used)": {n: trafilatura_text(t) for n, (t, _) in pages.items()},
    }
    table = pd.DataFrame({label: score_pages(predicted, truth) for label, predicted in rows.items()}).T
    table.index.name = "input"
    print(f"{len(pages)} pages in {folder}")
    print("| input | precision | recall | F1 |\n|---|---:|---:|---:|")
    for label, row in table.iterrows():
        print(f"| {label} | {row.precision:.3f} | {row.recall:.3f} | {row.F1:.3f} |")
    size = sum(len(text) for text, _ in pages.values()) / 1e6
    print(f"cleaning the page text ({size:.1f} MB): {seconds:.2f} s for {len(pages)} pages, "
          f"{1000 * seconds / len(pages):.1f} ms a page ({1000 * cpu / len(pages):.1f} ms of CPU)")
    return table


if __name__ == "__main__":
    main()
