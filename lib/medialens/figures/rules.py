"""The compiled lexicons of the figures tagger: number words, qualifiers, vague magnitudes,
referents, modality cues, exclusions and the shared clause words, built once per lexicon set
and rebuilt when a file changes."""
from __future__ import annotations

import re
from functools import lru_cache

from ..errors import MedialensError
from ..frames.world import world_names
from ..lexicons import data_path, read_table, word_classes
from ..regexscan import Caseless, Scan
from .numbers import DIGITS

NUMBER_KINDS = ("cardinal", "scale", "abbreviation", "fraction")  # the rows of figure_numbers with a value
NUMBER_WORDS = ("cardinal", "scale", "fraction")  # the kinds a number in words opens with
LEXICONS = ["figure_numbers", "figure_qualifiers", "figure_vague", "figure_referents",
            "figure_modality", "figure_exclusions", "figure_quantities", "figure_units", "figure_time",
            "figure_slot_rules", "clause_words", "countries", "hedges", "negators"]


def alternation(terms) -> str:
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


def words_pattern(terms: str) -> str:
    return rf"(?<![\w$€£¥]){terms}(?![\w])"


class Rules:
    """The compiled lexicons of one tagger (built once per lexicon set)."""

    def __init__(self, lexicons: dict[str, str] | None = None):
        self._numbers(lexicons)
        self._referents(lexicons)
        self._qualifiers(lexicons)
        self._exclusions(lexicons)
        self._modality(lexicons)
        self._clauses(lexicons)
        self.quantities = QuantityRules(lexicons, self.coordinators, self.subordinators)
        self.quantities.reporting_words = self.reporting_words  # "20% of firms said": "said" ends a noun phrase
        self.quantities.name_joiners = self.name_joiners
        self.determiners = frozenset(self.quantities.determiner)  # skipped before a counted noun

    def _numbers(self, lexicons) -> None:
        numbers = read_table("figure_numbers", lexicons)
        valued = numbers[numbers.kind.isin(NUMBER_KINDS)]
        self.word_value = {w: float(v) for w, v in zip(valued.word, valued.value)}
        kind = dict(zip(valued.word, valued.kind))
        # The grammar words of numbers and ranges, by kind: "two hundred and five", "two or three"
        self.number_words = {k: frozenset(g.word.str.lower()) for k, g in numbers.groupby("kind")}
        joiner = alternation(self.number_words.get("joiner", ())) or "(?!)"
        cardinals = alternation(w for w, k in kind.items() if k in ("cardinal", "scale"))
        scales = alternation(w for w, k in kind.items() if k == "scale")
        self.abbreviations = {w for w, k in kind.items() if k == "abbreviation"}
        fractions = alternation(w for w, k in kind.items() if k == "fraction")
        abbreviations = alternation(self.abbreviations)
        # Digits, optionally with a scale word ("1.5 million") or, right after a currency sign,
        # an abbreviation ("$2bn", "£5m"); or number words: "half a million", "a quarter of a
        # million", "two and a half million", "a dozen", "twelve thousand".
        self.number = re.compile(
            rf"(?P<vulgar>(?<![\w.,])(?:\d+\s?)?[½¼¾⅓⅔])(?:\s*(?P<vscale>{scales})\b)?"
            rf"|(?P<digits>(?<![\d.,]){DIGITS})(?P<power>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?"
            rf"(?:\s*(?P<abbr>{abbreviations})\b|\s*(?P<dscale>(?:{scales})(?:\s+(?:{scales}))*)\b)?"
            rf"|(?P<words>(?<![\w-])(?:(?:a\s+|an\s+)?(?:{fractions})\s+(?:of\s+)?an?\s+(?:{scales})"
            rf"|(?:{cardinals})(?:(?:[^\S\n]+|-)(?:(?:{joiner})[^\S\n]+)?(?:{cardinals}))*"
            rf"(?:\s+(?:{joiner})\s+a\s+half\s+(?:{scales}))?"
            rf"|an?\s+(?:{scales}))(?![\w-]))", re.IGNORECASE)
        # A number opens with a digit or a vulgar fraction (the first digit of a run: the one
        # after a digit matches only where the number before it ended) or, after a character
        # that is no letter, digit or hyphen, with "a", "an" or a number word and then no word
        # character: testing that word before the whole pattern takes a third less time than
        # testing its first letter (most words open with one of those letters).
        word_starts = rf"(?:{alternation([w for w, k in kind.items() if k in NUMBER_WORDS] + ['a', 'an'])})(?!\w)"
        self.number_scan = Scan(self.number, before=r"[^\w-]", opens=word_starts, first=r"[\d½¼¾⅓⅔](?:(?<=\d)\d*)?")
        vague = read_table("figure_vague", lexicons)
        self.vague = {t.lower(): (float(lo), float(hi), float(v))
                      for t, lo, hi, v in zip(vague.term, vague.low, vague.high, vague.value)}
        self.vague_pattern = Caseless(words_pattern(f"(?:{alternation(self.vague)})"))

    def _referents(self, lexicons) -> None:
        table = read_table("figure_referents", lexicons)
        prefixes = table[table.role == "prefix"]
        self.currency_prefix = re.compile(rf"(?:^|(?<=[\s(]))({alternation(prefixes.term)})\s*$")
        sign = rf"((?:{alternation(prefixes.term)})\.?)"  # "US$", "Rs.", "€"
        self.currency_sign = re.compile(sign)
        self.sign_before = re.compile(rf"{sign}\s*$")
        # "10,000-12,000", "two or three", "between $3m and $5m", "from 3,000 to 4,000"
        words = self.number_words
        joins = alternation(words.get("range", set()) | words.get("range_between", set()) | words.get("range_to", set()))
        self.range_join = re.compile(rf"^\s*(-|–|—|{joins or '(?!)'})\s*{sign}?\s*$", re.IGNORECASE)
        opens = alternation(words.get("between", set()) | words.get("change_from", set())) or "(?!)"
        self.range_open = re.compile(rf"(?:^|\W)({opens})\s*(?:{sign})?\s*$", re.IGNORECASE)
        nouns = table[table.role == "noun"]
        self.referent_class = {t.lower(): c for t, c in zip(nouns.term, nouns["class"])}
        context = table[table.role == "context"]
        self.context_class = {t.lower(): c for t, c in zip(context.term, context["class"])}
        self.modifiers = {t.lower() for t in table.term[table.role == "modifier"]}
        self.longest_term = max(len(t.split()) for t in [*self.referent_class, *self.context_class])

    def _qualifiers(self, lexicons) -> None:
        qualifiers = read_table("figure_qualifiers", lexicons)
        before = qualifiers[qualifiers.position == "before"]
        after = qualifiers[qualifiers.position == "after"]
        self.qualifier_of = {c.lower(): q for c, q in zip(qualifiers.cue, qualifiers.qualifier)}
        self.qualifier_before = re.compile(rf"(?:^|(?<=[^\w]))({alternation(before.cue)})\s*$", re.IGNORECASE)
        self.qualifier_after = re.compile(rf"^\s*({alternation(after.cue)})(?![\w])", re.IGNORECASE)

    def _exclusions(self, lexicons) -> None:
        exclusions = read_table("figure_exclusions", lexicons)
        # A calibre ("155mm shells") names a weapon; "310mm of rain" is a figure.
        calibre = exclusions[(exclusions.position == "after") & (exclusions.kind == "calibre")]
        after_x = exclusions[(exclusions.position == "after") & (exclusions.kind != "calibre")]
        self.calibre = re.compile(rf"^\s*-?\s*(?:{alternation(calibre.term) or '(?!)'})\s+(?:[a-z-]+\s+)?"
                                  r"(?:shells?|rounds?|artillery|guns?|howitzers?|ammunition|mortars?|cannons?)\b",
                                  re.IGNORECASE)
        before_x = exclusions[exclusions.position == "before"]
        self.excluded_after = re.compile(rf"^\s*-?\s*(?:{alternation(after_x.term)})(?![\w])", re.IGNORECASE)
        self.tally_words = {t.lower() for t in exclusions.term[exclusions.position == "tally"]}
        self.excluded_before = re.compile(rf"(?:^|(?<=[^\w]))(?:{alternation(before_x.term)})\s*$", re.IGNORECASE)

    def _modality(self, lexicons) -> None:
        modality = read_table("figure_modality", lexicons)
        self.cue_modality = {c.lower(): (m, s) for c, m, s in zip(modality.cue, modality.modality, modality.scope)}
        self.reporting_words = {c for c, (m, _) in self.cue_modality.items() if m == "reported" and " " not in c}
        self.modality_cue = Caseless(words_pattern(f"(?:{alternation(self.cue_modality)})"))

    def _clauses(self, lexicons) -> None:
        """The clause words of data/grammar/clause_words.csv, shared with sources and frames.
        Punctuation plays a different part in each test, so it stays in the patterns."""
        classes = word_classes("clause_words", lexicons)
        contrast, coordinator = classes.get("contrast", frozenset()), classes.get("coordinator", frozenset())
        joining = alternation(contrast | coordinator)
        # Clauses end at , ; : and contrast words. Dashes and brackets do not: what they enclose
        # is an apposition to the phrase before ("this potential deployment – 100,000 troops –").
        self.clause_break = re.compile(rf"[;:]|,(?!\d)|\b(?:{alternation(contrast)})\b")
        # A coordinated clause after a comma or semicolon has its own attribution.
        self.attribution_break = re.compile(r"[;,](?!\d)")
        self.coordinator = re.compile(rf"\s*(?:{joining})\b", re.IGNORECASE)
        self.coordinators = contrast | coordinator
        self.name_joiners = alternation(coordinator) or "(?!)"  # "the Marrow and Teel fires": one name run
        self.subordinators = classes.get("subordinator", frozenset()) | classes.get("relative", frozenset())
        # A non-restrictive relative clause (", which sold 12 million processors last year,"): an aside.
        relative = alternation(classes.get("relative", frozenset())) or "(?!)"
        self.relative_aside = re.compile(rf",\s*(?:{relative})\b(?:[^,;.!?]|[.,]\d)*,")
        # An attribution does not reach across a contrast: in "The state had argued that the law
        # was needed, but lower courts found only 12 cases" the 12 is the writer's.
        self.contrast = re.compile(rf";|,\s*(?:{alternation(contrast)})\b", re.IGNORECASE)
        self.coordinator_before = re.compile(rf"\b(?:{joining})\s+$", re.IGNORECASE)

    def referent(self, words: list[str]) -> tuple[str, str] | None:
        """(term, class) if `words` start with a lexicon term (longest first; plurals folded)."""
        for n in range(min(self.longest_term, len(words)), 0, -1):
            phrase = " ".join(words[:n]).lower()
            for form in (phrase, *singulars(phrase)):
                if form in self.referent_class:
                    return " ".join(words[:n]), self.referent_class[form]
        return None


