"""The workshop kit: checks answer in plain words and never raise, the twin article's planted
differences are what the tool tags, agreement statistics match kappas worked out by hand,
annotation files (a malformed one is named and skipped), the lexicon exercise, the workbooks
without spaCy, `make lab` as root, and index.html opening with the brief."""
import os
import re
import subprocess
import sys

import nbformat
import pandas as pd
import pytest

import medialens as ml
from medialens import report, workshop as ws
from conftest import ROOT

WORKSHOP = ROOT / "notebooks" / "workshop"


@pytest.fixture(scope="module")
def kit():
    return ws.Kit.load()


# --- the twin article: each planted difference is one the tool sees -------------------------

def figure(kit, doc, surface):
    rows = kit.rows("figures", doc)
    return rows[rows.surface == surface].iloc[0]


def test_the_bound_dropped_in_b_is_a_bound_in_a_and_exact_in_b(kit):
    assert figure(kit, "fire_a", "Up to 300 workers").qualifier == "upper_bound"
    assert figure(kit, "fire_b", "300 workers").qualifier == "exact"


def test_the_figure_stated_firmly_in_a_is_speculative_in_b(kit):
    assert figure(kit, "fire_a", "40 percent").modality in ("asserted", "reported")
    assert figure(kit, "fire_b", "40 percent").modality == "speculative"


def test_the_named_source_of_a_is_unnamed_in_b(kit):
    a, b = kit.rows("sources", "fire_a"), kit.rows("sources", "fire_b")
    assert "Maria Okafor, the county fire chief" in set(a[a.source_type == "named_person"].surface)
    assert b[b.source_type == "named_person"].empty
    assert "Officials" in set(b.surface)


def test_the_frame_shift_adds_a_responsibility_cue_only_in_b(kit):
    assert kit.rows("frames", "fire_a", {"frame": "responsibility"}).empty
    assert "to blame" in set(kit.rows("frames", "fire_b", {"frame": "responsibility"}).surface)


def test_the_twin_differs_only_in_its_planted_places():
    a, b = ((ws.ARTICLES / f"fire_{v}.txt").read_text().splitlines() for v in "ab")
    changed = [(x, y) for x, y in zip(a, b) if x != y]
    planted = ws.kit_data()["twin"]["differences"]
    assert len(changed) == 3  # the bound, the source and the frame share a paragraph with nothing else
    for difference in planted:
        assert any(difference["a"] in x and difference["b"] in y for x, y in changed), difference["id"]


# --- checks: right, partly right, empty, wrong shape, wrong type -----------------------------

@pytest.mark.parametrize("task", sorted(ws.kit_data()["tasks"]))
def test_the_model_answer_of_every_task_gets_positive_feedback(kit, task):
    feedback = kit.check(task, kit.solution(task))
    assert not str(feedback).startswith(("The check could not", "This task wants", "Choose one"))
    assert "hard to defend" not in feedback.headline
    if ws.kit_data()["tasks"][task]["kind"] != "choice":
        # the tool agrees with every model answer the kit gives for the twin and flood articles
        assert "missed" not in feedback.headline and "read these differently" not in str(feedback)


def test_a_partly_right_list_names_what_the_tool_also_found_with_its_sentence(kit):
    feedback = str(kit.check("twin_sources_b", ["Officials", "the company"]))
    assert feedback.startswith("You found 2 of the 6 sources the tool found.")
    assert '"one official" (anonymous) in: "' in feedback
    assert "The room had no working sprinklers" in feedback  # the sentence of "one official"


def test_what_the_learner_found_and_the_tool_did_not_is_the_tools_miss(kit):
    feedback = kit.check("twin_modality_b", {"10 p.m.": "firm", "40 percent": "hedged"})
    assert "the tool's miss, not yours" in str(feedback)
    assert '"10 p.m.": firm' in str(feedback)
    assert "wrong" not in str(feedback).lower()


def test_a_different_reading_is_discussed_not_marked_wrong(kit):
    feedback = str(kit.check("twin_modality_b", {"300 workers": "hedged"}))
    assert '"300 workers": you say hedged, the tool says firm' in feedback
    assert "wrong" not in feedback.lower()


