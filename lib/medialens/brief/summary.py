"""The whole brief in one table, and its "In short": what notebook 04 prints, section by section,
and what index.html opens with, from the same rows, so the two never disagree.

`brief_statements` gathers the sentences of every part of the brief, in the order an editor reads
them: corpus (brief/corpus.py: the story, its dates, its outlets, the articles without a date and
those left out), sourcing (brief/sources.py and the best and worst sourced of brief/articles.py),
figures (an overview of what was compared, then brief/figures.py: disputes, running counts,
breakdowns, what differs without dates, what agrees, what was not compared), framing
(brief/frames.py) and actors (brief/actors.py). `in_short` picks the few an editor reads first.
Nothing here writes a sentence about one story: every part is computed from the tables.
"""
from __future__ import annotations

import re

import pandas as pd

from .. import findings
from ..figures.compare import compare_figures
from ..prose import names, number
from .actors import actor_statements
from .articles import sourcing_ends
from .corpus import corpus_statements
from .figures import figure_statements
from .frames import frame_statements
from .sources import source_statements

COLUMNS = ["order", "part", "section", "statement", "doc_ids", "evidence"]
# The tagged tables the brief reads ("errors" too, where a run wrote it).
READS = ("documents", "sentences", "sources", "hedges", "figures", "frames", "emotive", "actors",
         "actor_mentions", "scores")
PARTS = ("corpus", "sourcing", "figures", "framing", "actors")
# What index.html's "In short" says of each part, in this order (the figures part: see in_short).
SHORT_SECTIONS = {"sourcing": ["best sourced", "worst sourced", "sourcing ends"],
                  "framing": ["dominant", "mean"], "actors": ["acts", "speaks", "setting"]}
# Figure statements an editor reads first: the articles differ, or a count moved with time.
SHORT_FIGURES = ("disputed", "grew", "occasions", "undated")
SHORT_FIGURES_SHOWN = 3


def _count(n: int, noun: str, plural: str = "") -> str:
    """'1 quantity', '3 quantities'."""
    return f"{number(n)} {noun if n == 1 else plural or noun + 's'}"


def figure_overview(comparison) -> str:
    """One sentence on what the figures comparison found: the figures, the quantities two or more
    articles give by what became of them (disputed, given on several dates, differing in
    undated claims, agreed), the breakdowns listed under their totals, the quantities one article gives
    and the figures whose measure is unclear: the sections figure_statements then says in full."""
    claims, groups, unclear = comparison.claims, comparison.groups, comparison.unclear
    n_figures = len(claims) + len(unclear)
    if n_figures == 0:
        return "No article gives a figure."
    articles = pd.concat([claims.doc_id, unclear.doc_id]).nunique()
    totals = groups[groups.total == ""]  # a breakdown is said under its total, never compared with it
    status = totals.status.value_counts()
    kinds = [(status.get("disputed", 0), "disputed"),
             (status.get("grew", 0) + status.get("occasions", 0), "given on several dates"),
             (status.get("undated", 0), "differing in undated claims"),
             (status.get("agreed", 0), "agreed")]
    compared = int(totals.compared.sum())
    said = f"{_count(n_figures, 'figure')} in {_count(articles, 'article')}; " \
           f"{_count(compared, 'quantity', 'quantities')} given by two or more articles"
    said += (": " + ", ".join(f"{number(n)} {what}" for n, what in kinds if n)) if compared else ""
    parts = int((groups.total != "").sum())
    if parts:
        said += f"; {_count(parts, 'breakdown')} of {'a total' if parts == 1 else 'totals'}, listed under {'it' if parts == 1 else 'them'}"
    said += f"; {_count(int(status.get('one article', 0)), 'quantity', 'quantities')} given by one article only"
    if len(unclear):
        said += f"; {_count(len(unclear), 'figure')} not compared, unclear what {'it counts' if len(unclear) == 1 else 'they count'}"
    return said + "."


def none_said(figures: pd.DataFrame, comparison, factor: float) -> list[dict]:
    """A sentence for each of the sections an editor looks for first that `figures`
    (figure_statements' rows) lacks: no dispute, no count given on several dates, no breakdown.
    Each says why where the data tells it (how many quantities differ without dates, how many
    figures carry a claim date). Their sections are "disputed: none", "grew: none" and
    "breakdown: none"."""
    sections = set(figures.section)
    undated = int((figures.section == "undated").sum())
    rows = []
    if "disputed" not in sections:
        # compare_figures' rule: a count that grows is disputed only on one claim date.
        said = (f"No quantity is disputed: no two articles give figures more than {number(factor)} times apart "
                f"for a quantity that does not grow, or for a count that grows on one claim date")
        rows.append(("disputed: none", said + (f"; {_count(undated, 'quantity', 'quantities')} "
                                               f"{'differs' if undated == 1 else 'differ'} between "
                                               f"articles without dates that could tell a dispute from growth "
                                               f"(listed below)." if undated else ".")))
    if not sections & {"grew", "occasions"}:
        claims = comparison.claims
        dated = int((claims.date != "").sum())
        rows.append(("grew: none", f"No running count: no quantity's figures are read as growing or falling from "
                                   f"one claim date to the next ({number(dated)} of {_count(len(claims), 'figure')} "
                                   f"with a named quantity {'carries' if dated == 1 else 'carry'} a claim date)."))
    if "breakdown" not in sections:
        rows.append(("breakdown: none", "No figure is a part (a group, a place, a day) of a total another figure gives."))
    return [{"part": "figures", "section": section, "statement": statement, "doc_ids": "", "evidence": ""}
            for section, statement in rows]


