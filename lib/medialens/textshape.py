"""The shape of a line of text: words, headings, dates, paragraphs of prose.

Small tests that cleaning (clean.py, pagehead.py) and sentence splitting share; no rule here
names a site or a story.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .dates import month_pattern

MONTHS = month_pattern()
DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS},?\s+\d{{4}}"     # 17 October 2024
    rf"|{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"         # Oct 18, 2024
    r"|\d{4}-\d{2}-\d{2})\b",                                      # 2024-10-17
    re.IGNORECASE)
WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
TERMINAL = tuple(".!?…:;\"”’')]")
SIGNATURE_PREFIX = re.compile(r"^\s*(?:[-–—]+\s*|source\s*:\s*|\(|©\s*)", re.IGNORECASE)
BYLINE = re.compile(r"^\s*(?:by|written by|posted by|words by)\s", re.IGNORECASE)
# Texts up to this long have their word count kept (n_words): lines, not whole articles.
LINE_CHARS = 4000


def content_words(text: str) -> set[str]:
    """The lower-case words of four letters or more that are no stop words (spaCy's English
    list): what two lines must share to be about the same thing."""
    return set(content_word_list(text))


def content_word_list(text: str) -> list[str]:
    """content_words in the order they are written, repeats kept."""
    stop_words = spacy_stop_words()
    return [w for w in re.findall(r"[^\W\d_]{4,}", text.lower()) if w not in stop_words]


@lru_cache(maxsize=1)
def spacy_stop_words() -> frozenset[str]:
    """spaCy's English stop words (a maintained list), read from spaCy's own file: importing
    it imports all of spaCy (0.6 to 1.3 s), which the notebooks, index.html and page cleaning need
    nothing else of."""
    import importlib.util
    import sys
    from pathlib import Path

    if "spacy.lang.en.stop_words" not in sys.modules:
        spacy = importlib.util.find_spec("spacy")  # found, not imported
        source = Path(spacy.origin).parent / "lang" / "en" / "stop_words.py" if spacy and spacy.origin else None
        if source is not None and source.is_file():
            namespace: dict = {}
            exec(compile(source.read_text(encoding="utf-8"), str(source), "exec"), namespace)  # noqa: S102
            if isinstance(namespace.get("STOP_WORDS"), set):
                return frozenset(namespace["STOP_WORDS"])
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def n_words(text: str) -> int:
    # Cleaning asks for the words of a page's lines again and again (3.7 times each over the
    # extraction pages): a line's count is kept. A longer text (a whole article) is counted
    # line by line (no word runs over a line break), so the cache holds no articles and the
    # cleaned text's lines, counted while it was cleaned, are not counted again.
    if len(text) <= LINE_CHARS:
        return _words_of_line(text)
    return sum(_words_of_line(line) if len(line) <= LINE_CHARS else len(WORD.findall(line))
               for line in text.split("\n"))


@lru_cache(maxsize=1024)  # counted again and again: kept apart from the words, found sooner
def _words_of_line(line: str) -> int:
    words, same_length = _lowered_words(line)
    return len(words) if same_length else len(WORD.findall(line))


def lower_words(line: str) -> list[str]:
    """The words of `line` lower-cased (WORD's matches in line.lower(), a list not to change).
    The line classifier (pagetext.line_shape) reads them of each line cleaning counted."""
    return _lowered_words(line)[0]


@lru_cache(maxsize=1024)
def _lowered_words(line: str) -> tuple[list[str], bool]:
    # Counting a line's words and listing its lower-case words were two passes of WORD over each
    # line of a page: one pass serves both. Lower-casing that keeps the line's length maps each
    # character to one of the same kind (a letter to a letter: tests/test_textshape.py checks every
    # character), so the lower-case line has as many words; "İ" becomes two characters, "i̇".
    lowered = line.lower()
    return WORD.findall(lowered), len(lowered) == len(line)


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
    # The end of the line first: most lines end like a sentence, and counting words is slower.
    if first:
        return not line.endswith((".", "…", ".\"", ".”", ":", ";", ",")) and 0 < n_words(line) <= 25
    return not line.endswith(TERMINAL) and 0 < n_words(line) <= 20


def normalise_date(value: str) -> str:
    """A written date as YYYY-MM-DD, or '' when it is none."""
    parsed = pd.to_datetime(str(value).replace(".", "") if value else None, errors="coerce",
                            format="mixed")
    return "" if pd.isna(parsed) else parsed.strftime("%Y-%m-%d")


def find_date(line: str) -> str:
    """The first date written in `line`, as YYYY-MM-DD, or ''."""
    match = DATE.search(line)
    return normalise_date(match.group(0)) if match else ""


def is_date_only(line: str) -> bool:
    return bool(DATE.search(line)) and n_words(DATE.sub("", line)) == 0


def is_body(line: str) -> bool:
    return line.rstrip("\"”’')").endswith((".", "!", "?", "…")) and n_words(line) >= 8


def is_prose(line: str) -> bool:
    # A teaser cut short ("... new findings highlighting…") is not a finished sentence.
    return is_body(line) and not line.endswith(("…", "..."))


def is_sentence(line: str) -> bool:
    """A line of two words or more that ends like a sentence ("He said no.")."""
    return line.rstrip("\"”’')").endswith((".", "!", "?")) and not line.endswith("...") and n_words(line) >= 2
