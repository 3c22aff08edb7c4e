"""The framing plots of notebook 03: the frame heatmap, emotive terms, speculation against
sourcing, and actor prominence. Each function takes tidy tables (scores with doc_id as index, the
emotive rows, the tagged tables) and returns (matplotlib figure, the table behind it)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..frames import FRAMES, actor_prominence as rank_actors
from ..palette import COLOURS
from ..prose import number
from .bars import barh

LABEL_CHARACTERS = 70  # an emotive bar's word list is cut after this many characters


def frame_heatmap(scores: pd.DataFrame):
    """Per article (rows) and frame (columns), the share of body sentences carrying the frame.

    Table: doc_id and one column per frame of FRAMES, the share (0 to 1; NaN for a headline only)."""
    heat = scores[[f"share_frame_{f}" for f in FRAMES]].rename(columns=lambda c: c.removeprefix("share_frame_"))
    values = heat.to_numpy(dtype=float)
    top = max(np.nanmax(values) if np.isfinite(values).any() else 0, 0.01)
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(heat) + 1.5))
    image = ax.imshow(values, cmap="Purples", vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(len(heat.columns)), heat.columns, rotation=20)
    ax.set_yticks(range(len(heat)), heat.index)
    for (i, j), value in np.ndenumerate(values):
        label = "n/a" if np.isnan(value) else number(round(100 * value), "%")
        ax.text(j, i, label, ha="center", va="center", fontsize=8,
                color="white" if value > 0.6 * top else "black")
    ax.set_xlabel("frame (Semetko & Valkenburg 2000)")
    ax.set_ylabel("article")
    ax.set_title("Share of body sentences carrying each frame")
    fig.colorbar(image, ax=ax, label="share of body sentences")
    return fig, heat.reset_index()


def emotive_table(scores: pd.DataFrame, emotive: pd.DataFrame) -> pd.DataFrame:
    """Per article (index doc_id): emotive_per_100_words, terms (counted), words (each counted term
    with its count), and "negated, not counted" (the negated ones), most emotive first."""
    counted = emotive[~emotive.negated.astype(bool)]
    words = counted.groupby("doc_id").cue.agg(
        lambda s: ", ".join(f"{t} ({n})" if n > 1 else t for t, n in s.value_counts().items()))
    negated = emotive[emotive.negated.astype(bool)].groupby("doc_id").cue.agg(", ".join)
    table = pd.DataFrame({"emotive_per_100_words": scores.emotive_per_100_words.round(2),
                          "terms": counted.groupby("doc_id").size().reindex(scores.index, fill_value=0),
                          "words": words.reindex(scores.index, fill_value=""),
                          "negated, not counted": negated.reindex(scores.index, fill_value="")})
    return table.sort_values(["emotive_per_100_words", "terms"], ascending=False)


def emotive_terms(scores: pd.DataFrame, emotive: pd.DataFrame):
    """A bar per article, its emotive terms per 100 words, with the words themselves beside it.

    Table: emotive_table's columns with doc_id, least emotive first (the bars' order)."""
    ordered = emotive_table(scores, emotive).sort_values("emotive_per_100_words")
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(ordered) + 1.2))
    barh(ax, range(len(ordered)), ordered.emotive_per_100_words, color=COLOURS["emotive"])
    ax.set_yticks(range(len(ordered)), ordered.index)
    for y, (value, words) in enumerate(zip(ordered.emotive_per_100_words, ordered.words)):
        cut = words if len(words) <= LABEL_CHARACTERS else words[:LABEL_CHARACTERS - 3] + "..."
        ax.text(0 if np.isnan(value) else value, y, "  " + cut, va="center", fontsize=7)
    ax.set_xlim(0, max(ordered.emotive_per_100_words.max(), 0.1) * 2.6)
    ax.set_xlabel("emotive terms per 100 words")
    ax.set_ylabel("article")
    ax.set_title("Loaded and emotive language, with the words themselves")
    return fig, ordered.reset_index()


def speculation_vs_sourcing(scores: pd.DataFrame):
    """One point per article: speculation (share of hedged, modal or conditional sentences) against
    sourcing transparency (share of claims with an accountable source).

    Table: doc_id, share_speculative, share_claims_accountable."""
    trust = scores[["share_speculative", "share_claims_accountable"]].reset_index()
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    ax.scatter(trust.share_speculative, trust.share_claims_accountable, color=COLOURS["measure"])
    for row in trust.itertuples():
        ax.annotate(row.doc_id, (row.share_speculative, row.share_claims_accountable), fontsize=7,
                    xytext=(4, 3), textcoords="offset points")
    ax.set_xlabel("speculation: share of hedged, modal or conditional sentences")
    ax.set_ylabel("sourcing transparency: share of claims with an accountable source")
    ax.set_title("Speculation against sourcing transparency, one point per article")
    return fig, trust


def actor_prominence(tables: dict[str, pd.DataFrame], top: int = 10):
    """The `top` actors that act most (frames.actor_prominence: articles where they act, then
    acting mentions), each bar its acting mentions with the share that are a clause's subject.

    Table: frames.actor_prominence's columns for the actors drawn (actor, kind, articles, mentions,
    as_subject, as_source, first_in, speaks)."""
    ranking = rank_actors(tables).head(top)
    fig, ax = plt.subplots(figsize=(7, 0.45 * max(len(ranking), 1) + 1.2))
    if ranking.empty:
        ax.set(title="No actor acts in these articles", xticks=[], yticks=[])
        return fig, ranking
    names = [f"{actor} ({kind})" for actor, kind in zip(ranking.actor, ranking.kind)][::-1]
    ax.barh(names, ranking.mentions[::-1], color=COLOURS["actor: mentioned"], label="acts (speaks or is a subject)")
    ax.barh(names, ranking.as_subject[::-1], color=COLOURS["actor: subject"], label="as subject of a clause")
    ax.set_xlabel("acting mentions in all articles")
    ax.set_ylabel("actor (kind)")
    ax.set_title("Who acts: ranked by articles, then acting mentions")
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig, ranking
