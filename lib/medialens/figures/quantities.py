"""Quantities: what a figure is a value of, so the same thing is compared across articles.

A quantity is named from the figure's clause:
- the event (figure_quantities.csv `event`): "1,000 residents die" counts deaths, and so do
  "Over 1,000 Workers Die" and "the death toll rose to 260"; for what happens to people (died,
  hurt, displaced, rescued, arrested, attended, on strike: PEOPLE_EVENTS) who they are adds
  nothing ("40 miners rescued" and "40 rescued" are one count) unless a `group` word narrows it
  (a breakdown, below); for other events a noun names what the event happened to ("nurses
  employed", "homes destroyed");
- for money and percentages the topic (`topic`: aid, cost, offer, turnout, vote share ...), and
  for a share the party or body it belongs to ("vote share, Alliance"): topics.py; a percentage
  carries its unit in its name ("tax increase (%)"), so it is never one quantity with a sum of
  money or a count;
- the scope that narrows it, which makes it a breakdown shown beside its total, never compared
  with it: a group (`group`: children, officers, from abroad), a place ("in Olen district", unless
  that place is the article's setting: named in the headline, or by its proper name in the lede),
  a part ("26 of the dead"), a rate ("a day");
- counts of countries, agencies, years (`enumeration`) are their own quantities.
A figure with no noun and no event of its own ("organisers said 120,000") takes the quantity of
the figure before it in its sentence or the one before. The unit is a separate column
(figure_units.csv): units of one dimension are normalised (Fahrenheit to Celsius, inches to
metres); currencies are not converted, so two currencies are never compared.
"""
from __future__ import annotations

import re

from ..dates import is_calendar_word
from ..sentences import STOP_WORDS
from .topics import find as _find, money_topic, nearest as _nearest, share_name
from .units import unit_of, word_list as _words

# Between two figures that give one amount in two units: "£4.5m ($5.7m)", "310mm, or 12 inches".
SAME_AMOUNT = re.compile(r"^\s*(?:\(|\[|/|,?\s*or|,?\s*(?:that is|equivalent to))\s*$")
CASUALTIES = {"deaths", "injured"}
JOB_EVENTS = {"lost", "redundancies"}
# Events whose counts split into breakdowns by group ("9 children" among those in hospital); with
# another event a group noun names the thing counted ("200 rescuers sent").
PEOPLE_EVENTS = {"deaths", "injured", "missing", "in hospital", "treated", "displaced", "rescued", "trapped",
                 "arrested", "attended", "on strike"}
PREPOSITIONS = {"from", "in", "at", "on", "among", "of", "to", "for", "with", "still", "being", "now", "not"}
# Words by which a bare number in a new sentence points back to a count named before it.
REFERENCE_WORDS = {"number", "figure", "total", "toll", "tally", "count", "estimate", "that", "it"}
# "two more people have died", "300 further cases": an increment, not the total.
INCREMENT = re.compile(r"\b(?:more|further|additional|another|new)\b", re.IGNORECASE)
INCREMENT_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+$", re.IGNORECASE)  # "another 130 people"
FRONTED = re.compile(r"\s*In\s+(?:the\s+)?((?:(?:capital|province|region|state|county|city|north|south|east|west)\s+)?[A-Z][\w-]+(?:\s+(?:district|province|region|county|state))?)(\s+(?:alone|only))?,")
THERE = re.compile(r"\b(?:the\s+)?(?:\w+\s+)?(province|region|district|state|county|capital|city|north|south|east|west)\b", re.IGNORECASE)
ORIGIN = re.compile(r"^(?:\s+of\s+(?:them|whom|the\s+[\w-]+))?(?:\s+(?:were|was|are|is|came))?\s+from\s+(?:the\s+)?(?:neighbouring\s+|nearby\s+)?([\w-]+)")
PARTITIVE = re.compile(r"\s*of\s+(?:them|those|whom|these|the\s+(?!\d)[\w-]+)", re.IGNORECASE)
NAME = re.compile(r"\b[A-Z][\w-]+")
PLACE_NAME = re.compile(r"\b([A-Z][\w-]+)\s+(?:district|province|region|county|state|prefecture)\b")
IN_PLACE = re.compile(r"\b(?:in|across|at)\s+(?:the\s+)?((?:[A-Z][\w-]+\s*)+(?:district|province|region|state|county)?|(?:capital|province|region|north|south|east|west)\b(?:\s+[A-Z][\w-]+)?)")






