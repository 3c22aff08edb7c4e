"""Loads the workshop kit for the notebooks in this folder, with or without spaCy.

    from kit_setup import ml, ws

ws is medialens.workshop (checks, annotation, agreement), which needs only pandas. ml is the
whole library (tagging needs spaCy), or None where spaCy cannot be imported (a browser-only
Jupyter, a locked-down lab machine): the workbooks then read precomputed tables (`tables`).
"""
try:
    import spacy  # noqa: F401  (only to know whether tagging can run here)
except ImportError:  # no spaCy: medialens still imports, and the workbooks read precomputed tables
    ml = None
else:
    import medialens as ml

import medialens.workshop as ws

HAS_SPACY = ml is not None
