"""The typing rules: what kind of source a phrase is, by its head, tried in the order of
data/sources/type_rules.csv (heads.Head.answer).

Each rule looks at one phrase (`heads.Head`) and answers with a typed `Phrase`, STOP (the phrase
is no source) or None (the rule does not apply; the next one is tried). Rules for a whole phrase
(type_names.PHRASE_RULES) are tried on every phrase; rules for names (type_names.NAME_RULES) on a
phrase headed by a run of names ("Defense Secretary Lloyd Austin"), rules for words
(type_words.WORD_RULES) on one headed by another word ("a source close to the ministry"). Each
rule's example is a row of type_rules.csv and a test row (tests/test_sources_types.py);
benchmarks/polnear_sources.py counts, per rule, the PolNeAR sources it types and those it gets
wrong.
"""
from __future__ import annotations

from collections.abc import Callable

from .rulebook import ordered_rules
from .type_names import NAME_RULES, PHRASE_RULES
from .type_words import WORD_RULES

FAMILIES = {"phrase": PHRASE_RULES, "name": NAME_RULES, "word": WORD_RULES}
RULES: dict[str, Callable] = {f.__name__: f for family in FAMILIES.values() for f in family}
FAMILY = {f.__name__: family for family, rules in FAMILIES.items() for f in rules}


def type_rules(lexicons: dict[str, str] | None = None) -> dict[str, list[tuple[str, Callable]]]:
    """The rules in the order of type_rules.csv: `name` (for a name head: the phrase rules and the
    name rules), `word` (for a word head) and `name_only` (the name rules alone)."""
    order = ordered_rules("type_rules", RULES, lexicons)
    return {"name": [(n, f) for n, f in order if FAMILY[n] in ("phrase", "name")],
            "word": [(n, f) for n, f in order if FAMILY[n] in ("phrase", "word")],
            "name_only": [(n, f) for n, f in order if FAMILY[n] == "name"]}
