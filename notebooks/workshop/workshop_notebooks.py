"""The cells of the workshop notebooks (build_notebooks.py writes them). Each task's prompt,
choices and collapsed solution come from kit.json; every notebook opens with its time, what the
learner types, questions and objectives, and closes with its key points."""
import json
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

KIT = json.loads((Path(__file__).resolve().parents[2] / "lib/medialens/data/workshop/kit.json").read_text(encoding="utf-8"))
TYPING = "you type short answers in quotes, or click; run each cell with Shift+Enter"


class NB:
    def __init__(self, name):
        self.name, self.cells = name, []

    def md(self, text):
        self.cells.append(new_markdown_cell(text.strip("\n")))

    def code(self, text, tags=None):
        cell = new_code_cell(text.strip("\n"))
        if tags:
            cell.metadata["tags"] = tags
        self.cells.append(cell)

    def write(self, folder: Path):
        nb = new_notebook(cells=self.cells)
        for number, cell in enumerate(nb.cells):
            cell["id"] = f"cell-{number:02d}"
        nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                       "language_info": {"name": "python"}}
        nbformat.write(nb, folder / f"{self.name}.ipynb")

    def header(self, title, purpose, minutes, questions, objectives, before, typing=TYPING):
        q = "\n".join(f"- {x}" for x in questions)
        o = "\n".join(f"- {x}" for x in objectives)
        self.md(f"# {title}\n\n{purpose}\n\n| Time | What you do | Before this |\n| --- | --- | --- |\n"
                f"| {minutes} | {typing} | {before} |\n\n**Questions**\n{q}\n\n**Objectives**\n{o}")

    def key_points(self, *points):
        self.md("## Key points\n\n" + "\n".join(f"- {p}" for p in points))

    def task(self, number, task, variable, minutes, hint, extra=""):
        spec = KIT["tasks"][task]
        shape, starter, solution = _shapes(spec)
        self.md(f"### Task {number} ({minutes} min): {spec['prompt']}\n\n{extra}Write your answer in the cell below "
                f"as {shape}, then run it and the cell after it.\n\n<details><summary>Hint</summary>\n\n{hint}\n</details>"
                f"\n\n<details><summary>Solution (open it after you have tried)</summary>\n\n{solution}\n</details>")
        self.code(f"{variable} = {starter}\n{variable} = kit.solution(\"{task}\") if solutions else {variable}  # facilitators only")
        self.code(f'check("{task}", {variable})')

    def setup(self, params=""):
        self.code(SETUP)
        self.code(PARAMS + params, tags=["parameters"])
        self.code(LOAD)


def _shapes(spec):
    """(how to write the answer, the empty starter, the collapsed solution) of a task."""
    model = spec["model"]
    if spec["kind"] == "choice":
        solution = f"**{model}**: {spec['defensible'][model]}" + "".join(
            f"<br>Also defensible, **{c}**: {why}" for c, why in spec["defensible"].items() if c != model)
        return "one of: " + ", ".join(f'"{c}"' for c in spec["choices"]), '"?"', solution
    if spec["kind"] == "labels":
        example = next(iter(model))
        starter = f'{{\n    # "words from the article": "label",  for example "{example}": "{model[example]}",\n}}'
        return ("pairs of words and a label, labels " + ", ".join(spec["choices"]), starter,
                "<br>".join(f"{k}: **{v}**" for k, v in model.items()))
    starter = "[\n    # copy each phrase in quotes, one a line, each followed by a comma\n]"
    return "a list of phrases copied from the article", starter, ", ".join(f"“{m}”" for m in model)


SETUP = """import pandas as pd
from IPython.display import display

from medialens import workshop as ws  # the workshop kit: needs no spaCy"""
PARAMS = """tables: str = ""  # folder of `medialens tag` tables of the kit's articles; empty: tag here (or the kit's own tables without spaCy)
solutions: bool = False  # facilitators: fill in the kit's answers"""
WORKSPACE = """
workspace: str = "my_work"  # your folder: annotation files, lexicon copies"""
LOAD = """kit = ws.Kit.load(tables)
check = kit.check
print("Articles:", ", ".join(kit.texts), "|", kit.origin)"""


