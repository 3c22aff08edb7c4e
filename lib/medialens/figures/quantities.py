"""Measures: what a figure counts or measures, named from its clause (the `measure` slot rules;
slots.py builds the quantity from it and the other slots).

- same_amount: one amount in two units ("£4.5m ($5.7m)", "310mm, or 12 inches") is one measure;
- money_topic, percent_topic (topics.py): what a sum of money or a percentage is of ("aid",
  "cost", "offer", "turnout", "share of budget"); a change is named with what changes ("tax
  increase") and with whose stance it is when a demand or offer word stands in its clause ("pay
  increase demanded");
- unit_topic: a measure in a unit, by its topic word, else its dimension ("temperature");
- count_event: a count by its event (figure_quantities.csv `event`): "1,000 residents die",
  "the number of mortalities reached 1,301" and "a death toll of 96" are all deaths; for what
  happens to people (`people_event` rows) who they are adds nothing ("40 miners rescued", "40 rescued"):
  a `group` word makes a breakdown (scope.py); for other events a noun names what the event
  happened to ("homes destroyed"). A weak event ("reached", "counted") yields to another event of
  its clause; an event in a relative clause on the counted noun ("2,700 pilgrims who suffered
  from heat") beats the verb before it. A figure with no noun and no event of its own takes the
  measure of the figure before it in its sentence or one that points back ("organisers said
  120,000", "the number was ... 850"), or of an earlier figure of the same value ("we've got 89
  so far" after a toll of 89); else '' (unclear: never compared).
Counts of countries, agencies, years (`enumeration`) are their own measures. A rate ("a day")
is part of the measure ("cost per day").
"""
from __future__ import annotations

import re

from ..sentences import STOP_WORDS
from . import event_time, occasions, scope, scope_places  # noqa: F401  (their rules register with slots)
from .event_time import claim_date, occasion_clues
from .slots import rule, set_slots
from .topics import find, nearest, share_name
from .topics import money_topic as topic_of_money
from .units import unit_of, word_list
from .view import FigureView

ROUNDING = 0.02  # an amount converted to another unit and rounded stays within 2% of itself
COPULA = ("are", "were", "is", "was")
THINGS = ("weapons", "buildings", "votes", "money", "measure", "percent")  # classes no people event counts
PREPOSITIONS = {"from", "in", "at", "on", "among", "of", "to", "for", "with", "still", "being", "now"}


def set_quantity(view: FigureView) -> None:
    """Set unit, value_normalised, the slots (slots.py), quantity and date of `view.row`."""
    row, q = view.row, view.q
    row["unit"], row["value_normalised"] = unit_of(view.text, row, view.rules)
    row["_increment"] = bool(q.increment_inside.search(view.text, row.get("_number_start", row["start"]), row["end"])
                             or q.increment_prefix.search(view.text[max(0, row["start"] - 20):row["start"]])
                             or view.cut[1][:1] and view.cut[1][0] in q.increment_after)  # "8,700 strikers join the 25,000"
    set_slots(view)
    twin = view.twin if "measure=same_amount" in row["slot_rules"] else None
    # "47 °C (117 °F)": one amount, so one value, not 47 and 47.22; a conversion the article got
    # wrong ("3.39 sq miles (5.45 sq km)") keeps its own value
    if twin and twin["unit"] == row["unit"] and abs(row["value_normalised"] - twin["value_normalised"]) \
            <= ROUNDING * abs(twin["value_normalised"]):
        row["value_normalised"] = twin["value_normalised"]
    measure = row["measure"]
    if row["unit"] in ("%", "percentage points"):
        row["referent_class"] = "percent"
    # The class an event gives the people it counts (`class_of` rows): "Over 1,000 Workers Die" are
    # casualties, "150 people will be made redundant" jobs lost, "11 people were arrested" arrests.
    counted_as_measure = row["referent_class"] == "measure" and not row["unit"]  # "89 so far" after "5 square miles"
    if measure in q.class_of and not row["unit"] \
            and (row["referent_class"] in ("people", "troops", "other", "") or counted_as_measure):
        row["referent_class"] = q.class_of[measure]
    row["date"] = claim_date(view)
    if measure in q.occasion:
        row["_weekday"], row["_shift"] = occasion_clues(view)


@rule("measure")
def same_amount(view):
    """"£4.5m ($5.7m)", "310mm, or about 12.2 inches": the amount before, in another unit."""
    return view.twin["measure"] if view.twin else None


@rule("measure")
def money_topic(view):
    """"a pay offer of £1.2bn", "the strike cost $3.95 billion": what a sum of money is of."""
    if view.row["dimension"] != "money" and view.row["referent_class"] != "money":
        return None
    name = topic_of_money(*view.uncut, view.sentence_before, view.recent, view.q)
    return _with_stance(view, name) if name else _same_value(view, "money")


