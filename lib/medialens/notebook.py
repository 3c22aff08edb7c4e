"""The one opening call of every notebook: check its parameters, then tag or read the tables.

A notebook's `parameters` cell holds annotated literals (`corpus: str = "../seeds"`,
`hedges_lexicon: str = ""`); papermill injects overrides in a cell after it. `tables_from_parameters`
reads those names from the notebook's namespace, checks each value against its annotation, each
path, and each `<lexicon>_lexicon` name and file, and says in one line which one is wrong. A name
ending in `_lexicon` that is no lexicon (papermill's `-p hedge_lexicon x`, which papermill only
warns about) is an error here, not a silent run with the default. An `analyses` parameter
("mypackage.quotes, my_analysis.py") adds analyses of the user's own, as `--analysis` does, and
makes their lexicons known to the `*_lexicon` parameters.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import analyses
from .errors import MedialensError
from .outputs import claim_output
from .lexicons import ANALYSIS_LEXICONS, data_path, known_lexicons, read_patterns, read_table
from .tables import read_tables

LEXICON_SUFFIX = "_lexicon"


def tables_from_parameters(namespace: dict) -> dict[str, pd.DataFrame]:
    """Every table for the notebook: read from `tables` when it names a folder written by
    `medialens tag`, else tagged from `corpus` with the notebook's lexicon overrides and
    `analyses` (tagging, and only tagging, needs spaCy).

    namespace: the notebook's globals() after its parameters (and papermill's) cells. A new or
    empty `output` folder is marked as a medialens output (one holding other files never is:
    outputs.claim_output), so that a later `medialens run --out` there deletes nothing else."""
    check_parameters(namespace)
    if namespace.get("output"):
        claim_output(namespace["output"])
    if namespace.get("tables"):
        return read_tables(namespace["tables"])
    from .tagging import tag_corpus

    return tag_corpus(namespace["corpus"], lexicons=lexicon_overrides(namespace),
                      analyses=analyses.names(namespace.get("analyses")))


def lexicon_overrides(namespace: dict) -> dict[str, str]:
    """{lexicon name: file} for every `<name>_lexicon` parameter that is set (empty: built-in):
    the lexicons of data/ and those of the analyses the `analyses` parameter names."""
    own = analyses.own_lexicons(namespace.get("analyses"))
    known = {name for name in known_lexicons() if name not in ANALYSIS_LEXICONS} | own
    overrides = {}
    for key, value in namespace.items():
        if not key.endswith(LEXICON_SUFFIX) or key.startswith("_"):
            continue
        name = key[: -len(LEXICON_SUFFIX)]
        if name not in known:
            choices = ", ".join(f"{n}{LEXICON_SUFFIX}" for n in sorted(known))
            raise MedialensError(f"parameter {key}", f"no such lexicon; choose one of {choices}")
        if value:
            overrides[name] = str(value)
    return overrides


def check_parameters(namespace: dict) -> None:
    """Each annotated parameter has its annotated type; the analyses, paths and lexicons it names
    exist."""
    for name, expected in namespace.get("__annotations__", {}).items():
        if name not in namespace:
            continue
        value = namespace[name]
        wanted = {"str": str, "int": int, "float": (int, float), "bool": bool}.get(
            getattr(expected, "__name__", str(expected)))
        if wanted is not None and (not isinstance(value, wanted) or
                                   wanted != bool and isinstance(value, bool)):
            raise MedialensError(f"parameter {name}", f"expected {getattr(expected, '__name__', expected)}, "
                                                      f"got {value!r}")
    for name in analyses.names(namespace.get("analyses")):
        try:
            analyses.load(name)  # its lexicons become names the *_lexicon parameters may use
        except MedialensError as error:
            raise MedialensError(f"parameter analyses={name!r}", error.problem) from None
    tables, corpus, output = namespace.get("tables"), namespace.get("corpus"), namespace.get("output")
    if output and Path(output).exists() and not Path(output).is_dir():
        raise MedialensError(f"parameter output={output!r}", "exists and is not a folder")
    if tables and not Path(tables).is_dir():
        raise MedialensError(f"parameter tables={tables!r}", "no such folder (write one with `medialens tag`)")
    if not tables and corpus is not None and not Path(corpus).exists():
        raise MedialensError(f"parameter corpus={corpus!r}", "no such file or folder")
    for name, path in lexicon_overrides(namespace).items():
        # Reading it checks that it exists, is UTF-8 and has the built-in file's keys or columns.
        try:
            built_in = data_path(name)
            (read_patterns if built_in.suffix == ".jsonl" else read_table)(name, {name: path})
        except MedialensError as error:
            raise MedialensError(f"parameter {name}{LEXICON_SUFFIX}", error.problem) from None
