"""The workshop kit: checks answer in plain words and never raise (every check() case of issue 22
with its expected feedback), the twin article's planted differences are what the tool tags,
agreement statistics match kappas and alpha worked out by hand, saving and reading annotation
files, the lexicon exercise, the notebooks as committed (learner copies, facilitator copies, the
guide's generated statements), `make lab` as root, and index.html opening with the brief.
tests/test_workshop_class.py runs a simulated class of 20 through the notebooks."""
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
    assert feedback.startswith("You found 2 of the 6 sources the tool found.")  # Officials, one official: two speakers
    assert '"one official" (anonymous) in: "' in feedback
    assert "The room had no working sprinklers" in feedback  # the sentence of "one official"


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


# --- the check() cases: whole words, items covered, known wrong answers, natural forms ---

PART = "A part is not a find"
NOT_WHOLE = "not in the article as whole words"


@pytest.mark.parametrize("task, answer, headline, section", [
    ("opening_sources", ["the"], "You found 0 of the 5 sources", '"the" is only part of'),
    ("opening_sources", ["county"], "You found 0 of the 5 sources", '"county" is only part of'),
    ("opening_sources", ["Okaf"], "You found 0 of the 5 sources", NOT_WHOLE),
    ("opening_sources", ["compan"], "You found 0 of the 5 sources", NOT_WHOLE),
    ("flood_hedges", ["i"], "You found 0 of the 5 hedges", NOT_WHOLE),
    ("flood_hedges", ["report"], "You found 0 of the 5 hedges", NOT_WHOLE),
    ("twin_blame_cues", ["who is to blam"], "You found 0 of the 1 responsibility cue the tool found", NOT_WHOLE),
], ids=lambda v: str(v)[:24])
def test_a_fragment_is_not_a_find(kit, task, answer, headline, section):
    feedback = str(kit.check(task, answer))
    assert feedback.startswith(headline) and section in feedback


def test_the_tools_items_covered_are_counted_not_the_phrases_typed(kit):
    typed = ["county", "coroner", "office", "Maria", "Okafor", "fire chief", "company", "owners"]
    feedback = str(kit.check("opening_sources", typed))
    # Maria, Okafor and "fire chief" are one source; "company" and "owners" two more; the
    # coroner's office is named only in parts
    assert feedback.startswith("You found 3 of the 5 sources the tool found.")
    assert '"office" is only part of "the county coroner\'s office"' in feedback
    assert str(kit.check("opening_sources", ["Okafor", "okafor", "OKAFOR"])).startswith("You found 1 of the 5")


@pytest.mark.parametrize("task, answer, headline", [
    ("opening_sources", ["the county coroner's office", "the company's shift records", "Okafor", "the company",
                         "The plant's owners"], "You found every one of the 5 sources the tool found."),
    ("flood_hedges", ["could fail if the rain continues", "could cost", "reportedly", "likely"],
     "You found every one of the 5 hedges the tool found."),
    ("twin_blame_cues", ["who is to blame"], "You found every one of the 1 responsibility cue the tool found."),
])
def test_a_complete_answer_is_called_complete(kit, task, answer, headline):
    feedback = kit.check(task, answer)
    assert feedback.headline == headline
    assert not any(title.startswith("The tool also found") for title, _ in feedback.sections)


@pytest.mark.parametrize("task, answer, reason", [
    ("opening_sources", ["said"], "A verb of saying"),
    ("opening_sources", ["Brennan Textiles"], "The company the report is about, not who speaks"),
    ("opening_sources", ["Investigators", "Relatives"], "nobody quotes them"),
    ("flood_hedges", ["would review"], "A plan reported in indirect speech"),
    ("flood_hedges", ["Critics"], "the task leaves these for the sourcing exercise"),
    ("flood_hedges", ["have not seen"], "A plain negative statement"),
    ("flood_hedges", ["burst its banks"], "Strong wording, not uncertainty"),
    ("flood_precision", {"12 hours": "exact", "1998": "exact"}, "the tool leaves years out on purpose"),
    ("twin_blame_cues", ["faulty wiring"], "What failed, not who failed"),
], ids=lambda v: str(v)[:24])
def test_a_known_wrong_answer_gets_the_guides_reason_not_the_tools_miss(kit, task, answer, reason):
    feedback = str(kit.check(task, answer))
    assert reason in feedback
    assert "the tool's miss" not in feedback


