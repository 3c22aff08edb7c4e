"""The figures plots draw what their tables say, and a large corpus gets a page, not a poster."""
import matplotlib
import pytest

matplotlib.use("Agg")

import medialens as ml  # noqa: E402
from medialens.plots.figures import figure_ranges  # noqa: E402

# Three quantities, each given by two or more articles: deaths by three, injured and evacuated by two.
ARTICLES = {
    "a": "Flood hits valley\n\nAt least 12 people died in the flood. 40 people were injured. 900 people were evacuated.",
    "b": "Valley flood toll rises\n\nOfficials said 14 people died. 35 people were injured. About 1,000 people were evacuated.",
    "c": "Valley mourns\n\nThe flood killed 15 people, police said.",
}


@pytest.fixture
def compared(tmp_path):
    for doc_id, text in ARTICLES.items():
        (tmp_path / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    tables = ml.tag_corpus(tmp_path)
    return ml.compare_figures(tables["figures"], tables["documents"])


def test_ranges_draw_every_compared_quantity_and_their_figures(compared):
    fig, drawn = figure_ranges(compared)
    quantities = list(compared.groups.quantity[compared.groups.compared])
    assert len(fig.axes) == len(quantities) == 3
    assert set(drawn.quantity) == set(quantities)


def test_ranges_keep_the_quantities_most_articles_give_when_there_are_too_many(compared):
    fig, drawn = figure_ranges(compared, most=1)
    assert len(fig.axes) == 1
    assert set(drawn.quantity) == {"deaths"} and drawn.doc_id.nunique() == 3
