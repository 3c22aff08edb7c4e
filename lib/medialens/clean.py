"""Cleaning: keep what the article says, drop the page around it.

A text may be a whole web page saved as text (menus, related stories, notices, footers around
the article) or an article with a few such lines. Cleaning decides line by line: general rules
kept as data (data/corpus/boilerplate.csv: notices, credits, timestamps, headings of story lists)
and this module's (page furniture, repeated lines), then pagetext's line classifier, which finds
the article's run of prose; recall comes first (a paragraph next to the article's prose, a
doubted line inside it and a subheading between its paragraphs stay). pagehead.py then finds the
headline, dateline and signature around the article. Never strings copied from one site.
Reading files is reading.py's job; splitting sentences is sentences.py's.

The cleaned text has one paragraph a line and the headline, when there is one, as its first line;
every removed line (or credit cut out of a line) is listed with its reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from . import credits, furniture, pagedate, pagetext
from .pagehead import head, signature
# boilerplate_rules, normalise, page_lines, prepare: callers take them from here too.
from .pagerules import boilerplate_rules, normalise, page_lines, prepare  # noqa: F401
# MONTHS, DATE, n_words, is_heading, normalise_date, find_date: other modules take them from here.
from .textshape import (DATE, MONTHS, TERMINAL, WORD, find_date, is_body, is_date_only,  # noqa: F401
                        is_sentence,
                        is_heading, is_prose, n_words, normalise_date)

# "forces.The June": a sentence end glued to the next sentence (lower-case word, stop, capital),
# a space put after its stop (and quote). The stop is matched, not looked behind for: the
# search skips to lower-case letters instead of trying two look-behinds at every position.
GLUED = re.compile(r"([a-z]{2}[.!?][\"”’]?)(?=[A-Z][a-z])")
# Where GLUED can match, a stop (and a quote) stands before a capital: searching this first
# spares GLUED's lookbehinds at every position of the lines that have none (most of them).
MAYBE_GLUED = re.compile(r"[.!?][\"”’]?[A-Z]")
# A line the classifier keeps with at least this probability is surely article text.
CONFIDENT = 0.8
SUBHEADING_WORDS = 12
# Inside the article, a line the classifier scores at least this is kept (see _fill_gaps).
GAP_FLOOR = 0.02


@dataclass
class Cleaned:
    """The cleaned text with what was found and what was removed (line, reason)."""
    text: str
    title: str = ""
    date: str = ""
    date_source: str = ""
    outlet: str = ""
    agency: str = ""
    removed: list[tuple[str, str]] = field(default_factory=list)


def clean_text(raw: str, title: str = "", boilerplate=None, classifier=None,
               page: bool = True) -> Cleaned:
    """Clean one article or whole page. `title`, when the caller knows it (a table column, the
    HTML), goes first and is kept whatever it looks like.

    Steps: the general rules of data/corpus/boilerplate.csv (pagerules.py: notices, credits and
    captions cut out of any line, headings that open lists of other stories); then pagetext's
    line classifier keeps the article's run of prose (_article_lines); furniture.py drops
    doubled captions, repeated summaries and lists of other stories below the article; the
    headline is found just above the article (pagehead.py), the date among the lines around it
    (pagedate.py), the outlet and agency in its dateline and credits (credits.py); sentences
    glued without a space are split. `boilerplate`: the rules of boilerplate_rules(), built-in
    ones when None; `classifier`: pagetext's parameters, the shipped ones when None;
    `page=False` for an article already extracted from its HTML page (the classifier is not run).
    """
    removed: list[tuple[str, str]] = []
    indents: list[int] = []
    lines, reasons, marks = prepare(raw, boilerplate_rules() if boilerplate is None else boilerplate,
                                    removed, indents)
    # An article an extractor already took out of its page (page=False) keeps its short lines.
    probability = pagetext.article_probability(lines, marks, classifier) if page else np.ones(len(lines))
    reasons = _article_lines(lines, reasons, probability, classifier or pagetext.model())
    furniture.drop_doubled(lines, reasons)
    furniture.drop_repeated(lines, reasons)
    furniture.drop_repeated_summaries(lines, reasons, bool(title.strip()))
    furniture.drop_other_stories(lines, reasons, indents)
    title = " ".join(title.split())
    dating = pagedate.date_rules()
    found = pagedate.find_dates(lines, dating)
    pagedate.cut_date_labels(lines, found, removed)
    top, start = head(lines, reasons, bool(title),
                      frozenset(i for i, d in found.items() if d.source != "headline"), removed)
    date, date_source = pagedate.article_date(lines, reasons, found, start, top, dating)
    signed = signature(lines, reasons, [i for i, reason in enumerate(reasons) if reason is None])
    outlet, agency = credits.outlet_and_agency(lines, reasons, start, top,
                                               pagedate.date_line_site(lines, found), signed)
    headline, text = _assemble(lines, reasons, removed, title or (lines[top] if top is not None else ""), top)
    return Cleaned(text=text, title=headline, date=date, date_source=date_source,
                   outlet=outlet, agency=agency, removed=removed)


def _article_lines(lines: list[str], reasons: list, probability: np.ndarray, params: dict) -> list:
    """The reasons once the classifier has spoken: a line it doubts goes, unless it is prose next
    to the article's prose, a line between its paragraphs or a subheading; a list heading
    below the article opens a sidebar."""
    for i, p in enumerate(probability.tolist()):
        if reasons[i] is None and p < params.get("threshold", 0.5):
            reasons[i] = f"line classifier (p={p:.2f})"
    if not any(reason is None and is_prose(line) for line, reason in zip(lines, reasons)):
        _keep_best_prose(lines, reasons, probability)
    if all(reason is not None for reason in reasons):
        # No prose at all (a one-line note, a table of figures): what the rules leave is the text.
        reasons = [None if reason and reason.startswith("line classifier") else reason for reason in reasons]
    _extend_prose(lines, reasons)
    _fill_gaps(lines, reasons, probability, params.get("gap_floor", GAP_FLOOR))
    _keep_subheadings(lines, reasons)
    _cut_lists(lines, reasons, probability)
    return reasons


def _assemble(lines: list[str], reasons: list, removed: list, headline: str,
              top: int | None) -> tuple[str, str]:
    """The headline and the cleaned text: the headline first, once, then the kept lines; every
    other line goes to `removed` with its reason. Without a headline, the first sentence is
    the title."""
    kept = [headline] if headline else []
    folded = headline.casefold()
    for i, line in enumerate(lines):
        if i == top:
            continue
        if reasons[i] is None and line.casefold() == folded:
            removed.append((line, "repeated line"))
        elif reasons[i] is None:
            kept.append(line)
        elif line:  # a line that was only a credit is listed by its credit
            removed.append((line, reasons[i]))
    text = "\n".join(map(_unglue, kept))
    if not headline and kept:
        headline = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text.split("\n", 1)[0], maxsplit=1)[0]
    return _unglue(headline), text


def _unglue(line: str) -> str:
    return GLUED.sub(r"\1 ", line) if MAYBE_GLUED.search(line) else line


def _keep_best_prose(lines: list[str], reasons: list, probability: np.ndarray) -> None:
    """When the classifier keeps no paragraph of prose (a short text unlike the pages it learned
    from), the likeliest one is the article's; _extend_prose adds its neighbours."""
    prose = [i for i, line in enumerate(lines)
             if reasons[i] is not None and reasons[i].startswith("line classifier") and is_body(line)]
    if prose:
        reasons[max(prose, key=lambda i: probability[i])] = None


