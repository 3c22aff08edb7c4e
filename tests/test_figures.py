"""Figures: numbers found, their bounds, what they count and how firmly, on real sentences.

Articles in tests/articles/figures_*.txt were written for these tests (economy, disaster, election,
conflict, climate, health, and one with only numbers that are not figures); ANNOTATED lists every
figure a reader would count in them, written from reading the articles before the tagger ran on
them, and is checked with the full pipeline (real hedge and source rows).
"""
import math
import os
from pathlib import Path

import pandas as pd
import pytest

import medialens as ml
from medialens import figures
from medialens.context import DocContext
from medialens.sentences import pipeline, sentence_rows
from medialens.tagging import Pipeline

ARTICLES = Path(__file__).parent / "articles"
SEEDS = Path(__file__).parent.parent / "seeds"

# (article, text the figure's span contains, value, qualifier, referent_class, modality)
ANNOTATED = [
    ('economy', '$2 billion', 2000000000.0, 'exact', 'money', 'reported'),
    pytest.param(*('economy', '3,000 workers', 3000, 'approximate', 'people', 'asserted'), marks=pytest.mark.xfail(reason="'reported' cues are read sentence-wide: the 'after' clause is the journalist's own")),
    ('economy', '7.4%', 7.4, 'exact', 'percent', 'reported'),
    ('economy', '6.9 per cent', 6.9, 'exact', 'percent', 'reported'),
    ('economy', '10,000 and 12,000 jobs', 11000, 'range', 'jobs', 'speculative'),
    ('economy', '1,500 people', 1500, 'lower_bound', 'people', 'asserted'),
    ('economy', '€450 million', 450000000.0, 'exact', 'money', 'asserted'),
    ('economy', 'tens of thousands of households', 50000, 'vague', 'people', 'speculative'),
    pytest.param(*('economy', '£1.2bn', 1200000000.0, 'exact', 'money', 'reported'), marks=pytest.mark.xfail(reason="'put the cost at' is no attribution cue; only the sources tagger can find 'the finance ministry'")),
    ('economy', '12 percent', 12, 'exact', 'percent', 'asserted'),
    ('economy', '4.5 million tonnes', 4500000.0, 'exact', 'measure', 'asserted'),
    pytest.param(*('disaster', '7.1', 7.1, 'exact', 'measure', 'asserted'), marks=pytest.mark.xfail(reason="'according to' covers the whole sentence, the magnitude too")),
    ('disaster', '240 people', 240, 'lower_bound', 'casualties', 'reported'),
    ('disaster', '1,100', 1100, 'approximate', 'casualties', 'reported'),
    ('disaster', '500', 500, 'exact', 'casualties', 'speculative'),
    ('disaster', '12,000 residents', 12000, 'approximate', 'people', 'asserted'),
    ('disaster', 'hundreds of homes', 500, 'vague', 'buildings', 'asserted'),
    ('disaster', '40 trucks', 40, 'exact', 'other', 'reported'),
    ('disaster', '$35 million', 35000000.0, 'exact', 'money', 'reported'),
    ('disaster', 'Twelve thousand tents', 12000, 'exact', 'other', 'asserted'),
    ('disaster', '2,500 soldiers', 2500, 'exact', 'troops', 'asserted'),
    pytest.param(*('election', '60%', 60, 'lower_bound', 'percent', 'asserted'), marks=pytest.mark.xfail(reason="'claims victory' is read as attribution for the whole headline")),
    ('election', '61.3 percent', 61.3, 'exact', 'percent', 'reported'),
    ('election', '4.2 million ballots', 4200000.0, 'lower_bound', 'votes', 'reported'),
    ('election', '148', 148, 'exact', 'votes', 'reported'),
    ('election', '300 seats', 300, 'exact', 'votes', 'reported'),
    pytest.param(*('election', '97', 97, 'exact', 'votes', 'reported'), marks=pytest.mark.xfail(reason="an attribution stops at ', while' (a contrast is the writer's clause), here a parallel result from the same count")),
    ('election', '200 polling stations', 200, 'approximate', 'other', 'reported'),
    ('election', '50,000 votes', 50000, 'upper_bound', 'votes', 'speculative'),
    ('election', 'Half a million voters', 500000.0, 'exact', 'people', 'asserted'),
    ('election', '$14 million', 14000000.0, 'approximate', 'money', 'asserted'),
    ('election', 'two or three', 2.5, 'range', 'percent', 'speculative'),
    ('conflict', 'tens of thousands of people', 50000, 'vague', 'people', 'reported'),
    ('conflict', '35 militants', 35, 'exact', 'casualties', 'reported'),
    ('conflict', '4 soldiers', 4, 'exact', 'casualties', 'reported'),
    ('conflict', '8,000 fighters', 8000, 'upper_bound', 'troops', 'reported'),
    ('conflict', '3,000 to 4,000', 3500, 'range', 'troops', 'reported'),
    ('conflict', '24 F-16 jets', 24, 'exact', 'weapons', 'reported'),
    ('conflict', '1,200 anti-tank missiles', 1200, 'exact', 'weapons', 'reported'),
    ('conflict', '$1.5 billion', 1500000000.0, 'exact', 'money', 'reported'),
    ('conflict', '200,000 civilians', 200000.0, 'upper_bound', 'people', 'speculative'),
    ('conflict', 'Thousands of troops', 5000, 'vague', 'troops', 'asserted'),
    ('conflict', '5,000 reservists', 5000, 'exact', 'troops', 'speculative'),
    ('climate', '48 gigawatts', 48, 'exact', 'measure', 'reported'),
    pytest.param(*('climate', '44C', 44, 'lower_bound', 'measure', 'asserted'), marks=pytest.mark.xfail(reason="a sentence-final 'X said' covers the whole sentence, the writer's 'as ...' clause too")),
    ('climate', '60 people', 60, 'lower_bound', 'casualties', 'reported'),
    ('climate', '9 million customers', 9e6, 'approximate', 'people', 'asserted'),
    ('climate', '5 percent', 5, 'exact', 'percent', 'speculative'),
    ('climate', '40,000 hectares', 40000, 'approximate', 'measure', 'reported'),
    ('climate', '$300 million', 3e8, 'lower_bound', 'money', 'reported'),  # "said losses would": reported speech of "will"
    ('climate', 'hundreds of cattle', 500, 'vague', 'animals', 'reported'),
    ('climate', '€1.2 billion', 1.2e9, 'exact', 'money', 'asserted'),
    ('climate', '18%', 18, 'exact', 'percent', 'asserted'),
    ('climate', '9%', 9, 'exact', 'percent', 'asserted'),
    ('health', '1,250', 1250, 'exact', 'cases', 'reported'),
    ('health', '84%', 84, 'exact', 'percent', 'asserted'),
    pytest.param(*('health', '95%', 95, 'exact', 'percent', 'reported'), marks=pytest.mark.xfail(reason="'experts recommend' is no attribution cue")),
    ('health', '300 and 350 patients', 325, 'range', 'people', 'asserted'),
    ('health', '4 children', 4, 'lower_bound', 'casualties', 'asserted'),
    ('health', '2.5 million doses', 2.5e6, 'approximate', 'other', 'speculative'),
    ('health', '5,000', 5000, 'exact', 'cases', 'speculative'),
    ('health', '200 families', 200, 'approximate', 'people', 'reported'),
]


