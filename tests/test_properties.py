"""Property tests: loading and tagging any Unicode text never raises; writing and reading tables
are exact inverses."""
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import medialens as ml
from medialens.clean import clean_text

NEWSY = st.sampled_from(["U.S.", "“", "”", "\n", ". ", "said", "100,000", "up to", "Reuters",
                         "Kim Jong-un’s", "may", "—", "<script>", "=1+2", "\t", " "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(), NEWSY), max_size=30).map("".join))
def test_any_text_cleans_and_tags(raw):
    cleaned = clean_text(raw)
    if not cleaned.text.strip():
        return
    documents = pd.DataFrame({"doc_id": ["x"], "title": [cleaned.title], "date": [""],
                              "outlet": [""], "url": [""], "n_words": [0], "text": [cleaned.text]})
    tables = ml.tag_corpus(documents)
    assert len(tables["scores"]) == 1
    text = cleaned.text
    for name in ("sentences", "sources", "hedges", "figures", "frames"):
        for row in tables[name].itertuples():
            assert 0 <= row.start <= row.end <= len(text)


@settings(max_examples=40, deadline=None)
@given(st.binary(min_size=1, max_size=200))
def test_any_bytes_load_or_give_a_clear_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "article.txt"
    path.write_bytes(data)
    try:
        documents = ml.load_corpus(path)
    except ml.MedialensError as error:
        assert str(error).startswith(str(path))
    else:
        assert len(documents) == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40), st.lists(st.one_of(st.text(), NEWSY), max_size=20).map("".join))
def test_any_title_and_text_in_a_table_load_and_tag(tmp_path_factory, title, text):
    path = tmp_path_factory.mktemp("table") / "articles.jsonl"
    pd.DataFrame({"id": ["a"], "title": [title], "text": [text]}).to_json(path, orient="records", lines=True)
    try:
        documents = ml.load_corpus(path)
    except ml.MedialensError as error:
        assert str(error).startswith(str(path))
        return
    tables = ml.tag_corpus(documents)
    assert tables["documents"].text.iloc[0].startswith(tables["documents"].title.iloc[0])


# What a spreadsheet or a CSV reader would take for something else: formula starts, the
# apostrophe that neutralises them, the missing marker, numbers, line ends, quotes, NUL.
CELL_PARTS = st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "\n", "\r\n", "NaN", "nan",
                              "12", "-3.5", "1e5", "True", "", " ", '"', ",", "\x00", "\u200b",
                              "'@someone is wrong,' the minister said"])
CELLS = st.lists(st.one_of(st.text(max_size=12), CELL_PARTS), max_size=4).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(CELLS, CELLS, st.integers(-10**6, 10**6),
                          st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False))),
                min_size=1, max_size=8),
       st.integers(0, 8))
def test_writing_and_reading_tables_are_exact_inverses(tmp_path_factory, rows, cut):
    table = pd.DataFrame(rows, columns=["doc_id", "surface", "start", "share"])
    table["share"] = table["share"].astype(float)
    folder = tmp_path_factory.mktemp("tables")
    ml.write_tables({"documents": table.iloc[:cut]}, folder, part=0)
    ml.write_tables({"documents": table.iloc[cut:]}, folder, part=1)
    pd.testing.assert_frame_equal(ml.read_tables(folder)["documents"], table)
