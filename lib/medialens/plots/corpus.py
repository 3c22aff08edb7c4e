"""Notebook 00's plots: how long the articles are and when they were published.

Each function takes documents.csv's table and returns (figure, the table behind it).
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..palette import COLOURS
from .bars import barh


def article_lengths(documents: pd.DataFrame):
    """A bar per article: its words after cleaning. Table: doc_id, n_words, n_sentences (shortest
    first)."""
    columns = [c for c in ("doc_id", "n_words", "n_sentences") if c in documents.columns]
    lengths = documents[columns].sort_values(["n_words", "doc_id"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7, max(2.0, 0.3 * len(lengths) + 1)))
    barh(ax, range(len(lengths)), lengths.n_words, color=COLOURS["measure"])
    ax.set_yticks(range(len(lengths)), lengths.doc_id)
    ax.set_xlabel("words in the cleaned text")
    ax.set_ylabel("article")
    ax.set_title("Article length after cleaning")
    return fig, lengths


def article_dates(documents: pd.DataFrame):
    """A dot per dated article on the calendar, one row per outlet (or per article where no
    outlet is named), so the story's time shows. Table: doc_id, date, date_source, outlet, row
    (the label of the dot's row), by date; undated articles are left out (brief/corpus.py names
    them)."""
    table = documents.fillna("")
    table = table[table.date != ""].assign(
        row=lambda t: t.outlet.where(t.outlet != "", t.doc_id)).sort_values(["date", "doc_id"])
    columns = ["doc_id", "date", *[c for c in ("date_source", "outlet") if c in table.columns], "row"]
    table = table[columns].reset_index(drop=True)
    rows = list(dict.fromkeys(table.row))
    fig, ax = plt.subplots(figsize=(7, max(2.0, 0.35 * len(rows) + 1)))
    if table.empty:
        ax.text(0.5, 0.5, "no article gives a date", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig, table
    ax.scatter(pd.to_datetime(table.date), [rows.index(r) for r in table.row], color=COLOURS["measure"], zorder=2)
    ax.set_yticks(range(len(rows)), rows)
    ax.grid(axis="x", color="#ddd", zorder=1)
    ax.set_xlabel("date of the article")
    ax.set_title("When the articles were published")
    fig.autofmt_xdate()
    return fig, table
