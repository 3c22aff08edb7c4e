"""Output folders delete nothing of the user's; a signal stops the program and leaves the old output.

Only what medialens wrote (the manifest in its marker file) is ever replaced: a notebook's
output folder that held the user's files is never marked, a reports folder where the user saved
notes is refused, and a run killed with SIGKILL leaves a temporary folder the next run removes.
"""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import medialens as ml
from medialens.outputs import MARKER, claim_output, record_output

from conftest import ARTICLES, CORPORA, SEEDS, run_cli

FOLDER = CORPORA / "folder"


def one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_a_tag_run_lists_what_it_wrote(tmp_path):
    out = tmp_path / "out"
    assert run_cli("tag", FOLDER, "--out", out).returncode == 0
    manifest = json.loads((out / MARKER).read_text())
    assert "documents.csv" in manifest["files"] and "errors.csv" in manifest["files"]
    assert sorted(manifest["files"]) == sorted(p.relative_to(out).as_posix() for p in out.iterdir()
                                               if p.name != MARKER)


def test_notes_saved_in_an_output_folder_are_never_deleted(tmp_path):
    out = tmp_path / "out"
    assert run_cli("tag", FOLDER, "--out", out).returncode == 0
    (out / "my notes.txt").write_text("what I saw in the tables")
    line = one_line_error(run_cli("tag", FOLDER, "--out", out))
    assert line == (f"medialens: error: {out}: holds files medialens did not write (my notes.txt); "
                    "move them out or choose another --out")
    assert (out / "my notes.txt").read_text() == "what I saw in the tables"
    assert (out / "documents.csv").exists()  # the old output too, untouched
    (out / "my notes.txt").unlink()
    assert run_cli("tag", FOLDER, "--out", out).returncode == 0


@pytest.mark.parametrize("given", ["empty", "link"])
def test_an_empty_folder_given_as_out_is_used_and_nothing_is_left_beside_it(tmp_path, given):
    (tmp_path / "empty").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "empty")
    result = run_cli("tag", FOLDER, "--out", tmp_path / given)
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "link"]
    assert ml.read_tables(tmp_path / "empty")["documents"].doc_id.tolist() == ["doha"]


def test_a_folder_an_older_version_marked_without_a_list_is_refused(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / MARKER).touch()
    (out / "thesis.txt").write_text("chapter one")
    assert "older medialens" in one_line_error(run_cli("tag", FOLDER, "--out", out))
    assert (out / "thesis.txt").read_text() == "chapter one"


def test_a_notebook_never_marks_a_folder_that_held_other_files(tmp_path):
    thesis = tmp_path / "thesis"
    thesis.mkdir()
    (thesis / "thesis.txt").write_text("chapter one")
    namespace = {"corpus": str(FOLDER), "output": str(thesis), "tables": ""}
    tables = ml.tables_from_parameters(namespace)
    fig = __import__("matplotlib.pyplot").pyplot.figure()
    ml.save_figure(fig, tables["documents"][["doc_id", "n_words"]], thesis, "lengths")
    assert (thesis / "figures" / "lengths.png").exists() and not (thesis / MARKER).exists()
    line = one_line_error(run_cli("tag", FOLDER, "--out", thesis))
    assert "is not a medialens output folder" in line
    assert (thesis / "thesis.txt").read_text() == "chapter one"


def test_a_notebook_marks_a_new_folder_and_lists_its_files(tmp_path):
    output = tmp_path / "figures-out"
    namespace = {"corpus": str(FOLDER), "output": str(output), "tables": ""}
    tables = ml.tables_from_parameters(namespace)
    fig = __import__("matplotlib.pyplot").pyplot.figure()
    ml.save_figure(fig, tables["documents"][["doc_id", "n_words"]], output, "lengths")
    ml.write_csv(tables["documents"], output / "claims.csv")
    files = json.loads((output / MARKER).read_text())["files"]
    assert files == ["claims.csv", "figures/", "figures/lengths.csv", "figures/lengths.png"]
    (output / "notes.md").write_text("mine")
    assert "notes.md" in one_line_error(run_cli("tag", FOLDER, "--out", output))
    (output / "notes.md").unlink()
    assert run_cli("tag", FOLDER, "--out", output).returncode == 0
    assert not (output / "figures").exists() and (output / "documents.csv").exists()


