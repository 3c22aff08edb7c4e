"""Figures: every numeric claim an article makes, what it counts and how firmly, across articles.

One row per claim ("up to 100,000 troops", "half a million casualties", "$2 billion", "thousands
of troops") with its value and bounds, a qualifier (exact, approximate, upper_bound, lower_bound,
range, vague), the referent (the word for the thing counted) and its normalised class, and a
modality: speculative when the claim's clause is hedged, modal or conditional, reported when a
source covers it, asserted otherwise (the rule is below). compare_figures() puts the figures for
the same class of quantity side by side, article by article.

Every word list is data in data/figures/ (README.md there says where each comes from):
figure_numbers (number words), figure_qualifiers (approximators and bounds), figure_vague
(vague magnitudes and their bounds), figure_referents (what is counted, and casualty context),
figure_modality (modal and reporting cues), figure_exclusions (units and words that make a number
a time, a reference or page furniture rather than a figure).

Modality, the rule (FactBank's factuality values, Sauri & Pustejovsky 2009): speculative beats
reported beats asserted.
- speculative: a `speculative` cue of figure_modality in the figure's clause (may, would,
  rumored, potential, expected) or in its sentence (if, unless), or a hedge row of hedges.py in
  its clause, or a conditional row in its sentence. "Will" states a plan (`none`); "would" is a
  `backshift` cue: speculative, except right after a reporting word or a source row's cue with
  only a short subject between ("said it would cut 1,200 jobs"), where it is reported speech's
  "will". "May", "could", "might" stay speculative in reported speech. Hedge rows follow Hyland's list, which also
  holds reporting verbs ("reports indicate", "analysis suggests") and degree words ("largely",
  "nearly"); those are not speculation about a figure. So a hedge row counts only when its cue
  is not the cue of a source row of the sentence, not a `reported` or `none` cue of
  figure_modality, and not inside a figure ("nearly 1,100" is that figure's approximator).
- reported: a source row (sources.py) or a `reported` cue of figure_modality covers the figure.
  An attribution covers its whole sentence ("..., and 112 people have died, the WHO said"),
  unless it opens a coordinated clause of its own (", and its leader told supporters that ..."):
  then only that clause. It never reaches past a contrast after it (", but", ", while", ";"):
  "The state had argued ..., but lower courts found only 12 cases" is the writer's 12. A coordinated reporting verb also ends the figure's clause ("at 200
  stations and said 50,000 votes may ..."), and a figure in a non-restrictive relative clause
  (", which serves 9 million customers,") takes only cues inside that clause.
- asserted: otherwise.
source_type is that of the nearest source row covering the figure.

Not figures: dates, times, years (a range of two years, "between 2015 and 2020", too), ages in
apposition ("Smith, 45, was arrested"), and vote tallies or scores ("ruling 6-3", "a 5-4
decision": a dash between two counts next to a `tally` word of figure_exclusions). Figure spans
never overlap: "148 of the 300 seats" gives "148" (class votes) and "300 seats".

Left to others: finding who is quoted (sources.py) and hedges (hedges.py). Both run before this
tagger; without them the cue file alone decides.

Number words: text2num turns a run of cardinal words into a number ("twelve thousand" 12000,
"three hundred thousand" 300000, "twenty-five" 25) and is maintained, so it is used for them. It
rejects "half a million", "a million", "two and a half million", "a dozen" and "1.5 million"
(ValueError; its alpha2digit leaves "half a 1000000"), so those forms are computed here from
figure_numbers.csv. quantulum3 was tried and is not used: it reads "half a million" as 1,500,000
and "the third year" as a third of a year, returns years ("2024"), times ("10:30" as 10 and
"30 p") and "16 px" as quantities, finds nothing for "thousands"/"tens of thousands", drops every
bound ("up to", "more than") and pulls in a large dependency tree.
"""
from __future__ import annotations

import bisect
import itertools
import math
import re
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS
from text_to_num import text2num

from .clean import MONTHS
from .context import DocContext
from .lexicons import data_path, read_table
from .sentences import doc_text

READS = ["sentences", "hedges", "sources"]  # tables of earlier taggers this one needs
COLUMNS = {"figures": ["doc_id", "sent_id", "start", "end", "surface", "value", "low", "high",
                       "qualifier", "referent", "referent_class", "modality", "source_type"]}
LEXICONS = ["figure_numbers", "figure_qualifiers", "figure_vague", "figure_referents",
            "figure_modality", "figure_exclusions"]
