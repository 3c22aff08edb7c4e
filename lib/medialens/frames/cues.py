"""Frame cues and emotive terms: pattern matches, with the two rules that can void a match.

- Negation: a negator (data/frames/negators.csv, VADER's list) up to NEGATION_WINDOW words before
  a cue, in the same clause, flips it ("not a tragedy", "no one was blamed"): the row stays in
  the table with negated=True, so it is traceable, but it does not count in the scores. It flips
  emotive words and attributions of responsibility (NEGATABLE_FRAMES); the other frames are topics
  a sentence raises whichever way it argues ("there is no moral right" is a moral argument,
  "did not accept the ruling" a disagreement), so their cues are never negated.
- Names: a cue capitalised mid-sentence is part of a name ("Human Rights Watch" is no morality
  cue, a town called "Paradise" no emotive word); headings, title case throughout, are exempt.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..context import DocContext
from ..lexicons import read_table, word_classes

if TYPE_CHECKING:  # spaCy is imported where tagging starts, not with the package
    from spacy.tokens import Doc

    from ..patterns import Found

NEGATABLE_FRAMES = frozenset({"responsibility"})
NEGATION_WINDOW = 3  # words before a cue that a negator may stand in (VADER looks three back)


class CueRules:
    def __init__(self, lexicons: dict[str, str] | None = None):
        self.negators = frozenset(read_table("negators", lexicons).word.str.lower())
        clause = word_classes("clause_words", lexicons)
        self.clause_breaks = frozenset().union(*(clause.get(c, ()) for c in ("contrast", "clause_punct")))

    def rows(self, ctx: DocContext, spans: list[Found], label_column: str | None) -> list[dict]:
        """One row per kept span: doc_id, sent_id, start, end, surface, cue, [label, question],
        negated. A span's label is "frame/question" (PatternSet with label_by_file)."""
        headings = [s["is_heading"] for s in ctx.sentences]
        rows = []
        from spacy.util import filter_spans

        for span in filter_spans(spans):
            k = ctx.sentence_at(span.start_char)
            heading = k >= 0 and headings[k]
            if not heading and in_proper_name(ctx, span):
                continue
            surface = ctx.text[span.start_char:span.end_char]  # Span.text, without making Tokens
            row = {"doc_id": ctx.doc_id, "sent_id": k, "start": span.start_char,
                   "end": span.end_char, "surface": surface, "cue": surface.lower()}
            label, _, question = span.label_.partition("/")
            if label_column:
                row[label_column] = label
                row["question"] = question  # the coding question the cue answers: why it counts
            negatable = not label_column or label in NEGATABLE_FRAMES
            row["negated"] = negatable and self.negated(ctx, span)
            rows.append(row)
        return rows

    def negated(self, ctx: DocContext, span: Found) -> bool:
        lowers = ctx.lowers  # the context's token table: no Token objects
        first, _ = ctx.token_bounds(max(ctx.sentence_of_token(span.start), 0))
        for i in range(span.start - 1, max(first, span.start - NEGATION_WINDOW) - 1, -1):
            word = lowers[i]
            if word in self.clause_breaks:
                return False
            if word in self.negators:
                return True
        return False


def in_proper_name(ctx: DocContext, span: Found) -> bool:
    """A cue capitalised mid-sentence is (part of) a name: a run of capitalised words ("Human
    Rights Watch", "International Monetary Fund") or one word ("the town of Paradise"). The
    sentence's first word, and a word after an opening quotation mark or a colon, is capitalised
    anyway, so it does not count; nor does the pronoun "I". Read from the context's token table."""
    words, opens = ctx.words, ctx.sentence_starts
    if not all(words[k][:1].isupper() for k in range(span.start, span.end)) \
            or ctx.text[span.start_char:span.end_char] == "I":
        return False
    first, last = span.start, span.end - 1
    while first > 0 and not opens[first] and words[first - 1][:1].isupper():
        first -= 1
    while last + 1 < len(words) and not opens[last + 1] and words[last + 1][:1].isupper():
        last += 1
    return last - first + 1 - int(_opens_sentence(ctx.doc, first)) >= 1


def _opens_sentence(doc: Doc, at: int) -> bool:
    """Whether only punctuation and space stand between the sentence start and token `at`, or
    an opening quotation mark or a colon stands right before it."""
    if at > 0 and (doc[at - 1].is_left_punct or doc[at - 1].text in (":", '"')):
        return True
    while not doc[at].is_sent_start:
        at -= 1
        if not (doc[at].is_punct or doc[at].is_space):
            return False
    return True
