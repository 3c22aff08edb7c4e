"""Scope rules of places, parts named after the figure, who lost a sum, and rates (scope.py has
the rules of groups, origins, nationalities and facilities; figure_slot_rules.csv orders them all)."""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from ..dates import is_calendar_word
from ..sentences import STOP_WORDS
from .scope import part_pattern, place_words
from .slots import rule
from .units import word_list



@lru_cache(maxsize=8)
def _name_run(joiners: str) -> re.Pattern:
    """Capitalised words, joined by a coordinator of clause_words.csv ("Marrow and Teel")."""
    return re.compile(rf"(?:[A-Z][\w'’-]+\s+(?:(?:{joiners})\s+)?)*[A-Z][\w'’-]+")


def _joined(joiners: str) -> re.Pattern:
    return re.compile(rf"\s+(?:{joiners})\s+")


def _follows_figure(view, at: int) -> bool:
    """A place right after another figure ("2,200 structures in Lindby") is that figure's."""
    return any(r is not view.row and 0 <= at - r["end"] <= 3 for r in view.siblings or ())


def _subordinate(view, at: int) -> bool:
    """A subordinate clause opens between the figure and `at`."""
    words = word_list(view.text, view.row["end"], at)
    return any(w in view.q.subordinators and w not in view.q.relative_word for w in words)


def _marked(view) -> bool:
    """The figure says it is a part: "98 of them were in Olen"."""
    return bool(part_pattern(view.q, "partitive").match(view.text, view.number_end))


@rule("scope")
def place_in(view):
    """"26 of the dead were in Olen district", "2,200 structures in Lindby": a place in the
    figure's clause, with no other figure between (in "1.8 million pilgrims ... 51°C at the Grand
    Mosque" the mosque is the temperature's). A name followed by a noun ("in the Tarma floods")
    is no place, nor a month ("in March") or a body ("across Hallam Health Trust")."""
    text, clause, q = view.text, view.clause, view.q
    near = (max(clause[0], view.row["start"] - 200), min(clause[1], view.row["end"] + 200))
    for place in place_words(q)["in"].finditer(text, *near):
        name = place.group(1).strip()
        if place.start() > view.row["end"] and _subordinate(view, place.start()):
            continue  # "scores hurt or missing after they walked to Varan in ..."
        if view.figures_between(place.start(), view.row["start"]) or _follows_figure(view, place.start()) \
                or re.match(rf"[’']s\b|\s*,\s*[A-Z]|\s+(?:{q.name_joiners})\s+[A-Z]", text[place.end(1):place.end(1) + 6]):
            continue  # "2,200 structures in Lindby and 2,100 hectares": Lindby's is the 2,200; "at Norland's", "at Norland, Vesta"
        following = word_list(text, place.end(), min(clause[1], place.end() + 20))[:1]
        following = following if following and following[0][0].isalpha() else []
        if name[0].isupper() and following and following[0] not in STOP_WORDS and following[0] not in q.place_word:
            continue
        if is_calendar_word(name.split()[0].split("-")[-1]):
            continue  # "in March", "in mid-October"
        if name[0].isupper() and len(name.split()) > 1 and name.split()[-1].lower() in q.organisation:
            continue
        if _marked(view) or following[:1] in (["alone"], ["only"]) or name.split()[0].lower() not in view.story.setting:
            # "in Olen district": Olen; "at the Grand Mosque": the mosque's whole name
            words = [w for w in name.split() if w.lower() not in q.place_word or w[0].isupper()]
            return name.lower() if name[0].islower() else " ".join(w for w in words if w.lower() not in q.place_word)
    return None


@rule("scope")
def fronted_place(view):
    """"In the capital Astra, the Alliance is ahead with 58%": the whole sentence's place."""
    fronted = place_words(view.q)["fronted"].match(view.text, view.clause[2])
    if fronted and fronted.end() <= view.row["start"] and not is_calendar_word(fronted.group(1).split()[0]) \
            and (fronted.group(2) or fronted.group(1).split()[-1].lower() not in view.story.headline.lower()):
        names = [w for w in fronted.group(1).split() if w.lower() not in view.q.place_word]
        return names[-1] if names else None  # "In Olen district, ...": Olen
    return None