FIRM = ("asserted", "reported")  # modalities of a figure stated as fact or on a source's word

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Dates and times are found first; a number inside one is never a figure. Month names are
# matched capitalised only, so the modal "may" is no month.
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE_OR_TIME = re.compile(
    rf"\b{DAY}\s+(?:of\s+)?{MONTHS}(?:,?\s+\d{{4}})?"           # 17 October (2024)
    rf"|\b{MONTHS}\s+{DAY}(?![\d,]*\d)(?:,?\s+\d{{4}})?"        # Oct 18(, 2024); not "May 10,000"
    rf"|\b{MONTHS},?\s+\d{{4}}\b"                                # June 2024
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"    # 2024-10-17, 17/10/2024
    r"|\b(?:1[6-9]|20)\d{2}\s*[-–/]\s*\d{2,4}\b"                 # 2022-23, 2024/25
    r"|\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?![\d])|\b\d{1,2}\s*[ap]\.m\.",  # 10:30, 10.30pm, 5 p.m.
)
YEAR = re.compile(r"(?:1[6-9]|20)\d{2}")
# A tally ("ruling 6-3", "a 5-4 decision", "voted 51-49"): two counts joined by a dash; it is a
# vote or a score, not a figure, when a `tally` word of figure_exclusions stands next to it.
TALLY = re.compile(r"(?<![\w$€£¥])(?<!\d[.,])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w%-]|[.,]\d)")
# An age in apposition to a name or noun: "Smith, 45, was arrested", "a nurse, 34, said".
AGE_APPOSITION = re.compile(r"(?<=[A-Za-z]),\s+((?:1[01]|[1-9])?\d),(?!\d)")
WORD = re.compile(r"[A-Za-z][\w'’.-]*\w|[A-Za-z]|%|\S")  # "F-16" is one word
# Clauses end at , ; : and contrastive conjunctions. Dashes and brackets do not: what they
# enclose is an apposition to the phrase before ("this potential deployment – 100,000 troops –").
CLAUSE_BREAK = re.compile(r"[;:]|,(?!\d)|\b(?:but|while|whereas|although|though|however)\b")
# A coordinated clause after a comma or semicolon has its own attribution (see _attribution_covers).
ATTRIBUTION_BREAK = re.compile(r"[;,](?!\d)")
COORDINATOR = re.compile(r"\s*(?:and|but|while|whereas|yet)\b", re.IGNORECASE)
COORDINATORS = {"and", "or", "but", "while", "whereas", "yet"}
# An attribution does not reach across a contrast: in "The state had argued that the law was
# needed, but lower courts found only 12 cases" the 12 is the writer's.
CONTRAST = re.compile(r";|,\s*(?:but|while|whereas|although|though|yet)\b", re.IGNORECASE)
COORDINATOR_BEFORE = re.compile(r"\b(?:and|but)\s+$", re.IGNORECASE)
# A non-restrictive relative clause (", which sold 12 million processors last year,"): an aside.
RELATIVE_ASIDE = re.compile(r",\s*(?:which|who)\b(?:[^,;.!?]|[.,]\d)*,")
DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our"}


def _alternation(terms) -> str:
    """A regex matching any of the literal terms, the longest where several match ("tens of
    thousands" over "tens"), written as a trie: re tries a flat alternation of a hundred terms
    one by one at every word, which made it the slowest step of the tagger."""
    trie: dict = {}
    for term in set(terms):
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}  # a term ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy: the longer term is tried first, the shorter one where it ends is the fallback.
        return f"(?:{body})?" if "" in node else body
    return pattern(trie)


def _words(terms: str) -> str:
    return rf"(?<![\w$€£¥]){terms}(?![\w])"


