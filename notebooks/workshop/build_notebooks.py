"""Builds the workshop notebooks from the kit's data, so each task's prompt, choices and collapsed
solution say what lib/medialens/data/workshop/kit.json says (tests/test_workshop.py checks that
the committed notebooks' sources are what this script writes).

    python notebooks/workshop/build_notebooks.py            # write the cells (unexecuted)
    python notebooks/workshop/build_notebooks.py --execute  # and run each with solutions=True

The committed copies are the executed ones: nbval in `make test` re-runs them and compares.
"""
import json
import subprocess
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[2]
KIT = json.loads((ROOT / "lib/medialens/data/workshop/kit.json").read_text(encoding="utf-8"))
OUT = Path(__file__).resolve().parent


class NB:
    def __init__(self):
        self.cells = []

    def md(self, text):
        self.cells.append(new_markdown_cell(text.strip("\n")))

    def code(self, text, tags=None):
        cell = new_code_cell(text.strip("\n"))
        if tags:
            cell.metadata["tags"] = tags
        self.cells.append(cell)

    def write(self, name):
        nb = new_notebook(cells=self.cells)
        for number, cell in enumerate(nb.cells):
            cell["id"] = f"cell-{number:02d}"
        nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                       "language_info": {"name": "python"}}
        nbformat.write(nb, OUT / f"{name}.ipynb")

    def task(self, number, task, variable, starter, hint, minutes, extra_prompt=""):
        spec = KIT["tasks"][task]
        model = spec["model"]
        if spec["kind"] == "choice":
            shape = "one of: " + ", ".join(f'"{c}"' for c in spec["choices"])
            answer = f"**{model}**. " + " ".join(f"*{c}* is defensible too: {why}" for c, why in spec["defensible"].items() if c != model)
            answer = answer + (f" (And {spec['defensible'][model]})" if False else "")
            solution = f"{answer}"
            solution = f"**{model}**: {spec['defensible'][model]}" + "".join(
                f"<br>Also defensible, **{c}**: {why}" for c, why in spec["defensible"].items() if c != model)
        elif spec["kind"] == "labels":
            shape = "pairs of words and a label: {\"words\": \"label\"}, labels " + ", ".join(spec["choices"])
            solution = "<br>".join(f"{k}: **{v}**" for k, v in model.items())
        else:
            shape = "a list of phrases copied from the article"
            solution = ", ".join(f"“{m}”" for m in model)
        self.md(f"""### Task {number} ({minutes} min): {spec['prompt']}

{extra_prompt}Write your answer in the cell below as {shape}, then run the cell after it.

<details><summary>Hint</summary>

{hint}
</details>

<details><summary>Solution (open it after you have tried)</summary>

{solution}
</details>""")
        self.code(f"""{variable} = {starter}
{variable} = kit.solution("{task}") if solutions else {variable}  # facilitators: solutions=True""")
        self.code(f'check("{task}", {variable})')


def header(nb, title, purpose, minutes, questions, objectives, prereq):
    q = "\n".join(f"- {x}" for x in questions)
    o = "\n".join(f"- {x}" for x in objectives)
    nb.md(f"""# {title}

{purpose}

| Time | Level | Before this |
| --- | --- | --- |
| {minutes} | no programming needed: run each cell with Shift+Enter | {prereq} |

**Questions**
{q}

**Objectives**
{o}""")


SETUP = """import pandas as pd
import matplotlib.pyplot as plt
from IPython.display import display

from kit_setup import HAS_SPACY, ml, ws"""

WORKBOOK_SETUP = """# Only pandas and matplotlib: with `tables` set, this workbook runs where spaCy cannot.
import pandas as pd
import matplotlib.pyplot as plt
from IPython.display import display

from kit_setup import HAS_SPACY, ws"""

PARAMS = """tables: str = ""  # folder of tables written by `medialens tag` on the kit's articles; empty: tag them here
solutions: bool = False  # fill in the kit's model answers (facilitators, CI)"""
WORKSPACE = """
workspace: str = "my_work"  # your folder: annotation files, lexicon copies"""

LOAD = """kit = ws.Kit.load(tables)
check = kit.check
print("Articles:", ", ".join(kit.texts), "| tagged here" if not tables else "| read from precomputed tables")"""