def _sentence_words(text: str, row: dict, clause: tuple[int, int, int]) -> list[str]:
    """The words (no digits or signs) of the figure's sentence before it."""
    return [w for w in _words(text, max(clause[2], row["start"] - 160), row["start"]) if w[0].isalpha()]


def _context(text: str, row: dict, clause_start: int, clause_end: int, q, cut: bool = True):
    """Words of the clause before and after the figure; with `cut`, up to a coordinator ("infected
    12,000 people and killed 300": the killing is the 300's) or, before it, another number."""
    before = _words(text, max(clause_start, row["start"] - 80), row["start"])[-8:]
    after = _words(text, row["end"], min(clause_end, row["end"] + 80))[:8]
    if not cut:  # still, a number before the figure has words of its own
        digits = [k for k, w in enumerate(before) if w[0].isdigit()]
        return (before[digits[-1] + 1:] if digits else before), after
    for k in range(len(before) - 1, -1, -1):
        if before[k] in q.coordinators or before[k] in q.subordinators or before[k][0].isdigit():
            before = before[k + 1:]  # "64 injured when a train carrying 300 passengers": not theirs
            break
    for k, word in enumerate(after):
        # "1,200 operations and appointments were postponed" goes on; "12,000 people and
        # killed 300" stops: a verb after the coordinator is another clause's.
        if word in q.coordinators and (k + 1 >= len(after) or after[k + 1] in q.event) \
                or word in q.subordinators and word not in ("who", "which", "that"):
            after = after[:k]
            break
    return before, after


def set_quantity(text: str, row: dict, clause: tuple[int, int, int], setting: tuple[str, str], recent: list[dict],
                 rules) -> None:
    """Set row["quantity"], row["unit"], row["value_normalised"] (see the module docstring).
    `clause`: (clause start, clause end, sentence start); `recent`: the figures before it in its
    sentence and the one before, nearest last."""
    q = rules.quantities
    previous = recent[-1] if recent else None
    row["unit"], row["value_normalised"] = unit_of(text, row, rules)
    before, after = _context(text, row, clause[0], clause[1], q)
    cls = row["referent_class"]
    same = previous and SAME_AMOUNT.match(text[previous["end"]:row["start"]]) and previous.get("_base")
    if same:
        name = previous["_base"]  # "£4.5m ($5.7m)", "310mm, or about 12.2 inches": one amount
    elif cls == "money" or row["unit"] in q.currencies:
        wide = _context(text, row, clause[0], clause[1], q, cut=False)
        name = money_topic(*wide, _sentence_words(text, row, clause), recent, q)
    elif row["unit"] in ("%", "percentage points"):
        name = share_name(text, row, *_context(text, row, clause[0], clause[1], q, cut=False), clause, q,
                          _sentence_words(text, row, clause), recent)
    elif row["unit"] or cls == "measure":
        name = _nearest(before, after, q.topic) or q.dimension.get(row["unit"], row["referent"].lower() or "measure")
    else:
        alike = [r for r in recent if r["referent_class"] == row["referent_class"]]
        uncut = _context(text, row, clause[0], clause[1], q, cut=False)[0]
        sentence_words = _words(text, max(clause[2], row["start"] - 120), row["start"])
        name = _count(before, after, row, alike[-1] if alike else previous, q, uncut, sentence_words)
    if row["unit"] in ("%", "percentage points"):
        row["referent_class"] = "percent"
    if name in CASUALTIES and cls in ("people", "troops", "other", ""):
        row["referent_class"] = "casualties"  # "Over 1,000 Workers Die"
    elif name in JOB_EVENTS and cls in ("people", "other", "") and not row["unit"]:
        row["referent_class"] = "jobs"  # "150 people will be made redundant": jobs lost
    rate = _find(after[:5], q.rate)
    row["_base"] = name
    scope = _scope(text, row, before, after, clause, setting, q)
    new = INCREMENT.search(text, row.get("_number_end", row["end"]), row["end"]) \
        or INCREMENT_BEFORE.search(text[max(0, row["start"] - 20):row["start"]])
    parts = (name, scope if scope != name else "", "new" if new and name else "", rate[0] if rate else "")
    row["quantity"] = ", ".join(part for part in parts if part) if name else ""
    if name and row["unit"] in ("%", "percentage points"):
        # A percentage is never the same quantity as a count or a sum of money ("council tax
        # rises 4.99%" and "£102 a year more"): its unit is part of its name.
        row["quantity"] += f" ({row['unit']})"
    row["_base"] = name










