"""Sentences and headings, with character offsets into the cleaned text.

A blank English spaCy pipeline (its tokenizer knows "U.S.", "H." and clitics; no model is
downloaded) plus one rule-based component: a sentence starts at every line, and after a
sentence-final stop when the next word starts with a capital, a digit or an opening quote.
Closing quotes stay with the sentence they close. A line that is short and has no final
punctuation (clean.is_heading), or the headline as first line, is one heading "sentence".
Tagging sources, figures and frames is left to the other modules; they read doc.user_data.
"""
from __future__ import annotations

import re
from collections.abc import Set
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

import numpy as np
import pandas as pd

from .clean import is_heading

if TYPE_CHECKING:  # spaCy is imported where tagging starts (pipeline), not with the package
    from spacy.language import Language
    from spacy.tokens import Doc, Span

# A stop (or ! ? …), any closing quotes or brackets, space, then what can open a sentence.
BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*[ \t]+(?=[\"“‘'(\[]?[A-Z0-9])")
LINE = re.compile(r"[^\n]+")
SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "is_heading"]


def mark_sentences(doc: Doc) -> Doc:
    """Set sentence starts and doc.user_data["headings"] (token indices of heading starts).

    Works on characters with two regexes and maps the offsets to tokens, because a Python loop
    over every token would cost more than the tokenizer itself. A stop only ends a sentence when
    the tokenizer made it a token of its own, so abbreviations in spaCy's exceptions ("U.S.",
    "H.") never do.
    """
    if len(doc) == 0:
        return doc
    text = doc.user_data["text"] = doc.text  # Doc.text is rebuilt from every token on each access
    token_starts = doc.to_array("IDX").astype(np.int64)
    starts, headings = set(), set()
    for line in LINE.finditer(text):
        lead = len(line.group()) - len(line.group().lstrip())
        first = int(np.searchsorted(token_starts, line.start() + lead))
        if first >= len(doc) or doc[first].is_space:
            continue
        starts.add(first)
        words = line.group().strip()
        if is_heading(words) or (line.start() == 0 and is_heading(words, first=True)):
            headings.add(first)
            continue
        for boundary in BOUNDARY.finditer(words):
            stop = line.start() + lead + boundary.start()
            at = int(np.searchsorted(token_starts, stop))
            if at < len(doc) and token_starts[at] == stop and doc[at].text[0] in ".!?…":
                starts.add(int(np.searchsorted(token_starts, line.start() + lead + boundary.end())))
    sent_start = np.full(len(doc), -1, dtype=np.int64)
    sent_start[sorted(i for i in starts if i < len(doc))] = 1
    sent_start[0] = 1
    doc.from_array(["SENT_START"], sent_start.astype(np.uint64))
    doc.user_data["headings"] = headings
    return doc


@lru_cache(maxsize=None)
def pipeline() -> Language:
    """The shared blank English pipeline with the sentence rules (built once per process)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("medialens_sentences"):
        Language.component("medialens_sentences", func=mark_sentences)
    nlp = spacy.blank("en")
    nlp.add_pipe("medialens_sentences")
    return nlp


class _StopWords(Set):
    """spaCy's English stop words, read from spaCy when first asked, so that a module whose
    rules read them imports without spaCy (`from ..sentences import STOP_WORDS`)."""

    def _load(self) -> frozenset[str]:
        from spacy.lang.en.stop_words import STOP_WORDS as words

        self.words = frozenset(words)
        return self.words

    def __contains__(self, word) -> bool:
        try:
            return word in self.words
        except AttributeError:
            return word in self._load()

    def __iter__(self):
        return iter(self.__dict__.get("words") or self._load())

    def __len__(self) -> int:
        return len(self.__dict__.get("words") or self._load())


STOP_WORDS = _StopWords()


def doc_text(doc: Doc) -> str:
    """The Doc's text, read once by the sentence component and kept for the taggers."""
    return doc.user_data["text"] if "text" in doc.user_data else doc.text


def iter_sentences(doc: Doc) -> Iterator[tuple[int, Span, bool]]:
    """(sent_id, span, is_heading) for each sentence of a Doc made by `pipeline()`."""
    if len(doc) == 0:
        return
    headings = doc.user_data.get("headings", set())
    # One array for the whole Doc: making a Token object per token cost as much as tokenizing.
    is_word = ~doc.to_array("IS_SPACE").astype(bool)
    sent_id = 0
    for span in doc.sents:
        words = np.flatnonzero(is_word[span.start:span.end])
        if len(words) == 0:
            continue
        first, last = span.start + int(words[0]), span.start + int(words[-1])
        yield sent_id, doc[first: last + 1], first in headings
        sent_id += 1


def sentence_rows(doc: Doc, doc_id: str) -> list[dict]:
    return [{"doc_id": doc_id, "sent_id": sent_id, "start": span.start_char, "end": span.end_char,
             "text": span.text, "is_heading": heading}
            for sent_id, span, heading in iter_sentences(doc)]


def split_sentences(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence. Columns: doc_id, sent_id, start, end (offsets into documents.text,
    end exclusive), text, is_heading."""
    nlp = pipeline()
    rows = [row for doc_id, doc in zip(documents.doc_id, nlp.pipe(documents.text))
            for row in sentence_rows(doc, doc_id)]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
