"""Cleaning: keep what the article says, drop the page around it.

A text may be a whole web page saved as text (menus, related stories, notices, footers around
the article) or an article with a few such lines. Cleaning decides line by line: general rules
kept as data (data/corpus/boilerplate.csv: notices, credits, timestamps, headings of story lists)
and this module's (page furniture, repeated lines), then pagetext's line classifier, which finds
the article's run of prose; recall comes first (a paragraph next to the article's prose, a
doubted line inside it and a subheading between its paragraphs stay). pagehead.py then finds the
headline, dateline and signature around the article. Never strings copied from one site.
Reading files is reading.py's job; splitting sentences is sentences.py's.

The cleaned text has one paragraph a line and the headline, when there is one, as its first line;
every removed line (or credit cut out of a line) is listed with its reason.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from . import pagedate, pagetext
from .errors import MedialensError
from .lexicons import data_path, read_table
from .pagehead import head, signature
# MONTHS, DATE, n_words, is_heading, normalise_date, find_date: other modules take them from here.
from .textshape import (DATE, MONTHS, TERMINAL, WORD, find_date, is_body, is_date_only,  # noqa: F401
                        is_sentence,
                        is_heading, is_prose, n_words, normalise_date)

# "forces.The June": a sentence end glued to the next sentence (lower-case word, stop, capital).
GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{2}[.!?][\"”’])(?=[A-Z][a-z])")
# Unicode category Cc (C0 and C1 controls) less newline and tab: they carry no text.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
WORD_OF_LETTERS = re.compile(r"[^\W\d_]{3,}")
# A line the classifier keeps with at least this probability is surely article text.
CONFIDENT = 0.8
SUBHEADING_WORDS = 12
CAPTION_WORDS = 30
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?])")
# Inside the article, a line the classifier scores at least this is kept (see _fill_gaps).
GAP_FLOOR = 0.02


@dataclass
class Cleaned:
    """The cleaned text with what was found and what was removed (line, reason)."""
    text: str
    title: str = ""
    date: str = ""
    date_source: str = ""
    outlet: str = ""
    agency: str = ""
    removed: list[tuple[str, str]] = field(default_factory=list)


def _is_furniture(line: str) -> bool:
    """Widgets and symbols ("+ ↺ − 16 px", "|||"): few letters, no real word."""
    if WORD_OF_LETTERS.search(line) is None:
        return True
    visible = "".join(line.split())
    # map over the str runs in C: a generator over characters cost more than the tokenizer.
    return sum(map(str.isalpha, visible)) < 0.5 * len(visible)


def normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    # Control characters other than newline and tab carry no text.
    return CONTROL.sub("", text)


RULE_KINDS = ("line", "notice", "span", "cut")


@lru_cache(maxsize=None)
def _compile(rules: tuple[tuple[str, str], ...]) -> tuple[list[re.Pattern], ...]:
    for _, pattern in rules:
        re.compile(pattern)  # names the bad pattern's error before they are joined
    # One alternation per kind: a line is searched once per kind, not once per rule.
    return tuple([re.compile("|".join(f"(?:{p})" for k, p in rules if k == kind), re.IGNORECASE)]
                 if any(k == kind for k, _ in rules) else [] for kind in RULE_KINDS)


def boilerplate_rules(overrides: dict[str, str] | None = None):
    """(line, notice, span, cut) rules compiled from data/corpus/boilerplate.csv or the user's file."""
    table = read_table("boilerplate", overrides)
    unknown = sorted(set(table.kind) - set(RULE_KINDS))
    if unknown:
        raise MedialensError(data_path("boilerplate", overrides),
                             f"unknown kind '{unknown[0]}' (choose one of {', '.join(RULE_KINDS)})")
    try:
        return _compile(tuple(zip(table.kind, table.pattern)))
    except re.error as error:
        raise MedialensError(data_path("boilerplate", overrides),
                             f"a pattern is not a regular expression ({error})") from None


def page_lines(raw: str) -> tuple[list[str], np.ndarray]:
    """The page's non-empty lines, whitespace-normalised, and whether a blank line stood before each."""
    lines, blank_before, blank = [], [], True
    for line in normalise(raw).split("\n"):
        line = " ".join(line.split())
        if line:
            lines.append(line)
            blank_before.append(blank)
        blank = not line
    return lines, np.asarray(blank_before, dtype=float)


