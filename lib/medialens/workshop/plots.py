"""The class-agreement notebook's plots, each returning (figure, table behind it)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..palette import COLOURS

SUBSTANTIAL = 0.6  # "substantial" agreement from here up (Landis and Koch 1977)


def class_agreement(kappas: pd.DataFrame):
    """Krippendorff's alpha and Fleiss' kappa per category, with the 0.6 line.
    Table: category, alpha, fleiss_kappa."""
    data = kappas[["category", "alpha", "fleiss_kappa"]].set_index("category")
    fig, ax = plt.subplots(figsize=(5, 0.6 + 0.6 * max(len(data), 1)))
    if len(data):
        data.plot.barh(ax=ax, color=[COLOURS["source: named_org"], "#999999"])
    ax.axvline(SUBSTANTIAL, color="#555", linestyle="--", linewidth=1)
    ax.set_xlim(min(0, data.min().min() if len(data) else 0) - 0.05, 1)
    ax.set_xlabel(f"agreement beyond chance (dashed: {SUBSTANTIAL})")
    ax.set_ylabel("")
    plt.close(fig)
    return fig, data.reset_index()


def pair_spread(pairs: pd.DataFrame):
    """Every pair's kappa, one row of dots per category (a box marks the middle half), so 190
    pairs read as one shape and its outliers. Table: the pairs (category, annotator_a,
    annotator_b, kappa)."""
    data = pairs.dropna(subset=["kappa"])[["category", "annotator_a", "annotator_b", "kappa"]]
    categories = sorted(data.category.unique())
    fig, ax = plt.subplots(figsize=(6, 0.8 + 0.7 * max(len(categories), 1)))
    for row, category in enumerate(categories):
        values = data[data.category == category].kappa
        ax.boxplot(values, positions=[row], vert=False, widths=0.5, showfliers=False)
        ax.scatter(values, [row] * len(values), s=12, alpha=0.4, color="#0072b2")
    ax.set_yticks(range(len(categories)), categories)
    ax.set_xlabel("Cohen's kappa of each pair of annotators")
    plt.close(fig)
    return fig, data.reset_index(drop=True)
