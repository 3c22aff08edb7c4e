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
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .clean import is_heading

if TYPE_CHECKING:  # spaCy is imported where tagging starts (pipeline), not with the package
    from spacy.language import Language
    from spacy.tokens import Doc

# A stop (or ! ? …), any closing quotes or brackets, space, then what can open a sentence.
BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*[ \t]+(?=[\"“‘'(\[]?[A-Z0-9])")
LINE = re.compile(r"[^\n]+")
SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "is_heading"]


def mark_sentences(doc: Doc) -> Doc:
    """Set sentence starts, doc.user_data["sentence_starts"] (their token indices, an array)
    and doc.user_data["headings"] (token indices of heading starts).

    Works on characters with two regexes and maps the offsets to tokens, because a Python loop
    over every token would cost more than the tokenizer itself. A stop only ends a sentence when
    the tokenizer made it a token of its own, so abbreviations in spaCy's exceptions ("U.S.",
    "H.") never do.
    """
    if len(doc) == 0:
        return doc
    text = doc.user_data["text"] = doc_text(doc)
    token_starts = doc.to_array("IDX").astype(np.int64)
    is_space = doc.to_array("IS_SPACE").astype(bool)
    lines = [(line.start(), line.group()) for line in LINE.finditer(text)]
    content = [start + len(line) - len(line.lstrip()) for start, line in lines]
    starts, headings, stops, after = set(), set(), [], []
    for (start, line), offset, first in zip(lines, content, np.searchsorted(token_starts, content).tolist()):
        if first >= len(doc) or is_space[first]:
            continue
        starts.add(first)
        words = line.strip()
        if is_heading(words) or (start == 0 and is_heading(words, first=True)):
            headings.add(first)
            continue
        for boundary in BOUNDARY.finditer(words):
            stops.append(offset + boundary.start())
            after.append(offset + boundary.end())
    # A stop ends a sentence only where a token starts with it (BOUNDARY begins with a stop).
    at = np.minimum(np.searchsorted(token_starts, stops), len(doc) - 1)
    ends = np.asarray(stops, dtype=np.int64) == token_starts[at]
    starts.update(np.searchsorted(token_starts, np.asarray(after, dtype=np.int64)[ends]).tolist())
    sent_start = np.full(len(doc), -1, dtype=np.int64)
    sent_start[sorted(i for i in starts if i < len(doc))] = 1
    sent_start[0] = 1
    doc.from_array(["SENT_START"], sent_start.astype(np.uint64))
    doc.user_data["sentence_starts"] = np.flatnonzero(sent_start == 1)
    doc.user_data["headings"] = headings
    return doc


@lru_cache(maxsize=None)
def pipeline() -> Language:
    """The shared blank English pipeline with the sentence rules (built once per process).

    It is spacy.blank("en") made from the same parts (the English defaults, spaCy's own tokenizer
    and empty-vectors factories) without resolving and validating a config, which took half of
    building it."""
    from spacy.lang.en import English
    from spacy.language import Language, create_tokenizer
    from spacy.vectors import Vectors

    if not Language.has_factory("medialens_sentences"):
        Language.component("medialens_sentences", func=mark_sentences)
    nlp = English(create_tokenizer=create_tokenizer(), create_vectors=lambda vocab: Vectors(strings=vocab.strings))
    nlp.tokenizer = CachingTokenizer(nlp.tokenizer)
    nlp.add_pipe("medialens_sentences")
    return nlp


class _StopWords(Set):
    """spaCy's English stop words, read when first asked (textshape.spacy_stop_words, which does
    not import spaCy), so that a module whose rules read them imports without spaCy
    (`from ..sentences import STOP_WORDS`)."""

    def _load(self) -> frozenset[str]:
        from .textshape import spacy_stop_words

        self.words = spacy_stop_words()
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


