"""Which lines a rule cannot match, told without running it: the text every match must hold.

A rule of data/corpus/boilerplate.csv such as "\\b(subscribe|sign up|newsletter)\\b" matches only
a line that holds one of its words; most lines of an article hold none. Searching a rule costs a
try at every position of the line (a rule that opens with "\\b" or "\\s*" gives the regular
expression engine no first character to skip to), while a plain substring test runs in C: over
the seed articles' lines the rules that open so took most of the time of applying all of them.
This module reads a pattern's parsed form (the `re` module's own parser) for a set of lower-case
strings one of which every match contains, and tells which lines of a page hold one. A rule
whose matches need no such string (None) is searched on every line: the filter only skips
searches that cannot succeed, so what the rules match does not change.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from itertools import accumulate, product
from typing import NamedTuple

try:
    from re import _constants as _c, _parser  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

# Bounds that keep the sets small: strings a sequence may match, characters of a class.
MAX_STRINGS = 64
MAX_CLASS = 8
TELLING = 6
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


class Rules(NamedTuple):
    """Rules joined into one alternation (`pattern`), the strings one of which each of its
    matches holds (`needed`, None when unknown or not looked for) and each rule's pattern with
    its own (`parts`; empty when the rules are all anchored at the line's start or cannot be
    searched apart: a rule refers to a group by number)."""
    pattern: re.Pattern
    needed: frozenset[str] | None
    parts: tuple[tuple[str, frozenset[str] | None], ...]


def join(patterns: list[str], flags: int, spaced: bool = False, anchored: bool = False) -> Rules:
    """The alternation of `patterns`, in their order, with what a line must hold to match it
    (`spaced`: see needed_strings). Rules all anchored at the line's start ("^...") are tried
    there only, mostly for less than looking for their strings: they get none unless `anchored`."""
    pattern = _alternation(tuple(patterns), flags)
    if all(p.startswith("^") for p in patterns) and not anchored:
        return Rules(pattern, None, ())
    parts = tuple((p, needed_strings(p, flags, spaced)) for p in patterns)
    needed = None if any(n is None for _, n in parts) else frozenset().union(*(n for _, n in parts))
    return Rules(pattern, needed, () if any(map(refers_back, patterns)) else parts)


@lru_cache(maxsize=256)
def _alternation(patterns: tuple[str, ...], flags: int) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@lru_cache(maxsize=None)
def needed_strings(pattern: str, flags: int = 0, spaced: bool = False) -> frozenset[str] | None:
    """Lower-case strings one of which every match of `pattern` holds; None when none is known.
    `spaced`: in a text whose only white space is single spaces (a line of pagerules.page_lines),
    where "\\s" and "\\s+" match one space and "\\s*" none or one.

    >>> sorted(needed_strings(r"\\b(sign up|newsletter)\\b"))
    ['newsletter', 'sign up']
    >>> sorted(needed_strings(r"\\s*\\((?:photo|image)s?\\b"))
    ['(image', '(photo']
    >>> needed_strings(r"^\\s*\\d+\\s*$") is None
    True
    >>> sorted(needed_strings(r"\\s+on\\s+\\d", spaced=True))
    [' on ']
    """
    try:
        parsed = _parser.parse(pattern, flags)
        found = _needed(_single_spaces(parsed) if spaced else parsed)
    except (re.error, RecursionError, TypeError):
        return None
    if not found or any(not string or "\n" in string for string in found):
        return None
    return frozenset(string.lower() for string in found)


def _single_spaces(items) -> list:
    """The parsed items as they match a text whose only white space is single spaces: a class
    of white space ("\\s") is a space, and a run of it (min 0 or 1) at most one space."""
    found = []
    for op, av in items:
        if op is _c.IN and av == [(_c.CATEGORY, _c.CATEGORY_SPACE)]:
            found.append((_c.LITERAL, ord(" ")))
        elif op in _REPEATS and av[0] <= 1 and list(av[2]) == [(_c.IN, [(_c.CATEGORY, _c.CATEGORY_SPACE)])]:
            found.append((op, (av[0], 1, [(_c.LITERAL, ord(" "))])))
        elif op in _REPEATS:
            found.append((op, (av[0], av[1], _single_spaces(av[2]))))
        elif op is _c.BRANCH:
            found.append((op, (av[0], [_single_spaces(branch) for branch in av[1]])))
        elif op is _c.SUBPATTERN:
            found.append((op, (*av[:-1], _single_spaces(av[-1]))))
        else:  # an atomic group keeps its white space as parsed: it tells less, still truly
            found.append((op, av))
    return found


def _char(code: int) -> str | None:
    # A line is compared with ASCII letters lower-cased (LoweredPage). The regular expression
    # engine's case folding matches an ASCII letter with its other case and with four letters
    # beyond ASCII (which LoweredPage maps to it), and a character without case only with
    # itself; a cased letter beyond ASCII gives no needed string.
    char = chr(code)
    return char if char.isascii() or char.lower() == char == char.upper() else None


def _exact(items) -> set[str] | None:
    """Every string the sequence `items` can match (zero-width assertions pass as ''), or None
    when they are not a few."""
    strings = {""}
    for op, av in items:
        options = _exact_item(op, av)
        if options is None:
            return None
        strings = {a + b for a, b in product(strings, options)}
        if len(strings) > MAX_STRINGS:
            return None
    return strings


def _exact_item(op, av) -> set[str] | None:
    if op is _c.LITERAL:
        char = _char(av)
        return None if char is None else {char}
    if op in _ZERO_WIDTH:
        return {""}
    if op is _c.IN:
        chars = {_char(code) for kind, code in av if kind is _c.LITERAL} if all(
            kind is _c.LITERAL for kind, _ in av) and len(av) <= MAX_CLASS else {None}
        return None if None in chars else chars
    if op is _c.BRANCH:
        options = [_exact(branch) for branch in av[1]]
        return None if None in options else set().union(*options)
    if op is _c.SUBPATTERN:
        return _exact(av[-1])
    if op in _REPEATS and av[1] <= 3:
        one = _exact(av[2])
        if one is None:
            return None
        strings, found = {""}, {""} if av[0] == 0 else set()
        for count in range(1, av[1] + 1):
            strings = {a + b for a, b in product(strings, one)}
            if len(strings) > MAX_STRINGS:
                return None
            found |= strings if count >= av[0] else set()
        return found
    return None


def _needed(items) -> set[str] | None:
    """Strings one of which every match of the sequence holds: the best of its runs of items
    that match a few strings exactly and of what its parts need (a branch: one of each
    branch's), or None."""
    candidates, run = [], {""}
    for op, av in items:
        options = _exact_item(op, av)
        joined = None if options is None else {a + b for a, b in product(run, options)}
        if joined is not None and len(joined) <= MAX_STRINGS:
            run = joined
            candidates.append(run)
            continue
        candidates.append(run)
        run = options if options is not None else {""}
        if options is None:
            candidates.append(_needed_item(op, av))
    candidates.append(run)
    candidates = [c for c in candidates if c and "" not in c]
    # The most telling set: its shortest string longest (up to TELLING characters: a longer one
    # is hardly rarer on a page), then the fewest strings (each is looked for on every page).
    return max(candidates, key=lambda c: (min(TELLING, *map(len, c)), -len(c), min(map(len, c))), default=None)


def _needed_item(op, av) -> set[str] | None:
    if op is _c.BRANCH:
        options = [_needed(branch) for branch in av[1]]
        return None if None in options else set().union(*options)
    if op in (_c.SUBPATTERN, getattr(_c, "ATOMIC_GROUP", None)):
        return _needed(av[-1] if op is _c.SUBPATTERN else av)
    if op in _REPEATS and av[0] >= 1:
        return _needed(av[2])
    return None


def refers_back(pattern: str) -> bool:
    """Whether `pattern` refers to a group by number or name ("(a)\\1", "(?(1)a|b)"): joined with
    other rules, its group numbers change."""
    return bool(re.search(r"\\[1-9]|\(\?P=|\(\?\(", pattern))


@lru_cache(maxsize=1)
def _folding_to_ascii() -> dict[int, str]:
    """{character beyond ASCII: the ASCII letter the engine's case folding matches it with}
    ("ſ" and "s", "K" (Kelvin) and "k", "İ" and "ı" with "i"). Read from the engine over the
    Basic Multilingual Plane (8 ms; all of Unicode took 140 ms and found the same four)."""
    letters = "".join(map(chr, range(0x80, 0x10000)))
    return {ord(char): next(a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, char, re.IGNORECASE))
            for char in re.findall("[a-z]", letters, re.IGNORECASE)}


