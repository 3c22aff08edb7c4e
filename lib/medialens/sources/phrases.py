"""Reading the source phrase around one cue: possessive ("X's statement"), after the cue
("according to X", '"...," said X'), or the subject before it ("X said", "X, a Y, said",
"X, who said", "Rubio hit back, saying")."""
from __future__ import annotations

from itertools import islice, takewhile

from .heads import NAMED_TYPES, Phrase, is_bare_pronoun, noun_phrase
from .names import is_name_token, iter_units
from .scan import cue_start as find_cue_start, first_verb, is_apposition, is_boundary, segment_start, skip_back
from .view import SentenceView
from .words import Words

MAX_SUBJECT_TOKENS = 14  # a longer stretch before a cue is a clause, not a source phrase
POSSESSIVE_REACH = 6  # "X's comments (on Monday) suggest": the verb follows closely
OPENING_COMMAS = 3
LONG_SUBJECT_TOKENS = 24  # the longest subject read when its head is a known kind of source
COMPLEMENT_REACH = 8  # "promised (Sunday at a Las Vegas rally) to end"
RELATIVE_REACH = 60  # a relative clause between a subject and its cue ("X, who ..., said")  # commas of an opening phrase before the main clause's subject


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


def is_statement_verb(w: Words, v: SentenceView, cue_start: int, cue_end: int) -> bool:
    """Whether a reporting verb is used as one here: not "pledged 5 billion rupees", not a
    capitalised verb opening a sentence, not the noun in "media reports suggest" or "the reports"."""
    doc = v.doc
    word = doc[cue_start].lower_
    needs = w.words["complement"] if word in w.words["needs_complement"] else None
    if needs is not None:
        # "pledged (on Monday, Mr. Lee) to|that" within three words, none a number:
        # "pledged 5 billion rupees (to ...)" is an action, not a statement.
        window = doc[cue_end: min(v.last, cue_end + COMPLEMENT_REACH)]
        to = next((t.i for t in window if t.lower_ in w.words["complement"] or t.text in w.grammar["punct_boundary"]), None)
        if to is None or doc[to].lower_ not in needs \
                or any(t.like_num or t.is_currency for t in doc[cue_end:to]):
            return False
    named = cue_end + 1 if cue_end + 1 < v.last and doc[cue_end].lower_ == "the" else cue_end  # "called the X"
    if word in w.words["naming"] and named < v.last and names_a_thing(v, cue_start) \
            and (doc[named].text[:1].isupper() or doc[named].text in w.grammar["quote_mark"]):
        return False  # "a website called “Cape Breton ...”", "a new group called Black Votes Matter"
    if word in w.words["not_before_number"] and cue_end < v.last and (doc[cue_end].like_num or doc[cue_end].is_currency):
        return False  # "organizers added 160 security personnel": an amount, not a statement
    if word in w.words["not_before"] and cue_end < v.last and doc[cue_end].lower_ in w.words["not_before"]:
        return False  # "adding to her lead", "showing up", "agreed to pay": no statement
    if doc[cue_start].text[:1].isupper() and cue_start == v.first:
        return False  # a capitalised verb ("Says") only counts inside a headline-style line
    if cue_end < v.last and doc[cue_end].lower_ in w.verb_subject and word in w.nouns:
        return False  # "media reports suggest": "reports" is the noun, "suggest" the cue
    verb_start = find_cue_start(w, v, cue_start)  # "declined | to comment"
    before_word = doc[verb_start - 1].lower_ if verb_start > v.first else ""
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


def opening_subject(w: Words, v: SentenceView, stop: int) -> Phrase | None:
    """The phrase that opens a sentence, or its main clause after an opening phrase and a
    comma: a determiner, titles, nouns and names, up to the first other word ("The billionaire
    businessman | began ...", "In an interview with CNN, Trump | continued ...")."""
    doc, first = v.doc, v.first
    known = w.words["determiner"] | w.words["title"] | w.words["org_word"] | set(w.nouns)
    # An opening phrase has at most a few commas ("In an interview with CNN on Monday, Trump").
    commas = (k + 1 for k in range(first, stop) if doc[k].text == ",")
    for start in [first, *islice(commas, OPENING_COMMAS)]:
        if start == first and start < stop and doc[start].lower_ in w.words["boundary"]:
            start += 1  # "When Trump later referred to ... and said": the subject after "When"
        end = start
        for a, b, is_name in iter_units(w, v, start, stop):
            if not (is_name or doc[a].lower_ in known or doc[a].text in w.grammar["possessive"]):
                break
            end = b
        if end == start or start > first and not doc[end].is_lower:
            continue  # after an opening phrase the subject must be followed by its verb
        found = noun_phrase(w, v, start, end)
        if found is not None and (found.source_type != "vague" or found.pronoun):
            return found
        if start == first:
            return opening_stretch(w, v, stop)
    return None