class Rules:
    """The compiled lexicons of one tagger (built once per lexicon set)."""

    def __init__(self, lexicons: dict[str, str] | None = None):
        numbers = read_table("figure_numbers", lexicons)
        self.word_value = {w: float(v) for w, v in zip(numbers.word, numbers.value)}
        kind = dict(zip(numbers.word, numbers.kind))
        cardinals = _alternation(w for w, k in kind.items() if k in ("cardinal", "scale"))
        scales = _alternation(w for w, k in kind.items() if k == "scale")
        self.abbreviations = {w for w, k in kind.items() if k == "abbreviation"}
        fractions = _alternation(w for w, k in kind.items() if k == "fraction")
        currency = read_table("figure_referents", lexicons)
        prefixes = currency[currency.role == "prefix"]
        self.currency_prefix = re.compile(rf"(?:^|(?<=[\s(]))({_alternation(prefixes.term)})\s*$")
        abbreviations = _alternation(self.abbreviations)
        # Digits, optionally with a scale word ("1.5 million") or, right after a currency sign,
        # an abbreviation ("$2bn", "£5m"); or number words: "half a million", "a quarter of a
        # million", "two and a half million", "a dozen", "twelve thousand".
        self.number = re.compile(
            rf"(?P<digits>(?<![\d.,]){DIGITS})(?:\s*(?P<abbr>{abbreviations})\b|\s+(?P<dscale>{scales})\b)?"
            rf"|(?P<words>(?<![\w-])(?:(?:a\s+|an\s+)?(?:{fractions})\s+(?:of\s+)?an?\s+(?:{scales})"
            rf"|(?:{cardinals})(?:(?:\s+|-)(?:and\s+)?(?:{cardinals}))*(?:\s+and\s+a\s+half\s+(?:{scales}))?"
            rf"|an?\s+(?:{scales}))(?![\w-]))", re.IGNORECASE)
        vague = read_table("figure_vague", lexicons)
        self.vague = {t.lower(): (float(lo), float(hi), float(v))
                      for t, lo, hi, v in zip(vague.term, vague.low, vague.high, vague.value)}
        self.vague_pattern = re.compile(_words(f"(?:{_alternation(self.vague)})"), re.IGNORECASE)
        qualifiers = read_table("figure_qualifiers", lexicons)
        before = qualifiers[qualifiers.position == "before"]
        after = qualifiers[qualifiers.position == "after"]
        self.qualifier_of = {c.lower(): q for c, q in zip(qualifiers.cue, qualifiers.qualifier)}
        self.qualifier_before = re.compile(rf"(?:^|(?<=[^\w]))({_alternation(before.cue)})\s*$", re.IGNORECASE)
        self.qualifier_after = re.compile(rf"^\s*({_alternation(after.cue)})(?![\w])", re.IGNORECASE)
        nouns = currency[currency.role == "noun"]
        self.referent_class = {t.lower(): c for t, c in zip(nouns.term, nouns["class"])}
        context = currency[currency.role == "context"]
        self.context_class = {t.lower(): c for t, c in zip(context.term, context["class"])}
        self.modifiers = {t.lower() for t in currency.term[currency.role == "modifier"]}
        self.longest_term = max(len(t.split()) for t in [*self.referent_class, *self.context_class])
        exclusions = read_table("figure_exclusions", lexicons)
        after_x = exclusions[exclusions.position == "after"]
        before_x = exclusions[exclusions.position == "before"]
        self.excluded_after = re.compile(rf"^\s*-?\s*(?:{_alternation(after_x.term)})(?![\w])", re.IGNORECASE)
        self.tally_words = {t.lower() for t in exclusions.term[exclusions.position == "tally"]}
        self.excluded_before = re.compile(rf"(?:^|(?<=[^\w]))(?:{_alternation(before_x.term)})\s*$", re.IGNORECASE)
        modality = read_table("figure_modality", lexicons)
        self.cue_modality = {c.lower(): (m, s) for c, m, s in zip(modality.cue, modality.modality, modality.scope)}
        self.reporting_words = {c for c, (m, _) in self.cue_modality.items() if m == "reported" and " " not in c}
        self.modality_cue = re.compile(_words(f"(?:{_alternation(modality.cue)})"), re.IGNORECASE)

    def referent(self, words: list[str]) -> tuple[str, str] | None:
        """(term, class) if `words` start with a lexicon term (longest first; plurals folded)."""
        for n in range(min(self.longest_term, len(words)), 0, -1):
            phrase = " ".join(words[:n]).lower()
            for form in (phrase, *_singulars(phrase)):
                if form in self.referent_class:
                    return " ".join(words[:n]), self.referent_class[form]
        return None


def _singulars(word: str) -> list[str]:
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith("es"):
        return [word[:-2], word[:-1]]
    if word.endswith("s"):
        return [word[:-1]]
    return []


def _rules(lexicons: dict[str, str] | None) -> Rules:
    """The compiled rules, rebuilt when a lexicon file changes (keyed by path and modification
    time, as lexicons.py caches its tables): an edited override counts in a running kernel."""
    chosen = {k: v for k, v in (lexicons or {}).items() if k in LEXICONS and v}
    files = tuple((name, str(path), path.stat().st_mtime_ns)
                  for name, path in ((name, data_path(name, chosen)) for name in LEXICONS))
    return _compiled_rules(files, tuple(sorted(chosen.items())))


@lru_cache(maxsize=8)
def _compiled_rules(files: tuple, chosen: tuple) -> Rules:
    return Rules(dict(chosen) or None)


class Tagger:
    """Finds the figures of a Doc (see the module docstring)."""

    def __init__(self, lexicons: dict[str, str] | None = None, spacy_model=None):
        self.rules = _rules(lexicons)

    def tag(self, ctx: DocContext) -> dict[str, list[dict]]:
        return {"figures": find_figures(ctx.text, ctx.doc_id, ctx.found, self.rules)}


# ---------------------------------------------------------------------------------------------
# Extraction

class Number(NamedTuple):
    start: int
    end: int
    value: float
    scaled: bool  # has a scale word ("million") or is a vague magnitude
    words: bool   # written in words


def find_figures(text: str, doc_id: str, found: dict, rules: Rules) -> list[dict]:
    """Figure rows of one cleaned text; `found` has its sentences and any hedges and sources."""
    sentences = sorted(found.get("sentences", []), key=lambda s: s["start"])
    if not sentences:
        return []
    starts = [s["start"] for s in sentences]
    blocked = [(m.start(), m.end()) for m in DATE_OR_TIME.finditer(text)]
    blocked += [(m.start(1), m.end(1)) for m in AGE_APPOSITION.finditer(text)]
    blocked += [(m.start(), m.end()) for m in TALLY.finditer(text) if _is_tally(text, m, rules)]
    vague = [(m.start(), m.end(), m.group().lower()) for m in rules.vague_pattern.finditer(text)]
    taken = _overlap_test(blocked + vague)
    numbers = [n for n in _numbers(text, rules) if not taken(n[0].start, n[0].end)]
    candidates = _merge_ranges(text, numbers, rules)
    candidates += [dict(start=s, end=e, number_start=s, abbr=None, low=rules.vague[t][0], high=rules.vague[t][1],
                        value=rules.vague[t][2], qualifier="vague", words=True, scaled=True)
                   for s, e, t in vague]
    candidates.sort(key=lambda c: c["start"])
    cues = [(m.start(), m.end(), m.group()) for m in rules.modality_cue.finditer(text)]
    rows = []
    for c in candidates:
        i = bisect.bisect_right(starts, c["start"]) - 1
        if i < 0 or c["end"] > sentences[i]["end"]:
            continue
        sentence = sentences[i]
        row = _figure(text, c, sentence, rules)
        if row is None:
            continue
        row["doc_id"], row["sent_id"] = doc_id, sentence["sent_id"]
        rows.append(row)
    rows = _without_overlaps(rows)
    _inherit_referents(rows, sentences, rules)
    for row in rows:
        _set_modality(text, row, sentences, cues, found, rules, rows)
        row.pop("_after_word"), row.pop("_number_start"), row.pop("_number_end")
    return [{k: row[k] for k in COLUMNS["figures"]} for row in rows]


