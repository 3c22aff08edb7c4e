"""The subject before a cue, by named shape rules tried in the order of data/sources/subject_rules.csv.

Each shape rule looks at the words before one cue (`Before`, each fact computed once) and answers
with a source phrase, STOP (no subject: try no other shape) or None (the shape does not apply).
First the stretch of words back to a clause boundary ("officials estimate"); then, after a comma,
a dash or a relative word, a subject set off from its cue ("X — a teacher — says", "X, who ...,
said", "X, 58, an analyst at Y, said"). The shape found is the phrase's `rule`
("subject_before/dashed"); each shape's example is a row of subject_rules.csv and a test row
(tests/test_sources_subjects.py). The subject that opens a sentence is openings.py's job.
"""
from __future__ import annotations

from functools import cached_property

from . import described
from .heads import Phrase, noun_phrase
from .openings import MAX_SUBJECT_TOKENS
from .rulebook import STOP, ordered_rules
from .scan import first_verb, segment_start, skip_back
from .verbs import is_verb_like
from .view import SentenceView
from .words import Words


class Before:
    """The words before a cue: the `stretch` [start, subject_end) back to a clause boundary, and
    `end`, where a subject set off by a comma or dash ends."""

    def __init__(self, w: Words, v: SentenceView, cue_start: int, loose: bool):
        self.w, self.v, self.doc, self.cue_start, self.loose = w, v, v.doc, cue_start, loose
        self.subject_end = skip_back(w, v, cue_start - 1) + 1
        self.start = segment_start(w, v, self.subject_end, reach=described.LONG_SUBJECT_TOKENS)
        self.ing = self.doc[cue_start].lower_.endswith("ing")

    @property
    def stretch(self) -> bool:
        """A stretch of words right before the cue, short enough to be a subject."""
        return self.start < self.subject_end and self.subject_end - self.start <= MAX_SUBJECT_TOKENS

    @property
    def after_relative(self) -> bool:
        """"Trump, who said": the stretch follows a relative word."""
        return self.start > self.v.first and self.doc[self.start - 1].lower_ in self.w.grammar["relative"]

    @cached_property
    def stretch_phrase(self) -> Phrase | None:
        """The stretch typed as a whole; after "who" it is a clause whose subject is "who"."""
        w, v, start = self.w, self.v, self.start
        if start > v.first and self.doc[start - 1].lower_ in w.grammar["relative_person_subject"]:
            return None
        found = noun_phrase(w, v, start, self.subject_end, self.loose)
        if found is not None and found.source_type == "vague" and not found.pronoun and is_verb_like(w, v, start):
            return None  # "must file their campaign finance reports": a clause without its subject
        return found

    @cached_property
    def end(self) -> int:
        """Where a subject set off from the cue ends: before the relative word of a stretch
        ("Trump, who said"), before "who" after a dash ("Trump - who previously said"), else at
        the cue."""
        doc, end, first = self.doc, self.subject_end, self.v.first
        if self.start < end:
            return self.start - 1
        if end - 2 > first and doc[end - 1].lower_ in self.w.grammar["relative_person_subject"] \
                and doc[end - 2].text in self.w.grammar["dash"]:
            return end - 1
        return end

    @property
    def comma(self) -> bool:
        return self.end - 1 >= self.v.first and self.doc[self.end - 1].text == ","

    @cached_property
    def chunks(self) -> list[tuple[int, int]]:
        return described.comma_chunks(self.w, self.v, self.end - 1)


# ------------------------------------------------------------------------- the shapes
def long_subject(b: Before):
    """"Large majorities of Republican primary voters in six states going to the polls on Super
    Tuesday said": a stretch longer than a subject, only a known kind of source with no verb."""
    if b.start < b.subject_end and b.subject_end - b.start > MAX_SUBJECT_TOKENS:
        return described.long_subject(b.w, b.v, b.start, b.subject_end) or STOP
    return None


def clause_subject(b: Before):
    """"The ministry issued a statement saying": before an -ing cue, the subject of the clause."""
    if not b.stretch or not b.ing:
        return None
    verb = first_verb(b.w, b.v, b.start, b.subject_end)
    if verb is None:
        return None
    head_end = next((x for x in range(b.start, verb) if b.doc[x].text == "("), verb)  # "McConnell (R-Ky.)"
    found = noun_phrase(b.w, b.v, b.start, head_end)
    return found if found is not None and found.source_type != "vague" else STOP


