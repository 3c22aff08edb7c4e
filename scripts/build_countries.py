"""Build lib/medialens/data/world/countries.csv from two maintained PyPI data packages.

Why these two: pycountry (ISO 3166-1 from Debian's iso-codes, LGPL, updated with every ISO change)
is the authority for which countries exist and their official names; it has no capitals or
demonyms. countryinfo (MIT) adds, per country, the capital, the demonym and the English spellings
news uses ("USA", "DR Congo", "Holland"). Neither is needed at run time: the CSV is committed and
this script says how it was made. Run: `python scripts/build_countries.py` (pip install pycountry
countryinfo), then check the diff.

Columns: country (the short English name, used as the actor's canonical name), iso3, aliases
(other names, ";"-separated: official names, spellings, and initials such as "US", "U.S."),
demonym (also the adjective: "French", "North Korean"), people (its plural, "Kenyans"; empty where
English has none: "French", "Chinese"), capital (";"-separated forms: "Washington D.C.;Washington").
"""
from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import countryinfo
import pycountry

OUT = Path(__file__).resolve().parent.parent / "lib" / "medialens" / "data" / "world" / "countries.csv"
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’-]*$")


def initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def plural(demonym: str) -> str:
    # "Kenyan" -> "Kenyans", "Israeli" -> "Israelis"; "French", "Chinese", "Swiss" have no -s form.
    if not demonym or demonym.endswith(("sh", "ch", "ese", "ss", "s", "x")):
        return ""
    return demonym + "s"


def countryinfo_rows() -> dict[str, dict]:
    folder = Path(countryinfo.__file__).parent / "data"
    rows = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data = next(iter(data.values())) if len(data) == 1 and isinstance(next(iter(data.values())), dict) else data
        iso3 = (data.get("ISO") or {}).get("alpha3")
        if iso3:
            rows[iso3] = data
    return rows


def main(out: Path = OUT) -> None:
    info = countryinfo_rows()
    rows = []
    for country in pycountry.countries:
        data = info.get(country.alpha_3, {})
        name = data.get("name") or getattr(country, "common_name", None) or country.name
        names = [getattr(country, "official_name", ""), country.name,
                 getattr(country, "common_name", ""), *data.get("altSpellings", [])]
        aliases = [a for a in dict.fromkeys(names) if a and a != name and "," not in a
                   and LATIN.match(a) and not a.isupper()]
        # Codes only where they are the initials of the name ("US", "UK", "DRC") or, three letters
        # and more, of another name ("USA"), with and without stops: "CAN" or "AND" would be false hits.
        for code in [country.alpha_2, country.alpha_3, *data.get("altSpellings", [])]:
            if code.isupper() and len(code) <= 4 and (initials(name) == code or len(code) > 2 and any(
                    initials(alias) == code for alias in aliases)):
                aliases += [code] + ([".".join(code) + "."] if len(code) <= 3 else [])
        aliases = [a for a in dict.fromkeys(aliases) if a != name and len(a) > 1]
        demonym = data.get("demonym") or ""
        capital = data.get("capital") or ""
        capitals = [capital] + ([capital.replace(" D.C.", "")] if capital.endswith(" D.C.") else [])
        rows.append({"country": name, "iso3": country.alpha_3, "aliases": ";".join(aliases),
                    "demonym": demonym, "people": plural(demonym),
                    "capital": ";".join(c for c in capitals if c and LATIN.match(c))})
    rows.sort(key=lambda row: row["country"])
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} countries -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
