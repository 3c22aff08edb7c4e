"""Slots (issue 19): each figure's measure, scope, event_time, kind and dimension, set by named rules
whose order is data/figures/figure_slot_rules.csv, and each claim's date. Every row is a sentence
written for these tests in the shapes real coverage uses; the rule named is the one a reader
should find in `slot_rules` when asking "why did this figure get this slot?"."""
import pandas as pd
import pytest

import medialens as ml
from medialens.brief.figures import figure_statements
from medialens.errors import MedialensError
from medialens.figures import rules_for
from medialens.figures import view as figure_view

# A headline and a lede first, so that the figure's sentence is no part of the story's setting.
OPENING = "Storm hits the coast\n\nResidents were told to stay indoors. "


def figure(text, key, lexicons=None):
    found = ml.tag_text(text, lexicons)["figures"]
    hits = found[found.surface.str.contains(key, regex=False)]
    assert len(hits), f"no figure containing {key!r} in {list(found.surface)}"
    return hits.iloc[0]


def rule_of(row, slot):
    return dict(part.split("=") for part in row.slot_rules.split("; ") if part).get(slot, "")


@pytest.mark.parametrize("text, key, slot, value, rule", [
    # measure
    (OPENING + "Rainfall reached 310mm, or about 12 inches, in the hills.", "12 inches", "measure", "rainfall", "same_amount"),
    # the same amount in another unit, after a unit word or sign: every slot of the amount before
    (OPENING + "Temperatures in Olen district climbed as high as 48 degrees Celsius (118 degrees Fahrenheit).",
     "118", "scope", "Olen", "same_amount"),
    (OPENING + "Temperatures soared above 49°C (120°F) in the valley.", "120", "measure", "temperature", "same_amount"),
    (OPENING + "Last year a strike cost $4 billion (£3.2 billion).", "£3.2 billion", "event_time", "last year",
     "same_amount"),
    (OPENING + "The walkout cost the region $2.1 billion, analysts said.", "$2.1 billion", "measure", "cost", "money_topic"),
    (OPENING + "The blaze was 45% contained by evening.", "45%", "measure", "containment", "percent_topic"),
    (OPENING + "Temperatures climbed to 44 degrees Celsius.", "44", "measure", "temperature", "unit_topic"),
    (OPENING + "The storm flattened most of the village of 2,400.", "2,400", "measure", "population", "population"),
    (OPENING + "The number of fatalities reached 412 on Monday.", "412", "measure", "deaths", "count_event"),
    (OPENING + "About 1.2 million pilgrims took part in the rites this year.", "1.2 million", "measure", "attended",
     "count_event"),
    (OPENING + "Some 3,000 nurses took part in the strike.", "3,000", "measure", "on strike", "count_event"),
    (OPENING + "We treated more than 900 patients who suffered from heat.", "900", "measure", "ill", "count_event"),
    (OPENING + "The union is seeking 15% hourly pay increases.", "15%", "measure", "pay increase demanded", "percent_topic"),
    (OPENING + "The firms have offered roughly 9% increases in hourly pay.", "9%", "measure", "pay increase offered",
     "percent_topic"),
    (OPENING + "The strike costs the company £3 million a day.", "£3 million", "measure", "cost per day", "money_topic"),
    (OPENING + "A magnitude 6.4 earthquake struck the province.", "6.4", "measure", "magnitude", "unit_topic"),
    (OPENING + "Only 81% of children received both doses.", "81%", "measure", "share of children", "percent_topic"),
    # scope
    (OPENING + "Nine policemen were hurt in the clashes.", "Nine policemen", "scope", "officers", "group_noun"),
    (OPENING + "Officials counted 420 deaths from Peru alone - 390 of whom were unregistered.", "390", "scope",
     "Peru, unregistered", "partitive_part"),
    (OPENING + "A total of 210 casualties were reported from Chile alone.", "210", "scope", "Chile", "origin"),
    (OPENING + "Among the dead were 44 Kenyans.", "44 Kenyans", "scope", "Kenya", "nationality"),
    (OPENING + "Diplomats said Ghanaians accounted for 73 deaths.", "73 deaths", "scope", "Ghana", "nationality"),
    (OPENING + "Other countries were hit too, including Peru, with 17 deaths.", "17 deaths", "scope", "Peru", "place_with"),
    (OPENING + "The count ended late on Sunday, with 3.1 million ballots cast.", "3.1 million", "scope", "", ""),
    (OPENING + "In Olen district, 26 of the dead were found.", "26", "scope", "Olen", "fronted_place"),
    (OPENING + "An official gave a partial toll of 212 deaths for the first weekend.", "212", "scope", "partial", "partial"),
    (OPENING + "About 3,100 workers walked out at the Riverside Assembly Plant in Dorran.", "3,100", "scope",
     "Riverside Assembly Plant", "facility"),
    (OPENING + "Suppliers lost $1.4 billion because of the strike.", "$1.4 billion", "scope", "suppliers", "loser"),
    (OPENING + "Dealers and customers have lost $900 million.", "$900 million", "scope", "customers, dealers", "loser"),
    (OPENING + "The Cedar Ridge fire is 30% contained.", "30%", "scope", "Cedar Ridge", "named_subject"),
    (OPENING + "Crews are fighting the Ash Creek and Pine Hollow fires, which are 40% and 55% contained. "
     "Those fires have burned about 900 acres.", "900 acres", "scope", "Ash Creek, Pine Hollow", "anaphor"),
    # a place right after another figure is that figure's; a place in a subordinate clause narrows nothing
    (OPENING + "Over 900 homes in Arlo were damaged and over 300 hectares burned.", "300 hectares", "scope", "", ""),
    (OPENING + "Officials reported dozens of their citizens missing after they travelled to Vell in Arlo.", "dozens",
     "scope", "", ""),
    # event_time
    (OPENING + "The 2011 floods killed 86 people in the same valley.", "86 people", "event_time", "2011", "year_named"),
    (OPENING + "The mill, opened in 1961, made 2.5 million tonnes of paper in 2019.", "2.5 million tonnes", "event_time",
     "2019", "year_named"),  # the year nearest the figure
    (OPENING + "Profit fell to $1.1 billion from $2.3 billion a year earlier.", "$2.3 billion", "event_time",
     "a year earlier", "other_time"),
    (OPENING + "The previous strike cost $2 billion, and that record was set in 2016.", "$2 billion", "event_time", "2016",
     "year_named"),
    ("Storm of 2025 hits coast\n\nThe 2025 storm has killed 40 people.", "40 people", "event_time", "", ""),
    (OPENING + "Almost 900,000 people voted by post, twice as many as in 2022.", "900,000", "event_time", "", ""),
    (OPENING + "Last year, at least 150 people died on the same route.", "150 people", "event_time", "last year",
     "other_time"),
    (OPENING + "Organisers said 90,000 marched on Sunday. A week earlier, 40,000 people marched.", "40,000",
     "event_time", "a week earlier", "other_occasion"),
    (OPENING + "Organisers expect to draw more than 200,000 people to the rally.", "200,000", "event_time", "forecast",
     "forecast"),
    # kind
    (OPENING + "Police reported four additional deaths on Friday.", "four additional deaths", "kind", "change", "increment"),
    (OPENING + "These 800 strikers join the 5,000 already on the picket lines.", "800 strikers", "kind", "change",
     "increment"),
    (OPENING + "The union is asking for 15% pay raises.", "15%", "kind", "change", "change_word"),
    (OPENING + "Crews had searched 12% of the burn zone.", "12%", "kind", "share", "percent_share"),
    # a percentage after "with" is a share of the count just before it
    (OPENING + "The number of deaths reached 412, with 83 per cent being over 70.", "83 per cent", "measure",
     "share of deaths", "percent_topic"),
    (OPENING + "The union has 146,000 members, with 90% voting to strike.", "90%", "measure", "share of members",
     "percent_topic"),
    (OPENING + "At least 96 people have died.", "96", "kind", "level", "level"),
])
def test_slot_and_the_rule_that_set_it(text, key, slot, value, rule):
    row = figure(text, key)
    assert (row[slot], rule_of(row, slot)) == (value, rule), row.slot_rules