def test_claim_and_record_leave_foreign_folders_alone(tmp_path):
    assert claim_output(tmp_path / "new") and (tmp_path / "new" / MARKER).exists()
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "a.txt").write_text("x")
    assert not claim_output(tmp_path / "busy")
    record_output(tmp_path / "busy", [tmp_path / "busy" / "a.txt"])
    assert not (tmp_path / "busy" / MARKER).exists()


def big_corpus(folder: Path, n: int = 200) -> Path:
    folder.mkdir()
    article = (ARTICLES / "streaming_port_strike.txt").read_text(encoding="utf-8")
    for number in range(n):
        (folder / f"a{number:03d}.txt").write_text(article, encoding="utf-8")
    return folder


def start_and_stop(command: list, tmp_path: Path, sig, ready: str, group: bool = False):
    """Start `medialens COMMAND`, wait until its temporary folder holds `ready`, send `sig` (to
    its whole process group with `group`, as Ctrl-C in a terminal does)."""
    process = subprocess.Popen([sys.executable, "-m", "medialens", *map(str, command)],
                               stderr=subprocess.PIPE, text=True, start_new_session=group)
    deadline = time.monotonic() + 120
    while not any(any(p.glob(ready)) for p in tmp_path.glob(".out.tmp-*")):
        assert process.poll() is None and time.monotonic() < deadline, "the run ended too early"
        time.sleep(0.05)
    os.killpg(process.pid, sig) if group else process.send_signal(sig)
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr


@pytest.mark.parametrize("sig, code, word, options", [
    (signal.SIGTERM, 143, "terminated", []),
    (signal.SIGTERM, 143, "terminated", ["--format", "parquet"]),
    (signal.SIGINT, 130, "interrupted", ["--jobs", "2"]),
    (signal.SIGINT, 130, "interrupted", ["--engine", "dask"]),
    (signal.SIGTERM, 143, "terminated", ["--engine", "dask"]),
])
def test_a_signal_stops_tag_and_keeps_the_old_output(tmp_path, sig, code, word, options):
    corpus = big_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    assert run_cli("tag", FOLDER, "--out", out).returncode == 0
    code_, stderr = start_and_stop(["tag", corpus, "--out", out, "--batch-size", "1", *options],
                                   tmp_path, sig, "sentences*")
    assert code_ == code
    assert stderr.strip().splitlines() == [f"medialens: {word}; no output written"], stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]
    assert ml.read_tables(out)["documents"].doc_id.tolist() == ["doha"]


@pytest.mark.parametrize("options", [["--jobs", "2"], ["--engine", "dask"]])
def test_ctrl_c_in_a_terminal_stops_every_process_with_one_line(tmp_path, options):
    # The terminal sends SIGINT to the whole process group: workers leave it to the parent.
    corpus = big_corpus(tmp_path / "corpus")
    code, stderr = start_and_stop(["tag", corpus, "--out", tmp_path / "out", "--batch-size", "1",
                                   *options], tmp_path, signal.SIGINT, "sentences*", group=True)
    assert code == 130
    assert stderr.strip().splitlines() == ["medialens: interrupted; no output written"], stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


@pytest.mark.parametrize("sig, code, word", [(signal.SIGINT, 130, "interrupted"),
                                             (signal.SIGTERM, 143, "terminated")])
def test_a_signal_stops_run_with_one_line(tmp_path, sig, code, word):
    out = tmp_path / "out"
    code_, stderr = start_and_stop(["run", SEEDS, "--out", out], tmp_path, sig, "notebooks/*.ipynb")
    assert code_ == code, stderr
    assert stderr.strip().splitlines()[-1] == f"medialens: {word}; no output written"
    assert "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_killed_run_leaves_a_folder_the_next_run_removes(tmp_path):
    corpus = big_corpus(tmp_path / "corpus", 60)
    out = tmp_path / "out"
    code, _ = start_and_stop(["tag", corpus, "--out", out, "--batch-size", "1"], tmp_path,
                             signal.SIGKILL, "sentences.csv")
    assert code == -signal.SIGKILL
    stale = list(tmp_path.glob(".out.tmp-*"))
    assert len(stale) == 1
    stranger = tmp_path / ".out.tmp-mine"  # looks like one, but has no marker: never touched
    stranger.mkdir()
    (stranger / "keep.txt").write_text("x")
    result = run_cli("tag", FOLDER, "--out", out)
    assert result.returncode == 0
    assert f"medialens: removed {stale[0]}, left by a run that was killed" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.tmp-mine", "corpus", "out"]
    assert (stranger / "keep.txt").exists()


