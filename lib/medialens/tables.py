"""Writing and reading the tables of a tag run (output folders are outputs.py's).

CSV cells that a spreadsheet would run as a formula (leading =, +, -, @) are written with a
leading apostrophe, the OWASP advice for CSV injection. So that reading is the exact inverse of
writing, every text cell that itself starts with an apostrophe, and text that is the missing
marker "NaN", gets one too, and read_tables takes exactly one off every text cell that has one.
Which columns are text is written beside the CSV files (COLUMN_KINDS), because a CSV cell "12"
or "NaN" cannot say whether it was a number or a word.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from .errors import MedialensError
from .outputs import record_output
from .parts import COLUMN_KINDS, TaggedPart, write_part

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MISSING = "NaN"  # a missing value in CSV; an empty cell is an empty string


def neutralise_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """The table with an apostrophe before every text cell a spreadsheet would run as a formula,
    and before every text cell that starts with an apostrophe or reads as the missing marker."""
    table = table.copy()
    for column in table.columns:
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(_quote)
    return table


def _quote(value):
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS) or value.startswith("'")
                                   or value == MISSING):
        return "'" + value
    return value


def _unquote(value):
    return value[1:] if isinstance(value, str) and value.startswith("'") else value


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as CSV, header first: formulas neutralised, a missing number written "NaN" and
    an empty string as an empty cell (read_tables reads both back)."""
    # CRLF, as RFC 4180 has it: the csv writer then quotes every cell holding a \r or \n, where
    # with "\n" a lone \r in a text went unquoted and was read back as the end of a row.
    return neutralise_formulas(table).to_csv(index=False, na_rep=MISSING,
                                             lineterminator="\r\n").encode("utf-8")


def write_csv(table: pd.DataFrame, path: str | Path) -> Path:
    """The one way a table leaves the program as CSV (csv_bytes), listed in its folder's manifest."""
    path = Path(path)
    path.write_bytes(csv_bytes(table))
    record_output(path.parent, [path])  # a notebook's output folder lists what it wrote
    return path


def encode_tables(tables: dict[str, pd.DataFrame], fmt: str = "csv") -> TaggedPart:
    """The tables of one batch as the bytes of their files (Parquet, or CSV with its header and
    which columns hold text), and what the batch says about its articles: the form in which a
    worker process hands a batch to the process that writes it (parts.write_part)."""
    errors = tables.get("errors", pd.DataFrame(columns=["doc_id", "stage"]))
    if fmt == "parquet":
        files = {name: _parquet_bytes(table) for name, table in tables.items()}
        kinds = {}
    else:
        files = {name: csv_bytes(table) for name, table in tables.items()}
        kinds = {name: {column: kind for column in table.columns if (kind := _kind(table[column]))}
                 for name, table in tables.items()}
    return TaggedPart(files, kinds, len(tables.get("documents", ())), len(errors),
                      tuple(errors.doc_id[errors.stage == "check"]))


def _parquet_bytes(table: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    table.to_parquet(buffer, index=False)
    return buffer.getvalue()


def write_tables(tables: dict[str, pd.DataFrame], folder: str | Path, fmt: str = "csv",
                 part: int = 0) -> None:
    """Write each table as folder/NAME.csv, or folder/NAME/part-NNNNN.parquet.

    Batches of one run share the files: part 0 starts each CSV, later parts append to it (their
    columns must be the first part's). In CSV a missing value is written "NaN" and an empty
    string as an empty cell, so read_tables tells them apart as it does in Parquet."""
    write_part(encode_tables(tables, fmt), folder, fmt, part)


def rewrite_table(table: pd.DataFrame, folder: str | Path, name: str, fmt: str = "csv") -> None:
    """Write one table of a finished tag run again, whole (a corpus-wide step changed it)."""
    folder = Path(folder)
    if fmt == "parquet":
        for part in (folder / name).glob("*.parquet"):
            part.unlink()
        table.to_parquet(folder / name / "part-00000.parquet", index=False)
    else:
        write_csv(table, folder / f"{name}.csv")


def _kind(values: pd.Series) -> str | None:
    """"text", "other" (numbers, booleans), or None for a column with no value yet."""
    if not (values.dtype == object or pd.api.types.is_string_dtype(values)):
        return "other"
    inferred = pd.api.types.infer_dtype(values, skipna=True)
    if inferred == "empty":
        return None
    return "other" if inferred in ("integer", "floating", "mixed-integer-float", "boolean",
                                   "decimal") else "text"


def read_tables(folder: str | Path, names=None) -> dict[str, pd.DataFrame]:
    """Read every table a tag run wrote (CSV files, or folders/files of Parquet parts), or only
    those of `names`.

    Both formats read to the same DataFrames whatever the engine or batch size: text columns
    are str with "" for missing, a column with no value at all is float NaN, rows in the order
    written (corpus order)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise MedialensError(folder, "no such tables folder (write one with `medialens tag`)")
    tables = {}
    kinds = (json.loads((folder / COLUMN_KINDS).read_text(encoding="utf-8"))
             if (folder / COLUMN_KINDS).is_file() else {})
    for path in sorted(folder.iterdir()):
        name = path.name.split(".")[0]
        if names is not None and name not in names:
            continue
        if path.suffix == ".csv":
            text = [c for c, kind in kinds.get(name, {}).items() if kind == "text"]
            table = pd.read_csv(path, keep_default_na=False, na_values=[MISSING],
                                dtype={"doc_id": str, **{c: str for c in text}})
            for column in set(text) | set(table.select_dtypes(include=["object", "string"]).columns):
                table[column] = table[column].map(_unquote)
            tables[name] = _tidy(table)
        elif path.suffix == ".parquet" or (path.is_dir() and any(path.glob("*.parquet"))):
            parts = [pd.read_parquet(part) for part in sorted(path.glob("*.parquet")) or [path]]
            # An empty batch has untyped columns; left in, it would change the others' dtypes.
            parts = [part for part in parts if len(part)] or parts[:1]
            tables[name] = _tidy(pd.concat(parts, ignore_index=True))
    if "documents" not in tables and names is None:
        raise MedialensError(folder, "no documents table here (write one with `medialens tag`)")
    return tables


def _tidy(table: pd.DataFrame) -> pd.DataFrame:
    """The dtypes both formats agree on (see read_tables)."""
    if table.empty:
        return table.astype(object)
    for column in table.columns:
        values = table[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            present = values.dropna()
            if present.empty:
                table[column] = values.astype(float)
            elif pd.api.types.infer_dtype(present, skipna=True) == "string":
                table[column] = values.fillna("").astype(str)
    return table



