"""Attribution tagger: real sentences from the seeds and from short articles we wrote
(tests/articles/sources_*.txt), with the source each one should (or must not) yield."""
from pathlib import Path

import pandas as pd
import pytest

import medialens as ml
from medialens import sources
from medialens.context import DocContext
from medialens.sentences import pipeline, sentence_rows

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ARTICLES = ROOT / "tests" / "articles"
TAGGER = sources.Tagger()


def tag_text(text, tagger=TAGGER):
    doc = pipeline()(text)
    return tagger.tag(DocContext.build(doc, "t", sentence_rows(doc, "t")))["sources"]


def tag_corpus(path):
    """Every table of a corpus, through the library's own pipeline."""
    return ml.tag_corpus(path)


@pytest.fixture(scope="module")
def seeds():
    return tag_corpus(SEEDS)


@pytest.fixture(scope="module")
def ours():
    return tag_corpus(ARTICLES)


def rows_in(tables, doc_prefix, sentence_part):
    """The source rows of the one sentence of a document that contains `sentence_part`."""
    sentences = tables["sentences"]
    hit = sentences[sentences.doc_id.str.startswith(doc_prefix) & sentences.text.str.contains(sentence_part, regex=False)]
    assert len(hit) == 1, f"{sentence_part!r} is in {len(hit)} sentences"
    s = tables["sources"]
    return s[(s.doc_id == hit.doc_id.iloc[0]) & (s.sent_id == hit.sent_id.iloc[0])]


# (document, part of the sentence, part of the source surface, source_type, name, cue)
SEED_SOURCES = [
    ("000", "Analysis from G20 nations suggests", "G20 nations", "unnamed_official", "", "analysis from"),
    ("000", "A source close to the Russian defense ministry", "A source close to the Russian defense ministry",
     "anonymous", "", "indicated"),
    ("000", "as some speculate", "some", "vague", "", "speculate"),
    ("000", "While some suggest that Ukraine", "some", "vague", "", "suggest"),
    ("002", "Reports indicate around 8,000", "Reports", "vague", "", "indicate"),
    ("002", "Lloyd Austin has warned", "U.S. Defense Secretary Lloyd Austin", "named_person", "Lloyd Austin", "warned"),
    ("002", "Andriy Kovalenko from", "Andriy Kovalenko from Ukraine's National Security and Defense Council",
     "named_person", "Andriy Kovalenko", "confirmed"),
    ("002", "which officials estimate", "officials", "unnamed_official", "", "estimate"),
    ("002", "Critics argue", "Critics", "vague", "", "argue"),
    ("002", "video footage from Ukrainian sources", "video footage from Ukrainian sources", "media", "", "depicted"),
    ("002", "Analysts warn, though", "Analysts", "vague", "", "warn"),
    ("002", "South Korean officials express alarm", "South Korean officials", "unnamed_official", "", "express"),
    ("002", "With President Zelenskyy urging", "President Zelenskyy", "named_person", "Zelenskyy", "urging"),
    ("003", "A source revealed", "A source", "anonymous", "", "revealed"),
    ("003", "According to reports, around 20,000", "reports", "vague", "", "according to"),
    ("003", "Experts warn this partnership", "Experts", "vague", "", "warn"),
    ("003", "Political analysts speculate", "Political analysts", "vague", "", "speculate"),
    ("003", "Charles H. Blake, an analyst", "Charles H. Blake", "named_person", "Charles H. Blake", "remarked"),
    ("003", "Washington has expressed concern", "Washington", "named_org", "Washington", "expressed"),
    ("004", "Kim Yong-hyun’s statements", "South Korean Defense Minister Kim Yong-hyun", "named_person",
     "Kim Yong-hyun", "’s statements"),
    ("004", "as indicated by recent reports", "recent reports", "vague", "", "as indicated by"),
]