@lru_cache(maxsize=None)
def _keys(needed: frozenset[str]) -> dict[bytes, list[bytes]]:
    """The needed strings (UTF-8) under words they hold, the word in the most strings first
    ("cookies" for "we use cookies" and "accept all cookies"): the page is searched for the
    fewer words, and for the strings of the words it holds."""
    words = {string: re.findall(r"[^\W\d_]{3,}", string) or [string] for string in needed}
    keys: dict[bytes, list[bytes]] = {}
    left = sorted(needed)
    while left:
        counts = Counter(word for string in left for word in set(words[string]))
        key = max(sorted(counts), key=lambda word: (counts[word], len(word)))
        keys[key.encode()] = [string.encode() for string in left if key in string]
        left = [string for string in left if key not in string]
    return keys


class LoweredPage:
    """A page's lines as UTF-8 with their ASCII letters lower-cased, the way needed strings are
    compared with them: a string is in a line exactly when its bytes are in the line's (and
    bytes were searched twice as fast as a str that holds a curly quote), and lower-casing
    bytes is ten times faster than str.lower. The four letters the engine matches with ASCII
    ones are made those first."""

    def __init__(self, lines: list[str]):
        text = "\n".join(lines)
        if any(chr(code) in text for code in _folding_to_ascii()):
            text = text.translate(_folding_to_ascii())
        self._text = text.encode().lower()
        self.lines = self._text.split(b"\n")
        self._aligned = len(self.lines) == len(lines)  # else a line holds a line break: each apart
        if not self._aligned:
            self.lines = [LoweredPage([line.replace("\n", " ")]).lines[0] for line in lines]
        self._starts: list[int] = []
        self._on_page: dict[bytes, bool] = {}

    def on_page(self, string: bytes) -> bool:
        """Whether the page holds `string` (each string searched once a page)."""
        found = self._on_page.get(string)
        if found is None:
            found = self._on_page[string] = string in self._text
        return found

    def holding(self, needed: frozenset[str] | None) -> list[bool]:
        """For each line, whether it holds one of the `needed` strings (all True for None)."""
        if needed is None:
            return [True] * len(self.lines)
        found = self._lines_holding(needed)
        return [i in found for i in range(len(self.lines))]

    def _lines_holding(self, needed: frozenset[str]) -> set[int]:
        """The lines that hold one of the `needed` strings. The page is searched first: most
        needed strings are on none of its lines."""
        held = [string for key, strings in _keys(needed).items() if self.on_page(key)
                for string in strings if self.on_page(string)]
        if not held or not self._aligned:
            return {i for i, line in enumerate(self.lines) if any(string in line for string in held)} if held else set()
        # Each string is found in the page's text: it holds no line break, so each place lies in
        # one line (testing every line for every string cost most of the filter's time).
        if not self._starts:  # where each line starts in the text, and where the text ends
            self._starts = list(accumulate(map(len, self.lines), lambda start, n: start + n + 1, initial=0))
        found: set[int] = set()
        for string in held:
            at = self._text.find(string)
            while at != -1:
                line = bisect_right(self._starts, at) - 1
                found.add(line)
                at = self._text.find(string, self._starts[line + 1])
        return found

    def patterns(self, rules: Rules) -> list[re.Pattern | None]:
        """For each line, the alternation of the rules that may match it, in their order (a
        rule that can match nowhere in a line changes no match of the others), or None when
        none may."""
        if rules.needed is None and not rules.parts:
            return [rules.pattern] * len(self.lines)
        parts = rules.parts or ((rules.pattern.pattern, rules.needed),)
        # the rules every line may match (None needed), and the lines each other rule may match
        held = [None if needed is None else self._lines_holding(needed) for _, needed in parts]
        every = self._alternation([p for (p, _), lines in zip(parts, held) if lines is None], rules)
        found = [every] * len(self.lines)
        for i in set().union(*(lines for lines in held if lines is not None)):
            found[i] = self._alternation([p for (p, _), lines in zip(parts, held) if lines is None or i in lines],
                                         rules)
        return found

    @staticmethod
    def _alternation(kept: list[str], rules: Rules) -> re.Pattern | None:
        if not kept:
            return None
        return rules.pattern if len(kept) == max(len(rules.parts), 1) else _alternation(tuple(kept), rules.pattern.flags)
