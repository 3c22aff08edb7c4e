"""PLACEHOLDER until issue 4 lands: attribution."""
import pandas as pd
COLUMNS = {"sources": ["doc_id", "sent_id", "start", "end", "surface", "source_type", "name", "role", "cue", "has_quote"]}
class Tagger:
    def __init__(self, lexicons=None, spacy_model=None):
        pass
    def tag(self, doc, doc_id, found):
        return {"sources": []}
def score(tables):
    return pd.DataFrame(index=tables["documents"].doc_id)
