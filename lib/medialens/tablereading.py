"""Reading a table of articles (.csv, .jsonl, .parquet) and a folder's metadata.csv.

Each row is one article. What the table as a whole gets wrong (no text column, no rows, a line
that is no JSON, a cell holding a list) is a one-line error; what one row gets wrong (a text
cell holding a number, a true/false value or a date, more fields than the header) makes that
row an article with a "problem", listed in errors.csv. A NUL character in a cell is removed
with a warning.
"""
from __future__ import annotations

import csv
import io
import numbers
import warnings
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from .errors import MedialensError
from .lexicons import json_objects
from .reading import decode, plain, raw_article, read_text, safe_id, unique_ids, unread

TEXT_COLUMNS = ("text", "body", "content", "article")
ID_COLUMNS = ("doc_id", "id")
META_COLUMNS = ("title", "date", "outlet", "agency", "url")
PROBLEM = "_problem"  # the column read_table adds for a row that is no article
# Cells a table writer leaves for a missing value (pandas writes "NaN", databases NULL): an
# outlet or title that reads "NaN" is no outlet.
MISSING_CELLS = {"nan", "none", "null", "<na>", "n/a", "#n/a"}


def iter_table(path: Path) -> Iterator[dict]:
    table = read_table(path)
    text_column = next((c for c in TEXT_COLUMNS if c in table.columns), None)
    if text_column is None:
        raise MedialensError(path, f"no text column (name one of: {', '.join(TEXT_COLUMNS)}){_separator_hint(table)}")
    id_column = next((c for c in ID_COLUMNS if c in table.columns), None)
    if table.empty:
        raise MedialensError(path, "the table has no rows")
    columns = [c for c in (text_column, id_column, *META_COLUMNS) if c in table.columns]
    problems = table[PROBLEM].tolist() if PROBLEM in table.columns else [""] * len(table)
    rows = [{c: _cell(value, path, number, c) for c, value in row.items()}
            for number, row in enumerate(table[columns].to_dict("records"), 1)]
    given = [safe_id(row[id_column]) if id_column and row[id_column].strip() else f"{path.stem}-{number}"
             for number, row in enumerate(rows, 1)]
    for number, (row, doc_id, problem) in enumerate(zip(rows, unique_ids(given), problems), 1):
        value = table[text_column].iloc[number - 1]
        problem = problem or _not_text(value)
        article = unread(problem) if problem else {"raw_text": row[text_column]}
        article.update({k: row.get(k, "") for k in META_COLUMNS})
        article["date_source"] = "table" if article["date"].strip() else ""
        yield raw_article(f"{path}, row {number}", article, doc_id)


def _separator_hint(table: pd.DataFrame) -> str:
    """"id;text" read as one column: a CSV saved with semicolons (Excel in many countries) or tabs."""
    for column in map(str, table.columns):
        for mark, name in ((";", "semicolons"), ("\t", "tabs")):
            if mark in column:
                shown = column.replace("\t", "\\t")
                return f"; its header reads '{shown}': are its columns separated by {name}, not commas?"
    return ""


def _not_text(value) -> str:
    """Why a text cell is no article's text ("" when it is text): a number, a true/false or a
    date there is a column mix-up, whichever format stored it (a Parquet bool is numpy's, no
    `numbers.Number`)."""
    if isinstance(value, (bool, np.bool_)):
        kind = "a true/false value"
    elif isinstance(value, numbers.Number) and not pd.isna(value):
        kind = "a number"
    elif hasattr(value, "isoformat") and not pd.isna(value):
        kind = "a date"
    else:
        return ""
    return f"the text cell holds {kind} ({value}), not an article's text"


