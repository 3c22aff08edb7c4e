"""Token scans around a cue inside one sentence: skipping auxiliaries and adverbs back to the
subject, finding where a stretch of tokens starts, and telling a clause from a noun phrase."""
from __future__ import annotations

from .heads import is_postmodifier
from .names import is_inline_space, is_name_token
from .view import SentenceView
from .words import Words


def skip_back(w: Words, v: SentenceView, i: int) -> int:
    """Index of the last token before the cue that is not an auxiliary or adverb."""
    # Token.is_lower and Token.is_space are str.islower and str.isspace of the token's text.
    words, lowers, first = v.words, v.lowers, v.first
    while i >= first:
        if lowers[i] in w.words["gap"] or words[i].islower() and lowers[i].endswith("ly") and len(words[i]) > 4 \
                or is_inline_space(words[i]):  # "Trump\xa0said", "Sanders  calls"
            i -= 1
        elif is_time_phrase_word(w, v, i) or lowers[i] in w.grammar["perfect_adverb"] \
                and i - 1 >= first and lowers[i - 1] in w.grammar["have"]:
            i -= 1  # "The agency this week said", "in the past said", "has since said"
        elif words[i] == ")" and v.open_bracket(i) is not None:
            i = v.open_bracket(i) - 1  # "Sen. John Cornyn (R-Texas) said"
        elif cue_start(w, v, i + 1) <= i:
            i = cue_start(w, v, i + 1) - 1  # "declined to comment", "went on to say"
        elif words[i] == "," and parenthesis_start(w, v, i) is not None:
            i = parenthesis_start(w, v, i) - 1  # "Hunter, meanwhile, told", "Cement makers, for instance, argue"
        else:
            break
    return i


def parenthesis_start(w: Words, v: SentenceView, comma: int) -> int | None:
    """The comma opening a short aside that ends at `comma` (", meanwhile,", ", for instance,",
    ", in fact,"): up to three words, each a gap or aside word; None when there is none."""
    for k in range(comma - 2, max(v.first, comma - 4) - 1, -1):
        if v.words[k] == ",":
            inside = v.lowers[k + 1:comma]
            return k if all(x in w.words["gap"] or x in w.words["aside"] for x in inside) else None
    return None


def is_time_phrase_word(w: Words, v: SentenceView, i: int) -> bool:
    """A word of a time phrase between a subject and its cue, read backwards: a time word after
    an opener ("this | week", "the | past"), or an opener before a time word or another opener."""
    lowers = v.lowers
    word = lowers[i]
    if word in w.words["time_word"]:
        return i - 1 >= v.first and lowers[i - 1] in w.words["time_opener"]
    return word in w.words["time_opener"] and i + 1 < v.last \
        and lowers[i + 1] in w.words["time_word"] | w.words["time_opener"]


def cue_start(w: Words, v: SentenceView, start: int) -> int:
    """Where a cue starts with the verb it is the infinitive of: "declined to | comment",
    "went on to | say", "was quick to | add" (before_to words; not "wants to say")."""
    lowers, first = v.lowers, v.first
    i = start - 1
    if i - 1 < first or lowers[i] != "to" or lowers[i - 1] not in w.words["before_to"]:
        return start
    while i - 1 >= first and lowers[i - 1] in w.words["before_to"]:
        i -= 1
    return i


def segment_start(w: Words, v: SentenceView, end: int, reach: int = 15) -> int:
    """Start of the stretch of tokens before `end` up to a comma, quote or clause word, looking
    at most `reach` tokens back (a longer stretch is a clause, not a source phrase: see
    phrases.MAX_SUBJECT_TOKENS), so a cue costs the same in a short sentence and a long one."""
    i = end - 1
    while i >= max(v.first, end - reach - 1):
        if v.words[i] == ")" and i + 1 < end and v.open_bracket(i) is not None:
            i = v.open_bracket(i) - 1  # "McConnell (R-Ky.) issued a statement saying"
        elif is_boundary(w, v, i):
            break
        else:
            i -= 1
    return i + 1



def is_boundary(w: Words, v: SentenceView, i: int) -> bool:
    text = v.words[i]
    if text.isspace():  # a line break ends a phrase; a non-breaking space inside a name does not
        return not (is_inline_space(text) and v.first < i < v.last - 1 and is_name_token(w, v, i - 1)
                    and is_name_token(w, v, i + 1))
    if text in w.grammar["punct_boundary"]:
        return True
    if v.lowers[i] not in w.words["boundary"]:
        return False
    if i > v.first and i + 1 < v.last and is_name_token(w, v, i - 1) and is_name_token(w, v, i + 1):
        return False  # "National Security and Defense Council"
    return text.islower() or i == v.first or v.words[i - 1] in w.grammar["quote_mark"]


def first_verb(w: Words, v: SentenceView, start: int, end: int) -> int | None:
    """The first lower-case verb after the start of a stretch (a reporting verb, an -ed word
    or a gap word such as "has"), not after "to": the stretch is a clause, not a noun phrase. An -ed word counts after a name or a
    source word ("Mensah rejected", "the senator voted"), not after other words ("a retired
    general", "an email obtained by") nor describing its noun ("officials interviewed by")."""
    words, lowers = v.words, v.lowers
    for i in range(start + 1, end):
        word, before = lowers[i], lowers[i - 1]
        if not words[i].islower() or v.doc[i].like_num or before == "to":
            continue
        if word in w.verb_subject and word not in w.nouns or word in w.words["gap"]:
            return i
        if word.endswith("ed") and not is_postmodifier(w, v, i, end) \
                and (not words[i - 1].islower() or before in w.nouns or before in w.words["title"]):
            return i  # after a name or a source word it is a verb ("Mensah rejected")
    return None


def is_apposition(w: Words, v: SentenceView, i: int) -> bool:
    """A chunk that describes the name before it: it starts with a capital, a determiner, a
    title, a number or "who"/"which"; not with another lower-case word ("voted", "speaking")."""
    doc = v.doc
    return not doc[i].is_lower or doc[i].like_num \
        or doc[i].lower_ in w.words["determiner"] | w.words["title"] | w.grammar["relative"]