def opening():
    nb = NB()
    header(nb, "Reading the news as evidence: a first look",
           "This workshop compares how news reports tell one story: whom they rely on, how they state "
           "figures, and how they frame events. A tool (medialens) tags each article; you read the same "
           "article yourself, and each task tells you what you and the tool found, and where the tool "
           "missed what you saw.", "8 minutes (3 setup, 5 reading)",
           ["Does everything run on this machine?", "What does the tool mark in an article, and how do we read it?"],
           ["Run a cell and read its feedback.", "Find the sources of a short news report and compare them with the tool's."],
           "nothing")
    nb.code(SETUP)
    nb.code(PARAMS, tags=["parameters"])
    nb.md("## Setup check (3 min)\n\nRun the next cell. Every line should say *ready*; if one does not, raise your hand.")
    nb.code("""print("pandas: ready")
print("matplotlib: ready")
print("tagging with spaCy:", "ready" if HAS_SPACY else "not installed; the workbooks read precomputed tables")
kit = ws.Kit.load(tables)
check = kit.check
print("the workshop articles:", "ready,", len(kit.texts), "articles")""")
    nb.md("""## One article, read together (5 min)

Below is version A of a short report on a factory fire, written for this workshop. Coloured words
are what the tool tagged: **sources** (who said it, coloured by type) and **hedges** (words that
soften a claim). Hover over a colour to see what the tool thinks it is.""")
    nb.code('kit.show("fire_a", kinds=("sources", "hedges"))')
    nb.task(1, "opening_sources", "my_sources", '[\n    "the county coroner\'s office",  # an example: keep it, add the others\n]',
            "A source is whoever the article says told us something: look for *said*, *told*, *according to*.", 5)
    nb.md("""**For discussion.** Which of these sources could a reader call or write to? Which are a
name, which an office, which a group? The next notebooks (sourcing, figures, framing) each start
from the same report, told twice.""")
    nb.write("00_opening")


def sourcing_lesson():
    nb = NB()
    header(nb, "Who does the report rely on? (lesson)",
           "Two versions of one report about a factory fire differ in a few words. This lesson shows how "
           "the tool tags sources by type (a named person, a named organisation, an unnamed official, an "
           "anonymous source, the media, a vague group) and asks you to find what changed.",
           "12 minutes (4 teaching, 8 tasks)",
           ["Whom does each version rely on?", "What does a reader lose when a name becomes 'officials'?"],
           ["Name the sources of a report and their type.", "Judge whether a source is accountable, and say why."],
           "00_opening")
    nb.code(SETUP)
    nb.code(PARAMS, tags=["parameters"])
    nb.code(LOAD)
    nb.md("""## Sources by type

A claim tied to a named, accountable source can be checked; an unnamed one asks the reader to trust
the reporter. The tool counts each version's sources by type:""")
    nb.code("""twin = kit.data["twin"]
sources = kit.tables["sources"]
sources = sources[sources.doc_id.isin([twin["a"], twin["b"]])]
counts = pd.crosstab(sources.source_type, sources.doc_id)
counts""")
    nb.code("""fig, ax = plt.subplots(figsize=(6, 2.8))
counts.T.plot.barh(stacked=True, ax=ax)
ax.set_xlabel("sources tagged")
ax.set_ylabel("version")
ax.legend(fontsize=8, bbox_to_anchor=(1, 1))
plt.show()""")
    nb.md("Version B, highlighted:")
    nb.code('kit.show(twin["b"], kinds=("sources",))')
    nb.task(1, "twin_sources_b", "my_sources", '[\n    "Officials",  # an example: keep it, add the others\n]',
            "Look for *said*, *told*, *according to*, and copy the words before or after them.", 3)
    nb.task(2, "twin_replaced", "my_choice", '"?"',
            "Put the two versions side by side (version A is in 00_opening); which name is gone?", 2)
    nb.task(3, "accountable_officials", "my_choice", '"?"',
            "Could a reader find out who said it, and hold them to it?", 3,
            "There is more than one defensible answer: say why you chose yours. ")
    nb.md("""**For discussion.** Version B's numbers are the same, its sources are not. Would readers trust
it less? Is an unnamed official ever the right choice for a reporter?""")
    nb.write("01_sourcing_lesson")


