"""Checks that answer a learner in plain words: what they found that the tool also found, what
the tool found that they did not (with the sentence), and what they found that the tool missed,
which is the tool's miss and never their error. Interpretive questions accept every answer the
kit lists as defensible, with its reason.

A check never raises on a learner's input: an empty list, a number, a table of the wrong shape
each get one friendly sentence (answer.py turns the input into phrases, labels or a choice).
"""
from __future__ import annotations

import html

from .answer import Problem, as_choice, as_labels, as_phrases, find, normalise

TYPE_COLUMNS = {"sources": "source_type", "hedges": "kind", "frames": "frame", "figures": "modality"}


class Feedback:
    """A headline, then sections of lines; shown as plain text and as HTML in a notebook."""

    def __init__(self, headline: str, sections: list[tuple[str, list[str]]] = ()):
        self.headline = headline
        self.sections = [(title, lines) for title, lines in sections if lines]

    def __str__(self) -> str:
        parts = [self.headline]
        for title, lines in self.sections:
            parts.append(title + "\n" + "\n".join(f"  - {line}" for line in lines))
        return "\n".join(parts)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        body = f"<p><b>{html.escape(self.headline)}</b></p>"
        for title, lines in self.sections:
            items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
            body += f"<p>{html.escape(title)}</p><ul>{items}</ul>"
        return f'<div class="medialens-feedback">{body}</div>'


def check(kit, task: str, answer) -> Feedback:
    """Feedback on `answer` to the kit's `task`; every failure becomes a sentence."""
    tasks = kit.data["tasks"]
    if not isinstance(task, str) or task not in tasks:
        return Feedback(f"There is no task called {task!r}; the tasks are: {', '.join(tasks)}.")
    spec = tasks[task]
    try:
        return {"phrases": check_phrases, "labels": check_labels, "choice": check_choice}[spec["kind"]](kit, spec, answer)
    except Problem as problem:
        return Feedback(str(problem))
    except Exception as error:  # a check must answer, whatever the learner typed
        return Feedback("The check could not read this answer "
                        f"({type(error).__name__}); compare it with the example in the task and try again.")


def _best_first(rows, phrase: str, spans) -> list[int]:
    """Positions of the tool's rows that overlap the phrase, the one worded like it first."""
    hits = [i for i, r in enumerate(rows.itertuples()) if any(s < r.end and r.start < e for s, e in spans)]
    return sorted(hits, key=lambda i: normalise(rows.iloc[i].surface) != normalise(phrase))


def _locate(text: str, rows, phrases, missing: list, matched: set):
    """(phrase, its spans in the text, the tool's rows overlapping it) for each phrase found in
    the article; a phrase that is not in the text goes to `missing`, the rows hit to `matched`."""
    for phrase in phrases:
        spans = find(text, phrase)
        if not spans:
            missing.append(f"\"{phrase}\"")
            continue
        hits = _best_first(rows, phrase, spans)
        matched.update(hits)
        yield phrase, spans, hits


def _where(kit, spec, start: int) -> str:
    return f"in: \"{kit.sentence_at(spec['doc'], start)}\""


def check_phrases(kit, spec, answer) -> Feedback:
    phrases = as_phrases(answer, example=spec["model"][:2])
    rows = kit.rows(spec["table"], spec["doc"], spec.get("where"))
    text, kind = kit.text(spec["doc"]), TYPE_COLUMNS.get(spec["table"])
    both, learner_only, missing, matched = [], [], [], set()
    for phrase, spans, hits in _locate(text, rows, phrases, missing, matched):
        if hits:
            both.append(f"\"{phrase}\"" + (f" (the tool: {rows.iloc[hits[0]][kind]})" if kind else ""))
        else:
            in_model = any(normalise(phrase) in normalise(m) or normalise(m) in normalise(phrase) for m in spec["model"])
            learner_only.append(f"\"{phrase}\" {_where(kit, spec, spans[0][0])}"
                                + (" The kit's answer lists it too." if in_model else ""))
    tool_only = [f"\"{r.surface}\"" + (f" ({getattr(r, kind)})" if kind else "") + f" {_where(kit, spec, r.start)}"
                 for i, r in enumerate(rows.itertuples()) if i not in matched]
    what = spec.get("what", "item")
    headline = (f"You found {len(both)} of the {len(rows)} {what}s the tool found"
                + (f", and {len(learner_only)} the tool missed." if learner_only else "."))
    return Feedback(headline, [
        ("You and the tool both found:", both),
        (f"The tool also found these; read the sentence again (is each one a {what} to you?):", tool_only),
        ("You found these and the tool missed them (the tool's miss, not yours):", learner_only),
        ("These words are not in the article; check the spelling or copy them from the text:", missing)])


def check_labels(kit, spec, answer) -> Feedback:
    labels = as_labels(answer, spec["choices"], example=dict(list(spec["model"].items())[:2]))
    rows = kit.rows(spec["table"], spec["doc"])
    text, label_map = kit.text(spec["doc"]), spec["label_map"]
    agree, differ, learner_only, missing, matched = [], [], [], [], set()
    for phrase, spans, hits in _locate(text, rows, labels, missing, matched):
        label = labels[phrase]
        if not hits:
            learner_only.append(f"\"{phrase}\": {label} {_where(kit, spec, spans[0][0])}")
            continue
        tool_value = rows.iloc[hits[0]][spec["column"]]
        tool_label = label_map.get(tool_value, tool_value)
        if tool_label == label:
            agree.append(f"\"{phrase}\": {label}")
        else:
            model = spec["model"].get(rows.iloc[hits[0]].surface, "")
            differ.append(f"\"{phrase}\": you say {label}, the tool says {tool_label} ({tool_value})"
                          + (f"; the kit's answer: {model}" if model else "") + f" {_where(kit, spec, spans[0][0])}")
    tool_only = [f"\"{r.surface}\": {label_map.get(getattr(r, spec['column']), getattr(r, spec['column']))} "
                 f"{_where(kit, spec, r.start)}" for i, r in enumerate(rows.itertuples()) if i not in matched]
    headline = f"You and the tool agree on {len(agree)} of the {len(labels)} you labelled."
    return Feedback(headline, [
        ("You and the tool agree:", agree),
        ("You and the tool read these differently (talk about which reading the sentence supports):", differ),
        ("The tool also found these; how would you label them?", tool_only),
        ("You found these and the tool missed them (the tool's miss, not yours):", learner_only),
        ("These words are not in the article; check the spelling or copy them from the text:", missing)])


def check_choice(kit, spec, answer) -> Feedback:
    choice = as_choice(answer, spec["choices"])
    defensible, other = spec["defensible"], spec.get("other", {})
    sections = []
    if choice in defensible:
        headline = f"\"{choice}\" is a defensible answer: {defensible[choice]}"
        sections.append(("Others in the room may defend another answer:",
                         [f"\"{c}\": {why}" for c, why in defensible.items() if c != choice]))
    else:
        headline = f"\"{choice}\" is hard to defend here" + (f": {other[choice]}" if choice in other else ".")
        sections.append(("Answers the kit accepts, with the reason:", [f"\"{c}\": {why}" for c, why in defensible.items()]))
    tool = spec.get("tool")
    if tool:
        table = kit.tables[tool["table"]]
        value = table.loc[table.doc_id == tool["doc"], tool["column"]]
        if len(value):
            sections.append(("What the tool counts (cues, not judgement):",
                             [f"{tool['column'].replace('_', ' ')}: {value.iloc[0]}"]))
    return Feedback(headline, sections)
