"""The article's date on a page: which written date is the article's, and where it came from.

dates.py reads a written date; this module names the kind of line that holds it, by the
patterns of data/corpus/date_lines.csv, first match wins: the site's date of today or its
copyright year (`site date`: never the article's), a date line ("date 2019-06-13", a date alone
under the headline), a "Published:" or "Updated" line, a dateline ("BEIJING, June 13 (Reuters) -"),
a byline, the headline. The article's date is the first kind in that order found in the
article's head (its first paragraphs and what stands above them) or in a "Published" line below
it; a date without its year takes the year of the nearest other date of the article, marked
"(year inferred)". A date that only page furniture gives is no date.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .dates import DateParts, date_pattern, read_date, weekday_pattern
from .errors import MedialensError
from .lexicons import data_path, read_table

TIME = r"(?:[A-Z]{2,5}\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,5})?"
# The first paragraphs of prose after the head that may still hold a dateline (after a standfirst).
DATELINE_REACH = 2
# Lines longer than this are article text, never removed as a date's line.
DATE_LINE_WORDS = 20
SITE_WORDS = 4
# A date line more than this many lines above the headline stands in the site's masthead.
MASTHEAD_GAP = 2
# Of a longer line (a paragraph) only its start may hold a dateline.
SHORT_LINE = 160
REMOVED_SOURCES = ("site date", "date line", "published line", "byline")
YEAR_INFERRED = " (year inferred)"
DIGIT = re.compile(r"\d")


class FoundDate(NamedTuple):
    source: str
    parts: DateParts
    match: re.Match


@lru_cache(maxsize=None)
def _compiled(path: str, modified: int) -> tuple[tuple[str, re.Pattern], ...]:
    # `modified` (the file's mtime) only keys the cache: an edited file is compiled again.
    table = read_table("date_lines", {"date_lines": path})
    date = f"(?P<date>{date_pattern()})"
    compiled = []
    for number, (source, pattern) in enumerate(zip(table.source, table.pattern), 1):
        try:
            compiled.append((source, re.compile(pattern.replace("{date}", date).replace("{time}", TIME),
                                                re.IGNORECASE)))
        except re.error as error:
            raise MedialensError(path, f"pattern {number} is not a regular expression ({error})") from None
    return tuple(compiled)


def date_rules(overrides: dict[str, str] | None = None) -> tuple[tuple[str, re.Pattern], ...]:
    """(source, compiled pattern) of data/corpus/date_lines.csv (or the user's file), in order."""
    # Cached by the file and its version, not by its rules: reading the rules out of the table
    # on every page cost more than finding the page's dates.
    path = data_path("date_lines", overrides)
    return _compiled(str(path), path.stat().st_mtime_ns)


def line_date(line: str, rules=None) -> FoundDate | None:
    """The first rule whose pattern matches `line` with a date that reads, as (source, parts, match).

    >>> line_date("BEIJING, June 13 (Reuters) - Police said on Thursday ...").source
    'dateline'
    >>> line_date("Today : Oct 18, 2024").source
    'site date'
    """
    for source, pattern in rules or date_rules():
        for match in pattern.finditer(line):
            parts = read_date(match.group("date"))
            if parts is not None:
                return FoundDate(source, parts, match)
    return None


@lru_cache(maxsize=1)
def _any_date() -> re.Pattern:
    return re.compile(date_pattern(), re.IGNORECASE)


def find_dates(lines: list[str], rules=None) -> dict[int, FoundDate]:
    """{line index: FoundDate} for the lines that hold a date a rule names."""
    found, rules = {}, rules or date_rules()
    written = _any_date()
    for i, line in enumerate(lines):
        # Every kind of date line is short or holds its date at its start (a dateline).
        line = line if len(line) <= SHORT_LINE else line[:SHORT_LINE] + " …"
        # Every shape of a written date holds a digit (\d): searching for one skips the date
        # pattern, slow to search, on most lines, and sooner than testing each character.
        if DIGIT.search(line) and written.search(line):
            date = line_date(line, rules)
            if date is not None:
                found[i] = date
    return found


def cut_date_labels(lines: list[str], found: dict[int, FoundDate], removed: list) -> None:
    """A date line glued to the first paragraph ("date 2023-08-15 The governor warned ...")
    loses its label and date, listed in `removed`; the paragraph stays."""
    for i, date in found.items():
        rest = lines[i][date.match.end():].strip()
        if date.source == "date line" and date.match.start() == 0 and len(rest.split()) >= 8:
            removed.append((lines[i][:date.match.end()].strip(), "date line"))
            lines[i] = rest


def date_line_site(lines: list[str], found: dict[int, FoundDate]) -> str:
    """The site a date line names after its date ("date 2019-06-13 Example.com"), or ''."""
    for i, date in sorted(found.items()):
        rest = lines[i][date.match.end():].strip(" |-–—·•")
        if date.source == "date line" and date.match.start() == 0 and 1 <= len(rest.split()) <= SITE_WORDS:
            return rest
    return ""


def article_date(lines: list[str], reasons: list, found: dict[int, FoundDate], start: int,
                 headline: int | None, rules=None) -> tuple[str, str]:
    """The article's date (YYYY-MM-DD or '') and its source. `start` is the article's first line
    of prose, `headline` the headline's line, `rules` those of date_rules() (the built-in ones
    when None); lines holding only a date get their source as their reason for removal."""
    body = [i for i, reason in enumerate(reasons) if reason is None]
    last = body[-1] if body else len(lines)
    heads = [i for i in found if i <= _head_end(lines, reasons, start)
             or (i > last and found[i].source == "published line")]
    for i in heads:
        if headline is not None and i < headline and found[i].source == "date line" and _masthead(found[i], headline - i):
            found[i] = found[i]._replace(source="site date")
    order = {source: rank for rank, source in enumerate(dict.fromkeys(s for s, _ in rules or date_rules()))}
    candidates = sorted((i for i in heads if found[i].source != "site date"),
                        key=lambda i: (order.get(found[i].source, len(order)), i))
    for i in heads:
        if found[i].source in REMOVED_SOURCES and i != headline and len(lines[i].split()) <= DATE_LINE_WORDS \
                and (reasons[i] is None or reasons[i].startswith(("line classifier", "site header"))):
            reasons[i] = found[i].source
    if not candidates:
        return "", ""
    chosen = found[candidates[0]]
    if chosen.parts.year is not None:
        return chosen.parts.iso(), chosen.source
    year = _nearest_year(lines, found, candidates[0])
    return (chosen.parts.iso(year), chosen.source + YEAR_INFERRED) if year else ("", "")


def _masthead(date: FoundDate, lines_above: int) -> bool:
    """A date alone above the headline is the masthead's date of today when it stands far
    above it (past the site's navigation) or names its weekday ("Wednesday, June 19, 2024"); an
    article's own date above its headline is plain ("17 October 2024")."""
    return lines_above > MASTHEAD_GAP or bool(_weekday().search(date.match.group("date")))


@lru_cache(maxsize=1)
def _weekday() -> re.Pattern:
    return re.compile(rf"\b{weekday_pattern()}(?!\w)", re.IGNORECASE)


def _head_end(lines: list[str], reasons: list, start: int) -> int:
    """The last line where the article's date may stand: DATELINE_REACH paragraphs after the
    first line of prose."""
    kept = [i for i in range(start, len(lines)) if reasons[i] is None]
    return kept[min(DATELINE_REACH, len(kept) - 1)] if kept else start


def _nearest_year(lines: list[str], found: dict[int, FoundDate], at: int) -> int | None:
    """The year of the date nearest line `at` that gives one (site dates and copyright years
    aside), in the found dates first, then in any line of the page."""
    dated = [i for i, date in found.items() if date.parts.year and date.source != "site date"]
    if dated:
        return found[min(dated, key=lambda i: (abs(i - at), i))].parts.year
    pattern = _any_date()
    for i in sorted(range(len(lines)), key=lambda i: (abs(i - at), i)):
        if i in found and found[i].source == "site date":
            continue
        for match in pattern.finditer(lines[i]):
            parts = read_date(match.group(0))
            if parts is not None and parts.year:
                return parts.year
    return None