@pytest.mark.parametrize("doc, sentence, surface, source_type, name, cue", SEED_SOURCES)
def test_seed_sources(seeds, doc, sentence, surface, source_type, name, cue):
    rows = rows_in(seeds, doc, sentence)
    match = rows[rows.surface.str.contains(surface, regex=False)]
    assert len(match) == 1, rows[["surface", "source_type", "cue"]].to_dict("records")
    row = match.iloc[0]
    assert (row.source_type, row["name"], row.cue) == (source_type, name, cue)


def test_seed_roles(seeds):
    blake = rows_in(seeds, "003", "Charles H. Blake").iloc[0]
    assert blake.role == "an analyst at the Center for Strategic Studies"
    assert blake.has_quote
    austin = rows_in(seeds, "002", "Lloyd Austin has warned").iloc[0]
    assert austin.role == "U.S. Defense Secretary"


# Actors talked about, and sentences with no attribution at all.
NO_SOURCE = [
    ("002", "Kim Jong-un’s decision to deploy troops"),
    ("002", "Putin might hope North Korean troops"),
    ("003", "as Kim Jong Un looks to assert global influence"),
    ("000", "This drastic measure suggests a significant shift"),
    ("004", "How will the West, particularly the U.S. and NATO, respond"),
    ("004", "Should North Korea’s troop deployment be confirmed"),
    ("001", "Time will tell whether this emerging coalition"),
]


@pytest.mark.parametrize("doc, sentence", NO_SOURCE)
def test_actors_are_not_sources(seeds, doc, sentence):
    assert rows_in(seeds, doc, sentence).empty


def test_seed_object_is_not_a_source(seeds):
    # "..., as indicated by recent reports, underscores a disturbing new dimension": the reports
    # are the source; the object of "underscores" is not an inverted one.
    rows = rows_in(seeds, "004", "underscores a disturbing new dimension")
    assert rows[["surface", "cue"]].values.tolist() == [["recent reports", "as indicated by"]]


def test_seed_named_sources_are_the_annotated_ones(seeds):
    # Every named person in the seeds, by our annotation: nobody talked about is among them.
    named = seeds["sources"][seeds["sources"].source_type == "named_person"]
    assert set(named["name"]) == {"Lloyd Austin", "Andriy Kovalenko", "Zelenskyy", "Charles H. Blake", "Kim Yong-hyun"}


def test_offsets_point_at_the_surface(seeds, ours):
    for tables in (seeds, ours):
        texts = tables["documents"].set_index("doc_id").text
        for row in tables["sources"].itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.surface


# Patterns the seeds lack, from our own articles: (file, sentence part, surface part, type, name, cue, has_quote)
OUR_SOURCES = [
    ("sources_wire", "told Reuters by telephone", "union leader Marta Jansen", "named_person", "Marta Jansen", "told", True),
    ("sources_wire", "said in a statement", "The port authority", "unnamed_official", "", "said", False),
    ("sources_wire", "The offer is fair", "Pieter de Vries", "named_person", "Pieter de Vries", "said", True),
    ("sources_wire", "Jansen said the union", "Jansen", "named_person", "Marta Jansen", "said", False),
    ("sources_wire", "She added that workers", "She", "named_person", "Marta Jansen", "added", False),
    ("sources_wire", "According to the Associated Press", "the Associated Press", "media", "Associated Press",
     "according to", False),
    ("sources_wire", "Economists warn", "Economists", "vague", "", "warn", False),
    ("sources_anonymous", "two officials familiar with the plan", "two officials familiar with the plan",
     "anonymous", "", "said", False),
    ("sources_anonymous", "spoke on condition of anonymity", "A senior official", "anonymous", "", "said", False),
    ("sources_anonymous", "Another source close to", "Another source close to the finance ministry", "anonymous",
     "", "said", False),
    ("sources_anonymous", "according to people briefed", "people", "anonymous", "", "according to", False),
    ("sources_anonymous", "These cuts would close wards", "Dr. Lena Park", "named_person", "Lena Park", "said", True),
    ("sources_anonymous", "She said her members", "She", "named_person", "Lena Park", "said", False),
    ("sources_anonymous", "Critics say the government", "Critics", "vague", "", "say", False),
    ("sources_orgs", "World Meteorological Organization warned", "The World Meteorological Organization",
     "named_org", "World Meteorological Organization", "warned", False),
    ("sources_orgs", "NATO confirmed", "NATO", "named_org", "NATO", "confirmed", False),
    ("sources_orgs", "The Pentagon said", "The Pentagon", "named_org", "Pentagon", "said", False),
    ("sources_orgs", "Local media reported", "Local media", "media", "", "reported", False),
    ("sources_orgs", "It added that no jobs", "It", "unnamed_official", "", "added", False),
    ("sources_orgs", "Officials estimate", "Officials", "unnamed_official", "", "estimate", False),
    ("sources_orgs", "Mayor Tom Berg", "Mayor Tom Berg", "named_person", "Tom Berg", "said", False),
    ("sources_orgs", "He told reporters", "He", "named_person", "Tom Berg", "told", False),
    ("sources_anonymous", "Ana Ruiz declined to comment", "Health Minister Ana Ruiz", "named_person",
     "Ana Ruiz", "declined to comment", False),
]


