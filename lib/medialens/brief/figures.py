"""The brief's sentences about figures: what the articles' numbers say when set side by side, in the
order an editor reads them, each one a sentence a reader of the articles would sign.

1. disputes: two articles give different values for one quantity on one claim date (or for a
   quantity that does not grow: a crowd, a demand): "deaths, Egypt: the articles disagree: ...";
2. running counts as growth, by claim date: "deaths grew: 36 on 9 Aug 2023 (h18), 55 on 11 Aug
   2023 (h19) ...", claims without a date last;
3. breakdowns under their totals: "deaths, by part: Egypt 660 (h15), 58 and 658 (h16) ...";
4. counts that differ but carry no date (a grown count cannot be told from a dispute), then
   quantities the articles agree on;
5. what was not compared: quantities given by one article, and figures whose measure the rules
   could not name ("not compared: unclear what it counts"). Where nothing is compared, it says so.

Labels are the slots in plain words (data/figures/figure_labels.csv: "people arrested", "people
who took part"); every number is written by prose.number. `figure_statements` returns one row
per sentence with its evidence (quantity, doc_ids, surfaces, dates), so notebook 02 and notebook
04 print the same sentences.
"""
from __future__ import annotations

import calendar
import datetime as dt

import pandas as pd

from ..figures.rules import rules_for
from ..lexicons import read_table
from ..prose import names, number
from ..sentences import STOP_WORDS

COLUMNS = ["order", "section", "quantity", "statement", "doc_ids", "surfaces", "dates"]
# A bound in words every article's own bound makes true: "At least 36" is no "more than 36",
# while "more than 1,300" is at least 1,300 (the quoted words beside it say which it was).
QUALIFIER_WORDS = {"lower_bound": "at least ", "upper_bound": "up to ", "approximate": "about "}
SHOWN = 12  # quantities or figures named in one sentence before "and N more"


def figure_statements(comparison, sources: pd.DataFrame | None = None, factor: float = 3.0,
                      lexicons: dict | None = None) -> pd.DataFrame:
    """The brief's sentences about figures (see the module docstring), one row each: order,
    section (disputed, grew, occasions, breakdown, undated, agreed, one article, unclear, nothing compared),
    quantity, statement, doc_ids, surfaces and dates (the evidence, joined by "; ")."""
    labels = dict(zip(*read_table("figure_labels", lexicons)[["measure", "label"]].T.values))
    claims, groups = comparison.claims, comparison.groups
    said = _Said(claims, labels, sources, factor)
    rows = []
    for group in groups[groups.status == "disputed"].itertuples():
        rows.append(said.dispute(group))
    for group in groups[groups.status.isin(["grew", "occasions"]) & (groups.total == "")].itertuples():
        rows.append(said.growth(group))
    rows += said.breakdowns(groups)
    for group in groups[(groups.status == "undated") & (groups.total == "")].itertuples():
        rows.append(said.undated(group))
    for group in groups[(groups.status == "agreed") & (groups.total == "")].itertuples():
        rows.append(said.agreed(group))
    rows += said.left_out(groups[(groups.status == "one article") & (groups.total == "")], comparison.unclear)
    if not (groups.status != "one article").any():
        n = claims.doc_id.nunique()
        rows.append(_row("nothing compared", "", "No quantity is given by two articles"
                         + (f" of the {n}" if n > 1 else "") + ": nothing is compared.", claims))
    table = pd.DataFrame(rows, columns=COLUMNS[1:])
    return table.assign(order=range(len(table)))[COLUMNS]


def _bounds_exclude(claims: pd.DataFrame) -> bool:
    """Whether the bounds the articles state exclude each other: "up to 2,300" and "over 2,400"
    (the highest floor above the lowest ceiling). Only stated bounds and ranges count: "1.8
    million" beside "over 1.83 million" is rounded, and two exact figures may be of two moments."""
    value = claims.value_normalised
    floors = value[claims.qualifier == "lower_bound"]
    ceilings = value[claims.qualifier == "upper_bound"]
    if "range" in set(claims.qualifier):
        scale = value / claims.value.where(claims.value != 0)
        ranged = claims.qualifier == "range"
        floors = pd.concat([floors, (claims.low * scale)[ranged]])
        ceilings = pd.concat([ceilings, (claims.high * scale)[ranged]])
    return bool(len(floors) and len(ceilings) and floors.max() > ceilings.min())


def _row(section: str, quantity: str, statement: str, claims: pd.DataFrame) -> dict:
    return {"section": section, "quantity": quantity, "statement": statement,
            "doc_ids": "; ".join(dict.fromkeys(claims.doc_id)), "surfaces": "; ".join(claims.surface),
            "dates": "; ".join(d or "undated" for d in claims.date)}


def day(date: str, years: int = 2) -> str:
    """'2023-08-09' as '9 Aug 2023' (the year left out when `years` is 1: one year in the story)."""
    try:
        d = dt.date.fromisoformat(date)
    except (TypeError, ValueError):
        return "undated"
    return f"{d.day} {calendar.month_abbr[d.month]}" + (f" {d.year}" if years > 1 else "")


