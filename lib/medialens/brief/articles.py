"""The brief's view of each article: the best and the worst sourced with the words that show it,
and the articles side by side with their own figures for the quantities they share.

- `sourcing_ends`: a sentence per article at either end of sourcing transparency (its title, its
  share of claims tied to named, accountable sources, how many attributions it has);
- `sourcing_evidence`: the words behind them, with their offsets: the attributions of the best
  sourced, the claim sentences with no source of the worst sourced;
- `article_table`: one row per article, its scores and, per quantity two or more articles give,
  its own figures as written, with how each is stated.

The extremes come from medialens.findings (ties named together, undefined shares set aside), the
numbers from prose.number; notebook 04 and index.html print these rows.
"""
from __future__ import annotations

import pandas as pd

from .. import findings
from ..prose import number
from ..sources import is_accountable, unsourced_claims
from .sources import percent

COLUMNS = ["order", "section", "statement", "doc_ids", "evidence"]
EVIDENCE_COLUMNS = ["verdict", "doc_id", "sent_id", "start", "end", "surface", "what"]
MEASURE = "share_claims_accountable"
TITLE_WIDTH = 60  # characters of a title shown beside its doc_id
FIGURES_SHOWN = 3  # an article's figures for one quantity shown in the side-by-side table


def short_title(title: str, width: int = TITLE_WIDTH) -> str:
    """A title cut at a word boundary to about `width` characters, with "…" where it was cut.

    >>> short_title("Ferry cancelled as gales hit the island for a third day running", 30)
    'Ferry cancelled as gales hit…'
    """
    title = " ".join(str(title).split())
    if len(title) <= width:
        return title
    # A word that ends right at `width` stays whole.
    cut = title[:width + 1].rsplit(" ", 1)[0] if " " in title[:width + 1] else title[:width]
    return cut.rstrip(" ,;:-") + "…"


def _ends(scores: pd.DataFrame) -> pd.DataFrame:
    """extremes() of sourcing transparency, or empty when fewer than two articles differ on it."""
    ends = findings.extremes(scores, MEASURE)
    if ends.empty or ends.value.nunique() < 2:
        return ends.iloc[0:0]
    return ends


def sourcing_ends(tables: dict[str, pd.DataFrame], width: int = TITLE_WIDTH) -> pd.DataFrame:
    """One sentence per article at either end of sourcing transparency (share_claims_accountable),
    best first. Columns: order, section ("best sourced", "worst sourced", or "sourcing ends" when
    fewer than two articles differ), statement, doc_ids, evidence (the values)."""
    scores = _scores(tables)
    titles = tables["documents"].set_index("doc_id").title.fillna("")
    ends = _ends(scores)
    rows = []
    if ends.empty:
        n = int(scores[MEASURE].notna().sum())
        rows.append({"section": "sourcing ends", "statement": f"{number(n)} article(s) with claim sentences, too "
                     "few with different sourcing transparency to name a best and a worst sourced.",
                     "doc_ids": "", "evidence": ""})
    for end in ends.itertuples():
        which = "Best" if end.end == "most" else "Worst"
        tie = f" (one of {number(end.n_tied)} tied)" if end.n_tied > 1 else ""
        row = scores.loc[end.doc_id]
        rows.append({"section": f"{which.lower()} sourced", "doc_ids": end.doc_id,
                     "statement": f"{which} sourced{tie}: {end.doc_id} (“{short_title(titles.get(end.doc_id, ''), width)}”), "
                                  f"{percent(end.value)} of its claim sentences tied to a named, accountable source; "
                                  f"{number(row.n_sources)} attribution{'s' if row.n_sources != 1 else ''}, "
                                  f"{percent(row.share_claims_sourced)} of its claim sentences with any source.",
                     "evidence": f"{MEASURE}={end.value:.3f}; n_sources={row.n_sources}"})
    table = pd.DataFrame(rows, columns=COLUMNS[1:])
    return table.assign(order=range(len(table)))[COLUMNS]