def test_words_not_in_the_article_are_asked_to_be_copied(kit):
    assert "not in the article" in str(kit.check("twin_sources_b", ["the fire chief"]))


@pytest.mark.parametrize("answer, expected", [
    ("partly", '"partly" is a defensible answer'),
    ("No", '"no" is a defensible answer'),
    (["no"], '"no" is a defensible answer'),
    ("yes", '"yes" is hard to defend here'),
])
def test_an_interpretive_question_accepts_every_defensible_answer_with_its_reason(kit, answer, expected):
    feedback = kit.check("accountable_officials", answer)
    assert feedback.headline.startswith(expected)
    assert ": " in feedback.headline  # the reason follows


def test_the_dominant_frame_feedback_reports_the_tools_count(kit):
    feedback = str(kit.check("twin_dominant", "responsibility"))
    dominant = kit.tables["scores"].set_index("doc_id").dominant_frame["fire_b"]
    assert f"dominant frame: {dominant}" in feedback


BAD_ANSWERS = [[], "", "?", ["?"], None, 3, 2.5, True, {"a": 1}, {}, [1, 2], [["x"]],
               pd.DataFrame({"a": [1]}), pd.DataFrame(), object(), {"300 workers": 7}, {"300 workers": "maybe"}]


@pytest.mark.parametrize("task", ["twin_sources_b", "twin_modality_b", "twin_dominant", "flood_precision"])
@pytest.mark.parametrize("answer", BAD_ANSWERS, ids=[repr(a)[:20] for a in BAD_ANSWERS])
def test_empty_wrong_shape_and_wrong_type_get_one_friendly_sentence(kit, task, answer):
    feedback = kit.check(task, answer)
    text = str(feedback)
    assert isinstance(feedback, ws.Feedback)
    assert "Traceback" not in text and "Error" not in text
    assert feedback.headline.endswith(".") and not feedback.headline.startswith("You found")


def test_an_unknown_task_lists_the_tasks(kit):
    assert "the tasks are: opening_sources" in str(kit.check("task9", ["x"]))


# --- annotation files and agreement ------------------------------------------------------------

def coded(rows):
    return pd.DataFrame(rows, columns=["annotator", "category", "item", "label"])


def two_coders(a, b, category="hedge"):
    return coded([(n, category, f"item{i}", lab) for n, labels in (("a", a), ("b", b))
                  for i, lab in enumerate(labels)])


def test_cohen_kappa_matches_the_hand_computation():
    # p_o = 3/4; p_e = 1/2 * 1/4 + 1/2 * 3/4 = 1/2; kappa = (3/4 - 1/2) / (1 - 1/2) = 0.5
    pairs = ws.pairwise_kappas(two_coders(["hedge", "hedge", "not_a_hedge", "not_a_hedge"],
                                          ["hedge", "not_a_hedge", "not_a_hedge", "not_a_hedge"]))
    assert pairs.kappa.tolist() == [0.5] and pairs.share_agree.tolist() == [0.75]


def test_cohen_kappa_is_one_for_identical_and_negative_for_opposite_coding():
    same = ["hedge", "booster", "hedge", "not_a_hedge"]
    assert ws.pairwise_kappas(two_coders(same, same)).kappa.tolist() == [1.0]
    # p_o = 0, p_e = 1/2: kappa = -1
    assert ws.pairwise_kappas(two_coders(["hedge", "not_a_hedge"], ["not_a_hedge", "hedge"])).kappa.tolist() == [-1.0]


def test_fleiss_kappa_matches_the_hand_computation():
    # 3 coders, 4 items: counts per item (hedge, not) = (3,0) (0,3) (3,0) (2,1)
    # P_i = 1, 1, 1, 1/3; P = 5/6; p = (8/12, 4/12); P_e = 5/9; kappa = (5/6 - 5/9) / (4/9) = 0.625
    labels = {"a": ["hedge", "not_a_hedge", "hedge", "hedge"], "b": ["hedge", "not_a_hedge", "hedge", "hedge"],
              "c": ["hedge", "not_a_hedge", "hedge", "not_a_hedge"]}
    table = coded([(n, "hedge", f"item{i}", lab) for n, ls in labels.items() for i, lab in enumerate(ls)])
    result = ws.fleiss_kappas(table)
    assert result.kappa.tolist() == [0.625]
    assert result[["n_annotators", "n_items"]].values.tolist() == [[3, 4]]


