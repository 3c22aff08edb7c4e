"""Per-document facts that every tagger reads, built once per document and passed explicitly.

A tagger gets one DocContext: the spaCy Doc, its id and text, its sentence rows, the rows the
taggers before it made (`found`), and lookups from a character or token to its sentence. So no
tagger keeps per-document state on itself, and no tagger rescans the document to find a
sentence: every lookup is a binary search over arrays built once here (bisect over lists of
them for one value at a time, which costs a tenth of a numpy call). The token table (`words`,
`lowers`, `token_ends`: plain lists, built on first use from the Doc's offsets) is for
taggers that walk every token: indexing a list costs a tenth of making a spaCy Token.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from .sentences import doc_text

if TYPE_CHECKING:  # spaCy is imported where tagging starts, not with the package
    from spacy.tokens import Doc


@dataclass
class DocContext:
    doc: Doc
    doc_id: str
    sentences: list[dict]  # rows of the sentences table, in text order
    found: dict[str, list[dict]] = field(default_factory=dict)  # rows of earlier taggers, by table
    text: str = ""
    token_starts: np.ndarray = None  # character offset of each token
    sent_chars: np.ndarray = None  # character offset where each sentence starts
    sent_first: np.ndarray = None  # first token of each sentence
    sent_end: np.ndarray = None  # token after the last token of each sentence
    date: str = ""  # the article's date (documents.date), "YYYY-MM-DD" or ''

    @classmethod
    def build(cls, doc: Doc, doc_id: str, sentences: list[dict], date: str = "") -> "DocContext":
        token_starts = doc.to_array("IDX").astype(np.int64) if len(doc) else np.zeros(0, np.int64)
        sent_chars = np.array([s["start"] for s in sentences], dtype=np.int64)
        sent_ends = np.array([s["end"] for s in sentences], dtype=np.int64)
        return cls(doc=doc, doc_id=doc_id, sentences=sentences, found={"sentences": sentences},
                   text=doc_text(doc), token_starts=token_starts, sent_chars=sent_chars,
                   sent_first=np.searchsorted(token_starts, sent_chars),
                   sent_end=np.searchsorted(token_starts, sent_ends), date=str(date or ""))

    def sentence_at(self, offset: int) -> int:
        """Index (into `sentences`) of the sentence holding character `offset`, or -1 before the first."""
        return bisect_right(self._sent_chars, offset) - 1

    def sentence_of_token(self, i: int) -> int:
        """Index of the sentence holding token `i`, or -1 before the first."""
        return bisect_right(self._sent_first, i) - 1

    def token_bounds(self, k: int) -> tuple[int, int]:
        """(first token, token after the last) of sentence `k`: scans stay inside these."""
        return self._sent_first[k], self._sent_end[k]

    def rows_in_sentence(self, table: str, sent_id: int) -> list[dict]:
        """Rows of an earlier tagger's table in one sentence (indexed once per table)."""
        index = self._by_sentence.get(table)
        if index is None:
            index = {}
            for row in self.found.get(table, []):
                index.setdefault(row["sent_id"], []).append(row)
            self._by_sentence[table] = index
        return index.get(sent_id, [])

    @cached_property
    def token_ends(self) -> list[int]:
        """Character offset after each token (its start plus its length)."""
        if not len(self.doc):
            return []
        from spacy.attrs import IDX, LENGTH

        bounds = self.doc.to_array([IDX, LENGTH])
        return (bounds[:, 0] + bounds[:, 1]).tolist()

    @cached_property
    def words(self) -> list[str]:
        """Each token's text (Token.text)."""
        text = self.text
        return [text[start:end] for start, end in zip(self.token_starts.tolist(), self.token_ends)]

    @cached_property
    def lowers(self) -> list[str]:
        """Each token's lower case (Token.lower_: spaCy lowers with str.lower)."""
        return [word.lower() for word in self.words]

    @cached_property
    def lowered(self) -> str:
        """The text in lower case (str.lower), for caseless scans (regexscan.Caseless)."""
        return self.text.lower()

    @cached_property
    def sentence_starts(self) -> list[bool]:
        """Whether each token opens a sentence (Token.is_sent_start, None read as False)."""
        if not len(self.doc):
            return []
        return (self.doc.to_array("SENT_START") == 1).tolist()  # 1, or -1 and 0 (unsigned)

    def __post_init__(self):
        self._by_sentence: dict[str, dict[int, list[dict]]] = {}
        self._sent_chars = self.sent_chars.tolist() if self.sent_chars is not None else []
        self._sent_first = self.sent_first.tolist() if self.sent_first is not None else []
        self._sent_end = self.sent_end.tolist() if self.sent_end is not None else []
