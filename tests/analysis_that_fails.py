"""A test-only analysis, added through the documented extension point (`analyses=` of
engines.write_tagged, `medialens tag --analysis analysis_that_fails`): it counts each document's
sentences into a "probe" table, and raises, as a tagger with a bug would, on any article that
mentions the word "kaboom". The tests use it to fail one article through every engine."""
import pandas as pd

COLUMNS = {"probe": ["doc_id", "n_sentences"]}
READS = ["sentences"]


class Tagger:
    def __init__(self, lexicons=None, spacy_model=None):
        pass

    def tag(self, ctx):
        if "kaboom" in ctx.text.lower():
            words = ctx.text.split()
            return {"probe": [{"doc_id": ctx.doc_id, "n_sentences": words[len(words) + 1]}]}
        return {"probe": [{"doc_id": ctx.doc_id, "n_sentences": len(ctx.sentences)}]}


def score(tables):
    probe = tables["probe"].set_index("doc_id")["n_sentences"]
    return pd.DataFrame({"probe_sentences": probe}, index=tables["documents"].doc_id)