def _is_tally(text: str, match: re.Match, rules: Rules) -> bool:
    before = [w.group().lower() for w in WORD.finditer(text, max(0, match.start() - 30), match.start())][-3:]
    after = [w.group().lower() for w in WORD.finditer(text, match.end(), match.end() + 30)][:2]
    return any(word in rules.tally_words for word in before + after)


def _without_overlaps(rows: list[dict]) -> list[dict]:
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


def _numbers(text: str, rules: Rules):
    for m in rules.number.finditer(text):
        if m.group("digits"):
            value = float(m.group("digits").replace(",", ""))
            scale = m.group("dscale") or m.group("abbr")
            if scale:
                value *= rules.word_value[scale.lower()]
            yield Number(m.start(), m.end(), value, bool(scale), False), m.group("abbr")
        else:
            value = _word_value(m.group("words"), rules)
            if value is not None:
                yield Number(m.start(), m.end(), value, value >= 1000 or "dozen" in m.group().lower(), True), None


def _word_value(phrase: str, rules: Rules) -> float | None:
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w]
    value = rules.word_value
    if words[0] in ("a", "an") and len(words) == 2:                         # a million
        return value[words[1]]
    if any(value.get(w) is not None and w in ("half", "quarter") for w in words[:2]) and "and" not in words:
        fraction = next(value[w] for w in words if w in ("half", "quarter"))
        return fraction * value[words[-1]]                                   # half a million
    if words[-3:-1] == ["a", "half"]:                                        # two and a half million
        whole = _cardinal(words[:-4], rules)
        return None if whole is None else (whole + 0.5) * value[words[-1]]
    if words[-1] == "dozen":                                                 # two dozen
        whole = _cardinal(words[:-1], rules) if words[:-1] else 1
        return None if whole is None else whole * 12
    return _cardinal(words, rules)


def _cardinal(words: list[str], rules: Rules) -> float | None:
    try:
        return float(text2num(" ".join(w for w in words if w != "and"), "en"))
    except ValueError:  # not one number ("one two"): no figure
        return None


def _overlap_test(spans):
    """A function (start, end) -> whether any of `spans` overlaps it, by bisection: testing each
    number against every date and vague word took an eighth of the tagger's time."""
    spans = sorted(spans)
    starts = [span[0] for span in spans]
    reach = list(itertools.accumulate((span[1] for span in spans), max))

    def overlaps(start: int, end: int) -> bool:
        last = bisect.bisect_left(starts, end) - 1  # the last span that starts before `end`
        return last >= 0 and reach[last] > start
    return overlaps


RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|or|and)\s*(?:US\$|\$|€|£|¥)?\s*$", re.IGNORECASE)
RANGE_OPEN = re.compile(r"(?:^|\W)(between|from)\s*(?:US\$|\$|€|£|¥)?\s*$", re.IGNORECASE)


def _merge_ranges(text: str, numbers: list, rules: Rules) -> list[dict]:
    """Candidates with value, low, high; "10,000-12,000", "between 3,000 and 5,000", "two or
    three" become one range (a scale on the second number applies to the first: "1.5 to 2 million")."""
    out, i = [], 0
    while i < len(numbers):
        first, abbr = numbers[i]
        c = dict(start=first.start, end=first.end, number_start=first.start, value=first.value, low=first.value,
                 high=first.value, qualifier="exact", words=first.words, scaled=first.scaled, abbr=abbr)
        if i + 1 < len(numbers):
            second, abbr2 = numbers[i + 1]
            join = RANGE_JOIN.match(text[first.end:second.start])
            opener = RANGE_OPEN.search(text[max(0, first.start - 30):first.start])
            joiner = join.group().strip().lower() if join else ""
            low = first.value
            if second.scaled and not first.scaled and first.value < 1000:
                low = first.value * (second.value / _unscaled(text, second))
            # "between 3,000 and 5,000" and "3,000 to 4,000" are ranges; "from 3,000 to 4,000"
            # is a change between two figures, and a bare "3,000 and 4,000" two figures.
            opened = opener.group(1).lower() if opener else ""
            ranged = joiner not in ("and", "to") or (joiner == "and" and opened == "between") \
                or (joiner == "to" and opened != "from")
            # "between 2015 and 2020" is a period: each end is a year, so no range (and no figure).
            years = all(not n.scaled and YEAR.fullmatch(text[n.start:n.end]) for n in (first, second))
            if join and low < second.value and ranged and not years:
                c.update(end=second.end, low=low, high=second.value, value=(low + second.value) / 2,
                         qualifier="range", scaled=second.scaled, abbr=abbr or abbr2)
                if opened == "between":
                    c["start"] = first.start - (len(text[max(0, first.start - 30):first.start]) - opener.start(1))
                i += 1
        out.append(c)
        i += 1
    return out


