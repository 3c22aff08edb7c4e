"""Hedges, boosters and conditionals on real sentences of the seeds and of our own articles."""
from pathlib import Path

import pandas as pd
import pytest

import medialens as ml
from medialens import hedges
from medialens.context import DocContext
from medialens.sentences import pipeline, sentence_rows

TAGGER = hedges.Tagger()
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def cues(text, tagger=TAGGER):
    doc = pipeline()(text)
    rows = tagger.tag(DocContext.build(doc, "t", sentence_rows(doc, "t")))["hedges"]
    for row in rows:
        assert text[row["start"]:row["end"]] == row["surface"] and row["cue"] == row["surface"].lower()
    return [(row["surface"], row["kind"]) for row in rows]


@pytest.mark.parametrize("sentence, expected", [
    # seeds
    ("North Korea may end up sending 100,000 troops to fight in the war in Ukraine.", [("may", "hedge")]),
    ("If true, this would represent a notable escalation of North Korea's foreign military involvement.",
     [("If true", "conditional"), ("would", "hedge")]),
    ("Should North Korea’s troop deployment be confirmed, it would undoubtedly provoke significant international backlash.",
     [("Should North Korea’s troop deployment be confirmed", "conditional"), ("would", "hedge"), ("undoubtedly", "booster")]),
    ("Reports of North Korean military officers being killed in Ukraine, specifically in Donetsk, if verified, would be further proof.",
     [("if verified", "conditional"), ("would", "hedge")]),
    ("Andriy Kovalenko has confirmed skirmishes where North Korean soldiers have already been fired upon.",
     [("confirmed", "booster")]),
    ("One key motivator for North Korea is clearly, the support Russia offers.", [("clearly", "booster")]),
    ("Many of these young soldiers, reportedly undertrained and underfed, have not seen combat before.",
     [("reportedly", "hedge")]),
    ("The reality is far more grim: the likelihood of these soldiers returning home is extremely low.",
     [("The reality is", "booster")]),
    # our own
    ("The talks resumed in May and the union appears ready to sign.", [("appears", "hedge")]),
    ("Reporters asked if the port would reopen.", [("would", "hedge")]),
    ("The company could not confirm the figure.", [("could", "hedge")]),
    ("The army's military might is not in doubt, and it is clear the plan failed.", [("it is clear", "booster")]),
    ("If the strike goes on, prices will rise.", [("If", "conditional")]),
    ("In fact, the data show the opposite.", [("In fact", "booster")]),
    ("The plan has no official confirmation yet.", []),
])
def test_cues(sentence, expected):
    assert cues("Headline\n" + sentence) == expected


def test_lexicon_override(tmp_path):
    path = tmp_path / "my_hedges.jsonl"
    path.write_text('{"label": "hedge", "pattern": [{"LOWER": "perchance"}], "id": "h-perchance"}\n')
    tagger = hedges.Tagger(lexicons={"hedges": str(path)})
    assert cues("Headline\nIt may rain, perchance.", tagger) == [("perchance", "hedge")]


@pytest.fixture(scope="module")
def tables():
    text = ("Headline here\nThe strike may end soon. Officials said it clearly would not.\n"
            "If true, it changes everything. Prices rose.")
    tables = ml.tag_text(text, doc_id="d")
    assert tables["documents"].n_words.tolist() == [20]
    return tables


def test_score(tables):
    scores = hedges.score(tables).loc["d"]
    assert (scores.n_hedges, scores.n_boosters, scores.n_conditionals) == (2, 1, 1)
    assert scores.hedges_per_100_words == pytest.approx(10.0)
    assert scores.boosters_per_100_words == pytest.approx(5.0)
    # 4 body sentences (the headline is not counted); 3 have a hedge or a conditional.
    assert scores.share_speculative == pytest.approx(3 / 4)
    assert hedges.speculative_sentences(tables).sent_id.tolist() == [1, 2, 3]


def test_seeds_speculation_orders_opinion_above_news(seed_tables):
    scores = hedges.score(seed_tables)
    # 000 speculates about a 100,000-troop deployment; 003 is a news report with sources.
    assert scores.share_speculative.idxmax().startswith("000")
    assert scores.loc[scores.index.str.startswith("003"), "share_speculative"].iloc[0] < 0.5
