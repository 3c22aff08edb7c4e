"""Matching spaCy-style JSONL token patterns fast, for every tagger that reads pattern files.

spaCy's Matcher makes a Python Token object for each token it reads, for each call, which cost
more than tokenizing: so a pattern of plain words goes to a PhraseMatcher (a trie walked in C),
and every other pattern is run only over the few tokens where it can match. Reading the files
is lexicons.py's job; what a match means is each tagger's.
"""
from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_right
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .errors import MedialensError
from .lexicons import data_path, read_patterns
from .sentences import pipeline, sentence_bounds, token_array

if TYPE_CHECKING:  # spaCy is imported where matching starts, not with the package
    from spacy.matcher import Matcher
    from spacy.tokens import Doc

    from .context import DocContext

# Phrases one pattern of plain words may expand into (the built-in lexicons reach 1,764). A user's
# pattern with several long IN lists would expand into every combination (one of 540 bytes
# exhausted 23 GB); above this it is matched by the Matcher, which reads IN lists as they are.
MAX_PHRASES = 5_000
UNBOUNDED = 1 << 30  # the reach of a pattern with "*", "+" or "{n,}": to the sentence's end
QUANTIFIER = re.compile(r"\{(\d*)(,?)(\d*)\}")


class Anchored(NamedTuple):
    """A Matcher of one pattern, and what must hold around a token for a match to start there."""
    matcher: Matcher
    starts: frozenset[int]  # LOWER hashes of the words a match can start with
    # For each required word list after the first required token, its LOWER hashes: one word of
    # each must follow the start in reach; and the flags ("LIKE_NUM") a token there must have.
    witnesses: tuple[frozenset[int], ...]
    flags: tuple[str, ...]
    reach: int  # the most tokens a match can span


class Found(NamedTuple):
    """One match as the taggers read it, with the names of a spaCy Span's attributes (so
    spacy.util.filter_spans takes it), made without a Span: a Span reads three Token objects to
    find its characters, which cost more than matching."""
    label_: str
    start: int  # first token
    end: int  # token after the last
    start_char: int
    end_char: int


