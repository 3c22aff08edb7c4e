"""A per-sentence index of what modality and referents read: clause breaks, contrasts,
attribution breaks, relative asides, modality cues, source and hedge rows, and figure spans.
Built once per sentence; every question about a figure is a binary search in it, so tagging
stays linear in the article's length (issue 16: rescanning the document for every figure made
a 24 KB article take 79 s)."""
from __future__ import annotations

import bisect
import re

from .numbers import overlap_test
from .rules import Rules



class Span:
    """The break positions of one stretch of text (a sentence, or an aside inside one)."""

    def __init__(self, text: str, start: int, end: int, rules: Rules):
        self.start, self.end = start, end
        breaks = [(m.start(), m.end()) for m in rules.clause_break.finditer(text, start, end)]
        self.break_starts = [s for s, _ in breaks]
        self.break_ends = sorted(e for _, e in breaks)
        contrasts = [(m.start(), m.end()) for m in rules.contrast.finditer(text, start, end)]
        self.contrast_starts = [s for s, _ in contrasts]
        self.contrast_ends = [e for _, e in contrasts]
        self.attribution_ends = [m.end() for m in rules.attribution_break.finditer(text, start, end)]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the clause holding the span start..end."""
        k = bisect.bisect_right(self.break_ends, start)
        clause_start = self.break_ends[k - 1] if k else self.start
        k = bisect.bisect_left(self.break_starts, end)
        clause_end = self.break_starts[k] if k < len(self.break_starts) else self.end
        return clause_start, clause_end

    def contrast_between(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.contrast_starts, start)
        return k < len(self.contrast_starts) and self.contrast_ends[k] <= end

    def opening_before(self, at: int) -> int:
        """Where the comma- or semicolon-delimited part holding `at` opens."""
        k = bisect.bisect_right(self.attribution_ends, at)
        return self.attribution_ends[k - 1] if k else self.start


class SentenceIndex:
    """What the figures of one sentence need to know about it, found once."""

    def __init__(self, text: str, sentence: dict, cues: list, cue_starts: list[int],
                 sources: list[dict], hedges: list[dict], figures: list[dict], rules: Rules):
        self.text, self.rules = text, rules
        self.span = Span(text, sentence["start"], sentence["end"], rules)
        self.asides = [(m.start(), m.end()) for m in rules.relative_aside.finditer(text, sentence["start"], sentence["end"])]
        first = bisect.bisect_left(cue_starts, sentence["start"])
        last = bisect.bisect_left(cue_starts, sentence["end"])
        self.cues = cues[first:last]
        self.cue_starts = cue_starts[first:last]
        self.sources, self.hedges = sources, hedges
        self.in_figure = overlap_test([(r["start"], r["end"]) for r in figures])
        self.reporting = rules.reporting_words | {w for s in sources for w in s.get("cue", "").lower().split()}
        self._aside_spans: dict[tuple[int, int], Span] = {}

    def scope(self, row: dict) -> tuple[Span, int, int]:
        """(the stretch whose cues bear on the figure, clause start, clause end). A figure in a
        non-restrictive relative clause (", which serves some 9 million customers,") is the
        writer's aside: only cues inside that clause bear on it."""
        span = self.span
        for start, end in self.asides:
            if start < row["start"] and row["end"] < end:
                if (start, end) not in self._aside_spans:
                    self._aside_spans[start, end] = Span(self.text, start + 1, end - 1, self.rules)
                span = self._aside_spans[start, end]
        clause_start, clause_end = span.clause(row["start"], row["end"])
        return span, clause_start, self._coordinated_report(span, row, clause_end)

    def _coordinated_report(self, span: Span, row: dict, clause_end: int) -> int:
        """A coordinated reporting verb opens a clause of its own: in "irregularities at some 200
        polling stations and said 50,000 votes may have been counted twice" the "may" is not 200's."""
        k = bisect.bisect_left(self.cue_starts, row["end"])
        for start, end, cue in self.cues[k:]:
            if start >= clause_end:
                break
            if self.rules.cue_modality[cue.lower()][0] == "reported" \
                    and self.rules.coordinator_before.search(self.text, max(span.start, start - 6), start):
                return start
        return clause_end

    def attribution_covers(self, span: Span, at: int, figure_start: int) -> bool:
        """Whether a source or reporting cue at offset `at` covers a figure of its sentence. It
        covers the whole sentence ("..., and 112 people have died, the WHO said"), unless it
        stands in a coordinated clause of its own (", and its leader told supporters that ..."):
        then only what follows that clause's start. It never reaches past a contrast after it."""
        if at < figure_start and span.contrast_between(at, figure_start):
            return False
        opening = span.opening_before(at)
        if opening > span.start and (self.text[opening - 1] == ";" or self.rules.coordinator.match(self.text, opening)):
            return figure_start >= opening
        return True
