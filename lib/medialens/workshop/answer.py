"""Reading a learner's answer as phrases, labels or a choice, whatever shape they typed it in;
what cannot be read becomes a Problem whose message is one friendly sentence.

Right answers pass in their natural forms: a label or choice in any case, with spaces or hyphens
for underscores ("human interest", "human-interest"); a choice by a part that only it has ("Tom
Reyes", "300"); numbers with or without thousands separators; one phrase typed as text, not in
a list ("crisis"); punctuation at a phrase's ends ("crisis.").
"""
from __future__ import annotations

import pandas as pd

from .matching import key, tidy, words_of

PLACEHOLDERS = ("", "...", "?")


class Problem(ValueError):
    """A learner's answer the check cannot read; its message is shown as it is."""


def _kind(value) -> str:
    return {int: "a number", float: "a number", bool: "True or False", dict: "a dictionary",
            str: "one piece of text", type(None): "empty (None)"}.get(type(value), f"a {type(value).__name__}")


def as_phrases(answer, example) -> list[str]:
    """The distinct phrases of a list (case and spelling variants of one phrase count once)."""
    if isinstance(answer, str):
        answer = [answer]
    elif isinstance(answer, pd.Series):
        answer = answer.tolist()
    elif isinstance(answer, pd.DataFrame) and answer.shape[1] >= 1:
        answer = answer.iloc[:, 0].tolist()
    if not isinstance(answer, (list, tuple, set)):
        raise Problem(f"This task wants a list of phrases in square brackets, like {example}; "
                      f"your answer is {_kind(answer)}.")
    if answer and not any(isinstance(p, str) for p in answer):
        raise Problem(f"Put each phrase in quotes, as text copied from the article, like {example}.")
    phrases = [tidy(p) for p in answer if isinstance(p, str) and tidy(p) not in PLACEHOLDERS]
    if not phrases:
        raise Problem(f"Your list has no phrases yet: copy the words from the article into it, like {example}.")
    distinct = {}
    for phrase in phrases:
        distinct.setdefault(key(phrase), phrase)
    return list(distinct.values())


def as_labels(answer, choices, example) -> dict[str, str]:
    """{phrase: label}, each label one of `choices` however it was written."""
    if isinstance(answer, pd.DataFrame):
        if answer.shape[1] != 2:
            raise Problem(f"This task wants a table of two columns (the words, your label); yours has {answer.shape[1]}.")
        answer = dict(zip(answer.iloc[:, 0], answer.iloc[:, 1]))
    elif isinstance(answer, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in answer):
        answer = dict(answer)
    if not isinstance(answer, dict):
        raise Problem(f"This task wants pairs of words and a label in curly brackets, like {example}; "
                      f"your answer is {_kind(answer)}.")
    by_key = {key(c): c for c in choices}
    labels, unknown = {}, []
    for phrase, label in answer.items():
        label = tidy(label) if isinstance(label, str) else ""
        if not (isinstance(phrase, str) and tidy(phrase) and label not in PLACEHOLDERS):
            continue
        if key(label) in by_key:
            labels.setdefault(key(phrase), (tidy(phrase), by_key[key(label)]))
        else:
            unknown.append(f"{label!r}")
    if unknown:
        raise Problem(f"{', '.join(unknown)}: not a label of this task; choose one of {', '.join(choices)}.")
    if not labels:
        raise Problem(f"No labels yet: give each phrase one of {', '.join(choices)}, like {example}.")
    return dict(labels.values())


def _quoted(choices) -> str:
    return ", ".join(f'"{c}"' for c in choices)


def as_choice(answer, choices) -> str:
    """The choice the answer names: written in full, or by words only that choice holds."""
    if isinstance(answer, (list, tuple)) and len(answer) == 1:
        answer = answer[0]
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        answer = str(answer)
    if not isinstance(answer, str) or tidy(answer) in PLACEHOLDERS:
        raise Problem(f"Choose one answer and write it in quotes; the choices are: {_quoted(choices)}.")
    by_key = {key(c): c for c in choices}
    if key(answer) in by_key:
        return by_key[key(answer)]
    wanted = set(words_of(answer))
    holding = [c for c in choices if wanted and wanted <= set(words_of(c.replace("_", " ")))]
    if len(holding) == 1:
        return holding[0]
    if len(holding) > 1:
        raise Problem(f"\"{tidy(answer)}\" fits several choices ({_quoted(holding)}): write the one you mean in full.")
    raise Problem(f"\"{tidy(answer)}\" is not one of the choices: {_quoted(choices)}.")
