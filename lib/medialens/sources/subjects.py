"""The subject before a cue: the stretch back to a clause boundary, a subject set off by commas,
dashes or a relative clause ("X, 58, an analyst at Y, said", "X — a teacher — says", "X, who
..., said"), or the subject that opens the sentence ("Rubio hit back, saying")."""
from __future__ import annotations

from itertools import islice, takewhile

from .heads import NAMED_TYPES, Phrase, is_bare_pronoun, noun_phrase
from .names import is_name_token, iter_units
from .scan import first_verb, is_apposition, is_boundary, segment_start, skip_back
from .verbs import is_verb_like
from .view import SentenceView
from .words import Words

MAX_SUBJECT_TOKENS = 17  # a longer stretch before a cue is a clause, not a source phrase
LONG_SUBJECT_TOKENS = 24  # the longest subject read when its head is a known kind of source
OPENING_COMMAS = 3  # commas of an opening phrase before the main clause's subject
RELATIVE_REACH = 60  # a relative clause between a subject and its cue ("X, who ..., said")
CHUNK_REACH = 40  # one comma-set description: "X, a strategist who ran ... and is now running ..., said"


def shaped(found: Phrase | None, shape: str) -> Phrase | None:
    """Record the subject's shape on a phrase found (the rule benchmarks count it under)."""
    if found is not None and not found.rule:
        found.rule = shape
    return found


def before(w: Words, v: SentenceView, cue_start: int, loose: bool = False) -> Phrase | None:
    """The subject before a cue: the stretch back to a clause boundary ("officials estimate"),
    or, when a comma precedes the cue, the first of up to three comma-separated chunks that
    is a source, the others being its description ("X, 58, an analyst at Y, said")."""
    doc, first = v.doc, v.first
    end = subject_end = skip_back(w, v, cue_start - 1) + 1
    start = segment_start(w, v, end, reach=LONG_SUBJECT_TOKENS)
    if start < end:
        if end - start > MAX_SUBJECT_TOKENS:
            return shaped(long_subject(w, v, start, end), "long_subject")
        verb = first_verb(w, v, start, end) if doc[cue_start].lower_.endswith("ing") else None
        if verb is not None:  # "The ministry issued a statement saying": the clause's subject
            head_end = next((x for x in range(start, verb) if doc[x].text == "("), verb)  # "McConnell (R-Ky.)"
            found = noun_phrase(w, v, start, head_end)
            return shaped(found, "clause_subject") if found is not None and found.source_type != "vague" else None
        # After "who" comes a clause whose subject is "who": look before it
        found = noun_phrase(w, v, start, end, loose) if start == first or doc[start - 1].lower_ != "who" else None
        if found is not None and found.source_type == "vague" and not found.pronoun \
                and is_verb_like(w, v, start):
            found = None  # "must file their campaign finance reports": a clause without its subject
        titled = start + 1 < end and doc[start].lower_ == "the" and doc[start + 1].lower_ in w.words["title"]
        if found is not None and titled and start - 1 > first and doc[start - 1].text == ",":
            named = unclosed_apposition(w, v, start - 1, found)
            if named is not None:
                return named
        found = shaped(found, "stretch")
        if found is None:
            found = shaped(last_name_run(w, v, start, end), "last_name_run")
        if found is not None or start == first or doc[start - 1].lower_ not in ("who", "which", "whose"):
            return found
        end = start - 1  # "Trump, who said": the source is the phrase before ", who"
    elif end - 2 > first and doc[end - 1].lower_ == "who" and doc[end - 2].text in w.grammar["dash"]:
        end -= 1  # "Trump - who previously said": "who" is the subject; the source comes before it
    if first < end < subject_end and doc[end].lower_ in ("who", "whose") and doc[end - 1].text != "," \
            and doc[end - 1].text not in w.grammar["dash"]:
        # "executives who have worked with him say": the people the clause restricts
        head_start = segment_start(w, v, end)
        found = noun_phrase(w, v, head_start, end, loose) if head_start < end else None
        if found is None or found.pronoun:
            return None
        found.role = " ".join(x for x in (found.role, doc[end:subject_end].text) if x)
        found.end = subject_end
        return shaped(found, "restrictive_who")
    if end - 1 >= first and doc[end - 1].text in w.grammar["dash"]:
        return shaped(dashed_subject(w, v, end - 1), "dashed")
    if end - 1 < first or doc[end - 1].text != ",":
        return None
    found = relative_subject(w, v, end - 1)
    if found is not None:
        return shaped(found, "relative_who")
    return shaped(described_subject(w, v, comma_chunks(w, v, end - 1), cue_start), "comma_chunks")


