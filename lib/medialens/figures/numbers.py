"""Number parsing: digits, number words, scales and ranges, and the spans that are dates,
times, ages or tallies rather than figures. Plain regular expressions and text2num: no spaCy.

Number words: text2num turns a run of cardinal words into a number ("twelve thousand" 12000,
"three hundred thousand" 300000, "twenty-five" 25) and is maintained, so it is used for them. It
rejects "half a million", "a million", "two and a half million", "a dozen" and "1.5 million"
(ValueError; its alpha2digit leaves "half a 1000000"), so those forms are computed here from
figure_numbers.csv. quantulum3 was tried and is not used: it reads "half a million" as 1,500,000
and "the third year" as a third of a year, returns years ("2024"), times ("10:30" as 10 and
"30 p") and "16 px" as quantities, finds nothing for "thousands"/"tens of thousands", drops every
bound ("up to", "more than") and pulls in a large dependency tree.
"""
from __future__ import annotations

import bisect
import itertools
import re
from typing import NamedTuple

from text_to_num import text2num

from ..dates import month_pattern
from ..regexscan import Caseless, Scan

MONTHS = month_pattern()

# Thousands separated by commas, or by a space, thin space, no-break space or the Arabic thousands
# separator ("1 000 people", "1٬300"); the Arabic decimal separator is a decimal point ("2٫5").
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u2009\u202f\u00a0\u066c]\d{3})+(?![\d,])(?:[.\u066b]\d+)?" \
         r"|\d+(?:[.\u066b]\d+)?"
SEPARATORS = str.maketrans({",": None, " ": None, "\u2009": None, "\u202f": None, "\u00a0": None, "\u066c": None,
                            "\u066b": "."})
# "10³ tonnes": a power of ten written with a superscript.
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
# Not figures: phone numbers, web addresses, and list numbering at the start of a line ("1. Notes").
# Each pattern opens with a look-ahead at its possible first characters: the regex engine then
# passes over other positions at once instead of trying every branch there (7x faster, same matches).
PHONE = re.compile(r"(?=[+(\d])(?:(?:\+\d{1,3}[\s.-]?)?(?:\(0\d{1,4}\)|\b0\d{2,4})[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b"
                   r"|\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b)")
# Where a phone number can start: at "+", "(" or the first digit of a run (a digit after a digit
# stands at no word boundary).
PHONES = Scan(PHONE, first=r"[+(\d](?:(?<=\d)\d*)?")
URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|io)(?:/\S*)?", re.IGNORECASE)
# What every match of URL holds, found by one fast scan: URL's second branch backtracks through
# every word of the text, so a text without any of these (most articles) skips it. Caseless: on
# the lowered text, a third of the time.
URL_MARK = Caseless(r"://|www\.|\.(?:com|org|net|gov|edu|info|io)")
LIST_NUMBER = re.compile(r"^[ \t]*\d{1,2}[.)](?=\s)", re.MULTILINE)
LIST_NUMBERS = Scan(LIST_NUMBER, before="\n")
# Dates and times are found first; a number inside one is never a figure. Month names are
# matched capitalised only, so the modal "may" is no month.
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE_OR_TIME = re.compile(
    rf"(?=\d|[^\W\d_a-z])(?:\b{DAY}\s+(?:of\s+)?{MONTHS}(?:,?\s+\d{{4}})?"           # 17 October (2024)
    rf"|\b{MONTHS}\s+{DAY}(?![\d,]*\d)(?:,?\s+\d{{4}})?"        # Oct 18(, 2024); not "May 10,000"
    rf"|\b{MONTHS},?\s+\d{{4}}\b"                                # June 2024
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"    # 2024-10-17, 17/10/2024
    r"|\b(?:1[6-9]|20)\d{2}\s*[-–/]\s*\d{2,4}\b"                 # 2022-23, 2024/25
    # 10:30, 10.30pm, "at 10.30", 5 p.m.; not "4.99 percent" or "£1.60"
    r"|\b\d{1,2}:[0-5]\d\s*(?:[ap]\.?m\.?)?(?![\d])|\b\d{1,2}\.[0-5]\d\s*[ap]\.?m\.?"
    r"|(?<=\bat )\d{1,2}\.[0-5]\d(?![\d%])(?!\s*(?:per|percent|pc|points?)\b)|\b\d{1,2}\s*[ap]\.m\.)",
)
# Every branch opens at a word boundary before a digit or a month name (or after "at "): so after
# a character that is no letter or digit, where a digit or a month opens (a capitalised word that
# is no month is then passed over at once, not tried with each branch: a quarter less time).
DATES_OR_TIMES = Scan(DATE_OR_TIME, before=r"\W", opens=rf"\d|{MONTHS}")
YEAR = re.compile(r"(?:1[6-9]|20)\d{2}")
# A tally ("ruling 6-3", "a 5-4 decision", "voted 51-49"): two counts joined by a dash; it is a
# vote or a score, not a figure, when a `tally` word of figure_exclusions stands next to it.
TALLY = re.compile(r"(?<![\w$€£¥])(?<!\d[.,])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w%-]|[.,]\d)")
TALLIES = Scan(TALLY, first=r"\d\d*")  # at the first digit of a run
# An age in apposition to a name or noun: "Smith, 45, was arrested", "a nurse, 34, said", and at a
# paragraph's end: "said demonstrator Victor Li, 19."
AGE_APPOSITION = re.compile(r"(?<=[A-Za-z]),\s+((?:1[01]|[1-9])?\d)(?:,(?!\d)|\.(?!\d)\s*$)", re.MULTILINE)
AGES = Scan(AGE_APPOSITION, first=",")
WORD = re.compile(r"[A-Za-z][\w'’.-]*\w|[A-Za-z]|%|\S")  # "F-16" is one word
DASHES = ("-", "–", "—")