@rule("measure")
def percent_topic(view):
    """"80% of ballots counted", "the fire is 85% contained", "46% pay raises" (a demand)."""
    if view.row["dimension"] not in ("percent", "percentage points"):
        return None
    clause = (view.clause[0], view.clause[1], view.clause[2])
    return _with_stance(view, share_name(view.text, view.row, *view.uncut, clause, view.q, view.sentence_before,
                                         view.recent))


@rule("measure")
def unit_topic(view):
    """"rainfall reached 310mm", "temperatures of 47 degrees Celsius", "a magnitude 7.1 earthquake":
    a topic, else the dimension, else the measure word of its own clause."""
    row = view.row
    if not row["unit"] and (row["referent_class"] != "measure" or row.get("_borrowed")):
        return None  # "we've got 89 so far" after "5 square miles" is no measure of area
    if not row["unit"]:
        return _with_rate(view, nearest(*view.cut, view.q.topic) or row["referent"].lower())
    return _with_rate(view, nearest(*view.cut, view.q.topic) or view.q.dimension.get(view.row["unit"]) or "")


@rule("measure")
def population(view):
    """"the town of 13,000", "the region's 4 million people": how many live in a place."""
    if view.row["unit"]:
        return None
    before = view.text[max(view.clause[2], view.row["start"] - 40):view.row["start"]]
    found = re.search(r"\b(\w+)\s+of\s+$|\b(\w+)[’']s\s+$", before)
    word = (found.group(1) or found.group(2)).lower() if found else ""
    return view.q.topic.get("population", "population") if word in view.q.place_word else None


@rule("measure")
def count_event(view):
    """"at least 36 people have died", "11 people have been arrested", "More than 1,000 still
    missing": a count by its event, its noun or the figure it points back to."""
    return _with_rate(view, _count(view))


def _with_stance(view, name: str) -> str:
    """"asking for ... 32% pay raises", "offered about 15% increases in hourly pay": a change
    demanded or offered (`stance` words of the clause) is named so."""
    stances = {view.q.topic.get(term) for term in view.q.stance}
    if not name or name.rsplit(" ", 1)[-1] not in ("increase", "decrease") or name.split(" ")[0] in stances:
        return _with_rate(view, name)  # "offer increase" says its stance already
    sentence = word_list(view.text, max(view.clause[2], view.row["start"] - 300), view.row["start"])
    stance = find(view.uncut[0] + sentence, view.q.stance, last=True)
    return _with_rate(view, f"{name} {stance[0]}" if stance else name)


def _with_rate(view, name: str) -> str:
    """"£2 million a day", "10 to 20 people per day": a rate is part of what is measured (not of a
    percentage: "40% hourly pay increases" is hourly pay; not "a year earlier", a time)."""
    if not name or view.row["dimension"] in ("percent", "percentage points"):
        return name
    after = view.cut[1][:5]
    if find(after, view.q.time):  # found or not is all that counts: no table of names made per figure
        return name
    hit = find(after, view.q.rate)
    return f"{name} {hit[0]}" if hit else name


def _same_value(view, dimension: str) -> str:
    earlier = view.row.get("_same_value")
    return earlier["measure"] if earlier is not None and earlier["dimension"] == dimension else ""


def _own_event(view, own: str) -> str | None:
    """The event of the figure's own words, its relative clause, or its clause (a weak event
    yields to another)."""
    q, row = view.q, view.row
    inside = word_list(view.text, view.number_end, row["end"])
    before, after = view.cut
    # "2,700 pilgrims who suffered", "2,700 cases of heat exhaustion"
    relative = after[1:4] if after[:1] and (after[0] in q.relative_word or after[0] == "of") else []
    # A weak event ("reached", "counted", "took part") yields to any other event of the clause:
    # "the number of mortalities reached 1,301", "4,800 nurses took part in the strike".
    strong = q.strong_event
    for words in (relative, inside):
        hit = find(words, q.event)
        if hit and hit[0] in q.occasion:
            # "300 demonstrators were arrested": a crowd's noun yields to what happened to it
            return nearest(before, after, {k: v for k, v in strong.items() if v not in q.occasion}) or hit[0]
        if hit:
            return hit[0]
    return strong.get(own) or nearest(before, after, strong) or q.event.get(own) or nearest(before, after, q.event)


