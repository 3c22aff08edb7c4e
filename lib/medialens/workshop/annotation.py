"""Class annotation of the practice article: the items a learner codes, the small CSV saved under
a pseudonym, reading a folder of those files, and the tool's label for each item, computed from
the tagged tables.

Saving refuses what would spoil the class's agreement later: an item the kit does not have (a
typo), a label that is not a choice, and a pseudonym another learner already saved under (each
learner's home folder holds a random id, written beside each row). Reading a folder names every
problem in one line and keeps what it can: rows with an unknown item are left out, not the file;
two different files under one pseudonym are both left out, never merged.
"""
from __future__ import annotations

import difflib
import re
import uuid
from collections import Counter
from pathlib import Path

import pandas as pd

from ..tables import write_csv
from .kit import kit_data
from .matching import find, key

COLUMNS = ["annotator", "category", "item", "label"]
UNCODED = "?"
PSEUDONYM = re.compile(r"[A-Za-z0-9_-]{1,30}")


def items() -> pd.DataFrame:
    """The items the class codes: category, item (words of the article), model (the kit's label)."""
    return pd.DataFrame(kit_data()["annotation"]["items"])


def annotation_sheet(categories=("source", "hedge", "frame"), solutions: bool = False) -> dict:
    """{category: {item: "?"}} to fill in; with solutions, the kit's labels."""
    table = items()
    return {category: {row.item: row.model if solutions else UNCODED
                       for row in table[table.category == category].itertuples()}
            for category in categories}


