"""The shape of a line as cleaning reads it, each fast path checked against the plain pattern:
one pass of the word pattern serves the count (n_words) and the line classifier's lower-case
words (lower_words); sentence ends are counted in two parts (pagetext.sentence_ends)."""
import re
import sys

import pytest

from medialens.pagetext import sentence_ends
from medialens.textshape import WORD, lower_words, n_words

LINES = [
    "The council voted on Tuesday to close two branch libraries at the end of the year.",
    "“We are not closing the door on anyone,” said the finance chair, Maria Delgado.",
    "SIGN UP FOR OUR NEWSLETTER",
    "Share on Facebook | Share on X",
    "Crews contained 85% of the fire by 6 p.m., the state's fire agency said.",
    "U.S. officials met in Ísafjörður and İstanbul; ΟΔΟΣ ΣΤΑΔΙΟΥ was closed.",
    "İİİ",
    "Ⓐ Ⅻ ǅemal — well-known e-mail rock’n’roll",
    "",
    "+ ↺ − 16 px",
    'He asked: "Is it over?" Nobody answered… The vote (held in May.) passed!',
    "Read more at www.example.org/news. Contact: press@example.org",
    "The plan was approved.”) The council met again.",
    "市议会周二投票。图书馆将关闭！为什么？",
    "Done.\u3000Next…\u2003Over?!",
    "e.g. U.S. 3.5 ...",
    "The end.",
]


@pytest.mark.parametrize("line", LINES)
def test_words_of_a_line_are_the_plain_pattern_s(line):
    assert n_words(line) == len(WORD.findall(line))
    assert lower_words(line) == WORD.findall(line.lower())


def test_lower_casing_that_keeps_the_length_keeps_each_character_a_word_character_or_not():
    # what _lowered_words relies on: a line whose lower-case form is as long has as many words
    joiners = "-'’."
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        if lowered != char and len(lowered) == 1:
            assert bool(re.match(r"\w", char)) == bool(re.match(r"\w", lowered)), hex(code)
            assert (char in joiners) == (lowered in joiners), hex(code)


@pytest.mark.parametrize("line", LINES)
def test_sentence_ends_are_the_plain_pattern_s(line):
    assert sentence_ends(line) == len(re.findall(r"[.!?…][\"”’')\]]*(?:\s|$)|[。！？]", line))


@pytest.mark.parametrize("line", LINES + [
    "Published: Tuesday, August 8, 2023 at 10:15 a.m.",
    "BEIJING, June 13 (Reuters) - Police said on Thursday the march would go ahead.",
    "Updated 2024-10-17T08:30:00Z",
    "date 13/06/2019 Example.com",
    "The area grew by 12 km² to 40 km² in ²⁰²³.",
    "Posted ١٢ June ٢٠٢٣ by the newsroom",
])
def test_a_written_date_holds_the_digit_pagedate_looks_for_first(line):
    from medialens import pagedate

    assert not pagedate._any_date().search(line) or pagedate.DIGIT.search(line)
