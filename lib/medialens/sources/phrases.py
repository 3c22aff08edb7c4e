"""Reading the source phrase around one cue: possessive ("X's statement"), after the cue
("according to X", '"...," said X'), or the subject before it ("X said", "X, a Y, said",
"X, who said", "Rubio hit back, saying")."""
from __future__ import annotations

from .heads import NAMED_TYPES, Phrase, is_bare_pronoun, noun_phrase
from .names import is_name_token
from .scan import cue_start as find_cue_start, is_boundary, skip_back
from .subjects import MAX_SUBJECT_TOKENS, before, opening_subject
from .verbs import closes_quotation, is_statement_verb
from .view import SentenceView
from .words import Words

POSSESSIVE_REACH = 6  # "X's comments (on Monday) suggest": the verb follows closely


def phrase(w: Words, v: SentenceView, label: str, cue_start: int, cue_end: int) -> Phrase | None:
    """The source phrase of one cue, or None. Rules in order: possessive ("X's statement"),
    source after the cue ("according to X"), subject before the cue ("X said", "X, a Y, said",
    "X, who said"), inverted subject after a comma or quotation ('"...," said X')."""
    doc = v.doc
    if label == "possessive":
        return possessive(w, v, cue_start, cue_end)
    if label == "source_after":
        # After "according to" any phrase is the source; after "citing" only a known kind of
        # source ("citing the attack", "citing his Iowa results" cite no one).
        according = doc[cue_start].lower_ == "according"
        return after(w, v, cue_end, fallback=according, loose=according or doc[cue_start].lower_ not in ("citing", "quoting"))
    if cue_start == v.first and doc[cue_start].text[:1].isupper() and w.verb_subject.get(doc[cue_start].lower_) == "any" \
            and cue_end < v.last and doc[cue_end].text[:1].isupper():
        found = after(w, v, cue_end)  # "Said Dorothy Poynter, who grew up with him, ...": inverted
        if found is not None and found.source_type in NAMED_TYPES:
            return found
    if not is_statement_verb(w, v, cue_start, cue_end):
        return None
    word = doc[cue_start].lower_
    subject = w.verb_subject.get(word, "any")
    at = skip_back(w, v, cue_start - 1)
    gap = {doc[k].lower_ for k in range(at + 1, cue_start)}
    infinitive = find_cue_start(w, v, cue_start) < cue_start  # "are more likely to say": no passive
    if not word.endswith("ing") and not infinitive and gap & w.grammar["be"]:
        return None  # "if these reports are confirmed": passive, no source speaks
    if gap & w.grammar["hypothetical"] and not gap & w.grammar["negation"]:
        return None  # "its allies would likely respond": nobody has said anything yet
    if word.endswith("ed") and cue_end < v.last and doc[cue_end].lower_ in ("by", "previously", "above"):
        return None  # "the troops mentioned previously", "the figures reported by": not a speaker
    # Only verbs that people and documents use ("said", "told") vouch for an unknown subject
    # ("the board said"); "suggests", "indicated" also take things ("this measure suggests").
    found = before(w, v, cue_start, loose=subject == "any")
    reports_finding = cue_end < v.last and doc[cue_end].lower_ in w.words["complement_that"]
    if found is not None and subject == "document" and not reports_finding \
            and (found.source_type == "named_person" or found.pronoun == "person"):
        return None  # "show", "find": documents, polls and footage show things; "Trump showed restraint"
    # "Rubio hit back, saying ...": the source is the subject that opens the sentence.
    if at > v.first and doc[at].text in w.grammar["quote_mark"] and doc[at - 1].text == "," and word.endswith("ing"):
        at -= 1  # 'a defence of “small-town values,” saying': the comma inside the closing quote
    if found is None and at >= v.first and (word.endswith("ing") and (doc[at].lower_ in (",", "by") or doc[at].text in w.grammar["dash"])
                                            or doc[at].lower_ in ("and", "but")):
        return opening_subject(w, v, at)  # also "Clinton shook her head and said"
    if found is None and word.endswith("ing") and (cue_start == v.first or cue_start == v.first + 1
                                                   and doc[v.first].lower_ in w.words["boundary"] | w.words["affiliation"]):
        # "After suggesting on Wednesday that ..., Mr. Rubio disagreed": the main clause's subject
        found = opening_subject(w, v, v.last)
    # '"...," said X' or 'Rather than ..., said X': the source follows the cue. Only verbs of
    # saying invert; after "..., underscores" comes an object ("a disturbing new dimension").
    if subject == "any" and not word.endswith("ing") and at >= v.first \
            and (closes_quotation(w, v, at) or doc[at].text == ","):
        # '..., said David Axelrod, a strategist': after a clause the source follows its cue;
        # "X, a Y, said" keeps the subject that opens the sentence.
        mid_clause = found is not None and found.start > v.first and doc[found.start - 1].is_lower \
            and doc[found.start - 1].is_alpha and word not in w.words["addressee_verb"]
        inverted = after(w, v, cue_end) if found is None or mid_clause else None
        if inverted is not None and (found is None or inverted.source_type != "vague"):
            found = inverted
    return found


def possessive(w: Words, v: SentenceView, cue_start: int, cue_end: int) -> Phrase | None:
    """"X's statements ... suggest that": the name run before the possessive, only when a
    reporting verb follows ("X's tweet came" is no attribution)."""
    doc = v.doc
    run_start = cue_start
    while run_start > v.first and (is_name_token(w, v, run_start - 1)
                                   or doc[run_start - 1].text == "-" and not doc[run_start - 1].whitespace_):
        run_start -= 1
    follows = any(doc[k].is_lower and w.verb_subject.get(doc[k].lower_) == "any"
                  for k in range(cue_end, min(v.last, cue_end + POSSESSIVE_REACH))) \
        or cue_end < v.last and doc[cue_end].lower_ in w.words["complement"]  # "X's claim that", "X's pledge to"
    if run_start == cue_start or not follows:
        return None
    return noun_phrase(w, v, run_start, cue_start)


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