def _unscaled(text: str, number: Number) -> float:
    head = re.match(DIGITS, text[number.start:number.end])
    return float(head.group().replace(",", "")) if head else 1.0


def _figure(text: str, c: dict, sentence: dict, rules: Rules) -> dict | None:
    """A figure row for candidate `c`, or None when the number is no figure."""
    start, end = c["start"], c["end"]
    before = text[max(sentence["start"], start - 40):start]
    after = text[end:min(sentence["end"], end + 120)]
    referent = cls = ""
    # Names and furniture: "G20", "F-16", "16px", "1st", "1990s", "COVID-19".
    if not c["words"]:
        if re.search(r"[A-Za-z][-‐]?$|[\d.]$", before) or (re.match(r"[A-Za-z]", after) and not c["abbr"]):
            suffix = re.match(r"[A-Za-z]+", after)
            if not (suffix and rules.referent_class.get(suffix.group().lower()) == "measure"):
                return None
        if c["qualifier"] == "exact" and not c["scaled"] and "," not in text[start:end] \
                and YEAR.fullmatch(text[start:end]) and not _counted_noun_follows(after, rules):
            return None  # a year: "in 2024", "the 2024 election"
        if re.fullmatch(r"\d{7,}", text[start:end]):
            return None  # an identifier or phone number, not a count
    if rules.excluded_after.match(after) or rules.excluded_before.search(before):
        return None
    # The currency sign sits before the number, or after "between" in a range.
    number_start = c["number_start"]
    prefix = rules.currency_prefix.search(text[max(sentence["start"], number_start - 40):number_start])
    if prefix:
        referent, cls = prefix.group(1), "money"
        start = min(start, number_start - (len(text[max(sentence["start"], number_start - 40):number_start]) - prefix.start(1)))
        before = text[max(sentence["start"], start - 40):start]
    # A capitalised word right before plain digits, mid-sentence, is a name: "Boeing 737",
    # "Apollo 11". Counts written with separators ("In May 5,000 workers") are not.
    name = re.search(r"(?<![.!?:;\"“‘'])\s([A-Z][a-z]+)\s*$", before)
    if name and not c["words"] and not sentence["is_heading"] and not rules.qualifier_before.search(before) \
            and "," not in text[c["number_start"]:c["end"]] \
            and not prefix and start - len(name.group()) > sentence["start"]:
        return None
    qualifier = c["qualifier"]
    low, high, value = c["low"], c["high"], c["value"]
    if qualifier not in ("range", "vague"):
        q_before = rules.qualifier_before.search(before)
        q_after = rules.qualifier_after.match(after)
        if q_before:
            qualifier = rules.qualifier_of[q_before.group(1).lower()]
            start -= len(before) - q_before.start(1)
        elif q_after:
            qualifier = rules.qualifier_of[q_after.group(1).lower()]
            end += q_after.end()
            after = text[end:min(sentence["end"], end + 120)]
        if qualifier == "upper_bound":
            low = math.nan
        elif qualifier == "lower_bound":
            high = math.nan
    words = list(WORD.finditer(after))
    tokens = [w.group() for w in words]
    found = _referent_after(tokens, rules, c["words"] and value < 10)
    noun_end = end
    if found:
        term, term_class, n = found
        noun_end = end + words[n - 1].end()
        if not cls:
            referent, cls = term, term_class
    elif not cls:
        # "hundreds of cattle": an unknown noun after "of" (and a determiner) is the referent.
        skip = 0
        if tokens[:1] and tokens[0].lower() == "of":
            skip = 1 + (len(tokens) > 1 and tokens[1].lower() in DETERMINERS)
        fallback = _noun_after(tokens[skip:], rules)
        if fallback:
            n = skip + fallback
            referent, cls = tokens[n - 1], "other"
            noun_end = end + words[n - 1].end()
    if c["words"] and value < 10 and not c["scaled"] and cls in ("", "other"):
        return None  # "two nations", "one of them": small number words count only known things
    return dict(start=start, end=noun_end, surface=text[start:noun_end], value=value, low=low,
                high=high, qualifier=qualifier, referent=referent, referent_class=cls,
                modality="", source_type="", _after_word=bool(tokens) and tokens[0][0].isalpha(),
                _number_start=c["start"], _number_end=end)


def _counted_noun_follows(after: str, rules: Rules) -> bool:
    tokens = [w.group() for w in WORD.finditer(after[:60])]
    found = _referent_after(tokens, rules, False)
    return bool(found) and found[1] not in ("measure",)


