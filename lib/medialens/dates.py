"""Calendar words and the shapes of dates: one home for month, weekday and day words.

The words come from data/grammar/calendar_words.csv (read with `calendar_words()`), so a
workshop participant who adds a spelling ("Sept.") sees it in cleaning, figures and actors alike.
Reading an article's date from its page is clean.py's and pagehead.py's; this module gives them
the vocabulary and the patterns.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicons import word_classes


@lru_cache(maxsize=1)
def calendar_words() -> dict[str, frozenset[str]]:
    """{category: lower-case words} of calendar_words.csv (month, month_abbr, weekday,
    weekday_abbr, relative_day, holiday)."""
    return word_classes("calendar_words")


def month_pattern() -> str:
    """A regular expression (no groups) for a month name or its short form, capitalised as
    written, with an optional full stop: "October", "Oct", "Sept." (longest first, so "June"
    is not read as "Jun")."""
    words = calendar_words()
    names = sorted(words["month"] | words["month_abbr"], key=lambda w: (-len(w), w))
    return "(?:" + "|".join(w.capitalize() for w in names) + r")\.?"


def is_calendar_word(word: str) -> bool:
    """A month, weekday, relative day or holiday, in any case ("Monday", "march", "Sept")."""
    word = word.lower().rstrip(".")
    return any(word in group for group in calendar_words().values())