def sourcing_workbook():
    nb = NB()
    header(nb, "Sources and hedges in a flood report (workbook)",
           "You code the sources and hedges of a practice article (a river flood, written for this "
           "workshop) and save your coding under a pseudonym; the facilitator compares the class's "
           "coding with each other's and with the tool's.",
           "12 minutes (4 hedges, 2 accountability, 6 coding)",
           ["Which words soften a claim?", "Do we agree on who a source is?"],
           ["Find hedges and conditionals.", "Code sources and hedges and hand the file in."],
           "01_sourcing_lesson")
    nb.code(WORKBOOK_SETUP)
    nb.code(PARAMS + WORKSPACE, tags=["parameters"])
    nb.code(LOAD)
    nb.code('kit.show("flood", kinds=("sources", "hedges"))')
    nb.task(1, "flood_hedges", "my_hedges", '[\n    "reportedly",  # an example: keep it, add the others\n]',
            "Hedges: *may*, *could*, *likely*, *reportedly*; conditionals: *if*, *unless*.", 4)
    nb.task(2, "flood_accountable", "my_choice", '"?"',
            "Who gives a name and a role, and speaks on the record?", 2,
            "There is more than one defensible answer. ")
    nb.md(f"""## Code the article (6 min)

Give each item a label. Sources: {", ".join(KIT["annotation"]["labels"]["source"])}.
Hedges: {", ".join(KIT["annotation"]["labels"]["hedge"])}. Replace each `"?"`, pick a pseudonym
(letters and digits, no spaces), run the cell, and hand in the file it names (see the facilitator's
instructions).

<details><summary>Hint</summary>

A hedge makes a claim less certain (*could*, *likely*); a booster more certain (*clearly*); a
conditional makes it depend on something (*if*); a weasel word hides who claims it (*some say*,
*it is believed*). A named organisation is named (*the county
council*); an unnamed official is an office without a name (*a spokesperson*).
</details>""")
    nb.code("""pseudonym = "?"  # for example "heron7": no real names
sheet = ws.annotation_sheet(("source", "hedge"), solutions=solutions)
sheet""")
    nb.code("""# Replace the "?" above by editing `sheet` here, for example:
# sheet["source"]["Critics"] = "vague"
pseudonym = "facilitator" if solutions else pseudonym
print(ws.save_annotation(pseudonym, sheet, f"{workspace}/annotations"))""")
    nb.write("01_sourcing_workbook")


def figures_lesson():
    nb = NB()
    header(nb, "How firmly is each figure stated? (lesson)",
           "The same numbers can be stated as fact, on someone's word, or as a guess, and with or "
           "without their bounds. The tool tags every figure with what it counts, its precision "
           "(exact, a bound, approximate, vague) and its modality (asserted, reported, speculative).",
           "10 minutes (3 teaching, 7 tasks)",
           ["Which figures changed between the two versions?", "What does 'up to' protect?"],
           ["Read a figure's precision and modality.", "Spot a dropped bound and a hedged figure."],
           "01_sourcing_lesson")
    nb.code(SETUP)
    nb.code(PARAMS, tags=["parameters"])
    nb.code(LOAD)
    nb.md("## The figures of both versions, side by side")
    nb.code("""twin = kit.data["twin"]
figures = pd.concat([kit.rows("figures", twin[v]).assign(version=v.upper()) for v in ("a", "b")])
side = figures.pivot_table(index="value", columns="version", values="surface", aggfunc=" | ".join)
side""")
    nb.code("""how = figures.assign(stated=figures.qualifier + ", " + figures.modality)
how.pivot_table(index="value", columns="version", values="stated", aggfunc=" | ".join)""")
    nb.task(1, "twin_bound", "my_choice", '"?"', "Compare the precision column: which figure is a bound in A and exact in B?", 3)
    nb.task(2, "twin_modality_b", "my_labels", '{\n    "14 workers": "firm",  # an example: keep it, add the others\n}',
            "Firm: stated as fact or on a named source's word. Hedged: *may*, *could*, *might*.", 4)
    nb.md("""**For discussion.** "Up to 300" and "300" are both true if 300 is the most; which one would a
headline writer pick, and why? Who decides that a guess becomes a figure?""")
    nb.write("02_figures_lesson")


def figures_workbook():
    nb = NB()
    header(nb, "Figures in a flood report (workbook)",
           "Label each figure of the practice article by how precise it is, then decide which one a "
           "reader should trust least.", "8 minutes (5 labels, 3 discussion)",
           ["How precise is each figure?", "Which figure is the least firm?"],
           ["Label precision: exact, bound, approximate, vague.", "Weigh precision, hedging and sourcing together."],
           "02_figures_lesson")
    nb.code(WORKBOOK_SETUP)
    nb.code(PARAMS, tags=["parameters"])
    nb.code(LOAD)
    nb.code('kit.show("flood", kinds=("figures",))')
    nb.task(1, "flood_precision", "my_labels", '{\n    "2.3 metres": "exact",  # an example: keep it, add the others\n}',
            "*about* makes a figure approximate; *up to*, *at least* make it a bound; *millions* is vague.", 5)
    nb.task(2, "flood_least_firm", "my_choice", '"?"',
            "Look at the precision, any hedge before the figure, and who gives it.", 3,
            "There is more than one defensible answer. ")
    nb.code("""figures = kit.rows("figures", "flood")
ax = figures.qualifier.value_counts().sort_index().plot.bar(figsize=(4, 2.5), rot=0)
ax.set_ylabel("figures")
ax.set_title("How precise are the flood report's figures?")
plt.show()""")
    nb.write("02_figures_workbook")


