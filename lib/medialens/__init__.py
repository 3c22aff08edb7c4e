"""medialens: compare how several news articles report the same story.

    import medialens as ml
    documents = ml.load_corpus("seeds")          # one row per article
    tables = ml.tag_corpus(documents)            # sentences, sources, hedges, figures, frames, scores
    ml.findings.rank(tables["scores"], "share_claims_accountable")
"""
from . import findings
from .corpus import load_corpus, removed_lines
from .errors import MedialensError
from .figures import compare_figures
from .findings import unsourced_claims
from .frames import actor_prominence, first_actors, story_setting
from .highlight import article_spans, render_article
from .notebook import tables_from_parameters
from .palette import COLOURS
from .plots import save_figure
from .sentences import split_sentences
from .tables import read_tables, write_csv, write_tables
from .tagging import tag_corpus, tag_text

__all__ = ["load_corpus", "removed_lines", "split_sentences", "tag_corpus", "tag_text", "read_tables",
           "write_tables", "write_csv", "save_figure", "compare_figures", "unsourced_claims",
           "actor_prominence", "first_actors", "story_setting", "article_spans", "render_article",
           "tables_from_parameters", "findings", "COLOURS", "MedialensError"]