def opening():
    nb = NB("00_opening")
    nb.header("Reading the news as evidence: a first look",
              "This workshop compares how news reports tell one story: whom they rely on, how they state figures, "
              "and how they frame events. You read each article yourself first; then a tool (medialens) shows what "
              "it tagged, and each task tells you where you and the tool agree and where you part.",
              "12 minutes (7 setup, 5 reading)",
              ["Does everything run on this machine?", "What does the tool mark in an article, and how do we read it?"],
              ["Run a cell and read its feedback.", "Find the sources of a short news report and compare them with the tool's."],
              "the setup page (docs/workshop_setup.md)")
    nb.setup()
    nb.md("## Setup check (7 min)\n\nRun the cell below. Every line should say *ready*; if one does not, raise your hand.")
    nb.code("""print("the workshop articles: ready,", len(kit.texts), "articles")
print("the coding form:", "ready" if ws.form_ready() else "not ready: ipywidgets is missing")
print("tagging here:", "ready" if ws.can_tag() else "not installed; the kit's precomputed tables stand in")""")
    nb.md("## One article, read together (5 min)\n\nBelow is version A of a short report on a factory fire, written for "
          "this workshop. Read it first; the tool's highlights come after your answer.")
    nb.code('kit.show("fire_a", kinds=())')
    nb.task(1, "opening_sources", "my_sources", 5,
            "A source is whoever the article says told us something: look for *said*, *told*, *according to*.")
    nb.md("## What the tool tagged\n\nColoured words are **sources** (who said it, coloured by type) and **hedges** "
          "(words that soften a claim). Hover over a colour to see what the tool thinks it is.")
    nb.code('kit.show_after("opening_sources", my_sources, "fire_a", kinds=("sources", "hedges"))')
    nb.md("**For discussion.** Which of these sources could a reader call or write to? Which are a name, which an "
          "office, which a group?")
    nb.key_points("A source is who the report says told us something, not the verb (*said*) or the subject of the story.",
                  "The check counts the tool's sources you found; a word that is only part of one is not a find.",
                  "Where you and the tool part, read the sentence again: either of you may be wrong.")
    return nb


def sourcing_lesson():
    nb = NB("01_sourcing_lesson")
    nb.header("Who does the report rely on? (lesson)",
              "Two versions of one report about a factory fire differ in a few words. The tool tags sources by type (a "
              "named person, a named organisation, an unnamed official, an anonymous source, the media, a vague group); "
              "you find what changed.", "13 minutes (4 teaching, 9 tasks)",
              ["Whom does each version rely on?", "What does a reader lose when a name becomes 'officials'?"],
              ["Name the sources of a report and their type.", "Judge whether a source is accountable, and say why."],
              "00_opening")
    nb.setup()
    nb.md("## Version B\n\nA claim tied to a named, accountable source can be checked; an unnamed one asks the reader to "
          "trust the reporter. Read version B (version A is in 00_opening).")
    nb.code('kit.show("fire_b", kinds=())')
    nb.task(1, "twin_sources_b", "my_sources", 3, "Look for *said*, *told*, *according to*, and copy the words before or after them.")
    nb.code('kit.show_after("twin_sources_b", my_sources, "fire_b", kinds=("sources",))')
    nb.md("The tool's sources of both versions, by type:")
    nb.code("""sources = kit.tables["sources"]
by_type = pd.crosstab(sources.source_type, sources.doc_id)[["fire_a", "fire_b"]]
kit.reveal("twin_sources_b", my_sources, by_type)""")
    nb.task(2, "twin_replaced", "my_choice", 2, "Put the two versions side by side: which name is gone?")
    nb.task(3, "accountable_officials", "my_choice", 4, "Could a reader find out who said it, and hold them to it?",
            "There is more than one defensible answer: say why you chose yours. ")
    nb.md("**For discussion.** Version B's numbers are the same, its sources are not. Would readers trust it less? "
          "Is an unnamed official ever the right choice for a reporter?")
    nb.key_points("Sources differ in accountability: a name and a role can be checked, \"officials\" cannot.",
                  "Replacing one name with \"officials\" changes no fact and a lot of trust.",
                  "An interpretive question can have several defensible answers; the reason matters.")
    return nb


