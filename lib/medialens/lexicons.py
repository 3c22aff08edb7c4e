"""Reading the editable data files: lexicons, token patterns and rule tables.

Every file lives in a folder of data/ per analysis (corpus/, hedges/, sources/, figures/,
frames/), whose README.md says where each category comes from and how many entries it has. A user or a
notebook parameter can point a name at another file; errors name the file, the line and the problem.
"""
from __future__ import annotations

import io
import json
from functools import lru_cache
import re
from pathlib import Path

import pandas as pd

from .config import DATA_DIR
from .errors import MedialensError

SUFFIXES = (".jsonl", ".csv")
# Lexicons that a user's analysis module declares (analyses.py adds them): {name: file}.
ANALYSIS_LEXICONS: dict[str, Path] = {}

# Limits on one token pattern (check_pattern): the Matcher's time grows with the sentence length
# to the power of the repeated tokens, and doubles with each optional one.
MAX_REPEATED = 1
MAX_EXPANDED = 256
# A group that holds a repeat and is itself repeated without bound ("(a+)+", "(\w+\s?)*"):
# on one long word or line the regular expression engine may try every way to split it.
NESTED_REPEAT = re.compile(r"\((?:[^()\\]|\\.)*(?:[*+]|\{\d*,\d*\})(?:[^()\\]|\\.)*\)(?:[*+]|\{\d+,\})")


def data_path(name: str, overrides: dict[str, str] | None = None) -> Path:
    """The file for lexicon `name`: the user's override if given, else data/*/NAME.jsonl or .csv.

    File stems are unique across data/'s folders, so a name alone finds the file."""
    if overrides and overrides.get(name):
        path = Path(overrides[name]).expanduser()
        if not path.is_file():
            raise MedialensError(path, f"lexicon file for '{name}' not found")
        return path
    return _built_in_path(name)


def _built_in_path(name: str) -> Path:
    return ANALYSIS_LEXICONS.get(name) or _data_file(name)


def _data_file(name: str) -> Path:
    found = _data_files().get(name)
    if found:
        return found
    raise MedialensError(name, f"no such lexicon; choose one of {', '.join(known_lexicons())}")


@lru_cache(maxsize=None)
def _data_files() -> dict[str, Path]:
    """{name: file} of data/, found in one walk of its folders (a walk per name was a tenth of
    reading the lexicons); where two files share a name, the first the walk finds."""
    files: dict[str, Path] = {}
    for path in DATA_DIR.rglob("*"):
        if path.suffix in SUFFIXES:
            files.setdefault(path.stem, path)
    return files


def known_lexicons() -> list[str]:
    return sorted(set(_data_files()) | set(ANALYSIS_LEXICONS))


def add_lexicons(files: dict[str, Path], owner: str) -> None:
    """Make the lexicons of a user's analysis module `owner` known by name, like those of data/."""
    built_in = {p.stem for p in DATA_DIR.rglob("*") if p.suffix in SUFFIXES}
    for name, path in files.items():
        if name in built_in or ANALYSIS_LEXICONS.get(name, path) != path:
            raise MedialensError(owner, f"its lexicon '{name}' has the name of another lexicon; rename it")
        if not path.is_file() or path.suffix not in SUFFIXES:
            raise MedialensError(path, f"lexicon '{name}' of {owner} is no .csv or .jsonl file")
        ANALYSIS_LEXICONS[name] = path


def check_overrides(overrides: dict[str, str] | None) -> None:
    """Every overridden name must be a lexicon of data/, and its file must exist."""
    for name in overrides or {}:
        if name not in known_lexicons():
            raise MedialensError(name, f"no such lexicon; choose one of {', '.join(known_lexicons())}")
        data_path(name, overrides)


def read_patterns(name: str, overrides: dict[str, str] | None = None) -> list[dict]:
    """Rows of a JSONL pattern file (spaCy style: one {"label", "pattern", "id"} per line).

    A user's file must hold JSON objects with the keys the built-in file's rows all have."""
    path = data_path(name, overrides)
    rows = _read_jsonl(path, path.stat().st_mtime_ns)
    if path != _built_in_path(name):
        built_in = _read_jsonl(_built_in_path(name), _built_in_path(name).stat().st_mtime_ns)
        needed = set.intersection(*(set(row) for row in built_in)) if built_in else set()
        for number, row in enumerate(rows, 1):
            if not needed <= set(row):
                raise MedialensError(path, f"pattern {number} lacks {', '.join(sorted(needed - set(row)))}")
    return [dict(row) for row in rows]


def word_classes(name: str, overrides: dict[str, str] | None = None) -> dict[str, frozenset[str]]:
    """{category: lower-cased words} of a word-list table with `word` and `category` columns
    (clause_words, source_words): one word list per meaning, shared by every tagger that needs it."""
    table = read_table(name, overrides)
    return {category: frozenset(group.word.str.lower()) for category, group in table.groupby("category")}


