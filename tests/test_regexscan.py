"""A Scan finds what re.finditer finds, match for match, from the starts its scanners give: the
figures tagger's number, date and age patterns on sentences of each shape and on generated
text; a Caseless pattern finds what the pattern compiled with re.IGNORECASE finds; and the
lower-case words of a text (frames) are those a regular expression finds."""
import sys
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialens.figures import numbers as nb
from medialens.figures.rules import rules_for
from medialens.frames.names import LowerWords
from medialens.regexscan import UNLIKE_LOWER, Caseless, Scan

RULES = rules_for(None)
SCANS = {"number": RULES.number_scan, "date": nb.DATES_OR_TIMES, "age": nb.AGES, "tally": nb.TALLIES,
         "phone": nb.PHONES, "list": nb.LIST_NUMBERS}

SENTENCES = [
    "Two and a half million people voted, up from 1,200,000 in 2019.",
    "About 3½ tonnes of aid and ¼ of the stock reached the port on 17 October 2024 at 10.30 pm.",
    "The F-16 crashed near mile 40; 12,0005 is a typo and 1 000 000 a spaced number.",
    "1. The court ruled 6-3 and 5–4;\n2) a 51-49 vote, 12-1,000 and 3.5-4 are no tallies.\n 3. Call (020) 7946 0958 or 555-123-4567.",
    "Maria Lopez, 34, said that half a million had fled by June 2024 and a dozen stayed.",
    "one two three: the vote was 6-3 and the call came at 5 p.m. from +44 20 7946 0958.",
    "İstanbul and ſome Kelvin K signs, twenty-five of them, 10³ tonnes, $5m and £2bn.",
    "",
    "a",
    "7",
]


@pytest.mark.parametrize("name", SCANS)
@pytest.mark.parametrize("text", SENTENCES)
def test_scan_finds_what_finditer_finds(name, text):
    scan = SCANS[name]
    assert [(m.span(), m.groups()) for m in scan.finditer(text)] == \
        [(m.span(), m.groups()) for m in scan.pattern.finditer(text)]


def test_numbers_of_a_sentence():
    text = "Two and a half million people voted, up from 1,200,000; 41,0002 is two numbers."
    assert [m.group() for m in RULES.number_scan.finditer(text)] == \
        ["Two and a half million", "1,200,000", "41,000", "2", "two"]


PIECES = st.sampled_from(["one", "two", "twenty", "-", "five", "hundred", "thousand", "million", "half", "a",
                          "an", "quarter", "dozen", "of", "and", "May", "June", "17", "2024", "10.30", "pm",
                          "1,000", "1 000", "½", "3", "¼", "$", "£", "bn", "m", ",", ".", ";", "(", ")", "+",
                          "0", "00", "020", "–", "555", "at", "Smith", "45", "\n", " ", " ", "x", "F", "İ", "ſ", "K", "’",
                          "An", "TWO", "Half", "someone", "data", "Mayor", "Sept.", "Jan", "4:30"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40), st.sampled_from(sorted(SCANS)))
def test_scan_on_generated_text(pieces, name):
    text = "".join(pieces)
    scan = SCANS[name]
    assert [(m.span(), m.groups()) for m in scan.finditer(text)] == \
        [(m.span(), m.groups()) for m in scan.pattern.finditer(text)]


def test_a_match_may_start_where_the_last_ended():
    # "b" follows no character of `before`, but the match before it ends there.
    scan = Scan(re.compile(r"(?<![a-z])a|b"), before=r"[^a-z]")
    assert [m.group() for m in scan.finditer("ab a")] == ["a", "b", "a"]


# A lower-case word of a text, as frames.names.LowerWords answers it, is a run of a-z with no
# word character, apostrophe or hyphen on either side.
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