def _count(before: list[str], after: list[str], row: dict, previous: dict | None, q, uncut: list[str],
           sentence_words: list[str]) -> str:
    own = (row.get("_noun") or "").lower()
    noun = own or ("" if row["referent"].lower() in q.event else row["referent"].lower())
    noun = q.noun.get(noun, noun)
    if noun in q.enumeration:
        return q.enumeration[noun]
    own_event = q.event.get(own) or _nearest(before, after, q.event)  # "26 of the dead", "64 deaths"
    if own in q.event and row["referent_class"] in ("other", "") and previous is not None:
        # "short of the 106 needed": the noun is the verb; the thing is the figure's before it
        before_noun = (previous.get("_noun") or previous["referent"]).lower()
        noun = q.noun.get(before_noun, before_noun) or noun
        noun = "" if noun in q.event else noun
        row["referent_class"] = previous["referent_class"]
    if not own and not own_event and after[:1] and after[0] in ("are", "were", "is", "was") and len(after) > 1 \
            and after[1] not in PREPOSITIONS:
        # "of whom about 8,400 are union members": the noun after the copula
        content = [w for w in after[1:4] if w.isalpha() and w not in STOP_WORDS]
        if content:
            return q.noun.get(content[-1], content[-1])
    if not own and not own_event:
        # "the number of postponed operations had risen to 2,600": named earlier in the clause
        found = _find(uncut, q.noun, last=True)
        own_event = _find(uncut, q.event, last=True)
        own_event = own_event[0] if own_event else None
        noun = found[0] if found else noun
    if not own and not own_event:
        # "Of the dead, six were from Corvale": the event of the sentence before the figure
        found_event = _find(sentence_words[-12:], q.event, last=True)
        own_event = found_event[0] if found_event else None
    if not own_event and not row.get("_noun") and previous is not None \
            and (previous["sent_id"] == row["sent_id"] or REFERENCE_WORDS & set(sentence_words)
                 or previous["value"] == row["value"]):
        # "organisers said 120,000", "the true number was four times that, at 60,000": the count
        # before it, or the same number again ("even 100,000 represents ..."); a bare number in a
        # sentence of its own with none of these names nothing known
        return previous["_base"]
    if not own_event and own in q.group and previous is not None and previous["sent_id"] == row["sent_id"]:
        return previous["_base"]  # "52 taken to hospital, among them 9 children": a part of the 52
    if not own_event:
        return q.group.get(own) or q.noun.get(own, own)
    if not noun or noun in q.generic or noun in q.event or noun in q.group and own_event in PEOPLE_EVENTS:
        return own_event
    if own_event in PEOPLE_EVENTS and row["referent_class"] in ("people", "casualties") and noun not in q.noun.values():
        return own_event  # "40 miners were rescued" and "40 rescued" are one count; groups narrow it (`group`)
    return f"{noun} {own_event}"


