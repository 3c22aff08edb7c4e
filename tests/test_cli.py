"""The `medialens` command: tables written whole, and a user's mistakes as one-line errors."""
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import medialens as ml
from medialens.cli import main

from conftest import CORPORA, SEEDS


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "medialens", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


def test_tag_writes_the_tables(tmp_path):
    out = tmp_path / "tables"
    result = run_cli("tag", SEEDS, "--out", out)
    assert result.returncode == 0, result.stderr
    documents = pd.read_csv(out / "documents.csv")
    assert list(documents.columns) == ["doc_id", "title", "date", "outlet", "url", "n_words",
                                       "n_sentences", "text"]
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
