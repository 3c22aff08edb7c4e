"""Per-document facts the source rules need, passed explicitly (never kept on the tagger), and the
view of one sentence that every scan stays inside."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..context import DocContext

if TYPE_CHECKING:  # spaCy is imported where tagging starts, not with the package
    from spacy.tokens import Doc


@dataclass(frozen=True)
class SentenceView:
    """One sentence as the rules see it: its Doc, its token bounds [first, last) and two facts
    about the whole text (`lower_in_doc`: LOWER hashes of words the text also writes in lower
    case; `bare_in_doc`: ORTH hashes of words the text also writes without "the" before them) and
    whether the sentence is a heading, where Title Case capitalises ordinary words."""
    doc: Doc
    first: int
    last: int
    lower_in_doc: frozenset
    bare_in_doc: frozenset
    # The document's token table (DocContext.words, .lowers): Token.text and Token.lower_ read
    # without making a Token, which cost more than most rules that read them.
    words: list[str]
    lowers: list[str]
    heading: bool = False  # a headline or heading line: its capitals do not mark names

    def open_bracket(self, close: int, reach: int = 8) -> int | None:
        """The "(" token a ")" at token `close` closes, at most `reach` tokens back and never
        before the sentence; None when there is none ("Service(NIS) says": spaCy keeps
        "Service(NIS" as one token, so the bracket has no token of its own)."""
        for k in range(close - 1, max(self.first, close - reach) - 1, -1):
            if self.words[k] == "(":
                return k
        return None

    def before_first(self, i: int) -> bool:
        """Whether token `i` lies before the sentence (scans back stop there)."""
        return i < self.first


class SourceDoc:
    """A DocContext with the facts the source rules read, built once per document."""

    def __init__(self, ctx: DocContext, the_hash: int):
        self.ctx = ctx
        doc = ctx.doc
        attrs = doc.to_array(["LOWER", "ORTH", "IS_LOWER"])
        self.attrs = attrs
        # Words this text also writes in lower case are ordinary words when they open a sentence
        # ("Drought forecast ...", "Doctors said") and not names.
        self.lower_in_doc = frozenset(attrs[attrs[:, 2] == 1, 0].tolist())
        # Words this text also writes without "the" before them: "the Clinton emails" is a
        # person's name used as a modifier; "The Vatican", "The Hill" always take "the".
        after_the = np.zeros(len(doc), dtype=bool)
        after_the[1:] = attrs[:-1, 0] == the_hash
        self.bare_in_doc = frozenset(attrs[~after_the, 1].tolist())

    def view(self, k: int) -> SentenceView:
        first, last = self.ctx.token_bounds(k)
        heading = bool(self.ctx.sentences[k].get("is_heading", False)) and self.title_case(first, last)
        return SentenceView(self.ctx.doc, first, last, self.lower_in_doc, self.bare_in_doc, self.ctx.words,
                            self.ctx.lowers, heading)

    def title_case(self, first: int, last: int) -> bool:
        """Whether a heading is written in Title Case, its ordinary words capitalised ("Extreme
        Heat Claims Lives"): a heading in sentence case ("• Harbor Research Group found the
        strike cost $4 billion", a summary line) capitalises names only, as a sentence does."""
        words = [t for t in self.ctx.doc[first + 1:last] if t.is_alpha and not t.is_stop and len(t) > 3]
        return not words or sum(t.text[:1].isupper() for t in words) >= 0.6 * len(words)