@pytest.mark.parametrize("text, word, written", [
    ("Officials said the officials left.", "officials", True),
    ("Officials said they left.", "officials", False),
    ("He don't know; the don is here.", "don", True),
    ("He don't know.", "don", False),
    ("a co-op and a re-run", "op", False),
    ("x_officials and officials_x", "officials", False),
    ("“officials” said", "officials", True),
    ("Officials", "Officials", False),  # capitalised: never a lower-case word
])
def test_lower_words(text, word, written):
    assert (word in LowerWords(text)) is written


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcAB '’-_1.\nçéſK", max_size=60), st.sampled_from(["a", "ab", "abc", "b", "ba", "A"]))
def test_lower_words_on_generated_text(text, word):
    assert (word in LowerWords(text)) == (word in set(LOWER_WORD.findall(text)))


CASELESS = {"vague": RULES.vague_pattern, "modality": RULES.modality_cue, "url mark": nb.URL_MARK}
CASELESS_SENTENCES = [
    "Dozens were hurt and HUNDREDS more could be displaced, officials said.",
    "The plan, expected to cost thousands, May be delayed; Will Hope said it would not.",
    "Scores of homes wouldn’t survive a storm that may bring millions of gallons.",
    "İstanbul’s mayor said dozens may leave; ſeveral (a long s) and the Kelvin sign K stay.",
    "ıt might rain: a dotless i and a final sigma in ΟΔΟΣ, several said.",
    "$dozens and €several are no vague amounts; dozens_x nor x-dozens either.",
    "Read more at WWW.Example.COM/news or https://example.org, said the agency's site.",
    "",
]


@pytest.mark.parametrize("name", CASELESS)
@pytest.mark.parametrize("text", CASELESS_SENTENCES)
def test_caseless_finds_what_ignorecase_finds(name, text):
    pattern = CASELESS[name]
    assert pattern.cased is not None  # the default lexicons take the fast path
    assert pattern.spans(text, text.lower()) == [m.span() for m in pattern.caseless.finditer(text)]


def test_caseless_finds_cues_of_a_sentence():
    text = "Dozens are EXPECTED to leave, officials said, and several Wouldn’t return."
    assert [text[s:e] for s, e in RULES.modality_cue.spans(text, text.lower())] == ["EXPECTED", "said", "Wouldn’t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["dozens", "Dozens", "may", "MAY", "would", "wouldn’t", "several", "expected",
                                 " ", ",", "-", "_", "$", "€", "x", "İ", "ı", "ſ", "K", "Σ", "é", "\n", "1",
                                 ".", "COM", ".org", "Www", "://"]),
                max_size=30), st.sampled_from(sorted(CASELESS)))
def test_caseless_on_generated_text(pieces, name):
    text = "".join(pieces)
    pattern = CASELESS[name]
    assert pattern.spans(text, text.lower()) == [m.span() for m in pattern.caseless.finditer(text)]


@pytest.mark.parametrize("source, fast", [
    (r"(?<![\w$€£¥])(?:dozens|several|wouldn’t)(?![\w])", True),
    (r"\bmay\b\s+\S+", True),
    ("May", False),  # an upper-case literal
    (r"\x4day", False),  # a character written by number
    (r"(?-i:may)", False),  # an inline flag
    (r"\\May", False),  # an escaped backslash before a capital
    ("près", False),  # a cased letter beyond ASCII
])
def test_caseless_fast_path_only_for_plain_patterns(source, fast):
    pattern = Caseless(source)
    assert (pattern.cased is not None) is fast
    text = "MAY may Près près \\May Jmay"
    assert pattern.spans(text, text.lower()) == [m.span() for m in pattern.caseless.finditer(text)]


def test_unlike_lower_holds_every_character_lower_and_ignorecase_disagree_on():
    # Every cased character of Unicode: it lowers to one character of the same word class, and
    # it matches a lower-case ASCII letter caselessly exactly when it lowers to it, or it is in
    # UNLIKE_LOWER (or lowers to another length, which Caseless tests).
    letters = {letter: re.compile(letter, re.IGNORECASE) for letter in "abcdefghijklmnopqrstuvwxyz"}
    word = re.compile(r"\w")
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        lowered = char.lower()
        if char == lowered == char.upper() or UNLIKE_LOWER.match(char) or len(lowered) != 1:
            continue
        assert bool(word.match(char)) == bool(word.match(lowered)), hex(point)
        for letter, caseless in letters.items():
            assert bool(caseless.fullmatch(char)) == (lowered == letter), (hex(point), letter)
