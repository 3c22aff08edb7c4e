"""Analyses of a user's own plug in everywhere: `medialens tag` and `medialens run --analysis`,
`tag_corpus(analyses=)`, `tag_text(analyses=)` and the notebooks' `analyses` parameter, with the
lexicons they declare replaceable by `--lexicon NAME=FILE` and `NAME_lexicon`. The worked example
is docs/examples/quotes_per_article.py."""
import shutil

import pandas as pd
import pytest

import medialens as ml
from medialens.errors import MedialensError

from conftest import ARTICLES, ROOT, SEEDS, run_cli

EXAMPLE = str(ROOT / "docs" / "examples" / "quotes_per_article.py")
FERRY = ARTICLES / "quotes_ferry.txt"


def quotes(text: str, **options) -> list[tuple[str, str]]:
    tables = ml.tag_text(text, analyses=(EXAMPLE,), **options)
    return [(row.surface, row.verb) for row in tables["quotes"].itertuples()]


@pytest.mark.parametrize("text, expected", [
    ('"We cannot keep running half-empty boats all winter," said the chief executive.',
     [('"We cannot keep running half-empty boats all winter,"', "said")]),
    ("The mayor told reporters: “Nobody will be left behind on this island.”",
     [("“Nobody will be left behind on this island.”", "told")]),
    ('"The islands were promised a lifeline and got a rope."', [('"The islands were promised a lifeline and got a rope."', "")]),
    ('Islanders called it a "slow goodbye" to their community.', []),  # a scare quote: under four words
    ('"Nobody warned us in time," one neighbour quipped.', [('"Nobody warned us in time,"', "")]),  # not in quote_verbs.csv
    ('"The river rose in an hour. We had no time at all," she said.',
     [('"The river rose in an hour. We had no time at all,"', "said")]),  # one quotation over two sentences
    pytest.param('"My mother needs the mainland hospital," said Anna Holt. "Two boats will not get her there."',
                 [('"My mother needs the mainland hospital,"', "said"), ('"Two boats will not get her there."', "said")],
                 marks=pytest.mark.xfail(reason="a second quotation of the same speaker in the next sentence "
                                                "has no verb of its own; the example's rule reads one sentence")),
])
def test_the_example_finds_quotations_and_who_spoke_them(text, expected):
    assert quotes(text) == expected


def test_the_examples_lexicon_is_overridden_by_name(tmp_path):
    mine = tmp_path / "my_quote_verbs.csv"
    shutil.copy(ROOT / "docs" / "examples" / "quote_verbs.csv", mine)
    with mine.open("a", encoding="utf-8") as file:
        file.write("quipped,a joke\n")
    text = '"Nobody warned us in time," one neighbour quipped.'
    assert quotes(text, lexicons={"quote_verbs": str(mine)}) == [('"Nobody warned us in time,"', "quipped")]


def test_scores_count_quotations_and_the_share_attributed():
    scores = ml.tag_text(FERRY.read_text(encoding="utf-8"), analyses=(EXAMPLE,))["scores"].iloc[0]
    assert scores.n_quotes == 5 and scores.share_quotes_attributed == pytest.approx(2 / 5)
    assert scores.quotes_per_100_words == pytest.approx(100 * 5 / scores.n_words)
    no_quotes = ml.tag_text("The ferry will sail twice a week.", analyses=(EXAMPLE,))["scores"].iloc[0]
    assert no_quotes.n_quotes == 0 and pd.isna(no_quotes.share_quotes_attributed)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for path in [*SEEDS.glob("*.txt"), FERRY]:
        shutil.copy(path, folder)
    return folder


@pytest.fixture(scope="module")
def quipped(tmp_path_factory):
    mine = tmp_path_factory.mktemp("lexicon") / "my_quote_verbs.csv"
    mine.write_text("word,why\nsaid,speech\nquipped,a joke\n", encoding="utf-8")
    return mine