def test_every_known_wrong_answer_is_one_the_tool_does_not_tag(kit):
    """The reasons say what the tool leaves out ("the tool leaves years out"): true today."""
    for name, spec in ws.kit_data()["tasks"].items():
        for wrong in spec.get("wrong", {}):
            feedback = str(kit.check(name, {wrong: spec["choices"][0]} if spec["kind"] == "labels" else [wrong]))
            assert "You and the tool both found" not in feedback and "You and the tool agree:" not in feedback, (name, wrong)


def test_every_not_a_hedge_item_of_the_kit_is_a_known_wrong_hedge():
    data = ws.kit_data()
    not_hedges = {i["item"] for i in data["annotation"]["items"] if i["model"] == "not_a_hedge"}
    assert not_hedges <= set(data["tasks"]["flood_hedges"]["wrong"])


@pytest.mark.parametrize("task, answer, expected", [
    ("twin_dominant", "human interest", '"human_interest" is a defensible answer'),
    ("twin_dominant", "human-interest", '"human_interest" is a defensible answer'),
    ("twin_dominant", "Human_Interest", '"human_interest" is a defensible answer'),
    ("flood_accountable", "Tom Reyes", "\"Tom Reyes, the authority's chief engineer\" is a defensible answer"),
    ("twin_bound", "300", '"300 workers" is a defensible answer'),
    ("twin_bound", "workers", "fits several choices"),
    ("flood_precision", {"1500 residents": "exact"}, '"1500 residents": exact'),
    ("flood_precision", {"about 600 homes": "Approximate"}, '"about 600 homes": approximate'),
    ("twin_modality_b", {"300": "firm"}, '"300": firm'),
], ids=lambda v: str(v)[:24])
def test_a_right_answer_is_accepted_in_its_natural_form(kit, task, answer, expected):
    assert expected in str(kit.check(task, answer))


def test_a_missing_comma_between_two_lines_is_pointed_out(kit):
    answer = ["the county coroner's office"
              "Maria Okafor"]  # the comma a learner forgot: Python joins the two lines
    feedback = str(kit.check("opening_sources", answer))
    assert "a comma may be missing between \"the county coroner's office\" and \"Maria Okafor\"" in feedback
    assert feedback.startswith("You found 2 of the 5")


@pytest.mark.parametrize("answer, found", [("crisis", 0), ("reportedly", 1), (["reportedly."], 1), (["Reportedly!"], 1)])
def test_one_phrase_as_text_and_punctuation_at_its_ends_are_read(kit, answer, found):
    assert kit.check("flood_hedges", answer).headline.startswith(f"You found {found} of the 5 hedges")


@pytest.mark.parametrize("cues, added", [
    ("crisis", ["crisis"]),
    (["crisis."], ["crisis"]),
    ("crisis, burst its banks", ["crisis", "burst its banks"]),
    (["crisis", "Crisis", " crisis "], ["crisis"]),
])
def test_new_cues_as_text_or_with_punctuation_add_whole_words(tmp_path, cues, added):
    copy = ws.copy_lexicon("emotive", tmp_path)
    said = ws.add_cues(copy, cues)
    assert said.splitlines() == [f"emotive.jsonl now counts '{cue}' as negative." for cue in added]
    assert "workshop-c\"" not in copy.read_text() and '"id": "workshop-c"' not in copy.read_text()