@pytest.mark.parametrize("doc, sentence, surface, source_type, name, cue, has_quote", OUR_SOURCES)
def test_our_articles(ours, doc, sentence, surface, source_type, name, cue, has_quote):
    rows = rows_in(ours, doc, sentence)
    match = rows[rows.surface.str.startswith(surface)]
    assert len(match) == 1, rows[["surface", "source_type", "cue"]].to_dict("records")
    row = match.iloc[0]
    assert (row.source_type, row["name"], row.cue, bool(row.has_quote)) == (source_type, name, cue, has_quote)


@pytest.mark.parametrize("sentence", [
    "Residents' decision to leave the valley surprised few.",
    "Farmers might hope for rain, but forecasts offer little comfort.",
])
def test_our_actors_are_not_sources(ours, sentence):
    assert rows_in(ours, "sources_orgs", sentence).empty


@pytest.mark.parametrize("text", [
    # "underscores", "highlights": an abstract object after the verb is no inverted source
    "The closure of the plant, first reported by local papers, underscores a deeper crisis in the region.",
    # after a short scare quote the words following "said" are a clause, not a source
    'Walker, who calls the plan a "giveaway," said he would vote against it.',
])
def test_objects_and_clauses_are_not_sources(text):
    assert all(r["surface"] not in ("a deeper crisis in the region", "he would vote against it")
               for r in tag_text("Headline\n" + text))


