"""PLACEHOLDER until issue 4 lands: frames."""
import pandas as pd
COLUMNS = {"frames": ["doc_id", "sent_id", "start", "end", "frame", "cue"], "actors": ["doc_id", "actor", "mentions", "as_subject"]}
class Tagger:
    def __init__(self, lexicons=None, spacy_model=None):
        pass
    def tag(self, doc, doc_id, found):
        return {"frames": [], "actors": []}
def score(tables):
    return pd.DataFrame(index=tables["documents"].doc_id)
