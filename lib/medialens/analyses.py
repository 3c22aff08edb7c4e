"""Which analyses a run applies: the built-in ones and a user's own, in the order their READS ask.

An analysis is a module with COLUMNS, READS, Tagger and score (tagging.py says what each is);
hedges, sources, figures and frames are the built-in ones. A user adds one by naming it, the same
way everywhere (`medialens tag --analysis`, `medialens run --analysis`, `tag_corpus(analyses=)`,
a notebook's `analyses` parameter): an import path ("mypackage.quotes") or a Python file
("docs/examples/quotes_per_article.py"). Its module may declare its own word lists,

    LEXICONS = {"quote_verbs": "quote_verbs.csv"}    # name -> file, relative to the module

which the taggers read through medialens.lexicons as they read the built-in ones, so
`--lexicon quote_verbs=my_verbs.csv` or a notebook's `quote_verbs_lexicon` parameter replaces
one. Running the taggers is tagging.py's job; this module only finds and orders them.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

from .errors import MedialensError

CONTRACT = ("COLUMNS", "READS", "Tagger", "score")


def names(value) -> tuple[str, ...]:
    """The analyses a parameter names: "a, b" or ["a", "b"] (empty: none)."""
    if not value:
        return ()
    parts = value.split(",") if isinstance(value, str) else value
    return tuple(str(part).strip() for part in parts if str(part).strip())


def absolute(analyses) -> tuple[str, ...]:
    """The names, with a Python file made absolute, so that a notebook running in another folder
    (or a Dask worker) finds the same file."""
    return tuple(str(Path(name).resolve()) if name.endswith(".py") else name for name in names(analyses))


def built_in() -> list:
    from . import figures, frames, hedges, sources

    return [hedges, sources, figures, frames]


@lru_cache(maxsize=None)
def analysis_modules(extra: tuple[str, ...] = ()) -> tuple:
    """The built-in analyses plus the modules named in `extra`, in dependency order; the extra
    modules' own lexicons are known from here on."""
    modules = built_in()
    for name in extra:
        module = load(name)
        if module in modules:
            raise MedialensError(name, "given twice as an analysis (or it is a built-in one)")
        modules.append(module)
    try:
        return tuple(in_dependency_order(modules))
    except RuntimeError as error:
        raise MedialensError(", ".join(extra), str(error)) from None


def load(name: str):
    """The analysis module `name` (an import path or a .py file), checked against the contract,
    with its LEXICONS added to the lexicons every reader knows."""
    try:
        module = _from_file(Path(name)) if name.endswith(".py") else importlib.import_module(name)
    except (Exception, SystemExit) as error:  # noqa: BLE001 - a user's module may raise anything
        reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
        detail = reason if isinstance(error, (ImportError, SyntaxError)) else f"{type(error).__name__}: {reason}"
        raise MedialensError(name, f"cannot import this analysis module ({detail})") from None
    lacking = [attribute for attribute in CONTRACT if not hasattr(module, attribute)]
    if lacking:
        raise MedialensError(name, f"not an analysis module (it lacks {', '.join(lacking)})")
    if not isinstance(module.COLUMNS, dict) or not isinstance(module.READS, (list, tuple)):
        raise MedialensError(name, "COLUMNS must be a dict {table: [columns]} and READS a list")
    own = getattr(module, "LEXICONS", None)
    if isinstance(own, dict):
        # Imported here: the CLI names analyses in the process that runs the workers, which does
        # without pandas (lexicons' tables); loading a module happens in a worker.
        from .lexicons import add_lexicons

        folder = Path(module.__file__).parent
        add_lexicons({lexicon: folder / file for lexicon, file in own.items()}, name)
    return module


def own_lexicons(analyses) -> set[str]:
    """Names of the lexicons that the analyses named declare (LEXICONS)."""
    declared = [getattr(load(name), "LEXICONS", None) for name in names(analyses)]
    return {lexicon for own in declared if isinstance(own, dict) for lexicon in own}


def _from_file(path: Path):
    if not path.is_file():
        raise ImportError(f"no such file: {path}")
    module_name = path.stem
    loaded = sys.modules.get(module_name)
    if loaded is not None:
        if Path(getattr(loaded, "__file__", "") or "").resolve() == path.resolve():
            return loaded
        raise ImportError(f"a module named {module_name} is already imported from elsewhere; rename the file")
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # before running it, as `import` does (dataclasses need it)
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    return module


def in_dependency_order(modules) -> list:
    """The analyses ordered so that each runs after the taggers whose tables it READS; a table
    nobody writes, a table two analyses write, or a cycle is an error in their declarations."""
    writes = {}
    for module in modules:
        for table in module.COLUMNS:
            if table in writes or table in ("documents", "removed", "sentences", "errors", "scores"):
                writer = writes[table].__name__.rsplit(".", 1)[-1] if table in writes else "medialens"
                raise RuntimeError(f"its table '{table}' is already written by {writer}; "
                                   "give the table another name")
            writes[table] = module
    ordered, available = [], {"sentences"}
    pending = list(modules)
    while pending:
        ready = [m for m in pending if set(m.READS) <= available]
        if not ready:
            missing = {t for m in pending for t in m.READS} - available
            unknown = sorted(missing - set(writes))
            raise RuntimeError(f"analyses read tables nobody writes ({unknown})" if unknown
                               else f"analyses read each other's tables in a cycle ({sorted(missing)})")
        for module in ready:
            ordered.append(module)
            available.update(module.COLUMNS)
            pending.remove(module)
    return ordered
