"""Loading and cleaning: the seeds' real boilerplate, and a second corpus in the other formats."""

import pandas as pd
import pytest

import medialens as ml
from medialens.clean import clean_text
from medialens.reading import EncodingWarning, safe_id

from conftest import CORPORA, SEEDS, doc


def test_seeds_load_one_row_per_file(seed_documents):
    assert sorted(seed_documents.doc_id) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert (seed_documents.n_words > 400).all()


@pytest.mark.parametrize("prefix, gone", [
    ("000", "Read the original article here"),
    ("003", "Today : Oct 18, 2024"),
    ("003", "World News"),
    ("003", "Latest Contents"),
    ("003", "Sepsis Risk Factors Reveal Alarming Mortality Rates"),
    ("003", "Nikon Small World"),
    ("004", "16 px"),
    ("004", "News.Az"),
])
def test_boilerplate_is_removed(seed_documents, prefix, gone):
    row = doc(seed_documents, prefix)
    assert gone in row.raw_text
    assert gone not in row.text


@pytest.mark.parametrize("prefix, kept", [
    ("003", "Overall, the partnership’s progressive nature draws sharp attention from global powers"),
    ("003", "The alliance between North Korea and Russia grows as Kim Jong Un looks to assert global influence"),
    ("000", "The “meat grinder” image aptly reflects the human cost"),
    ("001", "Time will tell whether this emerging coalition truly takes shape."),
    ("004", "How will the West, particularly the U.S. and NATO, respond if these reports are confirmed?"),
])
def test_article_text_is_kept(seed_documents, prefix, kept):
    assert kept in doc(seed_documents, prefix).text


@pytest.mark.parametrize("prefix, title", [
    ("001", "The Whispers of War"),
    ("003", "North Korea Prepares Troop Deployment To Ukraine"),
    ("004", "Is the North Korean leader preparing his troops for deployment to Ukraine?"),
])
def test_headline_is_title_and_first_line_once(seed_documents, prefix, title):
    row = doc(seed_documents, prefix)
    lines = row.text.split("\n")
    assert row.title == title
    assert lines[0] == title
    assert lines.count(title) == 1


def test_article_without_headline_takes_its_first_sentence_as_title(seed_documents):
    row = doc(seed_documents, "002")
    assert row.title == ("The geopolitical dynamics of the Russia-Ukraine conflict have shifted "
                         "dramatically with the reported deployment of North Korean troops.")
    assert row.text.startswith(row.title)


def test_dateline_and_signature(seed_documents):
    assert doc(seed_documents, "003").date == "2024-10-17"  # the dateline, not the site's "Today"
    assert doc(seed_documents, "004").outlet == "News.Az"
    assert doc(seed_documents, "001").date == ""


def test_glued_sentences_are_split(seed_documents):
    text = doc(seed_documents, "004").text
    assert "involvement. The June 2024" in text
    assert "forces.The" not in text and "war.North" not in text


@pytest.mark.parametrize("raw, expected_text, expected_removed", [
    ("Markets Rally on Rate Cut Hopes\nShares rose on Monday after the central bank signalled a cut, "
     "traders said.\nClick here to subscribe\nReuters",
     "Markets Rally on Rate Cut Hopes\nShares rose on Monday after the central bank signalled a cut, traders said.",
     {"boilerplate", "outlet signature"}),
    ("Sports\nTeam Wins Title After Forty Years\n5 March 2023\nThe home side won the league on "
     "Saturday with a late goal in front of a full stadium.\nRelated\nOther story one\nOther story two",
     "Team Wins Title After Forty Years\nThe home side won the league on Saturday with a late goal in front of a full stadium.",
     {"site header", "date line", "sidebar"}),
])
def test_cleaning_rules_on_other_pages(raw, expected_text, expected_removed):
    cleaned = clean_text(raw)
    assert cleaned.text == expected_text
    assert {reason for _, reason in cleaned.removed} == expected_removed


