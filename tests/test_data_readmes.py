"""Every count a data README states is the count in its files, so a README edited by hand (or a
file that gained rows) fails here, naming the README line to change and what to write.

The README forms read (each inside the section, table row or paragraph of one file):
- a file's rows: `## boilerplate.csv (35 rules)`, `**negators.csv** (61 rows)`, a table row
  `| figure_numbers.csv | 40 |`, `309 words of `emotive_exclusions.csv``, `(empty)` for 0;
- a category's rows: `` `month` (12) ``, `` `speculative` cues (50: ...) ``, `**loaded_language** (89`,
  `` `kind=line` (22) `` (a column's value), `` `headline` (80 forms) `` (a yes/no column);
  a bare name counts only when it is one: `q1_disagreement (58)`, `1,041 negative`, `13 tasks`;
  `troops 42` inside `` `noun`: ... `` counts the rows that are both.
A CSV's rows are its lines after the header; a JSONL's are its JSON objects (not blank lines or
// comments); a JSON file's named list is its length.
"""
from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT

DATA = ROOT / "lib" / "medialens" / "data"
READMES = sorted(DATA.glob("*/README.md"))
NUM = r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?![.,]?\d)"
FILE = r"[\w-]+\.(?:csv|jsonl|json)"
QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")
FILE_COUNT = [re.compile(p) for p in (
    rf"^\|\s*`?(?P<file>{FILE})`?\s*\|\s*(?P<n>{NUM})\s*\|",
    rf"[`*]*(?P<file>(?<![/\w]){FILE})[`*]*\s*\((?:(?P<n>{NUM})|(?P<empty>empty)\b)",
    rf"(?P<n>{NUM}) [a-z]+ of `(?P<file>{FILE})`")]
NAMED = re.compile(rf"(?:`(?P<name>[\w=]+)`|\*\*(?P<bold>\w+)\*\*)(?::? [^`();|]{{0,80}}?)? \((?P<n>{NUM})")
# A bare name before "(N" counts only when it looks like an identifier ("q1_disagreement (58)"):
# in prose "a short line (12 words" is no count of `line`.
BARE = re.compile(rf"(?<![`\w*=])(?P<name>[a-z]+[0-9_][a-z0-9_]*) \((?P<n>{NUM})")
NESTED = re.compile(rf"(?<![`\w*=])(?P<name>[a-z][a-z0-9_]*) (?P<n>{NUM})(?=[,;)( ]|$)")
COUNTED = re.compile(rf"(?P<n>{NUM})\s+(?P<name>[a-z][a-z_]*)")
BACKTICKED = re.compile(r"`([\w=]+)`")
OPENS_WITH_FILE = re.compile(rf"^(?:- )?[`*]*{FILE}")


@dataclass
class Claim:
    line: int
    text: str  # the README's words that state the count
    number: str  # as written
    actual: int
    what: str  # what was counted

    @property
    def stated(self) -> int:
        return 0 if self.number == "empty" else int(self.number.replace(",", ""))

    def fix(self) -> str:
        written = f"{self.actual:,}" if "," in self.number else str(self.actual)
        return self.text.replace(self.number, written if self.actual or self.number != "empty" else "empty", 1)


