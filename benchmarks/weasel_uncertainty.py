"""How well does medialens tell uncertain sentences from certain ones on text nobody here wrote?

../shared/weasel/sentences.csv holds 7,280 English Wikipedia sentences from the CoNLL-2010
uncertainty task (Farkas et al. 2010), each marked uncertain where an annotator found a weasel or
hedge cue (README there). Each sentence is tagged as one text through the library's pipeline
(tag_corpus on a table, in batches) and counts as uncertain when the tagger finds in it a hedge,
weasel or conditional cue (hedges.csv, kind not `booster`) or a vague source (sources.csv,
source_type `vague`).

The file is split once, by a hash of each id, into a dev half (rules were developed on it only)
and a held-out half (the honest figure). For each half: accuracy, precision, recall and F1 of the
uncertain class, and the same on a balanced sample (every uncertain sentence and as many certain
ones, chosen by hash), as the hidden check measures. Then the error classes: missed uncertain
sentences by the cue family their words show, false alarms by the family of the cue that fired.

    .venv/bin/python benchmarks/weasel_uncertainty.py                       # both halves
    .venv/bin/python benchmarks/weasel_uncertainty.py --errors /tmp/dev_errors.txt   # dev errors, one a line
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

import medialens as ml  # noqa: E402

# ../shared beside the repository (a worktree sits one folder deeper).
DEFAULT = next((p / "shared" / "weasel" / "sentences.csv" for p in ROOT.parents
                if (p / "shared" / "weasel").is_dir()), ROOT.parent / "shared" / "weasel" / "sentences.csv")

# Families of cue words, for reading the errors only (the tagger does not use these). Kept here,
# apart from the lexicons, so the classes do not move when the lexicons do. First match wins.
FAMILIES = [
    ("weasel quantifier", r"\b(some|many|most|several|others|critics|scholars|experts|historians|"
                          r"observers|people|fans|commentators|analysts)\b\W+(\w+\W+)?(have |has |had )?"
                          r"(argue|argued|claim|claimed|say|said|believe|believed|consider|considered|"
                          r"feel|felt|think|thought|suggest|suggested|view|regard|note|noted|speculate)"),
    ("passive of belief/report", r"\b(is|are|was|were|be|been|being)\s+(\w+ly\s+)?(considered|regarded|"
                                 r"believed|thought|said|reported|rumou?red|known|seen|viewed|described|"
                                 r"claimed|alleged|suggested|argued|held|deemed|acknowledged|recognized|"
                                 r"recognised|accepted|cited|credited|called|touted|hailed|estimated)\b"),
    ("one of the most", r"\bone of the (most|best|greatest|largest|leading|first|finest|few|top|\w+est)\b"),
    ("hedging adverb", r"\b(widely|commonly|reputedly|allegedly|arguably|supposedly|purportedly|"
                       r"reportedly|apparently|possibly|probably|perhaps|likely|presumably|"
                       r"generally|usually|often|typically|frequently|largely|mostly|mainly|"
                       r"almost|nearly|approximately|about|around|roughly|somewhat|relatively|"
                       r"fairly|rather|quite)\b"),
    ("modal", r"\b(may|might|could|would|should|can|must)\b"),
    ("appear/seem/suggest", r"\b(appear|appears|appeared|seem|seems|seemed|suggest|suggests|suggested|"
                            r"indicate|indicates|indicated)\b"),
    ("conditional", r"\b(if|unless|whether)\b"),
    ("vague subject", r"\b(some|many|most|several|various|numerous|few|others|critics|experts|"
                      r"scholars|historians|researchers|observers)\b"),
    ("superlative/evaluative", r"\b(\w+est|best|greatest|famous|important|notable|significant|"
                               r"major|popular|renowned|well-known|leading)\b"),
]


def family(text: str) -> str:
    lower = text.lower()
    for name, pattern in FAMILIES:
        if re.search(pattern, lower):
            return name
    return "other"


def half(sentence_id: str) -> str:
    """dev or heldout, fixed by the id's hash so the split never changes."""
    return "dev" if int(hashlib.sha1(sentence_id.encode()).hexdigest(), 16) % 2 == 0 else "heldout"


def rank(sentence_id: str) -> int:
    return int(hashlib.sha1(("balanced:" + sentence_id).encode()).hexdigest(), 16)