def test_csv_and_jsonl_give_the_same_documents():
    from_csv = ml.load_corpus(CORPORA / "wire" / "articles.csv")
    from_jsonl = ml.load_corpus(CORPORA / "wire" / "articles.jsonl")
    columns = ["doc_id", "title", "date", "outlet", "url", "text"]
    pd.testing.assert_frame_equal(from_csv[columns], from_jsonl[columns])
    flood = from_csv.set_index("doc_id").loc["flood-0412"]
    assert flood.title == "Floods displace thousands in northern Bangladesh"
    assert flood.text.split("\n").count(flood.title) == 1  # the title column was in the text too
    assert flood.date == "2024-06-21" and flood.outlet == "Wire Service"
    budget = from_csv.set_index("doc_id").loc["budget-77"]
    assert budget.date == "2025-03-04"
    assert budget.text.startswith("City council passes $2.1 billion budget\n")
    assert "Share this article" not in budget.text


def test_parquet_table(tmp_path):
    table = pd.read_csv(CORPORA / "wire" / "articles.csv", dtype=str, keep_default_na=False)
    table.to_parquet(tmp_path / "articles.parquet")
    assert ml.load_corpus(tmp_path / "articles.parquet").doc_id.tolist() == ["flood-0412", "budget-77", "escape"]


def test_ids_from_a_table_never_leave_the_folder():
    ids = ml.load_corpus(CORPORA / "wire" / "articles.csv").doc_id
    assert "escape" in set(ids)
    assert not any("/" in i or i.startswith(".") for i in ids)
    assert safe_id("../../etc/passwd") == "etc_passwd"


def test_saved_web_page_uses_trafilatura_metadata():
    page = ml.load_corpus(CORPORA / "pages").iloc[0]
    assert page.title == "Dock workers strike at three ports"
    assert (page.date, page.date_source) == ("2025-02-11", "html")
    assert page.outlet == "Harbour Times"
    assert page.text.split("\n")[0] == page.title
    assert "said in a statement" in page.text
    for chrome in ("Home", "Most read", "Ferry timetable", "All rights reserved"):
        assert chrome not in page.text


def test_metadata_csv_beside_a_folder_overrides():
    row = ml.load_corpus(CORPORA / "folder").iloc[0]
    assert (row.doc_id, row.date, row.outlet) == ("doha", "2025-01-13", "Gulf Wire")
    assert row.date_source == "metadata.csv"
    assert row.text.split("\n")[0] == "Ceasefire talks resume in Doha"


def test_windows_1252_file_is_read_with_a_warning():
    with pytest.warns(EncodingWarning, match="cp1252.txt"):
        row = ml.load_corpus(CORPORA / "cp1252.txt").iloc[0]
    assert row.text.startswith("Café owners")
    assert "“We lost a third of our trade,”" in row.text


def test_removed_lines_lists_every_removal(seed_documents):
    removed = ml.removed_lines(seed_documents)
    assert set(removed.columns) == {"doc_id", "reason", "line"}
    by_doc = removed.groupby("doc_id").reason.agg(set)
    assert by_doc[doc(seed_documents, "004").doc_id] >= {"repeated line", "page furniture", "outlet signature"}
    assert "sidebar" in by_doc[doc(seed_documents, "003").doc_id]


@pytest.mark.parametrize("title", ["2024", "Advertisement", "+ ↺ −", "Read the original article here"])
def test_a_given_title_is_kept_whatever_it_looks_like(tmp_path, title):
    table = pd.DataFrame({"id": ["a1"], "title": [title],
                          "text": ["The council met on Monday and approved the plan, officials said."]})
    table.to_csv(tmp_path / "articles.csv", index=False)
    row = ml.load_corpus(tmp_path / "articles.csv").iloc[0]
    assert row.title == title and row.text.split("\n")[0] == title


@pytest.mark.parametrize("last, outlet, agency", [
    ("He said no.", "", ""),
    ("“We will stay.”", "", ""),
    ("Reuters", "", "Reuters"),  # a news agency's signature names the agency
    ("— Reuters", "", "Reuters"),
    ("News.Az", "News.Az", ""),
])
def test_only_a_short_line_that_does_not_end_a_sentence_is_a_signature(last, outlet, agency):
    cleaned = clean_text("Talks Stall in Geneva\nThe talks stalled on Monday after the envoys failed "
                         "to agree on a text, two diplomats said.\n" + last)
    assert (last not in cleaned.text) == bool(outlet or agency)
    assert (cleaned.outlet, cleaned.agency) == (outlet, agency)