def figures_lesson():
    nb = NB("02_figures_lesson")
    nb.header("How firmly is each figure stated? (lesson)",
              "The same numbers can be stated as fact, on someone's word, or as a guess, and with or without their "
              "bounds. The tool tags every figure with its precision (exact, a bound, approximate, vague) and its "
              "modality (asserted, reported, speculative).", "10 minutes (3 teaching, 7 tasks)",
              ["Which figures changed between the two versions?", "What does 'up to' protect?"],
              ["Read a figure's precision and modality.", "Spot a dropped bound and a hedged figure."],
              "01_sourcing_lesson")
    nb.setup()
    nb.md("## The figures of both versions, side by side")
    nb.code("""twin = kit.data["twin"]
figures = pd.concat([kit.rows("figures", twin[v]).assign(version=v.upper()) for v in ("a", "b")])
figures.pivot_table(index="value", columns="version", values="surface", aggfunc=" | ".join)""")
    nb.task(1, "twin_bound", "my_choice", 3, "Read each figure's words in both versions: which one lost its *up to*?")
    nb.task(2, "twin_modality_b", "my_labels", 4, "Firm: stated as fact or on a source's word. Hedged: *may*, *could*, *might*.")
    nb.md("## How the tool reads them")
    nb.code("""how = figures.assign(stated=figures.qualifier + ", " + figures.modality)
kit.reveal("twin_modality_b", my_labels, how.pivot_table(index="value", columns="version", values="stated", aggfunc=" | ".join))""")
    nb.md("**For discussion.** \"Up to 300\" and \"300\" are both true if 300 is the most; which would a headline writer "
          "pick, and why? Who decides that a guess becomes a figure?")
    nb.key_points("\"Up to\", \"about\" and \"millions\" are part of a figure: dropping them changes the claim.",
                  "A figure on a source's word is still firm; *may* and *could* make it a guess.")
    return nb


def framing_lesson():
    nb = NB("03_framing_lesson")
    nb.header("What kind of story is this? (lesson)",
              "News frames tell a reader what kind of story they are reading: a conflict, a human story, money, right "
              "and wrong, or who is responsible (Semetko and Valkenburg's five frames). The tool counts each frame's "
              "cue words per sentence; a few words can shift a frame.", "10 minutes (3 teaching, 7 tasks)",
              ["Which frame does each version use?", "Can five words change a frame?"],
              ["Find the cue words of a frame.", "Defend a reading of the dominant frame."], "02_figures_lesson")
    nb.setup()
    nb.code('kit.show("fire_b", kinds=())')
    nb.task(1, "twin_blame_cues", "my_cues", 3, "Compare the third paragraph of both versions.")
    nb.code('kit.show_after("twin_blame_cues", my_cues, "fire_b", kinds=("frames",))')
    nb.task(2, "twin_dominant", "my_choice", 4, "Count is one way; what the reader remembers is another.",
            "Several answers are defensible: say why you chose yours. ")
    nb.md("## The tool's count: the share of sentences with a cue of each frame")
    nb.code("""twin = kit.data["twin"]
frame_columns = [c for c in kit.tables["scores"].columns if c.startswith("share_frame_")]
shares = kit.tables["scores"].set_index("doc_id").loc[[twin["a"], twin["b"]], frame_columns]
shares = shares.rename(columns=lambda c: c.removeprefix("share_frame_")).T.round(2)
kit.reveal("twin_dominant", my_choice, shares)""")
    nb.key_points("A frame is what a report asks the reader to think about, not its topic.",
                  "A few words (\"who is to blame\") can add a frame without changing a fact.",
                  "The tool counts cue words; a reader weighs them. Both readings can be defended.")
    return nb


LESSONS = (opening, sourcing_lesson, figures_lesson, framing_lesson)