def tag(text, hedges=(), sources=(), lexicons=None, doc_id="t"):
    doc = pipeline()(text)
    ctx = DocContext.build(doc, doc_id, sentence_rows(doc, doc_id))
    ctx.found.update(hedges=list(hedges), sources=list(sources))
    rows = figures.Tagger(lexicons=lexicons).tag(ctx)["figures"]
    return pd.DataFrame(rows, columns=figures.COLUMNS["figures"])


def tag_article(name):
    return tag((ARTICLES / f"figures_{name}.txt").read_text(encoding="utf-8"), doc_id=name)


@pytest.fixture(scope="module")
def article_figures():
    """Figures of the annotated articles with the full pipeline: real hedge and source rows."""
    names = sorted({plain(row)[0] for row in ANNOTATED} | {"not_figures"})
    documents = [{"doc_id": name, "text": (ARTICLES / f"figures_{name}.txt").read_text(encoding="utf-8")}
                 for name in names]
    return pd.DataFrame(Pipeline().tag_batch(documents)["figures"], columns=figures.COLUMNS["figures"])


def find(found, article, key):
    hits = found[(found.doc_id == article) & found.surface.str.contains(key, regex=False)]
    assert len(hits), f"no figure containing {key!r} in {article}"
    return hits.loc[hits.surface.str.len().idxmin()]  # "300 seats", not "148 of the 300 seats"