def opening_stretch(w: Words, v: SentenceView, stop: int) -> Phrase | None:
    """The phrase from the sentence's start to its first clause word, when its head is a known
    kind of source ("Other former CIA officers with no direct knowledge of the case | but ...")."""
    end = v.first
    while end < min(stop, v.first + MAX_SUBJECT_TOKENS) and not is_boundary(w, v, end):
        end += 1
    found = noun_phrase(w, v, v.first, end) if end > v.first else None
    return found if found is not None and found.source_type not in ("vague", "named_person") else None


def before(w: Words, v: SentenceView, cue_start: int, loose: bool = False) -> Phrase | None:
    """The subject before a cue: the stretch back to a clause boundary ("officials estimate"),
    or, when a comma precedes the cue, the first of up to three comma-separated chunks that
    is a source, the others being its description ("X, 58, an analyst at Y, said")."""
    doc, first = v.doc, v.first
    end = subject_end = skip_back(w, v, cue_start - 1) + 1
    start = segment_start(w, v, end, reach=LONG_SUBJECT_TOKENS)
    if start < end:
        if end - start > MAX_SUBJECT_TOKENS:
            return long_subject(w, v, start, end)
        verb = first_verb(w, v, start, end) if doc[cue_start].lower_.endswith("ing") else None
        if verb is not None:  # "The ministry issued a statement saying": the clause's subject
            head_end = next((x for x in range(start, verb) if doc[x].text == "("), verb)  # "McConnell (R-Ky.)"
            found = noun_phrase(w, v, start, head_end)
            return found if found is not None and found.source_type != "vague" else None
        # After "who" comes a clause whose subject is "who": look before it
        found = noun_phrase(w, v, start, end, loose) if start == first or doc[start - 1].lower_ != "who" else None
        if found is not None and found.source_type == "vague" and not found.pronoun \
                and is_verb_like(w, v, start):
            found = None  # "must file their campaign finance reports": a clause without its subject
        if found is None:
            found = last_name_run(w, v, start, end)
        if found is not None or start == first or doc[start - 1].lower_ not in ("who", "which"):
            return found
        end = start - 1  # "Trump, who said": the source is the phrase before ", who"
    elif end - 2 > first and doc[end - 1].lower_ == "who" and doc[end - 2].text in w.grammar["dash"]:
        end -= 1  # "Trump - who previously said": "who" is the subject; the source comes before it
    if first < end < subject_end and doc[end].lower_ == "who" and doc[end - 1].text != "," \
            and doc[end - 1].text not in w.grammar["dash"]:
        # "executives who have worked with him say": the people the clause restricts
        head_start = segment_start(w, v, end)
        found = noun_phrase(w, v, head_start, end, loose) if head_start < end else None
        if found is None or found.pronoun:
            return None
        found.role = " ".join(x for x in (found.role, doc[end:subject_end].text) if x)
        found.end = subject_end
        return found
    if end - 1 >= first and doc[end - 1].text in w.grammar["dash"]:
        return dashed_subject(w, v, end - 1)
    if end - 1 < first or doc[end - 1].text != ",":
        return None
    found = relative_subject(w, v, end - 1)
    if found is not None:
        return found
    return described_subject(w, v, comma_chunks(w, v, end - 1), cue_start)


def is_verb_like(w: Words, v: SentenceView, i: int) -> bool:
    """A lower-case reporting verb or auxiliary: no source phrase starts with one."""
    word = v.doc[i].lower_
    return v.doc[i].is_lower and (word in w.verb_subject and word not in w.nouns
                                  or word in w.grammar["be"] | w.grammar["have"] | w.grammar["hypothetical"])


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
        if doc[k].text not in w.grammar["dash"]:
            continue
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
        while i >= first and comma - i <= 25:
            if doc[i].text == ")" and v.open_bracket(i) is not None:
                i = v.open_bracket(i)  # "Rep. Elijah Cummings (D-Md.), chair of ..., said"
            elif doc[i].text in w.grammar["punct_boundary"] and not (
                    doc[i].text == "." and i + 1 < comma and not doc[i + 1].text[:1].isupper()):
                break  # "the No. 2 Republican": a period inside an abbreviation goes on
            i -= 1
        chunks.insert(0, (i + 1, comma))
        if i < first or doc[i].text != ",":
            break
        comma = i
    return chunks


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
    for k, (a, b) in enumerate(chunks):
        if a >= b or doc[a].lower_ in ("who", "which") or doc[a].like_num:
            continue
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
