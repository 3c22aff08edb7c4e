"""A test-only analysis that fails hard on one article, the ways a user's plug-in or the
machine can: on an article holding the word "vanish" it kills its own process (as an
out-of-memory kill would), on "resign" it calls sys.exit, on "forever" it never returns. Every
other article gets one row in the "pulse" table. On "halt" it sends its own process SIGTERM,
as a user stopping the program would."""
import os
import signal
import sys

import pandas as pd

COLUMNS = {"pulse": ["doc_id", "n_sentences"]}
READS = ["sentences"]


class Tagger:
    def __init__(self, lexicons=None, spacy_model=None):
        pass

    def tag(self, ctx):
        words = set(ctx.text.lower().split())
        if "vanish" in words:
            os.kill(os.getpid(), signal.SIGKILL)
        if "halt" in words:
            os.kill(os.getpid(), signal.SIGTERM)
        if "resign" in words:
            sys.exit(3)
        while "forever" in words:
            pass
        return {"pulse": [{"doc_id": ctx.doc_id, "n_sentences": len(ctx.sentences)}]}


def score(tables):
    pulse = tables["pulse"].set_index("doc_id")["n_sentences"]
    return pd.DataFrame({"pulse_sentences": pulse}, index=tables["documents"].doc_id)