def plain(case):
    return case.values if hasattr(case, "values") else case


@pytest.mark.parametrize("article, key, value, qualifier, referent_class, modality", ANNOTATED)
def test_annotated_figure(article_figures, article, key, value, qualifier, referent_class, modality):
    row = find(article_figures, article, key)
    assert math.isclose(row.value, value, rel_tol=1e-9)
    assert (row.qualifier, row.referent_class, row.modality) == (qualifier, referent_class, modality)


def test_extraction_quality_on_annotated_articles(article_figures):
    """Every figure found must be annotated (precision) and most annotated ones found (recall)."""
    gold = [plain(case) for case in ANNOTATED]
    matched, right_class = set(), 0
    for article, key, _value, _qualifier, referent_class, _modality in gold:
        hits = article_figures[(article_figures.doc_id == article)
                               & article_figures.surface.str.contains(key, regex=False)
                               & ~article_figures.index.isin(matched)]
        if len(hits):
            matched.add(hits.index[0])
            right_class += hits.iloc[0].referent_class == referent_class
    precision, recall = len(matched) / len(article_figures), len(matched) / len(gold)
    assert 2 * precision * recall / (precision + recall) >= 0.9
    assert right_class / len(matched) >= 0.9


def test_article_without_figures_has_none():
    """Dates, a time, a year, ordinals, G20, Article 5, page numbers, a decade, Boeing 737,
    page furniture, an age, durations and small number words are no figures."""
    assert tag_article("not_figures").surface.tolist() == []


@pytest.mark.parametrize("sentence", [
    "The G20 summit opened on 17 October 2024.",
    "Ukraine has asked for more F-16 jets.",
    "+ ↺ − 16 px",
    "The meeting began at 10:30 a.m. and ended at 5 p.m. local time.",
    "It was the third year of the war and the first known case in 2019.",
    "Over the past 50 years the competition has grown.",
    "The 1990s were calmer, said a 67-year-old farmer.",
    "Under Article 5 of the treaty the allies must respond.",
    "On Oct 18, 2024 the talks resumed.",
    "The two countries signed the deal in the 2022-23 fiscal year.",
    "COVID-19 changed the schedule of the 2nd round.",
])
def test_not_a_figure(sentence):
    assert tag(sentence).empty


@pytest.mark.parametrize("sentence, counts", [
    # a speaker introduced as "one X" counts nothing
    ("“We will be back next week,” said one marcher who gave his name as Tomas.", []),
    ("\"It was chaos,\" said one resident, pointing at the bridge.", []),
    ("One nurse told reporters the wards were full.", []),
    ("One striker said the picket would stay all night.", []),
    # "one" as a count stays one, also beside a reporting verb that is not inverted
    ("Police said one person died in the blaze.", [1]),
    ("One protester was arrested on Friday, police said.", [1]),
])
def test_one_speaker_is_no_figure(sentence, counts):
    assert tag(sentence).value.tolist() == counts