@rule("scope")
def place_there(view):
    """"52 percent of the vote there": the place named before."""
    row, clause = view.row, view.clause
    if "there" not in word_list(view.text, max(clause[0], row["start"] - 80), min(clause[1], row["end"] + 40)):
        return None
    place = None
    for place in place_words(view.q)["there"].finditer(view.text, max(0, clause[0] - 200), row["start"]):
        pass
    return place.group(1).lower() if place else None


@rule("scope")
def named_district(view):
    """"Brask district has recorded 64 deaths": a district says it is a part; only the headline
    makes it the setting."""
    near = (max(view.clause[0], view.row["start"] - 200), min(view.clause[1], view.row["end"] + 200))
    for district in place_words(view.q)["named"].finditer(view.text, *near):
        name = district.group(1).lower()
        if name not in STOP_WORDS and (_marked(view) or name not in view.story.headline.lower()):
            return district.group(1)
    return None


@rule("scope")
def partitive_rest(view):
    """"four of them in intensive care", "11 of them in a serious condition": the words after."""
    rest = part_pattern(view.q, "partitive").match(view.text, view.number_end)
    if not rest:
        return None
    words = [w for w in word_list(view.text, rest.end(), min(view.clause[1], rest.end() + 40))
             if w.isalpha() and w not in STOP_WORDS and w not in view.q.link_verb][:2]  # "three of them remain in critical condition"
    return " ".join(words) or "a part"


@rule("scope")
def loser(view):
    """"Suppliers lost $800 million", "dealers and customers lost $700 million": who lost a
    sum (the subject of a `loss` verb), names sorted so word order does not split it."""
    if view.row["dimension"] != "money":
        return None
    # From the sentence's start: the apposition's commas are no clause break.
    before = view.text[max(view.clause[2], view.row["start"] - 200):view.row["start"]]
    # "the region's two carmakers - Norland and Vesta - have lost": the apposition aside
    before = re.sub(r"\s*[-–—][^-–—]*[-–—]\s*(?=(?:have\s+|has\s+|had\s+)?(?:also\s+)?\w+\s*$)", " ", before)
    found = re.search(rf"\b((?:[a-z]+\s+)?[a-z]+s(?:\s+(?:{view.q.name_joiners})\s+(?:[a-z]+\s+)?[a-z]+s)?)"
                      r"\s+(?:have\s+|has\s+|had\s+)?(?:also\s+)?(\w+)\s*$", before, re.IGNORECASE)
    if not found or found.group(2).lower() not in view.q.loss:
        return None
    nouns = [w.split()[-1].lower() for w in _joined(view.q.name_joiners).split(found.group(1))]
    return None if any(n in STOP_WORDS for n in nouns) else ", ".join(sorted(nouns))


@rule("scope")
def anaphor(view):
    """"the Marrow and Teel fires, which are 70% and 75% contained. Those fires have burned about
    900 acres": a clause opening with "those", "these" or "both" (`anaphor`) points back to the
    scope of the figure before it; only for its first figure ("These 400 strikers join the 9,000
    already out": the 9,000 are the whole strike's)."""
    first = word_list(view.text, view.clause[0], min(view.clause[1], view.clause[0] + 20))[:1]
    scoped = [r for r in view.recent if r.get("scope")]
    if view.figures_between(view.clause[0], view.row["start"]):
        return None
    return scoped[-1]["scope"] if first and first[0] in view.q.anaphor and scoped else None


@rule("scope")
def named_subject(view):
    """"the Hollin Ridge fire has been 40% contained": the name before the noun a share is of."""
    if view.row["dimension"] != "percent" or view.row["measure"] not in view.q.topic.values():
        return None
    names = [m.group() for m in _name_run(view.q.name_joiners).finditer(
        view.text, max(view.clause[2], view.row["start"] - 200), view.row["start"])]
    names = [" ".join(itertools.dropwhile(lambda w: w.lower() in STOP_WORDS, n.split())) for n in names]  # "The Cedar Ridge"
    names = [n for n in names if n and n.lower() not in view.story.setting
             and n.lower() not in view.q.topic and n.lower() not in view.q.event]  # "Turnout was 61%"
    if not names or view.row["measure"] in ("share", "lead", "support"):
        return None  # a party's vote share is named by topics.share_name
    return ", ".join(_joined(view.q.name_joiners).split(names[-1]))
