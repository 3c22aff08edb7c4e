"""The faster paths of the views notebooks 02 and 04 compute give what the plain definitions
give, on the stories written for the tests (tests/stories: a toll that grows, a budget, a
derailment, an election) and the seeds."""
import html
import math
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest

import medialens as ml
import medialens.sources
from medialens.brief.articles import FIGURES_SHOWN, article_figures
from medialens.brief.figures import _Said
from medialens.figures.compare import _article_spread
from medialens.palette import GREY
from medialens.plots.bars import barh, table_barh

STORIES = Path(__file__).parent / "stories"


@pytest.fixture(scope="module", params=["seeds", "flood", "budget", "derailment", "election"])
def tagged(request, seed_tables):
    tables = seed_tables if request.param == "seeds" else ml.tag_corpus(STORIES / request.param)
    return tables, ml.compare_figures(tables["figures"], tables["documents"], tables["sentences"])


def pairwise_spread(values) -> float:
    """The definition: the largest ratio of one article's figure to another article's figure."""
    ratios = [a / b for doc_a, a in zip(values.doc_id, values.value_normalised)
              for doc_b, b in zip(values.doc_id, values.value_normalised) if doc_a != doc_b]
    return max(ratios, default=math.nan)


def test_article_spread_is_the_largest_ratio_between_two_articles(tagged):
    claims = tagged[1].claims
    values = claims[(claims.value_normalised > 0) & (claims.qualifier != "vague")]
    compared = 0
    for _, group in values.groupby("quantity"):
        for rows in (group, *(day for _, day in group[group.date != ""].groupby("date"))):
            expected, spread = pairwise_spread(rows), _article_spread(rows)
            assert spread == expected or math.isnan(spread) and math.isnan(expected)
            compared += rows.doc_id.nunique() >= 2
    assert compared or tagged[1].groups.compared.sum() == 0


def test_article_figures_lists_each_articles_own_figures_in_claim_order(tagged):
    comparison = tagged[1]
    table = article_figures(comparison)
    shared = comparison.groups.quantity[comparison.groups.compared].tolist()
    expected = []
    for quantity in shared:
        own = comparison.claims[comparison.claims.quantity == quantity]
        for doc_id, rows in own.groupby("doc_id", sort=True):
            stated = list(dict.fromkeys(f"“{r.surface}” ({r.modality})" for r in rows.itertuples()))
            expected.append((quantity, doc_id, len(rows),
                             "; ".join(stated[:FIGURES_SHOWN]) + (" …" if len(stated) > FIGURES_SHOWN else "")))
    assert list(table.itertuples(index=False, name=None)) == expected


KINDS = ("sources", "hedges", "figures", "frames", "emotive")


def test_corpus_spans_are_each_tables_spans_by_position_then_kind(tagged):
    tables = tagged[0]
    spans = ml.corpus_spans(tables, KINDS)
    for doc_id in tables["documents"].doc_id:
        expected = []
        for order, name in enumerate(KINDS):
            rows = tables[name][tables[name].doc_id == doc_id]
            expected += [(int(s), int(e), order, n) for n, (s, e) in enumerate(zip(rows.start, rows.end))]
        own = spans[spans.doc_id == doc_id]
        assert [(s, e) for s, e, _, _ in sorted(expected)] == list(zip(own.start, own.end))
        assert own[["start", "end", "kind", "note"]].reset_index(drop=True).equals(
            ml.article_spans(tables, doc_id, KINDS).reset_index(drop=True))


def covering_marks(text, spans) -> list[tuple[str, str]]:
    """The definition: each piece between two span boundaries takes the colour of the shortest
    span covering it and the notes of all of them (one mark per line of the piece)."""
    records = list(spans.astype({"start": int, "end": int}).sort_values(["start", "end"]).itertuples())
    cuts = sorted({0, len(text), *(min(max(r.start, 0), len(text)) for r in records),
                   *(min(max(r.end, 0), len(text)) for r in records)})
    marks = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [r for r in records if r.start <= left and right <= r.end]
        if covering:
            shortest = min(covering, key=lambda r: r.end - r.start)
            note = html.escape("; ".join(dict.fromkeys(r.note for r in covering)), quote=True)
            marks += [(ml.COLOURS.get(shortest.kind, GREY), note)] * (1 + text[left:right].count("\n"))
    return marks


