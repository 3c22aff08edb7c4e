"""Extraction: candidate numbers of a text become figure rows (span, value, bounds, qualifier,
referent); dates, names, years, identifiers and excluded units are dropped, and spans never
overlap ("148 of the 300 seats" gives "148" and "300 seats")."""
from __future__ import annotations

import math
import re

from ..context import DocContext
from ..dates import is_calendar_word
from . import numbers as nb
from .referents import inherit_referents, noun_after, referent_after
from .rules import Rules


def find_figures(ctx: DocContext, rules: Rules) -> list[dict]:
    """Figure rows of one document (modality not yet set), in text order."""
    text, sentences = ctx.text, ctx.sentences
    if not sentences:
        return []
    vague = [(s, e, text[s:e].lower()) for s, e in rules.vague_pattern.spans(text, ctx.lowered)]
    taken = nb.overlap_test(nb.blocked_spans(text, rules, ctx.lowered) + vague)
    found = [n for n in nb.numbers(text, rules) if not taken(n[0].start, n[0].end)]
    candidates = nb.merge_ranges(text, found, rules)
    candidates += [dict(start=s, end=e, number_start=s, abbr=None, low=rules.vague[t][0], high=rules.vague[t][1],
                        value=rules.vague[t][2], qualifier="vague", words=True, scaled=True)
                   for s, e, t in vague]
    candidates.sort(key=lambda c: c["start"])
    rows = []
    for c in candidates:
        i = ctx.sentence_at(c["start"])
        if i < 0 or c["end"] > sentences[i]["end"]:
            continue
        row = figure_row(text, c, sentences[i], rules)
        if row is not None:
            row["doc_id"], row["sent_id"] = ctx.doc_id, sentences[i]["sent_id"]
            rows.append(row)
    rows = without_overlaps(rows)
    inherit_referents(text, rows, {s["sent_id"]: s for s in sentences}, rules)
    return rows


def without_overlaps(rows: list[dict]) -> list[dict]:
    """Figure spans never overlap: "148 of the 300 seats" ends at 148 (keeping its referent)
    where the next figure, "300 seats", begins; a figure still overlapping one kept is dropped."""
    kept = []
    for k, row in enumerate(rows):
        if kept and row["start"] < kept[-1]["end"]:
            continue
        following = rows[k + 1]["start"] if k + 1 < len(rows) else math.inf
        if row["end"] > following:
            row["end"] = row["_number_end"]
            row["surface"] = row["surface"][: row["end"] - row["start"]]
        kept.append(row)
    return kept


def _not_a_count(text: str, c: dict, before: str, after: str, rules: Rules) -> bool:
    """Names and furniture ("G20", "F-16", "16px", "1st", "1990s", "COVID-19"), years, long
    identifiers and excluded units or reference words."""
    start, end = c["start"], c["end"]
    if not c["words"]:
        if re.search(r"[A-Za-z][-‐]?$|[\d.]$", before) or (re.match(r"[A-Za-z]", after) and not c["abbr"]):
            suffix = re.match(r"[A-Za-z]+", after)
            if not (suffix and rules.referent_class.get(suffix.group().lower()) == "measure"):
                return True
        if c["qualifier"] == "exact" and not c["scaled"] and "," not in text[start:end] \
                and nb.YEAR.fullmatch(text[start:end]) and not _counted_noun_follows(after, rules) \
                and not rules.qualifier_before.search(before):  # "dropped to 1,300 from over 2000"
            return True  # a year: "in 2024", "the 2024 election"
        if re.fullmatch(r"\d{7,}", text[start:end]):
            return True  # an identifier or phone number, not a count
    return bool(rules.excluded_after.match(after) or rules.calibre.match(after) or rules.excluded_before.search(before))


def _is_name(c: dict, before: str, start: int, sentence: dict, text: str, rules: Rules) -> bool:
    """A capitalised word right before plain digits, mid-sentence, is a name: "Boeing 737",
    "Apollo 11". Counts written with separators ("In May 5,000 workers") are not."""
    name = re.search(r"(?<![.!?:;\"“‘'])\s([A-Z][a-z]+)\s*$", before)
    unit = re.match(r"\s*(?:%|per ?cent\b)", text[c["end"]:c["end"] + 10])  # "the Union 38.7%"
    if name and is_calendar_word(name.group(1)):
        return False  # "By Thursday 61 people had died": a day, not a name
    return bool(name) and not unit and not c["words"] and not sentence["is_heading"] \
        and not rules.qualifier_before.search(before) and "," not in text[c["number_start"]:c["end"]] \
        and start - len(name.group()) > sentence["start"]


LAST_WORD = re.compile(r"(\w+)\s*$")


