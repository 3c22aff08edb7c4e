"""The source finder's rules, one row per example: each rule of data/sources/phrase_rules.csv (in
its order there) answers the cues it is written for. The sentences are our own, in the shapes of
wire and newspaper copy; the first example of each rule is the one its row in the CSV gives."""
import pandas as pd
import pytest

from medialens.context import DocContext
from medialens.errors import MedialensError
from medialens.lexicons import data_path
from medialens.sentences import pipeline, sentence_rows
from medialens.sources import Tagger
from medialens.sources.phrases import RULES, rule_order

TAGGER = Tagger(trace_rules=True)
RULE_ROWS = pd.read_csv(data_path("phrase_rules"), dtype=str, keep_default_na=False)


def rules_of(text, tagger=TAGGER):
    """(surface, rule) of each source row of one text."""
    doc = pipeline()(text)
    rows = tagger.tag(DocContext.build(doc, "d", sentence_rows(doc, "d")))["sources"]
    return [(row["surface"], row["rule"]) for row in rows]


def test_every_rule_is_listed_once_in_order():
    assert sorted(RULE_ROWS.rule) == sorted(RULES) and RULE_ROWS.rule.is_unique
    assert rule_order() == list(RULE_ROWS.rule)


@pytest.mark.parametrize("rule, text", [
    (row.rule, row.example) for row in RULE_ROWS.itertuples() if row.answer != "none"])
def test_the_csv_example_of_a_source_rule_is_found_by_it(rule, text):
    assert [r for _, r in rules_of(text) if r.split("/")[0] == rule]


@pytest.mark.parametrize("rule, text", [
    (row.rule, row.example) for row in RULE_ROWS.itertuples() if row.answer == "none"])
def test_the_csv_example_of_a_stop_rule_has_no_source(rule, text):
    assert rules_of(text) == []
    doc = pipeline()(text)
    stopped = TAGGER.tag(DocContext.build(doc, "d", sentence_rows(doc, "d")))["stopped"]
    assert rule in {row["rule"] for row in stopped}  # the rule itself stopped the cue


@pytest.mark.parametrize("text, surface, rule", [
    ("Ruth Hale's statement said the roads would reopen.", "Ruth Hale", "possessive"),
    ("Lopez's pledge to rebuild the school won praise.", "Lopez", "possessive"),
    ("The harvest failed, citing the drought.", None, None),  # "citing" cites no source here
    ("The port reopened, according to state law.", "state law", "source_after"),
    ('"It is over," said the coach.', "the coach", "inverted"),
    ("The water is safe, said Dr. Amal Haddad, the county's health officer.", "Dr. Amal Haddad", "inverted"),
    ("Officials estimate that 300 homes burned.", "Officials", "subject_before/stretch"),
    ("The mayor, who toured the site on Friday, said the road would reopen.", "The mayor", "subject_before/relative_who"),
    ("Lena Ortiz — a nurse at the clinic — says the beds ran out.", "Lena Ortiz", "subject_before/dashed"),
    ("Voters who backed the levy say the parks need it.", "Voters who backed the levy", "subject_before/restrictive_who"),
    ("The ministry issued a statement saying the water was safe.", "The ministry", "subject_before/clause_subject"),
    ("Priya Nair, 41, a teacher in the valley, said the school had flooded.", "Priya Nair", "subject_before/comma_chunks"),
    ("The union's leaders shook their heads and said no.", "The union's leaders", "saying_clause"),
    # an apposition whose closing comma is missing: the person named before it speaks
    ("Pat Reyes, the chief executive of the firm argued that costs rose.", "Pat Reyes", "subject_before/unclosed_apposition"),
    ("Dana Cole, the director of the Harbor Trust said the pier would close.", "Dana Cole", "subject_before/unclosed_apposition"),
    ("In the end, the minister said no.", "the minister", "subject_before/stretch"),
    ("The poll found that most residents oppose the tower.", "The poll", "subject_before/stretch"),
    ("The coach showed patience with the new players.", None, None),
    ("Then, in mid-2019 the band asked to leave the label.", None, None),  # a dated clause, no source phrase
    ("The deputies mentioned previously were cleared.", None, None),
    ("The board could decide to say more next week.", None, None),
])
def test_more_examples_of_the_rules(text, surface, rule):
    found = rules_of(text)
    if surface is None:
        assert found == []
    else:
        assert any(s.startswith(surface) and r == rule for s, r in found), found


def test_rule_order_is_data(tmp_path):
    """Dropping a rule from a copy of phrase_rules.csv turns it off; an unknown name is an error."""
    order = tmp_path / "phrase_rules.csv"
    RULE_ROWS[RULE_ROWS.rule != "inverted"].to_csv(order, index=False)
    text = '"We will rebuild every house," said Mayor Ana Lopez.'
    assert rules_of(text, Tagger({"phrase_rules": str(order)}, trace_rules=True)) == []
    RULE_ROWS.assign(rule=RULE_ROWS.rule.replace("inverted", "upside_down")).to_csv(order, index=False)
    with pytest.raises(MedialensError, match="unknown rule"):
        Tagger({"phrase_rules": str(order)})