def test_the_class_majority_names_ties_and_ranks_the_splits_first():
    table = coded([("a", "frame", "x", "economic"), ("b", "frame", "x", "conflict"),
                   ("a", "frame", "y", "economic"), ("b", "frame", "y", "economic")])
    majority = ws.class_majority(table)
    assert majority.set_index("item").majority.to_dict() == {"x": "conflict/economic", "y": "economic"}
    assert ws.most_disagreed(majority, n=1).item.tolist() == ["x"]


def test_a_saved_sheet_reads_back_and_a_malformed_file_is_named_and_skipped(tmp_path):
    sheet = ws.annotation_sheet(("source", "hedge"), solutions=True)
    assert ws.save_annotation("heron7", sheet, tmp_path) == "Saved 17 labels to " f"{tmp_path.name}/heron7_source-hedge.csv."
    (tmp_path / "broken.csv").write_text("who,what\nx,y\n")
    (tmp_path / "typo.csv").write_text("annotator,category,item,label\nowl,hedge,reportedly,hedgy\n")
    table, problems = ws.read_annotations(tmp_path)
    assert sorted(table.annotator.unique()) == ["heron7"] and len(table) == 17
    assert problems[0].startswith("broken.csv: missing column(s)")
    assert problems[1].startswith("typo.csv: 1 row(s) with an unknown item or label")


@pytest.mark.parametrize("pseudonym, change, expected", [
    ("owl", {}, "Nothing saved yet: replace"),
    ("my name", {"Critics": "vague"}, "Choose a pseudonym"),
    ("owl", {"Critics": "loud"}, "Nothing saved yet; fix these labels: 'Critics': 'loud'"),
    ("owl", {"Critics": "vague"}, "Saved 1 labels"),
    (None, {"Critics": "vague"}, "Choose a pseudonym"),
])
def test_saving_a_sheet_answers_in_one_sentence(tmp_path, pseudonym, change, expected):
    sheet = ws.annotation_sheet(("source",))
    sheet["source"].update(change)
    assert ws.save_annotation(pseudonym, sheet, tmp_path).startswith(expected)


def test_a_folder_that_cannot_be_written_is_a_sentence(tmp_path):
    (tmp_path / "file").write_text("")
    sheet = ws.annotation_sheet(("source",), solutions=True)
    assert ws.save_annotation("owl", sheet, tmp_path / "file" / "sub").startswith("Nothing saved: the folder sub")


def test_a_sheet_of_the_wrong_shape_is_not_saved(tmp_path):
    assert ws.save_annotation("owl", ["vague"], tmp_path).startswith("The sheet should stay")
    assert not list(tmp_path.iterdir())


def test_the_sample_class_gives_kappas_and_a_table_against_the_tool(kit):
    table, problems = ws.read_annotations(ws.ARTICLES.parent / "sample_class")
    assert [p.split(":")[0] for p in problems] == ["kestrel_source-hedge.csv"]
    kappas = ws.fleiss_kappas(table)
    assert set(kappas.category) == {"source", "hedge", "frame"}
    assert kappas.kappa.between(-1, 1).all()
    confusion = ws.versus_tool(ws.class_majority(table), ws.tool_labels(kit))
    assert confusion["hedge"].to_numpy().sum() == 8


def test_the_tool_labels_every_item_from_the_tagged_tables(kit):
    labels = ws.tool_labels(kit).set_index("item").tool
    assert labels["Tom Reyes, the authority's chief engineer"] == "named_person"
    assert labels["if the rain continues"] == "conditional"
    assert labels["have not seen"] == "not_a_hedge"
    # "Critics" and "blamed" are conflict cues, "blamed" also responsibility and "budget" economic:
    # conflict has the most cues in that sentence
    assert labels["Critics blamed the council"] == "conflict"


# --- the lexicon exercise ----------------------------------------------------------------------

