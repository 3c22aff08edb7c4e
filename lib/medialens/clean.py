"""Cleaning: keep what the article says, drop the page around it.

Works line by line on the raw text with general heuristics (position, length, punctuation,
repetition, a small editable list of boilerplate patterns in data/corpus/boilerplate.csv), never on
strings copied from one site. Reading files is corpus.py's job; splitting sentences is
sentences.py's.

The cleaned text has one paragraph a line and the headline, when there is one, as its first line.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from .errors import MedialensError
from .lexicons import data_path, read_table

MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS},?\s+\d{{4}}"     # 17 October 2024
    rf"|{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"         # Oct 18, 2024
    r"|\d{4}-\d{2}-\d{2})\b",                                      # 2024-10-17
    re.IGNORECASE)
WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
TERMINAL = tuple(".!?…:;\"”’')]")
# "forces.The June": a sentence end glued to the next sentence (lower-case word, stop, capital).
GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{2}[.!?][\"”’])(?=[A-Z][a-z])")
# Unicode category Cc (C0 and C1 controls) less newline and tab: they carry no text.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
WORD_OF_LETTERS = re.compile(r"[^\W\d_]{3,}")
SIGNATURE_PREFIX = re.compile(r"^\s*(?:[-–—]+\s*|source\s*:\s*|\(|©\s*)", re.IGNORECASE)


@dataclass
class Cleaned:
    """The cleaned text with what was found and what was removed (line, reason)."""
    text: str
    title: str = ""
    date: str = ""
    outlet: str = ""
    removed: list[tuple[str, str]] = field(default_factory=list)


def n_words(text: str) -> int:
    return len(WORD.findall(text))


def is_heading(line: str, first: bool = False) -> bool:
    """A heading: a short line that does not end like a sentence.

    Inside the text: at most 20 words and no final punctuation at all. The first line, where a
    headline stands, may be longer (25 words) and may end in "?" or "!".

    >>> is_heading("North Korea Prepares Troop Deployment To Ukraine")
    True
    >>> is_heading("Is the North Korean leader preparing his troops for deployment?", first=True)
    True
    >>> is_heading("Approximately 10,000 soldiers have been sent to Russia.", first=True)
    False
    """
    line = line.strip()
    if first:
        return 0 < n_words(line) <= 25 and not line.endswith((".", "…", ".\"", ".”", ":", ";", ","))
    return 0 < n_words(line) <= 20 and not line.endswith(TERMINAL)


def normalise_date(value: str) -> str:
    """A written date as YYYY-MM-DD, or '' when it is none."""
    parsed = pd.to_datetime(str(value).replace(".", "") if value else None, errors="coerce",
                            format="mixed")
    return "" if pd.isna(parsed) else parsed.strftime("%Y-%m-%d")


def find_date(line: str) -> str:
    """The first date written in `line`, as YYYY-MM-DD, or ''."""
    match = DATE.search(line)
    return normalise_date(match.group(0)) if match else ""


def _is_date_only(line: str) -> bool:
    return bool(DATE.search(line)) and n_words(DATE.sub("", line)) == 0


def _is_furniture(line: str) -> bool:
    """Widgets and symbols ("+ ↺ − 16 px", "|||"): few letters, no real word."""
    if WORD_OF_LETTERS.search(line) is None:
        return True
    visible = "".join(line.split())
    # map over the str runs in C: a generator over characters cost more than the tokenizer.
    return sum(map(str.isalpha, visible)) < 0.5 * len(visible)


def _is_body(line: str) -> bool:
    return n_words(line) >= 8 and line.rstrip("\"”’')").endswith((".", "!", "?", "…"))


def normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    # Control characters other than newline and tab carry no text.
    return CONTROL.sub("", text)


@lru_cache(maxsize=None)
def _compile(rules: tuple[tuple[str, str], ...]) -> tuple[list[re.Pattern], list[re.Pattern]]:
    return tuple([re.compile(p, re.IGNORECASE) for k, p in rules if k == kind]
                 for kind in ("line", "cut"))


def boilerplate_rules(overrides: dict[str, str] | None = None):
    """(line rules, cut rules) compiled from data/corpus/boilerplate.csv or the user's file."""
    table = read_table("boilerplate", overrides)
    try:
        return _compile(tuple(zip(table.kind, table.pattern)))
    except re.error as error:
        raise MedialensError(data_path("boilerplate", overrides),
                             f"a pattern is not a regular expression ({error})") from None


