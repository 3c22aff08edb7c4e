"""medialens: compare how several news articles report the same story.

    import medialens as ml
    documents = ml.load_corpus("seeds")          # one row per article
    tables = ml.tag_corpus(documents)            # sentences, sources, hedges, figures, frames, scores
"""
from .corpus import load_corpus, removed_lines
from .errors import MedialensError
from .figures import compare_figures
from .frames import actor_prominence, first_actors
from .highlight import article_spans, render_article
from .plots import save_figure
from .sentences import split_sentences
from .sources import unsourced_claims
from .tables import read_tables, write_tables
from .tagging import tag_corpus, tag_text

__all__ = ["load_corpus", "removed_lines", "split_sentences", "tag_corpus", "read_tables", "tag_text",
           "write_tables", "save_figure", "compare_figures", "actor_prominence", "first_actors", "unsourced_claims", "article_spans", "render_article", "MedialensError"]
