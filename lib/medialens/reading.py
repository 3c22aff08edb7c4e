"""Reading a corpus as the user gave it: a folder of .txt/.md/.html files, one such file, or a
table of articles, with a metadata.csv beside a folder.

Yields raw articles (text as read, metadata as given); cleaning them into documents is corpus.py's.
Every problem with the user's input is a one-line MedialensError naming the file.
"""
from __future__ import annotations

import io
import re
import warnings
from pathlib import Path
from typing import Iterator

import pandas as pd

from .errors import MedialensError
from .lexicons import json_objects

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".parquet"}
TEXT_COLUMNS = ("text", "body", "content", "article")
ID_COLUMNS = ("doc_id", "id")
META_COLUMNS = ("title", "date", "outlet", "agency", "url")
METADATA_FILE = "metadata.csv"


class EncodingWarning(UserWarning):
    """A file that is not UTF-8 was read as Windows-1252."""


def iter_raw_documents(path: str | Path) -> Iterator[dict]:
    """Each article as read, before cleaning: {"where", "doc_id", title, date, date_source,
    outlet, agency, url, raw_text}, ids unique. Cleaning (clean_document) is the costly half, so parallel taggers
    read here, in one process, and clean in their workers."""
    path = Path(path)
    if not path.exists():
        raise MedialensError(path, "no such file or folder")
    if path.is_dir():
        yield from _iter_folder(path)
    elif path.suffix.lower() in TABLE_SUFFIXES:
        yield from _iter_table(path)
    else:
        yield _raw(path, _article_file(path))


def _raw(where, article: dict, doc_id: str | None = None) -> dict:
    doc_id = safe_id(doc_id if doc_id is not None else Path(str(where)).stem)
    return {"where": str(where), "doc_id": doc_id, **article}


def _iter_folder(folder: Path) -> Iterator[dict]:
    files = sorted(p for p in folder.iterdir()
                   if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES)
    if not files:
        kinds = ", ".join(sorted(TEXT_SUFFIXES | HTML_SUFFIXES))
        raise MedialensError(folder, f"no article files in this folder (looked for {kinds})")
    metadata = _read_metadata(folder / METADATA_FILE)
    for file, doc_id in zip(files, unique_ids([safe_id(file.stem) for file in files])):
        article = _article_file(file)
        article.update({k: v for k, v in metadata.get(file.stem, {}).items() if v})
        if metadata.get(file.stem, {}).get("date"):
            article["date_source"] = METADATA_FILE
        yield _raw(file, article, doc_id)