class _Said:
    """Sentences about the claims of one comparison."""

    def __init__(self, claims: pd.DataFrame, labels: dict, sources: pd.DataFrame | None, factor: float):
        self.claims, self.labels, self.factor = claims, labels, factor
        self.occasions = set(rules_for(None).quantities.occasion)
        self.years = len({d[:4] for d in claims.date if d})
        self.sources = sources
        # Each quantity's claims and each sentence's claims and sources, found once: a filter of
        # the whole table per sentence written cost a second on 200 articles.
        self.by_quantity = dict(list(claims.groupby("quantity", sort=False)))
        self.in_sentence = claims.groupby(["doc_id", "sent_id"]).indices
        self.sources_in = {} if sources is None or sources.empty else sources.groupby(["doc_id", "sent_id"]).indices

    def rows(self, quantity: str) -> pd.DataFrame:
        """The claims of `quantity`, in the claims' order."""
        return self.by_quantity.get(quantity, self.claims.iloc[0:0])

    def label(self, quantity: str) -> str:
        """The slots in plain words: "deaths, Egypt", "people who took part (a week earlier)"."""
        row = self.rows(quantity).iloc[0]
        name = self.labels.get(row.measure, row.measure)
        name += f", {row.scope}" if row.scope else ""
        name += f" ({row.event_time})" if row.event_time else ""
        name += " (new)" if quantity.split(" (")[0].endswith(", new") else ""
        return name + (f" ({row.unit})" if row.unit else "")

    def value(self, claim) -> str:
        """"at least 1,300", "about $5.6 billion", "hundreds": as the article bounds it."""
        unit = claim.unit if claim.unit in ("%",) or claim.dimension == "money" else claim.unit
        if claim.qualifier == "vague":
            return claim.surface.split(" of ")[0].lower()
        if claim.qualifier == "range" and claim.low == claim.low and claim.high == claim.high:
            scale = claim.value_normalised / claim.value if claim.value else 1
            return f"{number(claim.low * scale, unit)} to {number(claim.high * scale, unit)}"
        return QUALIFIER_WORDS.get(claim.qualifier, "") + number(claim.value_normalised, unit)

    def source(self, claim) -> str:
        at = self.sources_in.get((claim.doc_id, claim.sent_id))
        if at is None:
            return ""
        near = self.sources.iloc[at]
        # The source before the figure first ("the organisers said 60,000 came, while police
        # counted 21,000": the 60,000 is the organisers'), with no other figure between them.
        in_sentence = self.claims.start.iloc[self.in_sentence.get((claim.doc_id, claim.sent_id), [])]
        others = in_sentence[in_sentence != claim.start]
        clear = near[[not any(min(s, claim.start) < o < max(s, claim.start) for o in others) for s in near.start]]
        before = clear[clear.start < claim.start]
        near = before if len(before) else clear if len(clear) else near
        found = near.iloc[(near.start - claim.start).abs().argsort().iloc[0]]
        said = found.get("name") if isinstance(found.get("name"), str) and found.get("name") else found.surface
        # Not "It", and not a figure's own words taken for a source ("a total of 658 casualties")
        return f", {said}" if len(said) <= 60 and said.lower() not in STOP_WORDS and not any(c.isdigit() for c in said) else ""

    def claim(self, claim, with_date: bool = False) -> str:
        when = f" on {day(claim.date, self.years)}" if with_date and claim.date else ""
        return f"{self.value(claim)} in {claim.doc_id} (“{claim.surface}”{self.source(claim)}{when})"

    def dispute(self, group) -> dict:
        rows = self._firm(group.quantity)
        dated = rows[rows.date != ""]
        if group.running and len(dated):  # the day on which the articles differ most
            by_day = dated.groupby("date").value_normalised.agg(lambda v: v.max() / v.min() if v.min() > 0 else 0)
            rows = dated[dated.date == by_day.idxmax()]
        low, high = rows.loc[rows.value_normalised.idxmin()], rows.loc[rows.value_normalised.idxmax()]
        on = f" on {day(low.date, self.years)}" if low.date and low.date == high.date and not self._dated_label(group) else ""
        who = "the articles disagree" if low.doc_id != high.doc_id else "the figures differ"
        text = f"{self.label(group.quantity)}: {who}{on}: {self.claim(low)} against {self.claim(high)}."
        return _row("disputed", group.quantity, text, rows.loc[[low.name, high.name]])

    def _dated_label(self, group) -> bool:
        """The label names the day already ("people who took part (3 May 2025)")."""
        return bool(self.rows(group.quantity).event_time.iloc[0][:1].isdigit())

    def growth(self, group) -> dict:
        rows = self._firm(group.quantity)
        steps = []
        for date, on_day in rows[rows.date != ""].groupby("date", sort=True):
            values = names([f"{self.value(c)} ({c.doc_id})" for c in on_day.drop_duplicates("value_normalised").itertuples()])
            steps.append(f"{values} on {day(date, self.years)}")
        by_day = rows[rows.date != ""].groupby("date").value_normalised
        rose = by_day.nunique().eq(1).all() and by_day.max().is_monotonic_increasing  # one value a day, rising
        how = "grew" if rose else "by claim date"
        how = "by date, each date its own occasion" if group.status == "occasions" else how
        text = f"{self.label(group.quantity)} {how}: " + ", ".join(steps)
        undated = rows[rows.date == ""].drop_duplicates(["doc_id", "value_normalised", "qualifier"])
        if len(undated):
            text += "; without a date: " + names([f"{self.value(c)} ({c.doc_id})" for c in undated.itertuples()])
        return _row(group.status, group.quantity, text + ".", rows)

    def breakdowns(self, groups: pd.DataFrame) -> list[dict]:
        rows = []
        for total, parts in groups[groups.total != ""].groupby("total", sort=False):
            pieces = []
            for part in parts.itertuples():
                claims = self.rows(part.quantity)
                scope = claims.scope.iloc[0]
                # an article that repeats a figure (a summary line and the body; "51.8 °C (125 °F)") names it once
                once = claims.drop_duplicates(["doc_id", "value_normalised", "qualifier"])
                pieces.append(f"{scope}: " + names([self.claim(c) for c in once.itertuples()]))
            claims = self.claims[self.claims.quantity.isin(parts.quantity)]
            text = f"{self.label(total)}, by part (never compared with the total): " + "; ".join(pieces) + "."
            rows.append(_row("breakdown", total, text, claims))
        return rows

    def undated(self, group) -> dict:
        rows = self._firm(group.quantity)
        low, high = rows.loc[rows.value_normalised.idxmin()], rows.loc[rows.value_normalised.idxmax()]
        occasion = rows.measure.iloc[0] in self.occasions
        vague = (self.rows(group.quantity).qualifier == "vague").any()
        why = "one occasion cannot be told from another" if occasion else "a figure that changed cannot be told from a dispute"
        text = (f"{self.label(group.quantity)}: {group.n_articles} articles give from {self.claim(low)} to "
                f"{self.claim(high)}{' (vague figures such as “hundreds” aside)' if vague else ''}; without dates {why}.")
        return _row("undated", group.quantity, text, rows)

    def agreed(self, group) -> dict:
        rows = self.rows(group.quantity)
        vague = rows[rows.qualifier == "vague"]
        shown = pd.concat([rows[rows.qualifier != "vague"].drop_duplicates("value_normalised"),
                           vague[~vague.surface.str.lower().duplicated()]])
        giving = self._docs_giving(rows)
        values = [f"{self.value(c)} ({names(giving(c))})" for c in shown.itertuples()]
        firm = rows[rows.qualifier != "vague"]
        how = "agree" if len(vague) == 0 and firm.value_normalised.nunique() == 1 \
            else "give figures that cannot all be true" if _bounds_exclude(firm) \
            else f"give figures within a factor of {self.factor:g}" if len(vague) == 0 else "give"
        text = f"{self.label(group.quantity)}: {group.n_articles} articles {how}: {names(values)}."
        return _row("agreed", group.quantity, text, rows)

    def left_out(self, single: pd.DataFrame, unclear: pd.DataFrame) -> list[dict]:
        rows = []
        if len(single):
            shown = [f"{self.label(q)} ({self.rows(q).doc_id.iloc[0]})" for q in single.quantity]
            more = f" and {len(shown) - SHOWN} more" if len(shown) > SHOWN else ""
            rows.append(_row("one article", "", f"Given by one article only, so not compared: "
                             f"{', '.join(shown[:SHOWN])}{more}.", self.claims[self.claims.quantity.isin(single.quantity)]))
        for reason, figures in unclear.groupby("reason", sort=False):
            shown = [f"“{u.surface}” ({u.doc_id})" for u in figures.itertuples()]
            more = f" and {len(shown) - SHOWN} more" if len(shown) > SHOWN else ""
            what = reason.split("unclear ", 1)[-1]
            what = what.replace("it counts", "they count") if len(figures) > 1 else what
            rows.append(_row("unclear", "", f"{len(figures)} figure{'s' if len(figures) > 1 else ''} not compared, "
                             f"unclear {what}: {', '.join(shown[:SHOWN])}{more}.", figures.assign(date="")))
        return rows

    @staticmethod
    def _docs_giving(rows: pd.DataFrame):
        """A function of a claim: the articles of `rows` that give the same value (a vague one:
        the same words)."""
        given = list(zip(rows.doc_id, rows.qualifier, rows.value_normalised, rows.surface.str.lower()))

        def giving(claim) -> list[str]:
            if claim.qualifier == "vague":
                return sorted({doc_id for doc_id, _, _, words in given if words == claim.surface.lower()})
            return sorted({doc_id for doc_id, qualifier, value, _ in given
                           if value == claim.value_normalised and qualifier != "vague"})
        return giving

    def _firm(self, quantity: str) -> pd.DataFrame:
        rows = self.rows(quantity)
        firm = rows[(rows.value_normalised > 0) & (rows.qualifier != "vague")]
        return firm if len(firm) else rows
