"""Hedges, boosters, conditionals and weasel wording: how firmly each sentence says what it says.

hedges.csv has one row per cue: a hedge withholds commitment ("may", "reportedly", "appears"),
a booster closes down doubt ("clearly", "undoubtedly", "confirmed"), a conditional makes a claim
depend on a condition, above all on verification ("if true", "should ... be confirmed", "if"),
and a weasel credits a claim to nobody in particular or to a vague many ("some have argued",
"is widely regarded", "one of the most", "critics"). The categories are Hyland's hedges and
boosters (Hyland 1998, "Hedging in Scientific Research Articles"; 2005, "Metadiscourse") and, for
weasels, Wikipedia's Manual of Style (words to watch) and the CoNLL-2010 weasel cues (Farkas et
al. 2010); the word lists are the JSONL files of data/hedges/ (README.md there). Two files of
exceptions silence a cue where the word is something else: hedge_exceptions ("in May", "military
might", "asked if") and not_uncertain, readings that are not uncertainty, each with its reason
("visitors may enter", "appeared in the film", "approximately 200", "would later become").

The scores here include `share_speculative`, the one column the framing analysis (frames/) also
reads: hedged, modal or conditional sentences, weasels left out (they are counted on their own,
n_weasels and weasels_per_100_words, as unaccountable sourcing). Who is quoted is sources.py's job.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .context import DocContext
from .patterns import PatternSet
from .shares import per_100_words, share

READS = ["sentences"]  # tables of earlier taggers this one needs
COLUMNS = {"hedges": ["doc_id", "sent_id", "start", "end", "surface", "cue", "kind"]}
KINDS = ["hedge", "booster", "conditional", "weasel"]
# The lexicon names this module reads (override any with lexicons={"name": "file"}).
LEXICONS = ["hedges", "boosters", "conditionals", "weasels", "hedge_exceptions", "not_uncertain"]
EXCEPTION = "none"  # label of hedge_exceptions and not_uncertain patterns


class Tagger:
    """Finds hedge, booster, conditional and weasel cues in a Doc made by sentences.pipeline()."""

    def __init__(self, lexicons: dict[str, str] | None = None, spacy_model: str | None = None):
        # spacy_model is not needed: the cues are words and phrases.
        self.patterns = PatternSet(LEXICONS, lexicons)

    def tag(self, ctx: DocContext) -> dict[str, list[dict]]:
        doc, doc_id, sentences = ctx.doc, ctx.doc_id, ctx.sentences
        if not sentences or len(doc) == 0:
            return {"hedges": []}
        from spacy.util import filter_spans

        spans = self.patterns.found(ctx)
        spans.sort(key=lambda span: span.label_ != EXCEPTION)  # on a tie of length, the exception wins
        # Longest match wins ("should ... be confirmed" over "should" and "confirmed"); an
        # exception that wins silences the words it covers.
        kept = [span for span in filter_spans(spans) if span.label_ != EXCEPTION]
        starts = np.array([s["start"] for s in sentences])
        rows = []
        text = ctx.text  # Span.text is this slice, made from Tokens
        for span in sorted(kept, key=lambda sp: sp.start):
            sentence = sentences[int(np.searchsorted(starts, span.start_char, "right") - 1)]
            surface = text[span.start_char:span.end_char]
            rows.append({"doc_id": doc_id, "sent_id": sentence["sent_id"], "start": span.start_char,
                         "end": span.end_char, "surface": surface, "cue": surface.lower(),
                         "kind": span.label_})
        return {"hedges": rows}


def score(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Hedging scorecard, one row per document (index doc_id). Columns:
    - n_hedges, n_boosters, n_conditionals, n_weasels: cues of each kind (headings included);
    - hedges_per_100_words = 100 * n_hedges / n_words; likewise boosters_per_100_words,
      conditionals_per_100_words and weasels_per_100_words (n_words from the documents table);
    - share_speculative = non-heading sentences with at least one hedge or conditional cue /
      non-heading sentences. This is the one speculation measure of the project: the framing
      analysis reads it too (its "hedged, modal or conditional" sentences are these, as the
      modal verbs may, might, could, would, should are in the hedges lexicon). Weasels are not
      in it: a claim credited to "some critics" is unaccountable, not speculative, and on our
      own articles counting them ranked speculation worse (tests/test_hedges.py).
    NaN where the denominator is 0. No weights."""
    documents = tables["documents"].set_index("doc_id")
    hedges = tables["hedges"]
    # groupby, not pd.crosstab: the same counts (NaN keys dropped, int64) in a quarter of the time.
    counts = hedges.groupby(["doc_id", "kind"]).size().unstack(fill_value=0).reindex(
        index=documents.index, columns=KINDS, fill_value=0)
    scores = pd.DataFrame(index=documents.index)
    words = documents.n_words.astype(float)
    for kind in KINDS:
        scores[f"n_{kind}s"] = counts[kind].astype(int)
    for kind in KINDS:
        scores[f"{kind}s_per_100_words"] = per_100_words(counts[kind], words)
    sentences = tables["sentences"]
    body = sentences[~sentences.is_heading.astype(bool)]
    speculative = hedges[hedges.kind.isin(["hedge", "conditional"])][["doc_id", "sent_id"]].drop_duplicates()
    flagged = body.merge(speculative, on=["doc_id", "sent_id"]).groupby("doc_id").size()
    n_body = body.groupby("doc_id").size().reindex(documents.index, fill_value=0)
    scores["share_speculative"] = share(flagged.reindex(documents.index, fill_value=0), n_body)
    scores.index.name = "doc_id"
    return scores


def speculative_sentences(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Non-heading sentences with a hedge or conditional cue (the numerator of `share_speculative`).
    Columns: doc_id, sent_id, text, cues (the cues joined by ' | ')."""
    sentences = tables["sentences"]
    hedges = tables["hedges"]
    cues = hedges[hedges.kind.isin(["hedge", "conditional"])].groupby(["doc_id", "sent_id"]).cue \
        .agg(" | ".join).rename("cues").reset_index()
    body = sentences[~sentences.is_heading.astype(bool)]
    return body.merge(cues, on=["doc_id", "sent_id"])[["doc_id", "sent_id", "text", "cues"]] \
        .sort_values(["doc_id", "sent_id"]).reset_index(drop=True)
