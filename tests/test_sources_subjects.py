"""The subject shapes, one row per example: each rule of data/sources/subject_rules.csv (in its
order there) reads the subject before the cue it is written for, alone and inside the tagger. The
sentences are our own; the first example of each shape is its CSV row's."""
import pandas as pd
import pytest
from medialens.context import DocContext
from medialens.errors import MedialensError
from medialens.lexicons import data_path
from medialens.sentences import pipeline, sentence_rows
from medialens.sources import Tagger
from medialens.sources.subjects import SHAPES, subject
from medialens.sources.view import SourceDoc

TAGGER = Tagger(trace_rules=True)
SHAPE_ROWS = pd.read_csv(data_path("subject_rules"), dtype=str, keep_default_na=False)


def subject_of(text, cue=None, tagger=TAGGER):
    """(shape, surface or None) of the subject before `cue` (default: the first lower-case
    reporting verb of the text)."""
    w = tagger.w
    doc = pipeline()(text)
    ctx = DocContext.build(doc, "d", sentence_rows(doc, "d"))
    at = next(t.i for t in doc if (t.text == cue if cue else t.is_lower and t.lower_ in w.verb_subject))
    view = SourceDoc(ctx, w.the_hash).view(ctx.sentence_of_token(at))
    shape, found = subject(w, view, at, loose=w.verb_subject.get(doc[at].lower_, "any") == "any")
    return shape, doc[found.start:found.end].text if found is not None else None


def rules_of(text):
    doc = pipeline()(text)
    return [(row["surface"], row["rule"]) for row in
            TAGGER.tag(DocContext.build(doc, "d", sentence_rows(doc, "d")))["sources"]]


def test_every_shape_is_listed_once():
    assert sorted(SHAPE_ROWS.rule) == sorted(SHAPES) and SHAPE_ROWS.rule.is_unique


@pytest.mark.parametrize("rule, text, answer", [
    (row.rule, row.example, row.answer) for row in SHAPE_ROWS.itertuples()])
def test_the_csv_example_of_a_shape_is_read_by_it(rule, text, answer):
    shape, surface = subject_of(text)
    assert shape == rule
    assert (surface is None) if answer == "none" else surface is not None


@pytest.mark.parametrize("rule, text", [
    (row.rule, row.example) for row in SHAPE_ROWS.itertuples() if row.answer != "none"])
def test_the_csv_example_of_a_shape_is_a_source_row(rule, text):
    assert [r for _, r in rules_of(text) if r == f"subject_before/{rule}"], rules_of(text)


@pytest.mark.parametrize("text, cue, rule, surface", [
    ("In the end, the minister said no.", "said", "stretch", "the minister"),
    ("Dana Cole, the director of the Harbor Trust said the pier would close.", "said",
     "unclosed_apposition", "Dana Cole, the director of the Harbor Trust"),
    ("At the hearing on Monday night Dana Cole told reporters the strike would go on.", "told", "last_name_run",
     "Dana Cole"),
    ("Parents who lost their homes say the county was slow.", "say", "restrictive_who",
     "Parents who lost their homes"),
    pytest.param("Residents whose homes burned say the county was slow.", "say", "restrictive_who",
                 "Residents whose homes burned", marks=pytest.mark.xfail(
                     reason="after 'whose' the stretch ('homes burned') is read as the subject")),
    ("Omar Haddad — who ran the shelter for a decade — says the beds ran out.", "says", "dashed",
     "Omar Haddad — who ran the shelter for a decade"),
    ("Ms. Okafor, whose firm built the dam, said it was sound.", "said", "relative_who", "Ms. Okafor, whose firm built the dam"),
    ("Jon Park, 22, of Flint, Mich., said the water smelled.", "said", "comma_chunks", "Jon Park, 22"),
    ("One former official, speaking on condition of anonymity, said the talks had stalled.", "said",
     "comma_chunks", "One former official"),
    ("The harvest failed, and the rains came late, said the farmers.", "said", "comma_chunks", None),
    ("The county closed the beach, citing the storm.", "citing", "comma_chunks", None),  # a clause, no source
])
def test_more_examples_of_the_shapes(text, cue, rule, surface):
    assert subject_of(text, cue) == (rule, surface)


def test_shape_order_is_data(tmp_path):
    """Dropping a shape from a copy of subject_rules.csv turns it off; an unknown name is an error."""
    order = tmp_path / "subject_rules.csv"
    SHAPE_ROWS[SHAPE_ROWS.rule != "dashed"].to_csv(order, index=False)
    other = Tagger({"subject_rules": str(order)}, trace_rules=True)
    assert subject_of("Lena Ortiz — a nurse at the clinic — says the beds ran out.", tagger=other)[0] != "dashed"
    SHAPE_ROWS.assign(rule=SHAPE_ROWS.rule.replace("dashed", "hyphenated")).to_csv(order, index=False)
    with pytest.raises(MedialensError, match="unknown rule"):
        Tagger({"subject_rules": str(order)})