def test_a_cue_added_to_a_lexicon_copy_changes_the_score_and_the_highlights(tmp_path, kit):
    copy = ws.copy_lexicon("emotive", tmp_path)
    # the label most of the file's patterns have: VADER's negative words outnumber its positive ones
    assert ws.add_cue(copy, "Burst its banks") == "emotive.jsonl now counts 'burst its banks' as negative."
    assert ws.add_cue(copy, "burst its banks") == ws.add_cue(copy, "burst its banks")  # once
    assert copy.read_text().count("workshop-burst-its-banks") == 1
    after = ml.tag_corpus(ws.ARTICLES, lexicons={"emotive": str(copy)})
    score = lambda tables: tables["scores"].set_index("doc_id").emotive_per_100_words["flood"]
    assert score(after) > score(kit.tables)
    spans = ml.article_spans(after, "flood", ("emotive",))
    assert "burst its banks" in {kit.text("flood")[s:e] for s, e in zip(spans.start, spans.end)}


@pytest.mark.parametrize("lexicon, cue, score", [
    ("hedges", "refused", "n_hedges"),
    ("human_interest", "heavy rain", "share_frame_human_interest"),
])
def test_a_cue_added_to_a_hedge_or_frame_list_raises_its_score(tmp_path, kit, lexicon, cue, score):
    copy = ws.copy_lexicon(lexicon, tmp_path)
    ws.add_cue(copy, cue)
    after = ml.tag_corpus(ws.ARTICLES, lexicons={lexicon: str(copy)})
    value = lambda tables: tables["scores"].set_index("doc_id")[score]["flood"]
    assert value(after) > value(kit.tables)


def test_copying_a_lexicon_keeps_the_learners_edits(tmp_path):
    copy = ws.copy_lexicon("hedges", tmp_path)
    ws.add_cue(copy, "word on the street")
    assert "workshop-word-on-the-street" in ws.copy_lexicon("hedges", tmp_path).read_text()
    assert "workshop-word-on-the-street" not in ws.copy_lexicon("hedges", tmp_path, fresh=True).read_text()


# --- the notebooks -----------------------------------------------------------------------------

