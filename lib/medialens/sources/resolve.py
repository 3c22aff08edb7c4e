"""Whose name a surname, a pronoun, a title or a back reference stands for, across one article.

Rows are read in document order and each rule below is tried in turn; a rule that settles a row
stops the others. The rule a row was settled by is not a column: each rule is short and its
examples are test rows (tests/test_sources_resolve.py).

1. `surname`: a named person given by surname ("Austin said") takes the full name of the nearest
   preceding named person whose name ends with it ("Lloyd Austin").
2. `same_word`: "he"/"she", "it", "they" and a description ("the agency", "the senator") take
   type, name and role of the nearest preceding source of their kind whose name or role holds
   the description's word ("United Nations refugee agency", "Sen. ...").
3. `back_reference`: a description with no such source ("the company", "the automaker", "the
   official") is the nearest preceding named source of its kind: an organisation word refers to
   an organisation, a title to a person ("General Motors said ... The automaker said"), within
   BACK_REACH sentences.
4. `speaker_of`: an organisation word with no organisation among the earlier sources is the
   organisation an earlier named speaker's role names ("UAW President Shawn Fain called ...
   over what the union said").
5. `lede`: a description in a story's opening that no earlier source explains ("..., citing the
   police chief") is the first named source of its kind within the next LEDE_REACH sentences.
6. `unnamed`: with none, "he", "she" and "it" become `unnamed_official` (one particular speaker
   the finder could not name, not the vague many of a weasel), "they" stays `vague`, and a
   description stays `unnamed_official` with an empty name (the sentence still counts as sourced).
"""
from __future__ import annotations

from collections import deque

ANTECEDENT_REACH = 200  # sources looked back at for a pronoun's antecedent
LEDE_REACH = 3  # sentences after a description in which its name may follow
# A back reference ("the company") looks at most this many sentences back: further away, another
# organisation may have come between unnamed ("The Pentagon said ... The company said").
BACK_REACH = 1
FITS = {"person": ("named_person", "anonymous"), "org": ("named_org", "media", "unnamed_official"),
        "group": ("unnamed_official", "named_org", "media", "vague", "anonymous")}
NAMED_FITS = {"person": ("named_person",), "org": ("named_org", "media")}


def take(row: dict, antecedent: dict) -> None:
    row.update(source_type=antecedent["source_type"], name=antecedent["name"], role=antecedent["role"])


def same_word(row: dict, earlier) -> dict | None:
    """"the agency" after "the United Nations refugee agency said"; "he" after "Lloyd Austin"."""
    return next((r for r in earlier if r["source_type"] in FITS[row["pronoun"]]
                 and row["head"] in f'{r["name"]} {r["role"]}'.lower()), None)


def back_reference(row: dict, earlier) -> dict | None:
    """"The automaker said" after "General Motors said"; "the official said" after "According to
    Police Commissioner Stephen Lo"."""
    if not row["head"] or row["pronoun"] not in NAMED_FITS:
        return None
    return next((r for r in earlier if r["source_type"] in NAMED_FITS[row["pronoun"]] and r["name"]
                 and row["sent_id"] - r["sent_id"] <= BACK_REACH), None)


def speaker_of(row: dict, earlier) -> dict | None:
    """"over what the union said" after "UAW President Shawn Fain called": with no organisation
    among the earlier sources, the organisation an earlier speaker speaks for (the name in its
    role) is the one an organisation word refers to."""
    if not row["head"] or row["pronoun"] != "org":
        return None
    for r in earlier:
        org = r.get("org", "")
        if r["source_type"] == "named_person" and org:
            return {"source_type": "named_org", "name": org, "role": ""}
    return None


def lede(row: dict, later: list[dict]) -> dict | None:
    """"..., citing the police chief. According to Police Commissioner Stephen Lo, ...": the
    name follows the description within LEDE_REACH sentences."""
    if not row["head"] or row["pronoun"] not in NAMED_FITS:
        return None
    return next((r for r in later if r["sent_id"] - row["sent_id"] <= LEDE_REACH
                 and r["source_type"] in NAMED_FITS[row["pronoun"]] and r["name"]
                 and not r["pronoun"]), None)


def unnamed(row: dict) -> None:
    if row["pronoun"] in ("person", "org") and not row["head"] and row["source_type"] == "vague":
        row["source_type"] = "unnamed_official"  # one speaker, not a vague many


def resolve_names(rows: list[dict]) -> None:
    """Fill in names and types by the rules of the module docstring, in document order."""
    earlier: deque = deque(maxlen=ANTECEDENT_REACH)  # rows that can be antecedents, latest first
    full_names: dict[str, str] = {}
    for k, row in enumerate(rows):
        if row["pronoun"]:
            antecedent = same_word(row, earlier) or back_reference(row, earlier) or speaker_of(row, earlier) \
                or lede(row, rows[k + 1:])
            if antecedent is not None:
                take(row, antecedent)
            else:
                unnamed(row)
        elif row["source_type"] == "named_person" and " " not in row["name"].strip():
            row["name"] = full_names.get(row["name"], row["name"])  # surname
        if not row["pronoun"] or row["head"]:  # bare pronouns are no antecedents
            earlier.appendleft(row)
            if row["source_type"] == "named_person" and " " in row["name"]:
                full_names[row["name"].rsplit(" ", 1)[1]] = row["name"]
