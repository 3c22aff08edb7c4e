"""Passes over one article's figures once each has its slots: a count named by its noun alone
takes the one event the article gives that noun (settle_bare_nouns), and a count given again
without its scope takes the scope it was given (settle_restated); an increment someone only
fears or expects is a forecast (settle_feared_increments)."""
from __future__ import annotations

from .slots import quantity_of


def settle_bare_nouns(rows: list[dict], rules) -> None:
    """A count named by its noun alone ("100,000 troops"), or a bare number whose noun was
    inherited ("even 100,000 represents ..."), in an article that gives that noun with one event
    ("may send up to 100,000 troops") is that event's count: later mentions drop the verb. With
    two events for the noun it stays apart."""
    events: dict[str, set[str]] = {}
    rows = [row for row in rows if not row["unit"]]  # counts: a sum of money has topics, not events
    for row in rows:
        noun, _, event = row["measure"].partition(" ")
        if event and not row["scope"]:
            events.setdefault(noun, set()).add(row["measure"])
    for row in rows:
        referent = row["referent"].lower()
        noun = row["measure"] or rules.quantities.noun.get(referent, referent)
        if not row["scope"] and len(events.get(noun, ())) == 1 and row["measure"] == noun:
            row["measure"] = next(iter(events[noun]))
            row["quantity"] = quantity_of(row)


def settle_restated(rows: list[dict]) -> None:
    """A count given again without its scope ("thousands of workers downed tools" after "a
    strike of 6,500 workers at the Brierfield Plant") is the scoped count restated: it takes that
    scope when its value agrees (a vague one's range holds it, or within 5%)."""
    scoped: list[dict] = []
    for row in rows:
        if row["measure"] and row["scope"]:
            scoped.append(row)
            continue
        if not row["measure"] or row["scope"] or row["event_time"] or row["kind"] != "level":
            continue
        same = [r for r in scoped if r["measure"] == row["measure"] and r["unit"] == row["unit"] and _agrees(row, r["value"])]
        if same:
            row["scope"] = same[-1]["scope"]
            row["slot_rules"] += "; scope=restated"
            row["quantity"] = quantity_of(row)


def _agrees(row: dict, value: float) -> bool:
    if row["qualifier"] == "vague":
        return row["low"] <= value <= row["high"]
    return abs(row["value"] - value) <= 0.05 * value


def settle_feared_increments(rows: list[dict], q) -> None:
    """"The mayor warned that scores more people could be found dead": an increment stated only
    as a fear or an expectation (speculative) is a forecast, never compared with increments
    that happened ("three additional deaths on Friday")."""
    label = next((lab for kind, _, lab in q.time.values() if kind == "forecast" and lab), "")
    for row in rows:
        if label and row["kind"] == "change" and row.get("_increment") and row["modality"] == "speculative" \
                and not row["event_time"]:
            row["event_time"] = label
            row["slot_rules"] += "; event_time=feared_increment"
            row["quantity"] = quantity_of(row)
