"""Finding every match of a regular expression in a whole article faster than re.finditer, with
the same matches.

re skips ahead in C only for a pattern that opens with a literal or a character class; any other
(one opening with a look-behind, a group or a look-ahead, as most of the taggers' patterns do) is
tried at every character of the text. A Scan finds the few positions where a match can start
with patterns that do open with a character class, and tries the pattern only there, in
finditer's order: the leftmost match, then the leftmost one from where it ended. Finding the
numbers of 200 articles took a quarter of the figures tagger; scanned, it takes a third of that.
"""
from __future__ import annotations

import re


class Scan:
    """`pattern` (which never matches the empty string) with where its matches can start:
    - at the start of the text, or where the match before it ended (always tried);
    - after a character of the class `before` (r"\\W" for a pattern opening with r"\\b\\d"), where
      `opens` matches when given (a class of first characters, or a cheaper pattern every match
      opens with): both and the whole pattern are tested in C, so only the starts of matches
      come back to Python;
    - at each match of `first`, a pattern opening with a character class of rare characters
      (",", or a digit), each tried in Python.
    A start that none of these gives is never tried: the caller reads them off the pattern."""

    def __init__(self, pattern: re.Pattern, before: str | None = None, opens: str = "",
                 first: str | None = None):
        self.pattern = pattern
        opening = f"(?={opens})" if opens else ""
        self.before = re.compile(rf"{before}{opening}(?=(?:{pattern.pattern}))", pattern.flags) if before else None
        self.first = re.compile(first) if first else None

    def finditer(self, text: str) -> list[re.Match]:
        """The matches pattern.finditer(text) gives, in text order."""
        starts = {0}
        if self.before is not None:
            starts.update(m.end() for m in self.before.finditer(text))
        if self.first is not None:
            starts.update(m.start() for m in self.first.finditer(text))
        found, end, match = [], 0, self.pattern.match
        for start in sorted(starts):
            m = match(text, start) if start >= end else None
            while m is not None:  # the next match may start where this one ends
                found.append(m)
                end = m.end()
                m = match(text, end)
        return found


# Characters on which str.lower() and re.IGNORECASE disagree for a pattern of lower-case ASCII
# letters and uncased characters: "ı" and "ſ" match "i" and "s" caselessly but lower to
# themselves ("İ" lowers to two characters, which the length test catches). A test checks every
# cased character of Unicode.
UNLIKE_LOWER = re.compile("[\u0131\u017f]")
# What may make a pattern's cased copy differ on lowered text: an upper-case literal, an escape
# that writes a character by number or refers back, an inline flag, or an escaped backslash
# (which would hide an upper-case literal after it). Class escapes (\w, \S ...) have no case.
NOT_PLAIN = re.compile(r"(?<!\\)[A-Z]|\\[^\W_wWsSdDbBAZnt]|\\\\|\(\?[-a-zA-Z]")


class Caseless:
    """A pattern matched without regard to case, run where it can be as the same pattern with
    case on the lowered text: re tests a caseless character class or literal by lowering every
    character it tries, which made the modality cues and vague amounts a fifth of the figures
    tagger; on the lowered text they take a third of that time. Same matches when every letter
    of the pattern is a lower-case ASCII letter and every other character has no case (else,
    and on a text holding UNLIKE_LOWER or lowering to another length, the caseless pattern runs)."""

    def __init__(self, source: str):
        self.caseless = re.compile(source, re.IGNORECASE)
        plain = not NOT_PLAIN.search(source) and all(char.isascii() or char.lower() == char.upper() for char in source)
        self.cased = re.compile(source) if plain else None

    def spans(self, text: str, lowered: str) -> list[tuple[int, int]]:
        """(start, end) of each match of the caseless pattern in `text`; `lowered` is text.lower()."""
        if self.cased is None or len(lowered) != len(text) or UNLIKE_LOWER.search(text):
            return [m.span() for m in self.caseless.finditer(text)]
        return [m.span() for m in self.cased.finditer(lowered)]

