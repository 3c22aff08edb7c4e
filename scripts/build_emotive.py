"""Build lib/medialens/data/frames/emotive.jsonl from VADER's valence lexicon.

Why VADER: Hutto & Gilbert (2014), "VADER: A Parsimonious Rule-based Model for Sentiment
Analysis of Social Media Text", ICWSM; MIT licence; on PyPI as vaderSentiment. Each of its 7,500
entries is the mean of ten human ratings of valence from -4 to +4, a published general resource
not tied to any story. We keep lower-case words (no emoticons or slang abbreviations) whose mean
valence is at least THRESHOLD in absolute value, and drop the words of emotive_exclusions.csv
(words a neutral report uses for facts or attributions: "killed", "disaster", "support"), and
words emotive_news.jsonl already lists. The threshold was chosen on the development stories
(tests/stories/frames_*, not the held-out one): see data/frames/README.md.
Run: `pip install vaderSentiment && python scripts/build_emotive.py [THRESHOLD [OUT]]`.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import vaderSentiment

THRESHOLD = 2.0
FRAMES = Path(__file__).resolve().parent.parent / "lib" / "medialens" / "data" / "frames"
WORD = re.compile(r"[a-z][a-z'-]*[a-z]")


def news_words() -> set[str]:
    words = set()
    for line in (FRAMES / "emotive_news.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("//"):
            pattern = json.loads(line)["pattern"]
            if len(pattern) == 1:
                value = pattern[0].get("LOWER")
                words |= set(value["IN"]) if isinstance(value, dict) else {value}
    return words


def main(threshold: float = THRESHOLD, out: Path = FRAMES / "emotive.jsonl") -> None:
    lexicon = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    with (FRAMES / "emotive_exclusions.csv").open(encoding="utf-8") as handle:
        excluded = {row["word"] for row in csv.DictReader(handle)} | news_words()
    rows = []
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        word, valence = line.split("\t")[:2]
        valence = float(valence)
        if WORD.fullmatch(word) and abs(valence) >= threshold and word not in excluded:
            label = "negative" if valence < 0 else "positive"
            rows.append({"label": label, "pattern": [{"LOWER": word}], "id": f"vader {valence:+.1f}"})
    header = (f"// VADER valence lexicon (Hutto & Gilbert 2014, MIT): words with |valence| >= {threshold}, "
              "minus emotive_exclusions.csv; built by scripts/build_emotive.py, do not edit by hand\n")
    out.write_text(header + "".join(json.dumps(r) + "\n" for r in rows),
                                          encoding="utf-8")
    print(f"{len(rows)} words at |valence| >= {threshold}")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else THRESHOLD,
         Path(sys.argv[2]) if len(sys.argv) > 2 else FRAMES / "emotive.jsonl")
