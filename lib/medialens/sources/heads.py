"""Typing a source phrase by its head: what the typing rules see of a phrase (`Head`, each fact
computed once) and the driver that tries them (`noun_phrase`, `typed`) in the order of
data/sources/type_rules.csv. The rules themselves, each a short function with an example, are in
type_rules.py: a name (person, organisation, media outlet, place), a pronoun, a noun of
source_nouns.csv, an organisation or office word, or nothing (no source)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .names import is_name_token, units
from .rulebook import STOP
from .view import SentenceView
from .words import Words

NAMED_TYPES = ("named_person", "named_org", "media")
DATELINE_TOKENS = 8  # a dateline's dash comes within a place and a wire name


@dataclass
class Phrase:
    """A source phrase found around a cue, before it is a row."""
    start: int  # token index
    end: int  # token index, exclusive
    source_type: str
    name: str = ""
    role: str = ""
    pronoun: str = ""  # "person", "group" or "org" when the phrase is a pronoun or "the <word>"
    head: str = ""  # for "the ministry", "the senator": the word an antecedent must contain
    rule: str = ""  # the rule that found it (phrase_rules.csv, or the subject's shape in subjects.py)
    type_rule: str = ""  # the rule of type_rules.csv that typed it
    typed_as: str = ""  # the type that rule gave (later steps may change source_type)


def is_bare_pronoun(found: Phrase) -> bool:
    """"he", "they", "it": resolved later, never a source read after a cue or in a chunk
    ("the senator", "the Defense Minister" are descriptions and count)."""
    return bool(found.pronoun) and found.source_type == "vague"


def is_postmodifier(w: Words, v: SentenceView, i: int, end: int) -> bool:
    """A participle after a noun head that describes it: "a poll released Friday", "those
    surveyed", "exit polls taken in Iowa"; not a verb taking a named object ("aides told Smith")."""
    words, lowers = v.words, v.lowers  # Token.is_lower, .is_alpha: str.islower, str.isalpha
    word = lowers[i]
    if word.endswith("ing") and words[i].islower() and i > v.first and word not in w.words["gap"] \
            and (lowers[i - 1] in w.nouns and lowers[i - 1] not in w.words["determiner"]
                 or is_name_token(w, v, i - 1) and i + 1 < end and lowers[i + 1] in w.words["determiner"]):
        # "House Republicans supporting the bill"; after a name only before its object's
        # determiner, "marshal Ana Cruz leading the inquiry" (not "Exit polling", "Obama going to")
        return True
    if not words[i].islower() or not (word.endswith("ed") or word in w.words["postmodifier"]) \
            or word in w.words["gap"] or i == v.first \
            or not (words[i - 1].isalpha() and (words[i - 1].islower() or lowers[i - 1] in w.nouns)):
        return False  # after a name it is a verb: "Clinton used a private email"
    # Followed by a time or place, not by an object: "released Friday", "taken in Iowa"
    return i + 1 == end or lowers[i + 1] in w.words["gap"] | w.words["affiliation"] | w.words["after_participle"]


def dateline_end(w: Words, v: SentenceView, start: int) -> int:
    """After a dateline that opens a sentence ("WASHINGTON —", "NEW YORK (Reuters) -"), the token
    after its dash; else `start`. The place says where the story was filed, not who said it."""
    words = v.words  # Token.is_upper, .is_lower: str.isupper, str.islower
    if start != v.first or not words[start].isupper():
        return start
    for k in range(start, min(v.last, start + DATELINE_TOKENS)):
        if words[k] in w.grammar["dash"]:
            return k + 1
        if words[k].islower():
            return start  # a lower-case word: a sentence, not a dateline
    return start


def is_affiliation(w: Words, v: SentenceView, i: int, end: int) -> bool:
    """A word that starts a role: "at", "from", "of"; "close", "familiar" only before a
    preposition ("a source close to", not "Gore's close friends")."""
    word = v.lowers[i]
    if word not in w.words["affiliation"]:
        return False
    return word not in w.words["affiliation_adjective"] or i + 1 < end and v.lowers[i + 1] in w.words["affiliation"]



