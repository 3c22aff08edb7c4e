"""Pattern matching: a Matcher pattern is only tried on sentences holding a word it can start with."""
import pytest

from medialens.patterns import first_words


@pytest.mark.parametrize("pattern, words", [
    ([{"LOWER": "should"}, {"OP": "*"}, {"LOWER": "confirmed"}], ["should"]),
    ([{"LOWER": "widely", "OP": "?"}, {"LOWER": {"IN": ["regarded", "considered"]}}], ["widely", "regarded", "considered"]),
    ([{"ORTH": {"IN": [",", "("]}}, {"LOWER": "dubbed"}], [",", "("]),
    ([{"IS_PUNCT": True}, {"LOWER": "dubbed"}], None),
    ([{"LOWER": "some", "OP": "?"}, {"POS": "NOUN"}], None),
])
def test_first_words(pattern, words):
    assert first_words(pattern) == words
