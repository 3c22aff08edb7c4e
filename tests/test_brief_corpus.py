"""What the corpus is: the sentences that open notebook 00, the brief and index.html."""
import pandas as pd
import pytest

import medialens as ml
from medialens import report
from medialens.brief.corpus import corpus_statements, title_words

FERRY_DOCUMENTS = pd.DataFrame({
    "doc_id": ["a", "b", "c"],
    "title": ["Ferry cancelled as gales hit Northisle", "Gales cancel Northisle ferry again",
              "Northisle shops run out as ferry stays in port"],
    "date": ["2021-02-03", "2021-02-05", ""], "date_source": ["dateline", "date line", ""],
    "outlet": ["Harbour Times", "", ""], "agency": ["", "Wire", ""]})
# The frames tagger's mentions of a place in each title (offsets into the cleaned text).
FERRY_MENTIONS = pd.DataFrame({"doc_id": ["a", "b", "c", "c"], "start": [26, 13, 0, 80],
                               "end": [35, 22, 9, 89], "actor": ["Northisle"] * 4})


def test_the_corpus_is_said_in_a_few_sentences():
    said = corpus_statements(FERRY_DOCUMENTS, FERRY_MENTIONS).set_index("part")
    assert said.statement["story"] == "The story, from the titles: Northisle; ferry and gales."
    assert said.statement["dates"] == "3 articles (2 dated), from 3 February 2021 to 5 February 2021."
    assert said.statement["outlets"] == "Outlets: Harbour Times; wire copy from Wire."
    assert said.statement["undated"] == "Without a date: c."
    assert said.doc_ids["undated"] == "c"


@pytest.mark.parametrize("dates, outlets, agencies, expected", [
    (["", ""], ["", ""], ["", ""], ["2 articles, none of them dated.",
                                    "No article names its outlet (a table's outlet column or metadata.csv can give it).",
                                    "Without a date: a and b."]),
    (["2020-05-01", "2020-05-01"], ["Site", "Site"], ["", ""], ["2 articles, 1 May 2020.", "Outlets: Site."]),
], ids=["no-dates-no-outlets", "one-day-one-outlet"])
def test_missing_dates_and_outlets_are_said(dates, outlets, agencies, expected):
    documents = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Talks resume", "Talks stall"],
                              "date": dates, "outlet": outlets, "agency": agencies})
    said = corpus_statements(documents).statement.tolist()
    assert said[1:] == expected


def test_title_words_count_each_title_once_and_plurals_as_singulars():
    counts = title_words(["Fires spread as fire crews retreat", "Fire crews contain two fires"], set())
    assert counts["fire"] == 2 and "fires" not in counts and counts["fire crews"] == 2


def test_index_opens_with_what_the_corpus_is(tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "tables").mkdir()
    ml.write_csv(FERRY_DOCUMENTS, tmp_path / "tables" / "documents.csv")
    page = report.index_page(tmp_path)
    assert page.index("The corpus") < page.index("<h2>Analyses")
    for said in corpus_statements(FERRY_DOCUMENTS).statement:
        assert said in page
