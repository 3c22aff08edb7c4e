"""The Dask engine gives the local engine's tables, row for row, on a LocalCluster of 2 workers.

Both engines write rows in corpus order (documents in the order the corpus lists them, each
document's rows in the order its taggers made them), so the tables are compared as they are,
without sorting."""
import sys

import pytest

import medialens as ml
from medialens.engines import dask_client, write_tagged

from conftest import ROOT, SEEDS, assert_same_tables, run_cli
from test_streaming import assert_failures_left_out, failing_corpus

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate_corpus  # noqa: E402

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    """One LocalCluster (2 worker processes, as in CI) shared by the tests of this module."""
    with dask_client(workers=2) as client:
        yield client.scheduler.address


@pytest.fixture(scope="module")
def generated_corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("generated") / "corpus.jsonl"
    generate_corpus.write_corpus(generate_corpus.iter_articles(40, None, seed=3), path)
    return path


def both_engines(corpus, tmp_path, scheduler, **options):
    write_tagged(corpus, tmp_path / "local", **options)
    write_tagged(corpus, tmp_path / "dask", engine="dask", scheduler=scheduler, **options)
    return ml.read_tables(tmp_path / "local"), ml.read_tables(tmp_path / "dask")



@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_dask_equals_local_on_the_seeds(tmp_path, scheduler, fmt):
    local, dask = both_engines(SEEDS, tmp_path, scheduler, fmt=fmt, batch_size=2)
    assert_same_tables(local, dask)
    assert dask["documents"].doc_id.tolist() == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert len(dask["sentences"]) > 100


def test_dask_equals_local_on_a_generated_corpus(tmp_path, scheduler, generated_corpus):
    local, dask = both_engines(generated_corpus, tmp_path, scheduler, fmt="parquet", batch_size=7)
    assert_same_tables(local, dask)
    assert len(dask["documents"]) == 40
    assert len(list((tmp_path / "dask" / "documents").glob("part-*.parquet"))) == 6


def test_dask_partitions_do_not_change_the_tables(tmp_path, scheduler, generated_corpus):
    write_tagged(generated_corpus, tmp_path / "one", engine="dask", scheduler=scheduler,
                 batch_size=40)
    write_tagged(generated_corpus, tmp_path / "many", engine="dask", scheduler=scheduler,
                 fmt="parquet", batch_size=3)
    assert_same_tables(ml.read_tables(tmp_path / "one"), ml.read_tables(tmp_path / "many"))


def test_a_failing_article_is_left_out_and_recorded_on_dask(tmp_path, scheduler):
    options = {"engine": "dask", "scheduler": scheduler, "batch_size": 2,
               "analyses": ("analysis_that_fails",)}
    corpus = failing_corpus(tmp_path / "corpus")
    assert write_tagged(corpus, tmp_path / "with", **options) == (4, 2)
    write_tagged(failing_corpus(tmp_path / "good", with_failures=False), tmp_path / "without", **options)
    assert_failures_left_out(ml.read_tables(tmp_path / "with"), ml.read_tables(tmp_path / "without"))


def test_a_worker_error_reaches_the_caller_as_one_line(tmp_path, scheduler):
    # A lexicon that cannot be used fails the whole run, not one article: found in the worker.
    hedges = tmp_path / "hedges.jsonl"
    hedges.write_text('{"label": "HEDGE", "pattern": "may", "id": "hedge-may"}\n', encoding="utf-8")
    with pytest.raises(ml.MedialensError, match="hedges.jsonl pattern 1: not a spaCy token pattern"):
        write_tagged(SEEDS, tmp_path / "out", engine="dask", scheduler=scheduler, batch_size=1,
                     lexicons={"hedges": str(hedges)})


def test_cli_starts_its_own_local_cluster(tmp_path):
    out = tmp_path / "tables"
    result = run_cli("tag", SEEDS, "--out", out, "--engine", "dask", "--format", "parquet",
                     "--batch-size", "2")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"tagged 5 documents -> {out}"
    write_tagged(SEEDS, tmp_path / "local")
    assert_same_tables(ml.read_tables(tmp_path / "local"), ml.read_tables(out))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["local", "tables"]


@pytest.mark.parametrize("args, message", [
    (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"], "cannot reach the Dask scheduler"),
    (["--engine", "dask", "--scheduler", "not a url"], "not a url: cannot reach the Dask scheduler"),
    (["--scheduler", "tcp://127.0.0.1:9"], "--scheduler: only goes with --engine dask"),
])
def test_cli_errors_are_one_line(tmp_path, args, message):
    result = run_cli("tag", SEEDS, "--out", tmp_path / "out", *args)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("medialens: error: ") and message in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_missing_corpus_fails_before_starting_a_cluster(tmp_path):
    result = run_cli("tag", tmp_path / "nowhere", "--out", tmp_path / "out", "--engine", "dask")
    assert result.returncode == 1
    assert result.stderr.strip() == f"medialens: error: {tmp_path / 'nowhere'}: no such file or folder"


def test_a_local_cluster_says_nothing_of_a_port_another_cluster_holds(tmp_path):
    """Another Dask cluster of the machine (its dashboard on 8787) is none of the run's business."""
    import socket

    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", 8787))
        holder.listen(1)
    except OSError:
        pass  # someone holds it already, which is the case this test is about
    try:
        result = run_cli("tag", SEEDS, "--out", tmp_path / "out", "--engine", "dask")
    finally:
        holder.close()
    assert result.returncode == 0, result.stderr
    assert "8787" not in result.stderr and "already in use" not in result.stderr


def test_the_local_cluster_workers_keep_no_profile(tmp_path, scheduler):
    # distributed's sampling profiler keeps a call tree per second for an hour: a worker grew by
    # 160 MB over the 100 MB benchmark corpus, and started 70 MB larger than without it.
    write_tagged(SEEDS, tmp_path / "out", engine="dask", scheduler=scheduler, batch_size=1)
    with distributed.Client(scheduler) as client:
        kept = client.run(lambda dask_worker: len(dask_worker.profile_history) + len(dask_worker.profile_keys))
    assert len(kept) == 2 and set(kept.values()) == {0}