def test_latin1_table_is_read_with_a_warning(tmp_path):
    (tmp_path / "old.csv").write_bytes("id,text\nc1,\"Caf\xe9 owners say the parking rules cost them trade, "
                                       "the chamber said.\"\n".encode("latin-1"))
    with pytest.warns(EncodingWarning, match="old.csv"):
        row = ml.load_corpus(tmp_path / "old.csv").iloc[0]
    assert row.text.startswith("Café owners")


def test_jsonl_ids_stay_as_written_and_missing_ids_get_one(tmp_path):
    (tmp_path / "rows.jsonl").write_text(
        '{"id": 1, "text": "The first article has a sentence that is long enough here."}\n'
        '{"text": "The second article has no id at all but a sentence just the same."}\n',
        encoding="utf-8")
    assert ml.load_corpus(tmp_path / "rows.jsonl").doc_id.tolist() == ["1", "rows-2"]


def test_removed_lines_of_a_table_include_the_repeated_title():
    documents = ml.load_corpus(CORPORA / "wire" / "articles.csv")
    removed = ml.removed_lines(documents)
    flood = removed[removed.doc_id == "flood-0412"]
    assert flood.values.tolist() == [["flood-0412", "repeated line",
                                      "Floods displace thousands in northern Bangladesh"]]


COUNCIL = ("The council approved the budget by seven votes to two on Tuesday after a debate about "
           "school funding, officials said.")


@pytest.mark.parametrize("ids, expected", [
    (["a", "a", "a-2"], ["a", "a-3", "a-2"]),
    (["a-2", "a", "a"], ["a-2", "a", "a-3"]),
    (["a", "a", "a"], ["a", "a-2", "a-3"]),
    (["x-2", "x", "x-2", "x"], ["x-2", "x", "x-2-2", "x-3"]),
])
def test_ids_made_unique_never_meet_an_existing_id(tmp_path, ids, expected):
    path = tmp_path / "articles.jsonl"
    pd.DataFrame({"id": ids, "text": [f"{COUNCIL} Story {n}." for n in range(len(ids))]}).to_json(
        path, orient="records", lines=True)
    documents = ml.load_corpus(path)
    assert documents.doc_id.tolist() == expected
    assert [int(t.rsplit(" ", 1)[1].rstrip(".")) for t in documents.text] == list(range(len(ids)))


def test_files_with_one_stem_get_ids_no_other_file_has(tmp_path):
    for name in ("a.txt", "a.md", "a-2.txt"):
        (tmp_path / name).write_text(f"{COUNCIL} From {name}.", encoding="utf-8")
    documents = ml.load_corpus(tmp_path)
    assert documents.doc_id.is_unique and len(documents) == 3
    by_id = dict(zip(documents.doc_id, documents.text))
    assert by_id["a-2"].endswith("From a-2.txt.")


def test_parquet_bytes_are_decoded_like_files(tmp_path):
    path = tmp_path / "articles.parquet"
    pd.DataFrame({"id": ["utf8", "cp1252"], "outlet": [b"Le Monde", b"Caf\xe9 Times"],
                  "text": [("Le ministre a d\u00e9clar\u00e9 : " + COUNCIL).encode("utf-8"),
                           ("Caf\xe9 owners said: " + COUNCIL).encode("cp1252")]}).to_parquet(path)
    with pytest.warns(EncodingWarning, match=r"articles.parquet, row 2, column text: not UTF-8"):
        documents = ml.load_corpus(path)
    assert documents.text[0].startswith("Le ministre a déclaré")
    assert documents.text[1].startswith("Café owners said")
    assert documents.outlet.tolist() == ["Le Monde", "Café Times"]


@pytest.mark.parametrize("cell, kind", [(["a", "b"], "a list"), ({"a": 1}, "a mapping")])
def test_list_or_dict_cells_are_a_one_line_error(tmp_path, cell, kind):
    path = tmp_path / "articles.jsonl"
    path.write_text(pd.Series([{"id": "x", "text": COUNCIL}, {"id": "y", "text": COUNCIL, "title": cell}])
                    .map(lambda r: __import__("json").dumps(r)).str.cat(sep="\n"), encoding="utf-8")
    with pytest.raises(ml.MedialensError, match=rf"articles.jsonl, row 2, column title: holds {kind}, not text"):
        ml.load_corpus(path)


