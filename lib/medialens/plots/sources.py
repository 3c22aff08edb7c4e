"""The sourcing plots of notebook 01: source types and hedging density per article. Each function
takes the scores table (index doc_id, as `tag` writes it with doc_id set as index) and returns
(matplotlib figure, the table behind it)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..palette import COLOURS
from ..sources import SOURCE_TYPES
from .bars import table_barh

DENSITY_COLUMNS = ["hedges_per_100_words", "boosters_per_100_words", "conditionals_per_100_words"]


def source_types(scores: pd.DataFrame):
    """A stacked bar per article: its attributions by source type (named ones can be checked;
    vague and anonymous ones ask the reader to trust the writer).

    Table: doc_id and one column per source type (SOURCE_TYPES), the attributions of that type."""
    by_type = (scores[[f"n_sources_{t}" for t in SOURCE_TYPES]]
               .rename(columns=lambda c: c.removeprefix("n_sources_")).sort_index())
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(by_type) + 1.8))
    table_barh(ax, by_type, [COLOURS[f"source: {t}"] for t in SOURCE_TYPES], width=0.7, stacked=True)
    ax.set_xlabel("attributions")
    ax.set_ylabel("article")
    ax.set_title("Source types per article")
    ax.legend(title="source type", bbox_to_anchor=(1.01, 1), loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig, by_type.reset_index()


def hedging_density(scores: pd.DataFrame):
    """Hedges, boosters and conditionals per 100 words, one group of bars per article.

    Table: doc_id, hedges_per_100_words, boosters_per_100_words, conditionals_per_100_words."""
    density = scores[DENSITY_COLUMNS].sort_index()
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(density) + 1.8))
    table_barh(ax, density, [COLOURS[k] for k in ("hedge", "booster", "conditional")], width=0.75)
    ax.set_xlabel("cues per 100 words")
    ax.set_ylabel("article")
    ax.set_title("Hedging density per article")
    ax.legend(["hedges", "boosters", "conditionals"], fontsize=8)
    fig.tight_layout()
    return fig, density.reset_index()
