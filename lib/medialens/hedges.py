"""Hedges, boosters and conditionals: how firmly each sentence says what it says.

hedges.csv has one row per cue: a hedge withholds commitment ("may", "reportedly", "appears"),
a booster closes down doubt ("clearly", "undoubtedly", "confirmed"), a conditional makes a claim
depend on a condition, above all on verification ("if true", "should ... be confirmed", "if").
The categories are Hyland's hedges and boosters (Hyland 1998, "Hedging in Scientific Research
Articles"; 2005, "Metadiscourse", appendix lists), with a few news-specific additions; the word
lists are the JSONL files of data/hedges/ (README.md there). A fourth file, hedge_exceptions,
silences a cue where the word is something else ("in May", "military might", "asked if").

The scores here include `speculation`, the one column the framing analysis (frames.py) also
reads. Who is quoted is sources.py's job.
"""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .lexicons import read_patterns
from .sentences import pipeline

COLUMNS = {"hedges": ["doc_id", "sent_id", "start", "end", "cue", "kind"]}
KINDS = ["hedge", "booster", "conditional"]
# The lexicon names this module reads (override any with lexicons={"name": "file"}).
LEXICONS = ["hedges", "boosters", "conditionals", "hedge_exceptions"]
EXCEPTION = "none"  # label of hedge_exceptions patterns


