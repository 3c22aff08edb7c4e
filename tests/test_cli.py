"""The `medialens` command: tables written whole, and a user's mistakes as one-line errors."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import medialens as ml
from medialens.cli import main

from conftest import CORPORA, ROOT, SEEDS, run_cli



def test_tag_writes_the_tables(tmp_path):
    out = tmp_path / "tables"
    result = run_cli("tag", SEEDS, "--out", out)
    assert result.returncode == 0, result.stderr
    documents = pd.read_csv(out / "documents.csv")
    assert list(documents.columns) == ["doc_id", "title", "date", "date_source", "outlet", "agency",
                                       "url", "n_words", "n_sentences", "text"]
    assert len(documents) == 5
    sentences = pd.read_csv(out / "sentences.csv")
    assert list(sentences.columns) == ["doc_id", "sent_id", "start", "end", "text", "is_heading"]
    for name in ("sources", "hedges", "figures", "frames", "actors", "scores"):
        assert (out / f"{name}.csv").exists()
    tables = ml.read_tables(out)
    assert tables["documents"].text.tolist() == ml.load_corpus(SEEDS).text.tolist()


def test_help_on_each_subcommand():
    for command in ("tag", "run"):
        result = run_cli(command, "--help")
        assert result.returncode == 0 and "--out" in result.stdout


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


BAD_INPUTS = {
    "missing path": (lambda d: d / "nowhere", "no such file or folder"),
    "empty folder": (lambda d: (d / "empty").mkdir() or d / "empty", "no article files"),
    "empty file": (lambda d: write(d / "empty.txt", b"  \n"), "the file is empty"),
    "binary file": (lambda d: write(d / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
    "malformed csv": (lambda d: write(d / "bad.csv", b'id,text\n1,"an unclosed quote\n2,ok\n'),
                      "cannot read this table"),
    "csv without text": (lambda d: write(d / "notext.csv", b"id,headline\n1,Hello\n"), "no text column"),
    "unsupported file": (lambda d: write(d / "article.docx", b"PK\x03\x04"), "unsupported file type"),
    "article listed twice in metadata.csv": (
        lambda d: write(d / "listed" / "metadata.csv", b"file,date\na.txt,2024-01-01\na,2024-01-02\n").parent
        if write(d / "listed" / "a.txt", b"A line of text that is long enough to be an article body.") else None,
        "listed twice"),
    "malformed jsonl": (lambda d: write(d / "rows.jsonl", b'{"text": "fine"}\n["not", "an", "object"]\n'),
                        "not a JSON object"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_line_error_without_output(tmp_path, case):
    make, problem = BAD_INPUTS[case]
    corpus = make(tmp_path)
    out = tmp_path / "out"
    result = run_cli("tag", corpus, "--out", out)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert str(corpus.name) in result.stderr and problem in result.stderr
    assert not out.exists()
    assert not list(tmp_path.glob(".out.tmp-*"))


def test_a_bad_file_inside_a_folder_names_that_file(tmp_path):
    write(tmp_path / "corpus" / "good.txt", (SEEDS / "002_532b7867ba6e277e.txt").read_bytes())
    write(tmp_path / "corpus" / "zero.txt", b"")
    result = run_cli("tag", tmp_path / "corpus", "--out", tmp_path / "out")
    assert result.returncode == 1 and "zero.txt: the file is empty" in result.stderr
    assert not (tmp_path / "out").exists()


def test_out_folder_that_is_not_ours_is_refused(tmp_path):
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "thesis.tex").write_text("keep me")
    assert main(["tag", str(SEEDS), "--out", str(tmp_path / "precious")]) == 1
    assert (tmp_path / "precious" / "thesis.tex").read_text() == "keep me"


def test_rerun_replaces_the_previous_output(tmp_path):
    out = tmp_path / "out"
    assert main(["tag", str(SEEDS), "--out", str(out)]) == 0
    assert main(["tag", str(CORPORA / "folder"), "--out", str(out)]) == 0
    assert pd.read_csv(out / "documents.csv").doc_id.tolist() == ["doha"]


def test_latin1_file_is_read_with_a_warning(tmp_path):
    result = run_cli("tag", CORPORA / "cp1252.txt", "--out", tmp_path / "out")
    assert result.returncode == 0
    assert "warning" in result.stderr and "cp1252.txt" in result.stderr


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path):
    corpus = write(tmp_path / "risky.csv",
                   b'id,title,text\n=cmd,=HYPERLINK("x"),"-2 is a number. +1 said @someone."\n')
    assert main(["tag", str(corpus), "--out", str(tmp_path / "out")]) == 0
    raw = (tmp_path / "out" / "documents.csv").read_text()
    assert "'=HYPERLINK" in raw and ",=" not in raw
    tables = ml.read_tables(tmp_path / "out")
    assert tables["documents"].title.iloc[0] == '=HYPERLINK("x")'


BAD_OPTIONS = {
    "unknown lexicon name": (["--lexicon", "hedgez=x.jsonl"], "hedgez: no such lexicon; choose one of"),
    "missing lexicon file": (["--lexicon", "hedges=/nowhere/h.jsonl"], "lexicon file for 'hedges' not found"),
    "lexicon without its columns": (["--lexicon", "actors={dir}/actors.csv"], "missing column(s) actor"),
    "lexicon rows that are not objects": (["--lexicon", "emotive={dir}/emotive.jsonl"], "not a JSON object"),
    "lexicon that is not UTF-8": (["--lexicon", "boilerplate={dir}/latin.csv"], "not UTF-8"),
    "pattern spaCy rejects": (["--lexicon", "hedges={dir}/hedges.jsonl"], "hedges.jsonl pattern 1: not a spaCy token pattern"),
    "spaCy pipeline not installed": (["--spacy-model", "xx_no_such_model"], "no installed spaCy pipeline"),
    "not NAME=FILE": (["--lexicon", "hedges"], "--lexicon takes NAME=FILE"),
    "analysis that cannot be imported": (["--analysis", "medialens_no_such_analysis"],
                                         "medialens_no_such_analysis: cannot import this analysis module"),
    "module that is no analysis": (["--analysis", "json"],
                                   "json: not an analysis module (it lacks COLUMNS, READS, Tagger, score)"),
}


@pytest.mark.parametrize("case", BAD_OPTIONS)
def test_bad_option_is_one_line_error_without_output(tmp_path, case):
    write(tmp_path / "actors.csv", b"name,kind\nNATO,organisation\n")
    write(tmp_path / "emotive.jsonl", b'"chilling"\n')
    write(tmp_path / "hedges.jsonl", b'{"label": "HEDGE", "pattern": "may", "id": "hedge-may"}\n')
    write(tmp_path / "latin.csv", b"kind,pattern,example\nline,caf\xe9,x\n")
    options, problem = BAD_OPTIONS[case]
    out = tmp_path / "out"
    result = run_cli("tag", SEEDS, "--out", out, *(o.format(dir=tmp_path) for o in options))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert problem in result.stderr
    assert not out.exists()


def test_a_boilerplate_override_is_used(tmp_path):
    rules = write(tmp_path / "rules.csv", b"kind,pattern,example\nline,^the seeds of alliance$,x\n")
    assert main(["tag", str(SEEDS), "--out", str(tmp_path / "out"), "--lexicon", f"boilerplate={rules}"]) == 0
    tables = ml.read_tables(tmp_path / "out")
    text = tables["documents"].text.str.cat()
    assert "Read the original article here" in text  # the built-in rules are replaced, not added to
    assert "The Seeds of Alliance" not in text
    removed = tables["removed"]
    assert removed[removed.line == "The Seeds of Alliance"].reason.tolist() == ["boilerplate"]


def test_out_holding_the_corpus_is_refused(tmp_path):
    out = tmp_path / "out"
    assert main(["tag", str(CORPORA / "folder"), "--out", str(out)]) == 0
    shutil.copytree(CORPORA / "folder", out / "corpus")  # the user keeps the corpus in it
    for corpus in (out / "corpus", out / "corpus" / "doha.txt"):
        result = run_cli("tag", corpus, "--out", out)
        assert result.returncode == 1
        assert result.stderr.strip().splitlines() == [
            f"medialens: error: {out}: holds an input of this run ({corpus}); choose another --out"]
        assert (out / "corpus" / "doha.txt").read_bytes() == (CORPORA / "folder" / "doha.txt").read_bytes()


def test_out_holding_a_lexicon_is_refused(tmp_path):
    out = tmp_path / "out"
    assert main(["tag", str(CORPORA / "folder"), "--out", str(out)]) == 0
    rules = write(out / "rules.csv", b"kind,pattern,example\nline,^Share this$,x\n")
    result = run_cli("tag", CORPORA / "folder", "--out", out, "--lexicon", f"boilerplate={rules}")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "holds an input of this run" in result.stderr and rules.exists()


def test_out_that_cannot_be_created_is_one_line(tmp_path):
    blocker = write(tmp_path / "a-file", b"not a folder")
    result = run_cli("tag", CORPORA / "folder", "--out", blocker / "tables")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"medialens: error: {blocker / 'tables'}: cannot create this folder ({blocker} is a file)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_out_in_a_read_only_folder_is_one_line(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    result = run_cli("tag", CORPORA / "folder", "--out", locked / "tables")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "cannot create this folder (Permission denied)" in result.stderr


@pytest.mark.parametrize("sig, code, word, options", [
    (signal.SIGTERM, 143, "terminated", []),
    (signal.SIGTERM, 143, "terminated", ["--jobs", "2"]),
    (signal.SIGINT, 130, "interrupted", []),
])
def test_a_stopped_run_leaves_no_temporary_folder(tmp_path, sig, code, word, options):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = (ROOT / "tests" / "articles" / "streaming_port_strike.txt").read_text(encoding="utf-8")
    for number in range(300):
        (corpus / f"a{number:03d}.txt").write_text(article, encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "medialens", "tag", str(corpus), "--out",
                                str(out), "--batch-size", "1", *options],
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    # Stop it once the first parts are written into its temporary folder.
    while not any(p.glob("sentences.csv") for p in tmp_path.glob(".out.tmp-*")):
        assert process.poll() is None and time.monotonic() < deadline, "the run ended too early"
        time.sleep(0.05)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code
    # (a pool worker that was still starting may add its own complaint after the parent's line)
    assert f"medialens: {word}; no output written" in stderr.strip().splitlines()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


EXPLOSIVE = [{"LOWER": {"IN": [f"{stem}{n}" for n in range(12)]}, "OP": "?"}
             for stem in ("reportedly", "allegedly", "apparently", "possibly", "perhaps", "likely",
                          "maybe", "seemingly")] + [{"LOWER": "unverified"}]


def test_a_pattern_that_would_expand_combinatorially_is_matched_without_expanding(tmp_path):
    # 13^8 (800 million) phrases if expanded; run under a memory limit so a regression fails
    # instead of taking the machine down.
    hedges = write(tmp_path / "hedges.jsonl", json.dumps(
        {"label": "hedge", "pattern": EXPLOSIVE, "id": "hedge-explosive"}).encode() + b"\n")
    script = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30)); "
              "import medialens as ml; "
              "t = ml.tag_text('The claim is likely3 maybe7 unverified, and the rest is not.', "
              f"lexicons={{'hedges': {str(hedges)!r}}}); "
              "print(t['hedges'][['start', 'end']].values.tolist())")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    text = "The claim is likely3 maybe7 unverified, and the rest is not."
    assert result.stdout.strip() == f"[[{text.index('likely3')}, {text.index(',')}]]"
