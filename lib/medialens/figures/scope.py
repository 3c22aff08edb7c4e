"""Scope rules: what narrows a figure to a part of the story's total (a breakdown, shown under its
total and never compared with it). Each rule returns the scope, or None when it does not apply;
figure_slot_rules.csv orders them. Places of the article's setting (its headline, the names of
its lede) narrow nothing, unless the figure says it is a part ("98 of them were in Olen",
"in Olen alone"). Place words (district, capital, north ...) are `place_word` rows of
figure_quantities.csv, read through `place_words`; countries and demonyms come from data/world."""
from __future__ import annotations

import re
from functools import lru_cache

from ..dates import is_calendar_word
from ..sentences import STOP_WORDS
from .slots import rule



@lru_cache(maxsize=8)
def _part_patterns(pronouns: str) -> dict[str, re.Pattern]:
    """The patterns of a part named after a figure, with the `partitive_pronoun` rows of
    figure_quantities.csv ("of them", "of whom")."""
    return {
        "partitive": re.compile(rf"\s*of\s+(?:{pronouns}|the\s+(?!\d)[\w-]+(?![\w’'-]*\s+\d))", re.IGNORECASE),
        "origin": re.compile(rf"^(?:\s+of\s+(?:{pronouns}|the\s+[\w-]+))?(?:\s+(?:were|was|are|is|came))?\s+"
                             r"(?:reported\s+)?from\s+(?:the\s+)?(?:neighbouring\s+|nearby\s+)?([\w-]+)(\s+alone)?"),
        "of_whom": re.compile(rf"\s*[-–—,]?\s*of\s+(?:{pronouns})\s+(?:were\s+|was\s+|are\s+|is\s+)?([a-z][\w-]+)"
                              r"(?:\s+(?:in\s+)?([a-z][\w-]+))?"),
    }


def part_pattern(q, name: str) -> re.Pattern:
    return _part_patterns("|".join(sorted(q.partitive_pronoun)) or "(?!)")[name]


@lru_cache(maxsize=16)
def _place_patterns(words: tuple[tuple[str, str], ...]) -> dict[str, re.Pattern]:
    suffix = "|".join(w for w, k in words if k in ("suffix", "both"))
    prefix = "|".join(w for w, k in words if k in ("prefix", "both"))
    return {
        "fronted": re.compile(rf"\s*In\s+(?:the\s+)?((?:(?:{prefix})\s+)?[A-Z][\w-]+(?:\s+(?:{suffix}))?)(\s+(?:alone|only))?,"),
        "there": re.compile(rf"\b(?:the\s+)?(?:\w+\s+)?({prefix}|{suffix})\b", re.IGNORECASE),
        "named": re.compile(rf"\b([A-Z][\w-]+)\s+(?:{suffix})\b"),
        "in": re.compile(rf"\b(?:in|across|at)\s+(?:the\s+)?((?:[A-Z][\w-]+\s*)+(?:{suffix})?|(?:{prefix})\b(?:\s+[A-Z][\w-]+)?)"),
    }


def place_words(q) -> dict[str, re.Pattern]:
    """The place patterns, built from the `place_word` rows: `suffix` words follow a name ("Olen
    district"), `prefix` words stand for a part or before a name ("the capital Astra", "the north")."""
    return _place_patterns(tuple(sorted(q.place_word.items())))


def _country(q, word: str) -> str | None:
    place = q.places.get(word) or q.places.get(word.capitalize())
    return place.country if place and place.role in ("country", "people") else None


@rule("scope")
def same_amount(view):
    """"Temperatures in Tarn reached 48 degrees Celsius (118 degrees Fahrenheit)": the scope of the
    amount before, given again in another unit."""
    return view.twin["scope"] if view.twin else None


@rule("scope")
def group_noun(view):
    """"22 policemen were injured", "nine children were taken to hospital": a group of people."""
    noun = (view.row.get("_noun") or "").lower()
    if noun in view.q.group and view.row["measure"].split(", ")[0] in set(view.q.people_event) | {""}:
        return view.q.group[noun]
    return None


@rule("scope")
def partitive_part(view):
    """"300 casualties reported from Peru alone - 280 of whom were unregistered": the part
    (unregistered) of the figure before it, within that figure's scope."""
    found = part_pattern(view.q, "of_whom").match(view.text, view.number_end)
    previous = view.recent[-1] if view.recent else None
    # "three of them remain in critical condition": past the link verb
    past_verb = bool(found) and found.group(1) in view.q.link_verb
    word = found.group(2) if past_verb else found.group(1) if found else None
    if not word or previous is None or word in view.q.event or word in STOP_WORDS and not past_verb:
        return None
    return ", ".join(part for part in (previous.get("scope", ""), word) if part)


