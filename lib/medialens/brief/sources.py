"""The brief's sentences about sourcing: who each article relies on, how firmly it says what it
says, in the order notebook 01 prints them (and notebook 04 can):

1. attributions: which article attributes most, and how many attribute nothing;
2. named: where named people and organisations make up most and least of the attributions;
3. ranking: the articles ranked by sourcing transparency (ties share a rank, undefined left out);
4. transparency: the best and the worst sourced, and the share of claims sourced across articles;
5. speculation: the most and the least speculative article;
6. weasels: who leans most on weasel wording, and its most frequent cue.

Every ranking and extreme comes from medialens.findings, every number from prose.number.
`source_statements` returns one row per sentence with its evidence (doc_ids and values).
"""
from __future__ import annotations

import pandas as pd

from .. import findings
from ..prose import number
from ..sources import unsourced_claims

COLUMNS = ["order", "section", "statement", "doc_ids", "evidence"]


def percent(share: float) -> str:
    """A share (0 to 1) as a reader writes it: 0.1875 -> '19%'."""
    return number(round(100 * share), "%")


def _row(section: str, statement: str, doc_ids="", evidence="") -> dict:
    return {"section": section, "statement": statement, "doc_ids": doc_ids, "evidence": evidence}


def _verb(who: str, one: str, many: str) -> str:
    return many if " and " in who else one


def attribution_rows(scores: pd.DataFrame) -> list[dict]:
    """Most attributions, and the share of named people and organisations at both ends."""
    totals = scores[["n_sources", "n_sources_named_person", "n_sources_named_org"]].copy()
    if totals.n_sources.max() == 0:
        return [_row("attributions", f"No article has an attribution ({number(len(totals))} article(s) read).")]
    totals["share_named"] = (totals.n_sources_named_person + totals.n_sources_named_org) \
        / totals.n_sources.where(totals.n_sources > 0)
    who, n = findings.at_end(findings.extremes(totals, "n_sources"), "most")
    none = int((totals.n_sources == 0).sum())
    rows = [_row("attributions", f"{who} {_verb(who, 'has', 'have')} the most attributions ({number(n)}); "
                                 f"{number(none)} article(s) have none.", who, f"n_sources={number(n)}")]
    named = findings.extremes(totals, "share_named")
    top, top_share = findings.at_end(named, "most")
    low, low_share = findings.at_end(named, "least")
    rows.append(_row("named", f"Named people or organisations make up {percent(top_share)} of the attributions "
                              f"in {top}, and {percent(low_share)} in {low}.", f"{top}; {low}",
                     f"share_named={top_share:.3f}; {low_share:.3f}"))
    return rows


def transparency_rows(scores: pd.DataFrame, n_unsourced: int) -> list[dict]:
    """The ranking by sourcing transparency, its two ends and the share of claims sourced."""
    measure = "share_claims_accountable"
    ranked, unranked = findings.rank(scores, measure), findings.left_out(scores, measure)
    if ranked.empty:
        return [_row("ranking", "No article has a claim sentence, so none can be ranked by sourcing transparency.")]
    order = ", ".join(f"{number(r.rank)}. {r.doc_id} ({percent(r.value)})" for r in ranked.itertuples())
    rows = [_row("ranking", f"Ranked by sourcing transparency: {order}."
                 + (f" Left out (no claim sentences, so no share): {', '.join(unranked)}." if unranked else ""),
                 "; ".join(ranked.doc_id), "; ".join(f"{v:.3f}" for v in ranked.value))]
    if scores.n_sources.sum() == 0:
        rows.append(_row("transparency", "No article has an attribution: every claim sentence is the writer's own."))
        return rows
    ends = findings.extremes(scores, measure)
    best, best_value = findings.at_end(ends, "most")
    worst, worst_value = findings.at_end(ends, "least")
    rows.append(_row("transparency", f"Most claims tied to named, accountable sources: {best} ({percent(best_value)}); "
                                     f"fewest: {worst} ({percent(worst_value)}).", f"{best}; {worst}",
                     f"{measure}={best_value:.3f}; {worst_value:.3f}"))
    sourced = scores.share_claims_sourced.dropna()
    rows.append(_row("transparency", f"Across articles, {percent(sourced.mean())} of claim sentences carry a source "
                                     f"on average (from {percent(sourced.min())} to {percent(sourced.max())}); "
                                     f"{number(n_unsourced)} claim sentences have none.",
                     evidence=f"unsourced claim sentences={n_unsourced}"))
    return rows


def speculation_rows(scores: pd.DataFrame) -> list[dict]:
    """The most and least speculative articles (share of hedged or conditional sentences)."""
    ends = findings.extremes(scores, "share_speculative")
    if ends.empty:
        return [_row("speculation", "No article has a sentence that is not a heading, so none can be scored "
                                    "for speculation.")]
    most, most_value = findings.at_end(ends, "most")
    least, least_value = findings.at_end(ends, "least")
    return [_row("speculation", f"Most speculative: {most} ({percent(most_value)} of sentences hedged or "
                                f"conditional); least: {least} ({percent(least_value)}).", f"{most}; {least}",
                 f"share_speculative={most_value:.3f}; {least_value:.3f}")]


def weasel_rows(scores: pd.DataFrame, hedges: pd.DataFrame) -> list[dict]:
    """Who uses the most weasel wording ("some say", "is widely regarded"), and its commonest cue."""
    weasels = hedges[hedges.kind == "weasel"]
    if weasels.empty or "weasels_per_100_words" not in scores:
        return [_row("weasels", f"No weasel wording found ({number(len(scores))} article(s) read).")]
    who, rate = findings.at_end(findings.extremes(scores, "weasels_per_100_words"), "most")
    common = weasels.cue.value_counts()
    return [_row("weasels", f"{who} {_verb(who, 'uses', 'use')} the most weasel wording ({number(round(rate, 2))} "
                            f"per 100 words); the most frequent weasel cue is \"{common.index[0]}\" "
                            f"({number(common.iloc[0])} time{'s' if common.iloc[0] != 1 else ''}).", who,
                 "; ".join(weasels.surface.head(5)))]


def source_statements(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The brief's sentences about sourcing (see the module docstring), one row each: order,
    section (attributions, named, ranking, transparency, speculation, weasels), statement,
    doc_ids and evidence (the values behind it)."""
    scores = tables["scores"].set_index("doc_id") if "doc_id" in tables["scores"] else tables["scores"]
    rows = attribution_rows(scores) + transparency_rows(scores, len(unsourced_claims(tables))) \
        + speculation_rows(scores) + weasel_rows(scores, tables["hedges"])
    table = pd.DataFrame(rows, columns=COLUMNS[1:])
    return table.assign(order=range(len(table)))[COLUMNS]
