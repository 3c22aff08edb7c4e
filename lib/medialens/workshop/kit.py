"""The kit's articles and answers, and the tagged tables the checks compare a learner with.

The tool's answer is always computed from the tables: tagged at run time, read from a folder a
`medialens tag` run wrote, or, where spaCy cannot be imported, read from the kit's own
precomputed tables (data/workshop/tables, written by `build_notebooks.py --tables`; a test
checks they are what tagging gives today). Only the kit's model answers and reasons are data
(kit.json).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..config import DATA_DIR
from ..errors import MedialensError
from ..highlight import HTML, article_spans, render_article
from ..tables import read_tables

KIT_DIR = DATA_DIR / "workshop"
ARTICLES = KIT_DIR / "articles"  # the twin article (fire_a, fire_b) and the practice article (flood)
KIT_TABLES = KIT_DIR / "tables"  # the articles' tables, for machines without spaCy


def can_tag() -> bool:
    """Whether this machine can tag (spaCy imports); without it the kit reads KIT_TABLES."""
    try:
        import spacy  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=None)
def kit_data() -> dict:
    """kit.json: the planted differences, each task's prompt, model and defensible answers, and
    the annotation items."""
    return json.loads((KIT_DIR / "kit.json").read_text(encoding="utf-8"))


class Kit:
    """The tagged tables of the kit's articles, and the checks that compare a learner with them."""

    def __init__(self, tables: dict[str, pd.DataFrame], origin: str = "tagged here"):
        self.tables = tables
        self.origin = origin  # where the tables come from, in words
        self.data = kit_data()
        self.texts = tables["documents"].set_index("doc_id").text.to_dict()

    @classmethod
    def load(cls, tables: str = "", corpus: str | Path = ARTICLES) -> "Kit":
        """Read a folder of precomputed tables (no spaCy needed), or tag `corpus` here; the
        kit's own articles without spaCy come from the kit's precomputed tables."""
        if tables:
            return cls(read_tables(tables), "read from precomputed tables")
        if Path(corpus) == ARTICLES and not can_tag():
            return cls(read_tables(KIT_TABLES), "read from the kit's precomputed tables (spaCy is not installed)")
        from ..tagging import tag_corpus  # spaCy is needed only when tagging here

        return cls(tag_corpus(str(corpus)))

    def text(self, doc_id: str) -> str:
        if doc_id not in self.texts:
            raise MedialensError(doc_id, f"no such article in these tables; choose one of {', '.join(self.texts)}")
        return self.texts[doc_id]

    def rows(self, table: str, doc_id: str, where: dict | None = None) -> pd.DataFrame:
        """The tool's rows of `table` for one article, with `surface` = the text they cover."""
        rows = self.tables[table]
        rows = rows[rows.doc_id == doc_id]
        for column, value in (where or {}).items():
            rows = rows[rows[column].isin(value if isinstance(value, list) else [value])]
        text = self.text(doc_id)
        return rows.assign(surface=[text[int(s):int(e)] for s, e in zip(rows.start, rows.end)]).sort_values("start")

    def sentence_at(self, doc_id: str, char: int) -> str:
        sentences = self.tables["sentences"]
        sentences = sentences[(sentences.doc_id == doc_id) & (sentences.start <= char) & (sentences.end > char)]
        return sentences.text.iloc[0] if len(sentences) else ""

    def show(self, doc_id: str, kinds=("sources", "hedges")):
        """The article with the tool's spans of `kinds` highlighted (hover for what each is)."""
        return render_article(self.text(doc_id), article_spans(self.tables, doc_id, tuple(kinds)),
                              title=self.tables["documents"].set_index("doc_id").title.get(doc_id, ""))

    def reveal(self, task: str, answer, shown):
        """`shown` (the tool's reading: highlights, a table) once `answer` is a real answer to
        `task`; before, a note. Shown first, it would turn the task into copying and make the
        class-versus-tool comparison an echo."""
        from .checks import answered

        if answered(self, task, answer):
            return shown
        return HTML("<p><i>The tool's reading appears here once you have answered the task above "
                    "and run its cell.</i></p>")

    def show_after(self, task: str, answer, doc_id: str, kinds=("sources", "hedges")):
        """The tool's highlights of `doc_id`, once `answer` answers `task` (see reveal)."""
        return self.reveal(task, answer, self.show(doc_id, kinds))

    def check(self, task: str, answer):
        """Feedback on a learner's answer to `task`, in plain words. Never raises."""
        from .checks import check

        return check(self, task, answer)

    def solution(self, task: str):
        """The kit's model answer to `task` (what `solutions=True` fills in)."""
        return self.data["tasks"][task]["model"]

    def prompt(self, task: str) -> str:
        return self.data["tasks"][task]["prompt"]
