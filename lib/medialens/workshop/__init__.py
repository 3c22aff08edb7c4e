"""The workshop kit: the twin article and the kit's answers, checks that answer back in plain
words, a coding form, class annotations and their agreement with each other and with the tool.

Nothing here imports spaCy: a workshop notebook runs from precomputed tables with only pandas,
matplotlib and ipywidgets (`import medialens` imports spaCy only where tagging starts).

    kit = Kit.load()                   # the kit's articles, tagged here or read from tables
    kit.check("twin_sources_b", ["Officials", "the company"])
"""
from . import plots, statements
from .agreement import (annotator_agreement, class_majority, disagreements, fleiss_and_alpha, most_split,
                        pair_summary, pairwise_kappas, versus_tool)
from .annotation import annotation_sheet, read_annotations, save_annotation, tool_labels
from .checks import Feedback
from .form import coding_form, form_ready
from .kit import ARTICLES, KIT_TABLES, Kit, can_tag, kit_data
from .lexicon_exercise import add_cue, add_cues, changed_scores, copy_lexicon, retag
from .own import brief_sentences, load_own

__all__ = ["Kit", "Feedback", "ARTICLES", "KIT_TABLES", "can_tag", "kit_data", "copy_lexicon", "add_cue",
           "add_cues", "retag", "changed_scores", "load_own", "brief_sentences", "annotation_sheet", "coding_form", "form_ready", "save_annotation", "read_annotations", "tool_labels",
           "pairwise_kappas", "pair_summary", "annotator_agreement", "fleiss_and_alpha", "class_majority",
           "versus_tool", "disagreements", "most_split", "plots", "statements"]
