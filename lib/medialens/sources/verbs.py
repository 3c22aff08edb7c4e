"""Whether a reporting word is used as a verb of saying where it stands: not a noun ("several
emails", "a press call"), not an action ("pledged 5 billion rupees", "adding to her lead",
"agreed to pay"), not a participle naming a thing ("a website called X")."""
from __future__ import annotations

from .scan import cue_start as find_cue_start
from .view import SentenceView
from .words import Words

COMPLEMENT_REACH = 8  # "promised (Sunday at a Las Vegas rally) to end"


def is_statement_verb(w: Words, v: SentenceView, cue_start: int, cue_end: int) -> bool:
    """Whether a reporting verb is used as one here: not "pledged 5 billion rupees", not a
    capitalised verb opening a sentence, not the noun in "media reports suggest" or "the reports"."""
    doc, words, lowers = v.doc, v.words, v.lowers
    word = lowers[cue_start]
    needs = w.words["complement"] if word in w.words["needs_complement"] else None
    if needs is not None:
        # "pledged (on Monday, Mr. Lee) to|that" within three words, none a number:
        # "pledged 5 billion rupees (to ...)" is an action, not a statement.
        to = next((k for k in range(cue_end, min(v.last, cue_end + COMPLEMENT_REACH))
                   if lowers[k] in w.words["complement"] or words[k] in w.grammar["punct_boundary"]), None)
        if to is None or lowers[to] not in needs \
                or any(t.like_num or t.is_currency for t in doc[cue_end:to]):
            return False
    named = cue_end + 1 if cue_end + 1 < v.last and lowers[cue_end] == "the" else cue_end  # "called the X"
    if word in w.words["naming"] and named < v.last and names_a_thing(v, cue_start) \
            and (words[named][:1].isupper() or words[named] in w.grammar["quote_mark"]):
        return False  # "a website called “Cape Breton ...”", "a new group called Black Votes Matter"
    if word in w.words["not_before_number"] and cue_end < v.last and (doc[cue_end].like_num or doc[cue_end].is_currency):
        return False  # "organizers added 160 security personnel": an amount, not a statement
    if word in w.words["not_before"] and cue_end < v.last and lowers[cue_end] in w.words["not_before"]:
        return False  # "adding to her lead", "showing up", "agreed to pay": no statement
    if words[cue_start][:1].isupper() and cue_start == v.first:
        return False  # a capitalised verb ("Says") only counts inside a headline-style line
    if cue_end < v.last and lowers[cue_end] in w.verb_subject and word in w.nouns:
        return False  # "media reports suggest": "reports" is the noun, "suggest" the cue
    verb_start = find_cue_start(w, v, cue_start)  # "declined | to comment"
    before_word = lowers[verb_start - 1] if verb_start > v.first else ""
    if before_word in ("'", "’") and closes_quotation(w, v, verb_start - 1):
        before_word = ""  # '... that,''' said X': the end of a quotation, not a possessive
    if before_word in w.words["determiner"] | w.words["affiliation"] | w.grammar["possessive"] \
            and before_word not in w.nouns and before_word not in w.words["gap"] and not (doc[verb_start - 1].like_num and not word.endswith("s")):
        return False  # "the reports", "of comments", "two claims": a noun, not a verb ("two said" is one)
    return word not in w.words["noun_reading"] or not is_noun_reading(w, v, verb_start, cue_end)


def closes_quotation(w: Words, v: SentenceView, i: int) -> bool:
    """Whether token `i` is a quotation mark, or an apostrophe right after one ("''' said")."""
    doc = v.doc
    return doc[i].text in w.grammar["quote_mark"] or doc[i].text in ("'", "’") and i - 1 >= v.first \
        and doc[i - 1].text in w.grammar["quote_mark"] | {",", "?", "!", "."}


def names_a_thing(v: SentenceView, cue_start: int) -> bool:
    """Whether the cue follows an indefinite noun phrase ("a website | called", "a new group |
    called"): a participle naming a thing, where a subject would be definite or a name."""
    doc = v.doc
    for k in range(cue_start - 1, max(v.first, cue_start - 6) - 1, -1):
        if doc[k].lower_ in ("a", "an", "another"):
            return k < cue_start - 1 or doc[k].lower_ == "another"
        if not (doc[k].is_lower and doc[k].is_alpha):
            return False
    return False


def is_noun_reading(w: Words, v: SentenceView, verb_start: int, cue_end: int) -> bool:
    """Whether a word that is also a noun ("emails", "remarks", "calls") is one here: after a
    determiner or an adjective ("several emails", "his sexist remarks") or before a word it
    modifies or a verb of its own ("the DNC email leak", "Clinton emails held on a server")."""
    doc = v.doc
    if doc[verb_start].lower_ not in w.words["noun_reading"]:
        return False  # "declined to comment": the infinitive of a verb
    if verb_start > v.first:
        before_word = doc[verb_start - 1]
        if before_word.lower_ in w.words["determiner"]:
            return True
        # an adjective or a noun modifying it: "his sexist remarks", "a press call" (a singular
        # subject would take "calls"), but not a subject: "the ad claims"
        adjective = before_word.is_lower and before_word.is_alpha \
            and before_word.lower_ not in w.words["gap"] and not before_word.lower_.endswith("ly") \
            and (before_word.lower_ not in w.nouns or not doc[verb_start].lower_.endswith("s"))
        if adjective and verb_start - 2 >= v.first and doc[verb_start - 2].lower_ in w.words["determiner"]:
            return True  # "his sexist remarks", "several angry emails"
    if cue_end < v.last:
        after_word = doc[cue_end]
        function_words = w.words["determiner"] | w.words["affiliation"] | w.words["complement"] \
            | w.words["boundary"] | w.words["gap"] | w.words["pronoun_person"] | w.words["pronoun_group"]
        return after_word.is_lower and after_word.is_alpha and after_word.lower_ not in function_words \
            and not w.pronoun_kind(after_word.lower_) and after_word.lower_ not in ("him", "her", "them", "us", "me")
    return False


def is_verb_like(w: Words, v: SentenceView, i: int) -> bool:
    """A lower-case reporting verb or auxiliary: no source phrase starts with one."""
    word = v.doc[i].lower_
    return v.doc[i].is_lower and (word in w.verb_subject and word not in w.nouns
                                  or word in w.grammar["be"] | w.grammar["have"] | w.grammar["hypothetical"])
