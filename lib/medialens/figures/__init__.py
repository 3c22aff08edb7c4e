"""Figures: every numeric claim an article makes, what it counts and how firmly, across articles.

One row per claim ("up to 100,000 troops", "half a million casualties", "$2 billion", "thousands
of troops") with its value and bounds, a qualifier (exact, approximate, upper_bound, lower_bound,
range, vague), the referent (the word for the thing counted) and its normalised class, and a
modality: speculative when the claim's clause is hedged, modal or conditional, reported when a
source covers it, asserted otherwise (the rule is below); its `quantity` (what it is a value of:
"deaths", "deaths, Olen", "homes destroyed", "aid", "share, Alliance"; '' when nothing says),
`unit` ('' for a count, "%", "percentage points", "°C", "m", an ISO currency code ...) and
`value_normalised` (the value in that unit). compare_figures() puts the figures of each quantity
side by side, article by article.

The modules: numbers (number shapes, no spaCy), rules (the compiled lexicons), extract (figure
rows), referents (what is counted), clauses and modality (how firmly, one index per sentence),
quantities, topics and units (what a figure is a value of; slots, scope, scope_places and
event_time hold the slot rules, article_passes the passes over one article), occasions (which
march a crowd counts, placed across articles by `settle` once the corpus is tagged), compare
(across articles).

Every word list is data in data/figures/ (README.md there says where each comes from):
figure_numbers (number words), figure_qualifiers (approximators and bounds), figure_vague
(vague magnitudes and their bounds), figure_referents (what is counted, and casualty context),
figure_modality (modal and reporting cues), figure_quantities (events, topics, groups, rates),
figure_units (units and their normalisation), figure_exclusions (units and words that make a number
a time, a reference or page furniture rather than a figure).

Modality, the rule (FactBank's factuality values, Sauri & Pustejovsky 2009): speculative beats
reported beats asserted.
- speculative: a hedge row of hedges.py in the figure's clause or a conditional row in its
  sentence (the hedge lexicons, hedges.jsonl and conditionals.jsonl, hold may, might, could,
  likely, rumored, believed to, if, unless ...: one list for both analyses, so a hedge added there
  counts here too), or a `speculative` cue of figure_modality, which holds only what is no hedge
  but makes a figure not yet so: plans and forecasts (expected, projected, plans to, set to, due
  to, whether). Without the hedges tagger only those cues decide. "Will" states a plan (`none`);
  "would" is a
  `backshift` cue: speculative, except right after a reporting word or a source row's cue with
  only a short subject between ("said it would cut 1,200 jobs"), where it is reported speech's
  "will". "May", "could", "might" stay speculative in reported speech. Hedge rows follow Hyland's list, which also
  holds reporting verbs ("reports indicate", "analysis suggests") and degree words ("largely",
  "nearly"); those are not speculation about a figure. So a hedge row counts only when its cue
  is not the cue of a source row of the sentence, not a `reported` or `none` cue of
  figure_modality, and not inside a figure ("nearly 1,100" is that figure's approximator).
- reported: a source row (sources.py) or a `reported` cue of figure_modality covers the figure.
  An attribution covers its whole sentence ("..., and 112 people have died, the WHO said"),
  unless it opens a coordinated clause of its own (", and its leader told supporters that ..."):
  then only that clause. It never reaches past a contrast after it (", but", ", while", ";"):
  "The state had argued ..., but lower courts found only 12 cases" is the writer's 12. A coordinated reporting verb also ends the figure's clause ("at 200
  stations and said 50,000 votes may ..."), and a figure in a non-restrictive relative clause
  (", which serves 9 million customers,") takes only cues inside that clause.
- asserted: otherwise.
source_type is that of the nearest source row covering the figure.

Not figures: dates, times, years (a range of two years, "between 2015 and 2020", too), ages in
apposition ("Smith, 45, was arrested"), and vote tallies or scores ("ruling 6-3", "a 5-4
decision": a dash between two counts next to a `tally` word of figure_exclusions). Figure spans
never overlap: "148 of the 300 seats" gives "148" (class votes) and "300 seats".

Left to others: finding who is quoted (sources.py) and hedges (hedges.py). Both run before this
tagger; without them the cue file alone decides.
"""
from __future__ import annotations

import pandas as pd

from ..context import DocContext
from ..lexicons import read_table  # noqa: F401  (tests and notebooks read lexicons through here)
from .compare import FIRM, FigureComparison, compare_figures  # noqa: F401
from ..shares import per_100_words, share
from .extract import find_figures
from .modality import set_modality
from .occasions import place_occasions
from .rules import LEXICONS, rules_for  # noqa: F401

READS = ["sentences", "hedges", "sources"]  # tables of earlier taggers this one needs
COLUMNS = {"figures": ["doc_id", "sent_id", "start", "end", "surface", "value", "low", "high",
                       "qualifier", "referent", "referent_class", "modality", "source_type",
                       "quantity", "unit", "value_normalised", "measure", "scope", "event_time", "kind",
                       "dimension", "date", "occasion", "slot_rules"]}
SETTLES = ["figures"]  # tables settled over the whole corpus once every article is tagged


class Tagger:
    """Finds the figures of a Doc (see the package docstring)."""

    def __init__(self, lexicons: dict[str, str] | None = None, spacy_model=None):
        self.rules = rules_for(lexicons)

    def tag(self, ctx: DocContext) -> dict[str, list[dict]]:
        rows = find_figures(ctx, self.rules)
        set_modality(ctx, rows, self.rules)
        return {"figures": [{k: row[k] for k in COLUMNS["figures"]} for row in rows]}


def settle(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The corpus-wide step, once every article is tagged: the occasions of undated articles are
    placed on the dated ones, and the crowds of a story of several marches named by their day
    (occasions.place_occasions)."""
    return {"figures": place_occasions(tables["figures"])}


def score(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per document: n_figures, figures_per_100_words, share_figures_speculative,
    share_figures_sourced (reported, or with a source in the sentence) and
    share_figures_imprecise (any qualifier but exact). Shares are empty without figures."""
    documents = tables["documents"].set_index("doc_id")
    figures = tables["figures"]
    by_doc = figures.assign(
        speculative=figures.modality.eq("speculative"),
        sourced=figures.modality.eq("reported") | figures.source_type.fillna("").ne(""),
        imprecise=figures.qualifier.ne("exact")).groupby("doc_id")
    counts = by_doc.size().reindex(documents.index, fill_value=0)
    shares = share(by_doc[["speculative", "sourced", "imprecise"]].sum().reindex(documents.index), counts)
    words = documents.n_words.astype(float)
    return pd.DataFrame({
        "n_figures": counts,
        "figures_per_100_words": per_100_words(counts, words).round(3),
        "share_figures_speculative": shares.speculative.astype(float).round(3),
        "share_figures_sourced": shares.sourced.astype(float).round(3),
        "share_figures_imprecise": shares.imprecise.astype(float).round(3),
    }, index=documents.index)
