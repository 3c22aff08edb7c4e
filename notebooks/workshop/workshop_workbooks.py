"""The cells of the workbooks, the class-agreement notebook and bring-your-own (build_notebooks.py
writes them). In the workbooks the learner codes the practice article with a form before any of
the tool's highlights appear, so the class's reading is their own."""
from workshop_notebooks import KIT, NB, WORKSPACE

FORM_HELP = ("Choose a label in each drop-down, write a pseudonym (letters and digits, no real names), press "
             "**Save**, and hand in the file it names (the facilitator says where). Saving again replaces your file.")


def sourcing_workbook():
    nb = NB("01_sourcing_workbook")
    nb.header("Sources and hedges in a flood report (workbook)",
              "You code the sources and hedges of a practice article (a river flood, written for this workshop) and "
              "save your coding under a pseudonym; the facilitator compares the class's coding with each other's and "
              "with the tool's.", "15 minutes (7 coding, 5 hedges, 3 accountability)",
              ["Do we agree on who a source is?", "Which words soften a claim?"],
              ["Code sources and hedges and hand the file in.", "Find hedges and conditionals."], "01_sourcing_lesson")
    nb.setup(WORKSPACE)
    nb.code('kit.show("flood", kinds=())')
    nb.md(f"""## Code the article (7 min)

Sources: {", ".join(KIT["annotation"]["labels"]["source"])}. Hedges: {", ".join(KIT["annotation"]["labels"]["hedge"])}.
{FORM_HELP}

<details><summary>Hint</summary>

A hedge makes a claim less certain (*could*, *likely*); a booster more certain (*clearly*); a conditional makes it
depend on something (*if*); a weasel word hides who claims it (*some say*, *critics*). A named organisation is named
(*the water company*); an unnamed official is an office without a name (*a spokesperson*).
</details>""")
    nb.code('form = ws.coding_form(("source", "hedge"), workspace, solutions=solutions)\nform')
    nb.task(1, "flood_hedges", "my_hedges", 5, "Hedges: *may*, *could*, *likely*, *reportedly*; conditionals: *if*, *unless*.")
    nb.task(2, "flood_accountable", "my_choice", 3, "Who gives a name and a role, and speaks on the record?",
            "There is more than one defensible answer. ")
    nb.md("## What the tool tagged")
    nb.code('kit.show_after("flood_hedges", my_hedges, "flood", kinds=("sources", "hedges"))')
    nb.key_points("Hedges soften a claim; conditionals make it depend on something; weasel words hide who claims it.",
                  "Coding before seeing the tool keeps the class's reading its own.")
    return nb


def figures_workbook():
    nb = NB("02_figures_workbook")
    nb.header("Figures in a flood report (workbook)",
              "Label each figure of the practice article by how precise it is, then decide which one a reader should "
              "trust least.", "8 minutes (5 labels, 3 discussion)",
              ["How precise is each figure?", "Which figure is the least firm?"],
              ["Label precision: exact, bound, approximate, vague.", "Weigh precision, hedging and sourcing together."],
              "02_figures_lesson")
    nb.setup()
    nb.code('kit.show("flood", kinds=())')
    nb.task(1, "flood_precision", "my_labels", 5,
            "*about* makes a figure approximate; *up to*, *at least* make it a bound; *millions* is vague.")
    nb.task(2, "flood_least_firm", "my_choice", 3, "Look at the precision, any hedge before the figure, and who gives it.",
            "There is more than one defensible answer. ")
    nb.md("## How the tool reads the figures")
    nb.code("""figures = kit.rows("figures", "flood")[["surface", "qualifier", "modality", "source_type"]]
kit.reveal("flood_precision", my_labels, figures.reset_index(drop=True))""")
    nb.key_points("Precision (exact, bound, approximate, vague) and firmness (hedged or not) are two different things.",
                  "Who gives a figure matters as much as how it is worded.")
    return nb


