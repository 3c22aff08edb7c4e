"""Modality: speculative beats reported beats asserted (the rule is in the package docstring).
Each sentence is indexed once (clauses.SentenceIndex); a figure's modality reads only its
sentence's cues, source rows and hedge rows."""
from __future__ import annotations

import bisect

from ..context import DocContext
from .clauses import SentenceIndex, Span
from .numbers import WORD
from .referents import context_class
from .rules import Rules


def set_modality(ctx: DocContext, rows: list[dict], rules: Rules) -> None:
    """Set modality, source_type and (from context words) the class of every figure row."""
    text = ctx.text
    cues = [(m.start(), m.end(), m.group()) for m in rules.modality_cue.finditer(text)]
    cue_starts = [c[0] for c in cues]
    sentences = {s["sent_id"]: s for s in ctx.sentences}
    by_sentence: dict[int, list[dict]] = {}
    for row in rows:
        by_sentence.setdefault(row["sent_id"], []).append(row)
    for sent_id, figures in by_sentence.items():
        index = SentenceIndex(text, sentences[sent_id], cues, cue_starts, ctx.rows_in_sentence("sources", sent_id),
                              ctx.rows_in_sentence("hedges", sent_id), figures, rules)
        for row in figures:
            span, clause_start, clause_end = index.scope(row)
            context_class(text, row, clause_start, clause_end, rules)
            _modality(index, span, row, clause_start, clause_end)


def _modality(index: SentenceIndex, span: Span, row: dict, clause_start: int, clause_end: int) -> None:
    s_start, s_end = span.start, span.end
    sources = [s for s in index.sources if s_start <= s["start"] < s_end
               and index.attribution_covers(span, s["start"], row["start"])]
    modality = "reported" if sources else "asserted"
    modality = _cue_modality(index, span, row, clause_start, clause_end, modality)
    if modality != "speculative" and _hedged(index, span, row, sources, clause_start, clause_end):
        modality = "speculative"
    if sources:
        nearest = min(sources, key=lambda s: abs(s["start"] - row["start"]))
        row["source_type"] = nearest.get("source_type", "")
    row["modality"] = modality


def _cue_modality(index: SentenceIndex, span: Span, row: dict, clause_start: int, clause_end: int,
                  modality: str) -> str:
    """Cues of figure_modality: words inside a figure of the sentence ("nearly 1,100", "an
    estimated $14 million") are that figure's wording, not a cue for any figure."""
    text, rules = index.text, index.rules
    first = bisect.bisect_left(index.cue_starts, span.start)
    for start, end, cue in index.cues[first:]:
        if start >= span.end:
            break
        if end > span.end or index.in_figure(start, end):
            continue
        if cue[0].isupper() and start > span.start:
            continue  # "May", "Will", "Hope": a name or month mid-sentence, no cue
        kind, scope = rules.cue_modality[cue.lower()]
        in_scope = scope == "sentence" or clause_start <= start and end <= clause_end
        if in_scope and (kind == "speculative" or kind == "backshift"
                         and not after_reporting(text, span.start, start, index.reporting)):
            modality = "speculative"
        elif kind == "reported" and modality == "asserted" and index.attribution_covers(span, start, row["start"]):
            modality = "reported"
    return modality


def _hedged(index: SentenceIndex, span: Span, row: dict, sources: list[dict], clause_start: int,
            clause_end: int) -> bool:
    """Hedge rows (Hyland's list) make a figure speculative only when the cue is epistemic: a
    reporting verb ("reports indicate", "analysis suggests") introduces a source, and degree
    words ("largely", "nearly") say nothing about whether the figure is so; figure_modality.csv
    says which hedge words are `reported` or `none`, and a source row's own cue is attribution."""
    rules = index.rules
    source_cue_words = {w for s in sources for w in s.get("cue", "").lower().split()}
    for hedge in index.hedges:
        cue = hedge.get("cue", "").lower()
        if not span.start <= hedge["start"] < span.end or index.in_figure(hedge["start"], hedge["end"]) \
                or cue in source_cue_words \
                or rules.cue_modality.get(cue, ("speculative",))[0] not in ("speculative", "backshift"):
            continue
        if rules.cue_modality.get(cue, ("",))[0] == "backshift" \
                and after_reporting(index.text, span.start, hedge["start"], index.reporting):
            continue
        in_clause = clause_start <= hedge["start"] and hedge["end"] <= clause_end
        if hedge.get("kind") == "conditional" or (hedge.get("kind") == "hedge" and in_clause):
            return True
    return False


def after_reporting(text: str, s_start: int, at: int, reporting: set[str]) -> bool:
    """Whether the modal at `at` follows a reporting word with only a short subject between
    ("said it would", "said that the company would", "told reporters they would"): there "would"
    is reported speech's past of "will", a statement of plan, not speculation."""
    words = [w.group().lower() for w in WORD.finditer(text, max(s_start, at - 60), at)][-6:]
    for i in range(len(words) - 2, -1, -1):
        if words[i] in reporting:
            subject = words[i + 1:]
            subject = subject[1:] if subject[:1] == ["that"] else subject
            return 1 <= len(subject) <= 4 and all(w[0].isalpha() for w in subject)
    return False
