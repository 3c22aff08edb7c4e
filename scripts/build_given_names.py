"""Build lib/medialens/data/world/given_names.csv from a maintained PyPI data package.

Why this one: gender-guesser ships Jörg Michael's `nam_dict.txt`, about 48,000 first names with
their frequency in 54 countries and languages (Europe, the Americas, the Arab world, India,
China, Korea, Japan...). A name as a list of the world, not typed by hand: the source rules ask
"is this word a given name?" to tell "Bernie Sanders" (so "Bernie said" is a person) from
"Ford Expedition" (so "according to Ford" is an organisation). Nothing is needed at run time:
the CSV is committed and this script says how it was made. Run: `pip install gender-guesser &&
python scripts/build_given_names.py`, then check the diff.

Columns: name (as the dictionary writes it, one word: names of several words and the "+"
spelling variants are left out), frequency (the highest of its per-country frequencies, 1 = rare
to 13 = extremely common).
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import gender_guesser

OUT = Path(__file__).resolve().parent.parent / "lib" / "medialens" / "data" / "world" / "given_names.csv"
NAME_COLUMNS = slice(3, 29)  # the file's fixed-width layout (its header, "FILE-FORMAT 2008-11-16")
FREQUENCY_COLUMNS = slice(30, 85)


def names() -> dict[str, int]:
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    out: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or len(line) < 30:
            continue
        name = line[NAME_COLUMNS].strip()
        if not name or " " in name or "+" in name or not name[0].isupper():
            continue
        frequency = max((int(c, 16) for c in line[FREQUENCY_COLUMNS] if c in "123456789ABCDEF"), default=0)
        if frequency:
            out[name] = max(frequency, out.get(name, 0))
    return out


def main(out: Path = OUT) -> None:
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "frequency"])
        for name, frequency in sorted(names().items()):
            writer.writerow([name, frequency])


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
