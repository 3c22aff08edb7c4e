"""The brief as notebook 04 and index.html print it: every part in the editor's order, the best and
worst sourced with the words that show it, the articles side by side, and the "In short" that the
landing page computes from the tables. Run on the seeds and on the flood story written for the
figure tests (tests/stories/flood: a toll that grows over four days, breakdowns by town)."""
import json
import re
from pathlib import Path

import pytest

import medialens as ml
from medialens import report
from medialens.brief.articles import article_table, short_title, sourcing_ends, sourcing_evidence
from medialens.brief.summary import PARTS, brief_statements, in_short, said
from medialens.plots.brief import brief_scores, disputed_figures

from conftest import CORPORA, ROOT

FLOOD = Path(__file__).parent / "stories" / "flood"


@pytest.fixture(scope="module")
def flood():
    return ml.tag_corpus(FLOOD)


def comparison_of(tables):
    return ml.compare_figures(tables["figures"], tables["documents"], tables["sentences"])


def only(tables, doc_ids):
    """The tables of some articles only."""
    return {name: table[table.doc_id.isin(doc_ids)] if "doc_id" in table.columns else table
            for name, table in tables.items()}


@pytest.mark.parametrize("corpus", ["seeds", "flood"])
def test_every_part_in_the_editors_order(request, corpus):
    tables = request.getfixturevalue("seed_tables" if corpus == "seeds" else "flood")
    statements = brief_statements(tables)
    assert list(dict.fromkeys(statements.part)) == list(PARTS)
    assert statements.order.tolist() == list(range(len(statements)))
    figures = statements[statements.part == "figures"]
    assert figures.section.iloc[0] == "overview"
    # A figure sentence's evidence is words of the articles it names.
    texts = tables["documents"].set_index("doc_id").text
    for row in figures[figures.evidence != ""].itertuples():
        for surface in row.evidence.split("; "):
            assert any(surface in texts[d] for d in row.doc_ids.split("; ")), (row.section, surface)


def test_a_tie_named_in_a_sentence_gives_each_article(seed_tables):
    statements = brief_statements(seed_tables)
    transparency = statements[statements.section == "transparency"].iloc[0]
    ends = ml.findings.extremes(seed_tables["scores"], "share_claims_accountable")
    assert transparency.doc_ids.split("; ") == list(dict.fromkeys(ends.doc_id)) and len(ends) == 3


def test_the_overview_counts_what_the_figure_sentences_then_say(flood):
    statements = brief_statements(flood)
    figures = statements[statements.part == "figures"]
    overview = figures.statement.iloc[0]
    grew = figures.section.isin(["grew", "occasions"]).sum()
    agreed = (figures.section == "agreed").sum()
    assert f"{grew} given on several dates" in overview and f"{agreed} agreed" in overview
    # No dispute, so the brief says so rather than staying silent; it has growth and breakdowns.
    assert "disputed" not in set(figures.section)
    assert figures.statement[figures.section == "disputed: none"].str.startswith("No quantity is disputed").all()
    assert not {"grew: none", "breakdown: none"} & set(figures.section)


def test_what_the_brief_did_not_find_it_says_with_why(seed_tables):
    statements = brief_statements(seed_tables)
    claims = comparison_of(seed_tables).claims
    dated = (claims.date != "").sum()
    assert dated < len(claims)  # one seed article is dated, four are not
    grew = said(statements, "figures", ["grew: none"])
    assert grew.startswith("No running count: ") and f"({dated} of {len(claims)} figures with a named quantity" in grew
    assert said(statements, "figures", ["disputed"]) and not said(statements, "figures", ["disputed: none"])


def test_the_flood_toll_reads_as_growth_in_short(flood):
    short = in_short(brief_statements(flood))
    deaths = [line for line in short if line.startswith("deaths grew: ")]
    assert len(deaths) == 1
    days = re.findall(r" on (\d+ Jul)", deaths[0])
    assert days == ["3 Jul", "4 Jul", "5 Jul", "6 Jul"]


@pytest.mark.parametrize("corpus", ["seeds", "flood"])
def test_in_short_is_made_of_the_briefs_own_sentences(request, corpus):
    tables = request.getfixturevalue("seed_tables" if corpus == "seeds" else "flood")
    statements = brief_statements(tables)
    short = in_short(statements)
    assert set(short) - set(statements.statement) <= {line for line in short if line.startswith("And ")}
    best, _ = ml.findings.at_end(ml.findings.extremes(tables["scores"], "share_claims_accountable"), "most")
    assert short[0].startswith(f"Best sourced: {best} (“")
    for section in ("dominant", "acts", "speaks", "setting"):
        assert statements.statement[statements.section == section].iloc[0] in short


def test_a_tie_at_the_worst_end_names_each_article(seed_tables):
    ends = sourcing_ends(seed_tables)
    least = ml.findings.extremes(seed_tables["scores"], "share_claims_accountable")
    tied = sorted(least.doc_id[least.end == "least"])
    worst = ends[ends.section == "worst sourced"]
    assert sorted(worst.doc_ids) == tied and len(tied) == 2
    assert worst.statement.str.startswith("Worst sourced (one of 2 tied): ").all()


def test_one_article_has_no_best_and_worst(seed_tables):
    one = only(seed_tables, ["002_532b7867ba6e277e"])
    ends = sourcing_ends(one)
    assert ends.section.tolist() == ["sourcing ends"]
    assert ends.statement.iloc[0].startswith("1 article(s) with claim sentences, too few")
    assert sourcing_evidence(one).empty


