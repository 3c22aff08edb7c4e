"""The sourcing scorecard and claim sentences: which sentences assert something a reader could
check, whether a source (an accountable one) covers them, and per-article shares."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..shares import share
from .tagger import quotations

SOURCE_TYPES = ["named_person", "named_org", "unnamed_official", "anonymous", "media", "vague"]
ACCOUNTABLE_TYPES = ("named_person", "named_org")  # plus media with a name, see is_accountable


def is_accountable(sources: pd.DataFrame) -> pd.Series:
    """A source a reader could hold to account: a named person, a named organisation, or a
    media outlet named ("Reuters", not "local media")."""
    named_media = (sources.source_type == "media") & sources.name.fillna("").astype(str).str.len().gt(0)
    return sources.source_type.isin(ACCOUNTABLE_TYPES) | named_media


def claim_sentences(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per claim sentence: a sentence that is not a heading and not a question (it
    asserts something a reader could check). Columns: doc_id, sent_id, start, end, text,
    sourced (a source row is in the sentence, or the sentence sits inside a quotation of at
    least QUOTE_MIN_WORDS words that a sourced sentence of the same article overlaps, or opens
    with a quotation right after a sourced sentence that quotes: see continue_quotations),
    accountable (the same, counting only accountable sources)."""
    sentences = tables["sentences"]
    claims = sentences[~sentences.is_heading.astype(bool)
                       & ~sentences.text.astype(str).str.rstrip(" \"”’'").str.endswith("?")].copy()
    sources = tables["sources"].assign(accountable=lambda s: is_accountable(s))
    keys = ["doc_id", "sent_id"]
    by_sentence = sources.groupby(keys).accountable.agg(["size", "any"]).reset_index()
    claims = claims.merge(by_sentence, on=keys, how="left")
    claims["sourced"] = claims["size"].fillna(0).gt(0)
    claims["accountable"] = claims["any"].fillna(False).astype(bool)
    claims = claims.drop(columns=["size", "any"])
    # A quotation spanning several sentences is sourced wherever one of its sentences is.
    # numpy per document, the columns read once and written back once: pandas indexing per
    # document (iloc, a Series lookup per text) was two thirds of this function.
    texts = dict(zip(tables["documents"].doc_id, tables["documents"].text))
    starts_all, ends_all, sent_ids = claims.start.to_numpy(), claims.end.to_numpy(), claims.sent_id.to_numpy()
    flags = {flag: claims[flag].to_numpy().copy() for flag in ("sourced", "accountable")}
    for doc_id, rows in claims.groupby("doc_id", sort=False).indices.items():
        quotes = quotations(str(texts.get(doc_id, "")))
        if not quotes:
            continue
        # Sentences in text order do not overlap, so the sentences a quotation overlaps are one
        # run found by binary search: the loop is linear in the sentences plus the quotations.
        rows = rows[np.argsort(starts_all[rows], kind="stable")]
        starts, ends = starts_all[rows], ends_all[rows]
        spanned = {}
        for flag, column in flags.items():
            values = column[rows]  # a copy (fancy indexing)
            for quote_start, quote_end in quotes:
                lo = int(np.searchsorted(ends, quote_start, side="right"))
                hi = int(np.searchsorted(starts, quote_end, side="left"))
                if values[lo:hi].any():
                    values[lo:hi] = True
            spanned[flag] = values
        continue_quotations(sent_ids[rows], starts, ends, quotes, spanned)
        for flag, values in spanned.items():
            flags[flag][rows] = values
    claims["sourced"], claims["accountable"] = flags["sourced"], flags["accountable"]
    return claims[["doc_id", "sent_id", "start", "end", "text", "sourced", "accountable"]]


def continue_quotations(sent_ids, starts, ends, quotes, flags: dict) -> None:
    """A sentence that opens with a quotation and has no source of its own, right after a sourced
    sentence that quotes, goes on quoting the same speaker (news gives a quotation running over
    several paragraphs its attribution once): it takes that sentence's flags, in place."""
    opening = {start for start, _ in quotes}
    quoted = np.zeros(len(starts), dtype=bool)
    for quote_start, quote_end in quotes:
        lo = int(np.searchsorted(ends, quote_start, side="right"))
        hi = int(np.searchsorted(starts, quote_end, side="left"))
        quoted[lo:hi] = True
    for k in range(1, len(starts)):
        if starts[k] in opening and not flags["sourced"][k] and flags["sourced"][k - 1] and quoted[k - 1] \
                and sent_ids[k] == sent_ids[k - 1] + 1:
            for values in flags.values():
                values[k] = values[k - 1]


def unsourced_claims(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Claim sentences with no source, in document order. Columns: doc_id, sent_id, start, end, text."""
    claims = claim_sentences(tables)
    return claims[~claims.sourced][["doc_id", "sent_id", "start", "end", "text"]] \
        .sort_values(["doc_id", "sent_id"]).reset_index(drop=True)


def score(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Sourcing scorecard, one row per document (index doc_id). Columns:
    - n_sources_<type> for each of SOURCE_TYPES: attributions of that type (pronoun rows count
      with the type of their antecedent); n_sources: all of them;
    - n_claim_sentences: non-heading, non-question sentences (see claim_sentences);
    - share_claims_sourced = claim sentences with a source / claim sentences;
    - share_sources_accountable = accountable attributions / attributions (is_accountable);
    - share_claims_accountable = claim sentences with an accountable source / claim sentences.
    Shares are NaN where the denominator is 0. No weights: each is a plain count ratio."""
    documents = tables["documents"].doc_id
    sources = tables["sources"]
    # groupby, not pd.crosstab: the same counts (NaN keys dropped, int64) in a quarter of the time.
    counts = sources.groupby(["doc_id", "source_type"]).size().unstack(fill_value=0).reindex(
        index=documents, columns=SOURCE_TYPES, fill_value=0)
    scores = counts.add_prefix("n_sources_")
    scores["n_sources"] = counts.sum(axis=1)
    claims = claim_sentences(tables).groupby("doc_id")[["sourced", "accountable"]]
    n_claims = claims.size().reindex(documents, fill_value=0)
    scores["n_claim_sentences"] = n_claims
    scores["share_claims_sourced"] = share(claims.sum().sourced.reindex(documents), n_claims)
    accountable = is_accountable(sources).groupby(sources.doc_id).sum().reindex(documents, fill_value=0)
    scores["share_sources_accountable"] = share(accountable, scores.n_sources)
    scores["share_claims_accountable"] = share(claims.sum().accountable.reindex(documents), n_claims)
    scores.index.name = "doc_id"
    return scores.astype({c: int for c in scores.columns if c.startswith("n_")})