def prepare(raw: str, rules, removed: list) -> tuple[list[str], list[str | None], np.ndarray]:
    """The page's lines with credits cut out (appended to `removed`), the rule that removes each
    whole line (None: no rule), and the classifier's input columns (blank line before, removed by
    a rule, opens a list of other stories)."""
    line_rules, notice_rules, span_rules, cut_rules = rules
    lines, blank_before = page_lines(raw)
    reasons: list[str | None] = []
    heading = np.zeros(len(lines))
    for i, line in enumerate(lines):
        credited = False  # a credit ends the line: the rest is a photo's caption
        for rule in span_rules:
            matches = list(rule.finditer(line))
            if matches:
                removed.extend((match.group(0).strip(), "credit") for match in matches)
                credited = credited or matches[-1].end() >= len(line.rstrip())
                line = SPACE_BEFORE_PUNCTUATION.sub(r"\1", rule.sub(" ", line))
        lines[i] = line = " ".join(line.split())
        if not line:
            reasons.append("empty once credits are cut")
        elif credited and n_words(line) <= CAPTION_WORDS:
            reasons.append("caption")
        elif _is_furniture(line) and not DATE.search(line):
            reasons.append("page furniture")
        elif any(rule.search(line) for rule in notice_rules) or (
                n_words(line) <= 12 and any(rule.search(line) for rule in line_rules)):
            reasons.append("boilerplate")
        elif any(rule.search(line) for rule in cut_rules):
            reasons.append("list heading")
            heading[i] = 1
        else:
            reasons.append(None)
    by_rule = np.asarray([reason is not None for reason in reasons], dtype=float)
    return lines, reasons, np.column_stack([blank_before, by_rule, heading]).reshape(len(lines), 3)


def clean_text(raw: str, title: str = "", boilerplate=None, classifier=None,
               page: bool = True) -> Cleaned:
    """Clean one article or whole page. `title`, when the caller knows it (a table column, the
    HTML), goes first and is kept whatever it looks like.

    Steps: the general rules of data/corpus/boilerplate.csv and of this module (page furniture,
    notices, credits cut out of any line, headings that open lists of other stories); then
    pagetext's line classifier keeps the article's run of prose; a list heading after the last
    confident article line ends the article; repeated lines go; the headline is found just above
    the article, the dateline around it, the outlet's signature just below it; sentences glued
    without a space are split. `boilerplate`: the rules of boilerplate_rules(), built-in ones
    when None; `classifier`: pagetext's parameters, the shipped ones when None; `page=False`
    for an article already extracted from its HTML page (the classifier is not run).
    """
    removed: list[tuple[str, str]] = []
    lines, reasons, marks = prepare(raw, boilerplate_rules() if boilerplate is None else boilerplate,
                                    removed)
    # An article an extractor already took out of its page (page=False) keeps its short lines.
    probability = pagetext.article_probability(lines, marks, classifier) if page else np.ones(len(lines))
    threshold = (classifier or pagetext.model()).get("threshold", 0.5)
    for i, p in enumerate(probability.tolist()):
        if reasons[i] is None and p < threshold:
            reasons[i] = f"line classifier (p={p:.2f})"
    if not any(reason is None and is_prose(line) for line, reason in zip(lines, reasons)):
        _keep_best_prose(lines, reasons, probability)
    if all(reason is not None for reason in reasons):
        # No prose at all (a one-line note, a table of figures): what the rules leave is the text.
        reasons = [None if reason and reason.startswith("line classifier") else reason for reason in reasons]
    _extend_prose(lines, reasons)
    _fill_gaps(lines, reasons, probability, (classifier or pagetext.model()).get("gap_floor", GAP_FLOOR))
    _keep_subheadings(lines, reasons)
    _cut_lists(lines, reasons, probability)
    _drop_repeated(lines, reasons)
    title = " ".join(title.split())
    found = pagedate.find_dates(lines)
    pagedate.cut_date_labels(lines, found, removed)
    top, start = head(lines, reasons, bool(title))
    date, date_source = pagedate.article_date(lines, reasons, found, start, top)
    headline = title or (lines[top] if top is not None else "")
    body = [i for i, reason in enumerate(reasons) if reason is None]
    outlet = signature(lines, reasons, body)
    kept = [headline] if headline else []
    for i, line in enumerate(lines):
        if i == top:
            continue
        if reasons[i] is None and line.casefold() == headline.casefold():
            removed.append((line, "repeated line"))
        elif reasons[i] is None:
            kept.append(line)
        else:
            removed.append((line, reasons[i]))
    text = "\n".join(GLUED.sub(" ", line) for line in kept)
    if not headline and kept:
        headline = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text.split("\n", 1)[0], maxsplit=1)[0]
    return Cleaned(text=text, title=GLUED.sub(" ", headline), date=date, date_source=date_source,
                   outlet=outlet, removed=removed)