class PatternSet:
    """spaCy-style JSONL patterns, matched fast. spaCy's Matcher runs every token through Python
    for each pattern, which cost more than tokenizing, so:
    - a pattern of plain words ({"LOWER": w} or {"LOWER": {"IN": [...]}} per token, "OP": "?"
      allowed; ORTH for punctuation such as "'s") is expanded to its phrases for one PhraseMatcher;
    - any other pattern ("should ... be confirmed") goes to a Matcher that is only run over the
      sentences holding a word its first token needs ("should"), found by a hash lookup."""

    def __init__(self, rows: list[dict]):
        vocab = pipeline().vocab
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.patterns = Matcher(vocab)
        anchors: set[int] = set()  # LOWER hashes a Matcher pattern can start with
        self.everywhere = False  # a Matcher pattern with no first word: run it on the whole Doc
        for row in rows:
            words = word_lists(row["pattern"])
            if words is not None:
                phrases = [[w for w in phrase if w] for phrase in itertools.product(*words)]
                self.phrases.add(row["label"], [Doc(vocab, words=p) for p in phrases if p])
                continue
            self.patterns.add(row["label"], [row["pattern"]])
            first = row["pattern"][0]
            value = first.get("LOWER", first.get("ORTH")) if first.get("OP") is None else None
            values = [value] if isinstance(value, str) else value.get("IN", []) if isinstance(value, dict) else []
            anchors.update(vocab.strings.add(str(v).lower()) for v in values)
            self.everywhere |= not values
        self.anchors = np.array(sorted(anchors), dtype=np.uint64)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(label hash, start token, end token) of every match."""
        found = list(self.phrases(doc))
        if not len(self.patterns):
            return found  # an empty Matcher warns on every call
        if self.everywhere:
            return found + list(self.patterns(doc))
        searched = set()
        for i in np.flatnonzero(np.isin(doc.to_array("LOWER"), self.anchors)):
            sentence = doc[int(i)].sent
            if sentence.start not in searched:
                searched.add(sentence.start)
                found += [(label, sentence.start + a, sentence.start + b) for label, a, b in self.patterns(sentence)]
        return found


def word_lists(pattern: list[dict]) -> list[list[str]] | None:
    """For a pattern of plain word tokens, the lower-cased words allowed at each position ("" for
    a token that may be left out); None for any other pattern."""
    words = []
    for token in pattern:
        keys = set(token) - {"OP"}
        if len(keys) != 1 or not keys <= {"LOWER", "ORTH"} or token.get("OP") not in (None, "?"):
            return None
        value = token[keys.pop()]
        allowed = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) and list(value) == ["IN"] else None
        if not allowed or any(str(w) != str(w).lower() for w in allowed) and "ORTH" in token:
            return None  # ORTH "May" is not the word "may"
        words.append([str(w).lower() for w in allowed] + ([""] if token.get("OP") == "?" else []))
    return words or None


class Tagger:
    """Finds hedge, booster and conditional cues in a Doc made by sentences.pipeline()."""

    def __init__(self, lexicons: dict[str, str] | None = None, spacy_model: str | None = None):
        # spacy_model is not needed: the cues are words and phrases.
        self.patterns = PatternSet([row for name in LEXICONS for row in read_patterns(name, lexicons)])

    def tag(self, doc: Doc, doc_id: str, found: dict) -> dict[str, list[dict]]:
        sentences = found["sentences"]
        if not sentences or len(doc) == 0:
            return {"hedges": []}
        strings = doc.vocab.strings
        spans = [Span(doc, start, end, label=strings[label]) for label, start, end in self.patterns(doc)]
        spans.sort(key=lambda span: span.label_ != EXCEPTION)  # on a tie of length, the exception wins
        # Longest match wins ("should ... be confirmed" over "should" and "confirmed"); an
        # exception that wins silences the words it covers.
        kept = [span for span in filter_spans(spans) if span.label_ != EXCEPTION]
        starts = np.array([s["start"] for s in sentences])
        rows = []
        for span in sorted(kept, key=lambda sp: sp.start):
            sentence = sentences[int(np.searchsorted(starts, span.start_char, "right") - 1)]
            rows.append({"doc_id": doc_id, "sent_id": sentence["sent_id"], "start": span.start_char,
                         "end": span.end_char, "cue": span.text, "kind": span.label_})
        return {"hedges": rows}


def score(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Hedging scorecard, one row per document (index doc_id). Columns:
    - n_hedges, n_boosters, n_conditionals: cues of each kind (headings included);
    - hedges_per_100_words = 100 * n_hedges / n_words; likewise boosters_per_100_words and
      conditionals_per_100_words (n_words from the documents table);
    - speculation = non-heading sentences with at least one hedge or conditional cue /
      non-heading sentences. This is the one speculation measure of the project: the framing
      analysis reads it too (its "hedged, modal or conditional" sentences are these, as the
      modal verbs may, might, could, would, should are in the hedges lexicon).
    NaN where the denominator is 0. No weights."""
    documents = tables["documents"].set_index("doc_id")
    hedges = tables["hedges"]
    counts = pd.crosstab(hedges.doc_id, hedges.kind).reindex(index=documents.index, columns=KINDS,
                                                              fill_value=0)
    scores = pd.DataFrame(index=documents.index)
    words = documents.n_words.astype(float).replace(0, np.nan)
    for kind in KINDS:
        scores[f"n_{kind}s"] = counts[kind].astype(int)
    for kind in KINDS:
        scores[f"{kind}s_per_100_words"] = 100 * counts[kind] / words
    sentences = tables["sentences"]
    body = sentences[~sentences.is_heading.astype(bool)]
    speculative = hedges[hedges.kind.isin(["hedge", "conditional"])][["doc_id", "sent_id"]].drop_duplicates()
    flagged = body.merge(speculative, on=["doc_id", "sent_id"]).groupby("doc_id").size()
    n_body = body.groupby("doc_id").size().reindex(documents.index, fill_value=0)
    scores["speculation"] = flagged.reindex(documents.index, fill_value=0) / n_body.replace(0, np.nan)
    scores.index.name = "doc_id"
    return scores


def speculative_sentences(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Non-heading sentences with a hedge or conditional cue (the numerator of `speculation`).
    Columns: doc_id, sent_id, text, cues (the cues joined by ' | ')."""
    sentences = tables["sentences"]
    hedges = tables["hedges"]
    cues = hedges[hedges.kind.isin(["hedge", "conditional"])].groupby(["doc_id", "sent_id"]).cue \
        .agg(" | ".join).rename("cues").reset_index()
    body = sentences[~sentences.is_heading.astype(bool)]
    return body.merge(cues, on=["doc_id", "sent_id"])[["doc_id", "sent_id", "text", "cues"]] \
        .sort_values(["doc_id", "sent_id"]).reset_index(drop=True)
