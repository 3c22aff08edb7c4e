"""The kit's articles and answers, and the tagged tables the checks compare a learner with.

The tool's answer is always computed from the tables (tagged at run time or read from a folder a
`medialens tag` run wrote); only the kit's own model answers and reasons are data (kit.json).
"""
from __future__ import annotations

import json
import shutil
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..config import DATA_DIR
from ..errors import MedialensError
from ..highlight import article_spans, render_article
from ..tables import read_tables

KIT_DIR = DATA_DIR / "workshop"
ARTICLES = KIT_DIR / "articles"  # the twin article (fire_a, fire_b) and the practice article (flood)


@lru_cache(maxsize=None)
def kit_data() -> dict:
    """kit.json: the planted differences, each task's prompt, model and defensible answers, and
    the annotation items."""
    return json.loads((KIT_DIR / "kit.json").read_text(encoding="utf-8"))


class Kit:
    """The tagged tables of the kit's articles, and the checks that compare a learner with them."""

    def __init__(self, tables: dict[str, pd.DataFrame]):
        self.tables = tables
        self.data = kit_data()
        self.texts = tables["documents"].set_index("doc_id").text.to_dict()

    @classmethod
    def load(cls, tables: str = "", corpus: str | Path = ARTICLES) -> "Kit":
        """Read a folder of precomputed tables (no spaCy needed), or tag `corpus` here."""
        if tables:
            return cls(read_tables(tables))
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

    def check(self, task: str, answer):
        """Feedback on a learner's answer to `task`, in plain words. Never raises."""
        from .checks import check

        return check(self, task, answer)

    def solution(self, task: str):
        """The kit's model answer to `task` (what `solutions=True` fills in)."""
        return self.data["tasks"][task]["model"]

    def prompt(self, task: str) -> str:
        return self.data["tasks"][task]["prompt"]


def copy_lexicon(name: str, folder: str | Path, fresh: bool = False) -> Path:
    """Copy the built-in lexicon `name` (hedges, emotive, conflict...) into `folder` for a learner
    to edit; an existing copy is kept, so re-running the cell never loses their cues, unless
    `fresh` (a solutions run starts from the built-in list, so its output is the same every time)."""
    from ..lexicons import data_path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    source = data_path(name)
    copy = folder / source.name
    if fresh or not copy.exists():
        shutil.copyfile(source, copy)
    return copy


def add_cue(path: str | Path, words: str, label: str = "") -> str:
    """Append a pattern matching `words` (one or more words, any case) to a JSONL lexicon copy,
    with the label most of the file's patterns have unless `label` is given (once: a cue already there
    is not added again). Returns a sentence."""
    path = Path(path)
    words_list = str(words).lower().split()
    if not words_list:
        return "Give the word or words to add, for example add_cue(my_lexicon, \"devastating\")."
    text = path.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("//")]
    labels = [row.get("label", "cue") for row in rows]
    label = label or (max(sorted(set(labels)), key=labels.count) if labels else "cue")
    pattern = [{"LOWER": word} for word in words_list]
    # The same sentence whether the cue is new or was added before, so re-running a cell is harmless.
    if not any(row.get("pattern") == pattern for row in rows):
        row = {"label": label, "pattern": pattern, "id": "workshop-" + "-".join(words_list)}
        with path.open("a", encoding="utf-8") as file:
            file.write(("\n" if text and not text.endswith("\n") else "") + json.dumps(row) + "\n")
    return f"{path.name} now counts '{' '.join(words_list)}' as {label}."