@pytest.mark.parametrize("sentence, value, low, high, qualifier", [
    ("Twelve thousand voters turned out.", 12000, 12000, 12000, "exact"),
    ("Officials counted half a million casualties.", 500000, 500000, 500000, "exact"),
    ("Some two and a half million people fled.", 2500000, 2500000, 2500000, "approximate"),
    ("The city has 1.5 million residents.", 1500000, 1500000, 1500000, "exact"),
    ("A dozen soldiers were captured.", 12, 12, 12, "exact"),
    ("The army has three hundred thousand troops.", 300000, 300000, 300000, "exact"),
    ("Between 3,000 and 5,000 people marched.", 4000, 3000, 5000, "range"),
    ("Police said 10,000-12,000 protesters gathered.", 11000, 10000, 12000, "range"),
    ("The plan would cost 1.5 to 2 million dollars.", 1750000, 1500000, 2000000, "range"),
    ("More than 1,500 homes were destroyed.", 1500, 1500, math.nan, "lower_bound"),
    ("The storm left 20,000-plus people without power.", 20000, 20000, math.nan, "lower_bound"),
    ("Up to 100,000 troops may be sent.", 100000, math.nan, 100000, "upper_bound"),
    ("Tens of thousands of people were displaced.", 50000, 20000, 99999, "vague"),
    ("Hundreds of homes collapsed.", 500, 200, 999, "vague"),
    ("A quarter of a million people signed.", 250000, 250000, 250000, "exact"),
])
def test_values_and_bounds(sentence, value, low, high, qualifier):
    row = tag(sentence).iloc[0]
    assert (row.value, row.qualifier) == (value, qualifier)
    for got, want in ((row.low, low), (row.high, high)):
        assert (math.isnan(got) and math.isnan(want)) or got == want


def test_range_keeps_from_to_as_two_figures():
    found = tag("Unemployment rose from 5% to 7% in a year.")
    assert found.value.tolist() == [5, 7]


@pytest.mark.parametrize("sentence, referent_class", [
    ("The fund pledged $2 billion in aid.", "money"),
    ("The ministry spent €450 million on roads.", "money"),
    ("Inflation rose to 4.5% in March.", "percent"),
    ("Turnout was 61 per cent.", "percent"),
    ("Floods killed at least 50 people.", "casualties"),
    ("At least 240 people died in the quake.", "casualties"),
    ("The army fired 3,000 artillery shells.", "weapons"),
    ("Around 8,000 North Korean soldiers have arrived.", "troops"),
    ("The party won 148 seats.", "votes"),
    ("The factory will cut 4,000 jobs.", "jobs"),
    ("The death toll rose to 5,000.", "casualties"),
    ("The storm damaged 12 bridges.", "other"),
])
def test_referent_class(sentence, referent_class):
    assert tag(sentence).referent_class.iloc[0] == referent_class


def test_referent_carries_to_a_bare_number_in_the_next_sentence():
    found = tag("The rumored 300,000 troops might be an exaggeration. "
                "Nevertheless, even 100,000 represents a significant force.")
    assert found.referent_class.tolist() == ["troops", "troops"]


@pytest.mark.parametrize("sentence, modality", [
    ("North Korea may send up to 100,000 troops.", "speculative"),
    ("The rumored 300,000 troops never arrived.", "speculative"),
    ("If the fighting spreads, 200,000 civilians will flee.", "speculative"),
    ("Reports indicate around 8,000 soldiers have arrived.", "reported"),
    ("According to the ministry, 1,200 people were evacuated.", "reported"),
    ("Approximately 10,000 soldiers have been sent to Russia.", "asserted"),
    ("In May 5,000 workers went on strike.", "asserted"),
    ("While prices might fall, the company employs 55,000 people.", "asserted"),
])
def test_modality_from_cues(sentence, modality):
    """Through the whole pipeline: speculative cues come from the hedge rows (hedges.jsonl and
    conditionals.jsonl, issue 24), so a hedge a teacher adds counts in both analyses."""
    assert ml.tag_text(sentence)["figures"].modality.iloc[0] == modality


def test_modality_and_source_type_from_earlier_taggers():
    sentence = "The agency put the number of displaced at 12,000."
    agency = {"doc_id": "t", "sent_id": 0, "start": 0, "end": 10, "surface": "The agency",
              "source_type": "named_org", "name": "", "role": "", "cue": "put", "has_quote": False}
    found = tag(sentence, sources=[agency]).iloc[0]
    assert (found.modality, found.source_type) == ("reported", "named_org")
    assert tag(sentence).iloc[0].modality == "asserted"
    hedge = {"doc_id": "t", "sent_id": 0, "start": 4, "end": 10, "cue": "agency", "kind": "conditional"}
    assert tag(sentence, hedges=[hedge]).iloc[0].modality == "speculative"