def test_the_tools_miss_is_called_so_only_where_the_kits_answer_agrees(kit):
    """A kit whose tool missed "Officials": a learner who lists it is told it is the tool's miss."""
    tables = dict(kit.tables)
    tables["sources"] = tables["sources"][~((tables["sources"].doc_id == "fire_b")
                                            & (tables["sources"].start == kit.text("fire_b").index("Officials")))]
    feedback = str(ws.Kit(tables).check("twin_sources_b", ["Officials", "the blaze"]))
    assert "the kit's answer lists them too (the tool's miss, not yours):\n  - \"Officials\"" in feedback
    assert 'Neither the tool nor the kit\'s answer lists these' in feedback and '"the blaze"' in feedback


def test_highlights_wait_for_an_answer(kit):
    hidden = str(kit.show_after("opening_sources", [], "fire_a"))
    assert "appears here once you have answered" in hidden
    assert "appears here" in str(kit.show_after("twin_dominant", "?", "fire_b"))
    shown = str(kit.show_after("opening_sources", ["Okafor"], "fire_a"))
    assert "<mark" in shown or "style=" in shown


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
    assert ws.pairwise_kappas(two_coders(["hedge", "not_a_hedge"], ["not_a_hedge", "hedge"])).kappa.tolist() == [-1.0]


THREE_CODERS = {"a": ["hedge", "not_a_hedge", "hedge", "hedge"], "b": ["hedge", "not_a_hedge", "hedge", "hedge"],
                "c": ["hedge", "not_a_hedge", "hedge", "not_a_hedge"]}


def test_fleiss_kappa_and_krippendorffs_alpha_match_the_hand_computation():
    # Fleiss: counts per item (hedge, not) = (3,0) (0,3) (3,0) (2,1); P = 5/6; P_e = 5/9; kappa = 0.625
    # Alpha (nominal): 12 values, 8 hedge and 4 not; only the (2,1) item disagrees, giving the
    # coincidences o_hn = o_nh = 2/(3-1) = 1; alpha = 1 - (n-1)(o_hn+o_nh)/(2 n_h n_n) = 1 - 22/64 = 0.656
    table = coded([(n, "hedge", f"item{i}", lab) for n, ls in THREE_CODERS.items() for i, lab in enumerate(ls)])
    result = ws.fleiss_and_alpha(table).iloc[0]
    assert (result.fleiss_kappa, result.alpha) == (0.625, 0.656)
    assert (result.fleiss_annotators, result.fleiss_items, result.annotators_left_out) == (3, 4, "")


def test_an_uncoded_item_is_named_and_alpha_still_counts_every_code():
    rows = [(n, "hedge", f"item{i}", lab) for n, ls in THREE_CODERS.items() for i, lab in enumerate(ls)]
    rows += [("d", "hedge", "item0", "hedge"), ("d", "hedge", "item1", "not_a_hedge")]  # d coded two of four
    result = ws.fleiss_and_alpha(coded(rows)).iloc[0]
    assert result.n_annotators == 4 and result.fleiss_annotators == 3 and result.annotators_left_out == "d"
    assert result.fleiss_kappa == 0.625 and 0.656 < result.alpha <= 1


def test_the_class_majority_names_ties_and_ranks_the_splits_first():
    table = coded([("a", "frame", "x", "economic"), ("b", "frame", "x", "conflict"),
                   ("a", "frame", "y", "economic"), ("b", "frame", "y", "economic")])
    majority = ws.class_majority(table)
    assert majority.set_index("item").majority.to_dict() == {"x": "conflict/economic", "y": "economic"}
    assert ws.most_split(majority, n=1).item.tolist() == ["x"]