def learner_id(home) -> str:
    """The random id of this learner (made once, kept in HOME), which tells two learners who
    chose one pseudonym apart from one learner saving again."""
    path = Path(home) / ".medialens-learner-id"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(uuid.uuid4().hex[:12], encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


def _coded_rows(pseudonym: str, sheet: dict) -> tuple[list[dict], list[str], int]:
    """The rows to save, the problems (unknown item or label, with the nearest known one), and
    how many items are still uncoded."""
    labels, known = kit_data()["annotation"]["labels"], items()
    rows, wrong, uncoded = [], [], 0
    for category, coded in sheet.items():
        category_items = known[known.category == category].item.tolist()
        by_key = {key(label): label for label in labels.get(category, [])}
        for item, label in coded.items():
            if str(label).strip() == UNCODED:
                uncoded += 1
            elif item not in category_items:
                near = difflib.get_close_matches(str(item), category_items, n=1)
                wrong.append(f"{item!r} is not an item of {category}" + (f" (did you mean {near[0]!r}?)" if near else ""))
            elif key(label) not in by_key:
                wrong.append(f"{item!r}: {label!r} is not a label (choose one of {', '.join(labels.get(category, []))})")
            else:
                rows.append({"annotator": pseudonym, "category": category, "item": item, "label": by_key[key(label)]})
    return rows, wrong, uncoded


def save_annotation(pseudonym, sheet, folder, learner: str = "") -> str:
    """Write the coded items of `sheet` to FOLDER/PSEUDONYM_CATEGORIES.csv; returns a sentence
    saying what was saved or why nothing was (never raises on the learner's input). `learner`
    is the workspace's id: a file of this pseudonym saved by another learner is not replaced."""
    if not isinstance(pseudonym, str) or not PSEUDONYM.fullmatch(pseudonym.strip()) or pseudonym.strip() == UNCODED:
        return "Choose a pseudonym of letters and digits (no spaces), like \"heron7\", and save again."
    if not isinstance(sheet, dict) or not all(isinstance(v, dict) for v in sheet.values()):
        return "The sheet should stay as it was given: {category: {item: label}}; run the cell that makes it again."
    pseudonym = pseudonym.strip()
    rows, wrong, uncoded = _coded_rows(pseudonym, sheet)
    if wrong:
        return "Nothing saved yet; fix these: " + "; ".join(wrong)
    if not rows:
        return "Nothing saved yet: choose a label for each item."
    path = Path(folder) / f"{pseudonym}_{'-'.join(sheet)}.csv"
    if learner and _saved_by_another(path, learner):
        return f"Nothing saved: someone else already saved under \"{pseudonym}\"; choose another pseudonym."
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_csv(pd.DataFrame(rows, columns=COLUMNS).assign(learner=learner), path)
    except OSError as error:
        return f"Nothing saved: the folder {path.parent.name} cannot be written ({error.strerror}); ask the facilitator."
    return (f"Saved {len(rows)} labels to {path.parent.name}/{path.name}"
            + (f"; {uncoded} item(s) still \"?\" were left out." if uncoded else "."))


def _saved_by_another(path: Path, learner: str) -> bool:
    if not path.is_file():
        return False
    try:
        saved = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception:  # an unreadable file of that name: not this learner's to replace
        return True
    return "learner" not in saved.columns or set(saved.learner) != {learner}


def _read_one(path: Path, labels: dict, known: set) -> tuple[pd.DataFrame | None, str]:
    """One annotation file's usable rows (or None) and a line naming its problem ("" if none)."""
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as error:
        return None, f"{path.name}: not a readable CSV table ({type(error).__name__}); left out"
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        return None, f"{path.name}: missing column(s) {', '.join(missing)}; left out"
    if table.empty:
        return None, f"{path.name}: no rows; left out"
    good = [c in labels and lab in labels[c] and (c, i) in known for c, i, lab in zip(table.category, table["item"], table.label)]
    bad = table[[not g for g in good]]
    problem = (f"{path.name}: {len(bad)} row(s) with an unknown item or label left out, first: "
               f"{bad.category.iloc[0]} {bad['item'].iloc[0]!r} = {bad.label.iloc[0]!r}") if len(bad) else ""
    return table[good].assign(file=path.name), problem


def read_annotations(folder) -> tuple[pd.DataFrame, list[str]]:
    """Every annotation CSV of `folder` as one table (annotator, category, item, label), and one
    line per problem: a file that cannot be used, rows with an unknown item or label, and two
    files under one pseudonym for one category (the same coding twice counts once; two
    different codings are both left out)."""
    labels, known = kit_data()["annotation"]["labels"], set(zip(items().category, items().item))
    tables, problems = [], []
    for path in sorted(Path(folder).glob("*.csv")):
        table, problem = _read_one(path, labels, known)
        problems += [problem] if problem else []
        if table is not None and len(table):
            tables.append(table)
    if not tables:
        return pd.DataFrame(columns=COLUMNS), problems
    table = pd.concat(tables, ignore_index=True)
    kept = []
    for (annotator, category), group in table.groupby(["annotator", "category"], sort=True):
        files = sorted(group.file.unique())
        codings = {f: tuple(sorted(zip(g["item"], g.label))) for f, g in group.groupby("file")}
        if len(files) > 1 and len(set(codings.values())) > 1:
            problems.append(f"{annotator}: {len(files)} different files code {category} under one pseudonym "
                            f"({', '.join(files)}); all left out until each learner has a pseudonym of their own")
            continue
        if len(files) > 1:
            problems.append(f"{annotator}: the same {category} coding handed in {len(files)} times ({', '.join(files)}); counted once")
        kept.append(group[group.file == files[0]])
    table = pd.concat(kept, ignore_index=True) if kept else pd.DataFrame(columns=COLUMNS)
    return table.drop_duplicates(["annotator", "category", "item"], keep="last")[COLUMNS].reset_index(drop=True), problems


def tool_labels(kit) -> pd.DataFrame:
    """The tool's label for each annotation item: the type of the source or hedge it overlaps
    (else not_a_source / not_a_hedge); for frames, the frame with most cues in the item's
    sentence, ties named together ("economic/responsibility"), "none" without a cue."""
    data = kit_data()["annotation"]
    doc, none = data["article"], data["none"]
    text = kit.text(doc)
    columns = {"source": ("sources", "source_type"), "hedge": ("hedges", "kind")}
    rows = []
    for row in items().itertuples():
        spans = find(text, row.item)
        label = none[row.category]
        if spans and row.category in columns:
            table, column = columns[row.category]
            found = kit.rows(table, doc)
            hits = found[[any(s < e2 and s2 < e for s, e in spans) for s2, e2 in zip(found.start, found.end)]]
            label = hits[column].iloc[0] if len(hits) else label
        elif spans:
            label = _sentence_frame(kit, doc, spans[0][0]) or label
        rows.append({"category": row.category, "item": row.item, "tool": label})
    return pd.DataFrame(rows)


def _sentence_frame(kit, doc: str, char: int) -> str:
    sentences = kit.tables["sentences"]
    sentence = sentences[(sentences.doc_id == doc) & (sentences.start <= char) & (sentences.end > char)]
    if sentence.empty:
        return ""
    frames = kit.tables["frames"]
    cues = frames[(frames.doc_id == doc) & (frames.sent_id == sentence.sent_id.iloc[0])].frame
    counts = Counter(cues)
    top = max(counts.values(), default=0)
    return "/".join(sorted(f for f, n in counts.items() if n == top))
