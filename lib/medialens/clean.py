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

import numpy as np
import pandas as pd

from . import pagetext
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
BYLINE = re.compile(r"^\s*(?:by|written by|posted by|words by)\s", re.IGNORECASE)
# How far above the article's first line a headline may stand (bylines, dates, captions between).
HEADLINE_WINDOW = 6
HEADLINE_WORDS = 14
# A line the classifier keeps with at least this probability is surely article text.
CONFIDENT = 0.8
SUBHEADING_WORDS = 12
# Inside the article, a line the classifier scores at least this is kept (see _fill_gaps).
GAP_FLOOR = 0.02


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
        for rule in span_rules:
            removed.extend((m.group(0).strip(), "credit") for m in rule.finditer(line))
            line = rule.sub(" ", line)
        lines[i] = line = " ".join(line.split())
        if not line:
            reasons.append("empty once credits are cut")
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
    if all(reason is not None for reason in reasons):
        _keep_best_run(lines, reasons, probability)
    _extend_prose(lines, reasons)
    _fill_gaps(lines, reasons, probability, (classifier or pagetext.model()).get("gap_floor", GAP_FLOOR))
    _keep_subheadings(lines, reasons)
    _cut_lists(lines, reasons, probability)
    _drop_repeated(lines, reasons)
    title = " ".join(title.split())
    top, date = _head(lines, reasons, bool(title))
    headline = title or (lines[top] if top is not None else "")
    body = [i for i, reason in enumerate(reasons) if reason is None]
    outlet = _signature(lines, reasons, body)
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
    return Cleaned(text=text, title=GLUED.sub(" ", headline), date=date, outlet=outlet,
                   removed=removed)


def _keep_best_run(lines: list[str], reasons: list, probability: np.ndarray) -> None:
    """When the classifier keeps nothing (a short text unlike the pages it learned from), the
    likeliest line of prose and the prose lines next to it are the article."""
    prose = [i for i, line in enumerate(lines)
             if reasons[i] is not None and reasons[i].startswith("line classifier") and _is_body(line)]
    if not prose:
        return
    best = max(prose, key=lambda i: probability[i])
    first = last = best
    while first - 1 in prose:
        first -= 1
    while last + 1 in prose:
        last += 1
    for i in range(first, last + 1):
        reasons[i] = None


def _extend_prose(lines: list[str], reasons: list) -> None:
    """A paragraph of prose next to one the article keeps belongs to the article: the classifier
    doubts the first and last paragraphs most, and losing article text is the worse error."""
    prose = [reason is None and _is_prose(line) for line, reason in zip(lines, reasons)]
    for order in (range(1, len(lines)), range(len(lines) - 2, -1, -1)):
        for i in order:
            neighbour = i - 1 if order.step == 1 else i + 1
            if prose[neighbour] and reasons[i] is not None and reasons[i].startswith("line classifier") \
                    and _is_prose(lines[i]):
                reasons[i], prose[i] = None, True


def _fill_gaps(lines: list[str], reasons: list, probability: np.ndarray, floor: float) -> None:
    """Inside the article (its first to its last paragraph of prose), a line the classifier
    doubts but does not rule out is kept: list items, questions of an interview, lines of a
    hard-wrapped paragraph are short like menus but stand among the article's paragraphs."""
    prose = [i for i, line in enumerate(lines) if reasons[i] is None and _is_prose(line)]
    for i in range(prose[0] + 1, prose[-1]) if prose else ():
        if reasons[i] is not None and reasons[i].startswith("line classifier") and probability[i] >= floor:
            reasons[i] = None