def tag(sentences: pd.DataFrame, batch: int = 500) -> pd.DataFrame:
    """sentences with two more columns: predicted (0 or 1) and cues (what fired, ' | ')."""
    found = []
    for lo in range(0, len(sentences), batch):
        part = sentences.iloc[lo:lo + batch]
        documents = pd.DataFrame({"doc_id": part.id, "text": part.text,
                                  "n_words": part.text.str.split().str.len()})
        tables = ml.tag_corpus(documents)
        hedges = tables["hedges"]
        hedges = hedges[hedges.kind != "booster"]
        cues = [hedges.assign(what=hedges.kind + ":" + hedges.cue)[["doc_id", "what"]]]
        vague = tables["sources"]
        vague = vague[vague.source_type == "vague"]
        cues.append(vague.assign(what="vague source:" + vague.surface.str.lower())[["doc_id", "what"]])
        found.append(pd.concat(cues))
    found = pd.concat(found).groupby("doc_id").what.agg(" | ".join)
    out = sentences.copy()
    out["cues"] = out.id.map(found).fillna("")
    out["predicted"] = (out.cues != "").astype(int)
    return out


def figures(frame: pd.DataFrame) -> dict[str, float]:
    gold, pred = frame.uncertain.astype(bool), frame.predicted.astype(bool)
    tp, fp, fn = (gold & pred).sum(), (~gold & pred).sum(), (gold & ~pred).sum()
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"n": len(frame), "accuracy": (gold == pred).mean(), "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


def balanced(frame: pd.DataFrame) -> pd.DataFrame:
    uncertain = frame[frame.uncertain == 1]
    certain = frame[frame.uncertain == 0]
    certain = certain.loc[certain.id.map(rank).sort_values().index[:len(uncertain)]]
    return pd.concat([uncertain, certain])


def fired_family(cues: str) -> str:
    """The family of the first cue that fired on a false alarm."""
    first = cues.split(" | ")[0]
    kind, _, cue = first.partition(":")
    if kind in ("vague source", "weasel"):
        return kind
    return family(cue) if family(cue) != "other" else f"{kind} (other)"


def report(name: str, frame: pd.DataFrame) -> None:
    for label, part in [("all", frame), ("balanced", balanced(frame))]:
        f = figures(part)
        print(f"{name:8} {label:9} n={f['n']:5}  accuracy {f['accuracy']:.3f}  uncertain: "
              f"precision {f['precision']:.3f}  recall {f['recall']:.3f}  F1 {f['f1']:.3f}")


def error_classes(frame: pd.DataFrame) -> None:
    missed = frame[(frame.uncertain == 1) & (frame.predicted == 0)]
    alarms = frame[(frame.uncertain == 0) & (frame.predicted == 1)]
    print(f"\nmissed uncertain sentences ({len(missed)}), by the cue family their words show:")
    for fam, n in Counter(missed.text.map(family)).most_common():
        print(f"  {n:5}  {fam}")
    print(f"false alarms ({len(alarms)}), by the family of the first cue that fired:")
    for fam, n in Counter(alarms.cues.map(fired_family)).most_common():
        print(f"  {n:5}  {fam}")
    cues = Counter(c.split(":", 1)[1] for cs in alarms.cues for c in cs.split(" | "))
    print("  most frequent cues in false alarms: " + ", ".join(f"{c} {n}" for c, n in cues.most_common(15)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT, help="sentences.csv (id, text, uncertain)")
    parser.add_argument("--errors", type=Path, help="write the dev half's errors here, one a line")
    args = parser.parse_args(argv)
    sentences = pd.read_csv(args.data, dtype={"id": str, "text": str}).fillna({"text": ""})
    started = time.perf_counter()
    tagged = tag(sentences)
    tagged["half"] = tagged.id.map(half)
    print(f"{len(tagged)} sentences tagged in {time.perf_counter() - started:.0f} s")
    for name in ["dev", "heldout"]:
        report(name, tagged[tagged.half == name])
    dev = tagged[tagged.half == "dev"]
    print("\nerror classes on the dev half")
    error_classes(dev)
    if args.errors:
        wrong = dev[dev.uncertain != dev.predicted].sort_values(["uncertain", "id"])
        with open(args.errors, "w") as out:
            for row in wrong.itertuples():
                kind = "MISSED" if row.uncertain else "ALARM "
                out.write(f"{kind} {row.id} [{row.cues}] {row.text}\n")


if __name__ == "__main__":
    main()