def test_every_workshop_notebook_has_parameters_with_solutions_and_committed_solution_runs():
    for path in sorted(WORKSHOP.glob("*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        parameters = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
        assert len(parameters) == 1 and "solutions: bool = False" in parameters[0].source, path.name
        injected = [c for c in cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert injected and "solutions = True" in injected[0].source, path.name
        assert not any(o.get("output_type") == "error" for c in cells for o in c.get("outputs", [])), path.name
        assert all(c.execution_count for c in cells if c.cell_type == "code"), f"{path.name} is not executed"


def test_the_running_order_adds_up_to_90_minutes_and_matches_each_notebook():
    guide = (ROOT / "docs" / "facilitator.md").read_text()
    order = guide[guide.index("## Running order"):guide.index("## What to cut")]
    rows = re.findall(r"^\| \d+ \| `(\w+)\.ipynb`.*\| (\d+) \|$", order, flags=re.M)
    assert sorted(name for name, _ in rows) == sorted(p.stem for p in WORKSHOP.glob("*.ipynb"))
    assert sum(int(minutes) for _, minutes in rows) == 90
    for name, minutes in rows:
        header = nbformat.read(WORKSHOP / f"{name}.ipynb", as_version=4).cells[0].source
        assert re.search(rf"^\| {minutes} minutes", header, flags=re.M), name


def test_the_committed_notebooks_are_what_the_builder_writes_from_the_kit_data(tmp_path):
    """A model answer changed in kit.json must reach the notebooks' collapsed solutions."""
    subprocess.run([sys.executable, str(WORKSHOP / "build_notebooks.py"), "--out", str(tmp_path)], check=True)
    for path in sorted(WORKSHOP.glob("*.ipynb")):
        built = [(c.cell_type, c.source) for c in nbformat.read(tmp_path / path.name, as_version=4).cells]
        committed = [(c.cell_type, c.source) for c in nbformat.read(path, as_version=4).cells
                     if "injected-parameters" not in c.metadata.get("tags", [])]
        assert committed == built, f"{path.name}: run notebooks/workshop/build_notebooks.py --execute"


def test_solutions_are_collapsed_in_every_task():
    for path in sorted(WORKSHOP.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown" and "Solution" in cell.source:
                assert "<details><summary>Solution" in cell.source, path.name


def test_the_workbooks_run_from_precomputed_tables_without_spacy(tmp_path, kit):
    """spaCy made unimportable in the kernel: a `spacy` package that raises on import comes
    first on its path. Each workbook runs end to end from the tables folder."""
    blocker = tmp_path / "blocker" / "spacy"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('spaCy is not available on this machine')\n")
    ml.write_tables(kit.tables, tmp_path / "tables")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocker.parent), str(ROOT / "lib")])}
    for name in ("01_sourcing_workbook", "02_figures_workbook", "03_framing_workbook"):
        out = tmp_path / f"{name}.ipynb"
        run = subprocess.run([sys.executable, "-m", "papermill", "--no-progress-bar", "-k", "python3",
                              str(WORKSHOP / f"{name}.ipynb"), str(out), "-p", "tables", str(tmp_path / "tables"),
                              "-p", "solutions", "True", "-p", "workspace", str(tmp_path / "work"),
                              "--cwd", str(WORKSHOP)], env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr[-2000:]
        outputs = "".join(o.get("text", "") for c in nbformat.read(out, as_version=4).cells
                          for o in c.get("outputs", []))
        assert "read from precomputed tables" in outputs
        assert ("Re-tagging needs spaCy" in outputs) == (name == "03_framing_workbook")
    assert (tmp_path / "work" / "annotations" / "facilitator_frame.csv").exists()


# --- make lab, index.html --------------------------------------------------------------------------

@pytest.mark.parametrize("user_id, container, expected, absent", [
    ("0", "", "--allow-root", "--ip"),
    ("1000", "", "jupyter lab notebooks/", "--allow-root"),
    ("0", "yes", "--allow-root --ip=0.0.0.0 --no-browser", None),
])
def test_make_lab_starts_jupyterlab_as_root_and_in_containers(user_id, container, expected, absent):
    # --no-print-directory: under `make test` this make is a sub-make, which would add
    # "make[1]: Leaving directory" lines.
    run = subprocess.run(["make", "--no-print-directory", "-n", "lab", f"USER_ID={user_id}",
                          f"IN_CONTAINER={container}"], cwd=ROOT, capture_output=True, text=True)
    command = next(line for line in run.stdout.splitlines() if "jupyter lab" in line)
    assert expected in command and (absent is None or absent not in command)


def test_index_opens_with_the_briefs_in_short_paragraph_and_thumbnails(tmp_path):
    brief = nbformat.v4.new_notebook()
    printed = nbformat.v4.new_code_cell("print(...)")
    printed.outputs = [nbformat.v4.new_output("stream", name="stdout", text="3 articles. Best sourced: a.\nMost speculative: <b>.\n")]
    brief.cells = [nbformat.v4.new_markdown_cell("# The brief"), nbformat.v4.new_markdown_cell("## In short"),
                   printed, nbformat.v4.new_markdown_cell("## Next"),
                   nbformat.v4.new_code_cell("print(1)")]
    (tmp_path / "notebooks").mkdir()
    nbformat.write(brief, tmp_path / "notebooks" / "04_story_brief.ipynb")
    (tmp_path / "figures").mkdir()
    for name in ("article_lengths", "brief_scores"):
        (tmp_path / "figures" / f"{name}.png").write_bytes(b"png")
    page = report.index_page(tmp_path)
    assert page.index("In short") < page.index("<h2>Analyses")
    assert "<p>3 articles. Best sourced: a.</p><p>Most speculative: &lt;b&gt;.</p>" in page
    assert page.index('<img src="figures/brief_scores.png"') < page.index('<img src="figures/article_lengths.png"')
    assert "print(1)" not in page and "<p>1</p>" not in page


def test_index_without_a_brief_still_links_everything(tmp_path):
    (tmp_path / "notebooks").mkdir()
    assert "In short" not in report.index_page(tmp_path) and "<h2>Analyses" in report.index_page(tmp_path)
