"""Writing and reading the tables of a tag run, and output folders that appear whole or not at all.

CSV cells that a spreadsheet would run as a formula (leading =, +, -, @) are written with a
leading apostrophe, the OWASP advice for CSV injection; read_tables takes it off again.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pandas as pd

from .errors import MedialensError

MARKER = ".medialens-output"  # marks a folder this tool wrote, so re-runs may replace it
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MISSING = "NaN"  # a missing number in CSV; an empty cell is an empty string


@contextlib.contextmanager
def atomic_folder(out: str | Path) -> Iterator[Path]:
    """Yield a temporary folder beside `out`; on success it replaces `out`, on error it vanishes."""
    out = Path(out).resolve()
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise MedialensError(out, "exists and is not a medialens output folder; choose another --out")
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    work.chmod(0o755)  # mkdtemp makes it private; the result is an ordinary folder
    try:
        (work / MARKER).touch()
        yield work
        if out.exists():
            old = out.with_name(f".{out.name}.old-{os.getpid()}")
            out.rename(old)
            work.rename(out)
            shutil.rmtree(old)
        else:
            work.rename(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def neutralise_formulas(table: pd.DataFrame) -> pd.DataFrame:
    table = table.copy()
    for column in table.columns:
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v)
    return table


def write_csv(table: pd.DataFrame, path: str | Path, append: bool = False) -> Path:
    """The one way a table leaves the program as CSV: formulas neutralised, a missing number
    written "NaN" and an empty string as an empty cell (read_tables reads both back)."""
    path = Path(path)
    neutralise_formulas(table).to_csv(path, index=False, na_rep=MISSING, mode="a" if append else "w",
                                      header=not append)
    return path


def write_tables(tables: dict[str, pd.DataFrame], folder: str | Path, fmt: str = "csv",
                 part: int = 0) -> None:
    """Write each table as folder/NAME.csv, or folder/NAME/part-NNNNN.parquet.

    Batches of one run share the files: part 0 starts each CSV, later parts append to it (their
    columns must be the first part's). In CSV a missing number is written "NaN" and an empty
    string as an empty cell, so read_tables tells them apart as it does in Parquet."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        if fmt == "parquet":
            (folder / name).mkdir(exist_ok=True)
            table.to_parquet(folder / name / f"part-{part:05d}.parquet", index=False)
            continue
        path = folder / f"{name}.csv"
        if part > 0:
            header = pd.read_csv(path, nrows=0).columns.tolist()
            if sorted(header) != sorted(table.columns):
                raise ValueError(f"{name}: batch {part} has columns {list(table.columns)}, "
                                 f"the first batch had {header}")
            table = table[header]
        write_csv(table, path, append=part > 0)


def read_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read every table a tag run wrote (CSV files, or folders/files of Parquet parts).

    Both formats read to the same DataFrames whatever the engine or batch size: text columns
    are str with "" for missing, a column with no value at all is float NaN, rows in the order
    written (corpus order)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise MedialensError(folder, "no such tables folder (write one with `medialens tag`)")
    tables = {}
    for path in sorted(folder.iterdir()):
        name = path.name.split(".")[0]
        if path.suffix == ".csv":
            table = pd.read_csv(path, keep_default_na=False, na_values=[MISSING],
                                dtype={"doc_id": str})
            for column in table.select_dtypes(include=["object", "string"]).columns:
                table[column] = table[column].map(_unquote)
            tables[name] = _tidy(table)
        elif path.suffix == ".parquet" or (path.is_dir() and any(path.glob("*.parquet"))):
            parts = [pd.read_parquet(part) for part in sorted(path.glob("*.parquet")) or [path]]
            # An empty batch has untyped columns; left in, it would change the others' dtypes.
            parts = [part for part in parts if len(part)] or parts[:1]
            tables[name] = _tidy(pd.concat(parts, ignore_index=True))
    if "documents" not in tables:
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


def _unquote(value):
    if isinstance(value, str) and value.startswith("'") and value[1:2] and value[1] in "=+-@\t\r":
        return value[1:]
    return value
