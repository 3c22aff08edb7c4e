"""Bring your own articles: the three analyses and a short brief on a learner's folder, each part
a table or a sentence; without spaCy (no tagging on this machine) each part says so in one
sentence and the notebook still runs to its end on the kit's own articles."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .kit import ARTICLES, Kit, can_tag

NO_TAGGER = ("Tagging your own articles needs spaCy, which this machine does not have (see the setup page); "
             "below are the workshop's own articles, from the kit's precomputed tables.")


def load_own(folder) -> tuple[Kit, str]:
    """The tagged tables of the articles in `folder` (the kit's articles when it is empty or
    this machine cannot tag), and a sentence saying which."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    mine = [p for p in folder.iterdir() if not p.name.startswith(".")]
    if mine and can_tag():
        return Kit.load(corpus=folder), f"{len(mine)} file(s) in {folder.name}/, tagged here."
    if mine:
        return Kit.load(), NO_TAGGER
    return Kit.load(), f"{folder.name}/ is empty: using the workshop's articles ({', '.join(sorted(p.stem for p in ARTICLES.glob('*.txt')))})."


def in_short(tables: dict[str, pd.DataFrame]) -> list[str]:
    """The brief's sentences: best and least sourced, most hedged, dominant frames, figures.
    Each verdict comes from medialens.findings, as in the full reports (ties named together)."""
    from .. import findings  # the findings layer reads the sources package, which needs spaCy

    scores, figures = tables["scores"], tables["figures"]
    titles = tables["documents"].set_index("doc_id").title.str.slice(0, 60)

    def at(measure, end):
        names, value = findings.at_end(findings.extremes(scores, measure), end)
        return names + (f" ({titles.get(names, '')})" if names in titles else ""), value

    lines = []
    if scores.share_claims_accountable.nunique() >= 2:
        (best, high), (worst, low) = at("share_claims_accountable", "most"), at("share_claims_accountable", "least")
        lines.append(f"Best sourced: {best} ({high:.0%} of claims from accountable sources); least: {worst} ({low:.0%}).")
    hedged, value = at("share_speculative", "most")
    lines.append(f"Most hedged: {hedged} ({value:.0%} of sentences hedged or conditional).")
    frames = scores.dominant_frame.value_counts()
    lines.append("Dominant frames: " + ", ".join(f"{frame} in {n}" for frame, n in frames.items()) + ".")
    lines.append(f"{len(figures)} figures in {figures.doc_id.nunique()} articles, "
                 f"{(figures.modality == 'speculative').sum()} of them speculative.")
    return lines


def brief_sentences(kit: Kit) -> list[str]:
    """in_short where this machine can run the findings layer; else one sentence why not."""
    if not can_tag():
        return ["The short brief uses the full library, which needs spaCy; the tables above are the whole answer here."]
    return in_short(kit.tables)