def _read_metadata(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    table = _read_table(path)
    key = next((c for c in (*ID_COLUMNS, "file") if c in table.columns), None)
    if key is None:
        raise MedialensError(path, "needs a doc_id (or file) column naming each article")
    table[key] = table[key].map(lambda v: Path(str(v)).stem)
    repeated = table[key][table[key].duplicated()]
    if len(repeated):
        raise MedialensError(path, f"the article '{repeated.iloc[0]}' is listed twice")
    columns = [c for c in META_COLUMNS if c in table.columns]
    return {name: {c: _cell(row[c], path, number, c) for c in columns}
            for number, (name, row) in enumerate(table.set_index(key)[columns].iterrows(), 1)}


def _iter_table(path: Path) -> Iterator[dict]:
    table = _read_table(path)
    text_column = next((c for c in TEXT_COLUMNS if c in table.columns), None)
    if text_column is None:
        raise MedialensError(path, f"no text column (name one of: {', '.join(TEXT_COLUMNS)})")
    id_column = next((c for c in ID_COLUMNS if c in table.columns), None)
    if table.empty:
        raise MedialensError(path, "the table has no rows")
    columns = [c for c in (text_column, id_column, *META_COLUMNS) if c in table.columns]
    rows = [{c: _cell(value, path, number, c) for c, value in row.items()}
            for number, row in enumerate(table[columns].to_dict("records"), 1)]
    given = [safe_id(row[id_column]) if id_column and row[id_column].strip() else f"{path.stem}-{number}"
             for number, row in enumerate(rows, 1)]
    for number, (row, doc_id) in enumerate(zip(rows, unique_ids(given)), 1):
        article = {k: row.get(k, "") for k in META_COLUMNS}
        article["date_source"] = "table" if article["date"].strip() else ""
        article["raw_text"] = row[text_column]
        yield _raw(f"{path}, row {number}", article, doc_id)


# Cells a table writer leaves for a missing value (pandas writes "NaN", databases NULL): an
# outlet or title that reads "NaN" is no outlet.
MISSING_CELLS = {"nan", "none", "null", "<na>", "n/a", "#n/a"}


def _cell(value, path: Path, row: int, column: str) -> str:
    """One cell of a table of articles as text: missing values are "", bytes are decoded as
    files are (UTF-8, else Windows-1252 with a warning), numbers and dates are written out; a
    list or a mapping is a one-line error naming the file, row and column."""
    if isinstance(value, bytes):
        return _decode(value, f"{path}, row {row}, column {column}")
    if isinstance(value, str):
        missing = column in (*ID_COLUMNS, *META_COLUMNS) and value.strip().lower() in MISSING_CELLS
        return "" if missing else value
    if isinstance(value, (list, tuple, dict, set)) or getattr(value, "ndim", 0):
        kind = "a mapping" if isinstance(value, dict) else "a list"
        raise MedialensError(f"{path}, row {row}, column {column}", f"holds {kind}, not text")
    if value is None or pd.isna(value):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _read_table(path: Path) -> pd.DataFrame:
    """A table of articles, every cell a string; CSV and JSONL decoded as read_text does."""
    try:
        if path.suffix.lower() == ".parquet":
            table = pd.read_parquet(path)
        elif path.suffix.lower() == ".jsonl":
            table = pd.DataFrame(json_objects(read_text(path), path), dtype=object)
        else:
            table = pd.read_csv(io.StringIO(read_text(path)), dtype=str, keep_default_na=False)
    except (ValueError, OSError, pd.errors.ParserError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise MedialensError(path, f"cannot read this table ({reason})") from None
    table.columns = [str(c).strip().lower() for c in table.columns]
    return table


def _article_file(path: Path) -> dict:
    """Title, date, outlet, url and raw text of one .txt/.md/.html file."""
    if path.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES:
        kinds = ", ".join(sorted(TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES))
        raise MedialensError(path, f"unsupported file type (use a folder or one of {kinds})")
    text = read_text(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        # Extracted in clean_document: in the workers, and a page without an article is one
        # failed article, not the end of the run.
        return {"title": "", "date": "", "outlet": "", "url": "", "html": text}
    return {"title": "", "date": "", "outlet": "", "url": "", "raw_text": text}


def read_text(path: Path) -> str:
    """The file's text: UTF-8, else Windows-1252 with a warning; empty or binary files are errors."""
    data = path.read_bytes()
    if not data.strip():
        raise MedialensError(path, "the file is empty")
    if b"\x00" in data[:4096]:
        raise MedialensError(path, "the file is binary, not text")
    return _decode(data, path)


def _decode(data: bytes, where) -> str:
    """UTF-8, else Windows-1252 with a warning naming `where`."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warnings.warn(f"{where}: not UTF-8, read as Windows-1252", EncodingWarning, stacklevel=3)
        # cp1252 leaves five bytes undefined; latin-1 maps every byte, so it takes those files.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def safe_id(value) -> str:
    """A document id usable as a file name: no path separators, no leading dots ('../x' -> 'x')."""
    cleaned = re.sub(r"[^\w.-]+", "_", str(value)).strip("._")
    return cleaned or "doc"


def unique_ids(ids: list[str]) -> list[str]:
    """`ids` with each repeat given the first free suffix ("a", "a" -> "a", "a-2"), free meaning
    used by no other id of the corpus, so an existing "a-2" keeps its own and the repeat of "a"
    becomes "a-3": two articles never share an id (and so never mix in the tables)."""
    taken, result = set(ids), []
    seen: set[str] = set()
    for doc_id in ids:
        if doc_id in seen:
            number = 2
            while f"{doc_id}-{number}" in taken:
                number += 1
            doc_id = f"{doc_id}-{number}"
            taken.add(doc_id)
        seen.add(doc_id)
        result.append(doc_id)
    return result