def _count(view) -> str:
    q, row = view.q, view.row
    own = (row.get("_noun") or "").lower()
    if own.endswith(("'s", "’s")):
        return _possessive_part(view)
    noun = own or ("" if row["referent"].lower() in q.event else row["referent"].lower())
    noun = q.noun.get(noun, noun) if noun[:1].isalpha() else ""  # a referent "%" inherited from "74%" is no noun
    words = (noun.split(" ")[0], noun.split(" ")[-1]) if noun else tuple(view.cut[1][:2])  # "16 travel agencies"
    counted = next((w for w in words if w in q.enumeration), None)
    if counted:  # "more than 12 countries reaching from ...", "the licences of 9 travel agencies"
        return q.enumeration[counted]
    event = _own_event(view, own)
    previous = _alike(view)
    if own in q.event and row["referent_class"] in ("other", "") and previous is not None:
        # "short of the 106 needed": the noun is the verb; the thing is the figure's before it
        before_noun = (previous.get("_noun") or previous["referent"]).lower()
        noun = q.noun.get(before_noun, before_noun)
        noun = "" if noun in q.event else noun
        row["referent_class"] = previous["referent_class"]
    if not own and not event:
        copula = _copula_noun(view)
        if copula is not None:
            return copula
        named, event = _clause_noun_event(view)
        noun = named or noun
    if not own and not event:
        event = _event_before(view)
    if event in q.people_event and row["referent_class"] in THINGS:
        event = None  # "fired 30 rubber bullets to clear the square": bullets take no part in it
    if not event:
        return _no_event(view, own, previous)
    if not noun or noun in q.generic or noun in q.event or noun in q.group and event in q.people_event:
        return event
    if event in q.people_event and row["referent_class"] in ("people", "casualties", "other") and noun not in q.noun.values():
        return event  # "40 miners were rescued" and "40 rescued" are one count; groups narrow it (`group`)
    return f"{noun} {event}"


def _possessive_part(view) -> str:
    """"Nearly 40,000 of the town's 90,000 residents fled": a part of the count after the
    possessive, whose event it shares; a place's possessive is never what is counted."""
    following = [r for r in view.siblings or [] if r["start"] >= view.row["end"]]
    if not following:
        return ""
    after = word_list(view.text, following[0]["end"], min(view.clause[1], following[0]["end"] + 80))[:8]
    strong = view.q.strong_event
    hit = find(after, strong)
    return hit[0] if hit else ""


def _alike(view) -> dict | None:
    alike = [r for r in view.recent if r["referent_class"] == view.row["referent_class"] and not r["unit"]]
    counts = [r for r in view.recent if not r["unit"]]
    return alike[-1] if alike else counts[-1] if counts else None


def _copula_noun(view) -> str | None:
    """"of whom about 8,400 are union members": the noun after the copula."""
    after = view.cut[1]
    if after[:1] and after[0] in COPULA and len(after) > 1 and after[1] not in PREPOSITIONS \
            and after[1] not in view.q.negators:
        content = [w for w in after[1:4] if w.isalpha() and w not in STOP_WORDS]
        if content and content[-1] in view.q.generic:
            return ""  # "All but 31 were licensed pilgrims": people, but counted for what is unclear
        if content:
            return view.q.noun.get(content[-1], content[-1])
    return None


def _clause_noun_event(view) -> tuple[str | None, str | None]:
    """"the number of postponed operations had risen to 2,600": noun and event named earlier in the clause."""
    found = find(view.uncut[0], view.q.noun, last=True)
    event = find(view.uncut[0], view.q.event, last=True)
    return (found[0] if found else None), (event[0] if event else None)


def _event_before(view) -> str | None:
    """"Of the dead, six were from Corvale": the event of the sentence before the figure."""
    hit = find(view.sentence_before, view.q.event, last=True)
    return hit[0] if hit else None


def _no_event(view, own: str, previous: dict | None) -> str:
    """A figure with no event: the figure it points back to, a group's total, else its noun."""
    q, row = view.q, view.row
    if not row.get("_noun") and previous is not None and (
            previous["sent_id"] == row["sent_id"] or set(q.reference) & set(view.sentence_near)
            or previous["value"] == row["value"]):
        # "organisers said 120,000", "the true number was four times that, at 60,000"
        return previous["measure"]
    if not row.get("_noun") and not row["unit"]:
        earlier = _same_value(view, "count")
        if earlier:
            return earlier  # "And we have 64 so far": the toll of 64 given before
    if own in q.group and previous is not None and previous["sent_id"] == row["sent_id"]:
        return previous["measure"]  # "52 taken to hospital, among them 9 children": a part of the 52
    if own + "s" in q.generic or own in q.unclear_noun:
        return ""  # "one protester who gave her name", "used tear gas 80 times": no thing counted
    if row["qualifier"] == "vague" and row["referent_class"] == "other" and " of " not in row["surface"].lower():
        return ""  # "thousands race to escape": a word no list knows after a vague magnitude is its verb
    return q.group.get(own) or q.noun.get(own) or _compound_noun(view, own)


def _compound_noun(view, own: str) -> str:
    """A noun no list knows keeps the nouns written between the number and it, which narrow what
    is counted: "about 20 foam baton rounds" are not the "150 rounds of pepper spray" beside them."""
    inside = word_list(view.text, view.number_end, view.row["end"])[:-1]
    skipped = view.rules.modifiers | view.rules.determiners | set(view.q.increment)
    narrowing = [w for w in inside if w.isalpha() and w not in skipped]
    if view.row["referent_class"] != "other" or not narrowing or "of" in inside:
        return own
    return " ".join([*narrowing, own])