@pytest.mark.parametrize("sentence, hedges, sources, modality", [
    # A hedge cue that is the cue of a source row introduces that source: attribution.
    ("Reports indicate around 8,000 soldiers have arrived.", [("indicate", "hedge")], [("Reports", "indicate")], "reported"),
    ("Analysts say 8,000 soldiers tend to rotate monthly.", [("tend", "hedge")], [("Analysts", "say")], "reported"),
    # An approximator belongs to its own figure, not to the other figure of the clause.
    ("The quake killed at least 240 people and injured nearly 1,100.", [("nearly", "hedge")], [], "asserted"),
    # An epistemic hedge stays speculation, with a source or without.
    ("Officials said 8,000 soldiers have possibly arrived.", [("possibly", "hedge")], [("Officials", "said")], "speculative"),
    ("Analysts said the 8,000 soldiers seem exhausted.", [("seem", "hedge")], [("Analysts", "said")], "speculative"),
])
def test_which_hedge_rows_make_a_figure_speculative(sentence, hedges, sources, modality):
    def span(word):
        start = sentence.index(word)
        return {"doc_id": "t", "sent_id": 0, "start": start, "end": start + len(word)}
    hedge_rows = [{**span(cue), "cue": cue, "kind": kind} for cue, kind in hedges]
    source_rows = [{**span(who), "surface": who, "source_type": "vague", "name": "", "role": "", "cue": cue,
                    "has_quote": False} for who, cue in sources]
    assert tag(sentence, hedges=hedge_rows, sources=source_rows).modality.iloc[0] == modality


@pytest.mark.parametrize("sentence, modality", [
    ("The ruling party spent $14 million, and its leader told supporters that it had won.", "asserted"),
    ("Officials recorded 8,450 cases, and at least 112 people have died, the agency said.", "reported"),
    ("The firm, which sold 12 million chips last year, said a new plant may open.", "asserted"),
    ("The utility, which serves 9 million customers, said it could cut power if demand rises.", "asserted"),
])
def test_attribution_scope(sentence, modality):
    assert tag(sentence).modality.iloc[0] == modality


@pytest.fixture(scope="module")
def pipeline_tagger():
    return Pipeline()


# Sentences a reviewer ran through tag_corpus, with variants of each rule: every figure of the
# sentence as (surface, referent_class, modality), tagged with the real hedge and source rows.
REVIEWED = [
    # "will" states a plan; "would" right after a reporting word is reported speech's "will".
    ("The ministry said it will spend £1.5bn, or about $1.9bn, on new hospitals.",
     [("£1.5bn", "money", "reported"), ("about $1.9bn", "money", "reported")]),
    ("The company said it would cut about 1,200 jobs.", [("about 1,200 jobs", "jobs", "reported")]),
    ("Analysts said the carmaker would shed 4,000 jobs next year.", [("4,000 jobs", "jobs", "reported")]),
    ("Officials told reporters that they would hire 300 more teachers.", [("300 more teachers", "people", "reported")]),
    ("The government will build 20,000 homes by 2030.", [("20,000 homes", "buildings", "asserted")]),
    ("The company said that it could cut 1,200 jobs.", [("1,200 jobs", "jobs", "speculative")]),
    ("The union said the firm might close 12 plants.", [("12 plants", "buildings", "speculative")]),
    ("Without the subsidy the plant would lose 500 jobs.", [("500 jobs", "jobs", "speculative")]),
    # A period between two years is no figure.
    ("Emissions fell between 2015 and 2020 in most regions.", []),
    ("From 1990 to 2000 the town grew.", []),
    ("Between 3,000 and 5,000 people marched.", [("Between 3,000 and 5,000 people", "people", "asserted")]),
    # Vote tallies and scores, ages in apposition; spans never overlap.
    ("The Supreme Court, ruling 6-3, struck down the law.", []),
    ("In a 5-4 decision, the court upheld the ban.", []),
    ("The Senate voted 51-49 to confirm the nominee.", []),
    ("Smith, 45, was arrested on Tuesday.", []),
    ("A nurse, 34, and her son, 8, were rescued.", []),
    ("The party won 148 of the 300 seats.", [("148", "votes", "asserted"), ("300 seats", "votes", "asserted")]),
    ("Police said 10-12 protesters were detained.", [("10-12 protesters", "arrests", "reported")]),
    # Context words stop at a coordinator; infections are cases.
    ("The outbreak has infected 12,000 people and killed 300.",
     [("12,000 people", "cases", "asserted"), ("300", "casualties", "asserted")]),
    ("The storm killed 12 people and left 40,000 residents without power.",
     [("12 people", "casualties", "asserted"), ("40,000 residents", "people", "asserted")]),
    ("Health officials said they had recorded 8,450 infections.", [("8,450 infections", "cases", "reported")]),
    # An attribution does not cover a contrasting clause after it.
    ("The state had argued that the law was needed, but lower courts found only 12 cases.",
     [("12 cases", "cases", "asserted")]),
    # The injured are casualties, as the wounded are.
    ("The ministry said 40 people were hurt; hospitals treated 75 patients.",
     [("40 people", "casualties", "reported"), ("75 patients", "people", "asserted")]),
    ("Officials recorded 8,450 cases, and at least 112 people have died, the agency said.",
     [("8,450 cases", "cases", "reported"), ("at least 112 people", "casualties", "reported")]),
]