def figure_row(text: str, c: dict, sentence: dict, rules: Rules) -> dict | None:
    """A figure row for candidate `c`, or None when the number is no figure."""
    start, end = c["start"], c["end"]
    before = text[max(sentence["start"], start - 40):start]
    after = text[end:min(sentence["end"], end + 120)]
    if _not_a_count(text, c, before, after, rules):
        return None
    referent = cls = ""
    # The currency sign sits before the number, or after "between" in a range.
    number_start = c["number_start"]
    window = text[max(sentence["start"], number_start - 40):number_start]
    prefix = rules.currency_prefix.search(window)
    if prefix:
        referent, cls = prefix.group(1), "money"
        start = min(start, number_start - (len(window) - prefix.start(1)))
        before = text[max(sentence["start"], start - 40):start]
    elif _is_name(c, before, start, sentence, text, rules):
        return None
    qualifier, low, high = c["qualifier"], c["low"], c["high"]
    if qualifier not in ("range", "vague"):
        q_before = rules.qualifier_before.search(before)
        verb = LAST_WORD.search(before, 0, q_before.start(1)) if q_before else None
        if verb and q_before.group(1).lower() == "up to" and f"{verb.group(1).lower()} up" in rules.quantities.change_topics:
            q_before = None  # "will go up to £2,148": the new level, not an upper bound
        q_after = rules.qualifier_after.match(after)
        if q_before:
            qualifier = rules.qualifier_of[q_before.group(1).lower()]
            start -= len(before) - q_before.start(1)
            if q_after:  # "an estimated 1 million-plus protesters": the noun is past both
                end += q_after.end()
                after = text[end:min(sentence["end"], end + 120)]
        elif q_after:
            qualifier = rules.qualifier_of[q_after.group(1).lower()]
            end += q_after.end()
            after = text[end:min(sentence["end"], end + 120)]
        if qualifier == "upper_bound":
            low = math.nan
        elif qualifier == "lower_bound":
            high = math.nan
    noun_end = end
    noun = _counted_noun(after, c, cls, rules)
    if noun:
        noun_end = end + noun[2]
        if not cls:
            referent, cls = noun[0], noun[1]
    own_noun = noun[0] if noun else ("" if not cls else referent)
    if c["words"] and c["value"] < 10 and not c["scaled"] and cls in ("", "other") \
            and not _small_count(before, after, rules):
        return None  # "two nations", "one of them": small number words count only known things
    if noun and _introduces_speaker(before, after[noun[2]:], c, rules):
        return None
    return dict(start=start, end=noun_end, surface=text[start:noun_end], value=c["value"], low=low,
                high=high, qualifier=qualifier, referent=referent, referent_class=cls,
                modality="", source_type="", _number_start=c["start"], _number_end=end, _noun=own_noun)


# A reporting verb inverted after a quote or a comma ('..." said one'), or one right after the noun.
INVERTED_REPORTING = re.compile(r"[,\"”’']\s*(\w+)\s*$")


def _introduces_speaker(before: str, after_noun: str, c: dict, rules: Rules) -> bool:
    """A lone "one" before a noun that is the subject of a reporting verb introduces a speaker, it
    counts nothing: '"We came back," said one marcher who gave his name as Lee', "one nurse told
    reporters". "Police said one person died" stays a count: its "said" is not inverted."""
    if not (c["words"] and c["value"] == 1 and not c["scaled"] and c["qualifier"] == "exact"):
        return False
    inverted = INVERTED_REPORTING.search(before)
    following = re.match(r"\s*(\w+)", after_noun)
    return bool(inverted and inverted.group(1).lower() in rules.reporting_words) \
        or bool(following and following.group(1).lower() in rules.reporting_words)


# A small number in words counts when a death toll or a casualty verb goes with it ("Three
# die", "the toll rose to five"), or when it is a part ("four of them", "two from overseas").
TOLL_BEFORE = re.compile(r"\btoll\b[^.;]{0,25}\b(?:to|of|at|reaches|reached|hits|hit|stands at)\s*$", re.IGNORECASE)
CASUALTY_EVENTS = {"deaths", "injured", "missing"}


def _small_count(before: str, after: str, rules: Rules) -> bool:
    if TOLL_BEFORE.search(before) or rules.quantities.part_after.match(after):
        return True
    words = [w.group().lower() for w in nb.WORD.finditer(before[-30:])]
    for k in range(max(0, len(words) - 3), len(words)):
        # "killing at least nine"; in "a toll of 410 deaths for the three hottest days" the deaths are 410's
        if rules.quantities.event.get(words[k]) in CASUALTY_EVENTS and not (k and words[k - 1][0].isdigit()):
            return True
    words = [w.group().lower() for w in nb.WORD.finditer(after[:40])][:3]
    return any(rules.quantities.event.get(" ".join(words[i:i + n])) in CASUALTY_EVENTS
               for i in range(len(words)) for n in (1, 2))


def _counted_noun(after: str, c: dict, cls: str, rules: Rules):
    """(referent, class, characters of `after` used) of the noun after the number, or None."""
    words = list(nb.WORD.finditer(after))
    tokens = [w.group() for w in words]
    found = referent_after(tokens, rules, c["words"] and c["value"] < 10)
    if found:
        term, term_class, n = found
        return term, term_class, words[n - 1].end()
    if cls:
        return None
    # "hundreds of cattle": an unknown noun after "of" (and a determiner) is the referent.
    skip = 0
    if tokens[:1] and tokens[0].lower() == "of":
        skip = 1 + (len(tokens) > 1 and tokens[1].lower() in rules.determiners)
    fallback = noun_after(tokens[skip:], rules)
    if fallback:
        n = skip + fallback
        return tokens[n - 1], "other", words[n - 1].end()
    return None


def _counted_noun_follows(after: str, rules: Rules) -> bool:
    tokens = [w.group() for w in nb.WORD.finditer(after[:60])]
    found = referent_after(tokens, rules, False)
    return bool(found) and found[1] not in ("measure",)
