"""Checks that answer a learner in plain words: which of the tool's items they found (an item is
one source however often it is named, one hedge, one figure), what the tool found that they did
not (with the sentence), the kit's known wrong answers with the reason the guide gives, and what
they found that neither the tool nor the kit lists. Interpretive questions accept every answer
the kit lists as defensible, with its reason.

A check never raises on a learner's input: an empty list, a number, a table of the wrong shape
each get one friendly sentence (answer.py turns the input into phrases, labels or a choice).
"""
from __future__ import annotations

import html

from .answer import Problem, as_choice, as_labels, as_phrases
from .matching import covers, find, key, split_joined, words_of

TYPE_COLUMNS = {"sources": "source_type", "hedges": "kind", "frames": "frame", "figures": "modality"}
NOT_FOUND = "These words are not in the article as whole words; check the spelling or copy them from the text:"


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


def answered(kit, task: str, answer) -> bool:
    """Whether `answer` is a readable answer to `task` (not the empty starter, not "?")."""
    spec = kit.data["tasks"].get(task, {})
    read = {"phrases": lambda: as_phrases(answer, []), "labels": lambda: as_labels(answer, spec.get("choices", []), {}),
            "choice": lambda: as_choice(answer, spec.get("choices", []))}.get(spec.get("kind"))
    try:
        return bool(read and read())
    except Exception:  # an unreadable answer is no answer yet
        return False


def _plural(n: int, what: str) -> str:
    return f"{n} {what}" + ("" if n == 1 else "s")


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def tool_items(kit, spec) -> list[dict]:
    """The tool's items for a task: one per row, except that the rows of one named source are
    one item ("Maria Okafor, the county fire chief" and "Okafor"). Each item: surface (its
    longest wording), spans, name (a source's name, or a figure's number), role, label, start."""
    rows = kit.rows(spec["table"], spec["doc"], spec.get("where"))
    column = spec.get("column") or TYPE_COLUMNS.get(spec["table"])
    items: dict = {}
    for row in rows.itertuples():
        name = _text(getattr(row, "name", "")) if spec["table"] == "sources" else ""
        if spec["table"] == "figures":
            name = " ".join(w for w in words_of(row.surface) if any(ch.isdigit() for ch in w))
        group = ("name", name) if name and spec["table"] == "sources" else ("row", row.Index)
        item = items.setdefault(group, {"surface": row.surface, "spans": [], "name": name, "roles": [],
                                        "label": getattr(row, column, "") if column else "", "start": row.start})
        item["spans"].append((int(row.start), int(row.end)))
        item["roles"].append(_text(getattr(row, "role", "")))
        if len(row.surface) > len(item["surface"]):
            item["surface"] = row.surface
    return sorted(items.values(), key=lambda item: item["start"])


def _overlaps(spans, item) -> bool:
    return any(s < e2 and s2 < e for s, e in spans for s2, e2 in item["spans"])


def _covered(spans, phrase, item, text) -> bool:
    words = words_of(phrase)
    return _overlaps(spans, item) and any(
        covers(words, text[s:e], item["name"], role) for (s, e), role in zip(item["spans"], item["roles"]))


def _known_wrong(spec, phrase) -> str:
    """The kit's reason why `phrase` is a known wrong answer to this task, or ""."""
    for wrong, reason in spec.get("wrong", {}).items():
        if key(wrong) == key(phrase) or set(words_of(wrong)) <= set(words_of(phrase)):
            return reason
    return ""


def _in_model(spec, phrase) -> bool:
    model = spec["model"] if isinstance(spec["model"], list) else list(spec["model"])
    return any(set(words_of(phrase)) <= set(words_of(m)) for m in model)


def _unjoined(text, phrases) -> tuple[list[str], list[str]]:
    """The phrases with any two that a missing comma joined split again, and a note on each."""
    out, notes = [], []
    for phrase in phrases:
        parts = None if find(text, phrase) else split_joined(text, phrase)
        if parts:
            notes.append(f"\"{phrase}\" looks like two phrases joined: a comma may be missing between "
                         f"\"{parts[0]}\" and \"{parts[1]}\" in your list (read here as two).")
        out.extend(parts or [phrase])
    return out, notes


def _where(kit, spec, start: int) -> str:
    return f"in: \"{kit.sentence_at(spec['doc'], start)}\""


