"""Subjects set off from their cue: by a pair of dashes ("X — a teacher — says"), a relative
clause ("X, who ..., said"), comma-set descriptions ("X, 58, an analyst at Y, said"), an
apposition missing its closing comma, or a long stretch ending in a name. subjects.py names these
shapes and tries them in the order of data/sources/subject_rules.csv."""
from __future__ import annotations

from itertools import takewhile

from .heads import NAMED_TYPES, Phrase, is_bare_pronoun, noun_phrase
from .names import is_name_token
from .scan import first_verb, is_apposition, segment_start
from .view import SentenceView
from .words import Words

LONG_SUBJECT_TOKENS = 24  # the longest subject read when its head is a known kind of source
RELATIVE_REACH = 60  # a relative clause between a subject and its cue ("X, who ..., said")
CHUNK_REACH = 40  # one comma-set description: "X, a strategist who ran ... and is now running ..., said"


def unclosed_apposition(w: Words, v: SentenceView, comma: int, title: Phrase) -> Phrase | None:
    """"Pat Reyes, the chief executive of the firm argued": an apposition whose closing comma is
    missing. The person named before the comma is the source, the title phrase its role."""
    start = segment_start(w, v, comma)
    named = noun_phrase(w, v, start, comma) if start < comma else None
    if named is None or named.source_type != "named_person":
        return None
    named.role = ", ".join(x for x in (named.role, v.doc[title.start:title.end].text) if x)
    named.end = title.end
    return named


def long_subject(w: Words, v: SentenceView, start: int, end: int) -> Phrase | None:
    """A subject longer than MAX_SUBJECT_TOKENS: only a known kind of source followed by what
    describes it, with no verb in it ("Large majorities of Republican primary voters in six
    states going to the polls on Super Tuesday | said")."""
    if end - start > LONG_SUBJECT_TOKENS or first_verb(w, v, start, end) is not None:
        return None
    found = noun_phrase(w, v, start, end)
    return found if found is not None and not found.pronoun else None


def last_name_run(w: Words, v: SentenceView, start: int, end: int) -> Phrase | None:
    """A named source that ends a stretch which is not a phrase as a whole ("at the party
    convention Sen. Elizabeth Warren | said"): the final run of names, kept only as a name."""
    run = end
    while run > start and is_name_token(w, v, run - 1):
        run -= 1
    if end - run < 2 or run == start:
        return None  # a full name at least: one capitalised word there is too often a place or brand
    found = noun_phrase(w, v, run, end)
    return found if found is not None and found.source_type == "named_person" and (" " in found.name or found.role) else None


def dashed_subject(w: Words, v: SentenceView, dash: int) -> Phrase | None:
    """"Jason Sims — a teacher from Mount Pleasant — says": the phrase before the opening dash of
    a pair, described by what the dashes hold (at most RELATIVE_REACH tokens back)."""
    doc = v.doc
    for k in range(dash - 1, max(v.first, dash - RELATIVE_REACH) - 1, -1):
        if doc[k].text in w.grammar["quote_mark"]:
            return None
        if doc[k].text not in w.grammar["dash"] or doc[k].text == "-" and not doc[k].whitespace_ \
                and not doc[k - 1].whitespace_:
            continue  # "front-runner": a hyphen, not a dash
        start = segment_start(w, v, k)
        found = noun_phrase(w, v, start, k) if start < k else None
        if found is None or is_bare_pronoun(found):
            return None
        found.role = ", ".join(x for x in (found.role, doc[k + 1:dash].text) if x)
        found.end = dash
        return found
    # One dash only: "GOP front-runner Donald Trump - who previously said": the name before it
    start = segment_start(w, v, dash)
    found = noun_phrase(w, v, start, dash) if start < dash else None
    return found if found is not None and found.source_type in NAMED_TYPES else None


def relative_subject(w: Words, v: SentenceView, comma: int) -> Phrase | None:
    """"Mr. Slinker, whose latest start-up, Paradata, uses big data, said": the phrase before
    ", who"/", whose" that a relative clause (commas and all) describes, looking back at most
    RELATIVE_REACH tokens and never past a quotation mark or a semicolon."""
    doc, words = v.doc, v.words
    for k in range(comma - 1, max(v.first + 1, comma - RELATIVE_REACH) - 1, -1):
        if words[k] in w.grammar["quote_mark"] or words[k] == ";":
            return None
        if v.lowers[k] not in w.grammar["relative_person"] or words[k - 1] != ",":
            continue
        start = segment_start(w, v, k - 1)
        found = noun_phrase(w, v, start, k - 1) if start < k - 1 else None
        if found is None or is_bare_pronoun(found) or found.source_type == "vague":
            return None
        found.role = ", ".join(x for x in (found.role, doc[k:comma].text) if x)
        found.end = comma
        return found
    return None


