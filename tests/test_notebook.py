"""The notebooks' one opening call: parameters checked, lexicon parameters turned into overrides,
and a wrong value named in one line (papermill only warns about a misspelt parameter)."""
import subprocess
import sys

import pytest

import medialens as ml
from medialens.errors import MedialensError

from conftest import ROOT, SEEDS


def namespace(**values):
    annotations = {"corpus": str, "output": str, "tables": str, "hedges_lexicon": str,
                   "discrepancy_factor": float, "show_rows": int}
    defaults = {"corpus": str(SEEDS), "output": "out", "tables": "", "hedges_lexicon": "",
                "discrepancy_factor": 3.0, "show_rows": 20}
    return {"__annotations__": annotations, **defaults, **values}


@pytest.mark.parametrize("values, message", [
    ({"discrepancy_factor": "three"}, "parameter discrepancy_factor: expected float, got 'three'"),
    ({"show_rows": 2.5}, "parameter show_rows: expected int"),
    ({"show_rows": True}, "parameter show_rows: expected int"),
    ({"corpus": "/nowhere/articles"}, "parameter corpus='/nowhere/articles': no such file or folder"),
    ({"tables": "/nowhere/tables"}, "parameter tables='/nowhere/tables': no such folder"),
    ({"output": __file__}, f"parameter output={__file__!r}: exists and is not a folder"),  # was a traceback
    ({"hedge_lexicon": "mine.jsonl"}, "parameter hedge_lexicon: no such lexicon; choose one of"),
    ({"hedges_lexicon": "/nowhere/h.jsonl"}, "parameter hedges_lexicon: lexicon file for 'hedges' not found"),
])
def test_a_wrong_parameter_is_named(values, message):
    with pytest.raises(MedialensError) as error:
        ml.tables_from_parameters(namespace(**values))
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_an_unreadable_lexicon_is_named(tmp_path):
    bad = tmp_path / "hedges.jsonl"
    bad.write_text('{"label": "hedge", "id": "x"}\n', encoding="utf-8")  # no pattern
    with pytest.raises(MedialensError, match="parameter hedges_lexicon: pattern 1 lacks pattern"):
        ml.tables_from_parameters(namespace(hedges_lexicon=str(bad)))


def test_lexicon_parameters_become_overrides(tmp_path):
    mine = tmp_path / "hedges.jsonl"
    mine.write_text('{"label": "hedge", "pattern": [{"LOWER": "perchance"}], "id": "mine"}\n', encoding="utf-8")
    article = tmp_path / "articles"
    article.mkdir()
    (article / "a.txt").write_text("Rain\nIt may rain, perchance, on Sunday.", encoding="utf-8")
    tables = ml.tables_from_parameters(namespace(corpus=str(article), hedges_lexicon=str(mine)))
    assert tables["hedges"].cue.tolist() == ["perchance"]


def test_every_notebook_lists_its_parameters_for_papermill():
    # The README tells users to look here before passing -p: a misspelt name is only a warning.
    for notebook in sorted((ROOT / "notebooks").glob("0*.ipynb")):
        result = subprocess.run([sys.executable, "-m", "papermill", "--help-notebook", str(notebook)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert "corpus: str" in result.stdout and "tables: str" in result.stdout, notebook.name
