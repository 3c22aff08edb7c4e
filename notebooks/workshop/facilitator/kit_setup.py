"""Loads the workshop kit for the notebooks in this folder, with or without spaCy.

    from kit_setup import ws

ws is medialens.workshop (checks, coding form, agreement), which needs only pandas, matplotlib
and ipywidgets. Today `import medialens` imports spaCy, so where spaCy is missing this loads the
package's plain parts without its __init__; the kit then reads its precomputed tables. Once
`import medialens` no longer needs spaCy (issue 24), delete this file (and its copy in
facilitator/) and write `from medialens import workshop as ws` in the notebooks' first cell
(SETUP in workshop_notebooks.py).
"""
import importlib.util
import sys
import types

try:
    import medialens  # noqa: F401
except ImportError:  # no spaCy: a bare package object, so its submodules import without __init__
    spec = importlib.util.find_spec("medialens")
    package = types.ModuleType("medialens")
    package.__path__ = list(spec.submodule_search_locations)
    package.__spec__ = spec
    sys.modules["medialens"] = package

import medialens.workshop as ws  # noqa: E402
