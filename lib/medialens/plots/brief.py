"""The brief's plots (notebook 04): the articles' sourcing against their speculation, and the
figures of the quantities the articles dispute. Each function returns (matplotlib figure, the
table behind it); index.html shows the brief's plots first."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..figures.compare import FigureComparison
from ..palette import COLOURS
from .bars import table_barh
from .figures import RANGE_COLUMNS, figure_ranges

SCORE_COLUMNS = {"share_claims_accountable": "sourcing transparency", "share_speculative": "speculation"}


def brief_scores(scores: pd.DataFrame):
    """A pair of bars per article: its sourcing transparency (the share of claim sentences tied
    to a named, accountable source) and its speculation (the share of sentences hedged or
    conditional), both 0 to 1.

    `scores`: the scores table (doc_id as a column or the index). Table: doc_id,
    share_claims_accountable, share_speculative, in doc_id order."""
    table = scores.set_index("doc_id") if "doc_id" in scores.columns else scores
    measures = table[list(SCORE_COLUMNS)].sort_index()
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(measures) + 1.8))
    table_barh(ax, measures, [COLOURS["source: named_org"], COLOURS["source: vague"]], width=0.75)
    ax.set_xlabel("share of sentences (0 to 1)")
    ax.set_ylabel("article")
    ax.set_xlim(0, 1)
    ax.invert_yaxis()  # the first article on top, as in the tables
    ax.set_title("Sourcing transparency and speculation per article")
    ax.legend(list(SCORE_COLUMNS.values()), loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig, measures.reset_index()


def disputed_figures(comparison):
    """The figures of each disputed quantity (figure_ranges: a row per article, a dot per figure,
    coloured by how firmly it is stated, on a log scale); one panel saying so when no quantity is
    disputed.

    `comparison`: a compare_figures() result. Table: figure_ranges's columns (quantity, total,
    unit, doc_id, date, value, value_normalised, low, high, qualifier, modality) for the disputed
    quantities."""
    groups = comparison.groups
    disputed = groups[groups.status == "disputed"]
    if disputed.empty:
        fig, ax = plt.subplots(figsize=(8, 1.2))
        ax.set(title="No quantity is disputed between articles", xticks=[], yticks=[])
        ax.axis("off")
        return fig, pd.DataFrame(columns=RANGE_COLUMNS)
    claims = comparison.claims[comparison.claims.quantity.isin(disputed.quantity)]
    return figure_ranges(FigureComparison(claims, disputed, comparison.unclear.iloc[0:0]))
