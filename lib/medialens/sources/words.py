"""The word lists the source rules read, loaded once per Tagger from data/sources/ and the shared
clause words (data/grammar/clause_words.csv). Nothing here depends on a document."""
from __future__ import annotations

from collections import defaultdict

import numpy as np

from ..lexicons import read_table, word_classes
from ..patterns import PatternSet
from ..sentences import pipeline

# The lexicon names the sources tagger reads (override any with lexicons={"name": "file"}).
LEXICONS = ["reporting_verbs", "source_cues", "source_words", "source_nouns", "media_outlets",
            "source_places", "anonymity", "non_statements", "source_grammar", "clause_words",
            "given_names", "phrase_rules", "type_rules", "subject_rules"]
# Clause words that end a source phrase scanning back from a cue ("officials said that | ...").
CLAUSE_BOUNDARIES = ("coordinator", "contrast", "subordinator", "relative")


class Words:
    """Word classes and lookups: `verb_subject` (reporting verb form -> who may be its subject),
    `words` (source_words categories plus clause words as `boundary`), `nouns` (source noun ->
    source_type), `grammar` (source_grammar categories), outlets, places, `given_names` (first
    names of data/world/given_names.csv), and `common` (ordinary
    words: capitalised at the start of a sentence they are still not names)."""

    def __init__(self, lexicons: dict[str, str] | None = None):
        verbs = read_table("reporting_verbs", lexicons)
        self.verb_subject = dict(zip(verbs.form.str.lower(), verbs.subject))
        words = read_table("source_words", lexicons)
        # A category a user's file leaves out simply has no words.
        self.words = defaultdict(set, {category: set(group.word.str.lower())
                                       for category, group in words.groupby("category")})
        clause = word_classes("clause_words", lexicons)
        self.words["boundary"] = self.words["boundary"].union(
            *(clause.get(category, ()) for category in CLAUSE_BOUNDARIES))
        self.grammar = defaultdict(frozenset, word_classes("source_grammar", lexicons))
        self.group_endings = tuple(sorted(self.grammar["group_ending"]))
        # The relative words (clause_words.csv) that open a clause describing a source, and those
        # of a person (who, whose), of the clause's subject (who, which) and of both (who).
        relative = clause.get("relative", frozenset()) - self.grammar["object_relative"]
        self.grammar["relative"] = relative
        self.grammar["relative_person"] = relative & self.grammar["person_relative"]
        self.grammar["relative_subject"] = relative & self.grammar["subject_relative"]
        self.grammar["relative_person_subject"] = self.grammar["relative_person"] & self.grammar["relative_subject"]
        nouns = read_table("source_nouns", lexicons)
        self.nouns = dict(zip(nouns.word.str.lower(), nouns.source_type))
        self.by_complement = set(nouns.word[nouns.typed_by_complement == "yes"].str.lower())
        self.outlets = set(read_table("media_outlets", lexicons).outlet)
        self.places = set(read_table("source_places", lexicons).place)
        self.given_names = set(read_table("given_names", lexicons).name)
        self.common = set(self.nouns) | set(self.verb_subject) | set().union(
            *(v for k, v in self.words.items() if k not in ("title", "org_word", "age_word")))
        strings = pipeline().vocab.strings
        # Single reporting verbs are looked up by hash over the whole Doc at once (numpy), which
        # is many times faster than a Matcher "IN" predicate run on every token.
        self.verb_hashes = np.array(sorted(strings.add(f) for f in self.verb_subject), dtype=np.uint64)
        self.headline_hashes = np.array(sorted(strings.add(f.title()) for f in verbs.form[verbs.headline == "yes"]),
                                        dtype=np.uint64)
        self.before_label = strings.add("source_before")
        self.the_hash = strings.add("the")
        self.cues = PatternSet(["source_cues"], lexicons)
        self.anonymity = PatternSet(["anonymity"], lexicons)
        self.non_statements = PatternSet(["non_statements"], lexicons)
        # The typing rules (type_rules.py) in the order of type_rules.csv, by the kind of head they
        # type, and the subject shapes: the Tagger puts them here, as the rules' code imports this module.
        self.type_rules: dict[str, list] = {}
        self.subject_rules: list = []  # subjects.py's shape rules, in the order of subject_rules.csv

    def pronoun_kind(self, word: str) -> str:
        """"person", "group" or "org" for a pronoun of source_words ("he", "they", "it"), else ""."""
        return next((kind for kind in ("person", "group", "org") if word in self.words[f"pronoun_{kind}"]), "")