def test_an_amount_given_again_in_another_unit_has_the_first_ones_value():
    found = ml.tag_text(OPENING + "Temperatures reached 47 degrees Celsius (117 degrees Fahrenheit).")["figures"]
    assert found.value_normalised.tolist() == [47.0, 47.0]  # one amount: not 47 and 47.22
    documents = pd.DataFrame([
        {"doc_id": "north", "text": "Heat\n\nTemperatures in Olen district climbed as high as 48 degrees Celsius "
                                     "(118 degrees Fahrenheit).", "date": "", "n_words": 12},
        {"doc_id": "south", "text": "Heat\n\nTemperatures reached 45 degrees Celsius on the coast.", "date": "", "n_words": 8}])
    tables = ml.tag_corpus(documents)
    statements = figure_statements(ml.compare_figures(tables["figures"], tables["documents"], tables["sentences"]))
    assert "temperature (°C), by part (never compared with the total): Olen: 48 °C in north (“48 degrees”)." \
        in statements.statement.tolist()  # named once, not once in each unit
    found = ml.tag_text(OPENING + "The fire burned 3 square miles (5 square kilometres).")["figures"]
    assert found.value_normalised.round().tolist() == [777.0, 500.0]  # a wrong conversion is the article's


@pytest.mark.parametrize("text, key, dimension, unit", [
    (OPENING + "The fire burned 6 square miles.", "6 square miles", "area", "ha"),
    (OPENING + "Temperatures hit 48°C in the shade.", "48", "temperature", "°C"),
    (OPENING + "The tree stood more than 60 feet tall.", "60 feet", "length", "m"),
    (OPENING + "The rebuild will cost US$5.5 billion.", "US$5.5 billion", "money", "USD"),
    (OPENING + "At least 96 people have died.", "96", "count", ""),
])
def test_dimensions_never_mix(text, key, dimension, unit):
    row = figure(text, key)
    assert (row.dimension, row.unit) == (dimension, unit)


