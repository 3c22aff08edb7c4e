"""The typing rules, one row per example: each rule of data/sources/type_rules.csv (in its order
there) types the phrase it is written for, alone and inside its sentence. The sentences are our
own, in the shapes of wire and newspaper copy; the first example of each rule is its CSV row's."""
import re

import pandas as pd
import pytest
from medialens.context import DocContext
from medialens.errors import MedialensError
from medialens.lexicons import data_path
from medialens.sentences import pipeline, sentence_rows
from medialens.sources import Tagger
from medialens.sources.heads import typed
from medialens.sources.names import first_named
from medialens.sources.type_rules import RULES
from medialens.sources.view import SourceDoc

from conftest import ARTICLES, SEEDS

TAGGER = Tagger(trace_rules=True)
TYPE_ROWS = pd.read_csv(data_path("type_rules"), dtype=str, keep_default_na=False)


def type_of(text, phrase, tagger=TAGGER):
    """(rule, type or None) of `phrase`, the words of `text` it names, typed on its own."""
    doc = pipeline()(text)
    ctx = DocContext.build(doc, "d", sentence_rows(doc, "d"))
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    view = SourceDoc(ctx, tagger.w.the_hash).view(ctx.sentence_of_token(span.start))
    rule, found = typed(tagger.w, view, span.start, span.end, loose=True)
    return rule, found.source_type if found is not None else None


def tagged(text, tagger=TAGGER):
    """(surface, type_rule, source_type) of each source row of one text."""
    doc = pipeline()(text)
    rows = tagger.tag(DocContext.build(doc, "d", sentence_rows(doc, "d")))["sources"]
    return [(row["surface"], row["type_rule"], row["source_type"]) for row in rows]


def test_every_type_rule_is_listed_once():
    assert sorted(TYPE_ROWS.rule) == sorted(RULES) and TYPE_ROWS.rule.is_unique


@pytest.mark.parametrize("rule, text, phrase, answer", [
    (row.rule, row.example, row.phrase, row.answer) for row in TYPE_ROWS.itertuples()])
def test_the_csv_example_of_a_type_rule_is_typed_by_it(rule, text, phrase, answer):
    found_rule, source_type = type_of(text, phrase)
    assert found_rule == rule
    assert source_type is None if answer == "none" else source_type in answer.split(" or ")


@pytest.mark.parametrize("rule, text, phrase, answer", [
    (row.rule, row.example, row.phrase, row.answer) for row in TYPE_ROWS.itertuples() if row.answer != "none"])
def test_the_csv_example_of_a_type_rule_types_a_source_of_its_sentence(rule, text, phrase, answer):
    rows = tagged(text)
    assert any(phrase in surface and found == rule for surface, found, _ in rows), rows


@pytest.mark.parametrize("text, phrase, rule, source_type", [
    ("Nearly one in three residents say the water tastes odd.", "Nearly one in three residents", "count_phrase", "vague"),
    ("The Associated Press reported that the ferry had sunk.", "The Associated Press", "media_name", "media"),
    ("Kenya said the border would reopen.", "Kenya", "place_name", "named_org"),
    ("The UNHCR said the camp was full.", "UNHCR", "acronym", "named_org"),
    ("Harbor Motors said the plant would close.", "Harbor Motors", "organisation_name", "named_org"),
    # an office of an organisation and the person who holds it: a person
    ("Harbor Trust Council Chairman Ravi Menon said the pier would close.",
     "Harbor Trust Council Chairman Ravi Menon", "person_name", "named_person"),
    ("Senator Ana Lopez said the bill would pass.", "Senator Ana Lopez", "person_name", "named_person"),
    # an -ing participle and its object after a name describe the person
    ("At a briefing, fire marshal Ana Cruz leading the inquiry said it would go on.",
     "fire marshal Ana Cruz leading the inquiry", "person_name", "named_person"),
    ("Exit polling showed the race tightening.", "Exit polling", "source_noun", "vague"),
    ("Many Canadians say the tax is fair.", "Many Canadians", "group_name", "vague"),
    ("They said the port was shut.", "They", "pronoun", "vague"),
    ("A source close to the ministry said the talks had stalled.", "A source close to the ministry",
     "indefinite_anonymous", "anonymous"),
    ("The official said the talks had stalled.", "The official", "back_reference", "unnamed_official"),
    ("A report from the Harbor Trust said the pier was unsafe.", "A report from the Harbor Trust",
     "source_noun", "named_org"),  # a document typed by its complement
    ("The poll found that most residents oppose the tower.", "The poll", "source_noun", "vague"),
    ("The 71-year-old told reporters she would run.", "The 71-year-old", "aged_person", "unnamed_official"),
    ("Of the parents, those polled say the tax is fair.", "those polled", "surveyed", "vague"),
    pytest.param("Those polled say the tax is fair.", "Those polled", "surveyed", "vague", marks=pytest.mark.xfail(
        reason="a participle after a capitalised 'Those' is not read as describing it (heads.is_postmodifier)")),
    ("The agency said the data was late.", "The agency", "back_reference", "unnamed_official"),
    ("A spokeswoman for the firm said the plant would close.", "A spokeswoman for the firm",
     "source_noun", "unnamed_official"),
    ("The governor said the roads would reopen.", "The governor", "title_word", "unnamed_official"),
    ("The new owners say the mill will reopen.", "The new owners", "loose_group", "vague"),
    ("The Kennedys said they would help.", "The Kennedys", "the_single_name", "vague"),
    pytest.param("Vatican officials met, and the Vatican said it would help.", "the Vatican", "the_single_name",
                 "named_org", marks=pytest.mark.xfail(reason="the_adjective: a name the text also writes "
                                                             "without 'the' is read as an adjective")),
    pytest.param("The Prime Minister of Kenya said the border would reopen.", "The Prime Minister of Kenya",
                 "title_only", "unnamed_official", marks=pytest.mark.xfail(
                     reason="adjective_name: an office named by its country is read as an adjective")),
])
def test_more_examples_of_the_type_rules(text, phrase, rule, source_type):
    assert type_of(text, phrase) == (rule, source_type)