def framing_workbook():
    lex = KIT["lexicon"]
    nb = NB("03_framing_workbook")
    nb.header("Frames in a flood report, and teaching the tool a word (workbook)",
              "Code the frame of seven passages of the flood report and hand the file in; then add words to a copy of "
              "one of the tool's word lists and watch its scores and highlights change.",
              "17 minutes (7 coding, 3 dominant frame, 7 word list)",
              ["Do we agree on a passage's frame?", "How much does the tool depend on its word lists?"],
              ["Code frames and hand the file in.", "Edit a word list and re-run the analysis."], "03_framing_lesson")
    nb.setup(WORKSPACE + '\nlexicon: str = "emotive"  # the word list to copy and edit: emotive, hedges, conflict, economic...')
    nb.code('kit.show("flood", kinds=())')
    nb.md(f"""## Code the frames (7 min)

Give each passage one frame: {", ".join(KIT["annotation"]["labels"]["frame"])}. Use the same pseudonym as in the
sourcing workbook. {FORM_HELP}

<details><summary>Hint</summary>

Ask what the passage makes the reader think about: people's lives (human_interest), money (economic), a fight
between sides (conflict), right and wrong (morality), or who should act or is to blame (responsibility).
</details>""")
    nb.code('form = ws.coding_form(("frame",), workspace, solutions=solutions)\nform')
    nb.task(1, "flood_dominant", "my_choice", 3, "Which frame would a headline pick?", "Several answers are defensible. ")
    nb.code('kit.show_after("flood_dominant", my_choice, "flood", kinds=("frames", "emotive"))')
    nb.md(f"""## Teach the tool a word (7 min)

The tool finds frames and emotive language with word lists anyone can edit. The next cell copies the `{lex['name']}`
list into your folder and adds the words you put in `my_new_cues`, in quotes, separated by commas.

<details><summary>Solution</summary>

For example {", ".join(f"“{w}”" for w in lex["model"])}. {lex["why"]}
</details>""")
    nb.code("""my_lexicon = ws.copy_lexicon(lexicon, f"{workspace}/lexicons", fresh=solutions)
my_new_cues = []  # words the tool should count, for example ["devastating"]
my_new_cues = kit.data["lexicon"]["model"] if solutions else my_new_cues  # facilitators only
print(ws.add_cues(my_lexicon, my_new_cues))""")
    nb.code("""after = ws.retag(kit, lexicon, my_lexicon)
ws.changed_scores(kit, after, "flood") if after else "Re-tagging needs spaCy, which this machine does not have; your list is saved for a machine that has it." """)
    nb.code('after.show("flood", kinds=("frames", "emotive")) if after else None')
    nb.md("**For discussion.** Who decides which words are \"emotive\"? If every class added its own words, would the "
          "scores still compare across outlets?")
    nb.key_points("A sentence can carry several frames; the tool names a tie rather than choosing.",
                  "The tool's word lists are data anyone can edit, and its scores move with them.")
    return nb