@pytest.mark.parametrize("text, key, value, unit", [
    # issue 25: values misread
    ("Temperatures fell to -40°C overnight.", "-40", -40, "°C"),
    ("Temperatures fell to −8 °F overnight.", "−8", -22.22, "°C"),
    ("Temperatures fell to -40 degrees Fahrenheit overnight.", "-40 degrees", -40, "°C"),
    ("The lake froze at -12 degrees Celsius, the agency said.", "-12", -12, "°C"),
    ("The state budget is Rs 45 lakh crore.", "45 lakh crore", 4.5e13, "INR"),
    ("About 10³ tonnes of grain were moved.", "10³", 1e6, "kg"),
    ("Officials said 1٬300 pilgrims died.", "1٬300", 1300, ""),
    ("It has cost the economy $4billion so far.", "$4billion", 4e9, "USD"),
    ("Temperatures soared above 50°C (122°F).", "122", 50, "°C"),
])
def test_values_read_as_written(text, key, value, unit):
    row = figure(text, key)
    assert row.unit == unit and abs(row.value_normalised - value) < 0.01 * max(1, abs(value)), (row.value, row.unit)


@pytest.mark.parametrize("text, surfaces", [
    ("It was one of the deadliest wildfires in years.", []),  # "of the dead..." is no part
    ("Witnesses estimated the crowd at several hundred thousands.", ["several hundred thousands"]),
    ('"It is bigger today," said marcher Ann Roe, 19.\nThe march went on.', []),  # an age at a paragraph's end
    ("The mayor warned that scores more people could be found dead.", ["scores more people"]),
])
def test_what_is_a_figure(text, surfaces):
    assert ml.tag_text(text)["figures"].surface.tolist() == surfaces


def test_an_increment_in_a_vague_magnitude_is_a_change():
    row = figure(OPENING + "The mayor warned that scores more people could be found dead.", "scores")
    # only feared, so a forecast: never compared with increments that happened
    assert (row.quantity, row.kind) == ("deaths, forecast, new", "change")


def test_names_in_a_headline_are_no_counted_noun():
    row = figure("Death toll passes 1,000 Amid Severe Heatwave\n\nThe toll passed 1,000 on Sunday.", "1,000")
    assert row.surface == "1,000" and row.measure == "deaths"


ARTICLE_DATE = "2024-07-05"  # a Friday


@pytest.mark.parametrize("sentence, key, date", [
    ("Officials said on Wednesday that 40 people had died.", "40", "2024-07-03"),
    ("The toll stood at 52 a day earlier, police said.", "52", "2024-07-04"),
    ("By Thursday 61 people had died.", "61", "2024-07-04"),
    ("Update July 2: 12 people were still missing.", "12", "2024-07-02"),
    ("At least 70 people have died.", "70", "2024-07-05"),
])
def test_claim_date_is_the_article_date_moved_by_time_words(sentence, key, date):
    document = {"doc_id": "a", "text": "Floods hit valley\n\nRescue teams are at work. " + sentence,
                "date": ARTICLE_DATE, "n_words": 20}
    figures = ml.tag_corpus(pd.DataFrame([document]))["figures"]
    assert figures[figures.surface.str.contains(key)].date.iloc[0] == date


def test_an_article_without_a_date_gives_undated_claims():
    assert figure(OPENING + "Officials said on Wednesday that 40 people had died.", "40").date == ""


def test_the_lede_is_read_once_per_article_not_once_per_figure(monkeypatch):
    """Issue 25: the scope rules searched the lede's names once per figure, so a 100 KB lede made
    tagging quadratic. The names are found once per article now (counted, not timed)."""
    calls = []
    real = figure_view.NAME

    class Counting:
        def findall(self, text):
            calls.append(len(text))
            return real.findall(text)

        def __getattr__(self, name):
            return getattr(real, name)

    monkeypatch.setattr(figure_view, "NAME", Counting())
    lede = "Crowds Gathered In Town " * 2000  # a long lede with no full stop
    body = " ".join(f"Officials said {n} people were hurt." for n in range(100, 160))
    found = ml.tag_text("Clashes\n\n" + lede + ".\n\n" + body)["figures"]
    assert len(found) >= 60 and len(calls) == 1


