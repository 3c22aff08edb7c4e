"""The subject that opens a sentence, for a cue that follows a clause ("Rubio hit back, saying",
"The mayor shook her head and said") or opens it ("After suggesting ..., Mr. Rubio disagreed")."""
from __future__ import annotations

from itertools import islice

from .heads import Phrase, noun_phrase
from .names import iter_units
from .scan import first_verb, is_boundary
from .view import SentenceView
from .words import Words

MAX_SUBJECT_TOKENS = 17  # a longer stretch before a cue is a clause, not a source phrase
OPENING_COMMAS = 3  # commas of an opening phrase before the main clause's subject


def opening_subject(w: Words, v: SentenceView, stop: int) -> Phrase | None:
    """The phrase that opens a sentence, or its main clause after an opening phrase and a
    comma: a determiner, titles, nouns and names, up to the first other word ("The billionaire
    businessman | began ...", "In an interview with CNN, Trump | continued ...")."""
    doc, first = v.doc, v.first
    known = w.words["determiner"] | w.words["title"] | w.words["org_word"] | set(w.nouns)
    # An opening phrase has at most a few commas ("In an interview with CNN on Monday, Trump").
    commas = (k + 1 for k in range(first, stop) if doc[k].text == ",")
    lead = first  # "When Trump later referred to ... and said", "And then the senator went on ..., saying"
    while lead < min(stop, first + 2) and doc[lead].lower_ in w.words["boundary"] | w.words["gap"]:
        lead += 1
    for start in [lead, *islice(commas, OPENING_COMMAS)]:
        end = start
        for a, b, is_name in iter_units(w, v, start, stop):
            if not (is_name or doc[a].lower_ in known or doc[a].text in w.grammar["possessive"]):
                break
            end = b
        if end == start or start > lead and not doc[end].is_lower:
            continue  # after an opening phrase the subject must be followed by its verb
        found = noun_phrase(w, v, start, end)
        if found is not None and (found.source_type != "vague" or found.pronoun):
            return found
        if start == lead:
            return opening_stretch(w, v, stop)
    return None


def opening_stretch(w: Words, v: SentenceView, stop: int) -> Phrase | None:
    """The phrase from the sentence's start to its first clause word, when its head is a known
    kind of source ("Other former CIA officers with no direct knowledge of the case | but ...")."""
    end = v.first
    while end < min(stop, v.first + MAX_SUBJECT_TOKENS) and not is_boundary(w, v, end):
        end += 1
    verb = first_verb(w, v, v.first, end)
    end = verb if verb is not None else end  # "The retired judge | has provided no details ..., saying"
    found = noun_phrase(w, v, v.first, end) if end > v.first else None
    return found if found is not None and found.source_type not in ("vague", "named_person") else None