def test_tag_corpus_and_medialens_tag_write_the_same_quotes(tmp_path, corpus, quipped):
    options = {"analyses": (EXAMPLE,), "lexicons": {"quote_verbs": str(quipped)}}
    in_process = ml.tag_corpus(corpus, **options)
    run = run_cli("tag", corpus, "--out", tmp_path / "out", "--jobs", "2", "--batch-size", "3",
                  "--analysis", EXAMPLE, "--lexicon", f"quote_verbs={quipped}")
    assert run.returncode == 0, run.stderr
    written = ml.read_tables(tmp_path / "out")
    pd.testing.assert_frame_equal(written["quotes"], in_process["quotes"], check_dtype=False)
    ferry = in_process["quotes"][in_process["quotes"].doc_id == "quotes_ferry"]
    assert ferry.verb.tolist() == ["said", "said", "", "quipped", ""]  # "told" is not in my list


def test_medialens_run_tags_the_analysis_and_runs_every_notebook(tmp_path, corpus, quipped):
    out = tmp_path / "reports"
    run = run_cli("run", corpus, "--out", out, "--analysis", EXAMPLE, "--lexicon", f"quote_verbs={quipped}")
    assert run.returncode == 0, run.stderr[-3000:]
    tables = ml.read_tables(out / "tables")
    ferry = tables["scores"].set_index("doc_id").loc["quotes_ferry"]
    assert ferry.n_quotes == 5 and ferry.share_quotes_attributed == pytest.approx(3 / 5)
    assert len(list((out / "notebooks").glob("*.ipynb"))) == len(list((ROOT / "notebooks").glob("*.ipynb")))
    assert "quotes.csv" in (out / "index.html").read_text(encoding="utf-8")


def test_the_notebook_parameters_take_analyses_and_their_lexicons(tmp_path, quipped):
    (tmp_path / "articles").mkdir()
    shutil.copy(FERRY, tmp_path / "articles")
    tables = ml.tables_from_parameters({"corpus": str(tmp_path / "articles"), "tables": "",
                                        "analyses": EXAMPLE, "quote_verbs_lexicon": str(quipped)})
    assert tables["quotes"].verb.tolist() == ["said", "said", "", "quipped", ""]


@pytest.mark.parametrize("values, message", [
    ({"analyses": "/nowhere/quotes.py"}, "parameter analyses='/nowhere/quotes.py': cannot import this analysis module"),
    ({"analyses": "json"}, "parameter analyses='json': not an analysis module (it lacks COLUMNS, READS, Tagger, score)"),
    ({"quote_verb_lexicon": "mine.csv", "analyses": EXAMPLE}, "parameter quote_verb_lexicon: no such lexicon"),
    ({"quote_verbs_lexicon": "mine.csv"}, "parameter quote_verbs_lexicon: no such lexicon"),  # no analyses named
])
def test_a_wrong_analysis_parameter_is_named_in_one_line(values, message):
    with pytest.raises(MedialensError) as error:
        ml.tables_from_parameters({"corpus": str(SEEDS), "tables": "", **values})
    assert message in str(error.value) and "\n" not in str(error.value)


def test_an_analysis_may_not_take_a_built_in_table_or_lexicon_name(tmp_path):
    clash = tmp_path / "clash_tables.py"
    clash.write_text(example_source().replace('COLUMNS = {"quotes"', 'COLUMNS = {"sources"'), encoding="utf-8")
    shutil.copy(ROOT / "docs" / "examples" / "quote_verbs.csv", tmp_path)
    run = run_cli("tag", SEEDS, "--out", tmp_path / "out", "--analysis", clash)
    assert run.returncode == 1 and "its table 'sources' is already written by sources" in run.stderr
    shutil.copy(ROOT / "docs" / "examples" / "quote_verbs.csv", tmp_path / "hedges.csv")
    named = tmp_path / "clash_lexicon.py"
    named.write_text(example_source().replace('{"quote_verbs": "quote_verbs.csv"}', '{"hedges": "hedges.csv"}'),
                     encoding="utf-8")
    run = run_cli("tag", SEEDS, "--out", tmp_path / "out", "--analysis", named)
    assert run.returncode == 1 and "its lexicon 'hedges' has the name of another lexicon" in run.stderr
    assert not (tmp_path / "out").exists()


def example_source() -> str:
    return (ROOT / "docs" / "examples" / "quotes_per_article.py").read_text(encoding="utf-8")
