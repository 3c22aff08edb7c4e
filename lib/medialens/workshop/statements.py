"""The sentences the class-agreement notebook prints, each a row of a DataFrame with a
`statement` column and the `evidence` behind it, computed from the class's codes and the tool's
labels (never typed about one class). Every step answers in a sentence, whatever the class
handed in: no files, one annotator, missing codes, one pseudonym used twice.
"""
from __future__ import annotations

import pandas as pd

from ..prose import names, number

COLUMNS = ["statement", "evidence"]


def _table(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)


def who_handed_in(coded: pd.DataFrame, problems: list[str]) -> pd.DataFrame:
    """Who handed in usable codes, and every problem with the files, one line each."""
    annotators = sorted(coded.annotator.unique())
    if not annotators:
        first = "No annotation file could be used yet: agreement needs files from at least two learners."
    elif len(annotators) == 1:
        first = (f"Only {annotators[0]} handed in codes: agreement needs at least two annotators, so the "
                 f"kappas below stay empty; {annotators[0]}'s codes are compared with the tool.")
    else:
        first = f"{len(annotators)} annotators handed in codes: {names(annotators)}."
    return _table([(first, f"{len(coded)} codes"), *((f"Left out or merged: {p}.", "file") for p in problems)])


def class_agreement(kappas: pd.DataFrame) -> pd.DataFrame:
    """Per category, alpha on every code and Fleiss' kappa with whom and what it left out; then
    where the class agrees most and least."""
    rows = []
    for row in kappas.itertuples():
        if row.n_annotators < 2:
            rows.append((f"{row.category}: one annotator, no agreement to measure.", row.category))
            continue
        left = [f"annotators who left an item uncoded: {row.annotators_left_out}" if row.annotators_left_out else "",
                f"items someone left uncoded: {row.items_left_out}" if row.items_left_out else ""]
        left = "; ".join(x for x in left if x)
        rows.append((f"{row.category}: Krippendorff's alpha {number(row.alpha)} over all {row.n_annotators} "
                     f"annotators and {row.n_items} items; Fleiss' kappa {number(row.fleiss_kappa)} on the "
                     f"{row.fleiss_annotators} annotators and {row.fleiss_items} items coded by all"
                     + (f" (left out: {left})." if left else "."), row.category))
    measured = kappas.dropna(subset=["alpha"])
    if measured.category.nunique() >= 2:
        best, worst = measured.loc[measured.alpha.idxmax()], measured.loc[measured.alpha.idxmin()]
        rows.append((f"The class agrees most on {best.category} (alpha {number(best.alpha)}) and least on "
                     f"{worst.category} (alpha {number(worst.alpha)}).", "alpha"))
    return _table(rows)


def pairs(summary: pd.DataFrame, per_annotator: pd.DataFrame) -> pd.DataFrame:
    """The spread of the pairs' kappas per category and the annotators far below the rest."""
    rows = []
    for row in summary.itertuples():
        rows.append((f"{row.category}: {row.n_pairs} pairs, kappa from {number(row.min)} to {number(row.max)}; "
                     f"half of the pairs between {number(row.q1)} and {number(row.q3)} (median {number(row.median)}).",
                     row.category))
    for category, group in per_annotator[per_annotator.outlier].groupby("category", sort=True):
        who = names(f"{r.annotator} ({number(r.mean_kappa)})" for r in group.itertuples())
        rows.append((f"{category}: far below the class, by mean kappa with everyone else: {who}; "
                     "ask how they read the labels before reading anything into the class's number.", category))
    return _table(rows)


def against_tool(coded: pd.DataFrame, tool: pd.DataFrame, disagreed: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """How often the class majority and the tool agree, and the items they part on most."""
    items = coded[["category", "item"]].drop_duplicates()
    if items.empty:
        return _table([("No codes yet to compare with the tool.", "")])
    rows = [(f"The tool agrees with the class majority on {len(items) - len(disagreed)} of {len(items)} items.", "majority")]
    for row in disagreed.head(n).itertuples():
        rows.append((f"They part on \"{row.item}\" ({row.category}): the class says {row.majority}, the tool "
                     f"{row.tool}; {number(100 * row.share_with_tool)}% of the class gave the tool's label.", row.item))
    return _table(rows)
