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
     [("Many of these", "weasel"), ("reportedly", "hedge")]),
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


# Weasel wording: one row per family, in news sentences we wrote (a flood, a trial, a product
# recall, an election). Each family is a pattern group of data/hedges/weasels.jsonl.
@pytest.mark.parametrize("sentence, expected", [
    # quantifiers standing for a source or a generalisation
    ("Some residents say the flood barriers were never tested.", [("Some residents say", "weasel")]),
    ("Many voters consider the bus lanes a betrayal.", [("Many voters consider", "weasel")]),
    ("Several historians have argued that the river was diverted in 1840.", [("Several historians have argued", "weasel")]),
    ("Most observers expected the mayor to lose her seat.", [("Most observers expected", "weasel")]),
    ("Others say the recall came too late.", [("Others say", "weasel")]),
    ("Critics claim the jury was never told about the loans.", [("Critics claim", "weasel")]),
    ("Many of the blenders were sold abroad.", [("Many of the", "weasel")]),
    ("Several studies have suggested that the levee was too low.", [("Several studies have suggested", "weasel")]),
    # the passive of belief and report
    ("The defendant is considered a flight risk by the prosecution.", [("is considered", "weasel")]),
    ("The plan is widely regarded as her worst decision.", [("is widely regarded as", "weasel")]),
    ("The seal is believed to have failed after a few months.", [("is believed to", "weasel")]),
    ("The treasurer is said to have kept a second ledger.", [("is said to", "weasel")]),
    ("It is thought that the river will peak on Tuesday.", [("It is thought that", "weasel")]),
    ("There were reports of looting in the flooded streets.", [("There were reports", "weasel")]),
    ("Concerns have been raised about the height of the levee.", [("Concerns have been raised", "weasel")]),
    ("The new bus lanes are highly regarded by planners.", [("are highly regarded", "weasel")]),
    ("The verdict was welcomed by many in the town.", [("by many", "weasel")]),
    # one of the most ...
    ("The flood was one of the worst the county has seen.", [("one of the worst", "weasel")]),
    ("She is one of the most divisive figures in the council.", [("one of the most", "weasel")]),
    # hedging adverbs of generalisation
    ("The plan is widely seen as a betrayal of the suburbs.", [("is widely seen as", "weasel")]),
    # a prediction credited to a vague many is a prediction first: the longer hedge wins
    ("The candidate is widely expected to concede on Friday.", [("is widely expected to", "hedge")]),
    ("The model was commonly sold in supermarkets.", [("commonly", "weasel")]),
    ("The house was reputedly built by a smuggler.", [("reputedly", "weasel")]),
    # allegedly and arguably withhold the writer's own commitment: they stay hedges (speculation)
    ("The treasurer allegedly moved the money to her sister.", [("allegedly", "hedge")]),
    ("It was arguably the worst recall in the firm's history.", [("arguably", "hedge")]),
])
def test_weasels(sentence, expected):
    assert cues("Headline\n" + sentence) == expected


# Readings that are not uncertainty (data/hedges/not_uncertain.jsonl): the cue word is there, its
# context says it is frequency, degree, permission, obligation, ability, habit or a literal sense.
@pytest.mark.parametrize("sentence, expected", [
    # frequency and degree adverbs: not hedges in news (README: decided per word)
    ("The river often floods in spring.", []),
    ("Trials usually last two weeks.", []),
    ("Voters typically turn out in lower numbers for local elections.", []),
    ("The barrier almost gave way on Sunday.", []),
    ("Approximately 300 homes were flooded.", []),
    ("Some 40 people were taken to a leisure centre.", []),
    ("Roughly 80,000 blenders were sold.", []),
    ("The fine was roughly £40,000.", []),
    # root and deontic modals: the verb after the modal
    ("The blenders may also be used to crush ice.", []),
    ("Visitors may enter the court after 9 a.m.", []),
    ("Members may vote by post until Thursday.", []),
    ("It should be noted that the firm has not been charged.", []),
    ("Residents should boil tap water until further notice.", []),
    ("The jury should not read reports of the case online.", []),
    ("The mayor asked for patience so that we may rebuild.", []),
    ("The council spokesman could not be reached for comment.", []),
    ("Many families could not afford the new rents.", [("Many", "weasel")]),
    ("She could see the water rising from her window.", []),
    # past habit, reported future, wishes
    ("Every Sunday the farmers would gather at the market.", []),
    ("The candidate would later become mayor.", []),
    ("The company announced that the recall would begin on Monday.", []),
    ("The firm said it would refund every buyer.", []),
    ("The judge said she would like the jury to rest.", []),
    # literal appear, as soon as possible, routine conditions
    ("The defendant appeared in court on Monday.", []),
    ("The warning appears on the screen when the lid is open.", []),
    ("The mayor appeared at the rescue centre.", []),
    ("Police said the roads would reopen as soon as possible.", []),
    ("Voters may bring a friend to help them, if necessary.", []),
    ("Buyers can return the blender only if it is unused.", []),
    ("Tenants can leave the scheme if they wish.", []),
    ("It is the most visited beach in the county.", []),
    ("Nobody knows how many units were sold.", []),
    # the same words where they do hedge stay cues
    ("The seal may have failed.", [("may", "hedge")]),
    ("The water appears to have reached the motor.", [("appears", "hedge")]),
    ("If the rain continues, the river could burst its banks again.", [("If", "conditional"), ("could", "hedge")]),
    ("Prices should fall once the harvest is in.", [("should", "hedge")]),
    ("The recall could cost the firm millions.", [("could", "hedge")]),
    # lack of knowledge and open dispute are uncertainty; "no doubt" is not
    ("Little is known about the buyer of the flooded mill.", [("Little is known", "hedge")]),
    ("The cause of the fault is still disputed.", [("is still disputed", "hedge")]),
    ("There is no doubt the barrier held.", [("There is no doubt", "booster")]),
    pytest.param("Residents may want to move their cars.", [],
                 marks=pytest.mark.xfail(reason="'may want' is a polite suggestion, not doubt, but "
                                                "'want' is no verb of permission: the rule leaves it a hedge")),
])
def test_not_uncertain(sentence, expected):
    assert cues("Headline\n" + sentence) == expected


