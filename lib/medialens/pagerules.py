"""The general rules of data/corpus/boilerplate.csv, applied to each line of a page.

Before the line classifier (pagetext.py) reads a page, every line is tested against the rules
kept as data: whole lines that are notices, links, share rows, credits or labels; credits and
captions cut out of a line wherever they stand; headings that open lists of other stories. The
rules name kinds of page furniture, never one site's strings. What the rules leave is clean.py's.
"""
from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import rulefilter
from .dates import date_pattern
from .errors import MedialensError
from .lexicons import check_regex, data_path, read_table
from .textshape import DATE, n_words

# Unicode category Cc (C0 and C1 controls) less newline and tab: they carry no text.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
WORD_OF_LETTERS = re.compile(r"[^\W\d_]{3,}")
ASCII_LETTERS = string.ascii_letters.encode()
CAPTION_WORDS = 30
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?])")


def _is_furniture(line: str) -> bool:
    """Widgets and symbols ("+ ↺ − 16 px", "|||"): few letters, no real word. `line` is
    whitespace-normalised (one space between words), so its visible characters are those
    that are not spaces."""
    if WORD_OF_LETTERS.search(line) is None:
        return True
    visible = len(line) - line.count(" ")
    # Its ASCII letters, counted by bytes.translate in C, are most often half of it already.
    ascii_chars = line.encode("ascii", "ignore")
    if len(ascii_chars) - len(ascii_chars.translate(None, ASCII_LETTERS)) >= 0.5 * visible:
        return False
    # map over the str runs in C: a generator over characters cost more than the tokenizer.
    return sum(map(str.isalpha, line)) < 0.5 * visible


ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\ufeff]")


def normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    # Four substring tests first: a character-class search over a page took thirty times as long.
    if any(char in text for char in "\u200b\u200c\u200d\ufeff"):
        text = ZERO_WIDTH.sub("", text)
    # Control characters other than newline and tab carry no text.
    return CONTROL.sub("", text)


RULE_KINDS = ("line", "notice", "span", "cut", "caption", "past")
# Marks before a line (">> Read more", "» Related", "• Share", "(Reporting by") do not hide it
# from the rules.
LEADING_MARKS = re.compile(r"^[\s>»›•·*|(\[]+")


@lru_cache(maxsize=None)
def _compile(rules: tuple[tuple[str, str], ...]) -> tuple[list[re.Pattern], ...]:
    # "{date}" in a pattern is a written date (dates.date_pattern: one list of month names).
    rules = tuple((kind, pattern.replace("{date}", f"(?:{date_pattern()})")) for kind, pattern in rules)
    for _, pattern in rules:
        re.compile(pattern)  # names the bad pattern's error before they are joined
    # One alternation per kind: a line is searched once per kind, not once per rule.
    return tuple(_alternations([p for k, p in rules if k == kind], kind) for kind in RULE_KINDS)


# Kinds whose rules only say whether a line matches (prepare's `any(rule.search(...))`); the
# others cut out what they match, where the order of the rules decides.
TESTED_KINDS = ("line", "notice", "cut")


def _alternations(patterns: list[str], kind: str) -> list[rulefilter.Rules]:
    """The alternations of one kind's rules: one, or for a tested kind two, the rules anchored at
    the line's start ("^...") apart from the others. Together, the anchored ones are tried at
    every position of the line among the others, and the line rules were searched half as fast
    (208 against 98 ms over 15,232 lines of pages); `any` over the two gives the same answer.
    Each comes with the strings a line must hold to match it (rulefilter.py). A caption rule,
    though anchored, reaches across the line (a run of any characters before the photo's date),
    so it costs a search: its strings are looked for too, in the page's lines as page_lines
    gives them (single spaces), where the one word a caption needs is told apart (" on ")."""
    groups = [[p for p in patterns if p.startswith("^")], [p for p in patterns if not p.startswith("^")]] \
        if kind in TESTED_KINDS else [patterns]
    caption = kind == "caption"
    return [rulefilter.join(group, re.IGNORECASE, spaced=caption, anchored=caption) for group in groups if group]


def boilerplate_rules(overrides: dict[str, str] | None = None):
    """(line, notice, span, cut, caption, past) rules compiled from data/corpus/boilerplate.csv
    or the user's file (data/corpus/README.md says what each kind does)."""
    # Cached by the file and its version, not by its rules: reading the rules out of the table
    # cost as much as cleaning a short article (clean_text without `boilerplate` asks each time).
    path = data_path("boilerplate", overrides)
    return _rules_in(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=None)
def _rules_in(path: Path, modified: int):
    # `modified` (the file's mtime) only keys the cache: an edited file is compiled again.
    table = read_table("boilerplate", {"boilerplate": str(path)})
    unknown = sorted(set(table.kind) - set(RULE_KINDS))
    if unknown:
        raise MedialensError(path, f"unknown kind '{unknown[0]}' (choose one of {', '.join(RULE_KINDS)})")
    for number, pattern in enumerate(table.pattern, 1):
        check_regex(pattern, f"{path}, row {number}")
    try:
        return _compile(tuple(zip(table.kind, table.pattern)))
    except re.error as error:
        raise MedialensError(path, f"a pattern is not a regular expression ({error})") from None