def _doc_ids(joined: str, known: set[str]) -> str:
    """The articles of one statement joined by "; ". The part modules join them with "; ", ", "
    or, for a tie named in a sentence, as prose ("a; b and c"); a doc_id holds only letters,
    digits, "_", "." and "-" (reading.safe_id), so every such run that is an article is one."""
    return "; ".join(dict.fromkeys(d for d in re.findall(r"[\w.-]+", str(joined)) if d in known))


def _part(part: str, table: pd.DataFrame, known: set[str], evidence: str = "evidence") -> pd.DataFrame:
    """A part's statements in the brief's columns (doc_ids joined by "; ")."""
    doc_ids = table.doc_ids.fillna("").map(lambda joined: _doc_ids(joined, known))
    return pd.DataFrame({"part": part, "section": table.get("section", table.get("part")),
                         "statement": table.statement, "doc_ids": doc_ids,
                         "evidence": table[evidence].fillna("") if evidence in table else ""})


def brief_statements(tables: dict[str, pd.DataFrame], comparison=None, factor: float = 3.0,
                     top: int = 5) -> pd.DataFrame:
    """Every sentence of the brief (see the module docstring), one row each. Columns: order, part
    (corpus, sourcing, figures, framing, actors), section (the part module's: "story", "dates",
    "best sourced", "disputed", "grew", "dominant", "acts", ...; the figures part opens with
    "overview" and ends with none_said's sections, the corpus part ends with "failed" when
    articles were left out), statement,
    doc_ids (the articles it is about, joined by "; "), evidence (the values, surfaces or
    counts behind it).

    `comparison`: a compare_figures() result (computed here with `factor` when None); `top`:
    actors and places named in each sentence about actors."""
    if comparison is None:
        comparison = compare_figures(tables["figures"], tables["documents"], tables["sentences"], factor=factor)
    known = set(tables["documents"].doc_id)
    corpus = _part("corpus", corpus_statements(tables["documents"], tables.get("actor_mentions")), known)
    failed = findings.failed_articles(tables)
    if len(failed):
        corpus = pd.concat([corpus, pd.DataFrame([{
            "part": "corpus", "section": "failed", "doc_ids": "; ".join(failed.doc_id), "evidence": "",
            "statement": f"{_count(len(failed), 'article')} could not be analysed and {'is' if len(failed) == 1 else 'are'} "
                         f"left out of every table: {names(failed.doc_id)}."}])])
    sources = source_statements(tables)
    sourcing = pd.concat([_part("sourcing", sourcing_ends(tables), known), _part("sourcing", sources, known)])
    overview = pd.DataFrame([{"part": "figures", "section": "overview", "statement": figure_overview(comparison),
                              "doc_ids": "; ".join(sorted(set(comparison.claims.doc_id))), "evidence": ""}])
    said_of_figures = figure_statements(comparison, tables["sources"], factor=factor)
    figures = pd.concat([overview, _part("figures", said_of_figures, known, evidence="surfaces"),
                         pd.DataFrame(none_said(said_of_figures, comparison, factor))])
    table = pd.concat([corpus, sourcing, figures, _part("framing", frame_statements(tables), known),
                       _part("actors", actor_statements(tables, top), known)], ignore_index=True)
    return table.assign(order=range(len(table)))[COLUMNS]


def said(statements: pd.DataFrame, part: str, sections=None) -> str:
    """The statements of one part of the brief (of `sections` of it, in the brief's order), one
    a line: what a notebook section prints."""
    rows = statements[statements.part == part]
    if sections is not None:
        rows = rows[rows.section.isin(list(sections))]
    return "\n".join(rows.statement)


def in_short(statements: pd.DataFrame) -> list[str]:
    """The sentences an editor reads first (index.html's "In short" and notebook 04's): the best
    and worst sourced articles; the figures' overview and the first SHORT_FIGURES_SHOWN
    statements of disputes, counts given on several dates and counts that differ without dates
    (then how many more the brief has); the dominant frames and the frame most present; who acts,
    who speaks and the setting; the articles left out."""
    lines = said(statements, "sourcing", SHORT_SECTIONS["sourcing"]).splitlines()
    figures = statements[statements.part == "figures"]
    lines += figures.statement[figures.section == "overview"].tolist()
    moved = figures[figures.section.isin(SHORT_FIGURES)]
    moved = moved.iloc[moved.section.map(SHORT_FIGURES.index).argsort(kind="stable")]
    lines += moved.statement.head(SHORT_FIGURES_SHOWN).tolist()
    if len(moved) > SHORT_FIGURES_SHOWN:
        more = len(moved) - SHORT_FIGURES_SHOWN
        lines.append(f"And {_count(more, 'more quantity', 'more quantities')} whose figures differ between articles "
                     "or over time: see the brief (notebook 04).")
    for part in ("framing", "actors"):
        lines += said(statements, part, SHORT_SECTIONS[part]).splitlines()
    return lines + said(statements, "corpus", ["failed"]).splitlines()
