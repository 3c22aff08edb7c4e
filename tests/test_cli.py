"""The `medialens` command: tables written whole, and a user's mistakes as one-line errors."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import medialens as ml
from medialens.cli import main

from conftest import CORPORA, SEEDS, run_cli



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


def test_a_bad_file_inside_a_folder_is_an_error_row_naming_it(tmp_path):
    write(tmp_path / "corpus" / "good.txt", (SEEDS / "002_532b7867ba6e277e.txt").read_bytes())
    write(tmp_path / "corpus" / "zero.txt", b"")
    result = run_cli("tag", tmp_path / "corpus", "--out", tmp_path / "out")
    assert result.returncode == 0
    assert result.stderr.strip().splitlines()[-1].endswith("1 article failed and left out "
                                                          f"(see {tmp_path / 'out' / 'errors.csv'})")
    errors = ml.read_tables(tmp_path / "out")["errors"]
    assert errors[["doc_id", "stage"]].values.tolist() == [["zero", "read"]]
    assert errors.message[0] == f"{tmp_path / 'corpus' / 'zero.txt'}: the file is empty"


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
    "boilerplate rule that repeats a repeated group": (
        ["--lexicon", "boilerplate={dir}/nested.csv"],
        "nested.csv, row 2: the regular expression repeats a group that itself repeats ((\\w+\\s?)*), "
        "which can take exponential time on one long word"),
    "spaCy pipeline not installed": (["--spacy-model", "xx_no_such_model"], "no installed spaCy pipeline"),
    "not NAME=FILE": (["--lexicon", "hedges"], "--lexicon takes NAME=FILE"),
    "more worker processes than the machine can run": (
        ["--jobs", "500"], f"--jobs: 500 worker processes on this machine of {os.cpu_count()} cores; "
                           f"at most {4 * os.cpu_count()}"),
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
    write(tmp_path / "nested.csv", b"kind,pattern,example\nline,^share$,x\nline,^(\\w+\\s?)*:$,x\n")
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


def run_with_path(*args, path):
    """run_cli with `path` on PYTHONPATH, where a user's analysis modules are."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(path), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "medialens", *map(str, args)], capture_output=True,
                          text=True, env=env)


ANALYSIS = '''import pandas as pd
COLUMNS = {TABLE: ["doc_id", "n"]}
READS = ["sentences"]
class Tagger:
    def __init__(self, lexicons=None, spacy_model=None):
        pass
    def tag(self, ctx):
        return {TABLE: [{"doc_id": ctx.doc_id, "n": len(ctx.sentences)}]}
def score(tables):
    SCORE
    return pd.DataFrame({"n_rows": tables[TABLE].groupby("doc_id").size()})
'''
BAD_ANALYSES = {
    "fails on import": ("broken", {"SCORE": "pass"}, "1 / 0\n",
                        "broken: cannot import this analysis module (ZeroDivisionError: division by zero)"),
    "given twice": ("quotes", {"SCORE": "pass"}, "", "quotes: given twice as an analysis (or it is a built-in one)"),
    "clashes with a built-in table": ("clash", {"TABLE": '"hedges"', "SCORE": "pass"}, "",
                                      "clash: its table 'hedges' is already written by hedges; give "
                                      "the table another name"),
    "score() fails": ("badscore", {"SCORE": "raise KeyError('share_quotes')"}, "",
                      "badscore: score() failed (KeyError: 'share_quotes')"),
}


@pytest.mark.parametrize("case", BAD_ANALYSES)
def test_a_broken_analysis_module_is_one_line(tmp_path, case):
    name, fills, extra, problem = BAD_ANALYSES[case]
    source = ANALYSIS.replace("TABLE", fills.get("TABLE", '"quotes"')).replace("SCORE", fills["SCORE"])
    (tmp_path / f"{name}.py").write_text(extra + source, encoding="utf-8")
    twice = ["--analysis", name] if case == "given twice" else []
    result = run_with_path("tag", CORPORA / "folder", "--out", tmp_path / "out", "--analysis", name,
                           *twice, path=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"medialens: error: {problem}"]
    assert not (tmp_path / "out").exists()


def test_an_analysis_module_inside_out_is_refused(tmp_path):
    out = tmp_path / "out"
    assert main(["tag", str(CORPORA / "folder"), "--out", str(out)]) == 0
    (out / "quotes.py").write_text(ANALYSIS.replace("TABLE", '"quotes"').replace("SCORE", "pass"))
    result = run_with_path("tag", CORPORA / "folder", "--out", out, "--analysis", "quotes", path=out)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert f"holds an input of this run ({out / 'quotes.py'})" in result.stderr
    assert (out / "quotes.py").exists()


FIRST_OR_LAST = ("a token that repeats (OP * or +) is first or last in the pattern; the limit is a "
                 "repeated token between two others")
LOOPS = {
    "three repeated tokens": ([{"LOWER": "the"}, {"OP": "*"}, {"LOWER": "said"}, {"OP": "+"},
                               {"LOWER": "that"}, {"IS_ALPHA": True, "OP": "*"}, {"LOWER": "may"}],
                              "3 tokens repeat (OP * or +); the limit is 1 per pattern, since each "
                              "more multiplies the matching time by the sentence's length"),
    "a repeated token first": ([{"OP": "*"}, {"LOWER": "reportedly"}], FIRST_OR_LAST),
    "a repeated token last": ([{"LOWER": "reportedly"}, {"IS_ALPHA": True, "OP": "+"}], FIRST_OR_LAST),
    "nine optional tokens": ([{"LOWER": "may"}] + [{"OP": "?"}] * 9 + [{"LOWER": "rise"}],
                             "its optional tokens (OP ? or {n,m}) expand into 512 ways to match; "
                             "the limit is 256 per pattern"),
    "a regular expression that repeats a repeated group": (
        [{"LOWER": "may"}, {"LOWER": {"REGEX": "^(a+)+$"}}],
        "the regular expression repeats a group that itself repeats ((a+)+), which can take "
        "exponential time on one long word; bound the outer repeat ({0,3}) or drop the inner one"),
    "a wide bounded repeat": ([{"LOWER": "may"}, {"OP": "{0,500}"}, {"LOWER": "rise"}],
                              "its optional tokens (OP ? or {n,m}) expand into 501 ways to match; "
                              "the limit is 256 per pattern"),
}


@pytest.mark.parametrize("case", LOOPS)
def test_a_lexicon_pattern_that_could_hang_is_refused_with_its_line(tmp_path, case):
    pattern, problem = LOOPS[case]
    hedges = write(tmp_path / "hedges.jsonl", (
        '{"label": "hedge", "pattern": [{"LOWER": "perhaps"}], "id": "hedge-perhaps"}\n\n'
        + json.dumps({"label": "hedge", "pattern": pattern, "id": "hedge-loop"}) + "\n").encode())
    result = run_cli("tag", SEEDS, "--out", tmp_path / "out", "--lexicon", f"hedges={hedges}")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"medialens: error: {hedges}:3: {problem}"]
    assert not (tmp_path / "out").exists()


def test_the_built_in_lexicons_keep_within_the_pattern_limits():
    from medialens.lexicons import data_path, known_lexicons, read_patterns

    jsonl = [name for name in known_lexicons() if data_path(name).suffix == ".jsonl"]
    assert len(jsonl) > 10 and all(isinstance(read_patterns(name), list) for name in jsonl)
