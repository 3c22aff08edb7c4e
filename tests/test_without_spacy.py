"""`import medialens` works where spaCy cannot be imported: reading tables, the findings, the
plots, the notebooks' opening call on a tables folder and the workshop need pandas and
matplotlib alone. spaCy is imported where tagging starts, and only there."""
import json
import subprocess
import sys
import textwrap

import medialens as ml
from conftest import ROOT

# Runs in a fresh interpreter: a meta-path finder makes every import of spaCy (and thinc, which
# it is built on) fail, as on a machine where it is not installed, before medialens is imported.
WITHOUT_SPACY = textwrap.dedent("""
    import importlib.abc, sys

    class NoSpacy(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in ("spacy", "thinc"):
                raise ImportError(f"No module named {name!r} (blocked by the test)")

    sys.meta_path.insert(0, NoSpacy())
""")

READ_AND_NARRATE = textwrap.dedent("""
    import json
    import sys
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import medialens as ml
    import medialens.workshop as ws

    folder, out = sys.argv[1], sys.argv[2]
    tables = ml.read_tables(folder)
    ranked = ml.findings.rank(tables["scores"], "share_claims_accountable")
    best, _ = ml.findings.at_end(ml.findings.extremes(tables["scores"], "share_claims_accountable"), "most")
    comparison = ml.compare_figures(tables["figures"], tables["documents"], tables["sentences"])
    disputes = ml.findings.figure_disputes(comparison)
    unsourced = ml.findings.unsourced_claims(tables)
    prominence = ml.actor_prominence(tables)
    doc_id = tables["documents"].doc_id[0]
    page = ml.render_article(tables["documents"].text[0], ml.article_spans(tables, doc_id))
    fig, ax = plt.subplots()
    tables["scores"].plot.bar(x="doc_id", y="n_words", ax=ax)
    shown = ml.save_figure(fig, tables["scores"][["doc_id", "n_words"]], out, "lengths")
    written = open(out + "/figures/lengths.png", "rb").read()
    notebook = ml.tables_from_parameters({"tables": folder, "corpus": ""})
    print(json.dumps({"ranked": ranked.doc_id.tolist(), "best": best, "disputes": disputes.quantity.tolist(),
                      "unsourced": len(unsourced), "actors": prominence.actor.head(5).tolist(),
                      "marked": page.count("<mark"), "notebook": sorted(notebook),
                      "figure": [shown.data == written, written[:4].decode("latin-1"), plt.get_fignums()],
                      "workshop": ws.Feedback.__name__}))
    print(sorted({m.partition(".")[0] for m in sys.modules} & {"spacy", "thinc"}))
    try:
        ml.tag_text("Officials said on Monday that 300 people had left.")
    except ImportError as error:
        print("tagging:", error)
""")


def run_without_spacy(code: str, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WITHOUT_SPACY + code, *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True)


def test_the_blocker_does_block_spacy():
    run = run_without_spacy("import spacy")
    assert run.returncode == 1 and "blocked by the test" in run.stderr


def test_tables_findings_plots_and_workshop_need_no_spacy(tmp_path, seed_tables):
    ml.write_tables(seed_tables, tmp_path / "tables")
    run = run_without_spacy(READ_AND_NARRATE, tmp_path / "tables", tmp_path / "out")
    assert run.returncode == 0, run.stderr[-3000:]
    summary, loaded, tagging = run.stdout.splitlines()
    # The same answers as with spaCy loaded.
    scores = seed_tables["scores"]
    comparison = ml.compare_figures(seed_tables["figures"], seed_tables["documents"], seed_tables["sentences"])
    doc_id = seed_tables["documents"].doc_id[0]
    assert json.loads(summary) == {
        "ranked": ml.findings.rank(scores, "share_claims_accountable").doc_id.tolist(),
        "best": ml.findings.at_end(ml.findings.extremes(scores, "share_claims_accountable"), "most")[0],
        "disputes": ml.findings.figure_disputes(comparison).quantity.tolist(),
        "unsourced": len(ml.findings.unsourced_claims(seed_tables)),
        "actors": ml.actor_prominence(seed_tables).actor.head(5).tolist(),
        "marked": ml.render_article(seed_tables["documents"].text[0],
                                    ml.article_spans(seed_tables, doc_id)).count("<mark"),
        "figure": [True, "\x89PNG", []], "notebook": sorted(seed_tables), "workshop": "Feedback"}
    assert loaded == "[]"  # nothing imported spaCy on the way
    assert tagging.startswith("tagging: No module named 'spacy'")
    assert (tmp_path / "out" / "figures" / "lengths.csv").exists()
