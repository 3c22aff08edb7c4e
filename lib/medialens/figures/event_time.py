"""When: which event a figure belongs to (`event_time`), and the day its claim was made (`date`).

event_time rules (ordered by figure_slot_rules.csv; '' is the story's own event):
- year_named: a year in the sentence other than the story's ("a 2009 crush that resulted in
  up to 900 deaths", "set in 2017"); the story's years are its date's, else those of its
  headline and lede; with neither, any year named with a figure is another event's;
- other_time: a time of another event (`other_event` rows of figure_time.csv: "last year", "the
  previous record");
- other_occasion: for a count of one occasion (a crowd: `occasion` rows of figure_quantities.csv)
  a day or week before ("the previous week some 60,000 rallied"): another march. For
  a running count the same words only move the claim's date ("an AFP tally last week put the toll
  at 1,100" is the same toll, claimed a week earlier);
- forecast: a figure someone expects ("organisers expect to draw more than 80,000 people").

The claim's date: the article's date moved by the sentence's time words: a weekday ("on
Saturday": the last Saturday on or before the article's date), a `shift` word of figure_time.csv
("a day earlier", "last week", "yesterday"), or a date written in the sentence ("on Aug. 8", with
the article's year). Without an article date a claim has no date ('') unless its sentence writes
one with a year; compare puts such claims last and says so.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from ..dates import calendar_words, month_pattern
from .numbers import DATE_OR_TIME
from .rules import alternation
from .slots import rule
from .view import BARE_YEAR

WRITTEN_DATE = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({month_pattern()})|({month_pattern()})\s+(\d{{1,2}})"
                          rf"(?:st|nd|rd|th)?)(?![\d,]*\d{{3}})(?:,?\s+(\d{{4}}))?")


@lru_cache(maxsize=8)
def _time_pattern(terms: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?<![\w-])({alternation(terms)})(?![\w-])", re.IGNORECASE)


def time_words(view, kinds: tuple[str, ...]) -> list[tuple[int, str]]:
    """(offset, term) of the figure_time.csv terms of `kinds` in the figure's sentence (found once per sentence)."""
    q = view.q
    terms = tuple(sorted(t for t, (k, _, _) in q.time.items() if k in kinds))
    if not terms:
        return []
    return view.in_sentence("time " + ",".join(kinds), lambda text, start, end: [
        (m.start(), m.group(1).lower()) for m in _time_pattern(terms).finditer(text, start, end)])


def _reaches(view, at: int) -> bool:
    """Words at `at` in the figure's sentence bear on it: before it, or after it with no figure between."""
    return at < view.row["start"] or not view.figures_between(view.row["end"], at)


@rule("event_time")
def same_amount(view):
    """"In 2019 the strike cost $4 billion (£3.2 billion)": the event of the amount before, in another unit."""
    return view.twin["event_time"] if view.twin else None


@rule("event_time")
def year_named(view):
    """"the worst being a 2009 crush that resulted in up to 900 deaths": 2009."""
    # The year of the figure's clause first, then the nearest: in "The plant, opened in 1978,
    # produced 4.5 million tonnes in 2023" the tonnes are 2023's.
    def nearness(found):
        at = found[0]
        outside = not view.clause[0] <= at < view.clause[1]
        return outside, view.row["start"] - at if at < view.row["start"] else at - view.row["end"]
    years = view.in_sentence("years", lambda text, start, end: _years(text, start, end, view.q.base_words))
    for at, year in sorted(years, key=nearness):
        is_figure = any(r["start"] <= at < r["end"] for r in view.siblings or [view.row])
        if not is_figure and _reaches(view, at):
            return None if year in view.story.years else year
    return None


@lru_cache(maxsize=8)
def _base_before(bases: tuple[str, ...]) -> re.Pattern:
    # Made once per word list: building the alternation again for each sentence with a year
    # was a fiftieth of tagging.
    return re.compile(rf"\b(?:{alternation(bases)})(?:\s+in)?\s+$", re.IGNORECASE)


def _years(text: str, start: int, end: int, bases: tuple[str, ...]) -> list[tuple[int, str]]:
    """(offset, year) of the bare years of a sentence: not inside a written date, not after a
    `base` word of figure_time.csv ("since 2019", "twice as many as in 2022", "up on 2023": a
    year a figure is compared with or counted from, not its own)."""
    dates = [(m.start(), m.end()) for m in DATE_OR_TIME.finditer(text, start, end)]
    base_before = _base_before(bases)
    found = []
    for year in BARE_YEAR.finditer(text, start, end):
        inside_date = any(s <= year.start() < e for s, e in dates)
        if not inside_date and not base_before.search(text[max(start, year.start() - 20):year.start()]):
            found.append((year.start(), year.group(1)))
    return found


