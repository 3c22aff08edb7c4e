import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import medialens as ml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPORA = Path(__file__).resolve().parent / "corpora"
ARTICLES = Path(__file__).resolve().parent / "articles"


@pytest.fixture(scope="session")
def seed_documents():
    return ml.load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_tables(seed_documents):
    return ml.tag_corpus(seed_documents)


def run_cli(*args):
    """`python -m medialens ARGS` as a user runs it: its exit code, stdout and stderr."""
    return subprocess.run([sys.executable, "-m", "medialens", *map(str, args)],
                          capture_output=True, text=True)


def assert_same_tables(expected: dict, actual: dict):
    assert sorted(expected) == sorted(actual)
    for name in expected:
        pd.testing.assert_frame_equal(expected[name], actual[name], obj=name)


def doc(documents, prefix: str):
    """The row of the document whose id starts with `prefix` (seed ids are NNN_hash)."""
    return documents[documents.doc_id.str.startswith(prefix)].iloc[0]


# A saved page whose title is a score line: cleaning removes the line yet keeps it as the title,
# which fails notebook 00's consistency check; it must cost only this article (an error row).
SCORE_LINE_PAGE = ("<html><head><title>3-1 (2-0)</title></head><body><article><h1>3-1 (2-0)</h1>"
                   "<p>The home side came from behind to win the cup tie on Saturday, the league said.</p>"
                   "<p>Their coach said the second half was the best the team had played all season.</p>"
                   "</article></body></html>")


@pytest.fixture(scope="session")
def reports(tmp_path_factory):
    """One `medialens run` over the seeds plus an article full of HTML and formulas, and a saved
    page that fails a consistency check."""
    corpus = tmp_path_factory.mktemp("corpus")
    for path in [*SEEDS.glob("*.txt"), *(CORPORA / "untrusted").glob("*.txt")]:
        shutil.copy(path, corpus)
    (corpus / "match_report.html").write_text(SCORE_LINE_PAGE, encoding="utf-8")
    out = tmp_path_factory.mktemp("run") / "reports"
    result = subprocess.run([sys.executable, "-m", "medialens", "run", str(corpus), "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    (out.parent / "stderr.txt").write_text(result.stderr, encoding="utf-8")  # what the run printed
    return out