def read_table(name: str, overrides: dict[str, str] | None = None) -> pd.DataFrame:
    """A CSV rule table, all cells as strings (callers must not modify it: it is cached).

    A user's table must have the columns of the built-in one."""
    path = data_path(name, overrides)
    table = _read_csv(path, path.stat().st_mtime_ns)
    if path != _built_in_path(name):
        built_in = _read_csv(_built_in_path(name), _built_in_path(name).stat().st_mtime_ns)
        missing = [c for c in built_in.columns if c not in table.columns]
        if missing:
            raise MedialensError(path, f"missing column(s) {', '.join(missing)} "
                                       f"(a {name} table has {', '.join(built_in.columns)})")
    return table


# Cached by path and modification time, so an edited lexicon is read again in a running kernel.
@lru_cache(maxsize=None)
def _read_jsonl(path: Path, mtime: int) -> tuple[dict, ...]:
    rows = json_lines(_text(path), path)
    for number, row in rows:
        check_pattern(row.get("pattern"), f"{path}:{number}")
    return tuple(row for _, row in rows)


def check_pattern(pattern, where: str) -> None:
    """Refuse a token pattern that could take the Matcher exponential time: more than
    MAX_REPEATED tokens that repeat (OP "*", "+" or "{n,}"), a repeated token first or last
    (every start or end of a sentence would match), or more than MAX_EXPANDED ways to take or
    leave its optional tokens ("?", "{n,m}"). The limits are far above what the built-in
    lexicons use (one repeated token, four optional ones)."""
    if not isinstance(pattern, list):
        return  # a phrase, or no pattern: spaCy's own check names the problem
    for token in pattern:
        for value in (token.values() if isinstance(token, dict) else ()):
            if isinstance(value, dict) and isinstance(value.get("REGEX"), str):
                check_regex(value["REGEX"], where)
    ops = [str(token.get("OP", "")) if isinstance(token, dict) else "" for token in pattern]
    repeated = [n for n, op in enumerate(ops) if op in ("*", "+") or (op.startswith("{") and op.endswith(",}"))]
    if len(repeated) > MAX_REPEATED:
        raise MedialensError(where, f"{len(repeated)} tokens repeat (OP * or +); the limit is "
                                    f"{MAX_REPEATED} per pattern, since each more multiplies the "
                                    "matching time by the sentence's length")
    if repeated and (repeated[0] == 0 or repeated[-1] == len(pattern) - 1):
        raise MedialensError(where, "a token that repeats (OP * or +) is first or last in the "
                                    "pattern; the limit is a repeated token between two others")
    expanded = 1
    for op in ops:
        low, _, high = op.strip("{}").partition(",") if op.startswith("{") else ("", "", "")
        expanded *= 2 if op == "?" else (int(high) - int(low or 0) + 1 if high.isdigit() and
                                        (low or "0").isdigit() else 1)
    if expanded > MAX_EXPANDED:
        raise MedialensError(where, f"its optional tokens (OP ? or {{n,m}}) expand into {expanded:,} "
                                    f"ways to match; the limit is {MAX_EXPANDED:,} per pattern")


def check_regex(regex: str, where: str) -> None:
    """Refuse a regular expression that repeats a repeated group without bound (NESTED_REPEAT):
    its time on one long word or line can grow exponentially. "(a+){0,3}" or "(most|\\w+est)" pass."""
    nested = NESTED_REPEAT.search(regex)
    if nested:
        raise MedialensError(where, f"the regular expression repeats a group that itself repeats "
                                    f"({nested.group()}), which can take exponential time on one "
                                    "long word; bound the outer repeat ({0,3}) or drop the inner one")


def json_objects(text: str, path) -> list[dict]:
    """The JSON object on each line of `text` (blank lines and // comments skipped); a line that
    is not an object is a one-line error naming path:line."""
    return [row for _, row in json_lines(text, path)]


def json_lines(text: str, path) -> list[tuple[int, dict]]:
    """(line number, object) of each line of json_objects."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("//"):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise MedialensError(f"{path}:{number}", f"not a JSON object ({error.msg})") from None
            except RecursionError:
                raise MedialensError(f"{path}:{number}", "nested too deeply to read") from None
            if not isinstance(row, dict):
                raise MedialensError(f"{path}:{number}", "not a JSON object")
            rows.append((number, row))
    return rows


@lru_cache(maxsize=None)
def _read_csv(path: Path, mtime: int) -> pd.DataFrame:
    try:
        # Cells as Python str objects (object dtype), not pandas' Arrow-backed strings: the
        # taggers turn these tables into sets and dicts, and iterating Arrow strings made a
        # Python str per cell read, the lexicons' largest cost at start-up.
        return pd.read_csv(io.StringIO(_text(path)), dtype=object, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise MedialensError(path, f"not a readable CSV table ({str(error).splitlines()[0]})") from None


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise MedialensError(path, "not UTF-8 text (save the lexicon as UTF-8)") from None