def phrase_start(w: Words, v: SentenceView, start: int, end: int) -> int:
    """Where a source phrase starts: after a dateline, punctuation, a clause word, an affiliation
    word or an adverb ("With President Macron", "particularly the U.S."): not part of the source."""
    lowers = v.lowers
    start = dateline_end(w, v, start)
    while start < end and (lowers[start] in w.words["boundary"] or lowers[start] in w.words["affiliation"]
                           or v.words[start].islower() and lowers[start].endswith("ly") or v.doc[start].is_punct):
        start += 1
    return start


def noun_phrase(w: Words, v: SentenceView, start: int, end: int, loose: bool = False) -> Phrase | None:
    """The tokens [start, end) typed as a source phrase, or None when they are no source.
    loose: also accept a short determiner phrase with an unknown noun head ("the board",
    "a roster of donors") as a vague source, for cues that only people and documents use."""
    return typed(w, v, start, end, loose)[1]


def typed(w: Words, v: SentenceView, start: int, end: int, loose: bool = False) -> tuple[str, Phrase | None]:
    """(rule, phrase): the first rule of type_rules.csv that answers types [start, end); the
    rule is "" when none does (no source)."""
    start = phrase_start(w, v, start, end)
    if start >= end:
        return "", None
    return Head(w, v, start, end, loose).answer()


