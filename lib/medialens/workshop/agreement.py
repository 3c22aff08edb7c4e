"""How far a class agrees: Cohen's kappa for each pair (scikit-learn), Fleiss' kappa for the
class (statsmodels), the class majority against the tool, and the items disagreed on most.

Input is read_annotations' table: annotator, category, item, label (one row per coded item)."""
from __future__ import annotations

import itertools
import warnings

import pandas as pd


def pairwise_kappas(table: pd.DataFrame) -> pd.DataFrame:
    """Per category and pair of annotators: n_items both coded, share_agree, kappa (Cohen's;
    NaN where both gave one and the same label to everything: chance agreement is then 1)."""
    from sklearn.metrics import cohen_kappa_score

    rows = []
    for category, group in table.groupby("category", sort=True):
        wide = group.pivot(index="item", columns="annotator", values="label")
        for a, b in itertools.combinations(sorted(wide.columns), 2):
            both = wide[[a, b]].dropna()
            if both.empty:
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the NaN case above warns
                kappa = cohen_kappa_score(both[a], both[b])
            rows.append({"category": category, "annotator_a": a, "annotator_b": b, "n_items": len(both),
                         "share_agree": round(float((both[a] == both[b]).mean()), 3), "kappa": round(float(kappa), 3)})
    return pd.DataFrame(rows, columns=["category", "annotator_a", "annotator_b", "n_items", "share_agree", "kappa"])


def fleiss_kappas(table: pd.DataFrame) -> pd.DataFrame:
    """Per category: n_annotators, n_items (those every annotator coded), kappa (Fleiss')."""
    from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

    rows = []
    for category, group in table.groupby("category", sort=True):
        wide = group.pivot(index="item", columns="annotator", values="label").dropna()
        kappa = float("nan")
        if wide.shape[1] >= 2 and len(wide):
            counts, _ = aggregate_raters(wide.to_numpy())
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                kappa = fleiss_kappa(counts, method="fleiss")
        rows.append({"category": category, "n_annotators": wide.shape[1], "n_items": len(wide),
                     "kappa": round(float(kappa), 3)})
    return pd.DataFrame(rows, columns=["category", "n_annotators", "n_items", "kappa"])


def class_majority(table: pd.DataFrame) -> pd.DataFrame:
    """Per item: the class's majority label (a tie names every tied label, "a/b"), n_annotators,
    share_majority (the share who gave the top label)."""
    rows = []
    for (category, item), group in table.groupby(["category", "item"], sort=True):
        counts = group.label.value_counts()
        top = counts.max()
        rows.append({"category": category, "item": item,
                     "majority": "/".join(sorted(counts[counts == top].index)),
                     "n_annotators": len(group), "share_majority": round(top / len(group), 3)})
    return pd.DataFrame(rows, columns=["category", "item", "majority", "n_annotators", "share_majority"])


def versus_tool(majority: pd.DataFrame, tool: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """{category: confusion table}: rows the class majority, columns the tool's label."""
    both = majority.merge(tool, on=["category", "item"])
    return {category: pd.crosstab(group.majority.rename("class"), group.tool.rename("tool"))
            for category, group in both.groupby("category", sort=True)}


def most_disagreed(majority: pd.DataFrame, tool: pd.DataFrame | None = None, n: int = 5) -> pd.DataFrame:
    """The n items with the smallest majority share (the class split most), with the tool's label."""
    table = majority if tool is None else majority.merge(tool, on=["category", "item"], how="left")
    return table.sort_values(["share_majority", "category", "item"], kind="stable").head(n).reset_index(drop=True)
