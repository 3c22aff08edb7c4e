"""`medialens run`: every notebook executed into offline HTML reports; untrusted text stays text."""
import re
import subprocess
import sys

import pytest

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


def test_a_failing_cell_stops_the_run_with_one_line(tmp_path):
    import nbformat

    notebook = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell('corpus = ""\noutput = ""\ntables = ""')
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [parameters, nbformat.v4.new_code_cell("raise ValueError('no such quantity')")]
    (tmp_path / "notebooks").mkdir()
    nbformat.write(notebook, tmp_path / "notebooks" / "broken.ipynb")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "medialens", "run", str(CORPORA / "folder"),
                             "--out", str(out), "--notebooks", str(tmp_path / "notebooks")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert "broken.ipynb" in last and "ValueError: no such quantity" in last
    assert "Traceback" not in result.stderr
    assert not out.exists()