def clean_text(raw: str, title: str = "", boilerplate=None) -> Cleaned:
    """Clean one article. `title`, when the caller knows it (a table column, the HTML), goes first.

    Steps, each a line-level rule: drop repeated lines, page furniture, boilerplate lines and
    everything after a sidebar heading ("Latest ...", "Related ..."); in the preamble before the
    first body paragraph, take a date-only line as the dateline and the first line of four or more
    words as the headline, dropping the site's header lines above it; take a short last line
    without final punctuation as the outlet's signature; split sentences glued without a space.
    A title given by the caller is kept whatever it looks like. `boilerplate`: the rules of
    boilerplate_rules(), built-in ones when None.
    """
    line_rules, cut_rules = boilerplate_rules() if boilerplate is None else boilerplate
    removed: list[tuple[str, str]] = []
    lines = [" ".join(line.split()) for line in normalise(raw).split("\n")]
    title = " ".join(title.split())

    kept, seen = ([title], {title.casefold()}) if title else ([], set())
    for i, line in enumerate(lines):
        if not line:
            continue
        key = line.casefold()
        if key in seen:
            removed.append((line, "repeated line"))
        elif _is_furniture(line) and not DATE.search(line):
            removed.append((line, "page furniture"))
        elif any(rule.search(line) for rule in line_rules) and n_words(line) <= 12:
            removed.append((line, "boilerplate"))
        elif any(rule.search(line) for rule in cut_rules) and any(map(_is_body, kept)):
            removed.extend((rest, "sidebar") for rest in lines[i:] if rest)
            break
        else:
            kept.append(line)
        seen.add(key)

    date, headline = "", ""
    body_start = next((i for i, line in enumerate(kept) if _is_body(line)), len(kept))
    preamble = kept[:body_start]
    candidates = [line for line in preamble if not DATE.search(line) or n_words(line) > 8]
    for line in preamble:
        if _is_date_only(line):
            date = date or find_date(line)
    if not date:
        date = next((find_date(line) for line in preamble if find_date(line)), "")
    if title:
        headline = title
    elif candidates:
        headline = next((line for line in candidates if n_words(line) >= 4), candidates[0])
    elif kept and is_heading(kept[0], first=True):
        headline = kept[0]
    if headline:
        top = kept.index(headline)
        for line in kept[:top]:
            removed.append((line, "dateline" if _is_date_only(line) else "site header"))
        kept = kept[top:]
        for line in [line for line in kept[1:body_start - top] if _is_date_only(line)]:
            removed.append((line, "dateline"))
            kept.remove(line)

    outlet = ""
    # A last line of a few words that does not end like a sentence is a signature
    # ("News.Az", "— Reuters"), not article text.
    last = kept[-1] if len(kept) > 1 else ""
    if last and n_words(last) <= 4 and (not last.endswith((".", "!", "?", "…", "\"", "”"))
                                        or SIGNATURE_PREFIX.match(last)):
        outlet = SIGNATURE_PREFIX.sub("", kept[-1]).strip(" ().")
        removed.append((kept.pop(), "outlet signature"))

    text = "\n".join(GLUED.sub(" ", line) for line in kept)
    if not headline and kept:
        first = text.split("\n", 1)[0]
        headline = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", first, maxsplit=1)[0]
    return Cleaned(text=text, title=GLUED.sub(" ", headline), date=date, outlet=outlet,
                   removed=removed)