def test_the_evidence_is_the_words_at_their_offsets(seed_tables):
    evidence = sourcing_evidence(seed_tables)
    texts = seed_tables["documents"].set_index("doc_id").text
    assert all(texts[r.doc_id][r.start:r.end] == r.surface for r in evidence.itertuples())
    ends = sourcing_ends(seed_tables)
    best = evidence[evidence.verdict == "best sourced"]
    assert set(best.doc_id) == set(ends.doc_ids[ends.section == "best sourced"])
    sources = seed_tables["sources"]
    assert len(best) == len(sources[sources.doc_id.isin(best.doc_id)])
    accountable = best.what.isin(["named_person", "named_org"]).tolist()
    assert accountable == sorted(accountable, reverse=True)  # accountable sources first
    worst = evidence[evidence.verdict == "worst sourced"]
    unsourced = ml.findings.unsourced_claims(seed_tables)
    assert len(worst) == unsourced.doc_id.isin(ends.doc_ids[ends.section == "worst sourced"]).sum()


@pytest.mark.parametrize("corpus", ["seeds", "flood"])
def test_articles_side_by_side_quote_their_own_figures(request, corpus):
    tables = request.getfixturevalue("seed_tables" if corpus == "seeds" else "flood")
    comparison = comparison_of(tables)
    table = article_table(tables, comparison)
    assert sorted(table.index) == sorted(tables["documents"].doc_id)
    shared = comparison.groups.quantity[comparison.groups.compared]
    assert [c for c in table.columns if c.startswith("figures: ")] == [f"figures: {q}" for q in shared]
    texts = tables["documents"].set_index("doc_id").text
    claims = comparison.claims
    for quantity in shared:
        for doc_id, cell in table[f"figures: {quantity}"].items():
            quoted = re.findall(r"“(.*?)” \((\w+)\)", cell)
            gives = claims[(claims.quantity == quantity) & (claims.doc_id == doc_id)]
            assert bool(quoted) == bool(len(gives)), (quantity, doc_id)
            assert all(surface in texts[doc_id] and modality in set(gives.modality) for surface, modality in quoted)


@pytest.mark.parametrize("title, width, expected", [
    ("Nurses vote overwhelmingly for strike action", 60, "Nurses vote overwhelmingly for strike action"),
    ("Floods kill at least 42 in the basin as rivers burst their banks", 30, "Floods kill at least 42 in the…"),
    ("Talks resume:  a  second   day", 60, "Talks resume: a second day"),
    ("Unbreakablewordthatgoesonandon", 10, "Unbreakabl…"),
])
def test_short_title(title, width, expected):
    assert short_title(title, width) == expected


def test_the_brief_plots_return_the_table_behind_them(seed_tables, flood):
    fig, table = brief_scores(seed_tables["scores"])
    scores = seed_tables["scores"].set_index("doc_id").sort_index()
    assert table.doc_id.tolist() == scores.index.tolist()
    assert table.share_claims_accountable.equals(scores.share_claims_accountable.reset_index(drop=True))
    comparison = comparison_of(seed_tables)
    fig, disputed = disputed_figures(comparison)
    assert set(disputed.quantity) == set(comparison.groups.quantity[comparison.groups.status == "disputed"]) != set()
    fig, none = disputed_figures(comparison_of(flood))
    assert none.empty and fig.axes[0].get_title() == "No quantity is disputed between articles"


def test_a_failed_article_is_named_last_in_short(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doha.txt").write_bytes((CORPORA / "folder" / "doha.txt").read_bytes())
    (corpus / "widgets.txt").write_text("+ ↺ − 16 px\n|||\n", encoding="utf-8")  # nothing left to analyse
    statements = brief_statements(ml.tag_corpus(corpus))
    assert said(statements, "corpus", ["failed"]) == \
        "1 article could not be analysed and is left out of every table: widgets."
    assert in_short(statements)[-1] == said(statements, "corpus", ["failed"])


def test_the_index_page_says_in_short_what_the_brief_says_escaped(tmp_path, flood):
    tables = {name: table.copy() for name, table in flood.items()}
    best = sourcing_ends(tables).doc_ids.iloc[0]
    documents = tables["documents"]
    documents.loc[documents.doc_id == best, "title"] = "<script>alert(1)</script> Floods rise"
    ml.write_tables(tables, tmp_path / "tables")
    (tmp_path / "notebooks").mkdir()
    page = report.index_page(tmp_path)
    expected = in_short(brief_statements(ml.read_tables(tmp_path / "tables")))
    assert report.in_short(tmp_path / "tables") == expected
    assert page.index("<h2>The corpus") < page.index("<h2>In short") < page.index("<h2>Analyses")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Floods rise" in page
    assert "deaths grew: " in page


def test_no_tables_no_in_short(tmp_path):
    (tmp_path / "notebooks").mkdir()
    assert report.in_short(tmp_path / "tables") == []
    assert "In short" not in report.index_page(tmp_path)


# --- the analysis notebooks ------------------------------------------------------------------------

NOTEBOOKS = sorted((ROOT / "notebooks").glob("0*.ipynb"))
MAX_CELL_LINES = 16  # "about 15": the notebooks narrate, the library computes


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_take_analyses_and_define_no_functions(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = [("".join(c["source"]), c["metadata"].get("tags", [])) for c in cells if c["cell_type"] == "code"]
    parameters = [source for source, tags in code if "parameters" in tags]
    assert len(parameters) == 1
    assert re.search(r'^analyses: str = ""  # ', parameters[0], flags=re.M)
    for source, tags in code:
        assert not re.search(r"^\s*(def|class) ", source, flags=re.M), source[:80]
        assert "parameters" in tags or len(source.splitlines()) <= MAX_CELL_LINES, source[:80]
