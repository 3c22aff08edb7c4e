"""Names: which tokens are names, how a stretch splits into name runs, and whose name a surname,
a pronoun or "the ministry" stands for (resolve_names, in document order)."""
from __future__ import annotations

import re
from collections import deque

from .view import SentenceView
from .words import Words

ANTECEDENT_REACH = 200  # sources looked back at for a pronoun's antecedent


def is_name_token(w: Words, v: SentenceView, i: int) -> bool:
    """A capitalised word that is not an ordinary word capitalised for starting a sentence."""
    doc, first = v.doc, v.first
    text = doc[i].text
    if not text[:1].isupper():
        # the lower-case part of a hyphenated name: "Moon Jae-in"
        return i - 2 >= first and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ \
            and not doc[i - 2].whitespace_ and doc[i - 2].text[:1].isupper() and text.isalpha()
    if text.lower() in w.words["not_name"]:
        return False
    starts_sentence = i == first or doc[i - 1].text in w.grammar["quote_mark"] or doc[i - 1].text in ":(-—–"
    if starts_sentence and text.endswith(("ing", "ly")) and i + 1 < v.last and (
            doc[i + 1].is_lower and doc[i + 1].lower_ not in w.verb_subject and doc[i + 1].lower_ not in w.words["gap"]
            or text.endswith("ly") and doc[i + 1].text == ","):
        # "Appearing on CBS, ...", "Shortly after ...", "Essentially, ...": a participle or an
        # adverb opening the sentence, not "Manning said", "Kelly, 42, said"
        return False
    if starts_sentence and doc[i].is_stop and not (i + 1 < v.last and doc[i + 1].lower_ in w.verb_subject):
        return False  # "Perhaps not coincidentally, ...", "Meantime": a function word, not "May said"
    return not (starts_sentence and (text.lower() in w.common or doc[i].lower in v.lower_in_doc))


def units(w: Words, v: SentenceView, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split tokens into (start, end, is_name) units: runs of name tokens (joined by "of",
    "and", "'s", hyphens when a name token follows) and single other tokens."""
    return list(iter_units(w, v, start, end))


def iter_units(w: Words, v: SentenceView, start: int, end: int):
    """The units of `units`, one at a time (a caller that stops early reads no further)."""
    doc = v.doc
    i = start
    connectors = w.words["connector"]
    while i < end:
        if is_name_token(w, v, i):
            j = i + 1
            while j < end:
                if is_name_token(w, v, j):
                    j += 1
                elif (doc[j].lower_ in connectors or doc[j].text == "-" or is_inline_space(doc[j])) \
                        and j + 1 < end and is_name_token(w, v, j + 1):
                    j += 2  # "Secretary of State", "Yong-hyun", "Gov.\xa0John Kasich"
                else:
                    break
            yield i, j, True
            i = j
        else:
            yield i, i + 1, False
            i += 1


def is_inline_space(token) -> bool:
    """A whitespace token inside a line (a non-breaking space in web copy), not a line break."""
    return token.is_space and "\n" not in token.text


def first_named(w: Words, text: str) -> set[str]:
    """The words the text writes after a first name or a title ("Austin" in "Lloyd Austin",
    "Mr. Austin") or before a surname ("Bernie" in "Bernie Sanders"), read in one pass over the
    text. News writing introduces people by full name, so a lone name that never has one
    ("Nabisco announced", "Google said") is an organisation."""
    def names_a_person(other: str) -> bool:
        return other.lower() in w.words["title"] or other.isalpha() and other[:1].isupper() \
            and other.lower() not in w.common
    out: set[str] = set()
    chunks = list(re.finditer(r"\S+", text))
    for left, right in zip(chunks, chunks[1:]):
        if right.start() - left.end() != 1 or text[left.end()] != " ":
            continue
        head, tail = left.group(), right.group()
        if names_a_person(head):  # "Lloyd Austin": every word-bounded start of "Austin's"
            out.update(tail[:m.start()] for m in re.finditer(r"\b", tail) if m.start())
        surname = re.match(r"[A-Z][a-z]+", tail)
        if surname and names_a_person(surname.group()):  # "Bernie Sanders": the end of "Bernie"
            out.update(head[m.start():] for m in re.finditer(r"\b", head) if m.start() < len(head))
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


def resolve_names(rows: list[dict]) -> None:
    """Fill in names by a simple documented rule, in document order:
    - a named person given by surname ("Austin said") takes the full name of the nearest
      preceding named person whose name ends with it ("Lloyd Austin");
    - "he"/"she" takes type, name and role of the nearest preceding named person or anonymous
      source; "it" of the nearest named organisation, media or unnamed organisation ("the company"); "they" of the nearest
      unnamed official, organisation, media or vague source; "the agency", "the senator" the
      same, but only from a source whose name or role contains that word ("United Nations
      refugee agency", "Sen. ..."). With none, "he", "she" and "it" become
      `unnamed_official` (one particular speaker the finder could not name, not the vague many
      of a weasel), "they" stays `vague`, and a description `unnamed_official`, with an empty
      name (the sentence still counts as sourced)."""
    fits = {"person": ("named_person", "anonymous"), "org": ("named_org", "media", "unnamed_official"),
            "group": ("unnamed_official", "named_org", "media", "vague", "anonymous")}
    # Linear in the rows: the latest full name per surname, and a bounded look back for antecedents.
    earlier: deque = deque(maxlen=ANTECEDENT_REACH)  # rows that can be antecedents, latest first
    full_names: dict[str, str] = {}
    for row in rows:
        if row["pronoun"]:
            antecedent = next((r for r in earlier if r["source_type"] in fits[row["pronoun"]]
                               and row["head"] in f'{r["name"]} {r["role"]}'.lower()), None)
            if antecedent is not None:
                row.update(source_type=antecedent["source_type"], name=antecedent["name"],
                           role=antecedent["role"])
            elif row["pronoun"] in ("person", "org") and not row["head"] and row["source_type"] == "vague":
                row["source_type"] = "unnamed_official"  # one speaker, not a vague many
        elif row["source_type"] == "named_person" and " " not in row["name"].strip():
            row["name"] = full_names.get(row["name"], row["name"])
        if not row["pronoun"] or row["head"]:  # bare pronouns are no antecedents
            earlier.appendleft(row)
            if row["source_type"] == "named_person" and " " in row["name"]:
                full_names[row["name"].rsplit(" ", 1)[1]] = row["name"]