def _extend_prose(lines: list[str], reasons: list) -> None:
    """A sentence next to the article's prose belongs to the article: the classifier doubts the
    first and last paragraphs most, and losing article text is the worse error. Lines a rule
    removed (an advertisement label, a newsletter box) do not separate them, nor does one short
    subheading."""
    open_ = [i for i, reason in enumerate(reasons) if reason is None or reason.startswith("line classifier")]
    prose = {i for i in open_ if reasons[i] is None and is_prose(lines[i])}
    for order in (open_, open_[::-1]):
        for before, line_, after in zip(order, order[1:], order[2:] + [None]):
            if before not in prose or reasons[line_] is None:
                continue
            if is_sentence(lines[line_]):
                reasons[line_] = None
                prose.add(line_)
            elif order is open_ and after is not None and is_heading(lines[line_]) \
                    and n_words(lines[line_]) <= SUBHEADING_WORDS and is_prose(lines[after]):
                reasons[line_] = reasons[after] = None
                prose.add(after)


def _fill_gaps(lines: list[str], reasons: list, probability: np.ndarray, floor: float) -> None:
    """Inside the article (its first to its last paragraph of prose), a line the classifier
    doubts but does not rule out is kept: list items, questions of an interview, lines of a
    hard-wrapped paragraph are short like menus but stand among the article's paragraphs."""
    prose = [i for i, line in enumerate(lines) if reasons[i] is None and is_prose(line)]
    for i in range(prose[0] + 1, prose[-1]) if prose else ():
        if reasons[i] is not None and reasons[i].startswith("line classifier") and probability[i] >= floor:
            reasons[i] = None


def _keep_subheadings(lines: list[str], reasons: list) -> None:
    """A short heading between two paragraphs of the article is one of its subheadings."""
    for i in range(1, len(lines) - 1):
        if reasons[i] is not None and reasons[i].startswith("line classifier") \
                and reasons[i - 1] is None and reasons[i + 1] is None \
                and is_body(lines[i - 1]) and is_body(lines[i + 1]) \
                and is_heading(lines[i]) and n_words(lines[i]) <= SUBHEADING_WORDS:
            reasons[i] = None


def _cut_lists(lines: list[str], reasons: list, probability: np.ndarray) -> None:
    """A list heading after the article's last confident line of prose opens a sidebar that runs
    to the next line of prose the classifier keeps (the classifier alone may keep a teaser or a
    date of the list); one inside the article goes alone."""
    prose = [i for i, line in enumerate(lines) if reasons[i] is None and is_prose(line)]
    confident = [i for i in prose if probability[i] >= CONFIDENT] or prose
    if not confident:
        return
    after = next((i for i in range(confident[-1] + 1, len(lines)) if reasons[i] == "list heading"), None)
    if after is not None:
        reasons[after] = "sidebar"
        for j in range(after + 1, len(lines)):
            if reasons[j] is None and is_prose(lines[j]):
                return  # the article goes on after all
            if reasons[j] is None or reasons[j].startswith("line classifier"):
                reasons[j] = "sidebar"


