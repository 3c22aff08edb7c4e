"""Sentence and heading splitting on the hard cases of news text."""
from pathlib import Path

import pandas as pd
import pytest
import spacy

import medialens as ml
from medialens.sentences import pipeline, sentence_rows



def split(text):
    documents = pd.DataFrame({"doc_id": ["t"], "text": [text]})
    return ml.split_sentences(documents)


@pytest.mark.parametrize("text, expected", [
    ("The U.S. West Coast is in range. Officials said so.",
     ["The U.S. West Coast is in range.", "Officials said so."]),
    ("Charles H. Blake, an analyst, remarked on it. He left.",
     ["Charles H. Blake, an analyst, remarked on it.", "He left."]),
    ("North Korean leader Kim Jong-un’s decision is a gamble. Reports differ.",
     ["North Korean leader Kim Jong-un’s decision is a gamble.", "Reports differ."]),
    ("A source revealed, “This isn’t just military cooperation.” Experts agree.",
     ["A source revealed, “This isn’t just military cooperation.”", "Experts agree."]),
    ("“We will stay,” he said. “Why?” she asked.",
     ["“We will stay,” he said.", "“Why?” she asked."]),
    ("Prices rose 2.5 percent in May. In June 2024, 10,000 troops arrived.",
     ["Prices rose 2.5 percent in May.", "In June 2024, 10,000 troops arrived."]),
    ("Troops arrived. 8,000 more may follow.", ["Troops arrived.", "8,000 more may follow."]),
])
def test_sentence_boundaries(text, expected):
    assert split(text).text.tolist() == expected


def test_offsets_point_into_the_cleaned_text(seed_tables):
    texts = seed_tables["documents"].set_index("doc_id").text
    sentences = seed_tables["sentences"]
    assert all(texts[s.doc_id][s.start:s.end] == s.text for s in sentences.itertuples())


def test_headings_are_short_lines_without_final_punctuation(seed_tables):
    sentences = seed_tables["sentences"]
    whispers = sentences[sentences.doc_id.str.startswith("001")]
    headings = whispers[whispers.is_heading].text.tolist()
    assert headings[:3] == ["The Whispers of War", "The Seeds of Alliance", "Unveiling the Reports"]
    assert "Conclusion: A Crossroads" in headings
    assert not whispers[~whispers.is_heading].text.str.fullmatch(r"[\w’ ]+").any()


def test_headline_is_a_heading_sentence_even_as_a_question(seed_tables):
    sentences = seed_tables["sentences"]
    first = sentences[sentences.doc_id.str.startswith("004") & (sentences.sent_id == 0)].iloc[0]
    assert first.is_heading
    assert first.text == "Is the North Korean leader preparing his troops for deployment to Ukraine?"


def test_a_long_opening_paragraph_is_not_a_heading(seed_tables):
    sentences = seed_tables["sentences"]
    opening = sentences[sentences.doc_id.str.startswith("002")].iloc[0]
    assert not opening.is_heading


def test_seed_sentence_counts_are_plausible(seed_tables):
    documents = seed_tables["documents"]
    words_per_sentence = documents.n_words / documents.n_sentences
    assert words_per_sentence.between(10, 40).all()


@pytest.mark.parametrize("text", [
    "The U.S. envoy didn't say.\nOfficials—two of them—said it's “unconfirmed.”",
    "Mr. Smith, 45, left at 5 p.m. on Jan. 3; the firm's shares fell 2.5%.\n\nHe can't stay.",
    "Don't wait: e.g. the \u00a0U.N. report (2019) said so... Really?! Yes :)",
])
def test_cached_tokenizer_makes_spacys_tokens(text):
    """The pipeline's tokenizer fills spaCy's cache chunk by chunk; tokens must not change, the
    first time a text is seen or the second (from the cache)."""
    plain = spacy.blank("en").tokenizer
    cached = pipeline().tokenizer
    for _ in range(2):
        ours, theirs = cached(text), plain(text)
        assert [(t.text, t.idx, t.whitespace_, t.norm_) for t in ours] == \
            [(t.text, t.idx, t.whitespace_, t.norm_) for t in theirs]
        assert ours.user_data["text"] == text


@pytest.mark.parametrize("text, expected", [
    ("Rain fell.\n\n   \nIt stopped. Then it rained again.",
     [("Rain fell.", 0, 10), ("It stopped.", 16, 27), ("Then it rained again.", 28, 49)]),
    ("  Indented line. Next one.", [("Indented line.", 2, 16), ("Next one.", 17, 26)]),
])
def test_sentence_rows_skip_space_and_point_into_the_text(text, expected):
    rows = sentence_rows(pipeline()(text), "t")
    assert [(r["text"], r["start"], r["end"]) for r in rows] == expected
    assert [r["sent_id"] for r in rows] == list(range(len(expected)))


@pytest.mark.parametrize("text", [
    "The U.S. envoy didn't say.\nOfficials—two of them—said it's “unconfirmed.”",
    "ÉCOLE staff in Zürich said 3,000 people left;  the ıstanbul office\u00a0closed.\n\n\nNext.",
    "Don't wait: e.g. the \u00a0U.N. report (2019) said so... Really?! Yes :)",
])
def test_token_table_is_spacys_tokens(text):
    """DocContext's lists stand in for spaCy Tokens in the taggers' hot loops: they must say what
    Token.text, .lower_ and .idx + len say, token for token."""
    from medialens.context import DocContext

    doc = pipeline()(text)
    ctx = DocContext.build(doc, "t", sentence_rows(doc, "t"))
    assert ctx.words == [t.text for t in doc]
    assert ctx.lowers == [t.lower_ for t in doc]
    assert ctx.token_ends == [t.idx + len(t) for t in doc]


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LEXEME_ATTRIBUTES = ("text", "idx", "whitespace_", "norm_", "lower_", "shape_", "lang_", "is_stop",
                     "like_num", "like_url", "is_punct", "is_currency", "is_title")


@pytest.mark.parametrize("text", [
    "The U.S. envoy didn't say.\nOfficials—two of them—said it's “unconfirmed.”",
    "About 3,000 people (nearly half) marched; police said 1.2m, e.g. twenty-one buses.\n\nSee https://example.org",
    "Mr. O'Neill can't confirm 5 p.m. reports: 'Was it 45%?' Yes, about $2bn or £5m.",
    *[pytest.param(path.read_text(encoding="utf-8"), id=path.name) for path in sorted(SEEDS.glob("*.txt"))],
])
def test_pipeline_makes_the_docs_of_spacy_blank(text):
    """pipeline() is spacy.blank("en") built from the same parts without resolving a config:
    every token and what its lexeme says (norm, stop word, number, language) are the same."""
    ours, theirs = pipeline()(text), spacy.blank("en")(text)
    assert [[getattr(t, a) for a in LEXEME_ATTRIBUTES] for t in ours] == \
        [[getattr(t, a) for a in LEXEME_ATTRIBUTES] for t in theirs]
    assert pipeline().lang == "en" and pipeline().pipe_names == ["medialens_sentences"]
