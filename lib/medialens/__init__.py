"""medialens: compare how several news articles report the same story.

    import medialens as ml
    documents = ml.load_corpus("seeds")          # one row per article
    tables = ml.tag_corpus(documents)            # sentences, sources, hedges, figures, frames, scores
    ml.findings.rank(tables["scores"], "share_claims_accountable")

Every name below is imported when first used, not with the package: reading tables, the
findings, the plots and the workshop need only pandas and matplotlib, and spaCy is imported
where tagging starts (sentences.pipeline), so a machine without spaCy can still read and
narrate tables that `medialens tag` wrote elsewhere.
"""
from __future__ import annotations

import importlib
import importlib.util

# name -> the module that defines it (a submodule itself where the name is a module).
_EXPORTS = {
    "load_corpus": "corpus", "removed_lines": "corpus", "split_sentences": "sentences",
    "tag_corpus": "tagging", "tag_text": "tagging", "read_tables": "tables", "write_tables": "tables",
    "write_csv": "tables", "save_figure": "plots", "compare_figures": "figures",
    "unsourced_claims": "findings", "actor_prominence": "frames", "first_actors": "frames", "story_setting": "frames",
    "article_spans": "highlight", "corpus_spans": "highlight", "render_article": "highlight",
    "tables_from_parameters": "notebook", "COLOURS": "palette", "MedialensError": "errors",
    "findings": "findings",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        value = module if name == _EXPORTS[name] else getattr(module, name)
    elif not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        value = importlib.import_module(f".{name}", __name__)  # ml.prose, ml.plots, ml.workshop ...
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
