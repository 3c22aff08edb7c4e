"""Occasions: which march a crowd is of (the `occasion` column), in one article and across a corpus.

A count of one occasion (a crowd: `occasion` rows of figure_quantities.csv) belongs to a day, not
to a running count: two marches a week apart are two quantities. One article says which day as it
can (`in_article`, at tagging):
- the weekday of the figure's sentence ("60,000 marched on Saturday"), else the article's own
  occasion (the weekday its first crowd names: "police counted 21,000" is that march's), moved by
  a shift into the past ("The previous week some 60,000 rallied": seven days before);
- with an article date and a weekday, the occasion is a date ("2025-05-03": the last such weekday
  on or before the article's date); else the weekday and the shift ("Saturday", "Saturday-7"),
  or "day" where no weekday is named ("About 60,000 attended the festival": the article's date
  says when it was reported, not which day the crowd came).

Across articles (`place_occasions`, once the corpus is tagged) an undated article's occasions are
placed on the dated ones by the first of these rules that applies (order: figure_slot_rules.csv,
slot `occasion`):
- shared_figure: a crowd figure it shares (within 5%, not vague) with a dated occasion places its
  occasions ("a rally the previous week drew 60,000, police said 21,000" beside a dated article's
  "60,000 marched on Saturday, police counted 21,000" of 3 May: its own Saturday is 10 May);
  figures that point to different days are settled by the most of them, a tie places nothing;
- only_occasion_that_day: the story's one known occasion on its weekday (or its one occasion at
  all, when the article names no weekday): "Tens of thousands rallied on Saturday";
- shared_vague_figure: a vague magnitude ("hundreds of thousands") the article's crowd shares with
  one dated occasion of its weekday and with no other.
When the story has two or more occasions, each placed crowd's quantity names its day
("attended, 3 May 2025") and a crowd no rule could place has none: it is listed as not compared
("unclear which occasion"), never merged with a march of another day. With one occasion, or no
dates at all, quantities stay as the article gave them.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter

import pandas as pd

from .rules import rules_for
from .slots import RULES, quantity_of, rule

SAME_FIGURE = 0.05  # two crowd figures within 5% of each other are one report of one march
UNPLACED = "occasion=unplaced"


def in_article(rows: list[dict], article_date: str, occasion_measures) -> None:
    """Set `occasion` of the article's rows (see the module docstring); '' for other measures."""
    crowds = [r for r in rows if r["measure"] in occasion_measures and not _other_event(r)]
    own = next((r["_weekday"] for r in crowds if r.get("_weekday") is not None and not r.get("_shift")), None)
    base = _date(article_date)
    for row in rows:
        row["occasion"] = ""
    for row in crowds:
        weekday = row["_weekday"] if row.get("_weekday") is not None and not row.get("_shift") else own
        shift = int(row.get("_shift") or 0)
        if base is not None and weekday is not None:
            day = base - dt.timedelta(days=(base.weekday() - weekday) % 7)
            row["occasion"] = (day + dt.timedelta(days=shift)).isoformat()
            row["date"] = row["occasion"]
        else:  # no weekday: the article's date is when it was said, not the day of the march
            row["occasion"] = (WEEKDAYS[weekday] if weekday is not None else "day") + (f"{shift:+d}" if shift else "")


WEEKDAYS = tuple(calendar.day_name)  # the names Python gives weekdays, Monday first (date.weekday())


def _other_event(row: dict) -> bool:
    """Another year's or a forecast crowd is no occasion of this story."""
    return bool(row["event_time"]) and not row.get("_shift")


def _date(text) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def _relative(occasion: str) -> tuple[int | None, int]:
    """(weekday or None, shift in days) of an undated occasion ("Saturday-7": (5, -7))."""
    name = occasion.rstrip("+-0123456789")
    shift = int(occasion[len(name):] or 0)
    return (WEEKDAYS.index(name) if name in WEEKDAYS else None), shift


@rule("occasion")
def shared_figure(article: pd.DataFrame, known: pd.DataFrame) -> dt.date | None:
    """"A rally the previous week drew 60,000, police said 21,000", beside a dated "60,000 marched
    on Saturday ... police counted 21,000" of 3 May: the article's own occasion is 10 May.
    Returns the article's own occasion (shift 0)."""
    firm = known[(known.qualifier != "vague") & (known.value_normalised > 0)]
    return _voted(article[article.qualifier != "vague"], firm, SAME_FIGURE)


@rule("occasion")
def shared_vague_figure(article: pd.DataFrame, known: pd.DataFrame) -> dt.date | None:
    """"Hundreds of thousands of people marched on Sunday" where, of the story's two Sunday
    marches, only one was reported as "hundreds of thousands" (the other as "nearly 2 million"):
    that one. A weak clue, so it comes after the others; two marches of one magnitude tie."""
    vague = known[(known.qualifier == "vague") & (known.value_normalised > 0)]
    return _voted(article[article.qualifier == "vague"], vague, 0.0)