@rule("event_time")
def other_time(view):
    """"Last year, at least 150 runners were treated for heat": another event's time."""
    for at, term in time_words(view, ("other_event",)):
        base = view.text[max(view.clause[2], at - 12):at].lower().split()[-1:]
        if _reaches(view, at) and not (base and base[0] in view.q.base_words):  # "up on last year"
            return view.q.time[term][2]
    return None


@rule("event_time")
def other_occasion(view):
    """"The previous week some 60,000 rallied": for a crowd, another march."""
    if view.row["measure"] not in view.q.occasion:
        return None
    for at, term in time_words(view, ("shift",)):
        days = view.q.time[term][1]
        if days is not None and days < 0 and _reaches(view, at):
            return view.q.time[term][2]
    return None


@rule("event_time")
def forecast(view):
    """"a march that organisers expect to draw more than 80,000 people": a forecast."""
    found = [(at, t) for at, t in time_words(view, ("forecast",)) if view.clause[0] <= at < view.row["start"]]
    return view.q.time[found[-1][1]][2] if found else None


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, int]:
    words = calendar_words()
    names = {d.lower(): k for k, d in enumerate(calendar.day_name)}
    names.update({d.lower(): k for k, d in enumerate(calendar.day_abbr)})
    return {w: names[w.rstrip(".")[:3]] if w not in names else names[w]
            for w in words.get("weekday", set()) | words.get("weekday_abbr", set()) if w.rstrip(".")[:3] in names}


def _month(word: str) -> int:
    return {m.lower(): k for k, m in enumerate(calendar.month_abbr) if m}.get(word.lower().rstrip(".")[:3], 0)


def claim_date(view) -> str:
    """The day the figure's claim was made: the article's date moved by the sentence's time
    words (see the module docstring), 'YYYY-MM-DD', or '' when nothing dates it."""
    base = _parse(view.story.date)
    year = int(next(iter(view.story.years))) if len(view.story.years) == 1 else (base.year if base else None)
    for at, day, month, written_year in view.in_sentence("dates", _written_dates):
        if (written_year or year) and _reaches(view, at):
            try:  # a date written in the sentence ("Update Aug. 19: ...") is the day it speaks from
                base = dt.date(written_year or year, month, day)
                break
            except ValueError:
                continue
    if base is None:
        return ""
    weekdays = view.in_sentence("weekdays", weekdays_in)
    if weekdays:  # "said on Friday": the last Friday on or before that day (the weekday nearest the figure)
        nearest = min(weekdays, key=lambda found: abs(found[0] - view.row["start"]))
        back = (base.weekday() - nearest[1]) % 7
        return (base - dt.timedelta(days=back)).isoformat()
    shifts = time_words(view, ("shift",))
    days = next((view.q.time[t][1] for at, t in shifts if view.q.time[t][1] is not None and _reaches(view, at)), 0)
    return (base + dt.timedelta(days=days)).isoformat()


def occasion_clues(view) -> tuple[int | None, int]:
    """(weekday, shift in days) that place a crowd: "turned out on Sunday" (6, 0); "The previous
    week some 60,000 rallied" (None, -7). occasions.py makes the occasion of them."""
    weekdays = [(at, day) for at, day in view.in_sentence("weekdays", weekdays_in) if _reaches(view, at)]
    weekday = min(weekdays, key=lambda found: abs(found[0] - view.row["start"]))[1] if weekdays else None
    shift = next((int(view.q.time[t][1]) for at, t in time_words(view, ("shift",))
                  if (view.q.time[t][1] or 0) < 0 and _reaches(view, at)), 0)
    return weekday, shift


def _written_dates(text: str, start: int, end: int) -> list[tuple[int, int, int, int | None]]:
    """(offset, day, month, year or None) of the dates written in a sentence ("Aug. 8", "15 June 2024")."""
    found = []
    for m in WRITTEN_DATE.finditer(text, start, end):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        found.append((m.start(), int(day), _month(month), int(m.group(5)) if m.group(5) else None))
    return found


def weekdays_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(offset, weekday number) of the weekdays named, capitalised, in a sentence."""
    weekdays = _weekdays()
    found = [(start + m.start(), m.group().lower()) for m in re.finditer(r"[A-Z][a-z]+\.?", text[start:end])]
    return [(at, weekdays.get(word, weekdays.get(word.rstrip(".")))) for at, word in found
            if word in weekdays or word.rstrip(".") in weekdays]


def _parse(date: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        return None
