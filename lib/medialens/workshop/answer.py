"""Reading a learner's answer as phrases, labels or a choice, whatever shape they typed it in;
what cannot be read becomes a Problem whose message is one friendly sentence."""
from __future__ import annotations

import re

import pandas as pd

QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


class Problem(ValueError):
    """A learner's answer the check cannot read; its message is shown as it is."""


def normalise(phrase: str) -> str:
    return re.sub(r"\s+", " ", str(phrase).translate(QUOTES)).strip(" \"'.,;:").lower()


def find(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every (start, end) of `phrase` in `text`, ignoring case, curly quotes and extra spaces."""
    wanted = normalise(phrase)
    if not wanted:
        return []
    pattern = r"\s+".join(re.escape(word) for word in wanted.split())
    return [m.span() for m in re.finditer(pattern, text.translate(QUOTES), flags=re.IGNORECASE)]


def _kind(value) -> str:
    return {int: "a number", float: "a number", bool: "True or False", dict: "a dictionary",
            str: "one piece of text", type(None): "empty (None)"}.get(type(value), f"a {type(value).__name__}")


def as_phrases(answer, example) -> list[str]:
    if isinstance(answer, str):
        answer = [answer]
    elif isinstance(answer, pd.Series):
        answer = answer.tolist()
    elif isinstance(answer, pd.DataFrame) and answer.shape[1] >= 1:
        answer = answer.iloc[:, 0].tolist()
    if not isinstance(answer, (list, tuple, set)):
        raise Problem(f"This task wants a list of phrases in square brackets, like {example}; "
                      f"your answer is {_kind(answer)}.")
    phrases = [p.strip() for p in answer if isinstance(p, str) and p.strip() and p.strip() not in ("...", "?")]
    if answer and not any(isinstance(p, str) for p in answer):
        raise Problem(f"Put each phrase in quotes, as text copied from the article, like {example}.")
    if not phrases:
        raise Problem(f"Your list has no phrases yet: copy the words from the article into it, like {example}.")
    return list(dict.fromkeys(phrases))


def as_labels(answer, choices, example) -> dict[str, str]:
    if isinstance(answer, pd.DataFrame):
        if answer.shape[1] != 2:
            raise Problem(f"This task wants a table of two columns (the words, your label); yours has {answer.shape[1]}.")
        answer = dict(zip(answer.iloc[:, 0], answer.iloc[:, 1]))
    elif isinstance(answer, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in answer):
        answer = dict(answer)
    if not isinstance(answer, dict):
        raise Problem(f"This task wants pairs of words and a label in curly brackets, like {example}; "
                      f"your answer is {_kind(answer)}.")
    labels, unknown = {}, []
    for phrase, label in answer.items():
        label = normalise(label) if isinstance(label, str) else ""
        if isinstance(phrase, str) and phrase.strip() and label:
            if label in choices:
                labels[phrase.strip()] = label
            elif label not in ("?", "..."):
                unknown.append(f"{label!r}")
    if unknown:
        raise Problem(f"{', '.join(unknown)}: not a label of this task; choose one of {', '.join(choices)}.")
    if not labels:
        raise Problem(f"No labels yet: give each phrase one of {', '.join(choices)}, like {example}.")
    return labels


def _quoted(choices) -> str:
    return ", ".join(f'"{c}"' for c in choices)


def as_choice(answer, choices) -> str:
    if isinstance(answer, (list, tuple)) and len(answer) == 1:
        answer = answer[0]
    if not isinstance(answer, str) or not answer.strip() or answer.strip() in ("?", "..."):
        raise Problem(f"Choose one answer and write it in quotes; the choices are: {_quoted(choices)}.")
    by_key = {normalise(c): c for c in choices}
    if normalise(answer) not in by_key:
        raise Problem(f"\"{answer}\" is not one of the choices: {_quoted(choices)}.")
    return by_key[normalise(answer)]
