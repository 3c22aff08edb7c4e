"""Whether an actor mention is the grammatical subject of its clause, by a rule a reader can check.

No parser is used. The word lists are data: the clause words every tagger shares
(data/grammar/clause_words.csv: coordinators, contrast words, subordinators, relatives, clause
punctuation) and data/frames/actor_subject.csv (other openers, skippable words, verb forms).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons import read_table, word_classes

if TYPE_CHECKING:
    from ..context import DocContext

SUBJECT_WINDOW = 3  # at most this many skippable words (adverbs) between a subject and its verb


class SubjectRule:
    def __init__(self, lexicons: dict[str, str] | None = None):
        grammar = read_table("actor_subject", lexicons)
        words = {role: set(group) for role, group in grammar.groupby("role").word}
        clause = word_classes("clause_words", lexicons)
        self.coordinators = set(clause.get("coordinator", ()))
        self.openers = words.get("opener", set()) | set().union(
            *(clause.get(c, ()) for c in ("contrast", "subordinator", "relative", "clause_punct")))
        self.skips = words.get("skip", set())
        self.verbs = words.get("verb", set())
        self.verb_suffixes = tuple(words.get("verb_suffix", ()))
        self.skip_suffixes = tuple(words.get("skip_suffix", ()))
        actor_words = read_table("actor_words", lexicons)
        self.titles = set(actor_words.word[actor_words.category == "title"])
        self.places = set(actor_words.word[actor_words.category == "locative"])
        self.roles = set(actor_words.word[actor_words.category == "person_noun"])

    def subject_starts(self, ctx: DocContext, spans: list) -> set[int]:
        """Token starts of the mentions (anything with a token `start` and `end`: a Span, a
        Mention) that are the subject of their clause.

        A mention is a subject when it opens a clause and a verb-like word follows it.
        Opens a clause: it starts the sentence, or the word before it (passing over "the") is an
        opener (clause words: punctuation, "but", "while", "that", "as", ...; actor_subject.csv:
        quotes, dashes, "so", "then"), or a coordinator ("and", "or") right after a comma. So "of
        Russia", "against Ukraine" and "between Russia and China" are not subjects.
        A verb follows: after at most SUBJECT_WINDOW skippable words ("also", "reportedly", any
        -ly adverb) comes a word of the verb list (auxiliaries, modals, irregular forms) or a
        lower-case word with a verb suffix ("-ed", "-s"); a place phrase between them is passed over
        ("Protesters in Hong Kong are demanding"), and so are titles before the mention ("Chief
        Executive Carrie Lam suspended"). A possessive ("Russia's war") is never a subject. In
        "Russia and North Korea have ..." both mentions are subjects."""
        doc = ctx.doc
        ends = {span.start: span.end for span in spans}
        subjects: set[int] = set()
        for span in spans:
            if span.start in subjects or not self._opens_clause(ctx, span.start):
                continue
            coordinated = [span.start]
            at, skipped = span.end, 0
            while at < len(doc):
                word = doc[at]
                if word.lower_ in self.coordinators and at + 1 in ends:
                    coordinated.append(at + 1)  # "Russia and North Korea have": both subjects
                    at = ends[at + 1]
                    continue
                if self.is_verb_like(word):
                    subjects.update(coordinated)
                    break
                if word.lower_ in self.places and at + 1 in ends and skipped < SUBJECT_WINDOW:
                    skipped, at = skipped + 1, ends[at + 1]  # "Protesters in Hong Kong are demanding"
                    continue
                if skipped < SUBJECT_WINDOW and (word.lower_ in self.skips or (
                        word.is_alpha and word.lower_.endswith(self.skip_suffixes))):
                    skipped, at = skipped + 1, at + 1
                    continue
                break
        return subjects

    def _opens_clause(self, ctx: DocContext, start: int) -> bool:
        # The context's token lists, not Tokens: making a Token cost more than this rule.
        texts, lowers = ctx.words, ctx.lowers
        before = start - 1
        while before > 0 and (texts[before] in self.titles or texts[before] in self.roles):
            before -= 1  # "On Saturday, Chief Executive Carrie Lam suspended": the title opens the clause
        if before > 0 and texts[before] in ("'s", "’s") and texts[before - 1][:1].isupper() \
                and texts[start - 1] in self.roles:
            before -= 1  # "Hong Kong's leader Carrie Lam apologized": the owner's name is part of the title
            while before > 0 and texts[before - 1][:1].isupper():
                before -= 1
            before -= 1
        if before >= 0 and lowers[before] == "the":
            before -= 1
        # Token.is_space is str.isspace of its text
        if before < 0 or ctx.sentence_starts[before + 1] or texts[before].isspace():
            return True
        if lowers[before] in self.coordinators:
            return before > 0 and texts[before - 1] in (",", ";")
        return lowers[before] in self.openers

    def is_verb_like(self, word) -> bool:
        if word.lower_ in self.verbs:
            return True
        # "-s" words that are not verbs: "across", "bus", "this"
        return (word.is_lower and word.is_alpha and len(word) > 3
                and word.lower_.endswith(self.verb_suffixes)
                and not word.lower_.endswith(("ss", "us", "is")))