def comma_chunks(w: Words, v: SentenceView, comma: int) -> list[tuple[int, int]]:
    """Up to three comma-separated stretches ending at token `comma`, in text order."""
    words, first = v.words, v.first
    chunks = []
    while len(chunks) < 3:
        i = comma - 1
        while i >= first and comma - i <= CHUNK_REACH:
            if words[i] == ")" and v.open_bracket(i) is not None:
                i = v.open_bracket(i)  # "Rep. Elijah Cummings (D-Md.), chair of ..., said"
            elif words[i] in w.grammar["punct_boundary"] and not (
                    words[i] == "." and i + 1 < comma and not words[i + 1][:1].isupper()) \
                    and not is_town_state(v, i, comma):
                break  # "the No. 2 Republican": a period inside an abbreviation goes on
            i -= 1
        chunks.insert(0, (i + 1, comma))
        if i < first or words[i] != ",":
            break
        comma = i
    return chunks


def is_town_state(v: SentenceView, i: int, comma: int) -> bool:
    """Whether the comma at `i` joins a town and its abbreviated state in one chunk ("of Flint,
    Mich., said", "a Hollywood, Fla., rabbi"): "Town, Xx." right before the chunk's comma."""
    words = v.words
    state = words[i + 1] if i + 2 == comma else ""
    return words[i] == "," and i > v.first and words[i - 1][:1].isupper() and len(state) <= 6 \
        and state.endswith(".") and state[:1].isupper() and state[1:-1].isalpha()


def clause_before_ing(w: Words, v: SentenceView, chunks) -> Phrase | None:
    """Before an -ing cue, the subject of the clause right before it ("At an event in Ames, Iowa,
    on Sunday, Mrs. Clinton tried to explain, saying": Mrs. Clinton, not Iowa)."""
    doc = v.doc
    a, b = chunks[-1]
    verb = first_verb(w, v, a, b) if a < b else None
    if verb is None:
        return None
    head_end = next((x for x in range(a, verb) if doc[x].text == "("), verb)
    found = noun_phrase(w, v, a, head_end)
    if found is not None and not is_bare_pronoun(found) and found.source_type != "vague":
        found.end = verb
        return found
    return None


def described_subject(w: Words, v: SentenceView, chunks, ing: bool) -> Phrase | None:
    """The first chunk that names a source, described by the chunks after it; failing that, a
    first chunk that is a known kind of source ("Officials, speaking on condition ...,")."""
    doc = v.doc
    # A chunk led by a number word comes last: "One former official, speaking ..., said" is a
    # source, but a name after it is the better one ("Two analysts, Jane Doe and ..., found").
    for k, (a, b) in sorted(enumerate(chunks), key=lambda c: doc[c[1][0]].like_num):
        if a >= b or doc[a].lower_ in w.grammar["relative_subject"] or doc[a].like_num and (b - a == 1 or not doc[a].is_alpha):
            continue  # an age or figure ("X, 58, said")
        # "Mensah rejected the results, saying": the subject of the clause, up to its verb.
        # Before any other cue a clause is no source ("..., the party has lost its way, said X").
        verb = first_verb(w, v, a, b)
        if verb is not None and not ing:
            # "The issue had come up after Mr. Trump, asked about it, had said": a clause
            # ending in the subject's name
            found = last_name_run(w, v, a, b) if k == 0 else None
            if found is not None and all(is_apposition(w, v, x) or doc[x].is_lower for x, _ in chunks[1:]):
                return found
            continue
        head_end = next((x for x in range(a, verb or b) if doc[x].text == "("), verb or b)  # "Cummings (D-Md.)"
        found = noun_phrase(w, v, a, head_end)
        if found is None or is_bare_pronoun(found) or (found.source_type not in NAMED_TYPES and k > 0):
            continue
        return with_description(w, v, found, chunks[k + 1:], verb or b, bool(verb))
    return None


def with_description(w: Words, v: SentenceView, found: Phrase, after, end: int, clause: bool) -> Phrase:
    """A chunk's source described by the chunks after it ("58", "a Democrat", "Twitter's director
    of ...", "who ...") up to one starting with a lower-case verb ("voted against the bill"), which
    is what the source did. A named description names an unnamed source; an organisation word
    heading one makes a name an organisation ("Working America, a labor-affiliated group, found")."""
    doc = v.doc
    described = [] if clause else list(takewhile(lambda c: c[0] < c[1] and is_apposition(w, v, c[0]), after))
    found.role = ", ".join(x for x in (found.role, *(doc[x:y].text for x, y in described)) if x)
    found.end = end if clause else (described[-1][1] if described else end)
    if found.source_type in ("unnamed_official", "anonymous") and described:
        named = noun_phrase(w, v, *described[0])
        if named is not None and named.source_type == "named_person":
            found.source_type, found.name, found.pronoun = "named_person", named.name, ""
    elif found.source_type == "named_person" and described and doc[described[0][0]].lower_ in w.words["indefinite"] & w.words["article"]:
        head = noun_phrase(w, v, *described[0])
        if head is not None and head.head in w.words["org_word"]:
            found.source_type = "named_org"
    return found