def test_the_class_against_the_tool_is_square_and_names_the_items_they_part_on_most():
    table = coded([(n, "hedge", item, label) for n, item, label in [
        ("a", "x", "hedge"), ("b", "x", "hedge"), ("c", "x", "hedge"),
        ("a", "y", "booster"), ("b", "y", "hedge"), ("c", "y", "booster"),
        ("a", "z", "weasel"), ("b", "z", "weasel"), ("c", "z", "weasel")]])
    tool = pd.DataFrame({"category": "hedge", "item": ["x", "y", "z"], "tool": ["hedge", "hedge", "not_a_hedge"]})
    square = ws.versus_tool(ws.class_majority(table), tool)["hedge"]
    assert list(square.index) == list(square.columns) == ["booster", "hedge", "not_a_hedge", "weasel"]
    disagreed = ws.disagreements(table, tool)
    assert disagreed[["item", "share_with_tool"]].values.tolist() == [["z", 0.0], ["y", 0.333]]


def test_saving_refuses_an_unknown_item_with_the_nearest_one(tmp_path):
    sheet = {"source": {"Critcs": "vague"}}
    said = ws.save_annotation("owl", sheet, tmp_path)
    assert said == "Nothing saved yet; fix these: 'Critcs' is not an item of source (did you mean 'Critics'?)"
    assert not list(tmp_path.iterdir())


def test_saving_refuses_a_pseudonym_another_learner_saved_under(tmp_path):
    sheet = {"source": {"Critics": "vague"}}
    assert ws.save_annotation("heron", sheet, tmp_path, learner="one").startswith("Saved 1 labels")
    assert ws.save_annotation("heron", sheet, tmp_path, learner="one").startswith("Saved 1 labels")  # saving again
    assert ws.save_annotation("heron", sheet, tmp_path, learner="two") == (
        'Nothing saved: someone else already saved under "heron"; choose another pseudonym.')


