"""Pattern matching: a Matcher pattern is only tried from the words it can start with, to as far
as a match can reach, where a word it needs follows; it finds what spaCy's Matcher finds over
each whole sentence, in the same order."""
import json

import pytest
from spacy.matcher import Matcher

from medialens.patterns import PatternSet, first_words, reach, witness_flags, witness_words
from medialens.sentences import pipeline, sentence_bounds


@pytest.mark.parametrize("pattern, words", [
    ([{"LOWER": "should"}, {"OP": "*"}, {"LOWER": "confirmed"}], ["should"]),
    ([{"LOWER": "widely", "OP": "?"}, {"LOWER": {"IN": ["regarded", "considered"]}}], ["widely", "regarded", "considered"]),
    ([{"ORTH": {"IN": [",", "("]}}, {"LOWER": "dubbed"}], [",", "("]),
    ([{"IS_PUNCT": True}, {"LOWER": "dubbed"}], None),
    ([{"LOWER": "some", "OP": "?"}, {"POS": "NOUN"}], None),
    ([{"LOWER": "very", "OP": "{0,2}"}, {"LOWER": "likely"}], ["very", "likely"]),
    ([{"LOWER": "not", "OP": "!"}, {"LOWER": "sure"}], None),  # "!" starts at any other word
])
def test_first_words(pattern, words):
    assert first_words(pattern) == words


@pytest.mark.parametrize("pattern, tokens", [
    ([{"LOWER": "should"}, {"IS_PUNCT": False, "OP": "{1,8}"}, {"LOWER": "be"}, {"LOWER": "true"}], 11),
    ([{"LOWER": "it"}, {"LOWER": "is", "OP": "?"}, {"LOWER": "said"}], 3),
    ([{"LOWER": "reported"}, {"IS_TITLE": True, "OP": "*"}, {"ORTH": "."}], 1 << 30),
    ([{"LOWER": "one"}, {"IS_ALPHA": True, "OP": "{2,}"}], 1 << 30),
])
def test_reach(pattern, tokens):
    assert reach(pattern) == tokens


@pytest.mark.parametrize("pattern, words", [
    ([{"LOWER": "should"}, {"IS_PUNCT": False, "OP": "{1,8}"}, {"LOWER": "be"}, {"LOWER": {"IN": ["true", "proven"]}}],
     [["be"], ["true", "proven"]]),
    ([{"LOWER": {"IN": ["is", "was"]}}, {"LOWER": "widely", "OP": "?"}, {"LOWER": {"IN": ["seen", "regarded"]}}], [["seen", "regarded"]]),
    ([{"LOWER": "hold", "OP": "?"}, {"LOWER": "them"}, {"LOWER": "accountable", "OP": "?"}], []),
    ([{"LOWER": "most"}, {"LOWER": {"REGEX": "^[a-z]+ed$"}}], []),
])
def test_witness_words(pattern, words):
    assert witness_words(pattern) == words


@pytest.mark.parametrize("pattern, flags", [
    ([{"LOWER": {"IN": ["about", "nearly"]}}, {"IS_CURRENCY": True, "OP": "?"}, {"LIKE_NUM": True}], ["LIKE_NUM"]),
    ([{"LOWER": "some"}, {"LIKE_NUM": True, "IS_DIGIT": True}], []),  # a token testing two things
    ([{"LIKE_NUM": True}, {"LOWER": "people"}], []),  # the first required token starts the match
    ([{"LOWER": "may"}, {"IS_SENT_START": False}], []),
])
def test_witness_flags(pattern, flags):
    assert witness_flags(pattern) == flags


# Patterns the Matchers take (none is of plain words only, which go to the PhraseMatcher).
PATTERNS = [
    [{"LOWER": "should"}, {"IS_PUNCT": False, "OP": "{1,8}"}, {"LOWER": "be"}, {"LOWER": {"IN": ["confirmed", "verified"]}}],
    [{"LOWER": {"IN": ["is", "was", "are"]}}, {"IS_ALPHA": True, "OP": "?"}, {"LOWER": {"IN": ["regarded", "seen"]}}, {"LOWER": "as", "OP": "?"}],
    [{"LOWER": "reported"}, {"LOWER": "from"}, {"IS_TITLE": True}, {"IS_TITLE": True, "OP": "*"}, {"ORTH": {"IN": [".", ";"]}}],
    [{"LOWER": "very", "OP": "{0,2}"}, {"LOWER": "likely"}],
    [{"LOWER": {"IN": ["some", "many"]}}, {"LOWER": "of", "OP": "?"}, {"IS_ALPHA": True, "OP": "?"}, {"LOWER": {"IN": ["say", "believe"]}}],
    [{"ORTH": "May", "IS_SENT_START": False}],
    [{"LOWER": "not", "OP": "!"}, {"LOWER": "sure"}],
    [{"LOWER": {"IN": ["about", "nearly"]}}, {"IS_CURRENCY": True, "OP": "?"}, {"LIKE_NUM": True}],  # a flag witness
]