def sourcing_evidence(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The words behind sourcing_ends, in text order: for each best-sourced article its
    attributions, accountable ones first; for each worst-sourced article its claim sentences with
    no source. Columns: verdict ("best sourced", "worst sourced"), doc_id, sent_id, start, end
    (offsets into the cleaned text: text[start:end] == surface), surface, what (the source's type,
    or "unsourced claim")."""
    ends = _ends(_scores(tables))
    best = ends.doc_id[ends.end == "most"].tolist()
    worst = ends.doc_id[ends.end == "least"].tolist()
    sources = tables["sources"]
    found = sources[sources.doc_id.isin(best)].assign(
        verdict="best sourced", what=lambda t: t.source_type, _first=lambda t: ~is_accountable(t))
    found = found.sort_values(["doc_id", "_first", "start"])
    unsourced = unsourced_claims(tables) if worst else pd.DataFrame(columns=["doc_id", "sent_id", "start", "end", "text"])
    bare = unsourced[unsourced.doc_id.isin(worst)].rename(columns={"text": "surface"}).assign(
        verdict="worst sourced", what="unsourced claim")
    table = pd.concat([found.reindex(columns=EVIDENCE_COLUMNS), bare.reindex(columns=EVIDENCE_COLUMNS)],
                      ignore_index=True)
    return table.astype({"sent_id": int, "start": int, "end": int})


def article_figures(comparison) -> pd.DataFrame:
    """Per quantity two or more articles give and per article that gives it, the article's own
    figures as written. Columns: quantity, doc_id, n_figures, figures ("“1,301 deaths”
    (asserted); …", at most FIGURES_SHOWN, then "…"). Quantities in the comparison's order
    (each total followed by its breakdowns)."""
    groups = comparison.groups
    shared = groups.quantity[groups.compared].tolist()
    claims = comparison.claims[comparison.claims.quantity.isin(shared)]
    # One pass over the claims, in their order (a group per quantity and article took seconds on
    # a 200-article corpus).
    given: dict[str, dict[str, list[str]]] = {}
    for quantity, doc_id, surface, modality in zip(claims.quantity, claims.doc_id, claims.surface, claims.modality):
        given.setdefault(quantity, {}).setdefault(doc_id, []).append(f"“{surface}” ({modality})")
    rows = []
    for quantity in shared:
        for doc_id, figures in sorted(given.get(quantity, {}).items()):
            stated = list(dict.fromkeys(figures))
            more = " …" if len(stated) > FIGURES_SHOWN else ""
            rows.append({"quantity": quantity, "doc_id": doc_id, "n_figures": len(figures),
                         "figures": "; ".join(stated[:FIGURES_SHOWN]) + more})
    return pd.DataFrame(rows, columns=["quantity", "doc_id", "n_figures", "figures"])


def article_table(tables: dict[str, pd.DataFrame], comparison, width: int = TITLE_WIDTH) -> pd.DataFrame:
    """The articles side by side, one row per article (index doc_id, in doc_id order). Columns:
    title (cut to `width`), outlet, date, sourcing_transparency (share_claims_accountable),
    speculation (share_speculative), emotive_per_100_words, dominant_frame, then one column
    "figures: QUANTITY" per quantity two or more articles give (article_figures), empty where
    the article gives none."""
    documents = tables["documents"].set_index("doc_id").sort_index()
    scores = _scores(tables).reindex(documents.index)
    table = pd.DataFrame({
        "title": documents.title.fillna("").map(lambda t: short_title(t, width)),
        "outlet": documents.get("outlet", pd.Series("", index=documents.index)).fillna(""),
        "date": documents.get("date", pd.Series("", index=documents.index)).fillna(""),
        "sourcing_transparency": scores[MEASURE].round(3),
        "speculation": scores.share_speculative.round(3),
        "emotive_per_100_words": scores.emotive_per_100_words.round(2),
        "dominant_frame": scores.dominant_frame})
    own = article_figures(comparison)
    for quantity, rows in own.groupby("quantity", sort=False):
        table[f"figures: {quantity}"] = rows.set_index("doc_id").figures.reindex(table.index).fillna("")
    return table


def _scores(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    scores = tables["scores"]
    return scores.set_index("doc_id") if "doc_id" in scores.columns else scores