CHANGES = {"increase", "decrease"}
PERCENT_TOPICS = {"share", "lead", "turnout", "support"}


class QuantityRules:
    """figure_quantities.csv (events, topics, generic and group nouns, enumerations, rates,
    canonical nouns) and figure_units.csv (units and how to normalise them), as lookups."""

    def __init__(self, lexicons, coordinators, subordinators):
        table = read_table("figure_quantities", lexicons)
        by_role = {role: dict(zip(group.term.str.lower(), group.name.fillna(""))) for role, group in table.groupby("role")}
        for role in ROLES:
            setattr(self, role, by_role.get(role, {}))
        # The events that do not yield to another event of the clause ("reached" and "took part"
        # do): read for every figure, so built once.
        self.strong_event = {k: v for k, v in self.event.items() if k not in self.weak_event}
        units = read_table("figure_units", lexicons)
        self.units = {t.lower(): (u, float(f), float(o)) for t, u, f, o in
                      zip(units.term, units.unit, units.factor, units.offset)}
        # The dimension of each unit (count is a unit of its own: ''): area is never length, a
        # temperature never a count, money keeps its currency.
        self.dimension_of = {"": "count", **dict(zip(units.unit, units.dimension))}
        self.currencies = {u for u, d in self.dimension_of.items() if d == "money"}
        self.dimension = {u: d for u, d in self.dimension_of.items() if d not in ("money", "count", "percent")}
        time = read_table("figure_time", lexicons)
        self.time = {t.lower(): (k, float(d) if d == d and d != "" else None, "" if lab != lab else lab)
                     for t, k, d, lab in zip(time.term, time.kind, time.days, time.label) if k != "base"}
        # "than in 2022", "since 2019", "up on last year": a time a figure is compared with or counted from
        self.base_words = tuple(sorted(t.lower() for t, k in zip(time.term, time.kind) if k == "base"))
        self.slot_order = slot_order(lexicons)
        # "two more people have died", "a further 12 bodies": an increment, not the total ("more than" is a bound)
        self.increment_inside = re.compile(rf"\b(?:{alternation(self.increment) or '(?!)'})\b(?!\s+than)", re.IGNORECASE)
        self.increment_prefix = re.compile(rf"\b(?:{alternation(self.increment_before) or '(?!)'})\s+$", re.IGNORECASE)
        self.places = world_names(lexicons)
        # "four of them", "380 of whom", "two from overseas": a part ("one of the deadliest" is none)
        pronouns = alternation(self.partitive_pronoun) or "(?!)"
        self.part_after = re.compile(rf"^\s*(?:of\s+(?:{pronouns}|the\s+(?:dead|injured|victims)\b)"
                                     r"|(?:were\s+|was\s+)?from\b)", re.IGNORECASE)
        # Between two figures that give one amount in two units: "£4.5m ($5.7m)", "310mm, or 12 inches".
        # (a unit word may end the first: "47 degrees Celsius (117 degrees Fahrenheit)", "50°C (122°F)")
        same = alternation(self.same_amount) or "(?!)"
        unit = alternation(t for t in self.units if t[:1].isalpha()) or "(?!)"
        self.same_amount_between = re.compile(rf"\s*(?:°\s?[CF]\b|(?:{unit})\b)?\s*(?:\(|\[|/|,?\s*(?:{same}))\s*$",
                                              re.IGNORECASE)
        self.negators = frozenset(read_table("negators", lexicons).word.str.lower())
        # A change ("rose", "cut") is named with what changes (any other topic): "council tax will
        # rise by 4.99%" and "raises council tax by 4.99 percent" are one tax increase. Shares,
        # leads and turnouts are percentages, never what a sum of money is of.
        self.change_topics = {k: v for k, v in self.topic.items() if v in CHANGES}
        self.level_topics = {k: v for k, v in self.topic.items() if v not in CHANGES}
        self.money_topics = {k: v for k, v in self.topic.items() if v not in PERCENT_TOPICS}
        self.coordinators = coordinators
        self.subordinators = subordinators
        self.stop_names = {"the", "with", "according", "in", "of", "on", "at", "a", "an"} | coordinators
        self.reporting_words: set[str] = set()  # Rules sets them (figure_modality `reported` cues)
        self.name_joiners = "(?!)"  # Rules sets them (the coordinators of clause_words.csv)


