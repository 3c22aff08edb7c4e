"""Finding a learner's phrase in an article, and deciding which of the tool's items it covers.

A phrase is found only as whole words ("Okaf", "compan" and "report" are not found in "Okafor",
"company" and "reportedly"), ignoring case, curly quotes, extra spaces and the thousands
separators of numbers ("1500 residents" finds "1,500 residents"). It covers a tool's item when it
overlaps the item and holds at least half of the item's content words, or one word of the
item's name (a named source): "the" or "county" alone is a fragment, not a find. Content words
are the words not in data/workshop/function_words.csv; an item made only of function words
("if") keeps all its words.

    >>> words_of("the county coroner's office")
    ['the', 'county', "coroner's", 'office']
    >>> covers(["coroner's", "office"], "the county coroner's office")
    True
    >>> covers(["county"], "the county coroner's office")
    False
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..config import DATA_DIR

QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
WORD = re.compile(r"[\w']+(?:[-.,][\w']+)*")  # "coroner's", "1,500", "2.3", "human-interest"
EDGE_PUNCTUATION = " \t\n\"'.,;:!?()[]"
SHARE_TO_COVER = 0.5  # the share of an item's content words a phrase must hold to find it


@lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    """The words that alone name nothing (articles, prepositions, pronouns...)."""
    table = pd.read_csv(DATA_DIR / "workshop" / "function_words.csv", dtype=str)
    return frozenset(table.word.str.lower())


def tidy(phrase) -> str:
    """A phrase as typed, with straight quotes, single spaces and no punctuation at its ends."""
    return re.sub(r"\s+", " ", str(phrase).translate(QUOTES)).strip(EDGE_PUNCTUATION)


def key(phrase) -> str:
    """What two spellings of one answer share: lower case, no separators in numbers, and
    spaces, hyphens and underscores alike ("Human-Interest" and "human interest" meet)."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", tidy(phrase).lower())
    return re.sub(r"[\s_-]+", "_", text)


def words_of(phrase) -> list[str]:
    """The words of a phrase, lower case, numbers without thousands separators."""
    return [re.sub(r"(?<=\d),(?=\d{3})", "", w) for w in WORD.findall(tidy(phrase).lower())]


def content_words(phrase) -> list[str]:
    words = [w.removesuffix("'s") for w in words_of(phrase)]
    content = [w for w in words if w not in function_words()]
    return content or words


def find(text: str, phrase) -> list[tuple[int, int]]:
    """Every (start, end) of `phrase` in `text` as whole words, ignoring case, curly quotes,
    extra spaces and thousands separators."""
    words = words_of(phrase)
    if not words:
        return []
    pattern = r"[\s\"',;:()-]*".join(_word_pattern(w) for w in words)
    return [m.span() for m in re.finditer(rf"(?<![\w']){pattern}(?![\w])", text.translate(QUOTES),
                                          flags=re.IGNORECASE)]


def _word_pattern(word: str) -> str:
    if re.fullmatch(r"\d+", word) and len(word) > 3:  # 1500 finds 1,500
        head, tail = word[:len(word) % 3 or 3], word[len(word) % 3 or 3:]
        return re.escape(head) + "".join(f",?{re.escape(tail[i:i + 3])}" for i in range(0, len(tail), 3))
    return re.escape(word)


def covers(phrase_words: list[str], item: str, name: str = "", role: str = "") -> bool:
    """Whether a phrase of these words finds `item` (the tool's words): half its content words,
    or half those of its `role` ("fire chief" finds "Maria Okafor, the county fire chief"), or a
    word of its `name` ("Okafor")."""
    have = {w.removesuffix("'s") for w in phrase_words}
    if name and set(content_words(name)) & have:
        return True
    for form in filter(None, (item, role)):
        wanted = content_words(form)
        if sum(w in have for w in wanted) >= SHARE_TO_COVER * len(wanted):
            return True
    return False


def split_joined(text: str, phrase) -> tuple[str, str] | None:
    """Two phrases of the article that a missing comma joined into `phrase` ("the county
    coroner's officeMaria Okafor"), or None."""
    phrase = tidy(phrase)
    for cut in range(1, len(phrase)):
        first, second = phrase[:cut].strip(), phrase[cut:].strip()
        if first and second and find(text, first) and find(text, second):
            return first, second
    return None