def _voted(article: pd.DataFrame, known: pd.DataFrame, tolerance: float) -> dt.date | None:
    """The own occasion most of the article's crowd figures point to, through the known figures
    of the same measure within `tolerance`; None on a tie or no vote."""
    votes = Counter()
    for row in article.itertuples():
        near = known[(known.measure == row.measure)
                     & ((known.value_normalised - row.value_normalised).abs() <= tolerance * known.value_normalised)]
        weekday, shift = _relative(row.occasion)
        for day in set(near.occasion):
            own = _date(day) - dt.timedelta(days=shift)
            if weekday is None or (own + dt.timedelta(days=shift)).weekday() == weekday:
                votes[own] += 1
    ranked = votes.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


@rule("occasion")
def only_occasion_that_day(article: pd.DataFrame, known: pd.DataFrame) -> dt.date | None:
    """"Tens of thousands rallied on Saturday" when the story knows one Saturday march (or, naming
    no weekday, one march at all): that one."""
    days = {d for d in (_date(o) for o in known.occasion) if d is not None}
    own = [_relative(o) for o in article.occasion if not _relative(o)[1]]
    weekday = next((w for w, _ in own if w is not None), None)
    if any(s for _, s in (_relative(o) for o in article.occasion)):
        return None  # an article that names two marches is placed by its figures, or not at all
    matching = [d for d in days if weekday is None or d.weekday() == weekday]
    return matching[0] if len(matching) == 1 else None


def place_occasions(figures: pd.DataFrame, lexicons=None) -> pd.DataFrame:
    """`figures` with the occasions of undated articles placed on the dated ones and, where a
    story has two or more occasions, each crowd's day in its quantity (see the module docstring).
    Adds nothing when no crowd has a dated occasion."""
    if "occasion" not in figures.columns or not figures.occasion.fillna("").astype(str).ne("").any():
        return figures
    figures = figures.copy()
    for column in ("occasion", "date", "event_time", "slot_rules", "quantity"):
        figures[column] = figures[column].fillna("").astype(str)
    order = rules_for(lexicons).quantities.slot_order.get("occasion", [])
    for measure in sorted(set(figures.measure[figures.occasion != ""])):
        _place_measure(figures, measure, order)
    return figures


def _place_measure(figures: pd.DataFrame, measure: str, order: list[str]) -> None:
    crowd = figures.measure.eq(measure) & figures.occasion.ne("")
    if not _dated(figures.occasion[crowd]).any():
        return
    # Each rule over every undated article before the next rule, and again while it places one,
    # so no article's placement hangs on the order of the doc_ids.
    for name in order:
        while _place_once(figures, crowd, name):
            pass
    occasions = set(figures.occasion[crowd])
    if len(occasions) < 2:
        return
    placed = crowd & _dated(figures.occasion)
    figures.loc[placed, "event_time"] = [_day_label(o) for o in figures.occasion[placed]]
    figures.loc[crowd & ~placed, "event_time"] = ""
    marked = figures.slot_rules.str.contains(UNPLACED, regex=False)
    figures.loc[crowd & ~placed & ~marked, "slot_rules"] = figures.slot_rules[crowd & ~placed & ~marked] + "; " + UNPLACED
    figures.loc[crowd, "quantity"] = [_quantity(r) for r in figures[crowd].to_dict("records")]


def _dated(occasions: pd.Series) -> pd.Series:
    return occasions.map(lambda o: _date(o) is not None).astype(bool)


def _place_once(figures: pd.DataFrame, crowd: pd.Series, name: str) -> bool:
    """Place the undated articles `name` can place, given the occasions known before; whether any was."""
    known = figures[crowd & _dated(figures.occasion)]
    found = {}
    waiting = crowd & ~_dated(figures.occasion) & ~figures.slot_rules.str.contains(UNPLACED, regex=False)
    for doc_id in sorted(set(figures.doc_id[waiting])):
        own = RULES["occasion"][name](figures[crowd & figures.doc_id.eq(doc_id)], known)
        if own is not None:
            found[doc_id] = own
    for doc_id, own in found.items():
        rows = crowd & figures.doc_id.eq(doc_id)
        days = [_day_of(own, o) for o in figures.occasion[rows]]
        placed = rows.copy()
        placed[rows] = [day is not None for day in days]
        figures.loc[placed, "occasion"] = [day for day in days if day is not None]
        figures.loc[placed, "date"] = figures.occasion[placed]
        figures.loc[placed, "slot_rules"] = figures.slot_rules[placed] + f"; occasion={name}"
        figures.loc[rows & ~placed, "slot_rules"] = figures.slot_rules[rows & ~placed] + "; " + UNPLACED
    return bool(found)


def _day_of(own: dt.date, occasion: str) -> str | None:
    """The date of an article's occasion once its own is known: moved by its shift; None where
    it names another weekday ("clashed in the early hours of Monday" beside a Sunday march:
    before or after it, the text cannot tell)."""
    weekday, shift = _relative(occasion)
    day = own + dt.timedelta(days=shift)
    return day.isoformat() if weekday is None or day.weekday() == weekday else None


def _day_label(occasion: str) -> str:
    day = _date(occasion)
    return f"{day.day} {day:%B %Y}"


def _quantity(row: dict) -> str:
    """The placed crowd's quantity names its day; an unplaced one has none (not compared)."""
    if UNPLACED in row["slot_rules"]:
        return ""
    return quantity_of({**row, "unit": row.get("unit") or ""})
