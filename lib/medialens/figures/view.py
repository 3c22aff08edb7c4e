"""What the slot rules read about one figure (FigureView) and about its article (Story), each
worked out once: the words around the figure, its clause and sentence, the figures before it,
and the article's setting (the places of its headline and lede) and year."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from .numbers import YEAR
from .units import word_list

NAME = re.compile(r"\b[A-Z][\w-]+")
BARE_YEAR = re.compile(r"(?<![\w$€£¥.,/-])((?:1[6-9]|20)\d{2})(?![\w%/-]|[.,]\d)")


@dataclass
class Story:
    """Per article: `headline` (its first sentence), `setting` (lower-case text of the headline
    and of the names in the lede: "CALDER, July 18 - A fire in the Calder Valley ..."), `years`
    (the years the article is about: its date's, else those named in the headline and lede) and
    `date` (the article's date, "YYYY-MM-DD" or '')."""
    headline: str
    setting: str
    years: frozenset
    date: str
    facts: dict = field(default_factory=dict)  # what a rule finds in the whole article, found once

    @classmethod
    def of(cls, sentences: list[dict], date: str = "") -> "Story":
        headline = sentences[0]["text"] if sentences else ""
        lede = sentences[1]["text"] if len(sentences) > 1 else ""
        years = {date[:4]} if YEAR.fullmatch(date[:4] or "-") else set(BARE_YEAR.findall(headline + " " + lede))
        # The names of the lede are found once per article, not once per figure (issue 25:
        # a 100 KB lede made tagging quadratic).
        setting = (headline + " " + " ".join(NAME.findall(lede))).lower()
        return cls(headline, setting, frozenset(years), date or "")


@dataclass
class FigureView:
    """One figure as the rules see it. `clause` is (clause start, clause end, sentence start,
    sentence end); `recent` the figures before it in its sentence and the one before, nearest last."""
    text: str
    row: dict
    clause: tuple[int, int, int, int]
    story: Story
    recent: list[dict]
    rules: object
    siblings: list = None  # every figure of the sentence, in text order
    facts: dict = None  # what the rules found in the sentence once, shared by its figures (per_sentence)

    def __post_init__(self):
        self.q = self.rules.quantities  # read some forty times per figure: an attribute, not a property

    @property
    def number_end(self) -> int:
        return self.row.get("_number_end", self.row["end"])

    @cached_property
    def cut(self) -> tuple[list[str], list[str]]:
        """Words of the clause before and after the figure, up to a coordinator ("infected 12,000
        people and killed 300": the killing is the 300's) or, before it, another number."""
        before, after = self.uncut
        for k in range(len(before) - 1, -1, -1):
            if before[k] in self.q.coordinators or before[k] in self.q.subordinators or before[k][0].isdigit():
                before = before[k + 1:]  # "64 injured when a train carrying 300 passengers": not theirs
                break
        for k, word in enumerate(after):
            if word[0].isdigit():  # the words after another number are that number's
                after = after[:k]
                break
            # "1,200 operations and appointments were postponed" goes on; "12,000 people and
            # killed 300" stops: a verb after the coordinator is another clause's.
            if word in self.q.coordinators and (k + 1 >= len(after) or after[k + 1] in self.q.event
                                                or after[k + 1] in ("is", "are", "was", "were")) \
                    or word in self.q.subordinators and word not in self.q.relative_word:
                after = after[:k]
                break
        return before, after

    @cached_property
    def uncut(self) -> tuple[list[str], list[str]]:
        """Words of the clause before (from the last number on) and after the figure."""
        row = self.row
        before = word_list(self.text, max(self.clause[0], row["start"] - 80), row["start"])[-8:]
        after = word_list(self.text, row["end"], min(self.clause[1], row["end"] + 80))[:8]
        digits = [k for k, w in enumerate(before) if w[0].isdigit()]
        return (before[digits[-1] + 1:] if digits else before), after

    @cached_property
    def wide_before(self) -> list[str]:
        """Words of the clause before the figure, numbers kept."""
        return word_list(self.text, max(self.clause[0], self.row["start"] - 80), self.row["start"])[-8:]

    @cached_property
    def sentence_before(self) -> list[str]:
        """The words (no digits or signs) of the figure's sentence before it."""
        start = max(self.clause[2], self.row["start"] - 160)
        return [w for w in word_list(self.text, start, self.row["start"]) if w[0].isalpha()]

    @cached_property
    def sentence_near(self) -> list[str]:
        """Up to 120 characters of the sentence before the figure, numbers kept."""
        return word_list(self.text, max(self.clause[2], self.row["start"] - 120), self.row["start"])

    @property
    def sentence(self) -> str:
        return self.text[self.clause[2]:self.clause[3]]

    @property
    def twin(self) -> dict | None:
        """The figure just before this one when this one gives the same amount in another unit:
        "47 degrees Celsius (117 degrees Fahrenheit)", "£4.5m ($5.7m)", "310mm, or 12 inches"."""
        previous = self.recent[-1] if self.recent else None
        if previous and previous.get("measure") and previous["end"] <= self.row["start"] \
                and self.q.same_amount_between.match(self.text, previous["end"], self.row["start"]):
            return previous
        return None

    def figures_between(self, start: int, end: int) -> bool:
        """Whether another figure of the sentence stands between offsets start and end (by
        bisection: a sentence of a thousand figures must not cost a million steps)."""
        low, high = min(start, end), max(start, end)
        starts = self.sibling_starts
        k = bisect.bisect_left(starts, low)
        while k < len(starts) and starts[k] < high:
            if starts[k] != self.row["start"]:
                return True
            k += 1
        return False

    @property
    def sibling_starts(self) -> list[int]:
        facts = self.per_sentence
        if "starts" not in facts:
            facts["starts"] = sorted(r["start"] for r in (self.siblings or self.recent))
        return facts["starts"]

    @property
    def per_sentence(self) -> dict:
        """A cache shared by the figures of one sentence (what a rule finds in the whole sentence)."""
        if self.facts is None:
            self.facts = {}
        return self.facts

    def in_sentence(self, key: str, find) -> list:
        """`find(text, sentence start, sentence end)` once per sentence, cached under `key`."""
        facts = self.per_sentence
        if key not in facts:
            facts[key] = find(self.text, self.clause[2], self.clause[3])
        return facts[key]