def _referent_after(tokens: list[str], rules: Rules, small: bool):
    """(term, class, tokens used) for the first lexicon term after the number, skipping
    modifiers ("8,000 North Korean soldiers") and a leading "of" ("thousands of troops")."""
    i = 0
    if tokens[:1] and tokens[0].lower() == "of" and not small:
        i = 1  # "thousands of troops", "5,000 of the soldiers", "148 of the 300 seats"
        while i < len(tokens) and (tokens[i].lower() in DETERMINERS or tokens[i][0].isdigit()):
            i += 1
    for j in range(i, min(i + 5, len(tokens))):
        hit = rules.referent(tokens[j:])
        if hit:
            return hit[0], hit[1], j + len(hit[0].split())
        word = tokens[j]
        if word.lower() in rules.modifiers:  # "300 more health workers"
            continue
        if not word[0].isalpha() or word.lower() in STOP_WORDS:
            return None
    return None


def _noun_after(tokens: list[str], rules: Rules) -> int | None:
    """Tokens used by an unknown noun right after the number: the last word of the run of
    content words, unless a determiner follows (then the run was a verb: "100,000 represents a")."""
    n = 0
    while n < min(3, len(tokens)) and tokens[n][0].isalpha() and (
            tokens[n].lower() not in STOP_WORDS or tokens[n].lower() in rules.modifiers):
        n += 1
    if n and tokens[n - 1].lower() in rules.modifiers:
        return None
    if n == 0 or (n < len(tokens) and tokens[n].lower() in DETERMINERS):
        return None
    return n


def _inherit_referents(rows: list[dict], sentences: list[dict], rules: Rules) -> None:
    """A figure with no noun ("even 100,000 represents ...", "the toll rose to 5,000") takes the
    counted thing named earlier in its clause, else the last classed figure of its sentence or
    of the sentence before."""
    by_sent = {s["sent_id"]: s for s in sentences}
    for k, row in enumerate(rows):
        if row["referent_class"]:
            continue
        sentence = by_sent[row["sent_id"]]
        clause = sentence["text"][: row["start"] - sentence["start"]]
        clause = CLAUSE_BREAK.split(clause)[-1]
        words = [w.group() for w in WORD.finditer(clause)][-8:]
        for j in range(len(words) - 1, -1, -1):
            hit = rules.referent(words[j:])
            if hit:
                row["referent"], row["referent_class"] = hit
                break
        else:
            earlier = [r for r in rows[:k] if r["referent_class"] and r["referent_class"] != "other"
                       and row["sent_id"] - r["sent_id"] <= 1]
            if earlier:
                row["referent"], row["referent_class"] = earlier[-1]["referent"], earlier[-1]["referent_class"]
            else:
                row["referent_class"] = "other"


