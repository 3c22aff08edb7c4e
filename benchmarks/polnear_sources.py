"""How well does medialens.sources find the sources of real news text? A check on PolNeAR.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates every attribution in 924 US political news
articles as Source, Cue and Content spans (brat standoff; see ../shared/polnear/README.md).
For each split this script runs the sources tagger on every article's raw text and reports:

- recall: of the annotated Sources that are not pronouns and whose Cue is a speech or report
  cue (a word of SPEECH_REPORT below: said, told, according to, wrote, announced...), the share
  that some tagged source span overlaps (at least one character);
- precision: of the tagged source spans, the share that overlap some annotated Source of the
  article (any cue, pronouns included, any annotator's file).

Recall is counted on the first annotator's file (sorted by name) of each article, so articles
annotated several times count once. Offsets are compared on the article text as given.

Then, per rule of data/sources/phrase_rules.csv (with the subject's shape after a "/", as in
"subject_before/dashed"): `tagged`, the source spans the rule found; `wrong`, those overlapping no
annotated Source (its false alarms); `gold_found`, the annotated speech/report Sources of the
recall count that a span of this rule overlaps (a Source found by two rules counts for both).
For the rules that stop a cue (it reports nothing: a passive, a modal, "pledged 5 billion"):
`tagged` is the cues stopped, `wrong` those that overlap an annotated Cue (an attribution the rule
threw away), `gold_found` empty.

Then, per typing rule of data/sources/type_rules.csv (the rule that typed each source span by its
head): `typed`, the spans it typed; `not_a_source`, those overlapping no annotated Source (a phrase
typed as a source that is none: wrong whatever its type); `gold_found` as above; `retyped`, the
spans whose final type is not the rule's (changed later by an anonymity phrase, a description, the
lone-name check or the name a back reference resolves to). PolNeAR annotates no source types, so
whether a type is right cannot be told from it. The hand-typed sources of the 26 real articles of
../shared/stories/gold.json can: per typing rule, `story_sources` is the gold sources a span of the
rule matches (as score.py matches them: half the words shared) and `story_wrong` those whose final
type is not the gold type (`--stories ''` skips this).

    .venv/bin/python benchmarks/polnear_sources.py                    # train and dev
    .venv/bin/python benchmarks/polnear_sources.py --split dev --errors /tmp/dev_errors.txt
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from medialens.context import DocContext
from medialens.sentences import pipeline, sentence_rows  # noqa: E402
from medialens.sources import Tagger  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "polnear"
STORIES = ROOT.parent / "shared" / "stories"
# Speech and report cues, as lemmas (PARC's verbs of saying plus "according to" and the verbs a
# document or poll "reports" with). Kept here, apart from the tagger's lexicon, so the benchmark
# does not change when the lexicon does.
SPEECH_REPORT = """say tell according write add announce confirm estimate report note ask explain argue
claim warn state declare insist reply respond acknowledge admit deny reveal suggest indicate predict
stress tweet post testify comment remark mention reiterate recall assert contend allege describe call
cite quote urge accuse criticize criticise complain concede disclose emphasize observe point promise
vow pledge threaten speculate conclude show find""".split()
IRREGULAR = {"say": "said", "tell": "told", "write": "wrote written", "find": "found", "show": "shown"}
PRONOUNS = set("""he she they it i we you who which that his her him their them its me us my our your
whom this these those one both""".split())


def forms(lemma: str) -> set[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", stem + "ing", lemma + "ing",
           *IRREGULAR.get(lemma, "").split()}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma in ("admit", "commit"):
        out |= {lemma + "ted", lemma + "ting"}
    return out


CUE_WORDS = set().union(*(forms(lemma) for lemma in SPEECH_REPORT))


def read_ann(path: Path) -> list[dict]:
    """The attributions of one brat file: dicts with source (list of (start, end)), source_text, cue_text."""
    spans, relations = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            kind, _, offsets = parts[1].partition(" ")
            try:
                pieces = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
            except ValueError:
                continue
            spans[parts[0]] = (kind, pieces, parts[2] if len(parts) > 2 else "")
        elif parts[0].startswith("E"):
            relations.append(dict(r.split(":", 1) for r in parts[1].split()[1:] if ":" in r))
    out = []
    for relation in relations:
        source, cue = spans.get(relation.get("Source", "")), spans.get(relation.get("Cue", ""))
        if source and source[0] == "Source":
            out.append({"source": source[1], "source_text": source[2], "cue_text": cue[2] if cue else "",
                        "cue": cue[1] if cue else []})
    return out


def is_speech_report(cue_text: str) -> bool:
    return any(word in CUE_WORDS for word in re.findall(r"[a-z]+", cue_text.lower()))


def overlaps(a: list[tuple[int, int]], b: tuple[int, int]) -> bool:
    return any(start < b[1] and b[0] < end for start, end in a)


def evaluate(split_dir: Path, tagger: Tagger, limit: int | None = None, errors=None) -> dict:
    nlp = pipeline()
    files = defaultdict(list)
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        files[ann.stem.rsplit("_", 1)[0]].append(ann)
    names = sorted(files)[:limit]
    found = relevant = hits = tagged = words = 0
    seconds = 0.0
    by_rule = {"tagged": Counter(), "wrong": Counter(), "gold_found": Counter()}
    by_type = {"typed": Counter(), "not_a_source": Counter(), "gold_found": Counter(), "retyped": Counter()}
    for name in names:
        text = (split_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")
        clock = time.perf_counter()
        doc = nlp(text)
        tagged_doc = tagger.tag(DocContext.build(doc, name, sentence_rows(doc, name)))
        rows = tagged_doc["sources"]
        seconds += time.perf_counter() - clock
        words += len(text.split())
        predicted = [(r["start"], r["end"]) for r in rows]
        all_sources = [a for ann in files[name] for a in read_ann(ann)]
        gold = {tuple(a["source"]): a for a in read_ann(files[name][0])
                if a["source_text"].strip().lower() not in PRONOUNS and is_speech_report(a["cue_text"])}
        for pieces, a in gold.items():
            relevant += 1
            hit = any(overlaps(list(pieces), p) for p in predicted)
            found += hit
            by_rule["gold_found"].update({r["rule"] for r, p in zip(rows, predicted) if overlaps(list(pieces), p)})
            by_type["gold_found"].update({type_rule(r) for r, p in zip(rows, predicted) if overlaps(list(pieces), p)})
            if errors and not hit:
                print(f"MISS\t{name}\t{a['source_text']!r}\t{a['cue_text']!r}\t"
                      f"{text[max(0, pieces[0][0] - 60): pieces[-1][1] + 60]!r}", file=errors)
        for stop in tagged_doc.get("stopped", []):
            rule = f'{stop["rule"]} (stops)'
            by_rule["tagged"][rule] += 1
            by_rule["wrong"][rule] += any(overlaps(a["cue"], (stop["start"], stop["end"])) for a in all_sources)
        for row, p in zip(rows, predicted):
            tagged += 1
            hit = any(overlaps(a["source"], p) for a in all_sources)
            hits += hit
            by_rule["tagged"][row["rule"]] += 1
            by_rule["wrong"][row["rule"]] += not hit
            by_type["typed"][type_rule(row)] += 1
            by_type["not_a_source"][type_rule(row)] += not hit
            by_type["retyped"][type_rule(row)] += row["source_type"] != row["typed_as"]
            if errors and not hit:
                print(f"FALSE\t{name}\t{row['surface']!r}\t{row['cue']!r}\t{row['source_type']}\t"
                      f"{text[max(0, p[0] - 60): p[1] + 60]!r}", file=errors)
    return {"articles": len(names), "gold sources": relevant, "recall": found / max(relevant, 1),
            "tagged": tagged, "precision": hits / max(tagged, 1), "words/s": words / max(seconds, 1e-9),
            "by_rule": by_rule, "by_type": by_type}


def type_rule(row: dict) -> str:
    """The typing rule of a row; "according to" followed by a phrase no rule types is vague."""
    return row["type_rule"] or "(after 'according to', untyped: vague)"


def type_rule_table(by_type: dict, names=("typed", "not_a_source", "precision", "gold_found", "retyped")) -> str:
    """The per-typing-rule counts as a Markdown table, rules in the order of type_rules.csv: a
    count, its wrong ones, the share right, and (PolNeAR) gold_found and retyped."""
    from medialens.lexicons import read_table
    order = {name: k for k, name in enumerate(read_table("type_rules").rule)}
    extra = names[3:]
    lines = [f"| typing rule | {' | '.join(names)} |", "| --- |" + " ---: |" * len(names)]
    for rule in sorted(by_type["typed"], key=lambda r: (order.get(r, len(order)), r)):
        n, wrong = by_type["typed"][rule], by_type["not_a_source"][rule]
        cells = [n, wrong, f"{(n - wrong) / n:.3f}", *(by_type[name][rule] for name in extra)]
        lines.append(f"| {rule} | {' | '.join(map(str, cells))} |")
    return "\n".join(lines)


def rule_table(by_rule: dict) -> str:
    """The per-rule counts as a Markdown table, rules in the order of phrase_rules.csv."""
    from medialens.sources.phrases import rule_order
    order = {name: k for k, name in enumerate(rule_order())}
    rules = sorted(by_rule["tagged"], key=lambda r: (order.get(r.split("/")[0].split(" ")[0], len(order)), r))
    lines = ["| rule | tagged | wrong | precision | gold_found |", "| --- | ---: | ---: | ---: | ---: |"]
    for rule in rules:
        n, wrong = by_rule["tagged"][rule], by_rule["wrong"][rule]
        stop = rule.endswith("(stops)")
        lines.append(f"| {rule} | {n} | {wrong} | {'' if stop else f'{(n - wrong) / n:.3f}'} | "
                     f"{'' if stop else by_rule['gold_found'][rule]} |")
    return "\n".join(lines)


def story_types(stories: Path, tagger: Tagger) -> dict:
    """Per typing rule, the gold sources of the real stories a span of it matches and those typed wrong."""
    import importlib.util

    from medialens import load_corpus
    spec = importlib.util.spec_from_file_location("story_score", stories / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = json.loads((stories / "gold.json").read_text(encoding="utf-8"))["docs"]
    nlp, counts = pipeline(), {"story_sources": Counter(), "story_wrong": Counter()}
    for doc_id, text in zip(*load_corpus(stories / "texts")[["doc_id", "text"]].T.values):
        doc = nlp(text)
        rows = tagger.tag(DocContext.build(doc, doc_id, sentence_rows(doc, doc_id)))["sources"]
        for source in gold.get(doc_id, {}).get("sources", []):
            words = set(scorer.norm(source["text"]).split())
            best = None
            for row in rows:
                found = set(scorer.norm(row["surface"]).split()) | set(scorer.norm(row["name"]).split())
                share = len(words & found) / min(len(words), len(found)) if found else 0
                if share >= 0.5 and (best is None or share > best[0]):
                    best = (share, row)
            if best is not None:
                counts["story_sources"][type_rule(best[1])] += 1
                counts["story_wrong"][type_rule(best[1])] += best[1]["source_type"] != source["type"]
    return counts


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT, help="folder with train/ and dev/")
    parser.add_argument("--split", nargs="+", default=["train", "dev"], help="splits to evaluate")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of a split")
    parser.add_argument("--errors", type=Path, default=None, help="write misses and false positives here")
    parser.add_argument("--stories", default=str(STORIES), help="real stories with gold.json ('' to skip)")
    args = parser.parse_args(argv)
    if not args.polnear.is_dir():
        sys.exit(f"{args.polnear}: no PolNeAR folder (see ../shared/polnear/README.md)")
    tagger = Tagger(trace_rules=True)
    errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    print("split  articles  gold_sources  recall  tagged  precision  tagger_words_per_s")
    tables = []
    for split in args.split:
        r = evaluate(args.polnear / split, tagger, args.limit, errors)
        print(f"{split:<6} {r['articles']:>8}  {r['gold sources']:>12}  {r['recall']:.3f}  "
              f"{r['tagged']:>6}  {r['precision']:.3f}      {r['words/s']:,.0f}")
        tables.append((split, rule_table(r["by_rule"]), type_rule_table(r["by_type"])))
    stories = Path(args.stories) if args.stories else None
    story = story_types(stories, tagger) if stories and (stories / "gold.json").is_file() else None
    for split, table, types in tables:
        print(f"\nPer rule, {split}:\n{table}")
        print(f"\nPer typing rule, {split}:\n{types}")
    if story is not None:
        print(f"\nPer typing rule, the {sum(story['story_sources'].values())} matched gold sources of {stories}:")
        print(type_rule_table({"typed": story["story_sources"], "not_a_source": story["story_wrong"],
                               "gold_found": Counter(), "retyped": Counter()},
                              ("story_sources", "story_wrong", "type_accuracy")))


if __name__ == "__main__":
    main()