def _keep_subheadings(lines: list[str], reasons: list) -> None:
    """A short heading between two paragraphs of the article is one of its subheadings."""
    for i in range(1, len(lines) - 1):
        if reasons[i] is not None and reasons[i].startswith("line classifier") \
                and reasons[i - 1] is None and reasons[i + 1] is None \
                and _is_body(lines[i - 1]) and _is_body(lines[i + 1]) \
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
    prose = [i for i, line in enumerate(lines) if reasons[i] is None and _is_prose(line)]
    confident = [i for i in prose if probability[i] >= CONFIDENT] or prose
    if not confident:
        return
    after = next((i for i in range(confident[-1] + 1, len(lines)) if reasons[i] == "list heading"), None)
    if after is not None:
        reasons[after] = "sidebar"
        for j in range(after + 1, len(lines)):
            if reasons[j] is None and _is_prose(lines[j]):
                return  # the article goes on after all
            if reasons[j] is None or reasons[j].startswith("line classifier"):
                reasons[j] = "sidebar"


def _is_prose(line: str) -> bool:
    # A teaser cut short ("... new findings highlighting…") is not a finished sentence.
    return _is_body(line) and not line.endswith(("…", "..."))


def _head(lines: list[str], reasons: list, titled: bool) -> tuple[int | None, str]:
    """The headline's line (None when the caller gave a title or none is found) and the
    dateline; what stands above the headline is the site's header."""
    body = [i for i, reason in enumerate(reasons) if reason is None]
    start = next((i for i in body if _is_prose(lines[i])), body[0] if body else len(lines))
    top = None if titled else _headline(lines, reasons, start)
    date = _dateline(lines, top, start)
    for i in range(start):
        if reasons[i] is None and top is not None and i < top:
            reasons[i] = "site header"
        elif reasons[i] is not None and reasons[i].startswith("line classifier") and \
                (_is_date_only(lines[i]) or i < (top or 0)):
            reasons[i] = "dateline" if _is_date_only(lines[i]) else "site header"
    return top, date


def _headline(lines: list[str], reasons: list, start: int) -> int | None:
    """The headline's line: a heading of three words or more a few lines above the article's
    first paragraph: the one the page's title (its first line) repeats, else the nearest one of
    four to HEADLINE_WORDS words (a longer one is a standfirst), else the nearest."""
    if start >= len(lines):
        return None
    candidates = [i for i in range(start, max(0, start - HEADLINE_WINDOW) - 1, -1)
                  if (reasons[i] is None or reasons[i].startswith("line classifier"))
                  and is_heading(lines[i], first=True) and n_words(lines[i]) >= 3
                  and not BYLINE.match(lines[i]) and not (DATE.search(lines[i]) and n_words(lines[i]) <= 8)]
    page_title = lines[0].casefold()
    in_title = [i for i in candidates if i and lines[i].casefold() in page_title]
    if in_title:
        return in_title[0]
    return next((i for i in candidates if 4 <= n_words(lines[i]) <= HEADLINE_WORDS),
                candidates[0] if candidates else None)


def _dateline(lines: list[str], top: int | None, first: int) -> str:
    """The date written just above the article: a date-only line first, else any short line's."""
    region = lines[max(0, (first if top is None else top) - 3):first + 1]
    dated = [line for line in region if n_words(line) <= 12 or line is region[-1]]
    return next((find_date(line) for line in dated if _is_date_only(line)), "") or \
        next((find_date(line) for line in dated[:-1] if find_date(line)), "")


def _signature(lines: list[str], reasons: list, body: list[int]) -> str:
    """The outlet's signature: a last article line of a few words that does not end like a
    sentence ("News.Az", "— Reuters"), or such a line right after the article that ends the page
    or is marked as one ("— Reuters", "Source: ...")."""
    def signed(line: str) -> bool:
        return n_words(line) <= 4 and (not line.endswith((".", "!", "?", "…", "\"", "”"))
                                       or bool(SIGNATURE_PREFIX.match(line)))
    if not body:
        return ""
    last, after = body[-1], body[-1] + 1
    if len(body) > 1 and signed(lines[last]):
        reasons[last] = "outlet signature"
    elif after < len(lines) and reasons[after] is not None and reasons[after].startswith("line classifier") \
            and signed(lines[after]) and (after == len(lines) - 1 or SIGNATURE_PREFIX.match(lines[after])):
        reasons[after] = "outlet signature"
    else:
        return ""
    signature = lines[last] if reasons[last] == "outlet signature" else lines[after]
    return SIGNATURE_PREFIX.sub("", signature).strip(" ().")
