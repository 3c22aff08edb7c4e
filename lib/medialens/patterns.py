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
    (or, with label_by_file, the file's name):
    - a pattern of plain words ({"LOWER": w} or {"LOWER": {"IN": [...]}} per token, "OP": "?"
      allowed; ORTH for punctuation such as "'s") is expanded to its phrases for one PhraseMatcher,
      unless it would make more than MAX_PHRASES of them;
    - any other pattern ("should ... be confirmed") goes to a Matcher that is only run over the
      sentences holding a word its first token needs ("should"), found by a hash lookup.
    A pattern spaCy rejects is a one-line error naming the file and the pattern's number."""

    def __init__(self, names: list[str], lexicons: dict[str, str] | None = None,
                 label_by_file: bool = False):
        vocab = pipeline().vocab
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.patterns = Matcher(vocab, validate=True)
        anchors: set[int] = set()  # LOWER hashes a Matcher pattern can start with
        self.everywhere = False  # a Matcher pattern with no first word: run it on the whole Doc
        for name in names:
            for number, row in enumerate(read_patterns(name, lexicons), 1):
                label = name if label_by_file else str(row.get("label", name))
                try:
                    anchors |= self._add(vocab, label, row["pattern"])
                except (KeyError, TypeError, ValueError, AttributeError) as error:
                    raise MedialensError(f"{data_path(name, lexicons)} pattern {number}",
                                         f"not a spaCy token pattern ({str(error).strip().splitlines()[0]})") from None
        self.anchors = np.array(sorted(anchors), dtype=np.uint64)

    def _add(self, vocab, label: str, pattern: list[dict]) -> set[int]:
        words = word_lists(pattern)
        if words is not None and math.prod(len(w) for w in words) <= MAX_PHRASES:
            phrases = [[w for w in phrase if w] for phrase in itertools.product(*words)]
            self.phrases.add(label, [Doc(vocab, words=p) for p in phrases if p])
            return set()
        self.patterns.add(label, [pattern])
        values = first_words(pattern)
        self.everywhere |= values is None
        return {vocab.strings.add(str(v).lower()) for v in values or ()}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(label hash, start token, end token) of every match."""
        found = list(self.phrases(doc))
        if not len(self.patterns):
            return found  # an empty Matcher warns on every call
        if self.everywhere:
            return found + list(self.patterns(doc))
        searched = set()
        for i in np.flatnonzero(np.isin(doc.to_array("LOWER"), self.anchors)):
            sentence = doc[int(i)].sent
            if sentence.start not in searched:
                searched.add(sentence.start)
                found += [(label, sentence.start + a, sentence.start + b) for label, a, b in self.patterns(sentence)]
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
