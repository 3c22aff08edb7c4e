"""Occasions, plants and labels (issue 19, second round): a crowd belongs to a march of one day,
placed across articles once the corpus is tagged; a walkout at a plant named in the headline is
the plant's; a count restated takes its scope; a slot the rules cannot fill leaves a figure
unclear instead of giving it a wrong word. Every sentence is written for these tests in the
shapes real coverage uses."""
import pandas as pd
import pytest

import medialens as ml
from medialens.brief.figures import figure_statements
from medialens.engines import write_tagged
from medialens.tables import read_tables

# A Monday's wire copy on Saturday's march; an undated report of the march a week later that
# repeats the first march's figures; an undated piece that names only "Saturday".
MARCHES = {
    "first": ("Marchers fill the capital\n\nAbout 60,000 people marched through Tarn on Saturday, organisers said, "
              "while police said 18,000.", "2025-05-05"),
    "second": ("Second march draws a bigger crowd\n\nOrganisers said 95,000 people marched on Saturday. "
               "Police said 40,000 took part. The previous week 60,000 people rallied, while police said 18,000.", ""),
    "vague": ("Crowds march again\n\nTens of thousands of people marched on Saturday, witnesses said.", ""),
}


def tagged(articles):
    documents = pd.DataFrame([{"doc_id": d, "text": t, "date": day, "n_words": len(t.split())}
                              for d, (t, day) in articles.items()])
    return ml.tag_corpus(documents)


def quantities(figures):
    return {(r.doc_id, r.surface.split()[0]): r.quantity for r in figures.itertuples()}


@pytest.fixture(scope="module")
def marches():
    tables = tagged(MARCHES)
    return tables, ml.compare_figures(tables["figures"], tables["documents"], tables["sentences"])


def test_each_crowd_is_a_quantity_of_its_day(marches):
    tables, _ = marches
    assert quantities(tables["figures"]) == {
        ("first", "About"): "attended, 3 May 2025", ("first", "18,000"): "attended, 3 May 2025",
        ("second", "95,000"): "attended, 10 May 2025", ("second", "40,000"): "attended, 10 May 2025",
        ("second", "60,000"): "attended, 3 May 2025", ("second", "18,000"): "attended, 3 May 2025",
        ("vague", "Tens"): ""}


@pytest.mark.parametrize("doc_id, surface, rule", [
    ("second", "95,000 people", "shared_figure"),  # the previous week's 60,000 and 18,000 are the first march's
    ("second", "60,000 people", "shared_figure"),
    ("vague", "Tens of thousands of people", "unplaced"),  # two Saturday marches: which one, the text cannot tell
])
def test_the_rule_that_placed_a_crowd(marches, doc_id, surface, rule):
    figures = marches[0]["figures"]
    row = figures[(figures.doc_id == doc_id) & (figures.surface == surface)].iloc[0]
    assert row.slot_rules.endswith(f"occasion={rule}")


def test_a_crowd_no_rule_places_is_listed_not_merged(marches):
    _, comparison = marches
    assert comparison.unclear[["doc_id", "reason"]].values.tolist() == [["vague", "not compared: unclear which occasion"]]
    statements = figure_statements(comparison, marches[0]["sources"])
    assert "1 figure not compared, unclear which occasion: “Tens of thousands of people” (vague)." \
        in statements.statement.tolist()


def test_organisers_and_police_on_one_day_differ_and_each_figure_is_its_sources(marches):
    tables, comparison = marches
    statements = figure_statements(comparison, tables["sources"])
    first = statements[statements.quantity == "attended, 3 May 2025"].statement.iloc[0]
    # one article gives both: the figures differ (not "the articles disagree"), each with its own source
    assert first == ("people who took part (3 May 2025): the figures differ: 18,000 in first (“18,000”, police) "
                     "against about 60,000 in first (“About 60,000 people”, organisers).")


def test_the_one_march_of_a_weekday_places_an_undated_crowd():
    tables = tagged({"first": MARCHES["first"], "vague": MARCHES["vague"]})
    assert set(tables["figures"].quantity) == {"attended"}  # one march only: no day needed in the name
    tables = tagged({"first": MARCHES["first"], "vague": MARCHES["vague"],
                     "other": ("Protest in Hale\n\nSome 5,000 people marched on Wednesday.", "2025-05-08")})
    figures = tables["figures"].set_index("doc_id")
    assert figures.quantity["vague"] == "attended, 3 May 2025"
    assert figures.slot_rules["vague"].endswith("occasion=only_occasion_that_day")