def framing_lesson():
    nb = NB()
    header(nb, "What kind of story is this? (lesson)",
           "News frames tell a reader what kind of story they are reading: a conflict, a human story, "
           "money, right and wrong, or who is responsible (Semetko and Valkenburg's five frames). The "
           "tool counts each frame's cue words per sentence; a few words can shift a frame.",
           "10 minutes (3 teaching, 7 tasks)",
           ["Which frame does each version use?", "Can five words change a frame?"],
           ["Find the cue words of a frame.", "Defend a reading of the dominant frame."],
           "02_figures_lesson")
    nb.code(SETUP)
    nb.code(PARAMS, tags=["parameters"])
    nb.code(LOAD)
    nb.code("""twin = kit.data["twin"]
frame_columns = [c for c in kit.tables["scores"].columns if c.startswith("share_frame_")]
shares = kit.tables["scores"].set_index("doc_id").loc[[twin["a"], twin["b"]], frame_columns]
shares = shares.rename(columns=lambda c: c.removeprefix("share_frame_")).T  # one row per frame
shares.round(2)""")
    nb.code("""fig, ax = plt.subplots(figsize=(6, 2.8))
shares.plot.barh(ax=ax)
ax.set_xlabel("share of sentences with a cue")
plt.show()""")
    nb.code('kit.show(twin["b"], kinds=("frames",))')
    nb.task(1, "twin_blame_cues", "my_cues", '[\n    "?",\n]',
            "Compare the third paragraph of both versions.", 3)
    nb.task(2, "twin_dominant", "my_choice", '"?"',
            "Count is one way; what the reader remembers is another.", 4,
            "Several answers are defensible: say why you chose yours. ")
    nb.write("03_framing_lesson")


def framing_workbook():
    lex = KIT["lexicon"]
    nb = NB()
    header(nb, "Frames in a flood report, and teaching the tool a word (workbook)",
           "Code the frame of seven sentences of the flood report and hand the file in; then add words "
           "to a copy of one of the tool's word lists and watch its scores and highlights change.",
           "15 minutes (5 coding, 3 dominant frame, 7 word list)",
           ["Do we agree on a sentence's frame?", "How much does the tool depend on its word lists?"],
           ["Code frames and hand the file in.", "Edit a lexicon and re-run the analysis."],
           "03_framing_lesson")
    nb.code(WORKBOOK_SETUP)
    nb.code(PARAMS + WORKSPACE + """
lexicon: str = "emotive"  # the word list to copy and edit: emotive, hedges, conflict, economic...""", tags=["parameters"])
    nb.code(LOAD)
    nb.code('kit.show("flood", kinds=("frames", "emotive"))')
    nb.md(f"""## Code the frames (5 min)

Give each sentence one frame: {", ".join(KIT["annotation"]["labels"]["frame"])}.

<details><summary>Hint</summary>

Ask what the sentence makes the reader think about: people's lives (human_interest), money
(economic), a fight between sides (conflict), right and wrong (morality), or who should act or is
to blame (responsibility).
</details>""")
    nb.code("""pseudonym = "?"  # the same pseudonym as in the sourcing workbook
sheet = ws.annotation_sheet(("frame",), solutions=solutions)
sheet""")
    nb.code("""# sheet["frame"]["Critics blamed the council"] = "responsibility"
pseudonym = "facilitator" if solutions else pseudonym
print(ws.save_annotation(pseudonym, sheet, f"{workspace}/annotations"))""")
    nb.task(1, "flood_dominant", "my_choice", '"?"', "Which frame would a headline pick?", 3,
            "Several answers are defensible. ")
    nb.md(f"""## Teach the tool a word (7 min)

The tool finds frames and emotive language with word lists anyone can edit. The next cell copies
the `{lex['name']}` list into your folder. Add words to `my_new_cues` (or open the file in
JupyterLab and add a line like the others), then run the cells below again.

<details><summary>Solution</summary>

For example {", ".join(f"“{w}”" for w in lex["model"])}. {lex["why"]}
</details>""")
    nb.code("""my_lexicon = ws.copy_lexicon(lexicon, f"{workspace}/lexicons", fresh=solutions)
my_new_cues = []  # words the tool should count, for example ["devastating"]
my_new_cues = kit.data["lexicon"]["model"] if solutions else my_new_cues
for cue in my_new_cues:
    print(ws.add_cue(my_lexicon, cue))""")
    nb.code("""before = kit.tables["scores"].set_index("doc_id").loc["flood"]
if HAS_SPACY:
    import medialens as ml

    after_tables = ml.tag_corpus(ws.ARTICLES, lexicons={lexicon: str(my_lexicon)})
    after = after_tables["scores"].set_index("doc_id").loc["flood"]
    changed = pd.DataFrame({"before": before, "after": after})
    changed = changed[changed.before.astype(str) != changed.after.astype(str)]
    display(changed if len(changed) else "No score changed: are your words in the article?")
else:
    print("Re-tagging needs spaCy, which this machine does not have; your lexicon is saved for a machine that does.")""")
    nb.code("""if HAS_SPACY:
    display(ml.render_article(kit.text("flood"), ml.article_spans(after_tables, "flood", ("frames", "emotive"))))""")
    nb.md("""**For discussion.** Who decides which words are "emotive"? If every class added its own
words, would the scores still compare across outlets?""")
    nb.write("03_framing_workbook")