class Number(NamedTuple):
    start: int
    end: int
    value: float
    scaled: bool  # has a scale word ("million") or is a vague magnitude
    words: bool   # written in words


def blocked_spans(text: str, rules, lowered: str) -> list[tuple[int, int]]:
    """Dates, times, ages in apposition and tallies: no number inside them is a figure
    (`lowered` is text.lower())."""
    blocked = [(m.start(), m.end()) for m in DATES_OR_TIMES.finditer(text)]
    blocked += [(m.start(1), m.end(1)) for m in AGES.finditer(text)]
    blocked += [(m.start(), m.end()) for m in TALLIES.finditer(text) if _is_tally(text, m, rules)]
    patterns = (PHONES, URL, LIST_NUMBERS) if URL_MARK.spans(text, lowered) else (PHONES, LIST_NUMBERS)
    blocked += [(m.start(), m.end()) for pattern in patterns for m in pattern.finditer(text)]
    return blocked


def _is_tally(text: str, match: re.Match, rules) -> bool:
    before = [w.group().lower() for w in WORD.finditer(text, max(0, match.start() - 30), match.start())][-3:]
    after = [w.group().lower() for w in WORD.finditer(text, match.end(), match.end() + 30)][:2]
    return any(word in rules.tally_words for word in before + after)


def overlap_test(spans):
    """A function (start, end) -> whether any of `spans` overlaps it, by bisection: testing each
    number against every date and vague word took an eighth of the tagger's time."""
    spans = sorted(spans)
    starts = [span[0] for span in spans]
    reach = list(itertools.accumulate((span[1] for span in spans), max))

    def overlaps(start: int, end: int) -> bool:
        last = bisect.bisect_left(starts, end) - 1  # the last span that starts before `end`
        return last >= 0 and reach[last] > start
    return overlaps


def numbers(text: str, rules):
    """(Number, currency abbreviation or None) for every number in the text."""
    for m in rules.number_scan.finditer(text):
        if m.group("vulgar"):
            whole = m.group("vulgar")[:-1].strip()
            value = (float(whole) if whole else 0.0) + VULGAR[m.group("vulgar")[-1]]
            scale = m.group("vscale")
            value *= rules.word_value[scale.lower()] if scale else 1
            yield Number(m.start(), m.end(), value, bool(scale), False), None
        elif m.group("digits"):
            value = float(m.group("digits").translate(SEPARATORS))
            if m.group("power"):
                value **= int(m.group("power").translate(SUPERSCRIPT))
            scale = m.group("dscale") or m.group("abbr")
            for word in (scale or "").split():  # "45 lakh crore": each scale multiplies
                value *= rules.word_value[word.lower()]
            yield Number(m.start(), m.end(), value, bool(scale), False), m.group("abbr")
        else:
            value = word_value(m.group("words"), rules.word_value, rules.number_words.get("joiner", frozenset()))
            if value is not None:
                yield Number(m.start(), m.end(), value, value >= 1000 or "dozen" in m.group().lower(), True), None