@pytest.mark.parametrize("pseudonym, change, expected", [
    ("owl", {}, "Nothing saved yet: choose a label"),
    ("my name", {"Critics": "vague"}, "Choose a pseudonym"),
    ("?", {"Critics": "vague"}, "Choose a pseudonym"),
    ("owl", {"Critics": "loud"}, "Nothing saved yet; fix these: 'Critics': 'loud' is not a label"),
    ("owl", {"Critics": "Vague"}, "Saved 1 labels"),
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


def test_reading_names_bad_files_keeps_good_rows_and_never_merges_two_learners(tmp_path):
    sheet = ws.annotation_sheet(("source", "hedge"), solutions=True)
    assert ws.save_annotation("heron7", sheet, tmp_path) == f"Saved 17 labels to {tmp_path.name}/heron7_source-hedge.csv."
    (tmp_path / "broken.csv").write_text("who,what\nx,y\n")
    (tmp_path / "typo.csv").write_text("annotator,category,item,label\nowl,hedge,reportedly,hedgy\nowl,hedge,likely,hedge\n")
    (tmp_path / "wren_frame.csv").write_text("annotator,category,item,label\nwren,frame,Critics blamed the council,conflict\n")
    (tmp_path / "wren_frame (1).csv").write_text("annotator,category,item,label\nwren,frame,Critics blamed the council,economic\n")
    table, problems = ws.read_annotations(tmp_path)
    assert sorted(table.annotator.unique()) == ["heron7"]  # owl's item "likely" is not an item; wren is left out
    assert problems[0].startswith("broken.csv: missing column(s)")
    assert problems[1].startswith("typo.csv: 2 row(s) with an unknown item or label left out")
    assert problems[2] == ("wren: 2 different files code frame under one pseudonym (wren_frame (1).csv, wren_frame.csv); "
                           "all left out until each learner has a pseudonym of their own")


def test_the_sample_class_gives_agreement_and_a_square_table_against_the_tool(kit):
    table, problems = ws.read_annotations(ws.ARTICLES.parent / "sample_class")
    assert [p.split(":")[0] for p in problems] == ["kestrel_source-hedge.csv"]
    kappas = ws.fleiss_and_alpha(table)
    assert set(kappas.category) == {"source", "hedge", "frame"}
    assert kappas.alpha.between(-1, 1).all() and kappas.fleiss_kappa.between(-1, 1).all()
    confusion = ws.versus_tool(ws.class_majority(table), ws.tool_labels(kit))
    assert confusion["hedge"].to_numpy().sum() == 8
    assert all(list(t.index) == list(t.columns) for t in confusion.values())


def test_the_tool_labels_every_item_from_the_tagged_tables(kit):
    labels = ws.tool_labels(kit).set_index("item").tool
    assert labels["Tom Reyes, the authority's chief engineer"] == "named_person"
    assert labels["if the rain continues"] == "conditional"
    assert labels["have not seen"] == "not_a_hedge"


# --- the lexicon exercise ----------------------------------------------------------------------

def test_a_cue_added_to_a_lexicon_copy_changes_the_score_and_the_highlights(tmp_path, kit):
    copy = ws.copy_lexicon("emotive", tmp_path)
    # the label most of the file's patterns have: VADER's negative words outnumber its positive ones
    assert ws.add_cue(copy, "Burst its banks") == "emotive.jsonl now counts 'burst its banks' as negative."
    assert ws.add_cue(copy, "burst its banks") == ws.add_cue(copy, "burst its banks")  # once
    assert copy.read_text().count("workshop-burst-its-banks") == 1
    after = ws.retag(kit, "emotive", copy)
    changed = ws.changed_scores(kit, after, "flood")
    assert changed.loc["emotive_per_100_words", "after"] > changed.loc["emotive_per_100_words", "before"]
    spans = ml.article_spans(after.tables, "flood", ("emotive",))
    assert "burst its banks" in {kit.text("flood")[s:e] for s, e in zip(spans.start, spans.end)}


@pytest.mark.parametrize("lexicon, cue, score", [
    ("hedges", "refused", "n_hedges"),
    ("human_interest", "heavy rain", "share_frame_human_interest"),
])
def test_a_cue_added_to_a_hedge_or_frame_list_raises_its_score(tmp_path, kit, lexicon, cue, score):
    copy = ws.copy_lexicon(lexicon, tmp_path)
    ws.add_cue(copy, cue)
    after = ws.retag(kit, lexicon, copy)
    value = lambda k: k.tables["scores"].set_index("doc_id")[score]["flood"]
    assert value(after) > value(kit)


def test_copying_a_lexicon_keeps_the_learners_edits(tmp_path):
    copy = ws.copy_lexicon("hedges", tmp_path)
    ws.add_cue(copy, "word on the street")
    assert "workshop-word-on-the-street" in ws.copy_lexicon("hedges", tmp_path).read_text()
    assert "workshop-word-on-the-street" not in ws.copy_lexicon("hedges", tmp_path, fresh=True).read_text()


# --- the notebooks -----------------------------------------------------------------------------

LEARNER_COPIES = sorted(WORKSHOP.glob("[0-9]*.ipynb"))


def test_learner_copies_hold_no_answers_and_no_outputs_and_facilitator_copies_are_solution_runs():
    assert len(LEARNER_COPIES) == 9
    for path in LEARNER_COPIES:
        cells = nbformat.read(path, as_version=4).cells
        parameters = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
        assert len(parameters) == 1 and "solutions: bool = False" in parameters[0].source, path.name
        assert not [c for c in cells if "injected-parameters" in c.metadata.get("tags", [])], path.name
        assert not any(c.get("outputs") or c.get("execution_count") for c in cells if c.cell_type == "code"), path.name
        facilitator = nbformat.read(WORKSHOP / "facilitator" / path.name, as_version=4).cells
        injected = [c for c in facilitator if "injected-parameters" in c.metadata.get("tags", [])]
        assert injected and "solutions = True" in injected[0].source, path.name
        assert not any(o.get("output_type") == "error" for c in facilitator for o in c.get("outputs", [])), path.name
        assert all(c.execution_count for c in facilitator if c.cell_type == "code"), f"{path.name} is not executed"


def test_the_committed_notebooks_are_what_the_builder_writes_from_the_kit_data(tmp_path):
    """A model answer changed in kit.json must reach the notebooks' collapsed solutions."""
    subprocess.run([sys.executable, str(WORKSHOP / "build_notebooks.py"), "--out", str(tmp_path)], check=True)
    for path in LEARNER_COPIES:
        built = [(c.cell_type, c.source) for c in nbformat.read(tmp_path / path.name, as_version=4).cells]
        for copy in (path, WORKSHOP / "facilitator" / path.name):
            committed = [(c.cell_type, c.source) for c in nbformat.read(copy, as_version=4).cells
                         if "injected-parameters" not in c.metadata.get("tags", [])]
            assert committed == built, f"{copy.name}: run notebooks/workshop/build_notebooks.py --execute"


def test_solutions_are_collapsed_and_every_notebook_ends_with_key_points():
    for path in LEARNER_COPIES:
        cells = nbformat.read(path, as_version=4).cells
        for cell in cells:
            if cell.cell_type == "markdown" and "Solution" in cell.source:
                assert "<details><summary>Solution" in cell.source, path.name
        assert cells[-1].source.startswith("## Key points"), path.name
        assert "no programming" not in cells[0].source, path.name


def test_the_running_order_adds_up_and_matches_each_notebook():
    guide = (ROOT / "docs" / "facilitator.md").read_text()
    order = guide[guide.index("## Running order"):guide.index("## What to cut")]
    rows = re.findall(r"^\| \d+ \| (.+?) \| .* \| (\d+) \|$", order, flags=re.M)
    notebooks = [(name.split("`")[1].removesuffix(".ipynb"), int(m)) for name, m in rows if name.startswith("`")]
    assert sorted(name for name, _ in notebooks) == sorted(p.stem for p in LEARNER_COPIES)
    total = int(re.search(r"\*\*total\*\* \| \*\*(\d+)\*\*", order).group(1))
    assert sum(int(m) for _, m in rows) == total
    assert {"welcome", "break", "hand-in"} <= {name.split()[0].lower().strip(",") for name, _ in rows}
    for name, minutes in notebooks:
        header = nbformat.read(WORKSHOP / f"{name}.ipynb", as_version=4).cells[0].source
        assert re.search(rf"^\| {minutes} minutes", header, flags=re.M), name


def test_the_guides_statements_about_the_tool_are_what_the_tool_gives_today(kit):
    from medialens.workshop import guide

    text = (ROOT / "docs" / "facilitator.md").read_text()
    assert guide.tool_on_kit(kit) in text, "run notebooks/workshop/build_notebooks.py --guide"


def test_the_kits_precomputed_tables_are_what_tagging_gives_today(kit):
    shipped = ml.read_tables(ws.KIT_TABLES)
    for name in ("sources", "hedges", "figures", "frames", "sentences", "scores"):
        pd.testing.assert_frame_equal(shipped[name].reset_index(drop=True), kit.tables[name].reset_index(drop=True),
                                      check_dtype=False, obj=f"{name}: run build_notebooks.py --tables")


def test_the_install_without_spacy_names_what_the_kit_imports():
    needed = (WORKSHOP / "requirements-without-spacy.txt").read_text().split()
    project = (ROOT / "pyproject.toml").read_text()
    assert "spacy" not in " ".join(needed).lower()
    for package in needed:
        assert f'"{package.split(">")[0]}' in project, package


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


def test_index_shows_the_brief_plots_first_and_no_notebook_output(tmp_path):
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
    # "In short" is computed from the tables (tests/test_brief_summary.py), never scraped from a
    # notebook's printed output: without tables there is none.
    assert "In short" not in page and "Best sourced: a." not in page
    assert page.index('<img src="figures/brief_scores.png"') < page.index('<img src="figures/article_lengths.png"')
    assert "print(1)" not in page and "<p>1</p>" not in page


def test_index_without_a_brief_still_links_everything(tmp_path):
    (tmp_path / "notebooks").mkdir()
    assert "In short" not in report.index_page(tmp_path) and "<h2>Analyses" in report.index_page(tmp_path)