def _cell(value, path: Path, row: int, column: str) -> str:
    """One cell of a table of articles as text: missing values are "", bytes are decoded as
    files are (UTF-8, else Windows-1252 with a warning), numbers and dates are written out; a
    list or a mapping is a one-line error naming the file, row and column."""
    where = f"{path}, row {row}, column {column}"
    if isinstance(value, bytes):
        value = decode(value, where)
    if isinstance(value, str):
        missing = column in (*ID_COLUMNS, *META_COLUMNS) and value.strip().lower() in MISSING_CELLS
        if "\x00" in value:
            warnings.warn(f"{where}: NUL characters removed", UserWarning, stacklevel=2)
            value = value.replace("\x00", "")
        return "" if missing else plain(value)
    if isinstance(value, (list, tuple, dict, set)) or getattr(value, "ndim", 0):
        kind = "a mapping" if isinstance(value, dict) else "a list"
        raise MedialensError(where, f"holds {kind}, not text")
    if value is None or pd.isna(value):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def read_table(path: Path) -> pd.DataFrame:
    """A table of articles, every CSV cell a string; CSV and JSONL decoded as read_text does."""
    try:
        if path.suffix.lower() == ".parquet":
            table = pd.read_parquet(path)
        elif path.suffix.lower() == ".jsonl":
            table = pd.DataFrame(json_objects(read_text(path, table=True), path), dtype=object)
        else:
            table = _read_csv(path)
    except (ValueError, OSError, csv.Error) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise MedialensError(path, f"cannot read this table ({reason})") from None
    table.columns = [str(c).strip().lower() if c != PROBLEM else c for c in table.columns]
    return table


def _read_csv(path: Path) -> pd.DataFrame:
    """A CSV table, cells as strings: a row with fewer fields than the header is padded with
    empty cells; one with more (non-empty) fields is a row with a problem, since which cell is
    its text is anyone's guess."""
    limit = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)  # a cell may hold a long article (its default is 128 KB)
    try:
        rows = [row for row in csv.reader(io.StringIO(read_text(path, table=True), newline=""),
                                          strict=True) if row]
    finally:
        csv.field_size_limit(limit)
    if not rows:
        raise MedialensError(path, "the table has no rows")
    header, width = [h.strip().lower() for h in rows[0]], len(rows[0])
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        raise MedialensError(path, f"the column {repeated[0]} appears twice in the header")
    body, problems = [], []
    for number, row in enumerate(rows[1:], 1):
        extra = [cell for cell in row[width:] if cell.strip()]
        problems.append(f"{len(row)} fields where the header has {width}; not read (quote a "
                        "cell that holds a comma)" if extra else "")
        body.append((row + [""] * width)[:width])
    table = pd.DataFrame(body, columns=header, dtype=object)
    table[PROBLEM] = problems
    return table


def read_metadata(path: Path, files: list[Path]) -> dict[str, dict]:
    """{file name: {title, date, outlet, agency, url}} of a folder's metadata.csv. Its doc_id, id or file
    column names each article by file name ("a.txt"), or by stem ("a") when one file only has
    it; a row naming two files, or a file named twice, is a one-line error."""
    if not path.is_file():
        return {}
    table = read_table(path)
    key = next((c for c in (*ID_COLUMNS, "file") if c in table.columns), None)
    if key is None:
        raise MedialensError(path, "needs a doc_id (or file) column naming each article")
    by_name = {file.name: file.name for file in files}
    by_stem: dict[str, list[str]] = {}
    for file in files:
        by_stem.setdefault(file.stem, []).append(file.name)
    columns = [c for c in META_COLUMNS if c in table.columns]
    metadata: dict[str, dict] = {}
    for number, row in enumerate(table.to_dict("records"), 1):
        given = str(row[key]).strip()
        names = [by_name[given]] if given in by_name else by_stem.get(given, by_stem.get(Path(given).stem, []))
        if len(names) > 1:
            raise MedialensError(path, f"row {number} ('{given}') names {len(names)} files "
                                       f"({', '.join(names)}); give the file name")
        if not names:
            warnings.warn(f"{path}: row {number} ('{given}') names no article file here", UserWarning,
                          stacklevel=2)
            continue
        if names[0] in metadata:
            raise MedialensError(path, f"the article '{given}' is listed twice")
        metadata[names[0]] = {c: _cell(row[c], path, number, c) for c in columns}
    return metadata
