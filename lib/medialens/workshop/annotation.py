"""Class annotation of the practice article: the sheet a learner fills in, the small CSV saved
under a pseudonym, reading a folder of those files (a malformed one is named and skipped), and
the tool's label for each item, computed from the tagged tables."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pandas as pd

from ..tables import write_csv
from .answer import find
from .kit import kit_data

COLUMNS = ["annotator", "category", "item", "label"]
UNCODED = "?"


def items() -> pd.DataFrame:
    """The items the class codes: category, item (words of the article), model (the kit's label)."""
    return pd.DataFrame(kit_data()["annotation"]["items"])


def annotation_sheet(categories=("source", "hedge", "frame"), solutions: bool = False) -> dict:
    """{category: {item: "?"}} for a learner to fill in; with solutions, the kit's labels."""
    table = items()
    return {category: {row.item: row.model if solutions else UNCODED
                       for row in table[table.category == category].itertuples()}
            for category in categories}


def save_annotation(pseudonym, sheet, folder) -> str:
    """Write the coded items of `sheet` to FOLDER/PSEUDONYM_CATEGORIES.csv; returns a sentence
    saying what was saved or why nothing was (never raises on the learner's input)."""
    labels = kit_data()["annotation"]["labels"]
    if not isinstance(pseudonym, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,30}", pseudonym.strip()):
        return "Choose a pseudonym of letters and digits (no spaces), like \"heron7\", and run the cell again."
    if not isinstance(sheet, dict) or not all(isinstance(v, dict) for v in sheet.values()):
        return "The sheet should stay as it was given: {category: {item: label}}; run the cell that makes it again."
    rows, wrong, uncoded = [], [], 0
    for category, coded in sheet.items():
        for item, label in coded.items():
            label = str(label).strip().lower()
            if label == UNCODED:
                uncoded += 1
            elif category in labels and label in labels[category]:
                rows.append({"annotator": pseudonym.strip(), "category": category, "item": item, "label": label})
            else:
                wrong.append(f"{item!r}: {label!r} (choose one of {', '.join(labels.get(category, []))})")
    if wrong:
        return "Nothing saved yet; fix these labels: " + "; ".join(wrong)
    if not rows:
        return "Nothing saved yet: replace the \"?\" of each item with your label."
    folder = Path(folder)
    path = folder / f"{pseudonym.strip()}_{'-'.join(sheet)}.csv"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_csv(pd.DataFrame(rows, columns=COLUMNS), path)
    except OSError as error:
        return f"Nothing saved: the folder {folder.name} cannot be written ({error.strerror}); ask the facilitator."
    return (f"Saved {len(rows)} labels to {folder.name}/{path.name}"
            + (f"; {uncoded} item(s) still \"?\" were left out." if uncoded else "."))


def read_annotations(folder) -> tuple[pd.DataFrame, list[str]]:
    """Every annotation CSV of `folder` as one table (annotator, category, item, label), and one
    line per file that could not be used, naming it and the problem."""
    labels, known = kit_data()["annotation"]["labels"], set(zip(items().category, items().item))
    tables, problems = [], []
    for path in sorted(Path(folder).glob("*.csv")):
        try:
            table = pd.read_csv(path, dtype=str, keep_default_na=False)
        except Exception as error:
            problems.append(f"{path.name}: not a readable CSV table ({type(error).__name__})")
            continue
        missing = [c for c in COLUMNS if c not in table.columns]
        bad = table[[not (c in labels and lab in labels[c] and (c, i) in known)
                     for c, i, lab in zip(table.get("category", []), table.get("item", []), table.get("label", []))]]
        if missing:
            problems.append(f"{path.name}: missing column(s) {', '.join(missing)}")
        elif table.empty:
            problems.append(f"{path.name}: no rows")
        elif len(bad):
            problems.append(f"{path.name}: {len(bad)} row(s) with an unknown item or label, "
                            f"first: {bad.category.iloc[0]} {bad.item.iloc[0]!r} = {bad.label.iloc[0]!r}")
        else:
            tables.append(table[COLUMNS])
    table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=COLUMNS)
    return table.drop_duplicates(["annotator", "category", "item"], keep="last").reset_index(drop=True), problems


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
