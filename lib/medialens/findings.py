"""Findings: the cross-article questions the notebooks ask, each answered once, here.

Which article is best or worst sourced, which speculates most, which quantities the articles
dispute and which claims stand with no source: every notebook that asks one of these calls the
function below and only narrates the table it returns, so two notebooks can never disagree about
one fact. Ties are named, never broken by row order; an undefined (NaN) score is set aside and
counted, never ranked. Tagging and scoring are the analyses' job (hedges, sources, figures,
frames); this module only reads their tables.
"""
from __future__ import annotations

import pandas as pd

from .figures.compare import STATUSES
from .prose import names  # noqa: F401  (findings.names: the notebooks call it here)
# Claim sentences with no source: one home, sources/score.py; findings only passes it on.
from .sources import unsourced_claims  # noqa: F401

RANK_COLUMNS = ["doc_id", "value", "rank", "n_tied"]
EXTREME_COLUMNS = ["end", "value", "doc_id", "n_tied"]
DISPUTE_COLUMNS = ["quantity", "status", "n_articles", "n_figures", "min", "max", "article_spread"]
EXTREME_CLAIM_COLUMNS = ["quantity", "end", "value", "doc_id", "surface", "qualifier", "modality",
                         "source_type", "sentence"]


def rank(scores: pd.DataFrame, measure: str, ascending: bool = False) -> pd.DataFrame:
    """Articles ranked on one measure of the scores table (highest first unless `ascending`).

    One row per article with a defined value: doc_id, value, rank (articles with the same value
    share the rank, "min" method: 1, 1, 3), n_tied (how many articles share that value).
    Articles whose value is NaN are left out; `left_out(scores, measure)` lists them."""
    table = scores.reset_index() if "doc_id" not in scores.columns else scores
    values = table[["doc_id", measure]].rename(columns={measure: "value"}).dropna(subset=["value"])
    values = values.assign(rank=values.value.rank(method="min", ascending=ascending).astype(int))
    values["n_tied"] = values.groupby("value").doc_id.transform("size").astype(int)
    return values.sort_values(["rank", "doc_id"])[RANK_COLUMNS].reset_index(drop=True)


def left_out(scores: pd.DataFrame, measure: str) -> list[str]:
    """The articles whose `measure` is undefined (NaN: a share with nothing to divide by)."""
    table = scores.reset_index() if "doc_id" not in scores.columns else scores
    return sorted(table.doc_id[table[measure].isna()])


def extremes(scores: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The most and the least of a measure, every article of a tie named.

    One row per article at an end: end ("most" or "least"), value, doc_id, n_tied. Empty when no
    article has a defined value; with one distinct value every article is both most and least."""
    ranked = rank(scores, measure)
    if ranked.empty:
        return pd.DataFrame(columns=EXTREME_COLUMNS)
    top = ranked[ranked.value == ranked.value.max()].assign(end="most")
    bottom = ranked[ranked.value == ranked.value.min()].assign(end="least")
    return pd.concat([top, bottom], ignore_index=True)[EXTREME_COLUMNS]


def at_end(extreme: pd.DataFrame, end: str) -> tuple[str, float]:
    """(the articles at `end` of an extremes() table, named together; their value)."""
    rows = extreme[extreme.end == end]
    return (names(rows.doc_id), rows.value.iloc[0]) if len(rows) else ("", float("nan"))


def figure_disputes(comparison, factor: float = 3.0) -> pd.DataFrame:
    """Per quantity of a figures.compare_figures() result: disputed, grew, undated, agreed or one article.

    One row per quantity: quantity, status (figures.compare: "disputed" when two articles' figures
    of one claim date, or of one occasion such as a march, differ by more than `factor`; "grew"
    when a running count rose or fell over dates; "occasions" when a count of one occasion (a
    crowd) is given for several dates, each its own march; "undated" when they differ by more than that
    but carry no dates, so a grown count cannot be told from a dispute; "agreed" otherwise; "one
    article" when only one article gives it, so there is nothing to compare), n_articles,
    n_figures, min, max, article_spread. Disputed quantities first, widest gap first. `factor` is
    the comparison's (compare_figures decides the status)."""
    groups = comparison.groups
    if groups.empty:
        return pd.DataFrame(columns=DISPUTE_COLUMNS)
    order = groups.status.map({s: k for k, s in enumerate(STATUSES)})
    return groups.assign(_order=order).sort_values(["_order", "article_spread", "quantity"],
                                                   ascending=[True, False, True])[DISPUTE_COLUMNS] \
        .reset_index(drop=True)


def extreme_claims(comparison) -> pd.DataFrame:
    """The claims that set each quantity's lowest and highest figure, with their words.

    One row per claim at an end: quantity, end ("low" or "high"), value (in the quantity's
    normalised unit), doc_id, surface,
    qualifier, modality, source_type, sentence. Every claim holding the extreme value is listed
    (a tie is several rows). Vague magnitudes ("thousands") name no number and set no extreme."""
    claims = comparison.claims
    if "value_normalised" in claims:  # "12 inches" and "310mm" compare in one unit (figures/compare.py)
        claims = claims.assign(value=claims.value_normalised)
    firm = claims[(claims.value > 0) & (claims.qualifier != "vague")]
    if firm.empty:
        return pd.DataFrame(columns=EXTREME_CLAIM_COLUMNS)
    low = firm[firm.value == firm.groupby("quantity").value.transform("min")].assign(end="low")
    high = firm[firm.value == firm.groupby("quantity").value.transform("max")].assign(end="high")
    both = pd.concat([low, high], ignore_index=True)
    return both.sort_values(["quantity", "end", "doc_id", "start"], ascending=[True, False, True, True]) \
        [EXTREME_CLAIM_COLUMNS].reset_index(drop=True)


def failed_articles(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Articles left out of every table because cleaning or a tagger failed on them (the errors
    table of a tag run; empty when none failed or the run wrote no such table)."""
    errors = tables.get("errors")
    return errors if errors is not None else pd.DataFrame(columns=["doc_id", "stage", "error_type", "message"])
