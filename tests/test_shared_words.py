"""Library code never spells a word of a shared word class: those words have one home in data/,
read through one helper, so a teacher who adds "Sept." or a negator sees it in every analysis.

An AST scan of lib/medialens/**/*.py reads the string literals that can hold words a tagger
matches: a literal that is one word or a short lower-case phrase ("that", "of them"), the items
of a regular expression ("(?:who|which)"). Docstrings, f-strings and the text of messages
(exceptions, warnings, print, argparse help) are prose, not rules, and are not read.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import pytest

from conftest import ROOT

LIBRARY = ROOT / "lib" / "medialens"
DATA = LIBRARY / "data"


@dataclass(frozen=True)
class WordList:
    file: str  # under data/
    columns: tuple[str, ...]  # the columns that hold the words (";"-separated aliases allowed)
    read_with: str  # how code gets these words instead
    left_out: tuple[str, ...] = ()  # categories the scan does not look for, and why in SHARED_LISTS
    case_sensitive: bool = False  # names are capitalised; "us" is a pronoun, "US" the country


SHARED_LISTS = [
    WordList("grammar/calendar_words.csv", ("word",), "medialens.dates (calendar_words, month_pattern, is_calendar_word)"),
    # Clause punctuation (",", ";", ":") is also what code joins and splits with; the scan reads words.
    WordList("grammar/clause_words.csv", ("word",), 'lexicons.word_classes("clause_words")', ("clause_punct",)),
    WordList("frames/negators.csv", ("word",), 'lexicons.read_table("negators")'),
    WordList("world/countries.csv", ("country", "aliases", "demonym", "people", "capital"),
             'lexicons.read_table("countries") or frames.world.world_names', case_sensitive=True),
]

# Where a word of a list is spelt in code but not as that list's word: (word, module or "*").
ALLOWED = {
    ("none", "*"): "the data's label for 'no category' and the text of a missing cell ('None'), "
                   "never the negator of 'none of them'",
    ("and", "prose.py"): "prose.names writes the brief's own English ('a, b and c'); no tagger reads it",
    ("not", "corpus.py"): "XPath's own operators in the query that keeps a saved page's dated elements",
    ("or", "corpus.py"): "XPath's own operators in the query that keeps a saved page's dated elements",
    ("before", "workshop/lexicon_exercise.py"): "the column names of a learner's before/after table of scores",
    ("after", "workshop/lexicon_exercise.py"): "the column names of a learner's before/after table of scores",
    ("nobody", "brief/actors.py"): "the brief's own English for an empty list of speakers, a label for a reader",
    ("and", "brief/sources.py"): "the verb agrees with prose.names' 'a and b' (the brief's own English); no tagger reads it",
    ("and", "frames/__init__.py"): "joins tied frames in the dominant_frame label ('conflict and economic'), "
                                   "a label for a reader; no tagger reads it",
    ("before", "figures/rules.py"): "the values of the position column of figure_qualifiers.csv and "
                                    "figure_exclusions.csv (which side of the number a cue stands on)",
    ("after", "figures/rules.py"): "the values of the position column of figure_qualifiers.csv and "
                                   "figure_exclusions.csv (which side of the number a cue stands on)",
    ("nothing", "brief/figures.py"): "the name of the brief's section for a corpus in which no quantity is "
                                     "compared ('nothing compared'), a label for a reader",
}

MESSAGE_CALLS = re.compile(r"(Error|Exception|Warning|print|warn|echo)$")
PROSE_KEYWORDS = {"help", "description", "epilog", "metavar", "reason"}
REGEX_SYNTAX = re.compile(r"\\[bsdwSWBD]|\(\?|\||\[\^?")
ESCAPE = re.compile(r"\\[A-Za-z]")
WORD = re.compile(r"(?<![\w'’$])[A-Za-z]+(?:['’][a-z]+)?(?![\w'’$])|\bn['’]t\b")
PHRASE = re.compile(r"[a-z][a-z'’ -]*")
# A sentence for a reader ("No words yet: put the words ... in the list, for example [...]."): a
# capital, five words or more, a final stop. Brackets in it are no regular expression.
SENTENCE = re.compile(r"[A-Z][^\n]*(?:\s+\S+){4,}[.?!]")


@lru_cache(maxsize=None)
def shared_words() -> dict[str, tuple[str, str, WordList]]:
    """{word as matched: (category, file, list)} of every shared list."""
    words = {}
    for word_list in SHARED_LISTS:
        table = pd.read_csv(DATA / word_list.file, dtype=str, keep_default_na=False)
        if "category" in table:
            table = table[~table.category.isin(word_list.left_out)]
        for column in word_list.columns:
            for cell, category in zip(table[column], table.get("category", table[column].map(lambda _: column))):
                for word in filter(None, (w.strip() for w in cell.split(";"))):
                    key = word if word_list.case_sensitive else word.lower()
                    words.setdefault(key, (category, word_list.file, word_list))
    return words


def _lookup(token: str):
    words = shared_words()
    found = words.get(token)
    if found and found[2].case_sensitive:
        return found
    found = words.get(token.lower())
    return found if found and not found[2].case_sensitive else None


def _prose_constants(tree: ast.AST) -> set[int]:
    """ids of the string constants that are prose: docstrings, f-string parts, message text."""
    prose = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            prose.add(id(body[0].value))
        inside = []
        if isinstance(node, ast.JoinedStr):
            inside = [node]
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
            inside = node.args + [k.value for k in node.keywords] if MESSAGE_CALLS.search(name) else \
                [k.value for k in node.keywords if k.arg in PROSE_KEYWORDS]
        prose.update(id(n) for part in inside for n in ast.walk(part))
    return prose


def words_in(literal: str) -> list[str]:
    """The words of a literal that a rule could match: the literal itself, a short lower-case
    phrase's words, a regular expression's alternatives and words."""
    found = [literal.strip()]
    if SENTENCE.fullmatch(literal.strip()):
        return []
    if REGEX_SYNTAX.search(literal):
        plain = ESCAPE.sub(" ", literal)
        found += [re.sub(r"[?:^$*+.\\]", " ", part).strip() for part in re.split(r"[|()\[\]]", plain)]
        found += WORD.findall(plain)
    elif PHRASE.fullmatch(literal.strip()) and len(literal.split()) <= 4:
        found += WORD.findall(literal)
    return found


def spelt_shared_words(source: str) -> list[tuple[int, str, str, str]]:
    """(line, word, category, file) of each shared word a module's rules spell."""
    tree = ast.parse(source)
    prose = _prose_constants(tree)
    hits = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose:
            for token in words_in(node.value):
                found = _lookup(token) if token else None
                if found:
                    hits.add((node.lineno, token, found[0], found[1]))
    return sorted(hits)


