"""Numbers and lists as a reader writes them, for every sentence the notebooks and the brief print.

One formatter, so two notebooks never print one value two ways ("7.4" in one, "7" in the other).
"""
from __future__ import annotations

import math

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "₹"}


def number(value, unit: str = "") -> str:
    """A figure as a reader writes it: 300,000; 7.4; 1.5 million; $5.52 billion; 43 °C; 12%.

    Whole numbers get thousands separators; others keep up to two decimals (7.4, not 7.40 or 7);
    a million and more is written with its scale word when that is exact to two decimals.
    `unit` is a currency code (written as its sign where it has one), "%" or another unit.

    >>> number(5.52e9, "USD"), number(300000), number(7.4), number(12.5, "%"), number(43, "°C")
    ('$5.52 billion', '300,000', '7.4', '12.5%', '43 °C')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "unknown"
    text = _plain(float(value))
    if unit in CURRENCY_SIGNS:
        return ("-" if value < 0 else "") + CURRENCY_SIGNS[unit] + text.lstrip("-")
    if unit in ("%", "percent"):
        return text + "%"
    if unit:
        return f"{text} {unit}"
    return text


def _plain(value: float) -> str:
    for scale, word in SCALES:
        if abs(value) >= scale and round(value / scale, 2) * scale == round(value, 0):
            return f"{_decimals(value / scale)} {word}"
    if value == int(value):
        return f"{int(value):,}"
    return _decimals(value)


def _decimals(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


def names(items) -> str:
    """'a', 'a and b', 'a, b and c': a list in a sentence."""
    items = [str(item) for item in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""
