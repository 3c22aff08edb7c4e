"""The lexicon exercise: a learner copies one of the tool's word lists, adds words to the copy,
and re-tags the kit's articles with it to see the scores and highlights move."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from .matching import tidy


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


def add_cues(path: str | Path, cues) -> str:
    """add_cue for each cue of a list, or of one text ("crisis"; "crisis, burst its banks" is two
    cues); punctuation at a cue's ends is dropped ("crisis." adds "crisis"). Returns sentences."""
    if isinstance(cues, str):
        cues = cues.split(",")
    if not isinstance(cues, (list, tuple, set)):
        return "Write the words in quotes in a list, for example [\"devastating\", \"burst its banks\"]."
    words = [tidy(cue) for cue in cues if isinstance(cue, str) and tidy(cue)]
    if not words:
        return "No words yet: put the words the tool should count in the list, for example [\"devastating\"]."
    return "\n".join(add_cue(path, word) for word in dict.fromkeys(w.lower() for w in words))


def retag(kit, lexicon: str, path):
    """The kit's articles tagged again with the learner's copy of `lexicon`, as a Kit; None where
    this machine cannot tag (no spaCy)."""
    from .kit import ARTICLES, Kit, can_tag

    if not can_tag():
        return None
    from ..tagging import tag_corpus

    return Kit(tag_corpus(str(ARTICLES), lexicons={lexicon: str(path)}))


def changed_scores(kit, after, doc_id: str):
    """The scores of `doc_id` that the learner's words moved: columns before, after; or a
    sentence when none moved."""
    import pandas as pd

    before = kit.tables["scores"].set_index("doc_id").loc[doc_id]
    now = after.tables["scores"].set_index("doc_id").loc[doc_id]
    changed = pd.DataFrame({"before": before, "after": now})
    changed = changed[changed.before.astype(str) != changed.after.astype(str)]
    return changed if len(changed) else "No score changed: are your words in the article, spelt as there?"
