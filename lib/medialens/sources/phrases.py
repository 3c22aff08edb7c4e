"""The source phrase of one cue, by named rules tried in the order of data/sources/phrase_rules.csv.

Each rule looks at one cue and answers with a source phrase (the cue's source is found), STOP (the
cue reports nothing: no source) or None (the rule does not apply; the next one is tried). The
rules, their order, an example of each and why it holds are rows of phrase_rules.csv, so a reader
can list them; the examples are test rows (tests/test_sources_rules.py), and
benchmarks/polnear_sources.py counts, per rule, the PolNeAR sources it finds and gets wrong.
A phrase found records the rule that found it (`Phrase.rule`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .heads import NAMED_TYPES, Phrase, is_bare_pronoun, noun_phrase
from .names import is_name_token
from .openings import MAX_SUBJECT_TOKENS, opening_subject
from .rulebook import STOP, rule_names
from .scan import cue_start as find_cue_start
from .scan import is_boundary, skip_back
from .subjects import before
from .verbs import closes_quotation, is_statement_verb
from .view import SentenceView
from .words import Words

POSSESSIVE_REACH = 6  # "X's comments (on Monday) suggest": the verb follows closely


@dataclass
class Cue:
    """One cue in its sentence, with the facts several rules read, each computed once."""
    w: Words
    v: SentenceView
    label: str  # "source_before" (a verb), "source_after" ("according to") or "possessive"
    start: int
    end: int

    @cached_property
    def word(self) -> str:
        return self.v.doc[self.start].lower_

    @cached_property
    def takes_any_subject(self) -> bool:
        """People and documents use it ("said", "told"), so it vouches for an unknown subject."""
        return self.w.verb_subject.get(self.word, "any") == "any"

    @cached_property
    def at(self) -> int:
        """The last token before the cue that is not an auxiliary or adverb."""
        return skip_back(self.w, self.v, self.start - 1)

    @cached_property
    def subject(self) -> Phrase | None:
        """The subject before the cue (subjects.before)."""
        return before(self.w, self.v, self.start, loose=self.takes_any_subject)


# ------------------------------------------------------------------------- the rules
def possessive(c: Cue):
    """"The senator's statements on Monday suggest that ...": the name run before "'s", when a
    reporting verb or a complement follows ("X's tweet came" is no attribution)."""
    if c.label != "possessive":
        return None
    w, v, doc = c.w, c.v, c.v.doc
    run_start = c.start
    while run_start > v.first and (is_name_token(w, v, run_start - 1)
                                   or doc[run_start - 1].text == "-" and not doc[run_start - 1].whitespace_):
        run_start -= 1
    follows = any(doc[k].is_lower and w.verb_subject.get(doc[k].lower_) == "any"
                  for k in range(c.end, min(v.last, c.end + POSSESSIVE_REACH))) \
        or c.end < v.last and doc[c.end].lower_ in w.words["complement"]  # "X's claim that"
    if run_start == c.start or not follows:
        return STOP
    return noun_phrase(w, v, run_start, c.start) or STOP


def source_after(c: Cue):
    """"according to the port authority", "citing a health official": the source follows. After
    "according to" any phrase is one; after "citing" only a known kind ("citing the attack" cites
    no one)."""
    if c.label != "source_after":
        return None
    according = c.word in c.w.words["source_after_any"]
    loose = according or c.word not in c.w.words["source_after_known"]
    return after(c.w, c.v, c.end, fallback=according, loose=loose) or STOP


def said_opening(c: Cue):
    """"Said Nora Diaz, who ran the shelter, ...": a capitalised verb opens the sentence and a
    named source follows it."""
    doc, v = c.v.doc, c.v
    if c.start == v.first and doc[c.start].text[:1].isupper() and c.w.verb_subject.get(c.word) == "any" \
            and c.end < v.last and doc[c.end].text[:1].isupper():
        found = after(c.w, v, c.end)
        if found is not None and found.source_type in NAMED_TYPES:
            return found
    return None


def not_a_statement(c: Cue):
    """"pledged 5 billion rupees", "several emails", "a website called X": the word is no verb
    of saying here (verbs.is_statement_verb)."""
    return None if is_statement_verb(c.w, c.v, c.start, c.end) else STOP


def passive(c: Cue):
    """"if these reports are confirmed": a passive between subject and cue, so nobody speaks
    (not "are more likely to say", not "-ing" forms)."""
    doc = c.v.doc
    gap = {doc[k].lower_ for k in range(c.at + 1, c.start)}
    infinitive = find_cue_start(c.w, c.v, c.start) < c.start
    return STOP if not c.word.endswith("ing") and not infinitive and gap & c.w.grammar["be"] else None


def hypothetical(c: Cue):
    """"its allies would likely respond": nothing has been said yet ("would not comment" has)."""
    gap = {c.v.doc[k].lower_ for k in range(c.at + 1, c.start)}
    return STOP if gap & c.w.grammar["hypothetical"] and not gap & c.w.grammar["negation"] else None


def described_participle(c: Cue):
    """"the troops mentioned previously", "the figures reported by the agency": a participle
    describing a noun, not a speaker's verb."""
    doc, v = c.v.doc, c.v
    if c.word.endswith("ed") and c.end < v.last and doc[c.end].lower_ in c.w.words["not_speaker_after"]:
        return STOP
    return None


