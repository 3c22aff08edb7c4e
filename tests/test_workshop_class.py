"""A simulated class of 20 through the workshop: each learner codes the flood article with the
coding form (six leave one different item uncoded, one outlier reads every label differently,
two pick one pseudonym), hands the files in, and the facilitator's agreement notebook runs on
them; then one annotator alone. The learner copies run as a learner runs them (Run All with
nothing typed, then with an answer typed), and every notebook but bring-your-own runs without
spaCy from the kit's precomputed tables. Each step's words are checked."""
import html
import os
import shutil
import subprocess
import sys

import nbformat
import pytest

from medialens import workshop as ws
from conftest import ROOT

WORKSHOP = ROOT / "notebooks" / "workshop"
LEARNERS = [f"learner{n:02d}" for n in range(20)]
ITEMS = ws.annotation.items()
LABELS = ws.kit_data()["annotation"]["labels"]


def label_of(learner: int, row) -> str:
    """The kit's label, except: every fourth learner reads every third item one label on;
    learner 19 gives every item the last label of its list (the outlier)."""
    choices = LABELS[row.category]
    if learner == 19:
        return choices[-1]
    if learner % 4 == 1 and row.Index % 3 == 0:
        return choices[(choices.index(row.model) + 1) % len(choices)]
    return row.model


def code_with_the_form(learner: int, categories, shared, home):
    form = ws.coding_form(categories, shared, home=home)
    uncoded = ITEMS[ITEMS.category == "source"].item.iloc[learner] if learner < 6 else None
    for row in ITEMS[ITEMS.category.isin(categories)].itertuples():
        if row.item != uncoded:
            form.choose(row.item, label_of(learner, row))
    form.pseudonym.value = LEARNERS[learner]
    form.button.click()  # what pressing Save does
    return html.unescape(form.message.value)  # the message shown under the Save button


@pytest.fixture(scope="module")
def class_folder(tmp_path_factory):
    shared = tmp_path_factory.mktemp("shared")  # the class saves straight into one shared folder
    said = {}
    for learner in range(20):
        home = tmp_path_factory.mktemp(f"home{learner}")
        said[learner] = [code_with_the_form(learner, categories, shared, home)
                         for categories in (("source", "hedge"), ("frame",))]
    # A 21st learner picks learner07 too: the form refuses; a copy handed in by hand is reported.
    said["late"] = code_with_the_form(7, ("frame",), shared, tmp_path_factory.mktemp("home-late"))
    handed = shared / "annotations"
    frame = handed / "learner07_frame.csv"
    (handed / "learner07_frame (1).csv").write_text(frame.read_text().replace("human_interest", "economic"))
    return handed, said


def test_each_learners_save_says_what_it_saved(class_folder):
    _, said = class_folder
    assert said[10] == ["Saved 17 labels to annotations/learner10_source-hedge.csv.",
                        "Saved 7 labels to annotations/learner10_frame.csv."]
    assert said[3][0] == 'Saved 16 labels to annotations/learner03_source-hedge.csv; 1 item(s) still "?" were left out.'
    assert said["late"] == 'Nothing saved: someone else already saved under "learner07"; choose another pseudonym.'