def test_tagging_a_folder_places_occasions_as_tagging_a_table(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for doc_id, (text, _) in MARCHES.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (folder / "metadata.csv").write_text("doc_id,date\nfirst,2025-05-05\n", encoding="utf-8")
    write_tagged(folder, tmp_path / "out", batch_size=1)  # three batches: placed once all are written
    figures = read_tables(tmp_path / "out")["figures"]
    assert quantities(figures) == quantities(tagged(MARCHES)["figures"])


def figure(text, key):
    found = ml.tag_text(text)["figures"]
    hits = found[found.surface.str.contains(key, regex=False)]
    assert len(hits), f"no figure containing {key!r} in {list(found.surface)}"
    return hits.iloc[0]


OPENING = "Storm hits the coast\n\nResidents were told to stay indoors. "


@pytest.mark.parametrize("text, key, quantity", [
    # a plant the headline names: the batch that walked out is the plant's, not an increment
    ("Union shuts Brierfield Engine Plant\n\nSome 3,400 more workers walked out on Tuesday. "
     "The walkout at the Brierfield Engine Plant stopped all lines.", "3,400", "on strike, Brierfield Engine Plant"),
    ("Union widens strike\n\nSome 3,400 more workers walked out on Tuesday.", "3,400", "on strike, new"),
    # a count restated takes the scope it was given
    ("Strike of 6,500 workers at the Brierfield Assembly Plant\n\nThousands of workers left their jobs at noon.",
     "Thousands", "on strike, Brierfield Assembly Plant"),
    # an anaphor scopes only the figure it opens
    (OPENING + "Strikes hit the Dunmore Plant, where 900 workers walked out. "
     "These 900 strikers join the 7,000 already on strike.", "7,000", "on strike"),
    # what happened to a crowd names it; a crowd's event does not count things
    (OPENING + "Police said 300 demonstrators were arrested.", "300", "arrested"),
    (OPENING + "About 40 marchers were injured.", "40", "injured"),
    (OPENING + "Police fired 30 rubber bullets to clear the crowd.", "30", "bullets"),
    (OPENING + "Nearly 40,000 of the town's 90,000 residents fled on Sunday.", "40,000", "displaced"),
    (OPENING + "An estimated 1 million-plus protesters marched on Sunday.", "1 million", "attended"),
    (OPENING + "Thousands race to escape the flames.", "Thousands", "displaced"),
    (OPENING + "The city revoked the licences of 9 travel agencies.", "9 travel", "agencies"),
    # a slot the rules cannot fill: not compared, never a wrong word
    (OPENING + "Police used tear gas more than 80 times.", "80 times", ""),
    (OPENING + "All but 12 were licensed pilgrims.", "12", ""),
    (OPENING + "Officials expelled tens of thousands of people.", "tens of thousands", ""),
    # an increment only feared is a forecast; a sum given again takes the scope it was given
    (OPENING + "The mayor warned that scores more people could be found dead.", "scores more", "deaths, forecast, new"),
    (OPENING + "Police reported three additional deaths on Friday.", "three additional", "deaths, new"),
    (OPENING + "The two carmakers have lost $9 million. The carmakers - Norland and Vesta - lost nearly $9 million.",
     "nearly $9 million", "cost, carmakers"),
    (OPENING + "In a poll, 20 percent of surveyed firms said they had cut jobs.", "20 percent", "share of firms (%)"),
    (OPENING + "Over 30 percent of them saying they had started layoffs, the survey found.", "30 percent", "share (%)"),
    # an adverb opening the sentence is no name; a percentage after "with" is a share of the count before it
    (OPENING + "“Sadly, 71 per cent were unlicensed,” the minister said.", "71 per cent", "share (%)"),
    (OPENING + "“Sadly, the toll reached 412, with 71 per cent unlicensed,” the minister said.", "71 per cent",
     "share of deaths (%)"),
    (OPENING + "Suppliers expect layoffs in mid-October, and the share may rise from 30 percent to 60 percent.",
     "60 percent", "share, Suppliers (%)"),
])
def test_the_quantity_a_reader_would_name(text, key, quantity):
    assert figure(text, key).quantity == quantity


def test_two_parties_offers_are_compared_not_grown():
    tables = tagged({"norland": ("Norland raises offer\n\nNorland has offered 15% increases in hourly pay.",
                                 "2025-03-04"),
                     "vesta": ("Vesta answers union\n\nVesta said it offered 16.2% increases in hourly pay.",
                               "2025-03-06")})
    groups = ml.compare_figures(tables["figures"], tables["documents"]).groups.set_index("quantity")
    assert groups.status["pay increase offered (%)"] == "agreed"


# Two Sunday marches a week apart, one reported as "hundreds of thousands", the other with firm
# counts; an undated piece on "hundreds of thousands" on Sunday that also names a Monday clash.
SUNDAYS = {
    "north": ("Crowds fill Tarn\n\nHundreds of thousands of people marched through Tarn on Sunday, organisers said.",
              "2025-05-05"),
    "south": ("Bigger march in Tarn\n\nNearly 2 million people marched on Sunday, organisers said, "
              "while police counted 400,000.", "2025-05-12"),
    "undated": ("Tarn march\n\nHundreds of thousands of people gathered in Tarn on Sunday. "
                "Several hundred protesters clashed with police in the early hours of Monday.", ""),
}


@pytest.mark.parametrize("surface, quantity, rule", [
    # of the two Sunday marches only the first was "hundreds of thousands": that one
    ("Hundreds of thousands of people", "attended, 4 May 2025", "occasion=shared_vague_figure"),
    # a Monday beside a Sunday march: the Monday before or the one after, the text cannot tell
    ("Several hundred protesters", "", "occasion=unplaced"),
])
def test_a_shared_vague_magnitude_places_a_crowd_and_another_weekday_stays_unplaced(surface, quantity, rule):
    figures = tagged(SUNDAYS)["figures"]
    row = figures[(figures.doc_id == "undated") & (figures.surface == surface)].iloc[0]
    assert (row.quantity, row.slot_rules.rsplit("; ", 1)[-1]) == (quantity, rule)


def test_two_marches_of_one_vague_magnitude_place_nothing():
    marches = {**SUNDAYS, "south": ("Bigger march in Tarn\n\nHundreds of thousands of people marched on Sunday.",
                                    "2025-05-12")}
    figures = tagged(marches)["figures"]
    row = figures[(figures.doc_id == "undated") & (figures.surface == "Hundreds of thousands of people")].iloc[0]
    assert (row.quantity, row.slot_rules.rsplit("; ", 1)[-1]) == ("", "occasion=unplaced")
