"""`medialens run`: every notebook executed into offline HTML reports; untrusted text stays text."""
import csv
import re
import subprocess
import sys

import pytest

import medialens as ml
from medialens.kernels import longest_first

from conftest import CORPORA, ROOT

NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))


def test_run_writes_every_report_and_an_index(reports):
    index = (reports / "index.html").read_text()
    for stem in NOTEBOOKS:
        assert (reports / f"{stem}.html").exists()
        assert (reports / "notebooks" / f"{stem}.ipynb").exists()
        assert f'href="{stem}.html"' in index
    for table in ("documents", "sentences", "sources", "hedges", "figures", "scores"):
        assert f'href="tables/{table}.csv"' in index
    assert (reports / "figures" / "article_lengths.png").exists()
    assert (reports / "figures" / "article_lengths.csv").exists()


def test_reports_open_offline(reports):
    for page in reports.glob("*.html"):
        html = page.read_text()
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html), page.name
        assert "<script" not in html.lower(), page.name


def test_reports_hide_the_code(reports):
    html = (reports / "00_corpus_overview.html").read_text()
    assert "ml.load_corpus" not in html


def test_untrusted_article_text_is_escaped_everywhere(reports):
    pages = {page.name: page.read_text() for page in reports.glob("*.html")}
    for name, html in pages.items():
        assert "<script>alert" not in html, name
        assert "<img src=x onerror" not in html, name
        assert "<b>votes</b>" not in html, name
    assert any("&lt;script&gt;alert" in html for html in pages.values())


def test_formulas_are_neutralised_in_the_csv_tables(reports):
    # The sentence that starts with the formula is a cell of its own in sentences.csv.
    csv = (reports / "tables" / "sentences.csv").read_text()
    assert "'=HYPERLINK" in csv
    assert not re.search(r'(^|,)"?=HYPERLINK', csv, flags=re.M)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_every_csv_the_run_writes_is_neutralised(reports):
    written = sorted(reports.rglob("*.csv"))
    assert {"tables/sentences.csv", "tables/errors.csv"} <= {str(p.relative_to(reports)) for p in written}
    for path in written:
        with path.open(newline="", encoding="utf-8") as file:
            for number, row in enumerate(csv.reader(file), 1):
                for cell in row:
                    # A number may start with "-" or "+"; text that does is written "'-...".
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or _is_number(cell), \
                        f"{path.relative_to(reports)} row {number}: {cell[:60]!r}"
    sentences = (reports / "tables" / "sentences.csv").read_text(encoding="utf-8")
    for start in ("'=SUM(A1:A9)", "'+44 numbers", "'-10 degrees", "'@WaterBoard", "''@someone is wrong"):
        assert start in sentences


def test_a_sentence_opening_with_an_apostrophe_and_a_formula_start_round_trips(reports):
    tables = ml.read_tables(reports / "tables")
    text = tables["documents"].set_index("doc_id").text["formula-sentences"]
    sentences = tables["sentences"][tables["sentences"].doc_id == "formula-sentences"]
    quoted = [s for s in sentences.text if s.startswith("'@someone is wrong,' the minister said")]
    assert len(quoted) == 1
    for row in sentences.itertuples():
        assert text[row.start:row.end] == row.text


def run_broken_notebook(tmp_path, *cells):
    import nbformat

    notebook = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell('corpus = ""\noutput = ""\ntables = ""')
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [nbformat.v4.new_markdown_cell("# A lesson that fails"), parameters,
                      *map(nbformat.v4.new_code_cell, cells)]
    (tmp_path / "notebooks").mkdir()
    nbformat.write(notebook, tmp_path / "notebooks" / "broken.ipynb")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "medialens", "run", str(CORPORA / "folder"),
                             "--out", str(out), "--notebooks", str(tmp_path / "notebooks")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert not out.exists()
    return result.stderr.strip().splitlines()[-1], tmp_path / "out.failed-broken.ipynb"