def allowed(word: str, module: str) -> bool:
    return (word.lower(), "*") in ALLOWED or (word.lower(), module) in ALLOWED


def findings(module: str) -> list[str]:
    source = (LIBRARY / module).read_text(encoding="utf-8")
    lists = {w.file: w for w in SHARED_LISTS}
    return [f"lib/medialens/{module}:{line}: '{word}' belongs to data/{file} ({category}); "
            f"read it with {lists[file].read_with}"
            for line, word, category, file in spelt_shared_words(source) if not allowed(word, module)]


MODULES = sorted(str(p.relative_to(LIBRARY)) for p in LIBRARY.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES)
def test_library_code_spells_no_shared_word(module):
    spelt = findings(module)
    assert not spelt, "\n".join(spelt)


@pytest.mark.parametrize("source, expected", [
    ('DAYS = ("monday", "tuesday")', [(1, "monday"), (1, "tuesday")]),
    ('DATE = re.compile(r"\\b(?:Jan|Feb)[a-z]*\\s+\\d", re.I)', [(1, "Feb"), (1, "Jan")]),
    ('RELATIVE = re.compile(r",\\s*(?:which|who)\\b")', [(1, "which"), (1, "who")]),
    ('if token.lower_ in {"not", "n\'t"}:\n    pass', [(1, "n't"), (1, "not")]),
    ('GAP = "of them"', []),
    ('STOP = {"whose"}', [(1, "whose")]),
    ('PLACE = "France"', [(1, "France")]),
    ('PRONOUN = "us"', []),  # the pronoun, not the country's initials
    ('"""Dates such as Monday and May are read by dates.py."""', []),  # a docstring
    ('raise MedialensError(path, "not a table; give one file or a folder")', []),  # a message
    ('print(f"{n} articles and {m} tables")', []),
    ('parser.add_argument("--x", help="one file or a folder")', []),
    ('label = "as_subject"', []),  # a column name is one word, not "as"
])
def test_the_scan_finds_shared_words_only_in_rules(source, expected):
    assert [(line, word) for line, word, _, _ in spelt_shared_words(source)] == expected


def test_every_allowance_names_a_word_of_a_shared_list_and_a_module():
    for word, module in ALLOWED:
        assert _lookup(word), f"{word} is in no shared list: drop it from ALLOWED"
        assert module == "*" or (LIBRARY / module).is_file(), module
