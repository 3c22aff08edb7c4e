"""Countries, their other names, demonyms and capitals, for naming actors on any story.

data/world/countries.csv is built by scripts/build_countries.py from pycountry (ISO 3166) and
countryinfo (capitals, demonyms, spellings); see data/world/README.md. This module turns it into
one lookup from a name as written to what it names.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..lexicons import read_table


@dataclass(frozen=True)
class Place:
    country: str  # canonical country name
    role: str  # "country" (name, alias, demonym), "people" (plural demonym), "capital"


def world_names(lexicons: dict[str, str] | None = None) -> dict[str, Place]:
    """{name as written: Place}. A country's own names win over another's capital or demonym."""
    table = read_table("countries", lexicons)
    names: dict[str, Place] = {}
    ranked = [("capital", "capital"), ("people", "people"), ("demonym", "country"),
              ("aliases", "country"), ("country", "country")]
    for column, role in ranked:  # later columns overwrite earlier ones
        for country, cell in zip(table.country, table[column]):
            for name in str(cell).split(";"):
                name = name.strip()
                # Countries sharing a demonym ("Chinese": China, Macao; "French": France, French
                # Southern and Antarctic Lands): the shorter name, then the one it comes from, keeps it.
                if name and (name not in names or names[name].role != role
                             or _rank(name, country) < _rank(name, names[name].country)):
                    names[name] = Place(country, role)
    return names


def _rank(name: str, country: str) -> tuple[int, int]:
    shared = 0
    while shared < min(len(name), len(country)) and name[shared] == country[shared]:
        shared += 1
    return len(country), -shared
