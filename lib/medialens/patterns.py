"""Matching spaCy-style JSONL token patterns fast, for every tagger that reads pattern files.

spaCy's Matcher runs every token through Python for each pattern, which cost more than
tokenizing, so a pattern of plain words goes to a PhraseMatcher and only the rest to a Matcher.
Reading the files is lexicons.py's job; what a match means is each tagger's.
"""
from __future__ import annotations

import itertools
import math

import numpy as np
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .errors import MedialensError
from .lexicons import data_path, read_patterns
from .sentences import pipeline

# Phrases one pattern of plain words may expand into (the built-in lexicons reach 1,764). A user's
# pattern with several long IN lists would expand into every combination (one of 540 bytes
# exhausted 23 GB); above this it is matched by the Matcher, which reads IN lists as they are.
MAX_PHRASES = 5_000


class PatternSet:
    """The patterns of the JSONL lexicons `names`, each match labelled with its row's "label"
    (or, with label_by_file, the file's name, followed by "/" and the row's "id" where it has one,
    so a match keeps the reason it counts: "conflict/q2_reproach"):
    - a pattern of plain words ({"LOWER": w} or {"LOWER": {"IN": [...]}} per token, "OP": "?"
      allowed; ORTH for punctuation such as "'s") is expanded to its phrases for one PhraseMatcher,
      unless it would make more than MAX_PHRASES of them;
    - any other pattern ("should ... be confirmed") goes to a Matcher of its own that is only run
      over the sentences holding a word it can start with ("should"), found by a hash lookup: one
      Matcher for all would run every pattern wherever any of them could start, and some start
      with words as common as "is" or "said";
    - a pattern that can start with any word goes to one Matcher run over the whole Doc.
    A pattern spaCy rejects is a one-line error naming the file and the pattern's number."""

    def __init__(self, names: list[str], lexicons: dict[str, str] | None = None,
                 label_by_file: bool = False):
        self.vocab = pipeline().vocab
        self.phrases = PhraseMatcher(self.vocab, attr="LOWER")
        self.everywhere = Matcher(self.vocab, validate=True)
        self.anchored: list[tuple[Matcher, np.ndarray]] = []  # a Matcher and its first words' hashes
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

    def _add(self, label: str, pattern: list[dict]) -> None:
        words = word_lists(pattern)
        if words is not None and math.prod(len(w) for w in words) <= MAX_PHRASES:
            phrases = [[w for w in phrase if w] for phrase in itertools.product(*words)]
            self.phrases.add(label, [Doc(self.vocab, words=p) for p in phrases if p])
            return
        starts = first_words(pattern)
        if starts is None:
            self.everywhere.add(label, [pattern])
            return
        matcher = Matcher(self.vocab, validate=True)
        matcher.add(label, [pattern])
        hashes = sorted({self.vocab.strings.add(str(w).lower()) for w in starts})
        self.anchored.append((matcher, np.array(hashes, dtype=np.uint64)))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(label hash, start token, end token) of every match."""
        found = list(self.phrases(doc))
        if len(self.everywhere):  # an empty Matcher warns on every call
            found += list(self.everywhere(doc))
        if not self.anchored or not len(doc):
            return found
        lower = doc.to_array("LOWER")
        sent_starts = np.flatnonzero(doc.to_array("SENT_START") == 1)
        if not len(sent_starts) or sent_starts[0] != 0:
            sent_starts = np.concatenate([[0], sent_starts])
        sent_ends = np.append(sent_starts[1:], len(doc))
        for matcher, anchors in self.anchored:
            at = np.flatnonzero(np.isin(lower, anchors))
            for k in np.unique(np.searchsorted(sent_starts, at, side="right") - 1):
                start, end = int(sent_starts[k]), int(sent_ends[k])
                found += [(label, start + a, start + b) for label, a, b in matcher(doc[start:end])]
        return found

    def spans(self, doc: Doc) -> list[Span]:
        return [Span(doc, start, end, label=label) for label, start, end in self(doc)]


def first_words(pattern: list[dict]) -> list[str] | None:
    """The words a match of `pattern` can start with: those of its leading optional tokens and of
    its first required one ("(widely) regarded" starts with "widely" or "regarded"); None when one
    of them can be any word, so the pattern must be tried everywhere."""
    words = []
    for token in pattern:
        value = token.get("LOWER", token.get("ORTH"))
        allowed = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
        if not allowed:
            return None
        words += allowed
        if token.get("OP") not in ("?", "*"):
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
