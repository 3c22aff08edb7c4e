"""Named rules tried in an order kept in data: the shared parts of the three rule families of the
source finder (phrases.py: the source phrase of a cue, phrase_rules.csv; subjects.py: the shape of
the subject before a cue, subject_rules.csv; type_rules.py: the type of a phrase by its head,
type_rules.csv). Each table lists a family's rules in the order they are tried, with an example
sentence and why the rule holds; dropping a row turns its rule off."""
from __future__ import annotations

from collections.abc import Callable

from ..errors import MedialensError
from ..lexicons import data_path, read_table

# A rule's answer when it settles that there is nothing (no source, no subject): no later rule is
# tried. A rule that does not apply answers None and the next one is tried.
STOP = "stop"


def rule_names(table: str, rules: dict[str, Callable], lexicons: dict[str, str] | None = None) -> list[str]:
    """The rule names of `table` in its order; a name that is not a rule is a one-line error."""
    names = list(read_table(table, lexicons).rule)
    unknown = [name for name in names if name not in rules]
    if unknown:
        raise MedialensError(data_path(table, lexicons),
                             f"unknown rule(s) {', '.join(unknown)} (known: {', '.join(rules)})")
    return names


def ordered_rules(table: str, rules: dict[str, Callable],
                  lexicons: dict[str, str] | None = None) -> list[tuple[str, Callable]]:
    """(name, function) of the rules of `table`, in its order."""
    return [(name, rules[name]) for name in rule_names(table, rules, lexicons)]