# The roles of figure_quantities.csv (its README says what each holds).
ROLES = ("event", "topic", "generic", "group", "enumeration", "rate", "noun", "place_word", "organisation",
         "weak_event", "facility", "part", "loss", "occasion", "stance", "running", "anaphor",
         "class_of", "increment_after", "beneficiary", "link_verb",
         "people_event", "reference", "increment", "increment_before", "unclear_noun", "relative_word",
         "partitive_pronoun", "same_amount", "pronoun", "determiner", "share_with")


def slot_order(lexicons) -> dict[str, list[str]]:
    """{slot: rule names in the order figure_slot_rules.csv gives}; a name no rule has is an error
    naming the file and the rule (a typo in an override must not silently switch a rule off)."""
    from .slots import RULES  # the rules register themselves in their modules
    table = read_table("figure_slot_rules", lexicons)
    order: dict[str, list[str]] = {}
    for slot, name in zip(table.slot, table.rule):
        if name not in RULES.get(slot, {}):
            known = ", ".join(sorted(RULES.get(slot, {}))) or "none"
            raise MedialensError(str(data_path("figure_slot_rules", lexicons)),
                                 f"no {slot} rule is called {name!r} (the {slot} rules: {known})")
        order.setdefault(slot, []).append(name)
    return order


def singulars(word: str) -> list[str]:
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith("es"):
        return [word[:-2], word[:-1]]
    if word.endswith("s"):
        return [word[:-1]]
    return []


def rules_for(lexicons: dict[str, str] | None) -> Rules:
    """The compiled rules, rebuilt when a lexicon file changes (keyed by path and modification
    time, as lexicons.py caches its tables): an edited override counts in a running kernel."""
    chosen = {k: v for k, v in (lexicons or {}).items() if k in LEXICONS and v}
    files = tuple((name, str(path), path.stat().st_mtime_ns)
                  for name, path in ((name, data_path(name, chosen)) for name in LEXICONS))
    return _compiled_rules(files, tuple(sorted(chosen.items())))


@lru_cache(maxsize=8)
def _compiled_rules(files: tuple, chosen: tuple) -> Rules:
    return Rules(dict(chosen) or None)
