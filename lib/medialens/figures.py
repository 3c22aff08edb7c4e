"""PLACEHOLDER until issue 4 lands: figures."""
import pandas as pd
COLUMNS = {"figures": ["doc_id", "sent_id", "start", "end", "surface", "value", "low", "high", "qualifier", "referent", "referent_class", "modality", "source_type"]}
class Tagger:
    def __init__(self, lexicons=None, spacy_model=None):
        pass
    def tag(self, doc, doc_id, found):
        return {"figures": []}
def score(tables):
    return pd.DataFrame(index=tables["documents"].doc_id)
