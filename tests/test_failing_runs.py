"""An article that kills its worker, exits, or never ends costs that article, in every engine.

tests/analysis_that_dies.py fails hard on three articles of six (a SIGKILL of its own process,
sys.exit, an endless loop); each engine must tag the other three and list those three in
errors.csv, with the same rows."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

import medialens as ml

from conftest import ARTICLES

TESTS = Path(__file__).resolve().parent
ARTICLES_OF_MINE = {
    "b_vanish.txt": "Ferry line to vanish from timetable\nThe island ferry will vanish from the "
                    "winter timetable, the operator said on Tuesday.\n",
    "c_resign.txt": "Mayor to resign\nThe mayor said she would resign at the end of the month, "
                    "citing her health.\n",
    "d_forever.txt": "A strike that could last forever\nUnion leaders said the strike could last "
                     "forever unless the port authority moved.\n",
}
GOOD = ["figures_health", "frames_moral", "sources_wire"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dying") / "corpus"
    folder.mkdir()
    for name in GOOD:
        (folder / f"{name}.txt").write_bytes((ARTICLES / f"{name}.txt").read_bytes())
    for name, text in ARTICLES_OF_MINE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("options", [[], ["--jobs", "2"], ["--engine", "dask"]])
def test_an_article_that_kills_exits_or_hangs_costs_only_itself(tmp_path, corpus, options):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "medialens", "tag", str(corpus), "--out", str(out),
                             "--analysis", "analysis_that_dies", "--time-limit", "5", "--batch-size", "3",
                             *options], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stderr.strip().splitlines()[-1] == (
        f"tagged 3 documents -> {out}; 3 articles failed and left out (see {out / 'errors.csv'})")
    assert "Traceback" not in result.stderr
    tables = ml.read_tables(out)
    assert tables["documents"].doc_id.tolist() == GOOD
    assert tables["pulse"].doc_id.tolist() == GOOD
    errors = tables["errors"]
    assert errors[["doc_id", "stage", "error_type"]].values.tolist() == [
        ["b_vanish", "worker", "WorkerDied"], ["c_resign", "analysis_that_dies", "SystemExit"],
        ["d_forever", "analysis_that_dies", "ArticleTimeout"]]
    assert errors.message.tolist()[0] == ("the worker process tagging this article died (it exited, "
                                          "was killed, or ran out of memory)")
    assert errors.message.tolist()[1].startswith("it called sys.exit(3) (at analysis_that_dies.py:")
    assert errors.message.tolist()[2] == ("tagging this article took longer than 5 s, the time limit "
                                          "per article (--time-limit)")


def test_the_time_limit_takes_seconds_or_zero():
    result = subprocess.run([sys.executable, "-m", "medialens", "tag", "x", "--out", "y",
                             "--time-limit", "soon"], capture_output=True, text=True)
    assert result.returncode == 2 and "expected a number of seconds (0 for no limit)" in result.stderr


@pytest.mark.parametrize("limit", ["inf", "1e400", "1e12"])
def test_a_time_limit_too_long_for_the_clock_is_no_limit(tmp_path, limit):
    # It was a traceback (OverflowError: timestamp out of range for platform time_t).
    result = subprocess.run([sys.executable, "-m", "medialens", "tag", str(ARTICLES / "sources_wire.txt"),
                             "--out", str(tmp_path / "out"), "--time-limit", limit], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-1000:]
    assert result.stderr.strip().splitlines()[-1] == f"tagged 1 documents -> {tmp_path / 'out'}"