@pytest.mark.parametrize("sentence, expected", REVIEWED)
def test_reviewed_sentences(pipeline_tagger, sentence, expected):
    rows = pd.DataFrame(pipeline_tagger.tag_batch([{"doc_id": "t", "text": sentence}])["figures"],
                        columns=figures.COLUMNS["figures"]).sort_values("start")
    assert list(zip(rows.surface, rows.referent_class, rows.modality)) == expected
    assert (rows.start.shift(-1).fillna(len(sentence)) >= rows.end).all()  # no overlaps


def test_lexicon_override_adds_a_referent_class(tmp_path):
    table = figures.read_table("figure_referents")
    extra = pd.DataFrame([{"term": "bridge", "class": "infrastructure", "role": "noun"}])
    path = tmp_path / "referents.csv"
    pd.concat([table, extra]).to_csv(path, index=False)
    sentence = "The storm damaged 12 bridges."
    assert tag(sentence).referent_class.iloc[0] == "other"
    assert tag(sentence, lexicons={"figure_referents": str(path)}).referent_class.iloc[0] == "infrastructure"


def test_an_edited_override_is_read_again(tmp_path):
    """The compiled rules are cached by file and modification time: an edit counts at once."""
    path = tmp_path / "referents.csv"
    table = figures.read_table("figure_referents")
    table.to_csv(path, index=False)
    sentence = "The storm damaged 12 bridges."
    assert tag(sentence, lexicons={"figure_referents": str(path)}).referent_class.iloc[0] == "other"
    extra = pd.DataFrame([{"term": "bridge", "class": "infrastructure", "role": "noun"}])
    pd.concat([table, extra]).to_csv(path, index=False)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert tag(sentence, lexicons={"figure_referents": str(path)}).referent_class.iloc[0] == "infrastructure"


def test_offsets_point_into_the_text():
    text = (ARTICLES / "figures_conflict.txt").read_text(encoding="utf-8")
    found = tag(text)
    assert len(found) > 5
    assert all(text[r.start:r.end] == r.surface for r in found.itertuples())


@pytest.fixture(scope="module")
def seed_tables():
    return ml.tag_corpus(str(SEEDS))