def _scope(text: str, row: dict, before: list[str], after: list[str], clause: tuple[int, int], setting: tuple[str, str],
           q) -> str:
    """The group, origin or place that makes the figure a breakdown of a larger total. `setting`:
    (headline, lede); a place named by its proper name in the lede ("CALDER, July 18 - A fire in
    the Calder Valley ...") is the story's setting, a "province" or "north" only in the headline
    (a local paper's "the northern province" is a part of a national story)."""
    headline = setting[0] + " " + " ".join(NAME.findall(setting[1]))
    noun = (row.get("_noun") or "").lower()
    if noun in q.group and row.get("_base", "").split(", ")[0] in PEOPLE_EVENTS | {""}:
        return q.group[noun]
    partitive = bool(PARTITIVE.match(text, row.get("_number_end", row["end"])))
    origin = ORIGIN.match(text[row["end"]:clause[1]])
    # "two of the dead were from abroad"; "900 people from their homes" is where they left
    if origin and row["_base"].split(", ")[0] in PEOPLE_EVENTS and origin.group(1).lower() not in STOP_WORDS \
            and origin.group(1).lower() not in q.event:
        word = origin.group(1).lower()
        return q.group.get(word) or q.group.get("from " + word) or f"from {word}"
    for place in IN_PLACE.finditer(text, clause[0], clause[1]):
        name = place.group(1).strip()
        following = _words(text, place.end(), min(clause[1], place.end() + 20))[:1]
        following = following if following and following[0][0].isalpha() else []
        if name[0].isupper() and following and following[0] not in STOP_WORDS and following[0] not in q.place_word:
            continue  # "in the Tarma floods": a name, not a place
        # The setting of the whole story (in the headline) narrows nothing, unless the figure
        # is a part ("98 of them were in Olen") or says so ("in Olen alone", "Olen district").
        if is_calendar_word(name.split()[0]):
            continue  # "in Sunday's election", "in March"
        if name[0].isupper() and len(name.split()) > 1 and name.split()[-1].lower() in q.organisation:
            continue  # "across Hallam Health Trust": a body, not a place
        marked = partitive or following[:1] in (["alone"], ["only"])
        if marked or name.split()[0].lower() not in headline.lower():
            return name.lower() if name[0].islower() else name.split()[0]
    fronted = FRONTED.match(text, clause[2])
    if fronted and fronted.end() <= row["start"] and not is_calendar_word(fronted.group(1).split()[0]) \
            and (fronted.group(2) or fronted.group(1).split()[-1].lower() not in setting[0].lower()):
        return fronted.group(1).split()[-1]  # "In the capital Astra, ... 58%": the whole sentence's place
    uncut = _words(text, max(clause[0], row["start"] - 80), min(clause[1], row["end"] + 40))
    if "there" in uncut:  # "52 percent of the vote there": the place named before
        place = None
        for place in THERE.finditer(text, max(0, clause[0] - 200), row["start"]):
            pass
        if place:
            return place.group(1).lower()
    for district in PLACE_NAME.finditer(text, clause[0], clause[1]):
        # "Brask district" says it is a part: only the headline makes it the setting.
        if district.group(1).lower() not in STOP_WORDS and (partitive or district.group(1).lower() not in setting[0].lower()):
            return district.group(1)
    if partitive:  # "four of them in intensive care", "11 of them in a serious condition"
        rest = PARTITIVE.match(text, row.get("_number_end", row["end"]))
        words = [w for w in _words(text, rest.end(), min(clause[1], rest.end() + 40))
                 if w.isalpha() and w not in STOP_WORDS][:2]
        return " ".join(words) or "a part"
    return ""


def settle_bare_nouns(rows: list[dict], rules) -> None:
    """A count named by its noun alone ("100,000 troops"), or a bare number whose noun was
    inherited ("even 100,000 represents ..."), in an article that gives that noun with one event
    ("may send up to 100,000 troops") is that event's count: later mentions drop the verb. With
    two events for the noun it stays apart."""
    events: dict[str, set[str]] = {}
    rows = [row for row in rows if not row["unit"]]  # counts: a sum of money has topics, not events
    for row in rows:
        noun, _, event = row["_base"].partition(" ")
        if event and "," not in row["quantity"]:
            events.setdefault(noun, set()).add(row["_base"])
    for row in rows:
        referent = row["referent"].lower()
        noun = row["_base"] if row["quantity"] else rules.quantities.noun.get(referent, referent)
        if (row["quantity"] == row["_base"]) and len(events.get(noun, ())) == 1:
            row["_base"] = row["quantity"] = next(iter(events[noun]))