def test_a_parquet_list_column_is_a_one_line_error(tmp_path):
    path = tmp_path / "articles.parquet"
    pd.DataFrame({"text": [["one paragraph.", "another."]]}).to_parquet(path)
    with pytest.raises(ml.MedialensError, match=r"row 1, column text: holds a list"):
        ml.load_corpus(path)


@pytest.mark.parametrize("content", [
    b'id,outlet,title,text\n1,NaN,NaN,"' + COUNCIL.encode() + b'"\n',
    b'{"id": "1", "outlet": NaN, "title": null, "text": "' + COUNCIL.encode() + b'"}\n',
])
def test_a_missing_marker_is_no_outlet(tmp_path, content):
    path = tmp_path / ("articles.csv" if content.startswith(b"id") else "articles.jsonl")
    path.write_bytes(content)
    documents = ml.load_corpus(path)
    assert documents.outlet.tolist() == [""]
    assert documents.title[0].startswith("The council approved")


PAGE = """<html><head><title>Council passes budget</title>{head}</head><body>
<article><h1>Council passes budget</h1>{byline}<p>{body}</p></article>
<footer>&copy; 2023 Example News. All rights reserved.</footer></body></html>"""


@pytest.mark.parametrize("head, byline, date", [
    ("", "", ""),
    ('<meta property="article:published_time" content="2024-03-05T10:00:00Z">', "", "2024-03-05"),
    ("", '<p><time datetime="2024-03-05">March 5, 2024</time></p>', "2024-03-05"),
    ('<link rel="canonical" href="https://example.com/2024/03/05/council-budget">', "", "2024-03-05"),
])
def test_a_saved_page_has_a_date_only_when_it_states_one(tmp_path, head, byline, date):
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(head=head, byline=byline, body=" ".join([COUNCIL] * 6)), encoding="utf-8")
    assert ml.load_corpus(path).date.tolist() == [date]


PARK_PAGE = """<html><head><title>Council approves new park budget</title>{head}</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Council approves new park budget</h1>{byline}
<p>The city council voted on Tuesday to approve a budget for three new parks in the northern
districts, officials said after a long meeting that ran past midnight.</p>
<p>The mayor said the parks would open within two years and that residents had asked for more
green space for a decade.</p></article>
<footer>{footer}</footer></body></html>"""


@pytest.mark.parametrize("head, byline, footer, date, source", [
    ("", "", "<p>© 2021-03-04 Example Gazette. All rights reserved.</p>", "", ""),
    ("", "", '<p>Page generated 2021-05-06</p><time datetime="2021-05-06">6 May 2021</time>', "", ""),
    ('<meta property="article:published_time" content="2020-02-03T10:00:00Z">', "",
     "<p>© 2021-03-04 Example Gazette</p>", "2020-02-03", "html"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-02-07"}</script>',
     "", "", "2020-02-07", "html"),
    ("", '<p><time datetime="2020-02-05">5 February 2020</time></p>', "", "2020-02-05", "html"),
], ids=["copyright-footer", "generated-footer", "meta", "json-ld", "time-element"])
def test_a_saved_page_date_comes_from_what_the_page_states_not_its_footer(tmp_path, head, byline,
                                                                        footer, date, source):
    (tmp_path / "park.html").write_text(PARK_PAGE.format(head=head, byline=byline, footer=footer))
    page = ml.load_corpus(tmp_path).iloc[0]
    assert (page.date, page.date_source) == (date, source)


def test_a_table_date_is_named_as_the_table_s(tmp_path):
    pd.DataFrame({"id": ["a"], "date": ["3 March 2021"], "text": [COUNCIL]}).to_csv(
        tmp_path / "articles.csv", index=False)
    documents = ml.load_corpus(tmp_path / "articles.csv")
    assert (documents.date[0], documents.date_source[0]) == ("2021-03-03", "table")


def test_metadata_csv_may_name_the_agency(tmp_path):
    (tmp_path / "talks.txt").write_text("Talks resume in Geneva\n" + COUNCIL, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet,agency\ntalks.txt,Harbour Times,Wire Service\n",
                                           encoding="utf-8")
    row = ml.load_corpus(tmp_path).iloc[0]
    assert (row.outlet, row.agency, row.date_source) == ("Harbour Times", "Wire Service", "")
