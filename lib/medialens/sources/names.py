"""Names: which tokens are names, how a stretch splits into name runs, which words the text writes
as a person's, and a trained model's entities. Whose name a surname, a pronoun or "the ministry"
stands for is resolve.py's job."""
from __future__ import annotations

import re

from .view import SentenceView
from .words import Words

def is_name_token(w: Words, v: SentenceView, i: int) -> bool:
    """A capitalised word that is not an ordinary word capitalised for starting a sentence."""
    words, first = v.words, v.first
    text = words[i]
    if not text[:1].isupper():
        # the lower-case part of a hyphenated name: "Moon Jae-in"
        return i - 2 >= first and words[i - 1] == "-" and not v.doc[i - 1].whitespace_ \
            and not v.doc[i - 2].whitespace_ and words[i - 2][:1].isupper() and text.isalpha()
    if text.lower() in w.words["not_name"]:
        return False
    # In a heading's Title Case every word is capitalised as if it opened a sentence.
    starts_sentence = i == first or v.heading or words[i - 1] in w.grammar["quote_mark"] or words[i - 1] in ":(-—–"
    if starts_sentence and text.endswith(("ing", "ly")) and i + 1 < v.last and (
            words[i + 1].islower() and v.lowers[i + 1] not in w.verb_subject and v.lowers[i + 1] not in w.words["gap"]
            or text.endswith("ly") and words[i + 1] == ","):
        # "Appearing on CBS, ...", "Shortly after ...", "Essentially, ...": a participle or an
        # adverb opening the sentence, not "Manning said", "Kelly, 42, said"
        return False
    if starts_sentence and v.doc[i].is_stop and not (i + 1 < v.last and v.lowers[i + 1] in w.verb_subject):
        return False  # "Perhaps not coincidentally, ...", "Meantime": a function word, not "May said"
    return not (starts_sentence and (text.lower() in w.common or v.doc[i].lower in v.lower_in_doc))


def units(w: Words, v: SentenceView, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split tokens into (start, end, is_name) units: runs of name tokens (joined by "of",
    "and", "'s", hyphens when a name token follows) and single other tokens."""
    return list(iter_units(w, v, start, end))


def iter_units(w: Words, v: SentenceView, start: int, end: int):
    """The units of `units`, one at a time (a caller that stops early reads no further)."""
    words, lowers = v.words, v.lowers
    i = start
    connectors = w.words["connector"]
    while i < end:
        if is_name_token(w, v, i):
            j = i + 1
            while j < end:
                if is_name_token(w, v, j):
                    j += 1
                elif (lowers[j] in connectors or words[j] == "-" or is_inline_space(words[j])) \
                        and j + 1 < end and is_name_token(w, v, j + 1):
                    j += 2  # "Secretary of State", "Yong-hyun", "Gov.\xa0John Kasich"
                else:
                    break
            yield i, j, True
            i = j
        else:
            yield i, i + 1, False
            i += 1


def is_inline_space(text: str) -> bool:
    """Whether a token's text is whitespace inside a line (a non-breaking space in web copy), not
    a line break (Token.is_space is str.isspace)."""
    return text.isspace() and "\n" not in text


# Two whitespace-separated words with one space between ("Lloyd Austin"): every such pair of the
# text in one findall, the second word read by lookahead so it is the first word of the next pair.
WORD_PAIR = re.compile(r"(?<!\S)(\S+) (?=(\S+))")
WORD_BOUNDARY = re.compile(r"\b")
SURNAME = re.compile(r"[A-Z][a-z]+")
GIVEN = re.compile(r"[A-Z][a-z]+$")


def first_named(w: Words, text: str) -> set[str]:
    """The words the text writes after a first name or a title ("Austin" in "Lloyd Austin",
    "Mr. Austin"), and given names (data/world/given_names.csv) it writes before a surname
    ("Bernie" in "Bernie Sanders", not "Ford" in "Ford Expedition"), read in one pass over the
    text. News writing introduces people by full name, so a lone name that never has one
    ("Nabisco announced", "Google said") is an organisation."""
    # Whether a word names a person is asked once per distinct word and the patterns are compiled
    # once: a Match object per word and re's cache looked up twice per pair made this a tenth of
    # the sources tagger's instructions on real articles (50 M of 480 M on 51).
    person: dict[str, bool] = {}

    def names_a_person(other: str) -> bool:
        found = person.get(other)
        if found is None:
            found = person[other] = other.lower() in w.words["title"] or other.isalpha() \
                and other[:1].isupper() and other.lower() not in w.common
        return found
    out: set[str] = set()
    for head, tail in WORD_PAIR.findall(text):
        if names_a_person(head):  # "Lloyd Austin": every word-bounded start of "Austin's"
            out.update(tail[:m.start()] for m in WORD_BOUNDARY.finditer(tail) if m.start())
        # "Bernie Sanders": a given name before a surname ("Bernie" said); not "Ford Expedition"
        surname = SURNAME.match(tail)
        given = surname and GIVEN.search(head)
        if given and given.group() in w.given_names and names_a_person(surname.group()):
            out.add(given.group())
    return out


def entity_names(ner, doc) -> list[tuple[str, str]]:
    """(text, label) of the PERSON, ORG, GPE and NORP entities a trained pipeline finds."""
    return [(e.text, e.label_) for e in ner(doc.text).ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]


def retype(phrase, names) -> None:
    """With a trained model: a named source inside a PERSON entity is a person, inside an
    ORG or GPE entity an organisation (media stays media)."""
    if phrase.source_type not in ("named_person", "named_org") or not phrase.name:
        return
    labels = {label for text, label in names if phrase.name in text or text in phrase.name}
    if "PERSON" in labels and phrase.source_type == "named_org":
        phrase.source_type = "named_person"
    elif labels & {"ORG", "GPE"} and "PERSON" not in labels and phrase.source_type == "named_person":
        phrase.source_type = "named_org"
