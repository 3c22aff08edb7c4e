"""How far a class agrees: Cohen's kappa for each pair (scikit-learn) summarised for the class,
Krippendorff's alpha (the `krippendorff` package, built for missing codes) beside Fleiss' kappa
(statsmodels, which needs every annotator on every item, so it names whom and what it left
out), the class majority against the tool, and the items disagreed on most.

Input is read_annotations' table: annotator, category, item, label (one row per coded item).
"""
from __future__ import annotations

import itertools
import warnings

import pandas as pd

PAIR_COLUMNS = ["category", "annotator_a", "annotator_b", "n_items", "share_agree", "kappa"]
CLASS_COLUMNS = ["category", "n_annotators", "n_items", "alpha", "fleiss_kappa", "fleiss_annotators",
                 "fleiss_items", "annotators_left_out", "items_left_out"]
OUTLIER_FENCE = 1.5  # Tukey's fence: an annotator this many quartile ranges below the lower quartile


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
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


def pair_summary(pairs: pd.DataFrame) -> pd.DataFrame:
    """Per category, the distribution of the pairs' kappas: n_pairs, min, q1, median, q3, max."""
    rows = [{"category": category, "n_pairs": len(group), "min": group.kappa.min(), "q1": group.kappa.quantile(0.25),
             "median": group.kappa.median(), "q3": group.kappa.quantile(0.75), "max": group.kappa.max()}
            for category, group in pairs.dropna(subset=["kappa"]).groupby("category", sort=True)]
    return pd.DataFrame(rows, columns=["category", "n_pairs", "min", "q1", "median", "q3", "max"]).round(3)


def annotator_agreement(pairs: pd.DataFrame) -> pd.DataFrame:
    """Per category and annotator: mean_kappa with everyone else, and `outlier` when it lies
    below the lower quartile of the annotators' means by more than 1.5 quartile ranges."""
    long = pd.concat([pairs.rename(columns={"annotator_a": "annotator"}),
                      pairs.rename(columns={"annotator_b": "annotator"})]).dropna(subset=["kappa"])
    means = long.groupby(["category", "annotator"], sort=True).kappa.mean().round(3).rename("mean_kappa").reset_index()
    q1 = means.groupby("category").mean_kappa.transform(lambda v: v.quantile(0.25))
    q3 = means.groupby("category").mean_kappa.transform(lambda v: v.quantile(0.75))
    return means.assign(outlier=means.mean_kappa < q1 - OUTLIER_FENCE * (q3 - q1))


def _alpha(wide: pd.DataFrame) -> float:
    """Krippendorff's alpha (nominal) of an item x annotator table with NaN for uncoded."""
    import krippendorff

    codes = {label: n for n, label in enumerate(sorted(pd.unique(wide.stack().dropna())))}
    data = wide.T.apply(lambda column: column.map(codes)).to_numpy(dtype=float)
    if len(codes) < 2 or data.shape[0] < 2:
        return float("nan")  # one label in all the codes: there is no disagreement to measure
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def _fleiss(complete: pd.DataFrame) -> float:
    from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

    if complete.shape[1] < 2 or complete.empty:
        return float("nan")
    counts, _ = aggregate_raters(complete.to_numpy())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(fleiss_kappa(counts, method="fleiss"))


def _complete_block(wide: pd.DataFrame) -> pd.DataFrame:
    """The larger of: every item with the annotators who coded all items, and every annotator
    on the items all of them coded (Fleiss' kappa needs a full table)."""
    full_annotators = wide.loc[:, wide.notna().all()]
    full_items = wide.dropna()
    return full_annotators if full_annotators.size >= full_items.size else full_items


def fleiss_and_alpha(table: pd.DataFrame) -> pd.DataFrame:
    """Per category: n_annotators, n_items, alpha (Krippendorff's, on every code), fleiss_kappa
    on the full block of fleiss_annotators x fleiss_items, and who and what it left out."""
    rows = []
    for category, group in table.groupby("category", sort=True):
        wide = group.pivot(index="item", columns="annotator", values="label")
        block = _complete_block(wide)
        rows.append({"category": category, "n_annotators": wide.shape[1], "n_items": len(wide),
                     "alpha": round(_alpha(wide), 3), "fleiss_kappa": round(_fleiss(block), 3),
                     "fleiss_annotators": block.shape[1], "fleiss_items": len(block),
                     "annotators_left_out": ", ".join(sorted(set(wide.columns) - set(block.columns))),
                     "items_left_out": ", ".join(sorted(set(wide.index) - set(block.index)))})
    return pd.DataFrame(rows, columns=CLASS_COLUMNS)


def class_majority(table: pd.DataFrame) -> pd.DataFrame:
    """Per item: the class's majority label (a tie names every tied label, "a/b"), n_annotators,
    share_majority (the share who gave the top label)."""
    rows = []
    for (category, item), group in table.groupby(["category", "item"], sort=True):
        counts = group.label.value_counts()
        top = counts.max()
        rows.append({"category": category, "item": item, "majority": "/".join(sorted(counts[counts == top].index)),
                     "n_annotators": len(group), "share_majority": round(top / len(group), 3)})
    return pd.DataFrame(rows, columns=["category", "item", "majority", "n_annotators", "share_majority"])


def versus_tool(majority: pd.DataFrame, tool: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """{category: square table}: rows the class majority, columns the tool's label, both over
    every label either gave, so the diagonal is where they agree."""
    both = majority.merge(tool, on=["category", "item"])
    tables = {}
    for category, group in both.groupby("category", sort=True):
        labels = sorted(set(group.majority) | set(group.tool))
        table = pd.crosstab(group.majority, group.tool).reindex(index=labels, columns=labels, fill_value=0)
        tables[category] = table.rename_axis(index="class", columns="tool")
    return tables


def disagreements(table: pd.DataFrame, tool: pd.DataFrame) -> pd.DataFrame:
    """The items where the class majority and the tool differ, most disagreed first: category,
    item, majority, tool, share_with_tool (the share of the class who gave the tool's label)."""
    majority = class_majority(table).merge(tool, on=["category", "item"])
    gave = table.merge(tool, on=["category", "item"]).assign(same=lambda t: t.label == t.tool)
    share = gave.groupby(["category", "item"]).same.mean().round(3).rename("share_with_tool").reset_index()
    out = majority.merge(share, on=["category", "item"])
    out = out[out.majority != out.tool]
    return out.sort_values(["share_with_tool", "category", "item"], kind="stable")[
        ["category", "item", "majority", "tool", "share_with_tool"]].reset_index(drop=True)


def most_split(majority: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The n items with the smallest majority share (the class split most)."""
    return majority.sort_values(["share_majority", "category", "item"], kind="stable").head(n).reset_index(drop=True)
