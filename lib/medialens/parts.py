"""The parts of a tag run: each batch's tables, encoded as the bytes of their files by the process
that tagged them (tables.encode_tables), then written into the output folder in corpus order.

The process that runs the worker processes only writes bytes: it imports neither pandas nor
spaCy (the functions the workers run import them when called), so a run holds one copy of them,
in its worker, not two (pandas and pyarrow alone are 100 MB of every process that imports them).
"""
from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import NamedTuple

from .outputs import record_output

COLUMN_KINDS = ".medialens-columns.json"  # {table: {column: "text" | "other"}} of a tables folder
CSV_LINE_END = b"\r\n"


class TaggedPart(NamedTuple):
    """One batch's tables as the bytes of their files, and what the batch says of its articles."""
    files: dict[str, bytes]  # table name -> a Parquet file, or CSV with its header
    kinds: dict[str, dict[str, str]]  # CSV: table -> column -> "text" or "other" (None: no value yet)
    documents: int  # articles tagged
    failed: int  # rows of the errors table
    checks: tuple[str, ...]  # doc_ids of the articles a consistency check left out


def tag_part(articles: list[dict], fmt: str, **options) -> TaggedPart:
    """tagging.tag_partition's tables for `articles`, encoded: the task a worker process runs."""
    from .tables import encode_tables
    from .tagging import tag_partition

    return encode_tables(tag_partition(articles, **options), fmt)


def error_part(article: dict, message: str, fmt: str, analyses: tuple[str, ...] = ()) -> TaggedPart:
    """The tables of an article whose worker process died: one row of errors, of stage "worker"."""
    from .failures import error_row
    from .tables import encode_tables
    from .tagging import frames_from_rows, score_tables
    from .workers import WorkerDied

    tables = frames_from_rows({"errors": [error_row(article, "worker", WorkerDied(message))]}, analyses)
    tables["scores"] = score_tables(tables, analyses)
    return encode_tables(tables, fmt)


def write_part(part: TaggedPart, folder: str | Path, fmt: str, number: int) -> None:
    """Write one part: folder/NAME/part-NNNNN.parquet, or appended to folder/NAME.csv (part 0
    starts it; a later part's columns must be the first part's)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in part.files.items():
        if fmt == "parquet":
            (folder / name).mkdir(exist_ok=True)
            (folder / name / f"part-{number:05d}.parquet").write_bytes(data)
            continue
        path = folder / f"{name}.csv"
        if number == 0:
            path.write_bytes(data)
            record_output(folder, [path])
            continue
        header, _, rows = data.partition(CSV_LINE_END)
        with path.open("rb") as file:
            first_header = file.readline().rstrip(CSV_LINE_END)
        if header != first_header:
            raise ValueError(f"{name}: batch {number} has columns {header.decode()}, "
                             f"the first batch had {first_header.decode()}")
        with path.open("ab") as file:
            file.write(rows)
    if fmt == "csv":
        _record_kinds(folder, part.kinds, fresh=number == 0)


def _record_kinds(folder: Path, part_kinds: dict[str, dict[str, str]], fresh: bool) -> None:
    """Which columns hold text, merged over the parts written so far (text wins)."""
    path = folder / COLUMN_KINDS
    kinds = {} if fresh or not path.exists() else json.loads(path.read_text(encoding="utf-8"))
    changed = fresh
    for name, columns in part_kinds.items():
        known = kinds.setdefault(name, {})
        for column, kind in columns.items():
            if known.get(column) != "text" and known.get(column) != kind:
                known[column], changed = kind, True
    if changed:
        path.write_text(json.dumps(kinds, indent=1, sort_keys=True), encoding="utf-8")


def warn_about_checks(doc_ids: list[str]) -> None:
    """A visible warning for articles left out because they failed a consistency check."""
    if doc_ids:
        many = len(doc_ids) != 1
        warnings.warn(f"{len(doc_ids)} article{'s' if many else ''} failed a consistency "
                      f"check and {'were' if many else 'was'} left out "
                      f"({', '.join(doc_ids[:5])}{', ...' if len(doc_ids) > 5 else ''}); errors "
                      "lists why", UserWarning, stacklevel=3)
