"""Reading the editable data files: lexicons, token patterns and rule tables.

Every file lives in a folder of data/ per analysis (corpus/, hedges/, sources/, figures/,
frames/), whose README.md says where each category comes from and how many entries it has. A user or a
notebook parameter can point a name at another file; errors name the file, the line and the problem.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .config import DATA_DIR
from .errors import MedialensError

SUFFIXES = (".jsonl", ".csv")


def data_path(name: str, overrides: dict[str, str] | None = None) -> Path:
    """The file for lexicon `name`: the user's override if given, else data/*/NAME.jsonl or .csv.

    File stems are unique across data/'s folders, so a name alone finds the file."""
    if overrides and overrides.get(name):
        path = Path(overrides[name]).expanduser()
        if not path.is_file():
            raise MedialensError(path, f"lexicon file for '{name}' not found")
        return path
    found = [p for p in DATA_DIR.rglob(f"{name}.*") if p.suffix in SUFFIXES]
    if found:
        return found[0]
    known = sorted(p.stem for p in DATA_DIR.rglob("*") if p.suffix in SUFFIXES)
    raise MedialensError(name, f"no such lexicon; choose one of {', '.join(known)}")


@lru_cache(maxsize=None)
def _read_jsonl(path: Path) -> tuple[dict, ...]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("//"):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise MedialensError(f"{path}:{number}", f"not a JSON object ({error.msg})") from None
    return tuple(rows)


def read_patterns(name: str, overrides: dict[str, str] | None = None) -> list[dict]:
    """Rows of a JSONL pattern file (spaCy style: one {"label", "pattern", "id"} per line)."""
    return [dict(row) for row in _read_jsonl(data_path(name, overrides))]


def read_table(name: str, overrides: dict[str, str] | None = None) -> pd.DataFrame:
    """A CSV rule table, all cells as strings (callers must not modify it: it is cached)."""
    return _read_csv(data_path(name, overrides))


@lru_cache(maxsize=None)
def _read_csv(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise MedialensError(path, f"not a readable CSV table ({str(error).splitlines()[0]})") from None
