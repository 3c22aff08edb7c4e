"""A figure's unit and its value in it: temperatures in °C, lengths in metres, masses in kg,
volumes in litres, areas in hectares, speeds in km/h (figure_units.csv); percentages and
percentage points apart; currencies as ISO codes, never converted."""
from __future__ import annotations

import re

from .numbers import WORD

# Classes of counted things: "7.6m people" is 7.6 million of them, "2.5m high" a length.
COUNTED = {"people", "casualties", "troops", "jobs", "buildings", "votes", "animals", "cases", "weapons"}
# "50°C", "122 °F", "0.4°C": the degree sign is no word, so it is read here.
DEGREE = re.compile(r"\s?°\s?([CF])\b")
SLASHED_UNIT = re.compile(r"\s?(km/h|km/hr|kph|mph|m/s)\b", re.IGNORECASE)


def word_list(text: str, start: int, end: int) -> list[str]:
    return [word.lower() for word in WORD.findall(text, start, end)]  # findall: no Match objects


def _negative(text: str, row: dict) -> None:
    """"-40°C", "−12 °F": a minus sign right before a temperature (not "5-4" or "F-16")."""
    start = row.get("_number_start", row["start"])
    if start == row["start"] and start > 0 and text[start - 1] in "-−–" and (start == 1 or not text[start - 2].isalnum()):
        row["start"] -= 1
        row["surface"] = text[row["start"]:row["end"]]
        for key in ("value", "low", "high"):
            row[key] = -row[key]
        if row["low"] == row["low"] and row["high"] == row["high"] and row["low"] > row["high"]:
            row["low"], row["high"] = row["high"], row["low"]


def unit_of(text: str, row: dict, rules) -> tuple[str, float]:
    """(unit, value in that unit) from the figure's own words; '' for a count."""
    q = rules.quantities
    head = text[row["start"]:row["end"]]
    sign = rules.currency_sign.search(head)
    # The figure's own words and the two after it: "400 jobs in £1.2bn budget" is no sum of money.
    number_end = row.get("_number_end", row["end"])
    words = word_list(text, number_end, row["end"]) + word_list(text, row["end"], min(len(text), row["end"] + 25))[:2]
    words = [w for w in words if w not in ("$", "€", "£", "¥", "₹")]
    unit = glued = scale = None
    slashed = SLASHED_UNIT.match(text, row.get("_number_end", row["end"]))
    degree = DEGREE.match(text, number_end)
    if sign:
        unit = q.units.get(sign.group(1).lower())
    elif degree:
        unit = q.units.get("°" + degree.group(1).lower())
        _negative(text, row)
    elif slashed:
        unit = q.units.get(slashed.group(1).lower())
    else:
        glued = re.search(r"\d([A-Za-z°%]+)\b", head)
        scale = rules.word_value.get(glued.group(1).lower()) if glued else None
        if scale and row["referent_class"] in COUNTED:
            glued = None  # "7.6m people": million, a count follows
        tokens = ([glued.group(1).lower()] if glued else []) + [w for w in words if not w[0].isdigit()]
        for n in (3, 2, 1):
            for i in range(0, min(4, len(tokens) - n + 1)):
                phrase = " ".join(tokens[i:i + n])
                if phrase in q.units and (n > 1 or phrase not in ("in", "m", "l", "c", "f") or glued):
                    unit = q.units[phrase]
                    break
            if unit:
                break
        if unit and unit[0] == "°C":  # "-40 degrees Fahrenheit", as "-40°F" above
            _negative(text, row)
    if unit is None:
        return "", row["value"]
    if glued and scale and unit == q.units.get(glued.group(1).lower()):
        for key in ("value", "low", "high"):  # "2.5m high": metres, not 2.5 million
            row[key] = row[key] / scale
    name, factor, offset = unit
    if name == "percentage points" and not re.search(r"%|per ?cent|percentage", text[max(0, row["start"] - 300):row["end"] + 300]):
        return "", row["value"]
    return name, row["value"] * factor + offset