def unclosed_apposition(w: Words, v: SentenceView, comma: int, title: Phrase) -> Phrase | None:
    """"Pat Reyes, the chief executive of the firm argued": an apposition whose closing comma is
    missing. The person named before the comma is the source, the title phrase its role."""
    start = segment_start(w, v, comma)
    named = noun_phrase(w, v, start, comma) if start < comma else None
    if named is None or named.source_type != "named_person":
        return None
    named.role = ", ".join(x for x in (named.role, v.doc[title.start:title.end].text) if x)
    named.end = title.end
    return shaped(named, "unclosed_apposition")


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
    doc = v.doc
    for k in range(comma - 1, max(v.first + 1, comma - RELATIVE_REACH) - 1, -1):
        if doc[k].text in w.grammar["quote_mark"] or doc[k].text == ";":
            return None
        if doc[k].lower_ not in ("who", "whose") or doc[k - 1].text != ",":
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
    doc, first = v.doc, v.first
    chunks = []
    while len(chunks) < 3:
        i = comma - 1
        while i >= first and comma - i <= CHUNK_REACH:
            if doc[i].text == ")" and v.open_bracket(i) is not None:
                i = v.open_bracket(i)  # "Rep. Elijah Cummings (D-Md.), chair of ..., said"
            elif doc[i].text in w.grammar["punct_boundary"] and not (
                    doc[i].text == "." and i + 1 < comma and not doc[i + 1].text[:1].isupper()) \
                    and not is_town_state(v, i, comma):
                break  # "the No. 2 Republican": a period inside an abbreviation goes on
            i -= 1
        chunks.insert(0, (i + 1, comma))
        if i < first or doc[i].text != ",":
            break
        comma = i
    return chunks


def is_town_state(v: SentenceView, i: int, comma: int) -> bool:
    """Whether the comma at `i` joins a town and its abbreviated state in one chunk ("of Flint,
    Mich., said", "a Hollywood, Fla., rabbi"): "Town, Xx." right before the chunk's comma."""
    doc = v.doc
    state = doc[i + 1].text if i + 2 == comma else ""
    return doc[i].text == "," and i > v.first and doc[i - 1].text[:1].isupper() and len(state) <= 6 \
        and state.endswith(".") and state[:1].isupper() and state[1:-1].isalpha()


def described_subject(w: Words, v: SentenceView, chunks, cue_start: int) -> Phrase | None:
    """The first chunk that names a source, described by the chunks after it; failing that,
    a first chunk that is a known kind of source ("Officials, speaking on condition ...,").
    Before an -ing cue the clause right before it comes first ("At an event in Ames, Iowa, on
    Sunday, Mrs. Clinton tried to explain, saying": Mrs. Clinton, not Iowa)."""
    doc = v.doc
    if doc[cue_start].lower_.endswith("ing") and chunks and chunks[-1][0] < chunks[-1][1]:
        a, b = chunks[-1]
        verb = first_verb(w, v, a, b)
        head_end = next((x for x in range(a, verb) if doc[x].text == "("), verb) if verb is not None else None
        found = noun_phrase(w, v, a, head_end) if verb is not None else None
        if found is not None and not is_bare_pronoun(found) and found.source_type != "vague":
            found.end = verb
            return found
    # A chunk led by a number word comes last: "One former official, speaking ..., said" is a
    # source, but a name after it is the better one ("Two analysts, Jane Doe and ..., found").
    for k, (a, b) in sorted(enumerate(chunks), key=lambda c: doc[c[1][0]].like_num):
        if a >= b or doc[a].lower_ in ("who", "which") or doc[a].like_num and (b - a == 1 or not doc[a].is_alpha):
            continue  # an age or figure ("X, 58, said")
        # "Mensah rejected the results, saying": the subject of the clause, up to its verb.
        # Before any other cue a clause is no source ("..., the party has lost its way, said X").
        verb = first_verb(w, v, a, b)
        if verb is not None and not doc[cue_start].lower_.endswith("ing"):
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
        # The chunks after it describe it ("58", "a Democrat", "Twitter's director of ...",
        # "who ...") up to one starting with a lower-case verb ("voted against the bill"),
        # which is what the source did.
        described = [] if verb else list(takewhile(lambda c: c[0] < c[1] and is_apposition(w, v, c[0]),
                                                   chunks[k + 1:]))
        found.role = ", ".join(x for x in (found.role, *(doc[x:y].text for x, y in described)) if x)
        found.end = verb or (described[-1][1] if described else b)
        if found.source_type in ("unnamed_official", "anonymous") and described:
            named = noun_phrase(w, v, *described[0])
            if named is not None and named.source_type == "named_person":
                found.source_type, found.name, found.pronoun = "named_person", named.name, ""
        elif found.source_type == "named_person" and described and doc[described[0][0]].lower_ in ("a", "an"):
            head = noun_phrase(w, v, *described[0])
            if head is not None and head.head in w.words["org_word"]:
                found.source_type = "named_org"  # "Working America, a labor-affiliated group, found"
        return found
    return None


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
