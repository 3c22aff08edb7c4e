"""The workshop kit: the twin article and the kit's answers, checks that answer back in plain
words, class annotations and their agreement with each other and with the tool.

Nothing here imports spaCy: a workbook can run from a folder of precomputed tables with only
pandas and matplotlib (notebooks/workshop/kit_setup.py loads this package where spaCy is missing).

    kit = Kit.load(tables="")          # the kit's articles, tagged here or read from a folder
    kit.check("twin_sources_b", ["Officials", "the company"])
"""
from .agreement import class_majority, fleiss_kappas, most_disagreed, pairwise_kappas, versus_tool
from .annotation import annotation_sheet, read_annotations, save_annotation, tool_labels
from .checks import Feedback
from .kit import ARTICLES, Kit, add_cue, copy_lexicon, kit_data

__all__ = ["Kit", "Feedback", "ARTICLES", "kit_data", "copy_lexicon", "add_cue", "annotation_sheet",
           "save_annotation", "read_annotations", "tool_labels", "pairwise_kappas", "fleiss_kappas",
           "class_majority", "versus_tool", "most_disagreed"]
