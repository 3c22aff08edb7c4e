"""The brief's sentences about framing, in the order notebook 03 prints them (and notebook 04 can):

1. cues: how many frame cues and emotive terms the articles hold;
2. dominant: each article's dominant frame, counted, ties named;
3. frame: per frame, the article that carries it most and least;
4. mean: the frame most and least present across articles;
5. emotive: the most and least emotive article;
6. morality: the most morality-framed article, and how many carry no morality cue;
7. speculation: whether speculation and sourcing transparency go together across articles.

Every extreme comes from medialens.findings, every number from prose.number. `frame_statements`
returns one row per sentence with its evidence (doc_ids and values).
"""
from __future__ import annotations

import pandas as pd

from .. import findings
from ..frames import FRAMES
from ..prose import number
from .sources import percent

COLUMNS = ["order", "section", "statement", "doc_ids", "evidence"]


def _row(section: str, statement: str, doc_ids="", evidence="") -> dict:
    return {"section": section, "statement": statement, "doc_ids": doc_ids, "evidence": evidence}


def cue_rows(scores: pd.DataFrame, cues: pd.DataFrame, emotive: pd.DataFrame) -> list[dict]:
    """How many cues, and the dominant frames counted (ties named together)."""
    n_sentences = len(cues[["doc_id", "sent_id"]].drop_duplicates())
    rows = [_row("cues", f"{number(len(scores))} article(s), {number(len(cues))} frame cues in "
                         f"{number(n_sentences)} sentences, {number(len(emotive))} emotive terms.")]
    shares = scores[[f"share_frame_{f}" for f in FRAMES]]
    ties = int((shares.eq(shares.max(axis=1), axis=0).sum(axis=1).gt(1) & shares.max(axis=1).gt(0)).sum())
    dominant = scores.dominant_frame.value_counts()
    rows.append(_row("dominant", "Dominant frame: " + "; ".join(
        f"{frame} in {number(n)} article(s)" for frame, n in dominant.items())
        + f" ({number(ties)} article(s) with a tie, its frames named together).",
        evidence="; ".join(f"{d}: {f}" for d, f in scores.dominant_frame.items())))
    return rows


def per_frame_rows(scores: pd.DataFrame) -> list[dict]:
    """Per frame: where it is highest and lowest (share of body sentences)."""
    rows = []
    for frame in FRAMES:
        ends = findings.extremes(scores, f"share_frame_{frame}")
        most, high = findings.at_end(ends, "most")
        least, low = findings.at_end(ends, "least")
        if ends.empty or high == 0:
            statement = f"{frame}: no article has a cue of this frame in its body sentences."
        elif high == low:
            statement = f"{frame}: {percent(high)} of body sentences in every article."
        else:
            statement = f"{frame}: highest in {most} ({percent(high)} of body sentences), lowest in {least} ({percent(low)})."
        rows.append(_row("frame", statement, f"{most}; {least}" if high else "", f"{high:.3f}; {low:.3f}"))
    return rows


def across_rows(scores: pd.DataFrame) -> list[dict]:
    """The frame most and least present on average, the emotive ends and the morality ends."""
    mean = scores[[f"share_frame_{f}" for f in FRAMES]].mean().rename(
        lambda c: c.removeprefix("share_frame_")).sort_values(ascending=False)
    if not mean.iloc[0] > 0:
        rows = [_row("mean", "No article has a cue of any frame in its body sentences.")]
    else:
        rows = [_row("mean", f"Across articles, {mean.index[0]} cues appear in {percent(mean.iloc[0])} of body "
                             f"sentences on average, {mean.index[-1]} in {percent(mean.iloc[-1])}.",
                     evidence="; ".join(f"{f}={v:.3f}" for f, v in mean.items()))]
    ends = findings.extremes(scores, "emotive_per_100_words")
    most, most_value = findings.at_end(ends, "most")
    least, least_value = findings.at_end(ends, "least")
    rows.append(_row("emotive", "No article uses a term of the emotive lexicon." if not most_value > 0 else
                     f"Most emotive: {most} with {number(round(most_value, 1))} terms per 100 words; least: "
                     f"{least} with {number(round(least_value, 1))}.", f"{most}; {least}",
                     f"{most_value:.3f}; {least_value:.3f}"))
    moral, moral_value = findings.at_end(findings.extremes(scores, "share_frame_morality"), "most")
    none = int((scores.share_frame_morality == 0).sum())
    rows.append(_row("morality", "No article carries a morality cue." if not moral_value > 0 else
                     f"Most morality-framed: {moral} ({percent(moral_value)} of body sentences); "
                     f"{number(none)} article(s) carry no morality cue at all.", moral, f"{moral_value:.3f}"))
    return rows


def speculation_rows(scores: pd.DataFrame) -> list[dict]:
    """Whether the articles that speculate most also hide their sources (a correlation)."""
    correlation = scores.share_speculative.corr(scores.share_claims_accountable)
    if pd.isna(correlation):
        return [_row("speculation", "Speculation and sourcing transparency cannot be correlated here (fewer than "
                                    "two articles, or one of them is the same in every article).")]
    most, value = findings.at_end(findings.extremes(scores, "share_speculative"), "most")
    return [_row("speculation", f"Speculation and sourcing transparency correlate at r = {number(round(correlation, 2))} "
                                f"across the articles; the most speculative is {most} ({percent(value)} of sentences).",
                 most, f"r={correlation:.3f}")]


def frame_statements(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The brief's sentences about framing (see the module docstring), one row each: order,
    section (cues, dominant, frame, mean, emotive, morality, speculation), statement, doc_ids and
    evidence. Negated cues and terms ("not a tragedy") are not counted."""
    scores = tables["scores"].set_index("doc_id") if "doc_id" in tables["scores"] else tables["scores"]
    cues = tables["frames"][~tables["frames"].negated.astype(bool)]
    emotive = tables["emotive"][~tables["emotive"].negated.astype(bool)]
    rows = cue_rows(scores, cues, emotive) + per_frame_rows(scores) + across_rows(scores) + speculation_rows(scores)
    table = pd.DataFrame(rows, columns=COLUMNS[1:])
    return table.assign(order=range(len(table)))[COLUMNS]