def test_each_highlight_takes_the_shortest_covering_span_and_names_them_all(tagged):
    tables = tagged[0]
    spans = ml.corpus_spans(tables, KINDS)
    for doc_id, text in zip(tables["documents"].doc_id, tables["documents"].text):
        own = spans[spans.doc_id == doc_id]
        page = ml.render_article(text, own)
        assert re.findall(r'<mark style="background:([^;]*);padding:0 1px" title="([^"]*)">', page) \
            == covering_marks(text, own)


def drawn(draw) -> tuple:
    """What a plot draws: each bar's corners and colour, in data coordinates, and the axes'
    limits and tick labels (pixels may differ where a bar's edge falls on half a pixel)."""
    fig, ax = plt.subplots(figsize=(6, 4))
    draw(ax)
    fig.canvas.draw()
    bars = [(p.get_bbox().bounds, p.get_facecolor()) for p in ax.patches]
    for collection in ax.collections:
        bars += [(path.get_extents().bounds, tuple(collection.get_facecolor()[0])) for path in collection.get_paths()]
    bars = sorted((tuple(np.round(b, 9)), tuple(np.round(c, 6))) for b, c in bars)
    seen = (bars, np.round(ax.get_xlim(), 9).tolist(), np.round(ax.get_ylim(), 9).tolist(),
            [(t.get_position()[1], t.get_text()) for t in ax.get_yticklabels()])
    plt.close(fig)
    return seen


@pytest.mark.parametrize("stacked, columns", [
    (True, [f"n_sources_{t}" for t in ml.sources.SOURCE_TYPES]),
    (False, ["hedges_per_100_words", "boosters_per_100_words", "conditionals_per_100_words"]),
])
def test_bars_as_collections_draw_what_pandas_draws(tagged, stacked, columns):
    table = tagged[0]["scores"].set_index("doc_id")[columns].sort_index()
    colours = ["#56b4e9", "#0072b2", "#cc79a7", "#d55e00", "#009e73", "#e69f00"][:len(columns)]
    expected = drawn(lambda ax: table.plot.barh(ax=ax, color=colours, width=0.7, stacked=stacked, legend=False))
    assert drawn(lambda ax: table_barh(ax, table, colours, width=0.7, stacked=stacked)) == expected


def test_one_collection_draws_what_barh_draws(tagged):
    documents = tagged[0]["documents"]
    lengths = documents.n_words.astype(float).where(documents.n_words > 200)  # missing bars too
    expected = drawn(lambda ax: ax.barh(documents.doc_id, lengths.fillna(0), color="#999999"))

    def collection(ax):
        barh(ax, range(len(documents)), lengths, color="#999999")
        ax.set_yticks(range(len(documents)), documents.doc_id)
    assert drawn(collection) == expected


def test_the_brief_finds_each_quantitys_and_each_sentences_rows_as_a_filter_would(tagged):
    tables, comparison = tagged
    claims, sources = comparison.claims, tables["sources"]
    said = _Said(claims, {}, sources, 3.0)
    for quantity in claims.quantity.unique():
        assert said.rows(quantity).equals(claims[claims.quantity == quantity])
        rows = said.rows(quantity)
        giving = said._docs_giving(rows)
        for claim in rows.itertuples():
            same = rows[rows.surface.str.lower() == claim.surface.lower()] if claim.qualifier == "vague" else \
                rows[(rows.value_normalised == claim.value_normalised) & (rows.qualifier != "vague")]
            assert giving(claim) == sorted(set(same.doc_id))
    for claim in claims.itertuples():
        near = sources[(sources.doc_id == claim.doc_id) & (sources.sent_id == claim.sent_id)]
        assert sources.iloc[said.sources_in.get((claim.doc_id, claim.sent_id), [])].equals(near)
        beside = claims.iloc[said.in_sentence[(claim.doc_id, claim.sent_id)]]
        assert beside.equals(claims[(claims.doc_id == claim.doc_id) & (claims.sent_id == claim.sent_id)])