def page_lines(raw: str) -> tuple[list[str], np.ndarray]:
    """The page's non-empty lines, whitespace-normalised, and whether a blank line stood before each."""
    lines, blank_before, _ = _layout(normalise(raw))
    return lines, blank_before


def line_indents(raw: str) -> list[int]:
    """The indentation (in characters) of each line of page_lines: a block set apart from the
    article by its indentation is often a sidebar."""
    return _layout(normalise(raw))[2]


def _layout(text: str) -> tuple[list[str], np.ndarray, list[int]]:
    """page_lines and line_indents of a normalised page, in one pass."""
    lines, blank_before, indents, blank = [], [], [], True
    for given in text.split("\n"):
        line = " ".join(given.split())
        if line:
            lines.append(line)
            blank_before.append(blank)
            indents.append(len(given) - len(given.lstrip()))
        blank = not line
    return lines, np.asarray(blank_before, dtype=float), indents


def prepare(raw: str, rules, removed: list, indents: list | None = None
            ) -> tuple[list[str], list[str | None], np.ndarray]:
    """The page's lines with credits cut out (appended to `removed`), the rule that removes each
    whole line (None: no rule), and the classifier's input columns (blank line before, removed by
    a rule, opens a list of other stories); `indents`, when given, gets line_indents(raw) (the
    page normalised once). A rule is only searched in a line that holds a string each of its
    matches holds (rulefilter.py)."""
    line_rules, notice_rules, span_rules, cut_rules, caption_rules, past_rules = rules
    lines, blank_before, found = _layout(normalise(raw))
    if indents is not None:
        indents.extend(found)
    page = rulefilter.LoweredPage(lines)
    # For each kind, each alternation's pattern to search in each line (None: it cannot match).
    notices, spans, cuts, captions, line_groups = ([page.patterns(group) for group in kind] for kind in (
        notice_rules, span_rules, cut_rules, caption_rules, line_rules))
    reasons: list[str | None] = []
    heading = np.zeros(len(lines))
    for i, line in enumerate(lines):
        given = line
        line, caption = _cut_caption(line, _of_line(captions, i), past_rules, removed)
        credited = False  # a credit ends or opens the line: the rest is a photo's caption
        for rule in _of_line(spans, i):
            matches = list(rule.finditer(line))
            if matches:
                removed.extend((match.group(0).strip(), "credit") for match in matches)
                credited = credited or matches[-1].end() >= len(line.rstrip()) or matches[0].start() == 0
                line = SPACE_BEFORE_PUNCTUATION.sub(r"\1", rule.sub(" ", line))
        if line is not given:  # a cut line; the others are whitespace-normalised already
            line = " ".join(line.split())
        lines[i] = line
        # A line that lost a caption or credit is searched by every rule: cutting brought its words together.
        at = i if line == given else None
        bare = LEADING_MARKS.sub("", line)
        if not line and caption:
            lines[i] = caption
            reasons.append("caption")
        elif not line:
            reasons.append("empty once credits are cut")
        elif credited and n_words(line) <= CAPTION_WORDS:
            reasons.append("caption")
        elif _is_furniture(line) and not DATE.search(line):
            reasons.append("page furniture")
        elif _found(bare, notices, at, notice_rules) or (
                n_words(line) <= 12 and _found(bare, line_groups, at, line_rules)):
            reasons.append("boilerplate")
        elif _found(bare, cuts, at, cut_rules):
            reasons.append("list heading")
            heading[i] = 1
        else:
            reasons.append(None)
    by_rule = np.asarray([reason is not None for reason in reasons], dtype=float)
    return lines, reasons, np.column_stack([blank_before, by_rule, heading]).reshape(len(lines), 3)


def _of_line(per_line: list[list], i: int | None, kind: list[rulefilter.Rules] = ()) -> list[re.Pattern]:
    """The patterns of one kind's alternations that may match line `i` (`per_line`:
    LoweredPage.patterns of each); when `i` is None, the whole alternations of `kind`."""
    if i is None:
        return [rules.pattern for rules in kind]
    return [patterns[i] for patterns in per_line if patterns[i] is not None]


def _found(text: str, per_line: list[list], i: int | None, kind: list[rulefilter.Rules]) -> bool:
    """Whether one of the patterns of _of_line(per_line, i, kind) is found in `text`: a loop,
    for the list and generator `any` over it took most of the time of a line no rule matches."""
    if i is None:
        return any(rules.pattern.search(text) for rules in kind)
    for patterns in per_line:
        pattern = patterns[i]
        if pattern is not None and pattern.search(text):
            return True
    return False


def _cut_caption(line: str, caption_rules, past_rules, removed: list) -> tuple[str, str]:
    """The rest of `line` and the photo's caption that opened it ("Firefighters hose down a shed
    in Springfield on Tuesday, Aug. 8, 2023.": present tense, the photo's full date), listed in
    `removed` when text follows it; a sentence in the past tense is the article's ("The strike
    began on Sept. 15, 2023.")."""
    for rule in caption_rules:
        match = rule.match(line)
        if match and not any(past.pattern.search(match.group(0)) for past in past_rules):
            rest = line[match.end():].strip()
            if rest:
                removed.append((match.group(0).strip(), "caption"))
            return rest, match.group(0).strip()
    return line, ""