@pytest.mark.parametrize("text, surface, source_type", [
    ('"We are ready," said Gen. Mark Lee, the army chief.', "Gen. Mark Lee, the army chief", "named_person"),
    ("The decision was criticised, Amnesty International said on Friday.", "Amnesty International", "named_org"),
    ("Sen. John Cornyn (R-Texas) told reporters the bill would pass.", "Sen. John Cornyn", "named_person"),
    ("Rep. Dana Hunter spoke first. Hunter, meanwhile, told Politico that he backs the plan.", "Hunter", "named_person"),
    ("The Red Cross said it had no access.", "The Red Cross", "named_org"),
    ("About 4 in 10 say they want change.", "About 4 in 10", "vague"),
    ("A court document says the manager will not be charged.", "A court document", "vague"),
    ("A court document filed Thursday says the manager will not be charged.", "A court document", "vague"),
    # participles and relative clauses after the head describe it
    ("A poll released Friday by the state university found most residents back the plan.", "A poll released Friday",
     "vague"),
    ("Residents interviewed by telephone said the water tasted of salt.", "Residents interviewed", "vague"),
    ("Farmers who lost their crops in the flood said they had not been paid.", "Farmers who lost their crops", "vague"),
    ("About 42% of nurses said they planned to leave the ward.", "About 42% of nurses", "vague"),
    # a no-break space or a double space between the source and its verb
    ("The port chief\u00a0said the channel was clear.", "The port chief", "unnamed_official"),
    ("Police chief Ana Gonzalez  told reporters the count was over.", "Police chief Ana Gonzalez", "named_person"),
    # an infinitive after a verb of continuing or refusing belongs to the cue
    ("Mr. Lee went on to say the deal was fair.", "Mr. Lee", "named_person"),
    ("The union declined to comment on the offer.", "The union", "unnamed_official"),
    # the main clause after an opening phrase, for a cue ending in -ing
    ("In an interview with the BBC, Ms. Okafor defended the plan, saying the port must reopen.", "Ms. Okafor",
     "named_person"),
    # one capitalised name after "The" that the text never writes without it
    ("The Vatican said the pope would travel in spring.", "The Vatican", "named_org"),
    # poll shares, quantifiers and documents as subjects
    ("Six in 10 registered voters in the county said the bridge should be rebuilt.", "Six in 10 registered voters", "vague"),
    ("One in three said the council had ignored them.", "One in three", "vague"),
    ("Several said they would stay in the shelter another week.", "Several", "vague"),
    ("The company's tax filings show that it paid no federal tax last year.", "The company's tax filings", "vague"),
    ("A recent survey of hospital nurses shows widespread burnout.", "A recent survey of hospital nurses", "vague"),
    # "pledged to|that" is a statement (pledged money is not, see test_more_non_sources)
    ("The governor pledged on Monday to rebuild the bridge.", "The governor", "unnamed_official"),
    ("Rebel leaders vowed that the ceasefire would hold.", "Rebel leaders", "unnamed_official"),
    # a participle chunk after the name ends the source phrase
    ("Officials, speaking on condition of anonymity, said the talks had failed.", "Officials", "anonymous"),
    # a party and state in brackets between the name and its description
    ("Rep. Ann Walsh (D-Ore.), chair of the transport committee, said the bill was dead.", "Rep. Ann Walsh (D-Ore.)",
     "named_person"),
])
def test_patterns(text, surface, source_type):
    rows = tag_text("Headline\n" + text)
    assert [(r["surface"].startswith(surface), r["source_type"]) for r in rows] == [(True, source_type)]


# Reviewed on new articles: the subject of a clause before ", saying" ends at its verb, and
# only descriptions (not "voted against the bill") extend it.
@pytest.mark.parametrize("text, surface, source_type, name, role, cue", [
    ("Opposition leader Daniel Mensah rejected the results, saying the count was rigged.",
     "Opposition leader Daniel Mensah", "named_person", "Daniel Mensah", "Opposition leader", "saying"),
    ("Senator Jane Doe, a Democrat, voted against the bill, saying it would raise costs.",
     "Senator Jane Doe, a Democrat", "named_person", "Jane Doe", "Senator, a Democrat", "saying"),
    ("Maria Costa, the union's lawyer, has appealed the ruling, arguing that the strike was legal.",
     "Maria Costa, the union's lawyer", "named_person", "Maria Costa", "the union's lawyer", "arguing"),
])
def test_clause_before_a_participle(text, surface, source_type, name, role, cue):
    rows = tag_text("Headline\n" + text)
    assert [(r["surface"], r["source_type"], r["name"], r["role"], r["cue"]) for r in rows] == \
        [(surface, source_type, name, role, cue)]


@pytest.mark.parametrize("text", [
    "The minister wants to say more about the plan next week.",  # an intention, not a statement
    # no answer is no statement; "declined to comment" is one (see OUR_SOURCES)
    "Paxton's office did not immediately respond to a request for comment.",
    "The ministry has not responded to questions about the contract.",
    "The mayor could not be reached for comment on Sunday.",
    # pledging money is an action; "pledged to|that" is a statement
    "Prime Minister Shehbaz Sharif's government has pledged 5 billion rupees for flood relief.",
    "Senator Kim used a private email to reach donors.",  # a verb before the object, not a participle
    "More than 300 pledged delegates were at stake.",  # a number before an adjective
    "Ana Ortega runs the union. The Ortega statement came later.",  # a name used as a modifier
    "Farmers who hope for rain might say the forecast is wrong.",  # hypothetical
])
def test_more_non_sources(text):
    assert tag_text("Headline\n" + text) == []