def test_seed_troop_figures_and_casualties_apart(seed_tables):
    comparison = ml.compare_figures(seed_tables["figures"], seed_tables["documents"],
                                    seed_tables["sentences"], factor=3)
    groups = comparison.groups.set_index("quantity")
    # Every seed troop figure counts troops sent: later mentions without the verb too.
    assert (groups.loc["troops sent", "min"], groups.loc["troops sent", "max"]) == (8000, 300000)
    assert groups.loc["troops sent", "discrepant"]
    assert groups.loc["casualties", "n_figures"] == 1 and groups.loc["casualties", "max"] == 500000
    troops = comparison.claims[comparison.claims.referent_class == "troops"]
    assert set(troops.modality) == {"asserted", "reported", "speculative"}
    rumored = troops[troops.sentence.str.contains("rumored")]
    assert rumored.value.tolist() == [300000] and rumored.modality.tolist() == ["speculative"]
    relaxed = ml.compare_figures(seed_tables["figures"], seed_tables["documents"], factor=100)
    assert not relaxed.groups.discrepant.any()


@pytest.mark.parametrize("sentence, figure, modality", [
    ("North Korea may send up to 100,000 troops", "up to 100,000 troops", "speculative"),
    ("Approximately 10,000 soldiers from North Korea have been sent", "10,000 soldiers", "asserted"),
    ("Reports indicate around 8,000 North Korean soldiers", "8,000", "reported"),
    ("officials estimate have exceeded half a million casualties", "half a million", "reported"),
    ("reports indicate the North Korean government is preparing to deploy thousands", "thousands", "reported"),
    ("According to reports, around 20,000 troops may be mobilized", "20,000", "speculative"),
    ("the rumored 300,000 troops", "300,000", "speculative"),
])
def test_seed_modalities_with_real_hedges_and_sources(seed_tables, sentence, figure, modality):
    """A careful reading of the seed figures; the tagger runs with the real hedge and source rows."""
    sentences = seed_tables["sentences"]
    where = sentences[sentences.text.str.contains(sentence, regex=False)][["doc_id", "sent_id"]]
    assert len(where) == 1
    rows = seed_tables["figures"].merge(where)
    rows = rows[rows.surface.str.contains(figure, regex=False)]
    assert rows.modality.tolist() == [modality]


def test_dated_articles_come_first_in_claims(seed_tables):
    claims = ml.compare_figures(seed_tables["figures"], seed_tables["documents"]).claims
    troops = claims[claims.referent_class == "troops"]
    dated = troops.date.ne("").tolist()
    assert dated == sorted(dated, reverse=True) and any(dated)


def test_scores_per_document(seed_tables):
    scores = figures.score(seed_tables).reindex(seed_tables["documents"].doc_id)
    counts = seed_tables["figures"].groupby("doc_id").size()
    assert scores.n_figures.sum() == len(seed_tables["figures"])
    assert (scores.n_figures[counts.index] == counts).all()
    without = scores[scores.n_figures == 0]
    assert without.share_figures_speculative.isna().all()
    assert scores.share_figures_speculative.dropna().between(0, 1).all()


ARTICLE_SET = ("economy", "disaster", "election", "conflict", "climate", "health")
# One sentence of 160 figures, each with a source, a modal and a clause of its own.
ONE_SENTENCE = "officials said 1,200 troops may have died, and 3,400 people were reported injured; " * 80


@pytest.mark.parametrize("paragraph, joiner", [
    ("\n".join((ARTICLES / f"figures_{name}.txt").read_text(encoding="utf-8") for name in ARTICLE_SET), "\n"),
    (ONE_SENTENCE, ""),
], ids=["articles", "one-sentence"])
def test_figure_tagging_is_linear_in_article_length(paragraph, joiner):
    """Issue 16: modality once rescanned the document for every figure and every figure of its
    sentence (a 24 KB article took 79 s). Four times the text must take about four times as
    long, not sixteen: the figures tagger alone is timed (best of two) on figure-dense text of
    ~12 KB and ~48 KB, as articles and as one sentence."""
    import time
    tagger = figures.Tagger()

    def seconds(copies):
        text = joiner.join([paragraph] * copies) + "."
        doc = pipeline()(text)
        best = math.inf
        for _ in range(2):
            ctx = DocContext.build(doc, "long", sentence_rows(doc, "long"))
            started = time.perf_counter()
            rows = tagger.tag(ctx)["figures"]
            best = min(best, time.perf_counter() - started)
        assert len(rows) >= 40 * copies
        return best

    small, large = seconds(1), seconds(4)
    assert large < 8 * small + 0.5, (small, large)