def agreement():
    nb = NB()
    header(nb, "How far does the class agree, with each other and with the tool? (facilitator)",
           "Gathers the annotation files the participants handed in (a folder of CSVs), and shows "
           "Cohen's kappa for each pair, Fleiss' kappa for the class, the class majority against the "
           "tool, and the items the class split on most. Kappa is agreement beyond chance: 1 is "
           "perfect, 0 is what chance alone would give; above about 0.6 is usually called substantial "
           "(Landis and Koch 1977).", "10 minutes (discussion)",
           ["Do we code sources, hedges and frames the same way?", "Where does the tool disagree with the class?"],
           ["Read kappa for a pair and for the class.", "Discuss the items we split on."],
           "the workbooks' annotation files")
    nb.code(SETUP)
    nb.code('''annotations: str = ""  # folder of the class's annotation CSVs; empty: the kit's sample class
tables: str = ""  # folder of tables written by `medialens tag` on the kit's articles; empty: tag them here
solutions: bool = False  # unused here; every workshop notebook takes it''', tags=["parameters"])
    nb.code("""folder = annotations or ws.ARTICLES.parent / "sample_class"
coded, problems = ws.read_annotations(folder)
for problem in problems:
    print("skipped", problem)
annotators = sorted(coded.annotator.unique())
print(f"{len(annotators)} annotators: {', '.join(annotators)}")
kit = ws.Kit.load(tables)
tool = ws.tool_labels(kit)""")
    nb.md("## Agreement between each pair (Cohen's kappa)")
    nb.code("""pairs = ws.pairwise_kappas(coded)
pairs.pivot_table(index=["annotator_a", "annotator_b"], columns="category", values="kappa")""")
    nb.md("## Agreement of the whole class (Fleiss' kappa)")
    nb.code("""class_kappa = ws.fleiss_kappas(coded)
class_kappa""")
    nb.code("""fig, ax = plt.subplots(figsize=(5, 2.4))
ax.barh(class_kappa.category, class_kappa.kappa, color="#0072b2")
ax.axvline(0.6, color="#999", linestyle="--")
ax.set_xlim(min(0, class_kappa.kappa.min()), 1)
ax.set_xlabel("Fleiss' kappa (dashed: 0.6)")
plt.show()""")
    nb.code("""best, worst = class_kappa.loc[class_kappa.kappa.idxmax()], class_kappa.loc[class_kappa.kappa.idxmin()]
print(f"The class agrees most on {best.category} (kappa {best.kappa:.2f}) and least on {worst.category} (kappa {worst.kappa:.2f}).")""")
    nb.md("## The class majority against the tool\n\nRows: the label most of the class gave; columns: the tool's label. Off the diagonal is where they part.")
    nb.code("""majority = ws.class_majority(coded)
for category, table in ws.versus_tool(majority, tool).items():
    print(category)
    display(table)""")
    nb.code("""both = majority.merge(tool, on=["category", "item"])
print(f"The tool agrees with the class majority on {(both.majority == both.tool).sum()} of {len(both)} items.")""")
    nb.md("## What the class split on most\n\nStart the discussion here: why would two careful readers label these differently?")
    nb.code("ws.most_disagreed(majority, tool, n=6)")
    nb.write("04_class_agreement")


