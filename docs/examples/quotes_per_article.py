"""Quotes per article: a worked example of an analysis of your own, plugged in with --analysis.

    medialens run seeds --out reports --analysis docs/examples/quotes_per_article.py
    medialens tag seeds --out tables --analysis docs/examples/quotes_per_article.py \\
        --lexicon quote_verbs=my_quote_verbs.csv

How many quotations an article gives its readers, and of how many it says who spoke. A
quotation is text in double quotes (straight or curly) of at least MIN_WORDS words, since
shorter ones are scare quotes ("a 'blood alliance'"). It is attributed when a verb of this
analysis's own lexicon, quote_verbs.csv, stands outside the quotes in the sentences that hold
it ('"We have lost everything," said a farmer.'); the verb found is in the `verb` column, empty
for a quotation nobody is said to have spoken.

An analysis module needs four names, as medialens.hedges has them: COLUMNS (the tables it
writes), READS (earlier tables it needs), Tagger (tag(ctx) -> rows, ctx being a
medialens.context.DocContext) and score (tables -> one row of measures per doc_id). LEXICONS is
optional: its own word lists, read with medialens.lexicons like the built-in ones, so
`--lexicon quote_verbs=FILE` or a notebook's `quote_verbs_lexicon` parameter replaces one.
"""
import re

import pandas as pd

from medialens.lexicons import read_table
from medialens.shares import per_100_words, share

COLUMNS = {"quotes": ["doc_id", "sent_id", "start", "end", "surface", "n_words", "verb"]}
READS = ["sentences"]
LEXICONS = {"quote_verbs": "quote_verbs.csv"}  # name -> file beside this module

QUOTATION = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"")
MIN_WORDS = 4
WORD = re.compile(r"[\w’']+")


class Tagger:
    def __init__(self, lexicons=None, spacy_model=None):
        self.verbs = frozenset(read_table("quote_verbs", lexicons).word.str.lower())

    def tag(self, ctx) -> dict[str, list[dict]]:
        rows = []
        for match in QUOTATION.finditer(ctx.text):
            n_words = len(WORD.findall(match.group()))
            if n_words < MIN_WORDS:
                continue
            first = ctx.sentences[max(ctx.sentence_at(match.start()), 0)]
            last = ctx.sentences[max(ctx.sentence_at(match.end() - 1), 0)]
            outside = ctx.text[first["start"]:match.start()] + " " + ctx.text[match.end():last["end"]]
            verb = next((w for w in WORD.findall(outside.lower()) if w in self.verbs), "")
            rows.append({"doc_id": ctx.doc_id, "sent_id": first["sent_id"], "start": match.start(),
                         "end": match.end(), "surface": match.group(), "n_words": n_words, "verb": verb})
        return {"quotes": rows}


def score(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """n_quotes; quotes_per_100_words; share_quotes_attributed (NaN without a quotation)."""
    documents = tables["documents"].set_index("doc_id")
    quotes = tables["quotes"]
    attributed = quotes[quotes.verb.fillna("").astype(str) != ""]
    n_quotes = quotes.groupby("doc_id").size().reindex(documents.index, fill_value=0)
    n_attributed = attributed.groupby("doc_id").size().reindex(documents.index, fill_value=0)
    return pd.DataFrame({"n_quotes": n_quotes,
                         "quotes_per_100_words": per_100_words(n_quotes, documents.n_words),
                         "share_quotes_attributed": share(n_attributed, n_quotes)})