def check_phrases(kit, spec, answer) -> Feedback:
    text, what = kit.text(spec["doc"]), spec.get("what", "item")
    phrases, joined = _unjoined(text, as_phrases(answer, example=spec["model"][:2]))
    items = tool_items(kit, spec)
    found, lines = set(), {name: [] for name in ("both", "wrong", "part", "kit", "other", "missing")}
    for phrase in phrases:
        spans = find(text, phrase)
        covered = [i for i, item in enumerate(items) if spans and _covered(spans, phrase, item, text)]
        found.update(covered)
        touched = [item for item in items if _overlaps(spans, item)]
        if not spans:
            lines["missing"].append(f"\"{phrase}\"")
        elif covered:
            label = items[covered[0]]["label"]
            lines["both"].append(f"\"{phrase}\"" + (f" (the tool: {label})" if label else ""))
        elif _known_wrong(spec, phrase):
            lines["wrong"].append(f"\"{phrase}\": {_known_wrong(spec, phrase)}")
        elif touched:
            lines["part"].append(f"\"{phrase}\" is only part of \"{touched[0]['surface']}\"")
        else:
            lines["kit" if _in_model(spec, phrase) else "other"].append(f"\"{phrase}\" {_where(kit, spec, spans[0][0])}")
    tool_only = [f"\"{item['surface']}\"" + (f" ({item['label']})" if item["label"] else "") + f" {_where(kit, spec, item['start'])}"
                 for i, item in enumerate(items) if i not in found]
    headline = (f"You found every one of the {_plural(len(items), what)} the tool found." if items and len(found) == len(items)
                else f"You found {len(found)} of the {_plural(len(items), what)} the tool found.")
    return Feedback(headline, [
        ("A comma may be missing:", joined),
        ("You and the tool both found:", lines["both"]),
        (f"The tool also found these; read the sentence again (is each one a {what} to you?):", tool_only),
        (f"Not a {what} here, and why:", lines["wrong"]),
        ("A part is not a find: write the words that name it whole:", lines["part"]),
        ("You found these and the tool missed them; the kit's answer lists them too (the tool's miss, not yours):", lines["kit"]),
        ("Neither the tool nor the kit's answer lists these: read the sentence again, and bring them to the discussion if you still think so:", lines["other"]),
        (NOT_FOUND, lines["missing"])])


def check_labels(kit, spec, answer) -> Feedback:
    labels = as_labels(answer, spec["choices"], example=dict(list(spec["model"].items())[:2]))
    text, label_map = kit.text(spec["doc"]), spec["label_map"]
    items = tool_items(kit, spec)
    found, lines = set(), {name: [] for name in ("agree", "differ", "wrong", "other", "missing")}
    for phrase, label in labels.items():
        spans = find(text, phrase)
        covered = [i for i, item in enumerate(items) if spans and _covered(spans, phrase, item, text)]
        found.update(covered[:1])
        if not spans:
            lines["missing"].append(f"\"{phrase}\"")
        elif covered:
            item = items[covered[0]]
            tool_label = label_map.get(item["label"], item["label"])
            if tool_label == label:
                lines["agree"].append(f"\"{phrase}\": {label}")
            else:
                model = spec["model"].get(item["surface"], "")
                lines["differ"].append(f"\"{phrase}\": you say {label}, the tool says {tool_label} ({item['label']})"
                                       + (f"; the kit's answer: {model}" if model else "") + f" {_where(kit, spec, spans[0][0])}")
        elif _known_wrong(spec, phrase):
            lines["wrong"].append(f"\"{phrase}\": {_known_wrong(spec, phrase)}")
        else:
            lines["kit" if _in_model(spec, phrase) else "other"].append(f"\"{phrase}\": {label} {_where(kit, spec, spans[0][0])}")
    tool_only = [f"\"{item['surface']}\": {label_map.get(item['label'], item['label'])} {_where(kit, spec, item['start'])}"
                 for i, item in enumerate(items) if i not in found]
    return Feedback(f"You and the tool agree on {len(lines['agree'])} of the {len(labels)} you labelled.", [
        ("You and the tool agree:", lines["agree"]),
        ("You and the tool read these differently (talk about which reading the sentence supports):", lines["differ"]),
        ("The tool also found these; how would you label them?", tool_only),
        ("Not one of this task's items, and why:", lines["wrong"]),
        ("You found these and the tool missed them (the tool's miss, not yours):", lines["other"]),
        (NOT_FOUND, lines["missing"])])


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