class PatternSet:
    """The patterns of the JSONL lexicons `names`, each match labelled with its row's "label"
    (or, with label_by_file, the file's name, followed by "/" and the row's "id" where it has one,
    so a match keeps the reason it counts: "conflict/q2_reproach"):
    - a pattern of plain words ({"LOWER": w} or {"LOWER": {"IN": [...]}} per token, "OP": "?"
      allowed; ORTH for punctuation such as "'s") is expanded to its phrases for one PhraseMatcher,
      unless it would make more than MAX_PHRASES of them;
    - any other pattern ("should ... be confirmed") goes to a Matcher of its own that is only run
      from the tokens it can start with ("should") to as far as a match can reach in their
      sentence, and only where every word list the match needs after its first word ("be",
      "confirmed") and every plain flag token ({"LIKE_NUM": true}) has a token in that reach:
      found by hash lookups over the whole Doc at once. A Matcher over whole sentences read every
      token of them in Python, and some patterns start with words as common as "is";
    - a pattern that can start with any word goes to one Matcher run over the whole Doc.
    A match never crosses a sentence boundary, except in that last Matcher.
    A pattern spaCy rejects is a one-line error naming the file and the pattern's number."""

    def __init__(self, names: list[str], lexicons: dict[str, str] | None = None,
                 label_by_file: bool = False):
        from spacy.matcher import Matcher, PhraseMatcher

        self.vocab = pipeline().vocab
        self.phrases = PhraseMatcher(self.vocab, attr="LOWER")
        self.everywhere = Matcher(self.vocab, validate=True)
        self.anchored: list[Anchored] = []
        for name in names:
            for number, row in enumerate(read_patterns(name, lexicons), 1):
                label = str(row.get("label", name))
                if label_by_file:
                    label = f'{name}/{row["id"]}' if row.get("id") else name
                try:
                    self._add(label, row["pattern"])
                except (KeyError, TypeError, ValueError, AttributeError) as error:
                    raise MedialensError(f"{data_path(name, lexicons)} pattern {number}",
                                         f"not a spaCy token pattern ({str(error).strip().splitlines()[0]})") from None
        # Every start and witness word of the anchored patterns, sorted for one binary search
        # per Doc, and which patterns each word starts, and which of their word lists it is in.
        words = sorted({w for a in self.anchored for w in a.starts.union(*a.witnesses)})
        self.words = np.array(words, dtype=np.uint64)
        self.starts_of = [[(k, a.reach) for k, a in enumerate(self.anchored) if w in a.starts] for w in words]
        self.witness_of = [[(k, j) for k, a in enumerate(self.anchored) for j, ws in enumerate(a.witnesses) if w in ws]
                           for w in words]

    def _add(self, label: str, pattern: list[dict]) -> None:
        from spacy.matcher import Matcher

        words = word_lists(pattern)
        if words is not None and math.prod(len(w) for w in words) <= MAX_PHRASES:
            # A phrase given as the LOWER hashes of its words, as the PhraseMatcher would read
            # them from a Doc of the words: making 32,000 Docs took most of the start-up. Each
            # word is hashed once per position, not once per phrase it is in ("" hashes to 0).
            strings = self.vocab.strings
            hashes = [[strings.add(w) if w else 0 for w in position] for position in words]
            phrases = itertools.product(*hashes)
            if any("" in position for position in words):  # a word that may be left out
                phrases = (tuple(filter(None, phrase)) for phrase in phrases)
            self.phrases.add(label, [phrase for phrase in phrases if phrase])
            return
        starts = first_words(pattern)
        if starts is None:
            self.everywhere.add(label, [pattern])
            return
        matcher = Matcher(self.vocab, validate=True)
        matcher.add(label, [pattern])
        self.anchored.append(Anchored(matcher, self._hashes(starts), tuple(map(self._hashes, witness_words(pattern))),
                                      tuple(witness_flags(pattern)), reach(pattern)))

    def _hashes(self, words: list) -> frozenset[int]:
        return frozenset(self.vocab.strings.add(str(w).lower()) for w in words)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(label hash, start token, end token) of every match: the phrases', then the
        Matchers' in the order of their patterns, each Matcher's in text order."""
        found = list(self.phrases(doc))
        if len(self.everywhere):  # an empty Matcher warns on every call
            found += list(self.everywhere(doc))
        if not self.anchored or not len(doc):
            return found
        for pattern, ranges in zip(self.anchored, self._ranges(doc)):
            for start, end in merged(ranges):
                found += [(label, start + a, start + b) for label, a, b in pattern.matcher(doc[start:end])]
        return found

    def _ranges(self, doc: Doc) -> list[list[tuple[int, int]]]:
        """Per anchored pattern, the token ranges [start, end) to run its Matcher on: from each
        token it can start with, as far as it can reach in the sentence, where its witnesses
        follow. The few tokens of the start and witness words are gathered in one pass, as
        numpy calls per pattern on arrays this small cost more than the loop (they were a third
        of the hedges tagger)."""
        lower = token_array(doc, "LOWER")
        row = np.minimum(np.searchsorted(self.words, lower), len(self.words) - 1)
        hit = np.flatnonzero(self.words[row] == lower)
        sent_starts, sent_ends = sentence_bounds(doc)
        hit_ends = sent_ends[np.searchsorted(sent_starts, hit, side="right") - 1]
        starts: list[list[tuple[int, int]]] = [[] for _ in self.anchored]
        seen: list[list[list[int]]] = [[[] for _ in a.witnesses] for a in self.anchored]
        for i, r, end in zip(hit.tolist(), row[hit].tolist(), hit_ends.tolist()):
            for k, reach_k in self.starts_of[r]:
                starts[k].append((i, min(end, i + reach_k)))
            for k, j in self.witness_of[r]:
                seen[k][j].append(i)
        flagged: dict[str, list[int]] = {}  # the tokens with a flag, read once a pattern needs them
        for k, pattern in enumerate(self.anchored):
            for tokens in seen[k]:
                starts[k] = witnessed(starts[k], tokens)
            for flag in pattern.flags if starts[k] else ():
                if flag not in flagged:
                    flagged[flag] = np.flatnonzero(token_array(doc, flag)).tolist()
                starts[k] = witnessed(starts[k], flagged[flag])
        return starts

    def found(self, ctx: DocContext) -> list[Found]:
        """Every match of the context's Doc as a Found, in the order of __call__."""
        strings, starts, ends = self.vocab.strings, ctx.token_starts.tolist(), ctx.token_ends
        return [Found(strings[label], start, end, starts[start], ends[end - 1]) for label, start, end in self(ctx.doc)]


def in_sorted(values: np.ndarray, table: np.ndarray) -> np.ndarray:
    """np.isin(values, table) for a `table` sorted once: a binary search per value, where
    np.isin sorts both arrays again on every call."""
    if not len(table):
        return np.zeros(len(values), dtype=bool)
    return table[np.minimum(np.searchsorted(table, values), len(table) - 1)] == values