@pytest.mark.parametrize("text, name, source_type", [
    # news introduces people by full name: a lone name never written with a first name or a
    # title is an organisation; a surname of someone introduced in full stays a person
    ("Nabisco announced it would close the bakery.", "Nabisco", "named_org"),
    ("Tesla said deliveries rose. Elena Marsh, a fund manager, was unimpressed. Marsh said the figures were soft.",
     "Marsh", "named_person"),
    ("Mr. Haddad left early. Haddad told reporters he was tired.", "Haddad", "named_person"),
    ("Bernie Lucas chairs the board. Bernie said the vote would wait.", "Bernie", "named_person"),
    # a brand before a model name is no given name: the carmaker stays an organisation
    ("The plant builds the Volvo Excursion. Sales rose last year, according to Volvo.", "Volvo", "named_org"),
])
def test_one_word_names(text, name, source_type):
    rows = [r for r in tag_text("Headline\n" + text) if r["surface"] == name]
    assert [r["source_type"] for r in rows] == [source_type]


@pytest.mark.parametrize("text", [
    # a Title Case headline capitalises ordinary words: they are no name, so no named source
    "Scorching Drought Claims Dozens Across The Valley\nA scorching drought claimed dozens of cattle.",
    "Record Rain Says Goodbye To Summer\nRecord rain fell on Monday.",
])
def test_headline_words_are_no_named_source(text):
    assert not [r for r in tag_text(text) if r["source_type"] == "named_person"]


@pytest.mark.parametrize("text, name", [
    # a summary line under the headline is a heading in sentence case: its capitals are names
    ("Strike costs the economy $4 billion\n• Harbor Research Group found the strike cost $3.9 billion\n"
     "The strike went on.", "Harbor Research Group"),
    ("Storm leaves thousands without power\n• Coastal Grid Partners said repairs would take a week\n"
     "Crews worked overnight.", "Coastal Grid Partners"),
])
def test_a_heading_in_sentence_case_keeps_its_names(text, name):
    assert [r["name"] for r in tag_text(text) if r["surface"] == name] == [name]


def test_reporting_verbs_lexicon_override(tmp_path):
    verbs = tmp_path / "verbs.csv"
    verbs.write_text("form,lemma,subject,headline\nwarned,warn,any,no\n")
    tagger = sources.Tagger(lexicons={"reporting_verbs": str(verbs)})
    text = "Headline\nThe Pentagon said the flights were routine. NATO warned of risks."
    assert [r["surface"] for r in tag_text(text, tagger)] == ["NATO"]


def test_scores(ours):
    scores = sources.score(ours)
    claims = sources.claim_sentences(ours)
    for type_ in sources.SOURCE_TYPES:
        assert f"n_sources_{type_}" in scores
    doc = "sources_wire"
    mine = claims[claims.doc_id == doc]
    assert not mine.text.str.startswith("Port strike").any()  # the headline is no claim
    assert scores.loc[doc, "n_claim_sentences"] == len(mine) == 9
    assert scores.loc[doc, "share_claims_sourced"] == pytest.approx(mine.sourced.mean())
    assert scores.loc[doc, "share_claims_accountable"] == pytest.approx(mine.accountable.mean())
    # The wire story names its sources; the anonymous one does not.
    assert scores.loc["sources_wire", "share_claims_accountable"] > scores.loc["sources_anonymous", "share_claims_accountable"]
    assert scores.loc["sources_anonymous", "n_sources_anonymous"] == 4


def test_unsourced_claims(ours):
    unsourced = sources.unsourced_claims(ours)
    wire = unsourced[unsourced.doc_id == "sources_wire"].text.tolist()
    assert wire == ["Dock workers in Rotterdam walked off the job on Monday, halting grain shipments across northern Europe."]