def run(notebook, out, *parameters, env=None, source=None):
    """Run a learner copy with papermill (its cells edited first, as a learner types, when
    `source` maps a cell's old text to new); return the text of its outputs."""
    path = WORKSHOP / notebook
    if source:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            cell.source = source.get(cell.source, cell.source)
        path = out.parent / f"typed-{notebook}"
        nbformat.write(nb, path)
    args = [x for name, value in parameters for x in ("-p", name, str(value))]
    result = subprocess.run([sys.executable, "-m", "papermill", "--no-progress-bar", "-k", "python3", "--cwd",
                             str(WORKSHOP), str(path), str(out), *args], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    cells = nbformat.read(out, as_version=4).cells
    return "\n".join(o.get("text", "") or "".join(o.get("data", {}).get("text/plain", ""))
                     for c in cells for o in c.get("outputs", []))


def test_the_agreement_notebook_on_the_class_of_20(class_folder, tmp_path):
    handed, _ = class_folder
    text = run("04_class_agreement.ipynb", tmp_path / "agreement.ipynb", ("annotations", handed))
    coded, _ = ws.read_annotations(handed)
    assert "20 annotators handed in codes" in text
    assert ("learner07: 2 different files code frame under one pseudonym (learner07_frame (1).csv, "
            "learner07_frame.csv); all left out") in text
    assert ("source: Krippendorff's alpha" in text and "over all 20 annotators and 9 items; Fleiss' kappa" in text
            and "on the 14 annotators and 9 items coded by all (left out: annotators who left an item uncoded: "
            "learner00, learner01, learner02, learner03, learner04, learner05)" in text)
    assert "source: 190 pairs, kappa from" in text and "frame: 171 pairs" in text
    assert "far below the class, by mean kappa with everyone else: learner19" in text
    disagreed = ws.disagreements(coded, ws.tool_labels(ws.Kit.load()))
    assert f"The tool agrees with the class majority on {24 - len(disagreed)} of 24 items." in text
    assert f"They part on \"{disagreed.item.iloc[0]}\"" in text


def test_the_agreement_notebook_with_one_annotator_answers_in_a_sentence(class_folder, tmp_path):
    handed, _ = class_folder
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(handed / "learner10_frame.csv", alone)
    text = run("04_class_agreement.ipynb", tmp_path / "agreement.ipynb", ("annotations", alone))
    assert "Only learner10 handed in codes: agreement needs at least two annotators" in text
    assert "frame: one annotator, no agreement to measure." in text
    assert "The tool agrees with the class majority on" in text


def test_run_all_with_nothing_typed_hides_the_tool_and_asks_for_an_answer(tmp_path):
    text = run("00_opening.ipynb", tmp_path / "opening.ipynb")
    assert "Your list has no phrases yet" in text
    assert "The tool's reading appears here once you have answered the task above" in text
    assert "You found" not in text


def test_a_learner_who_types_two_sources_gets_their_own_answer_checked(tmp_path):
    starter = next(c.source for c in nbformat.read(WORKSHOP / "00_opening.ipynb", as_version=4).cells
                   if c.source.startswith("my_sources = ["))
    typed = starter.replace("my_sources = [", 'my_sources = [\n    "Maria Okafor",\n    "the company",', 1)
    text = run("00_opening.ipynb", tmp_path / "opening.ipynb", source={starter: typed})
    assert "You found 2 of the 5 sources the tool found." in text
    assert "appears here once" not in text


def test_a_workbook_run_with_nothing_typed_saves_nothing(tmp_path):
    text = run("01_sourcing_workbook.ipynb", tmp_path / "workbook.ipynb", ("workspace", tmp_path / "work"))
    assert "Coding form: 17 items (source, hedge)" in text
    assert not (tmp_path / "work" / "annotations").exists()


NOTEBOOKS = sorted(p.name for p in WORKSHOP.glob("[0-9]*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_notebook_runs_without_spacy_from_the_kits_tables(tmp_path, notebook):
    """spaCy made unimportable in the kernel: a `spacy` package that raises on import comes
    first on its path. No `tables` parameter: the kit finds its own precomputed tables."""
    blocker = tmp_path / "blocker" / "spacy"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('spaCy is not available on this machine')\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocker.parent), str(ROOT / "lib")])}
    mine = tmp_path / "my_articles"
    mine.mkdir()
    (mine / "story.txt").write_text("A story of our own.\n\nThe mayor said the road would reopen on Monday.\n")
    parameters = [("solutions", True)]
    if "workbook" in notebook:
        parameters.append(("workspace", tmp_path / "work"))
    if "bring_your_own" in notebook:
        parameters = [("articles", mine)]
    text = run(notebook, tmp_path / notebook, *parameters, env=env)
    if "bring_your_own" in notebook:
        assert "Tagging your own articles needs spaCy" in text
    elif "class_agreement" not in notebook:
        assert "read from the kit's precomputed tables (spaCy is not installed)" in text
    assert ("Re-tagging needs spaCy" in text) == (notebook == "03_framing_workbook.ipynb")