def unclosed_apposition(b: Before):
    """"Pat Reyes, the chief executive of the firm argued": a title phrase whose closing comma is
    missing; the person named before the comma speaks."""
    doc, start = b.doc, b.start
    titled = start + 1 < b.subject_end and doc[start].lower_ in b.w.words["definite"] \
        and doc[start + 1].lower_ in b.w.words["title"]
    if b.stretch and b.stretch_phrase is not None and titled and start - 1 > b.v.first and doc[start - 1].text == ",":
        return described.unclosed_apposition(b.w, b.v, start - 1, b.stretch_phrase)
    return None


def stretch(b: Before):
    """"Officials estimate", "the senator said": the stretch back to a clause boundary."""
    return b.stretch_phrase if b.stretch else None


def last_name_run(b: Before):
    """"at the party convention Sen. Elizabeth Warren said": a full name ending the stretch."""
    return described.last_name_run(b.w, b.v, b.start, b.subject_end) if b.stretch else None


def no_source_in_stretch(b: Before):
    """"the harvest failed and prices rose": a stretch that holds no source has no subject,
    unless a relative word opens it (then the subject stands before that word)."""
    return STOP if b.stretch and not b.after_relative else None


def restrictive_who(b: Before):
    """"Voters who backed the levy say": the people a restrictive clause describes."""
    doc, end, w = b.doc, b.end, b.w
    if not (b.v.first < end < b.subject_end and doc[end].lower_ in w.grammar["relative_person"]
            and doc[end - 1].text != "," and doc[end - 1].text not in w.grammar["dash"]):
        return None
    head_start = segment_start(w, b.v, end)
    found = noun_phrase(w, b.v, head_start, end, b.loose) if head_start < end else None
    if found is None or found.pronoun:
        return STOP
    found.role = " ".join(x for x in (found.role, doc[end:b.subject_end].text) if x)
    found.end = b.subject_end
    return found


def dashed(b: Before):
    """"Lena Ortiz — a nurse at the clinic — says": the phrase before a pair of dashes."""
    if b.end - 1 >= b.v.first and b.doc[b.end - 1].text in b.w.grammar["dash"]:
        return described.dashed_subject(b.w, b.v, b.end - 1) or STOP
    return None


def relative_who(b: Before):
    """"The mayor, who toured the site on Friday, said": the phrase a relative clause describes."""
    return described.relative_subject(b.w, b.v, b.end - 1) if b.comma else None


def comma_clause(b: Before):
    """"At a rally in Ames, Iowa, on Sunday, the mayor spoke, saying": before an -ing cue, the
    subject of the comma-set clause right before it."""
    return described.clause_before_ing(b.w, b.v, b.chunks) if b.comma and b.ing and b.chunks else None


def comma_chunks(b: Before):
    """"Priya Nair, 41, a teacher in the valley, said": the first comma-set chunk that names a
    source, the chunks after it its description."""
    if not b.comma:
        return None
    return described.described_subject(b.w, b.v, b.chunks, b.ing) or STOP


SHAPES = {shape.__name__: shape for shape in (
    long_subject, clause_subject, unclosed_apposition, stretch, last_name_run, no_source_in_stretch,
    restrictive_who, dashed, relative_who, comma_clause, comma_chunks)}


def subject_rules(lexicons: dict[str, str] | None = None):
    """(name, shape rule) in the order of subject_rules.csv."""
    return ordered_rules("subject_rules", SHAPES, lexicons)


def before(w: Words, v: SentenceView, cue_start: int, loose: bool = False) -> Phrase | None:
    """The subject before a cue, its shape in `rule`; None when there is none.
    loose: the cue is one people and documents use, so an unknown noun head may be a source."""
    return subject(w, v, cue_start, loose)[1]


def subject(w: Words, v: SentenceView, cue_start: int, loose: bool = False) -> tuple[str, Phrase | None]:
    """(shape, phrase): the first shape rule that answers ("" when none does)."""
    words_before = Before(w, v, cue_start, loose)
    for name, shape in w.subject_rules:
        found = shape(words_before)
        if found is STOP:
            return name, None
        if found is not None:
            found.rule = name
            return name, found
    return "", None