class Head:
    """One source phrase as the typing rules see it: its units (names runs and single tokens,
    names.units), split at its first affiliation word or describing participle into `pre` (up
    to the head: "a source", "Defense Secretary Lloyd Austin") and `post` ("close to the
    ministry", "from the Council"); the head is the last unit of `pre`."""

    def __init__(self, w: Words, v: SentenceView, start: int, end: int, loose: bool = False):
        self.w, self.v, self.doc, self.start, self.end, self.loose = w, v, v.doc, start, end, loose

    def answer(self, kind: str = "") -> tuple[str, Phrase | None]:
        """(rule, phrase) of the first rule of Words.type_rules that answers: the rules for a
        name head or for a word head, or those of `kind` ("name_only")."""
        for name, rule in self.w.type_rules[kind or ("name" if self.is_name else "word")]:
            found = rule(self)
            if found is STOP:
                return name, None
            if found is not None:
                found.type_rule, found.typed_as = name, found.source_type
                return name, found
        return "", None

    def name_part(self) -> Head:
        """The last name of the description on its own, as its run of names: "a Harbor County news
        release" -> "Harbor County", described and placed as the whole phrase."""
        part = Head(self.w, self.v, self.start, self.end)
        part.__dict__.update(pre=[u for u in self.pre if u[2]][-1:], post_text="", described=self.described)
        return part

    # ------------------------------------------------------------------ the phrase's parts
    @cached_property
    def parts(self) -> list[tuple[int, int, bool]]:
        return units(self.w, self.v, self.start, self.end)

    @cached_property
    def pre(self) -> list[tuple[int, int, bool]]:
        """The units up to the head ("a source | close to the ministry")."""
        w, v, end = self.w, self.v, self.end
        split = next((k for k, (a, b, is_name) in enumerate(self.parts)
                      if k > 0 and not is_name and (is_affiliation(w, v, a, end) or is_postmodifier(w, v, a, end))),
                     len(self.parts))
        return self.parts[:split]

    @cached_property
    def post(self) -> list[tuple[int, int, bool]]:
        return self.parts[len(self.pre):]

    @property
    def is_name(self) -> bool:
        return self.pre[-1][2]

    @property
    def head_end(self) -> int:
        return self.pre[-1][1]

    @cached_property
    def post_text(self) -> str:
        return self.doc[self.post[0][0]: self.post[-1][1]].text if self.post else ""

    @cached_property
    def described(self) -> str:
        """The words up to the head, without a leading article ("Harbor County news release")."""
        skip = self.doc[self.start].lower_ in self.w.words["article"]
        return self.doc[self.start + skip: self.head_end].text

    # ------------------------------------------------------------------ a name head
    @cached_property
    def run(self):
        """The run of names that heads the phrase ("Defense Secretary Lloyd Austin")."""
        head_start, head_end, _ = self.pre[-1]
        return self.doc[head_start: head_end]

    @cached_property
    def starts_with_the(self) -> bool:
        """"The Red Cross", "The Vatican": a run opening with a capitalised "the" and a space."""
        first = self.run[0]
        return len(self.run) > 1 and first.lower_ in self.w.words["definite"] and first.is_title \
            and self.run.text[len(first.text): len(first.text) + 1] == " "

    @cached_property
    def bare(self) -> str:
        """The run without an opening "The"."""
        return self.run.text[len(self.run[0].text) + 1:] if self.starts_with_the else self.run.text

    @cached_property
    def lowers(self) -> list[str]:
        return [t.lower_ for t in self.run]

    @cached_property
    def name_role(self) -> str:
        """What stands before the run (no article) and after the head: "broadcaster", "close to ..."."""
        doc, articles = self.doc, self.w.words["article"]
        affiliation = " ".join(doc[a:b].text for a, b, _ in self.pre[:-1] if doc[a].lower_ not in articles)
        return " ".join(x for x in (affiliation, self.post_text) if x)

    @cached_property
    def orgs(self) -> list[int]:
        """Positions of organisation words in the run ("Ministry", "Council")."""
        return [k for k, x in enumerate(self.lowers) if x in self.w.words["org_word"]]

    @cached_property
    def cut(self) -> int:
        """Where the person's name starts, after the last title of the run ("Defense Secretary |
        Lloyd Austin"); an office's body belongs to the title ("Commissioner of Police | Stephen Lo")."""
        lowers, words = self.lowers, self.w.words
        titles = [k for k, x in enumerate(lowers) if x in words["title"]]
        cut = titles[-1] + 1 if titles else 0
        while titles and cut < len(lowers) - 1 and (lowers[cut] in words["connector"] or cut in self.orgs):
            cut += 1
        return cut

    @cached_property
    def person_role(self) -> str:
        """A person's role: what stands before the run, the titles of the run, what follows."""
        doc, articles = self.doc, self.w.words["article"]
        affiliation = " ".join(doc[a:b].text for a, b, _ in self.pre[:-1] if doc[a].lower_ not in articles)
        return " ".join(x for x in (affiliation, self.run[:self.cut].text, self.post_text) if x)

    # ------------------------------------------------------------------ a word head
    @cached_property
    def head(self) -> str:
        return self.doc[self.pre[-1][0]].lower_

    @cached_property
    def names(self) -> list[str]:
        """The names before the head ("a Harbor County news release": Harbor County)."""
        return [self.doc[a:b].text for a, b, is_name in self.pre if is_name]

    @cached_property
    def word_role(self) -> str:
        return " ".join(x for x in (self.described, self.post_text) if x)

    @cached_property
    def article(self) -> str:
        """The article nearest the head ("over what the union said": the), else the first word."""
        doc, articles = self.doc, self.w.words["article"]
        return next((doc[a].lower_ for a, _, _ in reversed(self.pre[:-1]) if doc[a].lower_ in articles),
                    doc[self.start].lower_)

    @property
    def definite(self) -> bool:
        return self.article in self.w.words["definite"]

    @property
    def indefinite(self) -> bool:
        return self.article in self.w.words["indefinite"]

    @cached_property
    def possessed(self) -> bool:
        """"the county's health officer": a possessive before the head."""
        return any(self.doc[a].text in self.w.grammar["possessive"] for a, _, _ in self.pre)

    @cached_property
    def noun_type(self) -> tuple[str, str]:
        """(type, name) of a head of source_nouns.csv; a noun typed by its complement takes the
        complement's ("an analysis from G20 nations": unnamed_official)."""
        w, doc, post = self.w, self.doc, self.post
        source_type, name = w.nouns[self.head], ""
        if self.head in w.by_complement and len(post) > 1 and doc[post[0][0]].lower_ in w.words["affiliation"]:
            named = [b for a, b, is_name in post[1:3] if is_name]  # "from Harbor County | late Wednesday"
            inner = noun_phrase(w, self.v, post[1][0], named[0] if named else self.end)
            if inner is not None and not inner.pronoun:
                source_type, name = inner.source_type, inner.name
        return source_type, name