def word_value(phrase: str, value: dict[str, float], joiners: frozenset[str]) -> float | None:
    """The number a phrase of number words names, or None ("one two" is no number); `joiners`
    are the words inside one ("two hundred and five")."""
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w]
    if words[0] in ("a", "an") and len(words) == 2:                         # a million
        return value[words[1]]
    if any(value.get(w) is not None and w in ("half", "quarter") for w in words[:2]) and not joiners & set(words):
        fraction = next(value[w] for w in words if w in ("half", "quarter"))
        return fraction * value[words[-1]]                                   # half a million
    if words[-3:-1] == ["a", "half"]:                                        # two and a half million
        whole = _cardinal(words[:-4], joiners)
        return None if whole is None else (whole + 0.5) * value[words[-1]]
    if words[-1] == "dozen":                                                 # two dozen
        whole = _cardinal(words[:-1], joiners) if words[:-1] else 1
        return None if whole is None else whole * 12
    return _cardinal(words, joiners)


def _cardinal(words: list[str], joiners: frozenset[str]) -> float | None:
    try:
        return float(text2num(" ".join(w for w in words if w not in joiners), "en"))
    except ValueError:  # not one number ("one two"): no figure
        return None


def merge_ranges(text: str, found: list, rules) -> list[dict]:
    """Candidates with value, low, high; "10,000-12,000", "between 3,000 and 5,000", "two or
    three" become one range (a scale on the second number applies to the first: "1.5 to 2 million")."""
    out, i = [], 0
    while i < len(found):
        first, abbr = found[i]
        c = dict(start=first.start, end=first.end, number_start=first.start, value=first.value, low=first.value,
                 high=first.value, qualifier="exact", words=first.words, scaled=first.scaled, abbr=abbr)
        if i + 1 < len(found) and _join_range(text, c, first, *found[i + 1], rules):
            i += 1
        out.append(c)
        i += 1
    return out


def _join_range(text: str, c: dict, first: Number, second: Number, abbr2, rules) -> bool:
    """Make candidate `c` the range from `first` to `second` if the text between joins them."""
    join = rules.range_join.match(text[first.end:second.start])
    opener = rules.range_open.search(text[max(0, first.start - 30):first.start])
    joiner = join.group(1).lower() if join else ""
    # "$5m and $10m", "from £5,000 to €10,000": an amount in each currency is two figures.
    first_sign, second_sign = rules.sign_before.search(text[max(0, first.start - 4):first.start]), join and join.group(2)
    if second_sign and (not first_sign or first_sign.group(1) != second_sign):
        return False
    low = first.value
    # "2 to 3 million": the first end takes the second's scale (none from a scale of zero, "0K")
    scale = second.value / _unscaled(text, second) if second.scaled and _unscaled(text, second) else 0
    if scale and not first.scaled and first.value < 1000:
        low = first.value * scale
    elif joiner in DASHES and not first.scaled and first.value < 1000 <= second.value \
            and re.fullmatch(r"\d+", text[first.start:first.end]):
        low = _aligned(first.value, second.value)  # "10-15,000": from 10,000
    # "between 3,000 and 5,000" and "3,000 to 4,000" are ranges; "from 3,000 to 4,000"
    # is a change between two figures, "rose by £3m to £45m" a change and the new level, and a
    # bare "3,000 and 4,000" two figures.
    opened = opener.group(1).lower() if opener else ""
    ranged = _ranged(joiner, opened, rules.number_words)
    # "between 2015 and 2020" is a period: each end is a year, so no range (and no figure).
    years = all(not n.scaled and YEAR.fullmatch(text[n.start:n.end]) for n in (first, second))
    if not (join and low < second.value and ranged and not years):
        return False
    c.update(end=second.end, low=low, high=second.value, value=(low + second.value) / 2,
             qualifier="range", scaled=second.scaled, abbr=c["abbr"] or abbr2)
    if opened in rules.number_words.get("between", ()):
        c["start"] = first.start - (len(text[max(0, first.start - 30):first.start]) - opener.start(1))
    return True


def _ranged(joiner: str, opened: str, words: dict[str, frozenset[str]]) -> bool:
    """Whether two numbers joined by `joiner`, after `opened`, are one range (figure_numbers.csv)."""
    if joiner in DASHES or joiner in words.get("range", ()):
        return True
    if joiner in words.get("range_between", ()):
        return opened in words.get("between", ())
    return joiner in words.get("range_to", ()) and opened not in words.get("change_from", ())


def _unscaled(text: str, number: Number) -> float:
    head = re.match(DIGITS, text[number.start:number.end])
    return float(head.group().translate(SEPARATORS)) if head else 1.0


def _aligned(low: float, high: float) -> float:
    """The low end of "10-15,000" written in full: shifted to the high end's magnitude
    (10,000), one order less when that passes the high end ("5-10,000": 5,000)."""
    shift = 10 ** (len(str(int(high))) - len(str(int(low))))
    return low * shift if low * shift <= high else low * shift / 10
