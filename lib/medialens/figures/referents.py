"""Referents: what a figure counts. The noun after the number ("8,000 North Korean soldiers",
"thousands of troops"), else a noun named earlier in its clause or the last counted thing of
its sentence or the one before; and context words that give a count of people its class
("50 people were killed": casualties)."""
from __future__ import annotations

import itertools
import re

from ..sentences import STOP_WORDS
from .numbers import WORD
from .rules import Rules


def referent_after(tokens: list[str], rules: Rules, small: bool):
    """(term, class, tokens used) for the first lexicon term after the number, skipping
    modifiers ("8,000 North Korean soldiers") and a leading "of" ("thousands of troops")."""
    i = 0
    if tokens[:1] and tokens[0].lower() == "of" and not small:
        i = 1  # "thousands of troops", "5,000 of the soldiers", "148 of the 300 seats"
        while i < len(tokens) and (tokens[i].lower() in rules.determiners or tokens[i][0].isdigit()):
            i += 1
    for j in range(i, min(i + 5, len(tokens))):
        hit = rules.referent(tokens[j:])
        if hit:
            return hit[0], hit[1], j + len(hit[0].split())
        word = tokens[j]
        if word.lower() in rules.modifiers:  # "300 more health workers"
            continue
        if not word[0].isalpha() or word.lower() in STOP_WORDS:
            return None
    return None


def noun_after(tokens: list[str], rules: Rules) -> int | None:
    """Tokens used by an unknown noun right after the number: the last word of the run of
    content words, unless a determiner follows (then the run was a verb: "100,000 represents a")."""
    n = 0
    while n < min(3, len(tokens)) and tokens[n][0].isalpha() and (
            tokens[n].lower() not in STOP_WORDS or tokens[n].lower() in rules.modifiers) \
            and tokens[n].lower() not in rules.quantities.event:  # "Hundreds protest outside": a verb
        if tokens[n][0].isupper() and not tokens[n].endswith("s"):
            break  # "Surpasses 1,000 Amid Severe Heatwave": a headline's words, not what is counted
        n += 1
    if n and tokens[n - 1].lower() in rules.modifiers:
        return None
    while n and re.fullmatch(r"[a-z]{2,}(?:ed|en|ing)|took|made|went|came", tokens[n - 1]):
        n -= 1  # "52 taken to hospital", "106 needed", "40 polling stations recounted": a verb
    if n == 0 or (n < len(tokens) and tokens[n].lower() in rules.determiners):
        return None
    return n


def inherit_referents(text: str, rows: list[dict], sentences: dict[int, dict], rules: Rules) -> None:
    """A figure with no noun ("even 100,000 represents ...", "the toll rose to 5,000") takes the
    counted thing named earlier in its clause, else the last classed figure of its sentence or
    of the sentence before. One pass: the last classed figure is carried along."""
    last = None
    for row in rows:
        if not row["referent_class"]:
            _inherit(text, row, sentences[row["sent_id"]], last, rules)
        if row["referent_class"] and row["referent_class"] != "other":
            last = row


def _inherit(text: str, row: dict, sentence: dict, last: dict | None, rules: Rules) -> None:
    # The words of the figure's clause before it: a window long enough for the 8 words read.
    window = text[max(sentence["start"], row["start"] - 300):row["start"]]
    clause = rules.clause_break.split(window)[-1]
    words = [w.group() for w in WORD.finditer(clause)][-8:]
    for j in range(len(words) - 1, -1, -1):
        hit = rules.referent(words[j:])
        if hit:
            row["referent"], row["referent_class"] = hit
            return
    if last is not None and row["sent_id"] - last["sent_id"] <= 1:
        row["referent"], row["referent_class"] = last["referent"], last["referent_class"]
        row["_borrowed"] = True  # from the figure before, not from its own clause
    else:
        row["referent_class"] = "other"


def context_class(text: str, row: dict, clause_start: int, clause_end: int, rules: Rules) -> None:
    """Context words: "50 people were killed", "killed at least 12", "1,200 soldiers died" are
    casualties, "infected 12,000 people" cases. The look stops at a coordinator: in "infected
    12,000 people and killed 300" the killing is the 300's, not the 12,000's."""
    if row["referent_class"] not in ("people", "troops", "other", ""):
        return
    near_before = [w.lower() for w in WORD.findall(text, max(clause_start, row["start"] - 60), row["start"])][-6:]
    near_after = [w.lower() for w in WORD.findall(text, row["end"], min(clause_end, row["end"] + 50))][:4]
    cut = [i for i, w in enumerate(near_before) if w in rules.coordinators]
    near_before = near_before[cut[-1] + 1:] if cut else near_before
    near_after = list(itertools.takewhile(lambda w: w not in rules.coordinators, near_after))
    nearest_first = [(near_after, i) for i in range(len(near_after))] + \
        [(near_before, i) for i in range(len(near_before) - 1, -1, -1)]
    for words, i in nearest_first:
        phrase = next((" ".join(words[i:i + n]) for n in (3, 2, 1)
                       if " ".join(words[i:i + n]) in rules.context_class), None)
        if phrase:
            row["referent_class"] = rules.context_class[phrase]
            return