@rule("scope")
def origin(view):
    """"two of the dead were from abroad", "300 casualties reported from Peru alone": where they
    came from. "900 people from their homes" is where they left, and not for a figure inside
    "of the 1,301 deaths" after another figure (that is the whole the other is a part of)."""
    row = view.row
    found = part_pattern(view.q, "origin").match(view.text[row["end"]:view.clause[1]])
    word = found.group(1).lower() if found else ""
    people = row["measure"].split(", ")[0] in view.q.people_event or row["referent_class"] == "casualties"
    if not found or not people or word in STOP_WORDS or word in view.q.event:
        return None
    if "of" in view.wide_before[-3:] and any(w[0].isdigit() for w in view.wide_before):
        return None  # "71% of the 412 deaths were from ...": the 83% is the part
    return _country(view.q, found.group(1)) or view.q.group.get(word) or view.q.group.get("from " + word) or f"from {word}"


@rule("scope")
def nationality(view):
    """"Among the dead were 31 Peruvians", "Peruvians accounted for 300 deaths": the dead of one country."""
    noun = view.row.get("_noun") or ""
    country = _country(view.q, noun) if noun[:1].isupper() else None
    if country:
        return country
    words = view.text[max(view.clause[0], view.row["start"] - 80):view.row["start"]].split()[-4:]
    found = [_country(view.q, w.strip(",")) for w in words if w[:1].isupper() and w.endswith("s")]
    return next((c for c in found if c), None)


@rule("scope")
def place_with(view):
    """"Chile, with 88 deaths": a place named right before ", with"."""
    found = re.search(r"([A-Z][\w-]+),\s+with\s+$", view.text[max(0, view.row["start"] - 40):view.row["start"]])
    if not found or found.group(1).lower() in view.story.setting or is_calendar_word(found.group(1)):
        return None  # "said late on Sunday, with more than 4.2 million ballots cast"
    return found.group(1)


@rule("scope")
def partial(view):
    """"a partial toll of 310 deaths": a part word (`part` in figure_quantities.csv) right before the
    noun the figure is "of" ("projected to win about 101 seats on partial results" is no part)."""
    before = view.cut[0]
    if before[-1:] == ["of"] and len(before) >= 3 and before[-3] in view.q.part:
        return view.q.part[before[-3]]
    return None


@rule("scope")
def facility(view):
    """"6,500 workers at Norland's Brierfield Assembly Plant": a named plant, factory or mine
    (`facility`) is a part of a company's story even where the headline names it."""
    for found in re.finditer(r"\b(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w-]*[’']s\s+)?((?:[A-Z][\w-]+\s+){0,4}([A-Z][a-z]+))\b",
                             view.text[view.row["end"]:view.clause[1]]):
        if found.group(2).lower() in view.q.facility:
            return found.group(1).strip()
    return None


@rule("scope")
def headline_facility(view):
    """"Some 3,400 more workers downed tools on Tuesday" under the headline "Union shuts
    Brierfield Engine Plant": the batch that walked out is the plant's whole count (no longer an
    increment of the strike's), when the headline names one facility the article names too."""
    row = view.row
    if not row.get("_increment") or row["measure"] not in view.q.people_event:
        return None
    facts = view.story.facts
    if "facilities" not in facts:
        facts["facilities"] = _facility_names(view.text, len(view.story.headline), view.q)
    named = [name for name in facts["facilities"] if name in view.story.headline]
    if len(named) != 1:
        return None
    row["_increment"] = False
    return named[0]


def _facility_names(text: str, body_start: int, q) -> list[str]:
    """Names ending in a facility word ("Brierfield Engine Plant") in the article after its headline."""
    words = "|".join(sorted((w.capitalize() for w in q.facility if " " not in w), key=len, reverse=True))
    names = set()
    for found in re.finditer(rf"\b((?:[A-Z][\w-]+\s+){{1,3}})({words})\b", text[body_start:]):
        run = found.group(1).split()
        while run and run[0].lower() in STOP_WORDS:
            run = run[1:]
        if run:
            names.add(" ".join(run + [found.group(2)]))
    return sorted(names)