def agreement():
    nb = NB("04_class_agreement")
    nb.header("How far does the class agree, with each other and with the tool? (facilitator)",
              "Gathers the annotation files the participants handed in (a folder of CSVs) and shows how far the class "
              "agrees beyond chance: Krippendorff's alpha (which copes with uncoded items) beside Fleiss' kappa (which "
              "needs every annotator on every item), the spread of Cohen's kappa over every pair, the class majority "
              "against the tool, and the items to discuss. 1 is perfect agreement, 0 what chance alone would give; "
              "above about 0.6 is usually called substantial (Landis and Koch 1977).", "12 minutes (discussion)",
              ["Do we code sources, hedges and frames the same way?", "Where does the tool disagree with the class?"],
              ["Read agreement for the class and its spread over pairs.", "Discuss the items we split on."],
              "the workbooks' annotation files", typing="the facilitator runs it on the projector")
    nb.setup('\nannotations: str = ""  # folder of the class\'s annotation CSVs; empty: the kit\'s sample class')
    nb.code("""coded, problems = ws.read_annotations(annotations or ws.ARTICLES.parent / "sample_class")
tool = ws.tool_labels(kit)
for line in ws.statements.who_handed_in(coded, problems).statement:
    print(line)""")
    nb.md("## The whole class")
    nb.code("""class_agreement = ws.fleiss_and_alpha(coded)
for line in ws.statements.class_agreement(class_agreement).statement:
    print(line)
figure, _ = ws.plots.class_agreement(class_agreement)
figure""")
    nb.md("## Every pair, as one spread per category\n\nEach dot is one pair's Cohen's kappa; the box holds the middle half.")
    nb.code("""pairs = ws.pairwise_kappas(coded)
for line in ws.statements.pairs(ws.pair_summary(pairs), ws.annotator_agreement(pairs)).statement:
    print(line)
figure, _ = ws.plots.pair_spread(pairs)
figure""")
    nb.md("## The class majority against the tool\n\nRows: the label most of the class gave (a tie names both); "
          "columns: the tool's label. The diagonal is where they agree.")
    nb.code("""majority = ws.class_majority(coded)
for category, table in ws.versus_tool(majority, tool).items():
    print(category)
    display(table)""")
    nb.code("""disagreed = ws.disagreements(coded, tool)
for line in ws.statements.against_tool(coded, tool, disagreed).statement:
    print(line)
disagreed.head(8)""")
    nb.md("## What the class split on most\n\nStart the discussion here and with the list above: why would two careful "
          "readers label these differently, and who has the better reading, the class or the tool?")
    nb.code("ws.most_split(majority, n=6)")
    nb.key_points("Agreement beyond chance is what kappa and alpha measure; raw agreement flatters common labels.",
                  "Alpha counts every code; Fleiss' kappa only a full table, so it names whom and what it left out.",
                  "Where the class and the tool part, either may have the better reading.")
    return nb


def bring_your_own():
    nb = NB("05_bring_your_own")
    nb.header("Bring your own articles",
              "Put two or more articles on one story (text files, saved web pages, or a CSV with a `text` column) into "
              "the folder `my_articles/` next to this notebook and run every cell: the three analyses run on them and a "
              "short brief closes the notebook. With the folder empty, it runs on the workshop's articles. Tagging your "
              "own articles needs spaCy.", "3 minutes in class, more at home",
              ["What do the three analyses say about articles I chose?"],
              ["Run the analyses on a new story.", "Read the brief critically."], "the three lessons")
    nb.code(SETUP_OWN)
    nb.code('articles: str = "my_articles"  # your folder of articles (.txt, .html, .csv)\n'
            'solutions: bool = False  # unused here; every workshop notebook takes it', tags=["parameters"])
    nb.code("""own, said = ws.load_own(articles)
print(said)
scores = own.tables["scores"].set_index("doc_id")""")
    nb.md("## Sourcing")
    nb.code('scores[["n_sources", "share_claims_sourced", "share_claims_accountable", "share_speculative"]].round(2)')
    nb.md("## Figures")
    nb.code('own.tables["figures"][["doc_id", "surface", "qualifier", "modality", "quantity"]].head(15)')
    nb.md("## Framing")
    nb.code("""frame_columns = [c for c in scores.columns if c.startswith("share_frame_")]
scores[frame_columns + ["dominant_frame", "emotive_per_100_words"]].round(2)""")
    nb.md("## In short\n\nComputed from the scores above; read it with the highlighted evidence in mind. For the full "
          "reports run `medialens run my_articles --out my_work/reports` in a terminal.")
    nb.code("""for line in ws.brief_sentences(own):
    print(line)""")
    nb.key_points("The same measures run on any story; read each number with the words behind it.",
                  "\"Best sourced\" is a share of claims with accountable sources in these articles, not a verdict on an outlet.")
    return nb


SETUP_OWN = """from medialens import workshop as ws  # the workshop kit: needs no spaCy"""
