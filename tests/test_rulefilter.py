"""The rule filter: a rule is skipped only on a line it cannot match.

Lines written here in the shapes of page furniture and of article prose (with letters that the
regular expression engine folds to ASCII ones: "ſ" long s, "K" Kelvin, "ı" dotless i, "İ"),
searched by every alternation of the shipped rules whole and as rulefilter cuts it down.
"""
import re

import pytest

from medialens import rulefilter
from medialens.pagerules import boilerplate_rules

LINES = [
    "Sign up for our newsletter",
    "SIGN UP FOR OUR NEWSLETTER",
    "\u017fign up for our new\u017fletter",
    "We u\u017fe coo\u212aies to improve your experience.",
    "Already a \u017fub\u017fcr\u0131ber? Log \u0130n to continue reading.",
    "We use cookies. By continuing to browse you agree.",
    "The views expressed in this article are those of the author.",
    "We may earn a commission from links on this page.",
    "Get the day's top stories in your inbox every morning.",
    "Crowds gather outside the town hall. (Photo: Jane Doe/Harbour Press)",
    "Crowds gather outside the town hall. Photo: Jane Doe",
    "Crowds fill the square before the march. Jane Doe/Harbour Press via Wire Images",
    "Jane Doe/Press Crowds fill the square before the march.",
    "The ferry resumed service on Monday. Harbour Pilot Joe",
    "Firefighters hose down a burning shed in Riverside on Tuesday, Aug. 8, 2023.",
    "© 2024 Riverside Gazette. All rights reserved.",
    "Jane Doe from Riverside, CC BY-SA 2.0, via Wikimedia Commons",
    "The council voted on Tuesday to close two branch libraries at the end of the year.",
    "“We are not closing the door on anyone,” said the finance chair, Maria Delgado.",
    "Opponents said the branches serve neighbourhoods with the fewest computers at home.",
    "Read the original article here",
    "Share on Facebook",
    "",
]


def all_alternations():
    return [rules for kind in boilerplate_rules() for rules in kind]


@pytest.mark.parametrize("rules", all_alternations(), ids=lambda rules: rules.pattern.pattern[:40])
def test_a_cut_down_alternation_finds_what_the_whole_one_finds(rules):
    page = rulefilter.LoweredPage(LINES)
    for line, pattern in zip(LINES, page.patterns(rules)):
        whole = [m.span() for m in rules.pattern.finditer(line)]
        assert whole == ([m.span() for m in pattern.finditer(line)] if pattern else [])


def test_the_filter_skips_rules_on_plain_prose():
    page = rulefilter.LoweredPage(LINES)
    prose = LINES.index("The council voted on Tuesday to close two branch libraries at the end of the year.")
    notices = [rules for rules in boilerplate_rules()[1] if rules.needed is not None]
    assert notices and all(page.patterns(rules)[prose] is None for rules in notices)


@pytest.mark.parametrize("pattern, needed", [
    (r"\b(subscribe|sign up|newsletter)\b", {"subscribe", "sign up", "newsletter"}),
    (r"\bthe (?:views|opinions) expressed\b", {"the views expressed", "the opinions expressed"}),
    (r"\s*\((?:photo|image)s?\b", {"(photo", "(image"}),
    (r"\bCC[ -]BY\b", {"cc by", "cc-by"}),
    (r"(?-i:[A-Z]\w+)\s*/\s*(?-i:[A-Z]\w+)", {"/"}),
    (r"©|\bcopyright\b", {"©", "copyright"}),
    # nothing every match must hold: a class of letters, an optional word, a cased Greek letter
    (r"(?<=[.!?])\s+[A-Z]\w+$", None),
    (r"\b(?:read )?more\b|^\d+$", None),
    (r"\bσχόλια\b", None),
])
def test_needed_strings(pattern, needed):
    found = rulefilter.needed_strings(pattern, re.IGNORECASE)
    assert (None if found is None else set(found)) == needed


def test_a_rule_that_refers_to_a_group_is_not_searched_apart():
    rules = rulefilter.join([r"\b(\w+) \1\b", r"\bnewsletter\b"], re.IGNORECASE)
    assert rules.parts == ()


@pytest.mark.parametrize("lines, held", [
    (["Sign up for our NEWSLETTER", "The council met on Tuesday."], [True, False]),
    (["\u017fign up for our new\u017fletter"], [True]),
    # a line that holds a line break keeps the lines apart
    (["The council met.\nSign up for our newsletter", "The vote was close."], [True, False]),
])
def test_lines_holding_a_needed_string(lines, held):
    assert rulefilter.LoweredPage(lines).holding(frozenset({"newsletter"})) == held


# Lines in the shapes a photo caption rule meets: captions with the photo's date, sentences with
# "on" and a date that are no captions, and lines with "on" only inside words.
CAPTION_LINES = [
    "Firefighters hose down a burning shed in Riverside on Tuesday, Aug. 8, 2023.",
    "Volunteers load sandbags onto a truck, on Sept. 3, 2024, in Lakeside. The river rose overnight.",
    "Residents wait for buses outside the station ON MONDAY, JAN. 8, 2024.",
    "The strike began on Sept. 15, 2023.",
    "The council will vote on the budget in March.",
    "Online sales rose in London and Boston last year, the company said.",
    "A ferry docks at the pier on 12 May 2022 after the storm.",
    "Crews worked\ton Monday, June 5, 2023.",
    "on",
    "",
]


@pytest.mark.parametrize("line", CAPTION_LINES)
def test_the_caption_rule_is_skipped_only_where_it_cannot_match(line):
    from medialens.pagerules import page_lines

    lines = page_lines(line)[0] or [""]  # as prepare gives them: single spaces
    (caption,) = boilerplate_rules()[4]
    assert caption.needed == {" on ", ", on "}
    for given, pattern in zip(lines, rulefilter.LoweredPage(lines).patterns(caption)):
        whole = caption.pattern.match(given)
        assert (whole and whole.span()) == (pattern and pattern.match(given) and pattern.match(given).span())


@pytest.mark.parametrize("pattern, needed", [
    (r"\s+on\s+\d", {" on "}),
    (r",?\s+on\s+\d", {" on ", ", on "}),
    (r"\bread\s*more\b", {"readmore", "read more"}),
    (r"\s[|•]\s|www\.", {" | ", " • ", "www."}),
    # two spaces in a row are never in such a line: no match, nothing needed
    (r"\s{2,}on\b", {"on"}),
])
def test_needed_strings_in_lines_of_single_spaces(pattern, needed):
    assert set(rulefilter.needed_strings(pattern, re.IGNORECASE, spaced=True)) == needed


@pytest.mark.parametrize("lines, needed, held", [
    # a string on several lines, twice on one, at a line's start and end
    (["Share on Facebook | Share on X", "The council met on Tuesday.", "Follow us | Contact"],
     {" | "}, [True, False, True]),
    (["www.example.org", "Read more at www.example.org", "The vote was close."],
     {"www.", ".org"}, [True, True, False]),
    (["The vote was close.", "It passed."], {"newsletter"}, [False, False]),
    (["Sign up.", "", "NEWSLETTER"], {"newsletter", "sign up"}, [True, False, True]),
])
def test_lines_holding_finds_each_line_a_plain_test_finds(lines, needed, held):
    page = rulefilter.LoweredPage(lines)
    assert page.holding(frozenset(needed)) == held
    assert held == [any(string in line.lower() for string in needed) for line in lines]
