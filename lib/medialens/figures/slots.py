"""Slots: what a figure is a value of, as five columns a reader can check, and the quantity built from them.

- `measure`: what is counted or measured, in plain words ("deaths", "structures destroyed", "cost",
  "pay increase demanded"); '' when the rules cannot tell (the figure is then never compared);
- `scope`: what narrows it to a part of the story's total: a group, a place, a plant, a part
  ("Egypt", "officers", "Olen", "partial", "per day"); '' for the whole;
- `event_time`: '' for the story's own event, else which other one: a year ("2015"), "last year",
  "a week earlier" (another occasion of a count of one occasion, such as a crowd), "forecast";
- `kind`: "level", "change" (an increment or a rise: "three additional deaths", "46% pay
  raises") or "share" (a percentage of something);
- `dimension`: "count", "money", "percent", "percentage points", "length", "area", "temperature",
  "mass", "volume", "speed" (from the unit: area is never length; money keeps its currency in `unit`).

`quantity` joins them ("deaths, Egypt"; "deaths, 2015"; "deaths, new"; "containment (%)"): two
figures share it only when every slot agrees. Each slot is set by the first of its rules that
applies, in the order of data/figures/figure_slot_rules.csv; `slot_rules` names the rule that set
each slot ("measure=count_event; scope=nationality"), so "why did this figure get this scope?"
has a one-word answer. The rules are small functions that register here with `@rule(slot)`.
"""
from __future__ import annotations

from typing import Callable

RULES: dict[str, dict[str, Callable]] = {"measure": {}, "scope": {}, "event_time": {}, "kind": {}, "occasion": {}}
SLOT_COLUMNS = ["measure", "scope", "event_time", "kind", "dimension", "date"]


def rule(slot: str):
    """Register a slot rule under its function name (the name figure_slot_rules.csv orders)."""
    def register(function: Callable) -> Callable:
        RULES[slot][function.__name__] = function
        return function
    return register


def first(slot: str, view) -> tuple[str, str]:
    """(value, rule name) of the first rule of `slot` that gives a value (None: it does not apply)."""
    for name in view.q.slot_order.get(slot, []):
        value = RULES[slot][name](view)
        if value is not None:
            return value, name
    return "", ""


def set_slots(view) -> None:
    """Set measure, scope, event_time, kind, dimension and quantity of `view.row` (its unit is set)."""
    row, why = view.row, {}
    row["dimension"] = view.q.dimension_of.get(row["unit"], "")
    measure, why["measure"] = first("measure", view)
    row["measure"] = row["_base"] = measure
    if measure:
        for slot in ("scope", "event_time", "kind"):
            row[slot], why[slot] = first(slot, view)
    else:
        row["scope"] = row["event_time"] = row["kind"] = ""
    row["slot_rules"] = "; ".join(f"{slot}={name}" for slot, name in why.items() if name)
    row["quantity"] = quantity_of(row)


def quantity_of(row: dict) -> str:
    """The quantity a figure's slots make: "deaths", "deaths, Egypt", "deaths, 2015", "deaths, new",
    "tax increase (%)"; '' when the measure is unclear. A percentage carries its unit in its name,
    so it is never one quantity with a count or a sum of money."""
    if not row["measure"]:
        return ""
    increment = row["kind"] == "change" and row.get("_increment")
    parts = [row["measure"], row["scope"], row["event_time"], "new" if increment else ""]
    name = ", ".join(part for part in parts if part)
    return f"{name} ({row['unit']})" if row["unit"] in ("%", "percentage points") else name


@rule("kind")
def increment(view):
    """"three additional deaths", "another 300 layoffs", "a further 12 bodies": a change, not the total."""
    return "change" if view.row.get("_increment") else None


@rule("kind")
def change_word(view):
    """"46% pay raises", "profit fell 12% to £310m" (the 12%): named with a change word."""
    return "change" if {"increase", "decrease"} & set(view.row["measure"].split(" ")) else None


@rule("kind")
def percent_share(view):
    """"3% of the search area", "83% of the 1,301 deaths", "the fire is 85% contained"."""
    return "share" if view.row["dimension"] == "percent" else None


@rule("kind")
def level(view):
    """"at least 96 dead", "$5.6 billion": a level, what the rest is not."""
    return "level"