@pytest.mark.parametrize("text, phrase, rule", [
    ("The last word was the governor's.", "the governor's", "possessive_head"),
    ("The union endorsed Senator Ana Lopez and said it would campaign.", "endorsed Senator Ana Lopez", "name_as_object"),
    ("Two more stores in the mall will close, the owners say.", "Two more stores in the mall will close", "loose_clause"),
])
def test_more_phrases_the_type_rules_say_are_no_source(text, phrase, rule):
    assert type_of(text, phrase) == (rule, None)


def test_type_rule_order_is_data(tmp_path):
    """Dropping a rule from a copy of type_rules.csv turns it off; an unknown name is an error."""
    order = tmp_path / "type_rules.csv"
    TYPE_ROWS[TYPE_ROWS.rule != "place_name"].to_csv(order, index=False)
    other = Tagger({"type_rules": str(order)}, trace_rules=True)
    assert type_of("Britain warned that the talks would fail.", "Britain", other)[0] != "place_name"
    TYPE_ROWS.assign(rule=TYPE_ROWS.rule.replace("acronym", "initials")).to_csv(order, index=False)
    with pytest.raises(MedialensError, match="unknown rule"):
        Tagger({"type_rules": str(order)})


def _first_named_pair_by_pair(w, text):
    """sources.names.first_named as it was written before it read the word pairs in one findall
    and asked about each distinct word once."""
    def names_a_person(other):
        return other.lower() in w.words["title"] or other.isalpha() and other[:1].isupper() \
            and other.lower() not in w.common
    out = set()
    chunks = list(re.finditer(r"\S+", text))
    for left, right in zip(chunks, chunks[1:]):
        if right.start() - left.end() != 1 or text[left.end()] != " ":
            continue
        head, tail = left.group(), right.group()
        if names_a_person(head):
            out.update(tail[:m.start()] for m in re.finditer(r"\b", tail) if m.start())
        surname = re.match(r"[A-Z][a-z]+", tail)
        given = re.search(r"[A-Z][a-z]+$", head)
        if surname and given and given.group() in w.given_names and names_a_person(surname.group()):
            out.add(given.group())
    return out


@pytest.mark.parametrize("text", [
    "Mr. Okafor's statement came late. Okafor said  the vote held;\tGrace Lindqvist\nagreed.",
    "Bernie Sanders spoke, then Ford Expedition sales fell and President Émile Duval left.",
    "Dr.\u00a0Ines Moreau met Sen. Tom Reyes-Hall, and  Ana   Lopez (Reuters) said so.",
    " Lead-in words: the senator, Prime Minister Kwame Asante, and Asante's aides. ",
    *[path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))],
    *[path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("sources_*.txt"))],
])
def test_first_named_reads_what_a_pass_pair_by_pair_reads(text):
    assert first_named(TAGGER.w, text) == _first_named_pair_by_pair(TAGGER.w, text)