def witnessed(ranges: list[tuple[int, int]], witnesses: list[int]) -> list[tuple[int, int]]:
    """The ranges [start, end) with a witness token (`witnesses`, sorted) after their start."""
    kept = []
    for start, end in ranges:
        after = bisect_right(witnesses, start)
        if after < len(witnesses) and witnesses[after] < end:
            kept.append((start, end))
    return kept


def merged(ranges: list[tuple[int, int]]) -> list[list[int]]:
    """The token ranges [start, end) merged where they overlap. Each range holds every match that
    starts at its token (ends are cut at the sentence's end), so a match found in a merged range
    is one the whole sentence holds; and the ranges come in text order, so their matches are the
    sentence's in the Matcher's order."""
    out: list[list[int]] = []
    for start, end in ranges:
        if out and start < out[-1][1]:  # inside the last range, so in its sentence
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out


def reach(pattern: list[dict]) -> int:
    """The most tokens a match of `pattern` can span (UNBOUNDED with "*", "+" or "{n,}")."""
    total = 0
    for token in pattern:
        op = token.get("OP")
        if op in ("*", "+"):
            return UNBOUNDED
        quantifier = QUANTIFIER.fullmatch(op) if isinstance(op, str) else None
        if quantifier is None:
            total += 1  # one token, "?" or "!"
        elif quantifier.group(2) and not quantifier.group(3):
            return UNBOUNDED  # "{n,}"
        else:
            total += int(quantifier.group(3) or quantifier.group(1) or 0)
    return total


def token_words(token: dict) -> list | None:
    """The words a pattern token allows ({"LOWER": w}, {"ORTH": {"IN": [...]}}), else None."""
    value = token.get("LOWER", token.get("ORTH"))
    return [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None


def is_required(token: dict) -> bool:
    """Whether a pattern token matches at least one token: no "OP", "+", or "{n,m}" with n >= 1."""
    op = token.get("OP")
    quantifier = QUANTIFIER.fullmatch(op) if isinstance(op, str) else None
    return op in (None, "+") or quantifier is not None and int(quantifier.group(1) or 0) >= 1


def witness_words(pattern: list[dict]) -> list[list]:
    """The word lists of the required tokens after the first required one: every match holds
    a word of each after its first word ("be" and "confirmed" in "should ... be confirmed")."""
    required = [token for token in pattern if is_required(token)]
    return [words for words in map(token_words, required[1:]) if words]


def witness_flags(pattern: list[dict]) -> list[str]:
    """The flags of the required tokens after the first required one that test nothing else
    ({"LIKE_NUM": True}): every match holds a token with each flag after its first word."""
    required = [token for token in pattern if is_required(token)]
    return [key for token in required[1:] for key, value in token.items()
            if key != "OP" and len(token) - ("OP" in token) == 1 and value is True
            and key.startswith(("IS_", "LIKE_")) and key != "IS_SENT_START"]


def first_words(pattern: list[dict]) -> list[str] | None:
    """The words a match of `pattern` can start with: those of its leading optional tokens ("?",
    "*", "{0,m}") and of its first required one ("(widely) regarded" starts with "widely" or
    "regarded"); None when one of them can be any word, so the pattern must be tried everywhere."""
    words = []
    for token in pattern:
        op = token.get("OP")
        allowed = token_words(token)
        if not allowed or op == "!":  # "!" matches any word but these
            return None
        words += allowed
        if not (op in ("?", "*") or isinstance(op, str) and re.fullmatch(r"\{0?,\d*\}|\{0\}", op)):
            return words
    return None


def word_lists(pattern: list[dict]) -> list[list[str]] | None:
    """For a pattern of plain word tokens, the lower-cased words allowed at each position ("" for
    a token that may be left out); None for any other pattern."""
    words = []
    for token in pattern:
        keys = set(token) - {"OP"}
        if len(keys) != 1 or not keys <= {"LOWER", "ORTH"} or token.get("OP") not in (None, "?"):
            return None
        value = token[keys.pop()]
        allowed = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) and list(value) == ["IN"] else None
        if not allowed or any(str(w) != str(w).lower() for w in allowed) and "ORTH" in token:
            return None  # ORTH "May" is not the word "may"
        words.append([str(w).lower() for w in allowed] + ([""] if token.get("OP") == "?" else []))
    return words or None
