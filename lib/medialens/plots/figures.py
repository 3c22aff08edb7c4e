"""The figures plots of notebook 02: each figure's range per compared quantity, and running counts
over claim dates. Each function takes a figures.compare_figures() result and returns
(matplotlib figure, the table behind it)."""
from __future__ import annotations


import matplotlib.pyplot as plt
import pandas as pd

from ..palette import COLOURS

MODALITY_COLOURS = {m: COLOURS[f"figure: {m}"] for m in ("asserted", "reported", "speculative")}
MARKERS = {"upper_bound": "<", "lower_bound": ">"}
RANGE_COLUMNS = ["quantity", "total", "unit", "doc_id", "date", "value", "value_normalised", "low", "high",
                 "qualifier", "modality"]
TIMELINE_COLUMNS = ["quantity", "date", "doc_id", "value_normalised", "modality", "source_type", "undated"]


def figure_ranges(comparison, most: int = 12):
    """One panel per quantity two or more articles give (breakdowns under their total): each dot a
    figure, each row an article, a line for a figure's range or a vague magnitude's bounds, a
    triangle for a bound ("up to" left, "more than" right), on a log scale. At most `most` panels,
    those of the quantities the most articles give (a large corpus has more than a page can show:
    the comparison's groups list them all).

    Table: quantity, total, unit, doc_id, date (the claim's), value, value_normalised, low, high,
    qualifier, modality: the figures drawn."""
    claims, groups = comparison.claims, comparison.groups
    plotted = claims[claims.value_normalised > 0]
    drawn = set(plotted.quantity)
    shown = _most_given([q for q in groups.quantity[groups.compared] if q in drawn], plotted, most)
    height = 1.2 + 0.45 * max(1, plotted.doc_id.nunique()) * max(1, len(shown))
    fig, axes = plt.subplots(len(shown) or 1, 1, figsize=(8, min(height, 60)), squeeze=False)
    for ax, quantity in zip(axes[:, 0], shown):
        _ranges(ax, plotted[plotted.quantity == quantity])
    if not shown:
        axes[0, 0].set(title="No quantity is given by two articles: nothing to compare", xticks=[], yticks=[])
    for modality, colour in MODALITY_COLOURS.items():
        axes[0, 0].scatter([], [], color=colour, label=modality)
    axes[0, 0].legend(title="modality", loc="best", fontsize=8)
    fig.tight_layout()
    return fig, plotted[plotted.quantity.isin(shown)][RANGE_COLUMNS].reset_index(drop=True)


def _ranges(ax, rows: pd.DataFrame) -> None:
    order = list(dict.fromkeys(rows.doc_id))  # claims are in claim-date order already
    nth, size = rows.groupby("doc_id").cumcount(), rows.groupby("doc_id").doc_id.transform("size")
    # Figures of one article are spread a little up and down so equal values stay visible.
    row = rows.doc_id.map({doc_id: i for i, doc_id in enumerate(order)})
    y = row + (0.5 * (nth / (size - 1).where(size > 1, 1) - 0.5)).where(size > 1, 0.0)
    scale = (rows.value_normalised / rows.value).where(rows.value != 0, 1.0)  # bounds in the normalised unit
    colours = rows.modality.map(MODALITY_COLOURS)
    ax.hlines(y, rows.low.fillna(rows.value) * scale, rows.high.fillna(rows.value) * scale, colors=colours,
              alpha=0.5, lw=3)
    for marker, drawn in rows.groupby(rows.qualifier.map(MARKERS).fillna("o")):
        ax.scatter(drawn.value_normalised, y[drawn.index], color=colours[drawn.index], marker=marker, s=60,
                   edgecolor="black", linewidth=0.5, zorder=3)
    ax.set_xscale("log")
    ax.set_yticks(range(len(order)), order)
    ax.set_ylim(len(order) - 0.3, -0.7)  # earliest claim on top
    total = rows.total.iloc[0]
    name = rows.quantity.iloc[0]
    ax.set_title(f"└ {name} (a part of {total})" if total else f"{name}: each article's figures")
    ax.set_xlabel(f"{name} (log scale)")
    ax.set_ylabel("article")


def figure_timelines(comparison, most: int = 12):
    """One panel per running count (a quantity claimed on two or more dates): its value against
    the claim's date (figures.date), each point coloured by how firmly it is stated, one line per
    kind of source where they differ; claims without a date stand after the last date, marked
    "undated". At most `most` panels, those of the counts the most articles give.

    Table: quantity, date, doc_id, value_normalised, modality, source_type, undated."""
    claims, groups = comparison.claims, comparison.groups
    counted = claims[(claims.value_normalised > 0) & (claims.qualifier != "vague")]
    running = _most_given(groups.quantity[groups.status.isin(["grew", "occasions"])].tolist(), counted, most)
    rows = counted[counted.quantity.isin(running)]
    fig, axes = plt.subplots(len(running) or 1, 1, figsize=(8, min(2.6 * max(1, len(running)), 60)), squeeze=False)
    tables = []
    for ax, quantity in zip(axes[:, 0], running):
        tables.append(_timeline(ax, rows[rows.quantity == quantity].copy()))
    if not running:
        axes[0, 0].set(title="No quantity is claimed on two or more dates: no running count", xticks=[], yticks=[])
    fig.autofmt_xdate()
    fig.tight_layout()
    table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=TIMELINE_COLUMNS)
    return fig, table


def _most_given(quantities: list[str], claims: pd.DataFrame, most: int) -> list[str]:
    """The `most` quantities the most articles give, in their order in `quantities`."""
    if len(quantities) <= most:
        return quantities
    articles = claims[claims.quantity.isin(quantities)].groupby("quantity").doc_id.nunique()
    kept = set(articles.reindex(quantities).fillna(0).sort_values(ascending=False, kind="stable").index[:most])
    return [q for q in quantities if q in kept]


def _timeline(ax, rows: pd.DataFrame) -> pd.DataFrame:
    dated = rows.date != ""
    days = pd.to_datetime(rows.date.where(dated), errors="coerce")
    last = days.max()  # a running count has two dated claims at least
    # Claims without a date stand one day after the last dated claim, and say so.
    rows["claim_day"] = days.fillna(last + pd.Timedelta(days=1))
    rows["undated"] = ~dated
    sources = rows.source_type.fillna("").replace("", "unnamed")
    styles = iter(["-", "--", ":", "-."] * 4)
    for source, line in rows[dated].groupby(sources[dated] if sources.nunique() > 1 else pd.Series("", index=rows.index[dated])):
        line = line.sort_values("claim_day")
        ax.plot(line.claim_day, line.value_normalised, color="grey", alpha=0.8, lw=1.2, linestyle=next(styles),
                label=f"source: {source}" if source else None)
    ax.scatter(rows.claim_day, rows.value_normalised, c=[MODALITY_COLOURS[m] for m in rows.modality], s=50,
               edgecolor="black", linewidth=0.5, zorder=3)
    if (~dated).any():
        ax.annotate("undated", (last + pd.Timedelta(days=1), rows.value_normalised[~dated].max()), fontsize=8)
    ax.set_title(f"{rows.quantity.iloc[0]}: by claim date")
    ax.set_xlabel("claim date")
    ax.set_ylabel(rows.quantity.iloc[0])
    if sources.nunique() > 1:
        ax.legend(fontsize=7, loc="upper left")
    return rows[TIMELINE_COLUMNS]