def bring_your_own():
    nb = NB()
    header(nb, "Bring your own articles",
           "Put two or more articles on one story (text files, saved web pages, or a CSV with a `text` "
           "column) into the folder `my_articles/` next to this notebook and run every cell: the three "
           "analyses run on them and a short brief closes the notebook. With the folder empty, it runs "
           "on the workshop's articles.", "5 minutes in class, more at home",
           ["What do the three analyses say about articles I chose?"],
           ["Run the analyses on a new story.", "Read the brief critically."],
           "the three lessons")
    nb.code(SETUP)
    nb.code('''articles: str = "my_articles"  # your folder of articles (.txt, .html, .csv)
solutions: bool = False  # unused here; every workshop notebook takes it''', tags=["parameters"])
    nb.code("""from pathlib import Path

folder = Path(articles)
folder.mkdir(exist_ok=True)
mine = [p for p in folder.iterdir() if not p.name.startswith(".")]
corpus = folder if mine else ws.ARTICLES
print(f"{len(mine)} file(s) in {folder.name}/" if mine else f"{folder.name}/ is empty: using the workshop's articles")
tagged = ml.tag_corpus(corpus)
scores = tagged["scores"].set_index("doc_id")
titles = tagged["documents"].set_index("doc_id").title.str.slice(0, 60)""")
    nb.md("## Sourcing")
    nb.code("""scores[["n_sources", "share_claims_sourced", "share_claims_accountable", "share_speculative"]].round(2)""")
    nb.md("## Figures")
    nb.code("""figures = tagged["figures"]
figures[["doc_id", "surface", "qualifier", "modality", "referent_class"]].head(15)""")
    nb.md("## Framing")
    nb.code("""frame_columns = [c for c in scores.columns if c.startswith("share_frame_")]
scores[frame_columns + ["dominant_frame", "emotive_per_100_words"]].round(2)""")
    nb.md("""## In short

Computed from the scores above; read it with the highlighted evidence in mind. For the full reports
(every notebook, as HTML pages) run `medialens run my_articles --out my_work/reports` in a terminal.""")
    nb.code("""# Each verdict comes from medialens.findings, as in the full reports: ties are named together.
def at(measure, end):
    extremes = ml.findings.extremes(scores, measure)
    ids = extremes[extremes.end == end].doc_id.tolist()
    return ml.findings.names(f"{d} ({titles[d]})" for d in ids), extremes[extremes.end == end].value.iloc[0]


if scores.share_claims_accountable.nunique() >= 2:
    (best, best_value), (worst, worst_value) = at("share_claims_accountable", "most"), at("share_claims_accountable", "least")
    print(f"Best sourced: {best} ({best_value:.0%} of claims from accountable sources); least: {worst} ({worst_value:.0%}).")
speculative, value = at("share_speculative", "most")
print(f"Most hedged: {speculative} ({value:.0%} of sentences hedged or conditional).")
frames = scores.dominant_frame.value_counts()
print("Dominant frames: " + ", ".join(f"{frame} in {n}" for frame, n in frames.items()) + ".")
print(f"{len(figures)} figures in {figures.doc_id.nunique()} articles, {(figures.modality == 'speculative').sum()} of them speculative.")""")
    nb.write("05_bring_your_own")


BUILDS = (opening, sourcing_lesson, sourcing_workbook, figures_lesson, figures_workbook,
          framing_lesson, framing_workbook, agreement, bring_your_own)


def execute(path: Path) -> None:
    """Run one notebook in place with solutions=True, then drop papermill's timing metadata so a
    re-run changes the file only where an output changed."""
    subprocess.run([sys.executable, "-m", "papermill", "--no-progress-bar", "-k", "python3", "--cwd", str(OUT),
                    "-p", "solutions", "True", str(path), str(path)], check=True)
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill draws a random id
    nbformat.write(nb, path)


def main(argv: list[str]) -> None:
    global OUT
    if "--out" in argv:
        OUT = Path(argv[argv.index("--out") + 1])
    OUT.mkdir(parents=True, exist_ok=True)
    for build in BUILDS:
        build()
    if "--execute" in argv:
        for path in sorted(OUT.glob("*.ipynb")):
            print(path.name, file=sys.stderr)
            execute(path)


if __name__ == "__main__":
    main(sys.argv[1:])