@lru_cache(maxsize=None)
def rows(path: Path):
    """A CSV as a table of strings, a JSONL file's objects as a table, a JSON file as its data."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if path.suffix == ".jsonl":
        lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("//")]
        return pd.DataFrame([{k: v for k, v in json.loads(line).items() if isinstance(v, str)} for line in lines])
    return json.loads(text)


def _dicts(data) -> list[dict]:
    if isinstance(data, dict):
        return [data, *(d for value in data.values() for d in _dicts(value))]
    return [d for value in data for d in _dicts(value)] if isinstance(data, list) else []


def _lists(data) -> list[list]:
    if isinstance(data, dict):
        return [found for value in data.values() for found in _lists(value)]
    return [data, *(found for value in data for found in _lists(value))] if isinstance(data, list) else []


def category_count(path: Path, name: str, parent: str | None = None) -> int | None:
    """Rows of `path` whose category column holds `name` (the column where it is most often; with
    `parent`, rows that hold it too), or None if no row does. JSON: the objects of a list that
    have `name` as a value (the list where it is most often), else the length of the list or
    object named `name`."""
    data = rows(path)
    if not isinstance(data, pd.DataFrame):
        holding = [sum(isinstance(d, dict) and name in d.values() for d in found) for found in _lists(data)]
        named = [d[name] for d in _dicts(data) if isinstance(d.get(name), (list, dict))]
        return max(holding, default=0) or (len(named[0]) if named else None)
    if "=" in name:
        column, value = name.split("=", 1)
        return int((data.get(column, pd.Series(dtype=str)) == value).sum()) or None
    if name in data.columns and set(data[name]) <= {"yes", "no", ""}:
        return int((data[name] == "yes").sum())
    within = data.eq(parent).any(axis=1) if parent else True
    counts = [int(((data[column] == name) & within).sum()) for column in data.columns if (data[column] == name).any()]
    return max(counts) if counts else None


def file_rows(path: Path) -> int:
    data = rows(path)
    return len(data) if isinstance(data, pd.DataFrame) else len(_dicts(data))


def units(readme: Path) -> list[tuple[list[int], str]]:
    """The README as units a count is read in: a heading, a table row, a bullet or a paragraph,
    its lines joined by spaces; with the number of the line each character comes from."""
    found: list[tuple[list[int], str]] = []
    open_unit = False
    for number, line in enumerate(readme.read_text(encoding="utf-8").splitlines(), 1):
        own = line.startswith(("#", "|", "- ")) or not line.strip()
        if open_unit and not own:
            lines, text = found[-1]
            found[-1] = (lines + [number] * (len(line) + 1), f"{text} {line}")
        elif line.strip():
            found.append(([number] * len(line), line))
        open_unit = bool(line.strip()) and not line.startswith(("#", "|"))
    return found


def claims(readme: Path) -> tuple[list[Claim], list[str]]:
    """(every count the README states, with the count in the files; names it cannot resolve).
    A heading, or a bullet or paragraph opening with a file's name, or a count of a file's rows,
    makes that file the one the next counts are of; a table row is about its own file."""
    found, unresolved, scope = [], [], None
    files = {p.name: p for p in readme.parent.iterdir() if p.suffix in (".csv", ".jsonl", ".json")}
    for lines, original in units(readme):
        text = QUOTED.sub(lambda m: " " * len(m.group()), original)  # examples are not counts
        named = [m.group() for m in re.finditer(FILE, text) if m.group() in files]
        if text.startswith("#") or OPENS_WITH_FILE.match(text):
            scope = files.get(named[0]) if named else None
        switches = [(0, None if text.startswith("|") else scope)]  # (from position, file)
        taken: set[int] = set()
        for pattern in FILE_COUNT:
            for m in pattern.finditer(text):
                if m.group("file") in files:
                    path = files[m.group("file")]
                    switches.append((m.start(), path))
                    taken.add(m.start("n") if m.groupdict().get("n") else m.start("empty"))
                    found.append(_claim(lines, original, m, file_rows(path), f"{path.name} has {file_rows(path)} rows"))
        switches.sort(key=lambda switch: switch[0])
        if not text.startswith("|"):
            scope = switches[-1][1]
        _category_claims(readme, lines, original, text, switches, taken, found, unresolved)
    return found, unresolved


def _claim(lines: list[int], original: str, match: re.Match, actual: int, what: str) -> Claim:
    group = "n" if match.groupdict().get("n") else "empty"
    return Claim(lines[match.start(group)], original[match.start():match.end()], match.group(group), actual, what)


def _category_claims(readme, lines, original, text, switches, taken, found, unresolved) -> None:
    for pattern in (NAMED, BARE, NESTED, COUNTED):
        for m in pattern.finditer(text):
            here = [path for start, path in switches if start <= m.start()][-1]
            if m.start("n") in taken or here is None:
                continue
            name = m.group("name") or m.group("bold")
            parents = [p.group(1) for p in BACKTICKED.finditer(text[:m.start()])
                       if category_count(here, p.group(1)) is not None] if pattern is NESTED else []
            parent = parents[-1] if parents else None
            if pattern is COUNTED and name.endswith("s") and category_count(here, name[:-1]) is not None:
                name = name[:-1]  # "8 hedges": rows of `hedge`
            actual = category_count(here, name, parent)
            if actual is not None:
                taken.add(m.start("n"))
                within = f" among `{parent}`" if parent else ""
                found.append(_claim(lines, original, m, actual, f"{here.name} has {actual} rows of `{name}`{within}"))
            elif pattern is NAMED:
                unresolved.append(f"{readme.name}:{lines[m.start()]}: `{name}` is no category of {here.name}")


def problems(readme: Path) -> list[str]:
    """One line per wrong or unreadable count: where, what to write instead, and why."""
    found, unresolved = claims(readme)
    return [f"{readme.name}:{c.line}: change {c.text!r} to {c.fix()!r} ({c.what})"
            for c in found if c.stated != c.actual] + unresolved


@pytest.mark.parametrize("readme", READMES, ids=lambda p: p.parent.name)
def test_every_count_in_a_data_readme_is_the_count_in_its_files(readme):
    wrong = problems(readme)
    assert not wrong, f"in {readme.parent.relative_to(ROOT)}/:\n" + "\n".join(wrong)


@pytest.mark.parametrize("readme", READMES, ids=lambda p: p.parent.name)
def test_every_word_list_has_its_rows_counted(readme):
    found, _ = claims(readme)
    counted = {c.what.split(" has ")[0] for c in found if " rows of " not in c.what}
    lists = {p.name for p in readme.parent.iterdir() if p.suffix in (".csv", ".jsonl")}
    assert lists <= counted, f"{readme.relative_to(ROOT)} states no row count for {sorted(lists - counted)}"


@pytest.mark.parametrize("text, expected", [
    ("## clause_words.csv (27 rows): word, category, why\n`coordinator` (3: and, or, nor), `contrast` (7: but)",
     ["README.md:1: change 'clause_words.csv (27' to 'clause_words.csv (28' (clause_words.csv has 28 rows)"]),
    ("| clause_words.csv | 28 | `relative` (5) and `subordinator` words (11: that, if)",
     ["README.md:1: change '`relative` (5' to '`relative` (4' (clause_words.csv has 4 rows of `relative`)"]),
    ("## clause_words.csv (28 rows)\nAfter a comma (3: like this): `coordinatr` (3)",
     ["README.md:2: `coordinatr` is no category of clause_words.csv"]),
    ('## clause_words.csv (28 rows)\nThe "and (9" of an example, Quirk (1985) and 3.0 are no counts.', []),
    ("## Grammar\nNo file here yet: `coordinator` (9)", []),  # counts of no file are not read
    ("| clause_words.csv | 28 | `coordinator`: the joining words (4: and, or, nor)",
     ["README.md:1: change '`coordinator`: the joining words (4' to '`coordinator`: the joining words (3' "
      "(clause_words.csv has 3 rows of `coordinator`)"]),
    ("## clause_words.csv (28 rows)\nClause words: `contrast` (7: but,\n  yet), `relative`\n  (5)",  # over lines
     ["README.md:4: change '`relative`   (5' to '`relative`   (4' (clause_words.csv has 4 rows of `relative`)"]),
])
def test_a_wrong_count_names_the_line_and_the_fix(tmp_path, text, expected):
    shutil.copy(DATA / "grammar" / "clause_words.csv", tmp_path)
    (tmp_path / "README.md").write_text(text + "\n", encoding="utf-8")
    assert problems(tmp_path / "README.md") == expected