@pytest.mark.parametrize("cells, expected", [
    (["n = 2", "raise ValueError('no such quantity')"],
     "broken.ipynb, cell 4, line 1 `raise ValueError('no such quantity')`: ValueError: no such quantity"),
    (["import pandas as pd\ntables_read = 0", "assert tables_read > 0, 'no article was tagged: see errors.csv'"],
     "broken.ipynb, cell 4, line 1 `assert tables_read > 0, 'no article was tagged: see errors.csv'`: "
     "AssertionError: no article was tagged: see errors.csv"),
    (["x = 1\n\n# the count\nassert x == 2"],
     "broken.ipynb, cell 3, line 4 `assert x == 2`: AssertionError: (no message)"),
])
def test_a_failing_notebook_is_kept_and_named_in_one_line(tmp_path, cells, expected):
    last, kept = run_broken_notebook(tmp_path, *cells)
    assert last == f"medialens: error: {expected} (executed notebook kept at {kept})"
    import nbformat

    executed = nbformat.read(kept, as_version=4)
    errors = [c for c in executed.cells if any(o.get("output_type") == "error" for o in c.get("outputs", []))]
    assert len(errors) == 1 and errors[0].source == cells[-1]


def test_a_notebook_whose_kernel_dies_is_one_line(tmp_path):
    last, _ = run_broken_notebook(tmp_path, "n = 2", "import os\nos._exit(3)")
    assert last == (f"medialens: error: {tmp_path / 'notebooks' / 'broken.ipynb'}: its kernel died "
                    "(it exited, was killed, or ran out of memory)")


