"""Horizontal bars drawn as one collection per colour rather than one artist per bar.

A plot with a bar per article of a 200-article corpus held 200 to 1,200 Rectangle artists, each
added, measured and drawn on its own (about a second of each such plot). The same rectangles in
one PolyCollection per colour cost a few milliseconds; the limits, ticks and legend entries are
those ax.barh and DataFrame.plot.barh give.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection


def barh(ax, y, length, height: float = 0.8, left=0.0, color=None, label: str | None = None) -> PolyCollection:
    """ax.barh(y, length, height, left, color=color, label=label) as one artist: a rectangle
    centred on each y, from `left` to `left + length` (a missing length draws nothing), and,
    as ax.barh, no margin added beyond the bars' starts."""
    y = np.asarray(y, dtype=float)
    left = np.broadcast_to(np.asarray(left, dtype=float), y.shape)
    right = left + np.nan_to_num(np.asarray(length, dtype=float))
    bottom, top = y - height / 2, y - height / 2 + height
    corners = np.stack([np.column_stack(xy) for xy in ((left, bottom), (right, bottom), (right, top), (left, top))],
                       axis=1)
    bars = PolyCollection(corners, facecolors=color, edgecolors="none", linewidths=0, label=label)
    bars.sticky_edges.x.extend(np.unique(left).tolist())
    ax.add_collection(bars)
    return bars


def table_barh(ax, table: pd.DataFrame, colours: list[str], width: float, stacked: bool = False) -> None:
    """table.plot.barh(ax=ax, color=colours, width=width, stacked=stacked) without its legend: a
    row of bars per row of `table` (the first at the bottom, labelled with the index), a bar per
    column, side by side or end to end, missing values drawn as 0."""
    values = table.fillna(0).to_numpy(dtype=float)
    rows = np.arange(len(table))
    ends = {True: np.zeros(len(table)), False: np.zeros(len(table))}  # stacked: where the next bar starts
    for i, (column, colour) in enumerate(zip(table.columns, colours)):
        if stacked:
            positive = values[:, i] >= 0
            left = np.where(positive, ends[True], ends[False])
            barh(ax, rows, values[:, i], width, left, colour, str(column))
            ends[True], ends[False] = ends[True] + np.where(positive, values[:, i], 0), \
                ends[False] + np.where(positive, 0, values[:, i])
        else:
            each = width / values.shape[1]
            barh(ax, rows - width / 2 + (i + 0.5) * each, values[:, i], each, 0.0, colour, str(column))
    ax.set_ylim(-width / 2 - 0.25, len(table) - 1 - width / 2 + 0.25 + width)
    ax.set_yticks(rows, [str(label) for label in table.index])
