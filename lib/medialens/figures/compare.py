"""The cross-article comparison: the figures of each quantity side by side, article by article.

What makes two figures comparable (the design; notebook 02 explains it to readers):
- the same `quantity` (figures/quantities.py names it: event, noun, scope) and the same `unit`
  after normalisation (°F is read as °C, inches as metres). A quantity given in two units that
  cannot be normalised into each other (two currencies; a percentage and a count of the same
  thing) is two comparison rows, "aid (GBP)" and "aid (USD)", never compared with each other;
- a breakdown ("deaths, Olen") is its own quantity, listed right after its total ("deaths") with
  `total` naming it, and never compared with it;
- two figures are compared only when every slot agrees (measure, scope, event_time, kind,
  dimension: `quantity` joins them, slots.py); a figure whose measure the rules could not name
  (empty `quantity`) is never merged into a group: it is listed in `unclear` ("not compared:
  unclear what it counts");
- a quantity that only one article gives is listed (`compared` False), not compared;
- a running count (a count or share whose figures differ between claims of two or more dates,
  or with time words such as "on Tuesday", "second day") is one quantity ordered by the claim's
  date (figures.date: the article's date moved by the sentence's time words), then time words:
  its growth is the story, so only claims of the same date are compared for a dispute. Claims
  without a date go last.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..errors import MedialensError
from .event_time import weekdays_in
from .occasions import UNPLACED, place_occasions
from .rules import rules_for
from .slots import quantity_of

FIRM = ("asserted", "reported")  # modalities of a figure stated as fact or on a source's word


class FigureComparison(NamedTuple):
    claims: pd.DataFrame
    groups: pd.DataFrame
    unclear: pd.DataFrame  # figures not compared: unclear what they count


SLOTS = ["measure", "scope", "event_time", "kind", "dimension"]
CLAIM_COLUMNS = ["quantity", "total", "unit", *SLOTS, "referent_class", "doc_id", "date", "article_date", "outlet",
                 "sent_id", "start", "end", "surface", "value", "value_normalised", "low", "high", "qualifier",
                 "modality", "source_type", "firm", "time_word", "group_median", "ratio_to_median", "outlier",
                 "sentence"]
UNCLEAR_COLUMNS = ["doc_id", "sent_id", "start", "end", "surface", "value", "unit", "reason", "sentence"]
GROUP_COLUMNS = ["quantity", "total", "unit", "n_figures", "n_articles", "compared", "running", "n_firm",
                 "n_speculative", "min", "max", "spread", "median_firm", "article_spread", "low_doc",
                 "high_doc", "discrepant", "status", "first_date", "last_date", "first_value", "last_value"]
GROUP_INPUTS = ["quantity", "total", "unit", "measure", "event_time", "date", "doc_id", "value_normalised", "qualifier",
                "modality", "firm"]
# What a group of claims is, read as an editor would (findings.figure_disputes lists them in this order).
STATUSES = ("disputed", "grew", "occasions", "undated", "agreed", "one article")


def compare_figures(figures: pd.DataFrame, documents: pd.DataFrame,
                    sentences: pd.DataFrame | None = None, factor: float = 3.0,
                    classes: list[str] | None = None) -> FigureComparison:
    """Put the figures for each quantity side by side across articles (see the module docstring).

    classes: the referent classes to compare; None: every figure.
    Returns FigureComparison(claims, groups):
    claims, one row per figure, ordered by quantity, claim date (unknown dates last), time word,
      doc_id and position: quantity (with its unit in brackets when it has one: "aid (GBP)"),
      total (the quantity a breakdown is part of, or ''), unit, measure, scope, event_time, kind,
      dimension (the slots), referent_class, doc_id, date (the claim's), article_date, outlet, sent_id, start, end, surface, value (as written), value_normalised (in `unit`), low,
      high, qualifier, modality, source_type, firm (asserted or reported), time_word (a weekday in
      the sentence: it orders the claims of an article without a date), group_median (median of the quantity's firm figures that are
      not vague, normalised), ratio_to_median, outlier (that ratio beyond `factor` either way),
      sentence (its text, when `sentences` is given).
    groups, one row per quantity, each total followed by its breakdowns: quantity, total, unit,
      n_figures, n_articles, compared (two or more articles give it), running (articles of two or
      more dates or time words give it), n_firm, n_speculative, min, max, spread (max / min),
      median_firm (these four over figures that are not vague, normalised: "thousands" names no
      number), article_spread (the largest ratio between a figure of one article and a figure of
      another; for a running count only articles of the same date are set against each other),
      low_doc, high_doc, discrepant (status "disputed"), status (disputed: two articles differ by more
      than `factor` on one claim date, or about one occasion such as a march; grew: a running count
      over dates; undated: they differ, but without dates a grown count and a dispute cannot be told
      apart; occasions: a count of one occasion, a crowd, given for two or more dates, each its own
      march; agreed; one article), first_date, last_date,
      first_value, last_value (the running count's first and last figure in time order).
    unclear, one row per figure whose measure the rules could not name: doc_id, sent_id, start,
      end, surface, value, unit, reason ("not compared: unclear what it counts"), sentence.
    """
    if "quantity" not in figures.columns or "measure" not in figures.columns:
        raise MedialensError("figures", "the figures table has no quantity or measure column: tag the corpus again")
    figures = place_occasions(figures)  # a table tagged article by article: its occasions placed here
    wanted = figures if classes is None else figures[figures.referent_class.isin(classes)]
    named = wanted.quantity.fillna("").astype(str) != ""
    # A figure whose quantity could not be named is compared with nothing, and listed.
    unclear = _unclear(wanted[~named], sentences)
    claims = _claims(wanted[named], documents, sentences, factor)
    q = rules_for(None).quantities
    # counts of one occasion; counts that grow as a story goes on; stances (an offer, a demand: no running count)
    kinds = (set(q.occasion), set(q.running), set(q.stance.values()))
    # Only the columns _group reads: each of its filters then copies 11 columns, not 29.
    groups = pd.DataFrame([_group(name, group, factor, kinds) for name, group in claims[GROUP_INPUTS].groupby(
        "quantity", sort=True)], columns=GROUP_COLUMNS)
    return FigureComparison(claims, _totals_first(groups), unclear)


def _claims(figures: pd.DataFrame, documents: pd.DataFrame, sentences: pd.DataFrame | None,
            factor: float) -> pd.DataFrame:
    """The claims table of compare_figures (its docstring lists the columns), in time order."""
    meta = documents.set_index("doc_id").reindex(columns=["date", "outlet"]).fillna("").astype(str) \
        .rename(columns={"date": "article_date"})
    claims = figures.join(meta, on="doc_id").assign(firm=lambda t: t.modality.isin(FIRM))
    claims["date"] = claims.date.fillna("").astype(str) if "date" in claims else claims.article_date
    for slot in SLOTS:
        claims[slot] = claims[slot].fillna("").astype(str) if slot in claims else ""
    claims["unit"] = claims.unit.fillna("").astype(str)
    claims["value_normalised"] = claims.value_normalised.fillna(claims.value).astype(float)
    claims["quantity"] = [q if not u or q.endswith(f" ({u})") else f"{q} ({u})" for q, u in zip(claims.quantity, claims.unit)]
    claims["sentence"] = ""
    if sentences is not None and len(claims):
        text = sentences.set_index(["doc_id", "sent_id"]).text
        claims["sentence"] = [text.get((d, s), "") for d, s in zip(claims.doc_id, claims.sent_id)]
    # A weekday in the sentence orders the claims of an article without a date (calendar words of dates.py).
    weekdays = [weekdays_in(s, 0, len(s)) for s in claims.sentence]
    claims["time_word"] = [s[w[0][0]:].split()[0].strip(".,") if w else "" for s, w in zip(claims.sentence, weekdays)]
    claims["total"] = _totals(claims)
    firm_values = claims[claims.firm & (claims.qualifier != "vague")]
    medians = firm_values.groupby("quantity").value_normalised.median()
    claims["group_median"] = claims.quantity.map(medians).astype(float)
    claims["ratio_to_median"] = claims.value_normalised / claims.group_median
    claims["outlier"] = (claims.ratio_to_median > factor) | (claims.ratio_to_median < 1 / factor)
    claims["undated"] = claims.date.eq("")
    claims["_when"] = [w[0][1] if w else 99 for w in weekdays]
    claims = claims.sort_values(["quantity", "undated", "date", "_when", "doc_id", "start"])
    return claims[CLAIM_COLUMNS].reset_index(drop=True)


def _unclear(figures: pd.DataFrame, sentences: pd.DataFrame | None) -> pd.DataFrame:
    """The figures no quantity was named for (or a crowd no rule placed on a day, in a story of
    several marches), with the sentence that holds them."""
    unplaced = figures.get("slot_rules", pd.Series("", index=figures.index)).fillna("").astype(str).str.contains(UNPLACED)
    table = figures.assign(unit=figures.unit.fillna("").astype(str), sentence="",
                           reason=unplaced.map({True: "not compared: unclear which occasion",
                                                False: "not compared: unclear what it counts"}))
    if sentences is not None and len(table):
        text = sentences.set_index(["doc_id", "sent_id"]).text
        table["sentence"] = [text.get((d, s), "") for d, s in zip(table.doc_id, table.sent_id)]
    return table.sort_values(["doc_id", "start"])[UNCLEAR_COLUMNS].reset_index(drop=True)


def _totals(claims: pd.DataFrame) -> list[str]:
    """For a breakdown ("deaths, Egypt": a scope), its total ("deaths": the same slots without the
    scope) when that is a quantity too. Another event ("deaths, 2015") is no breakdown."""
    known = set(claims.quantity)
    totals = []
    for row in claims[["quantity", "unit", *SLOTS]].to_dict("records"):
        if not row["scope"]:
            totals.append("")
            continue
        base = quantity_of({**row, "scope": ""})
        base = base if not row["unit"] or base.endswith(f" ({row['unit']})") else f"{base} ({row['unit']})"
        totals.append(base if base in known else "")
    return totals


def _totals_first(groups: pd.DataFrame) -> pd.DataFrame:
    order = groups.total.where(groups.total != "", groups.quantity)
    return groups.assign(_order=order, _part=groups.total != "") \
        .sort_values(["_order", "_part", "quantity"]).drop(columns=["_order", "_part"]).reset_index(drop=True)


def _article_spread(values: pd.DataFrame) -> float:
    """The largest ratio between a figure of one article and a figure of another."""
    per_article = values.groupby("doc_id").value_normalised.agg(["min", "max"])
    if len(per_article) < 2:
        return math.nan
    # Every article's largest figure over every other's smallest, as one array (a loop over the
    # pairs of a 200-article corpus took seconds).
    ratios = per_article["max"].to_numpy(float)[:, None] / per_article["min"].to_numpy(float)[None, :]
    np.fill_diagonal(ratios, -np.inf)
    return float(ratios.max())


def _group(name: str, group: pd.DataFrame, factor: float, kinds: tuple[set[str], set[str], set[str]]) -> dict:
    # A vague "thousands" commits to no number, so it does not set the extremes or the median.
    values = group[(group.value_normalised > 0) & (group.qualifier != "vague")]
    # A count (or a share, "80% of ballots counted") that changes between claim dates; a measure
    # or a sum of money given on two days is compared as usual.
    dated = values[values.date != ""]
    measure = group.measure.iloc[0]
    occasion = measure in kinds[0]
    # Another event's figure (a past disaster) no longer grows; nor does one party's offer or demand,
    # which several parties make ("offered about 15%" and "offered 16.2%" are two offers, not a count).
    stance = measure.split(" ")[-1] in kinds[2]
    grows = (measure.split(" per ")[0] in kinds[1] or group.unit.iloc[0] == "%" and not stance) \
        and not group.event_time.iloc[0]
    running = dated.date.nunique() >= 2 and (group.unit.iloc[0] in ("", "%") or grows) \
        and dated.value_normalised.nunique() > 1 and not stance
    # Claims of one day from two articles are set against each other: different values then are
    # a dispute. Without dates, a grown count (or another march) cannot be told from a dispute.
    spreads = [_article_spread(on_day) for _, on_day in dated.groupby("date")]
    same_day = max([s for s in spreads if not math.isnan(s)], default=math.nan)
    article_spread = _article_spread(values)
    n_articles = group.doc_id.nunique()
    differ = values.value_normalised.nunique() > 1
    status = _status(n_articles, same_day, article_spread, running, (occasion, grows and differ), factor)
    dates = group.date[group.date != ""]
    low = values.loc[values.value_normalised.idxmin()] if len(values) else None
    high = values.loc[values.value_normalised.idxmax()] if len(values) else None
    return {"quantity": name, "total": group.total.iloc[0], "unit": group.unit.iloc[0], "n_figures": len(group),
            "n_articles": n_articles, "compared": n_articles >= 2, "running": running,
            "n_firm": int(group.firm.sum()), "n_speculative": int((group.modality == "speculative").sum()),
            "min": values.value_normalised.min(), "max": values.value_normalised.max(),
            "spread": values.value_normalised.max() / values.value_normalised.min() if len(values) else math.nan,
            "median_firm": values.value_normalised[values.firm].median(),
            "article_spread": same_day if running else article_spread,
            "low_doc": "" if low is None else low.doc_id, "high_doc": "" if high is None else high.doc_id,
            "discrepant": status == "disputed", "status": status,
            "first_date": dates.min() if len(dates) else "", "last_date": dates.max() if len(dates) else "",
            "first_value": values.value_normalised.iloc[0] if len(values) else math.nan,
            "last_value": values.value_normalised.iloc[-1] if len(values) else math.nan}


def _status(n_articles: int, same_day: float, spread: float, running: bool, kind: tuple[bool, bool],
            factor: float) -> str:
    """disputed (two articles differ more than `factor` on one claim date, or about a quantity
    that does not grow as a story goes on: troops to be sent, a demand), grew (a running count
    over dates), undated (a count that grows, `running` in figure_quantities.csv, or a share,
    differs between articles without dates: growth and dispute cannot be told apart), agreed
    (within `factor`), or one article. `kind`: (a count of one occasion, a growing count that differs)."""
    occasion, growing = kind
    if n_articles < 2:
        return "one article"
    if same_day > factor or not growing and not occasion and spread > factor:
        return "disputed"
    if running:
        return "occasions" if occasion else "grew"  # a crowd on two dates is two marches
    return "undated" if growing or occasion and spread > factor else "agreed"