def test_run_strict_stops_on_a_failed_article_before_the_notebooks(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doha.txt").write_bytes((CORPORA / "folder" / "doha.txt").read_bytes())
    (corpus / "widgets.txt").write_text("+ ↺ − 16 px\n|||\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "medialens", "run", str(corpus), "--out", str(out),
                             "--strict"], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"medialens: error: {corpus}: 1 article failed and left out (--strict)"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


def test_an_article_that_fails_a_notebook_check_is_an_error_row_not_the_end(reports):
    # The saved page titled "3-1 (2-0)" (conftest) fails notebook 00's consistency check.
    tables = ml.read_tables(reports / "tables")
    errors = tables["errors"]
    assert errors[["doc_id", "stage", "error_type"]].values.tolist() == [
        ["match_report", "check", "ConsistencyError"]]
    assert errors.message[0] == "a line that cleaning removed is still in the cleaned text ('3-1 (2-0)')"
    assert "match_report" not in set(tables["documents"].doc_id)
    assert (reports / "04_story_brief.html").exists()


def one_notebook(folder, *lines):
    import nbformat

    notebook = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell('corpus = ""\noutput = ""\ntables = ""')
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [nbformat.v4.new_markdown_cell("# Where the outputs go"), parameters,
                      nbformat.v4.new_code_cell("\n".join(lines))]
    folder.mkdir()
    nbformat.write(notebook, folder / "where.ipynb")
    return folder


def test_executed_notebooks_name_the_final_folder_even_with_quotes_and_backslashes(tmp_path):
    notebooks = one_notebook(tmp_path / "notebooks", "print(output)", "output")
    out = tmp_path / 'it\'s "the" re\\ports'
    result = subprocess.run([sys.executable, "-m", "medialens", "run", str(CORPORA / "folder"),
                             "--out", str(out), "--notebooks", str(notebooks)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    executed = (out / "notebooks" / "where.ipynb").read_text(encoding="utf-8")
    assert ".tmp-" not in executed
    import nbformat

    outputs = nbformat.reads(executed, as_version=4).cells[-1].outputs
    assert outputs[0].text.strip() == str(out)
    assert outputs[1].data["text/plain"] == repr(str(out))


@pytest.mark.parametrize("content", ["{not json", '{"cells": "no list"}', ""])
def test_a_notebook_that_is_not_one_is_one_line(tmp_path, content):
    notebooks = one_notebook(tmp_path / "notebooks", "print(1)")
    (notebooks / "zz_broken.ipynb").write_text(content, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "medialens", "run", str(CORPORA / "folder"),
                             "--out", str(tmp_path / "out"), "--notebooks", str(notebooks)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"medialens: error: {notebooks / 'zz_broken.ipynb'}: not a readable notebook (")
    assert not (tmp_path / "out").exists()


def test_a_run_does_not_build_the_iri_grammar_of_jsonschema(tmp_path):
    # rfc3987_syntax, which jsonschema imports when it is installed, builds an Earley parser at
    # import: 1 to 2 CPU s of every run, for a format the notebook schema does not use.
    notebooks = one_notebook(tmp_path / "notebooks", "print(1)")
    argv = ["run", str(CORPORA / "folder"), "--out", str(tmp_path / "out"), "--notebooks", str(notebooks)]
    code = (f"import sys; from medialens.cli import main; code = main({argv!r}); "
            "print(code, 'jsonschema' in sys.modules, 'lark' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["0", "True", "False"], result.stderr[-2000:]
    assert (tmp_path / "out" / "where.html").exists()


def test_run_refuses_an_out_where_the_user_saved_notes(tmp_path):
    notebooks = one_notebook(tmp_path / "notebooks", "print(1)")
    out = tmp_path / "reports"
    command = [sys.executable, "-m", "medialens", "run", str(CORPORA / "folder"), "--out", str(out),
               "--notebooks", str(notebooks)]
    assert subprocess.run(command, capture_output=True).returncode == 0
    (out / "notes.txt").write_text("my reading of the brief")
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "holds files medialens did not write (notes.txt)" in result.stderr
    assert (out / "notes.txt").read_text() == "my reading of the brief"


def test_a_run_prints_its_progress_and_nothing_else(reports):
    # Not papermill's "Unable to parse line", the kernels' own warnings, nor a progress bar.
    printed = (reports.parent / "stderr.txt").read_text(encoding="utf-8").splitlines()
    assert printed[:2] == [  # the saved page that fails a check (conftest)
        "medialens: warning: 1 article failed a consistency check and was left out (match_report); "
        "errors lists why", f"1 article failed and left out (see {reports / 'tables' / 'errors.csv'})"]
    # numbered in the order the kernels take them (longest_first); two kernels start at once
    order = [path.stem for path in longest_first([ROOT / "notebooks" / f"{stem}.ipynb" for stem in NOTEBOOKS])]
    assert sorted(printed[2:-1]) == [f"[{n}/{len(NOTEBOOKS)}] {stem}.ipynb" for n, stem in enumerate(order, 1)]
    assert printed[-1] == f"reports -> {reports / 'index.html'}"


def test_a_notebook_run_in_a_reused_kernel_is_as_in_a_kernel_of_its_own(reports, tmp_path):
    # Five notebooks in two kernels (on two cores): the last ran after another in its kernel.
    import nbformat
    import papermill

    from medialens.executed import joined_streams

    last = NOTEBOOKS[-1]
    alone = tmp_path / f"{last}.ipynb"
    papermill.execute_notebook(str(ROOT / "notebooks" / f"{last}.ipynb"), str(alone), kernel_name="python3",
                               parameters={"corpus": "", "output": str(reports), "tables": str(reports / "tables")},
                               cwd=str(ROOT / "notebooks"), progress_bar=False)
    expected = joined_streams(nbformat.read(alone, as_version=4)).cells  # as the run's are
    ran = nbformat.read(reports / "notebooks" / f"{last}.ipynb", as_version=4).cells
    assert [c.get("execution_count") for c in ran] == [c.get("execution_count") for c in expected]
    assert [c.get("execution_count") for c in ran if c.cell_type == "code"][:2] == [1, 2]
    assert [c.get("outputs") for c in ran] == [c.get("outputs") for c in expected]


def stream(text, name="stdout"):
    return {"output_type": "stream", "name": name, "text": text}


PICTURE = {"output_type": "display_data", "data": {"image/png": "iVBOR"}, "metadata": {}}


@pytest.mark.parametrize("outputs, expected", [
    ([stream("5 articles, 112 cues."), stream("\n")], [stream("5 articles, 112 cues.\n")]),
    ([stream("a\n"), stream("b\n"), stream("c\n")], [stream("a\nb\nc\n")]),
    ([stream("a\n"), stream("warned\n", "stderr"), stream("b\n")],
     [stream("a\n"), stream("warned\n", "stderr"), stream("b\n")]),
    ([stream("a\n"), PICTURE, stream("b\n")], [stream("a\n"), PICTURE, stream("b\n")]),
])
def test_a_printed_line_split_in_two_messages_is_one_output(outputs, expected):
    import nbformat

    from medialens.executed import joined_streams

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("print('...')"), nbformat.v4.new_markdown_cell("# Title")]
    notebook.cells[0].outputs = [nbformat.from_dict(o) for o in outputs]
    assert joined_streams(notebook).cells[0].outputs == expected
    assert "outputs" not in notebook.cells[1]


def test_the_kernels_are_warmed_with_the_notebooks_imports_each_once(tmp_path):
    import nbformat

    from medialens.kernels import notebook_imports

    first, second = nbformat.v4.new_notebook(), nbformat.v4.new_notebook()
    first.cells = [nbformat.v4.new_code_cell("import pandas as pd\nfrom pathlib import Path\nx = 1"),
                   nbformat.v4.new_code_cell("%matplotlib inline\nimport numpy")]
    second.cells = [nbformat.v4.new_markdown_cell("import os"),
                    nbformat.v4.new_code_cell("import pandas as pd\nif x:\n    import json")]
    paths = [tmp_path / "a.ipynb", tmp_path / "b.ipynb"]
    for notebook, path in zip((first, second), paths):
        nbformat.write(notebook, path)
    assert notebook_imports(paths) == ["import pandas as pd", "from pathlib import Path"]
    assert "import medialens as ml" in notebook_imports(sorted((ROOT / "notebooks").glob("*.ipynb")))


def test_spacys_stop_words_are_read_without_importing_spacy():
    # Notebooks 00, 02 and 04 and index.html ask for them (content words, the brief's sources);
    # importing spaCy cost 0.6 to 1.3 s each time.
    code = ("import sys; from medialens.textshape import content_words, spacy_stop_words; "
            "from medialens.sentences import STOP_WORDS as lazy; "
            "words = content_words('Officials said the ferry would never sail again'); "
            "assert 'they' in lazy and 'ferry' not in lazy; "
            "assert 'spacy' not in sys.modules, 'spaCy imported'; "
            "from spacy.lang.en.stop_words import STOP_WORDS; "
            "assert spacy_stop_words() == frozenset(STOP_WORDS) == frozenset(lazy); print(sorted(words))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "['ferry', 'officials', 'said', 'sail']"


def test_the_kernels_take_the_notebooks_with_the_most_code_first(tmp_path):
    import nbformat

    cells = {"a": ["x = 1"], "b": ["import pandas as pd\ntable = pd.DataFrame({'n': range(200)})", "table.describe()"],
             "c": ["y = 2"], "d": ["print('a long line of text the notebook prints')"]}
    paths = []
    for name, sources in cells.items():
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_markdown_cell("# " + "A heading far longer than any code " * 9),
                          *map(nbformat.v4.new_code_cell, sources)]
        nbformat.write(notebook, tmp_path / f"{name}.ipynb")
        paths.append(tmp_path / f"{name}.ipynb")
    assert [p.stem for p in longest_first(paths)] == ["b", "d", "a", "c"]  # prose is not counted; ties keep their order
