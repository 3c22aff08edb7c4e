"""Calendar words and the shapes of dates: one home for month, weekday and day words.

The words come from data/grammar/calendar_words.csv (read with `calendar_words()`), so a
workshop participant who adds a spelling ("Sept.") sees it in cleaning, figures and actors alike.
`date_pattern()` finds a written date ("13th June, 2019", "Sept. 22, 2023", "Aug 12",
"2019-06-13", "13/06/2019") and `read_date()` reads one with `dateparser` (a maintained reader of
dates in many forms and languages). Which date on a page is the article's is pagedate.py's.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .lexicons import word_classes

YEAR = r"(?:1[89]|20)\d{2}"
ORDINAL = r"(?:st|nd|rd|th)?"
# Slashed or dotted all-number dates: "13/06/2019", "6/13/2019", "13.06.2019".
NUMERIC = re.compile(rf"^(\d{{1,2}})([/.])(\d{{1,2}})\2({YEAR})$")


class DateParts(NamedTuple):
    """A date as written: `year` is None when the text gives no year ("Aug 12")."""
    year: int | None
    month: int
    day: int

    def iso(self, year: int | None = None) -> str:
        """YYYY-MM-DD, with `year` standing in for a missing one ('' when there is none)."""
        year = self.year or year
        return f"{year:04d}-{self.month:02d}-{self.day:02d}" if year else ""


@lru_cache(maxsize=1)
def calendar_words() -> dict[str, frozenset[str]]:
    """{category: lower-case words} of calendar_words.csv (month, month_abbr, weekday,
    weekday_abbr, relative_day, holiday)."""
    return word_classes("calendar_words")


def _alternation(*categories: str) -> str:
    words = calendar_words()
    names = sorted(set().union(*(words[c] for c in categories)), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(w.capitalize() for w in names) + r")\.?"


def month_pattern() -> str:
    """A regular expression (no groups) for a month name or its short form, capitalised as
    written, with an optional full stop: "October", "Oct", "Sept." (longest first, so "June"
    is not read as "Jun")."""
    return _alternation("month", "month_abbr")


def weekday_pattern() -> str:
    """A regular expression (no groups) for a weekday or its short form ("Thursday", "Thu.")."""
    return _alternation("weekday", "weekday_abbr")


@lru_cache(maxsize=1)
def date_pattern() -> str:
    """A regular expression (no groups; compile it case-insensitive) for a written date, with or
    without its year, after an optional weekday:

    "13th June, 2019", "10, Jun. 2019", "Thu 13th June 2019", "19 June 2024" (day first);
    "Sept. 22, 2023", "Aug 12", "Monday, June 2, 2025" (month first); "2019-06-13", "2019/06/13"
    (year first); "13/06/2019", "13.06.2019" (all numbers, read by read_date only when the day
    cannot be the month)."""
    month, weekday = month_pattern(), weekday_pattern()
    day_first = rf"\d{{1,2}}{ORDINAL},?\s+(?:of\s+)?{month},?(?:\s+{YEAR})?"
    month_first = rf"{month}\s+\d{{1,2}}{ORDINAL}(?!\d)(?:,?\s+{YEAR})?"
    # ISO 8601 may carry its time: "2019-06-13T10:34:00Z".
    year_first = rf"{YEAR}[-/]\d{{1,2}}[-/]\d{{1,2}}(?:T\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    numbers = rf"\d{{1,2}}[/.]\d{{1,2}}[/.]{YEAR}"
    return (rf"(?<![\w-])(?:(?:{weekday},?\s+)?(?:{day_first}|{month_first})|{year_first}|{numbers})"
            r"(?![\w-])")


@lru_cache(maxsize=4096)
def read_date(span: str) -> DateParts | None:
    """The date written in `span` (as found by date_pattern), or None when it is none or unclear.

    >>> read_date("13th June, 2019")
    DateParts(year=2019, month=6, day=13)
    >>> read_date("Aug 12")
    DateParts(year=None, month=8, day=12)
    >>> read_date("Weds, 12 June 2019")
    DateParts(year=2019, month=6, day=12)
    >>> read_date("06/07/2019") is None   # sixth of July or June the seventh: unclear
    True
    """
    # The weekday adds nothing to the date, and dateparser misses some of its short forms ("Weds").
    span = re.sub(rf"^{weekday_pattern()},?\s+", "", " ".join(span.split()), flags=re.IGNORECASE)
    numeric = NUMERIC.match(span)
    if numeric:
        return _numeric_date(int(numeric.group(1)), numeric.group(2), int(numeric.group(3)),
                             int(numeric.group(4)))
    return _common_date(span) or _parsed_date(span)


def _parsed_date(span: str) -> DateParts | None:
    """read_date by dateparser (the weekday already cut off)."""
    # dateparser fills a missing year with this year's: the year is kept only when written.
    parsed = _parser("YMD" if re.match(YEAR, span) else "DMY").get_date_data(span).date_obj
    if parsed is None:
        return None
    return DateParts(parsed.year if re.search(rf"(?<!\d){YEAR}(?!\d)", span) else None,
                     parsed.month, parsed.day)


# The shapes most pages write dates in ("November 19, 2019", "Nov. 18", "20 Nov 2019",
# "2019-06-13"), read without dateparser, which takes a millisecond a date (an eighth of
# cleaning a page). A day of 1 to SURE_DAYS is a day of every month of every year, so nothing
# but the month word needs reading; other days and other shapes go to dateparser.
DAY_MONTH = re.compile(rf"(\d{{1,2}}){ORDINAL},?\s+(?:of\s+)?([^\W\d_]+)\.?,?(?:\s+({YEAR}))?", re.IGNORECASE)
MONTH_DAY = re.compile(rf"([^\W\d_]+)\.?\s+(\d{{1,2}}){ORDINAL}(?:,?\s+({YEAR}))?", re.IGNORECASE)
YEAR_MONTH_DAY = re.compile(rf"({YEAR})-(\d{{1,2}})-(\d{{1,2}})")
SURE_DAYS = 28


def _common_date(span: str) -> DateParts | None:
    """The date of a span of a common shape, day 1 to SURE_DAYS, as dateparser reads it (the
    tests compare the two); None for any other span.

    >>> _common_date("Nov. 18th, 2019"), _common_date("20 NOV")
    (DateParts(year=2019, month=11, day=18), DateParts(year=None, month=11, day=20))
    """
    if match := DAY_MONTH.fullmatch(span):
        day, month, year = match.group(1), _month_number(match.group(2)), match.group(3)
    elif match := MONTH_DAY.fullmatch(span):
        month, day, year = _month_number(match.group(1)), match.group(2), match.group(3)
    elif match := YEAR_MONTH_DAY.fullmatch(span):
        year, month, day = match.group(1), int(match.group(2)), match.group(3)
        month = month if 1 <= month <= 12 else None
    else:
        return None
    if month is None or not 1 <= int(day) <= SURE_DAYS:
        return None
    return DateParts(int(year) if year else None, month, int(day))


@lru_cache(maxsize=256)
def _month_number(word: str) -> int | None:
    """The month a month word of calendar_words.csv names ("Sept" -> 9), as dateparser reads it
    (once a word); None for any other word."""
    words = calendar_words()
    if word.lower() not in words["month"] | words["month_abbr"]:
        return None
    parsed = _parser("DMY").get_date_data(f"1 {word} 2000").date_obj
    return parsed.month if parsed is not None else None


@lru_cache(maxsize=2)
def _parser(order: str):
    """One dateparser reader for English dates, made once (making one costs more than reading)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"REQUIRE_PARTS": ["day", "month"],
                                                      "DATE_ORDER": order})


def _numeric_date(first: int, separator: str, second: int, year: int) -> DateParts | None:
    """A date of numbers: dotted dates are day first (the European form); a slashed one is read
    only when one of its numbers cannot be a month (13/06/2019, 6/13/2019)."""
    if separator == "." or (second <= 12 < first):
        day, month = first, second
    elif first <= 12 < second:
        day, month = second, first
    else:
        return None
    return DateParts(year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def is_calendar_word(word: str) -> bool:
    """A month, weekday, relative day or holiday, in any case ("Monday", "march", "Sept")."""
    word = word.lower().rstrip(".")
    return any(word in group for group in calendar_words().values())