def test_a_slot_rule_the_code_does_not_have_is_one_line_naming_the_file(tmp_path):
    order = tmp_path / "order.csv"
    order.write_text("slot,rule,example\nscope,by_magic,nothing\n", encoding="utf-8")
    with pytest.raises(MedialensError, match=r"order.csv: no scope rule is called 'by_magic'"):
        rules_for({"figure_slot_rules": str(order)})


ARTICLES = {
    "wire": ("Floods hit valley\n\nRescue teams worked through the night. At least 40 people have died, "
             "police said on Tuesday. Police said 3,000 people marched on Saturday."),
    "local": ("Toll rises\n\nThe valley is counting its losses. The death toll rose to 65 on Thursday. "
              "Organisers said 15,000 people marched on Saturday. We saw 12 of them."),
    "broadcast": "Floods: what we know\n\nThe water is receding. At least 40 people have died.",
}


@pytest.fixture(scope="module")
def small_story():
    dates = {"wire": "2024-07-03", "local": "2024-07-05", "broadcast": ""}  # a Wednesday and a Friday
    documents = pd.DataFrame([{"doc_id": d, "text": t, "date": dates[d], "n_words": len(t.split())}
                              for d, t in ARTICLES.items()])
    tables = ml.tag_corpus(documents)
    return tables, ml.compare_figures(tables["figures"], tables["documents"], tables["sentences"])


def test_a_running_count_grows_by_claim_date_and_undated_claims_go_last(small_story):
    _, comparison = small_story
    deaths = comparison.claims[comparison.claims.quantity == "deaths"]
    assert deaths.date.tolist() == ["2024-07-02", "2024-07-04", ""]
    assert comparison.groups.set_index("quantity").status["deaths"] == "grew"


def test_a_crowd_two_articles_count_differently_is_disputed_and_an_unclear_figure_is_listed(small_story):
    _, comparison = small_story
    groups = comparison.groups.set_index("quantity")
    assert groups.status["attended"] == "disputed"  # police and organisers, one march on one Saturday
    assert comparison.unclear.surface.tolist() == ["12"]
    assert comparison.unclear.reason.iloc[0] == "not compared: unclear what it counts"


def test_the_brief_says_disputes_first_then_growth_then_what_was_not_compared(small_story):
    tables, comparison = small_story
    statements = figure_statements(comparison, tables["sources"])
    assert statements.section.tolist()[:2] == ["disputed", "grew"]
    assert statements.statement[0] == ("people who took part: the articles disagree on 29 Jun: 3,000 in wire "
                                       "(“3,000 people”, Police) against 15,000 in local (“15,000 people”, Organisers).")
    assert statements.statement[1] == ("deaths grew: at least 40 (wire) on 2 Jul, 65 (local) on 4 Jul; "
                                       "without a date: at least 40 (broadcast).")
    assert "unclear what it counts: “12” (local)" in statements.statement.iloc[-1]
    assert not statements.statement.str.contains("unknown|nan").any()


def test_the_brief_says_when_nothing_is_compared():
    tables = ml.tag_corpus(pd.DataFrame([{"doc_id": "only", "text": ARTICLES["wire"], "n_words": 20}]))
    statements = figure_statements(ml.compare_figures(tables["figures"], tables["documents"]))
    assert statements.statement.iloc[-1] == "No quantity is given by two articles: nothing is compared."


def test_the_data_readme_counts_each_figures_file():
    """The entries column of data/figures/README.md is the number of rows of each file."""
    folder = next(iter(ml.lexicons.DATA_DIR.glob("figures")))
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for table in sorted(folder.glob("*.csv")):
        rows = len(pd.read_csv(table, keep_default_na=False))
        assert f"| {table.name} | {rows} |" in readme, f"{table.name}: {rows} entries"


def test_bounds_that_exclude_each_other_are_never_said_to_agree():
    documents = pd.DataFrame([
        {"doc_id": "north", "text": "Heat at the shrine\n\nAt least 40 people died this week. The worst was a 2009 "
                                    "crush that resulted in up to 900 deaths.", "date": "", "n_words": 20},
        {"doc_id": "south", "text": "Heat at the shrine\n\nAt least 40 people died this week. A 2009 crush resulted "
                                    "in over 1,000 deaths.", "date": "", "n_words": 18}])
    tables = ml.tag_corpus(documents)
    statements = figure_statements(ml.compare_figures(tables["figures"], tables["documents"], tables["sentences"]))
    assert statements.statement.tolist()[:2] == [
        "deaths: 2 articles agree: at least 40 (north and south).",
        "deaths (2009): 2 articles give figures that cannot all be true: up to 900 (north) and at least 1,000 (south)."]