def _set_modality(text: str, row: dict, sentences: list[dict], cues: list, found: dict, rules: Rules,
                  rows: list[dict]) -> None:
    """speculative > reported > asserted (see the module docstring); casualty context too."""
    sentence = next(s for s in sentences if s["sent_id"] == row["sent_id"])
    s_start, s_end = sentence["start"], sentence["end"]
    # A figure in a non-restrictive relative clause (", which serves some 9 million customers,")
    # is the writer's aside: only cues inside that clause bear on it.
    for aside in RELATIVE_ASIDE.finditer(text, s_start, s_end):
        if aside.start() < row["start"] and row["end"] < aside.end():
            s_start, s_end = aside.start() + 1, aside.end() - 1
    clause_start, clause_end = s_start, s_end
    for m in CLAUSE_BREAK.finditer(text, s_start, s_end):
        if m.end() <= row["start"]:
            clause_start = m.end()
        elif m.start() >= row["end"] and clause_end == s_end:
            clause_end = m.start()
    # A coordinated reporting verb opens a clause of its own: in "irregularities at some 200
    # polling stations and said 50,000 votes may have been counted twice" the "may" is not 200's.
    for start, end, cue in cues:
        if row["end"] <= start < clause_end and rules.cue_modality[cue.lower()][0] == "reported" \
                and COORDINATOR_BEFORE.search(text, max(s_start, start - 6), start):
            clause_end = start
            break
    # Context words: "50 people were killed", "killed at least 12", "1,200 soldiers died" are
    # casualties, "infected 12,000 people" cases. The look stops at a coordinator: in "infected
    # 12,000 people and killed 300" the killing is the 300's, not the 12,000's.
    if row["referent_class"] in ("people", "troops", "other", ""):
        near_before = [w.group().lower() for w in WORD.finditer(text, max(clause_start, row["start"] - 60), row["start"])][-6:]
        near_after = [w.group().lower() for w in WORD.finditer(text, row["end"], min(clause_end, row["end"] + 50))][:4]
        cut = [i for i, w in enumerate(near_before) if w in COORDINATORS]
        near_before = near_before[cut[-1] + 1:] if cut else near_before
        near_after = list(itertools.takewhile(lambda w: w not in COORDINATORS, near_after))
        nearest_first = [(near_after, i) for i in range(len(near_after))] + \
            [(near_before, i) for i in range(len(near_before) - 1, -1, -1)]
        for words, i in nearest_first:
            phrase = next((" ".join(words[i:i + n]) for n in (3, 2, 1)
                           if " ".join(words[i:i + n]) in rules.context_class), None)
            if phrase:
                row["referent_class"] = rules.context_class[phrase]
                break
    # Words inside a figure of the sentence ("nearly 1,100", "an estimated $14 million") are
    # that figure's wording, not a cue for any figure.
    figure_spans = [(r["start"], r["end"]) for r in rows if r["sent_id"] == row["sent_id"]]
    sources = [s for s in found.get("sources", []) if s["sent_id"] == row["sent_id"]
               and s_start <= s["start"] < s_end and _attribution_covers(text, s_start, s["start"], row["start"])]
    modality = "reported" if sources else "asserted"
    reporting = rules.reporting_words | {w for s in found.get("sources", []) if s["sent_id"] == row["sent_id"]
                                         for w in s.get("cue", "").lower().split()}
    for start, end, cue in cues:
        if start < s_start or end > s_end or _inside_any(start, end, figure_spans):
            continue
        if cue[0].isupper() and start > s_start:
            continue  # "May", "Will", "Hope": a name or month mid-sentence, no cue
        kind, scope = rules.cue_modality[cue.lower()]
        in_scope = scope == "sentence" or clause_start <= start and end <= clause_end
        if in_scope and (kind == "speculative" or kind == "backshift"
                         and not _after_reporting(text, s_start, start, reporting)):
            modality = "speculative"
        elif kind == "reported" and modality == "asserted" and _attribution_covers(text, s_start, start, row["start"]):
            modality = "reported"
    # Hedge rows (Hyland's list) make a figure speculative only when the cue is epistemic: a
    # reporting verb ("reports indicate", "analysis suggests") introduces a source, and degree
    # words ("largely", "nearly") say nothing about whether the figure is so; figure_modality.csv
    # says which hedge words are `reported` or `none`, and a source row's own cue is attribution.
    source_cue_words = {w for s in sources for w in s.get("cue", "").lower().split()}
    for hedge in found.get("hedges", []):
        cue = hedge.get("cue", "").lower()
        if hedge["sent_id"] != row["sent_id"] or not s_start <= hedge["start"] < s_end or _inside_any(hedge["start"], hedge["end"], figure_spans) \
                or cue in source_cue_words or rules.cue_modality.get(cue, ("speculative",))[0] not in ("speculative", "backshift"):
            continue
        if rules.cue_modality.get(cue, ("",))[0] == "backshift" and _after_reporting(text, s_start, hedge["start"], reporting):
            continue
        in_clause = clause_start <= hedge["start"] and hedge["end"] <= clause_end
        if hedge.get("kind") == "conditional" or (hedge.get("kind") == "hedge" and in_clause):
            modality = "speculative"
    if sources:
        nearest = min(sources, key=lambda s: abs(s["start"] - row["start"]))
        row["source_type"] = nearest.get("source_type", "")
    row["modality"] = modality


def _after_reporting(text: str, s_start: int, at: int, reporting: set[str]) -> bool:
    """Whether the modal at `at` follows a reporting word with only a short subject between
    ("said it would", "said that the company would", "told reporters they would"): there "would"
    is reported speech's past of "will", a statement of plan, not speculation."""
    words = [w.group().lower() for w in WORD.finditer(text, max(s_start, at - 60), at)][-6:]
    for i in range(len(words) - 2, -1, -1):
        if words[i] in reporting:
            subject = words[i + 1:]
            subject = subject[1:] if subject[:1] == ["that"] else subject
            return 1 <= len(subject) <= 4 and all(w[0].isalpha() for w in subject)
    return False


def _inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _attribution_covers(text: str, s_start: int, at: int, figure_start: int) -> bool:
    """Whether a source or reporting cue at offset `at` covers a figure of its sentence. It covers
    the whole sentence ("..., and 112 people have died, the WHO said"), unless it stands in a
    coordinated clause of its own (", and its leader told supporters that ..."): then only
    what follows that clause's start."""
    if at < figure_start and CONTRAST.search(text, at, figure_start):
        return False
    opening = s_start
    for m in ATTRIBUTION_BREAK.finditer(text, s_start, at):
        opening = m.end()
    if opening > s_start and (text[opening - 1] == ";" or COORDINATOR.match(text, opening)):
        return figure_start >= opening
    return True


# ---------------------------------------------------------------------------------------------
# Comparison across articles and per-document scores

class FigureComparison(NamedTuple):
    claims: pd.DataFrame
    groups: pd.DataFrame


CLAIM_COLUMNS = ["quantity", "referent_class", "doc_id", "date", "outlet", "sent_id", "start", "end",
                 "surface", "value", "low", "high", "qualifier", "modality", "source_type", "firm",
                 "group_median", "ratio_to_median", "outlier", "sentence"]
GROUP_COLUMNS = ["quantity", "n_figures", "n_articles", "n_firm", "n_speculative", "min", "max",
                 "spread", "median_firm", "article_spread", "low_doc", "high_doc", "discrepant",
                 "first_date", "last_date"]


