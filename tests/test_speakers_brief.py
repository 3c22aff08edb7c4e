"""The plots and brief sentences of notebooks 01 and 03 (plots/sources.py, plots/frames.py,
brief/sources.py, brief/frames.py, brief/actors.py) on a flood story we wrote (tests/stories/
frames_flood) and the framing articles of tests/articles: each plot's table is the data it draws,
each sentence is computed from the tables and names what they hold."""
import matplotlib
import pandas as pd
import pytest

import medialens as ml
from medialens import findings, frames
from medialens.brief.actors import actor_statements
from medialens.brief.frames import frame_statements
from medialens.brief.sources import source_statements
from medialens.plots import frames as frame_plots, sources as source_plots

from conftest import ARTICLES, ROOT

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def flood():
    return ml.tag_corpus(ml.load_corpus(ROOT / "tests" / "stories" / "frames_flood"))


@pytest.fixture(scope="module")
def articles():
    documents = pd.concat([ml.load_corpus(p) for p in sorted(ARTICLES.glob("frames_*.txt"))], ignore_index=True)
    return ml.tag_corpus(documents)


def scores_of(tables):
    return tables["scores"].set_index("doc_id")


def test_plots_return_the_table_they_draw(articles):
    scores = scores_of(articles)
    fig, heat = frame_plots.frame_heatmap(scores)
    assert isinstance(fig, matplotlib.figure.Figure)
    assert heat.set_index("doc_id").conflict.equals(scores.share_frame_conflict)
    _, by_type = source_plots.source_types(scores)
    assert by_type.set_index("doc_id").sum(axis=1).equals(scores.n_sources.sort_index())
    _, density = source_plots.hedging_density(scores)
    assert list(density.columns) == ["doc_id", *source_plots.DENSITY_COLUMNS]
    _, ordered = frame_plots.emotive_terms(scores, articles["emotive"])
    assert ordered.emotive_per_100_words.is_monotonic_increasing and len(ordered) == len(scores)
    _, trust = frame_plots.speculation_vs_sourcing(scores)
    assert list(trust.columns) == ["doc_id", "share_speculative", "share_claims_accountable"]
    _, prominence = frame_plots.actor_prominence(articles, top=3)
    assert prominence.actor.tolist() == ml.actor_prominence(articles).actor.head(3).tolist()


def test_emotive_table_lists_the_counted_words(articles):
    table = frame_plots.emotive_table(scores_of(articles), articles["emotive"])
    counted = articles["emotive"][~articles["emotive"].negated.astype(bool)]
    assert table.terms.to_dict() == counted.groupby("doc_id").size().reindex(table.index, fill_value=0).to_dict()
    tabloid = next(d for d in table.index if "tabloid" in d)
    assert all(cue in table.words[tabloid] for cue in counted[counted.doc_id == tabloid].cue)


def test_source_statements_follow_the_findings(articles):
    statements = source_statements(articles)
    assert statements.section.tolist()[:3] == ["attributions", "named", "ranking"]
    ranked = findings.rank(scores_of(articles), "share_claims_accountable")
    ranking = statements[statements.section == "ranking"].statement.iloc[0]
    positions = [ranking.index(doc_id) for doc_id in ranked.doc_id]
    assert positions == sorted(positions)  # named in the findings' order
    assert not statements.statement.str.contains(r"nan|e\+|\.0%", regex=True).any()


def test_frame_statements_count_what_the_scores_hold(articles):
    scores = scores_of(articles)
    statements = frame_statements(articles).set_index("section")
    assert len(statements.loc[["frame"]]) == len(frames.FRAMES)
    dominant = statements.loc["dominant"].statement
    for frame, n in scores.dominant_frame.value_counts().items():
        assert f"{frame} in {n} article" in dominant
    most = findings.at_end(findings.extremes(scores, "emotive_per_100_words"), "most")[0]
    assert statements.loc["emotive"].statement.startswith(f"Most emotive: {most}")


def test_actor_statements_show_who_acts_who_speaks_and_the_setting(flood):
    statements = actor_statements(flood).set_index("section").statement
    ranking = ml.actor_prominence(flood)
    assert statements["acts"].startswith(f"Who acts: {ranking.actor.iloc[0]} (")
    speaker = ranking[ranking.speaks == "speaks"].actor.iloc[0]
    assert statements["speaks"].startswith(f"Who speaks: {speaker} (")
    places = ml.story_setting(flood).actor.head(5)
    assert statements["setting"] == "The setting: " + ml.findings.names(
        f"{r.actor} ({r.articles} article{'s' if r.articles > 1 else ''})" for r in ml.story_setting(flood).head(5).itertuples()) + "."
    reader = pd.read_csv(ROOT / "tests" / "stories" / "frames_flood" / "setting.csv").place.iloc[0]
    assert reader in set(places) and f"{reader} (" not in statements["acts"]


def test_a_corpus_without_actors_says_so():
    tables = ml.tag_text("Rain fell.\nIt rained all day and the river rose.")
    statements = actor_statements(tables).set_index("section").statement
    assert statements["acts"].startswith("No actor acts")
    assert statements["setting"] == "The setting: no place is named as where things happen."