def claims_of(text):
    doc = pipeline()(text)
    tables = {"documents": pd.DataFrame({"doc_id": ["t"], "text": [text], "n_words": [20]}),
              "sentences": pd.DataFrame(sentence_rows(doc, "t"))}
    tables["sources"] = pd.DataFrame(TAGGER.tag(DocContext.build(doc, "t", sentence_rows(doc, "t")))["sources"],
                                     columns=sources.COLUMNS["sources"])
    return sources.claim_sentences(tables)


def test_multi_sentence_quote_is_sourced():
    claims = claims_of('Headline\n"The flood came at night. Nobody was ready," said Maria Lopez, a farmer.\n'
                       'The river fell on Monday.')
    assert claims.sourced.tolist() == [True, True, False]


@pytest.mark.parametrize("text, sourced, accountable", [
    # a quotation running on after its attributed sentence keeps its speaker
    ('Headline\nAt a briefing, Mayor Ana Lopez said: "We will rebuild every house on this street."\n'
     '"We are counting every family until we find them all."\nThe roads stay closed.',
     [True, True, False], [True, True, False]),
    # an unnamed speaker's quotation runs on unnamed
    ('Headline\n"The water is safe to drink again," officials said.\n"Boil it for a minute if you are worried."\n'
     'The river fell on Monday.', [True, True, False], [False, False, False]),
    # a quotation after a sentence that quotes nobody is not continued
    ('Headline\nThe mayor said the roads would reopen on Friday.\n"We are counting every family until we find them."',
     [True, False], [False, False]),
])
def test_a_quotation_running_on_keeps_its_speaker(text, sourced, accountable):
    claims = claims_of(text)
    assert claims.sourced.tolist() == sourced and claims.accountable.tolist() == accountable


def test_seed_ranking(seeds):
    # Our reading of the seeds: 002 ties most claims to named people and bodies (a defence
    # secretary, a security council member, the president); 000 names nobody at all.
    scores = sources.score(seeds)
    order = scores.share_claims_accountable.sort_values(ascending=False).index.str[:3].tolist()
    assert order[0] == "002"
    assert scores.share_claims_accountable.iloc[0] == scores.share_claims_accountable.min() == 0


def _claims_flagged_per_document(tables):
    """sources.claim_sentences run on each document's rows alone, in the documents' order."""
    parts = [sources.claim_sentences({name: tables[name][tables[name].doc_id == doc_id]
                                      for name in ("documents", "sentences", "sources")})
             for doc_id in tables["documents"].doc_id]
    return pd.concat(parts, ignore_index=True)


def test_claim_flags_of_a_batch_are_those_set_document_by_document(seeds):
    """Several articles in one batch, the seeds and quotations running over sentences: the flags
    read and written once per batch equal those written per document."""
    texts = ['Headline\n"The flood came at night. Nobody was ready," said Maria Lopez, a farmer.\nThe river fell.',
             'Headline\n"The water is safe to drink again," officials said.\n"Boil it for a minute."\nIt fell.',
             'Headline\nThe mayor said the roads would reopen.\n"We are counting every family until we find them."']
    batch = pd.DataFrame({"doc_id": [f"q{k}" for k in range(len(texts))], "text": texts})
    ours = ml.tag_corpus(pd.concat([batch.assign(n_words=batch.text.str.split().str.len()),
                                    seeds["documents"]], ignore_index=True))
    expected = _claims_flagged_per_document(ours)
    found = sources.claim_sentences(ours)
    # Our reading: the quotation's first sentence is Maria Lopez's; "Boil it..." continues the
    # officials' quotation; the mayor's sentence does not quote, so the next quotation is nobody's.
    written = found[found.doc_id.str.startswith("q")]
    assert written.sourced.tolist() == [True, True, False, True, True, False, True, False]
    assert written.accountable.tolist() == [True, True, False, False, False, False, False, False]
    pd.testing.assert_frame_equal(found, expected)