def _keep_best_prose(lines: list[str], reasons: list, probability: np.ndarray) -> None:
    """When the classifier keeps no paragraph of prose (a short text unlike the pages it learned
    from), the likeliest one is the article's; _extend_prose adds its neighbours."""
    prose = [i for i, line in enumerate(lines)
             if reasons[i] is not None and reasons[i].startswith("line classifier") and is_body(line)]
    if prose:
        reasons[max(prose, key=lambda i: probability[i])] = None


def _extend_prose(lines: list[str], reasons: list) -> None:
    """A sentence next to the article's prose belongs to the article: the classifier doubts the
    first and last paragraphs most, and losing article text is the worse error. Lines a rule
    removed (an advertisement label, a newsletter box) do not separate them, nor does one short
    subheading."""
    open_ = [i for i, reason in enumerate(reasons) if reason is None or reason.startswith("line classifier")]
    prose = {i for i in open_ if reasons[i] is None and is_prose(lines[i])}
    for order in (open_, open_[::-1]):
        for before, line_, after in zip(order, order[1:], order[2:] + [None]):
            if before not in prose or reasons[line_] is None:
                continue
            if is_sentence(lines[line_]):
                reasons[line_] = None
                prose.add(line_)
            elif order is open_ and after is not None and is_heading(lines[line_]) \
                    and n_words(lines[line_]) <= SUBHEADING_WORDS and is_prose(lines[after]):
                reasons[line_] = reasons[after] = None
                prose.add(after)


def _fill_gaps(lines: list[str], reasons: list, probability: np.ndarray, floor: float) -> None:
    """Inside the article (its first to its last paragraph of prose), a line the classifier
    doubts but does not rule out is kept: list items, questions of an interview, lines of a
    hard-wrapped paragraph are short like menus but stand among the article's paragraphs."""
    prose = [i for i, line in enumerate(lines) if reasons[i] is None and is_prose(line)]
    for i in range(prose[0] + 1, prose[-1]) if prose else ():
        if reasons[i] is not None and reasons[i].startswith("line classifier") and probability[i] >= floor:
            reasons[i] = None


def _keep_subheadings(lines: list[str], reasons: list) -> None:
    """A short heading between two paragraphs of the article is one of its subheadings."""
    for i in range(1, len(lines) - 1):
        if reasons[i] is not None and reasons[i].startswith("line classifier") \
                and reasons[i - 1] is None and reasons[i + 1] is None \
                and is_body(lines[i - 1]) and is_body(lines[i + 1]) \
                and is_heading(lines[i]) and n_words(lines[i]) <= SUBHEADING_WORDS:
            reasons[i] = None


def _drop_repeated(lines: list[str], reasons: list) -> None:
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if reasons[i] is None:
            key = line.casefold()
            if key in seen:
                reasons[i] = "repeated line"
            seen.add(key)


def _cut_lists(lines: list[str], reasons: list, probability: np.ndarray) -> None:
    """A list heading after the article's last confident line of prose opens a sidebar that runs
    to the next line of prose the classifier keeps (the classifier alone may keep a teaser or a
    date of the list); one inside the article goes alone."""
    prose = [i for i, line in enumerate(lines) if reasons[i] is None and is_prose(line)]
    confident = [i for i in prose if probability[i] >= CONFIDENT] or prose
    if not confident:
        return
    after = next((i for i in range(confident[-1] + 1, len(lines)) if reasons[i] == "list heading"), None)
    if after is not None:
        reasons[after] = "sidebar"
        for j in range(after + 1, len(lines)):
            if reasons[j] is None and is_prose(lines[j]):
                return  # the article goes on after all
            if reasons[j] is None or reasons[j].startswith("line classifier"):
                reasons[j] = "sidebar"