def compare_figures(figures: pd.DataFrame, documents: pd.DataFrame,
                    sentences: pd.DataFrame | None = None, factor: float = 3.0,
                    classes: list[str] | None = None) -> FigureComparison:
    """Put the figures for each quantity side by side across articles.

    The quantity of a figure is what it is a value of; until figures.csv has a `quantity` column
    it is the referent class. classes: the referent classes to compare; None: every class
    except "other".
    Returns FigureComparison(claims, groups):
    claims, one row per figure, ordered by quantity, article date (unknown dates last), doc_id and
      position: quantity, referent_class, doc_id, date, outlet, sent_id, start, end, surface, value,
      low, high, qualifier, modality, source_type, firm (asserted or reported), group_median (median
      of the quantity's firm figures that are not vague), ratio_to_median (value / group_median),
      outlier (that ratio beyond `factor` either way), sentence (its text, when `sentences` is given).
    groups, one row per quantity: quantity, n_figures, n_articles, n_firm, n_speculative,
      min, max, spread (max / min), median_firm (these four over figures that are not vague:
      "thousands" names no number), article_spread (the largest ratio between a
      figure of one article and a figure of another), low_doc, high_doc (articles holding the
      smallest and largest figure), discrepant (article_spread > factor), first_date, last_date.
    """
    wanted = figures[figures.referent_class != "other"] if classes is None else \
        figures[figures.referent_class.isin(classes)]
    if "quantity" not in wanted.columns:
        wanted = wanted.assign(quantity=wanted.referent_class)
    meta = documents.set_index("doc_id").reindex(columns=["date", "outlet"]).fillna("")
    claims = wanted.join(meta, on="doc_id").assign(firm=lambda t: t.modality.isin(FIRM))
    claims["sentence"] = ""
    if sentences is not None and len(claims):
        text = sentences.set_index(["doc_id", "sent_id"]).text
        claims["sentence"] = [text.get((d, s), "") for d, s in zip(claims.doc_id, claims.sent_id)]
    medians = claims[claims.firm & (claims.qualifier != "vague")].groupby("quantity").value.median()
    claims["group_median"] = claims.quantity.map(medians).astype(float)
    claims["ratio_to_median"] = claims.value / claims.group_median
    claims["outlier"] = (claims.ratio_to_median > factor) | (claims.ratio_to_median < 1 / factor)
    claims["undated"] = claims.date.eq("")
    claims = claims.sort_values(["quantity", "undated", "date", "doc_id", "start"])
    claims = claims[CLAIM_COLUMNS].reset_index(drop=True)
    groups = [_group(name, group, factor) for name, group in claims.groupby("quantity", sort=True)]
    return FigureComparison(claims, pd.DataFrame(groups, columns=GROUP_COLUMNS))


def _group(name: str, group: pd.DataFrame, factor: float) -> dict:
    # A vague "thousands" commits to no number, so it does not set the extremes or the median.
    values = group[(group.value > 0) & (group.qualifier != "vague")]
    per_article = values.groupby("doc_id").value.agg(["min", "max"])
    article_spread = math.nan
    if len(per_article) > 1:
        # The largest ratio between figures of two different articles.
        article_spread = max(per_article["max"][a] / per_article["min"][b]
                             for a in per_article.index for b in per_article.index if a != b)
    dates = group.date[group.date != ""]
    low = values.loc[values.value.idxmin()] if len(values) else None
    high = values.loc[values.value.idxmax()] if len(values) else None
    return {"quantity": name, "n_figures": len(group), "n_articles": group.doc_id.nunique(),
            "n_firm": int(group.firm.sum()), "n_speculative": int((group.modality == "speculative").sum()),
            "min": values.value.min(), "max": values.value.max(),
            "spread": values.value.max() / values.value.min() if len(values) else math.nan,
            "median_firm": values.value[values.firm].median(),
            "article_spread": article_spread,
            "low_doc": "" if low is None else low.doc_id, "high_doc": "" if high is None else high.doc_id,
            "discrepant": bool(article_spread > factor),
            "first_date": dates.min() if len(dates) else "", "last_date": dates.max() if len(dates) else ""}


def score(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per document: n_figures, figures_per_100_words, share_figures_speculative,
    share_figures_sourced (reported, or with a source in the sentence) and
    share_figures_imprecise (any qualifier but exact). Shares are empty without figures."""
    documents = tables["documents"].set_index("doc_id")
    figures = tables["figures"]
    by_doc = figures.assign(
        speculative=figures.modality.eq("speculative"),
        sourced=figures.modality.eq("reported") | figures.source_type.fillna("").ne(""),
        imprecise=figures.qualifier.ne("exact")).groupby("doc_id")
    counts = by_doc.size().reindex(documents.index, fill_value=0)
    shares = by_doc[["speculative", "sourced", "imprecise"]].mean().reindex(documents.index)
    words = documents.n_words.astype(float).replace(0, np.nan)
    return pd.DataFrame({
        "n_figures": counts,
        "figures_per_100_words": (100 * counts / words).round(3),
        "share_figures_speculative": shares.speculative.astype(float).round(3),
        "share_figures_sourced": shares.sourced.astype(float).round(3),
        "share_figures_imprecise": shares.imprecise.astype(float).round(3),
    }, index=documents.index)