def things_show(c: Cue):
    """"Trump showed restraint": only documents, polls and footage "show" or "find", unless a
    finding follows ("the senator found that ...")."""
    doc, v, found = c.v.doc, c.v, c.subject
    reports_finding = c.end < v.last and doc[c.end].lower_ in c.w.words["complement_that"]
    if found is not None and c.w.verb_subject.get(c.word) == "document" and not reports_finding \
            and (found.source_type == "named_person" or found.pronoun == "person"):
        return STOP
    return None


def inverted(c: Cue):
    """'"We will rebuild," said Mayor Ana Lopez' and '..., said Tom Reyes, a farmer': after a
    quotation or a clause the source follows a verb of saying (not "-ing", not "..., told X")."""
    doc, v, at = c.v.doc, c.v, c.at
    if not c.takes_any_subject or c.word.endswith("ing") or at < v.first \
            or not (closes_quotation(c.w, v, at) or doc[at].text == ","):
        return None
    found = c.subject
    mid_clause = found is not None and found.start > v.first and doc[found.start - 1].is_lower \
        and doc[found.start - 1].is_alpha and c.word not in c.w.words["addressee_verb"]
    if found is not None and not mid_clause:
        return None
    after_cue = after(c.w, v, c.end)
    if after_cue is not None and (found is None or after_cue.source_type != "vague"):
        return after_cue
    return None


def subject_before(c: Cue):
    """"Officials estimate", "Jane Roe, 58, an analyst at the bank, said", "the senator, who
    ..., said": the subject before the cue (subjects.before names the shape in `rule`)."""
    return c.subject


def saying_clause(c: Cue):
    """"Rubio hit back, saying ...", "The mayor shook her head and said": the subject that opens
    the sentence speaks."""
    doc, v, at = c.v.doc, c.v, c.at
    if at > v.first and doc[at].text in c.w.grammar["quote_mark"] and doc[at - 1].text == "," and c.word.endswith("ing"):
        at -= 1  # 'a defence of “small-town values,” saying': the comma inside the closing quote
    if at >= v.first and (c.word.endswith("ing") and (doc[at].text == "," or doc[at].lower_ in c.w.words["before_saying"]
                                                      or doc[at].text in c.w.grammar["dash"])
                          or doc[at].lower_ in c.w.words["joins_clauses"]):
        return opening_subject(c.w, v, at) or STOP
    return None


def participle_opening(c: Cue):
    """"After suggesting on Wednesday that ..., Mr. Rubio disagreed": an "-ing" cue opening the
    sentence belongs to the main clause's subject."""
    doc, v = c.v.doc, c.v
    if c.word.endswith("ing") and (c.start == v.first or c.start == v.first + 1
                                   and doc[v.first].lower_ in c.w.words["boundary"] | c.w.words["affiliation"]):
        return opening_subject(c.w, v, v.last)
    return None


RULES = {rule.__name__: rule for rule in (
    possessive, source_after, said_opening, not_a_statement, passive, hypothetical,
    described_participle, things_show, inverted, subject_before, saying_clause, participle_opening)}


def rule_order(lexicons: dict[str, str] | None = None) -> list[str]:
    """The rule names in the order of phrase_rules.csv; an unknown name is a one-line error."""
    return rule_names("phrase_rules", RULES, lexicons)


def phrase(w: Words, v: SentenceView, label: str, cue_start: int, cue_end: int,
           order: list[str], stops: list | None = None) -> Phrase | None:
    """The source phrase of one cue, or None: the first rule in `order` that answers decides.
    `stops`, when given, collects (rule, cue_start, cue_end) of each cue a rule stopped."""
    cue = Cue(w, v, label, cue_start, cue_end)
    for name in order:
        found = RULES[name](cue)
        if found is STOP:
            if stops is not None:
                stops.append((name, cue_start, cue_end))
            return None
        if found is not None:
            found.rule = f"{name}/{found.rule}" if found.rule else name  # "subject_before/dashed"
            return found
    return None


def after(w: Words, v: SentenceView, start: int, fallback: bool = False, loose: bool = True) -> Phrase | None:
    """The source phrase right after a cue: up to a clause boundary, then an apposition.
    fallback: after "according to" whatever phrase follows is the source, typed `vague`
    when no rule knows its head ("according to state law", "according to one global index")."""
    doc, last = v.doc, v.last
    while start < last and doc[start].is_space:
        start += 1
    if start < last and w.pronoun_kind(doc[start].lower_):
        return None  # '..., said he doesn't believe': a clause; a lone "said he" is resolved elsewhere
    end = start
    while end < last and end - start < MAX_SUBJECT_TOKENS and not is_boundary(w, v, end) \
            and not (doc[end].is_lower and doc[end].lower_ in w.verb_subject and doc[end].lower_ not in w.nouns):
        end += 1
    if end == start:
        return None
    found = noun_phrase(w, v, start, end, loose=loose)
    if found is None and fallback and any(t.is_alpha for t in doc[start:end]):
        found = Phrase(start, end, "vague", "", doc[start:end].text)
    if found is None or is_bare_pronoun(found):
        return None
    if end < last and doc[end].text == "," and end + 1 < last \
            and doc[end + 1].lower_ in w.words["determiner"] | w.words["title"]:
        stop = end + 1
        while stop < last and doc[stop].text not in w.grammar["punct_boundary"]:
            stop += 1
        appos = doc[end + 1: stop].text
        found.role = appos if not found.role else f"{found.role}, {appos}"
        found.end = stop
    return found