class CachingTokenizer:
    """spaCy's tokenizer, with its cache of word tokenizations filled as it is meant to be.

    spaCy caches how it split each space-delimited chunk ("said." -> "said", "."), but stops
    caching for the rest of a text once it met a special case ("U.S.", "\\n", an em dash): in
    news, after the first line. So every chunk not yet seen is tokenized once on its own first,
    which caches it exactly when spaCy would (chunks holding a special case stay uncached), and
    the text is then tokenized as usual: the same tokens, several times faster. The text is kept
    in doc.user_data["text"] (Doc.text is rebuilt from every token on each access)."""

    def __init__(self, tokenizer, cache_size: int = 200_000):
        self.tokenizer = tokenizer
        tokenizer.max_cache_size = cache_size  # spaCy's 10,000 fills up on a large corpus
        self.seen: set[str] = set()

    def __call__(self, text: str) -> Doc:
        tokenizer = self.tokenizer
        if len(self.seen) < tokenizer.max_cache_size:
            chunks = text.split()  # the chunks spaCy's tokenizer splits at whitespace
            for chunk in dict.fromkeys(chunks):  # in text order, so the vocabulary grows alike
                if chunk not in self.seen:
                    tokenizer(chunk)
            self.seen.update(chunks)
        doc = tokenizer(text)
        doc.user_data["text"] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):  # the rest of spaCy's Tokenizer (vocab, explain, to_bytes...)
        if name == "tokenizer":  # not set yet (while unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def doc_text(doc: Doc) -> str:
    """The Doc's text, as the tokenizer kept it for the taggers."""
    return doc.user_data["text"] if "text" in doc.user_data else doc.text


def token_array(doc: Doc, attr: str) -> np.ndarray:
    """Doc.to_array(attr), read once per Doc and kept with it (doc.user_data): every pattern
    set reads each token's LOWER hash, and each read of the Doc cost as much as a pattern set's
    work on it."""
    arrays = doc.user_data.setdefault("token_arrays", {})
    if attr not in arrays:
        arrays[attr] = doc.to_array(attr)
    return arrays[attr]


def sentence_bounds(doc: Doc) -> tuple[np.ndarray, np.ndarray]:
    """(first token, token after the last) of each sentence of a Doc, as arrays."""
    if "sentence_starts" in doc.user_data:
        starts = doc.user_data["sentence_starts"]
    else:
        starts = np.flatnonzero(doc.to_array("SENT_START") == 1)
        if not len(starts) or starts[0] != 0:
            starts = np.concatenate([[0], starts]).astype(np.int64)
    return starts, np.append(starts[1:], len(doc))


def sentence_rows(doc: Doc, doc_id: str) -> list[dict]:
    """Rows of the sentences table for a Doc made by `pipeline()`: each sentence from its first
    to its last token that is not space; a sentence of space only has no row. Computed on arrays
    of the whole Doc, as a Token or Span object per token cost as much as tokenizing."""
    if len(doc) == 0:
        return []
    headings = doc.user_data.get("headings", set())
    text = doc_text(doc)
    idx = doc.to_array("IDX").astype(np.int64)
    word = np.flatnonzero(~doc.to_array("IS_SPACE").astype(bool))
    if not len(word):
        return []
    ends = idx[word] + doc.to_array("LENGTH")[word].astype(np.int64)
    starts, stops = sentence_bounds(doc)
    # The first and the last word of each sentence, by binary search over the words.
    first = np.searchsorted(word, starts)
    last = np.searchsorted(word, stops) - 1
    rows = []
    for k, j in zip(first.tolist(), last.tolist()):
        if j < k:
            continue
        start, end = int(idx[word[k]]), int(ends[j])
        rows.append({"doc_id": doc_id, "sent_id": len(rows), "start": start, "end": end,
                     "text": text[start:end], "is_heading": int(word[k]) in headings})
    return rows


def split_sentences(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence. Columns: doc_id, sent_id, start, end (offsets into documents.text,
    end exclusive), text, is_heading."""
    nlp = pipeline()
    rows = [row for doc_id, doc in zip(documents.doc_id, nlp.pipe(documents.text))
            for row in sentence_rows(doc, doc_id)]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
