"""Modality: speculative beats reported beats asserted (the rule is in the package docstring).

Each sentence is indexed once (clauses.SentenceIndex) and what its cues say is worked out once
per sentence (SpanCues): which cues make every figure of it speculative, which only the figures
of their clause (cached per clause), and where the attributions stand. A figure then asks by
binary search, so a sentence of a thousand figures costs a thousand look-ups, not a million."""
from __future__ import annotations

import bisect

from ..context import DocContext
from .clauses import SentenceIndex, Span
from .numbers import WORD
from . import occasions
from .article_passes import settle_bare_nouns, settle_feared_increments, settle_restated
from .quantities import set_quantity
from .referents import context_class
from .view import FigureView, Story
from .rules import Rules


def set_modality(ctx: DocContext, rows: list[dict], rules: Rules) -> None:
    """Set modality, source_type, the slots and quantity and (from context words) the class of every figure row."""
    text = ctx.text
    cues = [(s, e, text[s:e]) for s, e in rules.modality_cue.spans(text, ctx.lowered)]
    cue_starts = [c[0] for c in cues]
    sentences = {s["sent_id"]: s for s in ctx.sentences}
    by_sentence: dict[int, list[dict]] = {}
    for row in rows:
        by_sentence.setdefault(row["sent_id"], []).append(row)
    # The story's setting (places of the headline and the lede narrow nothing) and year, once.
    story = Story.of(ctx.sentences, getattr(ctx, "date", "") or "")
    recent: list[dict] = []
    by_value: dict[float, dict] = {}  # the last figure of each value with a measure ("we've got 89 so far")
    for sent_id, figures in by_sentence.items():
        sentence = sentences[sent_id]
        index = SentenceIndex(text, sentence, cues, cue_starts, ctx.rows_in_sentence("sources", sent_id),
                              ctx.rows_in_sentence("hedges", sent_id), figures, rules)
        views: dict[int, SpanCues] = {}
        facts: dict = {}  # what the slot rules find in the whole sentence, found once
        for row in figures:
            span, clause_start, clause_end = index.scope(row)
            context_class(text, row, clause_start, clause_end, rules)
            recent = [r for r in recent[-5:] if sent_id - r["sent_id"] <= 1]
            row["_same_value"] = by_value.get(row["value"])
            clause = (clause_start, clause_end, sentence["start"], sentence["end"])
            set_quantity(FigureView(text, row, clause, story, recent, rules, figures, facts))
            recent.append(row)
            if row["measure"]:
                by_value[row["value"]] = row
            view = views.get(id(span)) or views.setdefault(id(span), SpanCues(index, span))
            view.set(row, clause_start, clause_end)
    settle_bare_nouns(rows, rules)
    settle_restated(rows)
    settle_feared_increments(rows, rules.quantities)
    occasions.in_article(rows, story.date, rules.quantities.occasion)


class Attributions:
    """Sources or reporting cues of one span, sorted by offset, with where each one's
    coordinated clause opens (attribution_covers, answered by bisection)."""

    def __init__(self, index: SentenceIndex, span: Span, items: list[tuple[int, object]]):
        self.span = span
        self.items = sorted(items, key=lambda item: item[0])
        self.starts = [at for at, _ in self.items]
        self.opening = []
        for at, _ in self.items:
            opening = span.opening_before(at)
            coordinated = opening > span.start and (index.text[opening - 1] == ";"
                                                    or index.rules.coordinator.match(index.text, opening))
            self.opening.append(opening if coordinated else None)  # None: covers the whole span
        self.free = [k for k, opening in enumerate(self.opening) if opening is None]

    def covering(self, figure_start: int) -> list[object]:
        """The nearest covering item before the figure and the nearest after it (0 to 2 items)."""
        out = []
        k = bisect.bisect_left(self.starts, figure_start)
        if k:
            # One before the figure covers it unless a contrast stands between them.
            c = bisect.bisect_right(self.span.contrast_ends, figure_start) - 1
            if c < 0 or self.starts[k - 1] > self.span.contrast_starts[c]:
                out.append(self.items[k - 1])
        if k < len(self.items):
            if self.opening[k] is None or self.opening[k] <= figure_start:
                out.append(self.items[k])
            else:
                f = bisect.bisect_left(self.free, k)
                if f < len(self.free):
                    out.append(self.items[self.free[f]])
        return out