def test_not_uncertain_patterns_say_why():
    """Every pattern of a reading that is not uncertainty has an id and a reason."""
    from medialens.lexicons import read_patterns
    rows = read_patterns("not_uncertain")
    assert rows and all(row["id"].startswith("none-") and len(row["reason"]) > 20 for row in rows)
    assert len({row["id"] for row in rows}) == len(rows)


ARTICLES = Path(__file__).resolve().parent / "articles"
# A reader's order, most speculative first: the recall analysis guesses at a cause and its costs;
# the trial report carries allegations and a defence's "could have"; the election column credits
# firm claims to vague others (weasels: unaccountable, not speculative) and hedges once; the flood
# wire report states what happened.
READER_ORDER = ["hedges_recall_analysis", "hedges_trial_court", "hedges_election_column", "hedges_flood_wire"]


@pytest.fixture(scope="module")
def article_tables():
    tables = [ml.tag_text((ARTICLES / f"{name}.txt").read_text(encoding="utf-8"), doc_id=name)
              for name in READER_ORDER]
    return {name: pd.concat([t[name] for t in tables], ignore_index=True) for name in tables[0]}


def test_articles_speculation_order(article_tables):
    scores = hedges.score(article_tables)
    assert scores.share_speculative.sort_values(ascending=False, kind="stable").index.tolist() == READER_ORDER
    assert scores.share_speculative.is_unique  # a strict order, no ties
    assert scores.loc["hedges_election_column"].n_weasels >= 5 > scores.loc["hedges_flood_wire"].n_weasels


def test_weasels_kept_out_of_speculation(article_tables):
    """Counting weasel sentences as speculative would put the election column, firm claims from
    vague others, first: the reader's order is kept only without them."""
    sentences = article_tables["sentences"]
    body = sentences[~sentences.is_heading.astype(bool)]
    cues_ = article_tables["hedges"]
    with_weasels = cues_[cues_.kind.isin(["hedge", "conditional", "weasel"])][["doc_id", "sent_id"]].drop_duplicates()
    share = body.merge(with_weasels).groupby("doc_id").size() / body.groupby("doc_id").size()
    assert share.idxmax() == "hedges_election_column"
    assert share.sort_values(ascending=False).index.tolist() != READER_ORDER


def test_weasel_scores(article_tables):
    scores = hedges.score(article_tables).loc["hedges_election_column"]
    words = article_tables["documents"].set_index("doc_id").n_words["hedges_election_column"]
    assert scores.weasels_per_100_words == pytest.approx(100 * scores.n_weasels / words)
    surfaces = article_tables["hedges"].query("kind == 'weasel'").surface.tolist()
    assert "Critics say" in surfaces and "one of the most" in surfaces


def test_hedge_lexicons_name_no_story():
    """Default hedge lexicons describe news in general: none of the seeds' story words (its
    countries, capitals, people, agencies and nouns) is in any of their patterns."""
    import re

    from medialens.lexicons import data_path
    story = """korea korean koreans north russia russian russians ukraine ukrainian kyiv kiev moscow
    pyongyang kursk donetsk putin kim jong zelensky zelenskyy kovalenko shoigu yonhap kcna nis
    troops troop soldiers soldier deployment""".split()
    seeds = " ".join(path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")).lower()
    assert all(word in seeds for word in ["korea", "russia", "ukraine", "troops"])
    for lexicon in hedges.LEXICONS:
        words = set(re.findall(r"[a-z]+", data_path(lexicon).read_text(encoding="utf-8").lower()))
        assert not set(story) & words, f"{lexicon} names the seeds' story: {sorted(set(story) & words)}"
