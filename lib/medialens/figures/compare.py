"""The cross-article comparison: the figures of each quantity side by side, article by article."""
from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd

FIRM = ("asserted", "reported")  # modalities of a figure stated as fact or on a source's word


class FigureComparison(NamedTuple):
    claims: pd.DataFrame
    groups: pd.DataFrame


CLAIM_COLUMNS = ["quantity", "referent_class", "doc_id", "date", "outlet", "sent_id", "start", "end",
                 "surface", "value", "low", "high", "qualifier", "modality", "source_type", "firm",
                 "group_median", "ratio_to_median", "outlier", "sentence"]
GROUP_COLUMNS = ["quantity", "n_figures", "n_articles", "n_firm", "n_speculative", "min", "max",
                 "spread", "median_firm", "article_spread", "low_doc", "high_doc", "discrepant",
                 "first_date", "last_date"]


def compare_figures(figures: pd.DataFrame, documents: pd.DataFrame,
                    sentences: pd.DataFrame | None = None, factor: float = 3.0,
                    classes: list[str] | None = None) -> FigureComparison:
    """Put the figures for each quantity side by side across articles.

    The quantity of a figure is what it is a value of; until figures.csv has a `quantity` column
    it is the referent class. classes: the referent classes to compare; None: every class
    except "other".
    Returns FigureComparison(claims, groups):
    claims, one row per figure, ordered by quantity, article date (unknown dates last), doc_id and
      position: quantity, referent_class, doc_id, date, outlet, sent_id, start, end, surface, value,
      low, high, qualifier, modality, source_type, firm (asserted or reported), group_median (median
      of the quantity's firm figures that are not vague), ratio_to_median (value / group_median),
      outlier (that ratio beyond `factor` either way), sentence (its text, when `sentences` is given).
    groups, one row per quantity: quantity, n_figures, n_articles, n_firm, n_speculative,
      min, max, spread (max / min), median_firm (these four over figures that are not vague:
      "thousands" names no number), article_spread (the largest ratio between a
      figure of one article and a figure of another), low_doc, high_doc (articles holding the
      smallest and largest figure), discrepant (article_spread > factor), first_date, last_date.
    """
    wanted = figures[figures.referent_class != "other"] if classes is None else \
        figures[figures.referent_class.isin(classes)]
    if "quantity" not in wanted.columns:
        wanted = wanted.assign(quantity=wanted.referent_class)
    meta = documents.set_index("doc_id").reindex(columns=["date", "outlet"]).fillna("")
    claims = wanted.join(meta, on="doc_id").assign(firm=lambda t: t.modality.isin(FIRM))
    claims["sentence"] = ""
    if sentences is not None and len(claims):
        text = sentences.set_index(["doc_id", "sent_id"]).text
        claims["sentence"] = [text.get((d, s), "") for d, s in zip(claims.doc_id, claims.sent_id)]
    medians = claims[claims.firm & (claims.qualifier != "vague")].groupby("quantity").value.median()
    claims["group_median"] = claims.quantity.map(medians).astype(float)
    claims["ratio_to_median"] = claims.value / claims.group_median
    claims["outlier"] = (claims.ratio_to_median > factor) | (claims.ratio_to_median < 1 / factor)
    claims["undated"] = claims.date.eq("")
    claims = claims.sort_values(["quantity", "undated", "date", "doc_id", "start"])
    claims = claims[CLAIM_COLUMNS].reset_index(drop=True)
    groups = [_group(name, group, factor) for name, group in claims.groupby("quantity", sort=True)]
    return FigureComparison(claims, pd.DataFrame(groups, columns=GROUP_COLUMNS))


def _group(name: str, group: pd.DataFrame, factor: float) -> dict:
    # A vague "thousands" commits to no number, so it does not set the extremes or the median.
    values = group[(group.value > 0) & (group.qualifier != "vague")]
    per_article = values.groupby("doc_id").value.agg(["min", "max"])
    article_spread = math.nan
    if len(per_article) > 1:
        # The largest ratio between figures of two different articles.
        article_spread = max(per_article["max"][a] / per_article["min"][b]
                             for a in per_article.index for b in per_article.index if a != b)
    dates = group.date[group.date != ""]
    low = values.loc[values.value.idxmin()] if len(values) else None
    high = values.loc[values.value.idxmax()] if len(values) else None
    return {"quantity": name, "n_figures": len(group), "n_articles": group.doc_id.nunique(),
            "n_firm": int(group.firm.sum()), "n_speculative": int((group.modality == "speculative").sum()),
            "min": values.value.min(), "max": values.value.max(),
            "spread": values.value.max() / values.value.min() if len(values) else math.nan,
            "median_firm": values.value[values.firm].median(),
            "article_spread": article_spread,
            "low_doc": "" if low is None else low.doc_id, "high_doc": "" if high is None else high.doc_id,
            "discrepant": bool(article_spread > factor),
            "first_date": dates.min() if len(dates) else "", "last_date": dates.max() if len(dates) else ""}