def workers_running(earlier: set) -> list:
    """The child processes started since `earlier` that still run, asked of the process table
    (Linux /proc): gone or a zombie is stopped. active_children alone may list for an instant a
    worker the executor's own thread has just reaped but not yet marked as exited (the full suite
    failed on it twice)."""
    import multiprocessing

    def running(pid: int) -> bool:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return False
        return stat.rsplit(")", 1)[1].split()[0] != "Z"

    return [p for p in set(multiprocessing.active_children()) - earlier if running(p.pid)]


def test_a_signal_while_a_batch_is_written_stops_the_workers_before_it_reaches_the_caller(tmp_path,
                                                                                          monkeypatch):
    # Left to the garbage collector, the worker pool was stopped in whichever thread collected
    # the batches' generator (once, its own manager thread while holding the pool's lock: the
    # program printed its one line, then hung at exit). With the collector off, nothing but
    # write_tagged itself can stop them.
    import gc
    import multiprocessing

    from medialens import engines
    from medialens.errors import Stopped

    def stopped_at_the_second_batch(part, folder, fmt, number):
        if number == 1:
            raise Stopped(signal.SIGTERM)
        real_write(part, folder, fmt, number)

    real_write = engines.write_part
    monkeypatch.setattr(engines, "write_part", stopped_at_the_second_batch)
    corpus = big_corpus(tmp_path / "corpus", 6)
    earlier = set(multiprocessing.active_children())  # another test's workers may still be exiting
    gc.disable()
    try:
        with pytest.raises(Stopped) as stopped:
            engines.write_tagged(corpus, tmp_path / "out", batch_size=1, jobs=1)
        assert workers_running(earlier) == []
    finally:
        gc.enable()
    assert stopped.value.signum == signal.SIGTERM


def test_a_signal_held_while_the_workers_start_stops_them(monkeypatch):
    # SIGTERM that arrives while the workers start is held until they have started, then raised
    # in the pool's constructor, where no `with` block would stop them yet.
    import contextlib
    import multiprocessing

    from medialens import workers
    from medialens.errors import Stopped

    @contextlib.contextmanager
    def signal_held_meanwhile():
        yield
        raise Stopped(signal.SIGTERM)

    monkeypatch.setattr(workers, "held", signal_held_meanwhile)
    earlier = set(multiprocessing.active_children())  # another test's workers may still be exiting
    with pytest.raises(Stopped):
        workers.WorkerPool(2, None)
    assert workers_running(earlier) == []


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_signal_whose_exception_python_dropped_still_keeps_the_output_from_being_written(tmp_path):
    # A signal handled while Python runs a __del__ or a weakref callback raises there, and Python
    # prints "Exception ignored" and goes on: once, `medialens run` wrote its reports after a
    # SIGTERM. The output is made final only if no signal came.
    from medialens.errors import Stopped
    from medialens.outputs import atomic_folder
    from medialens.stopping import _on_signal, handling_signals

    class CollectedWhileTheSignalArrives:
        def __del__(self):
            _on_signal(signal.SIGTERM, None)

    out = tmp_path / "out"
    with handling_signals(), pytest.raises(Stopped):
        with atomic_folder(out) as work:
            (work / "table.csv").write_text("a\r\n1\r\n")
            CollectedWhileTheSignalArrives()  # dropped at once: its __del__ runs here
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    with handling_signals(), atomic_folder(out) as work:  # the next run starts afresh
        (work / "table.csv").write_text("a\r\n1\r\n")
    assert (out / "table.csv").exists()