@pytest.mark.parametrize("text", [
    "The figures should after the audit of the accounts be confirmed. They should, he said, be verified.",
    "He was widely regarded as a reformer, and she is seen as one too. They are regarded.",
    "Crews reported from Lower Manhattan. Others reported from Queens; a few from home.",
    "Rain is very very likely today, likely tomorrow and very likely on Friday.",
    "Some of them say so. Many believe it. Some analysts believe otherwise, some say.",
    "May was dry. In May the river fell. Ministers may meet in May.",
    "Nobody was sure. I am not sure. He is quite sure.",
    "Should the report be confirmed, he said it is widely seen as",
    "About $5 went to nearly 200 people, about which nearly nobody cared. Nearly forty said so.",
])
def test_matches_are_those_of_a_matcher_over_each_sentence(tmp_path, text):
    lexicon = tmp_path / "hedges.jsonl"
    lexicon.write_text("".join(json.dumps({"label": f"p{k}", "pattern": pattern, "id": f"p{k}"}) + "\n"
                               for k, pattern in enumerate(PATTERNS)), encoding="utf-8")
    doc = pipeline()(text)
    found = PatternSet(["hedges"], {"hedges": str(lexicon)})(doc)
    vocab, expected, anchored = doc.vocab, [], []
    for k, pattern in enumerate(PATTERNS):
        matcher = Matcher(vocab)
        matcher.add(f"p{k}", [pattern])
        if first_words(pattern) is None:
            expected += matcher(doc)  # tried over the whole Doc, before the anchored ones
        else:
            anchored.append(matcher)
    for matcher in anchored:
        for start, end in zip(*sentence_bounds(doc)):
            expected += [(label, start + a, start + b) for label, a, b in matcher(doc[start:end])]
    assert found == expected
    assert found  # every sentence holds matches, so a matcher that found nothing fails here


# Patterns of plain words, which PatternSet expands into phrases of LOWER hashes.
PHRASE_PATTERNS = [
    [{"LOWER": "it"}, {"LOWER": {"IN": ["is", "was"]}}, {"LOWER": "widely", "OP": "?"}, {"LOWER": {"IN": ["believed", "thought"]}}],
    [{"LOWER": {"IN": ["according", "thanks"]}}, {"LOWER": "to"}],
    [{"ORTH": "'s"}, {"LOWER": "spokesman"}],
    [{"LOWER": "up", "OP": "?"}, {"LOWER": "to", "OP": "?"}, {"LOWER": "nearly"}],
    [{"LOWER": "u.s."}, {"LOWER": "officials"}],
]


def allowed_words(token: dict) -> list[str]:
    """The words a plain pattern token allows, "" where it may be left out."""
    value = token.get("LOWER", token.get("ORTH"))
    return (value["IN"] if isinstance(value, dict) else [value]) + ([""] if token.get("OP") == "?" else [])


@pytest.mark.parametrize("text", [
    "It is widely believed that rates will rise. It was thought otherwise, according to a memo.",
    "The ministry's spokesman said so. Up to nearly a third left; nearly all, thanks to rain.",
    "U.S. officials declined. IT WAS BELIEVED by u.s. officials, according to The Times.",
])
def test_phrases_are_those_of_a_phrase_matcher_of_docs(tmp_path, text):
    """A plain-word pattern's phrases, added as hashes, match what a PhraseMatcher of a Doc of
    each phrase's words (one token per word, as the pattern has: "u.s." is one) matches."""
    from itertools import product

    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    lexicon = tmp_path / "hedges.jsonl"
    lexicon.write_text("".join(json.dumps({"label": f"p{k}", "pattern": pattern, "id": f"p{k}"}) + "\n"
                               for k, pattern in enumerate(PHRASE_PATTERNS)), encoding="utf-8")
    nlp = pipeline()
    expected = PhraseMatcher(nlp.vocab, attr="LOWER")
    for k, pattern in enumerate(PHRASE_PATTERNS):
        words = [[w for w in phrase if w] for phrase in product(*map(allowed_words, pattern))]
        expected.add(f"p{k}", [Doc(nlp.vocab, words=w) for w in words if w])
    doc = nlp(text)
    found = PatternSet(["hedges"], {"hedges": str(lexicon)})(doc)
    assert found == expected(doc)
    assert len(found) >= 3
