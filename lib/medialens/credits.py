"""Who published the article and whose copy it is: the outlet (the publishing site) and the
wire agency, kept apart.

Read from the page's own words, first found wins: for the outlet, the site's name after the
page's title ("Headline - Site"), the site named on a date line ("date 2019-06-13 Site.com"),
the publisher before a slash in a dateline ("(Site News / Wire - 13th June, 2019)"), the
signature below the article when it names no agency; for the agency, the dateline's
("BEIJING, June 13 (Reuters) -", "CITY — (AP) —", "HONG KONG, NNA –") and a signature or credit
that names one ("Australian Associated Press", "(AAP)", "— AFP") and a byline that does ("By The
Associated Press"). Which names are agencies:
data/corpus/news_agencies.csv. Metadata given beside the article wins over all of these
(corpus.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .dates import date_pattern
from .lexicons import read_table
from .textshape import n_words

# A dateline's bracket: "(Reuters)", "(AP)", "(Site News / Wire - 13th June, 2019)", after a
# place (and a date) at the start of a paragraph, before a dash or the paragraph's text.
BRACKET = re.compile(r"^[^()\n.!?]{0,60}?\((?P<names>[^()]{2,80})\)\s*(?P<dash>[-–—:])?")
# "HONG KONG, NNA – ...": an agency in capitals after the place.
CAPITALS_AGENCY = re.compile(r"^[A-Z][A-Z .'’-]+,\s*(?P<name>[A-Z]{2,6})\s*[-–—]")
BYLINE_NAME = re.compile(r"^\s*by\s+(?:the\s+)?(?P<name>[^,;|]+?)\s*(?:[,;|].*)?$", re.IGNORECASE)
SITE_SEPARATOR = re.compile(r"\s+[-–—|:]\s+")
SITE_WORDS = 5
# Kept paragraphs from the first line of prose where a dateline may stand (after a standfirst).
DATELINE_REACH = 3


@lru_cache(maxsize=1)
def agencies() -> frozenset[str]:
    """The lower-case names of data/corpus/news_agencies.csv."""
    return frozenset(read_table("news_agencies").agency.str.lower())


def is_agency(name: str) -> bool:
    """A wire or national news agency's name or short form ("Reuters", "AAP", "(AAP)")."""
    return name.strip(" ()[]—–-.").lower() in agencies()


def dateline_credits(line: str) -> tuple[str, str]:
    """(outlet, agency) a paragraph's dateline names, '' where it names none.

    >>> dateline_credits("BEIJING, June 13 (Reuters) - Police said ...")
    ('', 'Reuters')
    >>> dateline_credits("LIMA (Example News / Wire - 13th June, 2019) Police said ...")
    ('Example News', 'Wire')
    """
    match = BRACKET.match(line)
    if match:
        dated = re.search(rf"\s*[-–—,]?\s*(?:{date_pattern()})\s*$", match.group("names"), re.IGNORECASE)
        if match.group("dash") or dated:
            names = match.group("names")[:dated.start()] if dated else match.group("names")
            parts = [part.strip() for part in names.split("/") if part.strip()]
            if len(parts) == 2:
                return parts[0], parts[1]
            if len(parts) == 1 and n_words(parts[0]) <= SITE_WORDS:
                return "", parts[0]
    match = CAPITALS_AGENCY.match(line)
    return ("", match.group("name")) if match else ("", "")


def byline_agency(line: str) -> str:
    """The agency a byline names as the article's author ("By The Associated Press", "By AFP"),
    or ''."""
    match = BYLINE_NAME.match(line)
    return match.group("name") if match and is_agency(match.group("name")) else ""


def page_title_site(lines: list[str], top: int | None) -> str:
    """The site's name after the page's title when the headline below repeats the title's
    start: "Talks fail again | World | Harbour Times" over "Talks fail again" gives "Harbour Times"."""
    if not top or not lines or lines[0] == lines[top] or not lines[0].startswith(lines[top]):
        return ""
    rest = lines[0][len(lines[top]):]
    if not SITE_SEPARATOR.match(rest):
        return ""
    # "Headline | World news | Site": the last part names the site, the others its sections.
    site = SITE_SEPARATOR.split(rest)[-1].strip()
    return site if site and n_words(site) <= SITE_WORDS else ""


def outlet_and_agency(lines: list[str], reasons: list, start: int, top: int | None,
                      site_on_date_line: str, signed: str) -> tuple[str, str]:
    """The outlet and the agency of the article (see the module's docstring); `signed` is the
    signature below the article, `site_on_date_line` the site a date line names."""
    kept = [i for i in range(start, len(lines)) if reasons[i] is None][:DATELINE_REACH]
    dateline_outlet, agency = next((credit for credit in map(dateline_credits, (lines[i] for i in kept))
                                    if any(credit)), ("", ""))
    agency = agency or next((name for name in map(byline_agency, lines[:start + 1]) if name), "")
    outlet = page_title_site(lines, top) or site_on_date_line or dateline_outlet
    if signed and is_agency(signed):
        agency = agency or signed.strip(" ()")
    elif signed:
        outlet = outlet or signed
    return outlet, agency