class SpanCues:
    """What the cues and hedges of one span (a sentence, or an aside) say, found once."""

    def __init__(self, index: SentenceIndex, span: Span):
        self.index, self.span = index, span
        rules, text = index.rules, index.text
        self.speculative_everywhere = False
        self.clause_cues: list[tuple[int, int]] = []  # speculative in their clause
        reported: list[tuple[int, object]] = []
        first = bisect.bisect_left(index.cue_starts, span.start)
        for start, end, cue in index.cues[first:]:
            if start >= span.end:
                break
            # Words inside a figure ("nearly 1,100", "an estimated $14 million") are that
            # figure's wording; "May", "Will", "Hope" mid-sentence are a name or a month.
            if end > span.end or index.in_figure(start, end) or (cue[0].isupper() and start > span.start):
                continue
            kind, scope = rules.cue_modality[cue.lower()]
            if kind == "speculative" or kind == "backshift" and not after_reporting(text, span.start, start, index.reporting,
                                                                                  rules.subordinators):
                if scope == "sentence":
                    self.speculative_everywhere = True
                else:
                    self.clause_cues.append((start, end))
            elif kind == "reported":
                reported.append((start, None))
        sources = [(s["start"], s) for s in index.sources if span.start <= s["start"] < span.end]
        self.sources = Attributions(index, span, sources)
        self.reported = Attributions(index, span, reported)
        self._hedges(index, span, {w for _, s in sources for w in s.get("cue", "").lower().split()})
        self.clause_starts = [s for s, _ in self.clause_cues]
        self._clauses: dict[tuple[int, int], bool] = {}

    def _hedges(self, index: SentenceIndex, span: Span, source_cue_words: set[str]) -> None:
        """Hedge rows (Hyland's list) make a figure speculative only when the cue is epistemic: a
        reporting verb ("reports indicate", "analysis suggests") introduces a source, and degree
        words ("largely", "nearly") say nothing about whether the figure is so; figure_modality.csv
        says which hedge words are `reported` or `none`, and a source's own cue is attribution.
        A conditional bears on the whole sentence, a hedge on its clause."""
        rules = index.rules
        for hedge in index.hedges:
            cue = hedge.get("cue", "").lower()
            kind = rules.cue_modality.get(cue, ("speculative",))[0]
            if not span.start <= hedge["start"] < span.end or index.in_figure(hedge["start"], hedge["end"]) \
                    or cue in source_cue_words or kind not in ("speculative", "backshift"):
                continue
            if kind == "backshift" and after_reporting(index.text, span.start, hedge["start"], index.reporting,
                                                      index.rules.subordinators):
                continue
            if hedge.get("kind") == "conditional":
                self.speculative_everywhere = True
            elif hedge.get("kind") == "hedge":
                self.clause_cues.append((hedge["start"], hedge["end"]))
        self.clause_cues.sort()

    def _clause_speculative(self, clause_start: int, clause_end: int) -> bool:
        key = (clause_start, clause_end)
        if key not in self._clauses:
            found, k = False, bisect.bisect_left(self.clause_starts, clause_start)
            while not found and k < len(self.clause_cues) and self.clause_cues[k][0] < clause_end:
                found, k = self.clause_cues[k][1] <= clause_end, k + 1
            self._clauses[key] = found
        return self._clauses[key]

    def set(self, row: dict, clause_start: int, clause_end: int) -> None:
        sources = self.sources.covering(row["start"])
        if self.speculative_everywhere or self._clause_speculative(clause_start, clause_end):
            row["modality"] = "speculative"
        elif sources or self.reported.covering(row["start"]):
            row["modality"] = "reported"
        else:
            row["modality"] = "asserted"
        if sources:
            nearest = min(sources, key=lambda item: abs(item[0] - row["start"]))[1]
            row["source_type"] = nearest.get("source_type", "")


def after_reporting(text: str, s_start: int, at: int, reporting: set[str], subordinators: frozenset[str]) -> bool:
    """Whether the modal at `at` follows a reporting word with only a short subject between
    ("said it would", "said that the company would", "told reporters they would"): there "would"
    is reported speech's past of "will", a statement of plan, not speculation."""
    words = [w.lower() for w in WORD.findall(text, max(s_start, at - 60), at)][-6:]
    for i in range(len(words) - 2, -1, -1):
        if words[i] in reporting:
            subject = words[i + 1:]
            subject = subject[1:] if subject[:1] and subject[0] in subordinators else subject
            return 1 <= len(subject) <= 4 and all(w[0].isalpha() for w in subject)
    return False
