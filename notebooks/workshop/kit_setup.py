"""Loads the workshop kit for the notebooks in this folder, with or without spaCy.

    from kit_setup import ml, ws

ws is medialens.workshop (checks, annotation, agreement), which needs only pandas. ml is the
whole library (tagging needs spaCy), or None where spaCy cannot be imported (a browser-only
Jupyter, a locked-down lab machine): the workbooks then read precomputed tables (`tables`).
"""
import importlib.util
import sys
import types

try:
    import medialens as ml
except ImportError:  # no spaCy: load the package's plain-pandas parts without its __init__
    ml = None
    spec = importlib.util.find_spec("medialens")
    package = types.ModuleType("medialens")
    package.__path__ = list(spec.submodule_search_locations)
    package.__spec__ = spec
    sys.modules["medialens"] = package

import medialens.workshop as ws  # noqa: E402

HAS_SPACY = ml is not None
