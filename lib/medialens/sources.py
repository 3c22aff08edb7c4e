"""Attribution: who each article says its information comes from, and a sourcing scorecard.

sources.csv has one row per attribution: a source phrase ("U.S. Defense Secretary Lloyd Austin",
"a source close to the defense ministry", "he") tied to a reporting cue ("warned", "according to",
"told Reuters", "'s statements"). The categories follow the attribution scheme of PARC/PolNeAR
(source, cue, content) and the sourcing signals of the Credibility Coalition's content indicators
and the AP/Reuters rules on anonymous sources; data/sources/README.md gives the details.

How it works, with no trained model: a spaCy Matcher finds the cues (verbs from
reporting_verbs.csv, phrases from source_cues.jsonl); for each cue a few token rules look left for
the subject ("X said", "X, an analyst at Y, said", "officials estimate") or right for an inverted
or prepositional source ('"...," said X', "according to X"). A phrase only becomes a source when
its head is a name (a title-case run), a pronoun or a noun of source_nouns.csv, so an actor who
is only talked about ("Kim Jong Un's decision", "Putin might hope") is never one. Phrases of
non_statements.jsonl ("did not respond", "could not be reached") hold no cue, and "pledged",
"vowed" count only before "to"/"that" ("pledged 5 billion rupees" is an action). The head
decides the type; source_words.csv, media_outlets.csv and source_places.csv hold the word lists.
A one-word name that the text never writes after a first name or title ("Google said") is typed
named_org: news introduces people by full name (AP style), organisations often by one word.
With `spacy_model` naming an installed trained pipeline, its PERSON and ORG/GPE entities
re-type named sources. Hedges are hedges.py's job; figures and frames read these rows.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import takewhile

import numpy as np
import pandas as pd
from spacy.tokens import Doc

from .lexicons import read_table
from .context import DocContext
from .patterns import PatternSet
from .sentences import doc_text, pipeline

READS = ["sentences"]  # tables of earlier taggers this one needs
COLUMNS = {"sources": ["doc_id", "sent_id", "start", "end", "surface", "source_type", "name",
                       "role", "cue", "has_quote"]}
SOURCE_TYPES = ["named_person", "named_org", "unnamed_official", "anonymous", "media", "vague"]
# The lexicon names this module reads (override any with lexicons={"name": "file"}).
LEXICONS = ["reporting_verbs", "source_cues", "source_words", "source_nouns", "media_outlets",
            "source_places", "anonymity", "non_statements"]
# A quotation: straight or curly double quotes on one line.
QUOTE = re.compile(r"“[^”\"\n]*”|\"[^\"\n]*\"|''[^\n]*?''")
QUOTE_MIN_WORDS = 4  # shorter quoted bits are scare quotes ("blood alliance"), not testimony
MAX_SUBJECT_TOKENS = 14  # a longer stretch before a cue is a clause, not a source phrase
PUNCT_BOUNDARY = set(",;:()[]—–\"“”‘’'?!.…") | {"''", "``", "--"}
QUOTE_MARKS = {'"', "“", "”", "''", "``"}
GROUP_ENDINGS = ("ans", "crats", "icans", "ists", "ites", "ese")  # plural names of groups
QUOTE_CHARS = set("\"“”'")
NAMED = ("named_person", "named_org", "media")
HYPOTHETICAL = {"would", "could", "might", "may", "should"}
BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s"}
POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass
class Phrase:
    """A source phrase found around a cue, before it is a row."""
    start: int  # token index
    end: int  # token index, exclusive
    source_type: str
    name: str = ""
    role: str = ""
    pronoun: str = ""  # "person", "group" or "org" when the phrase is a pronoun or "the <word>"
    head: str = ""  # for "the ministry", "the senator": the word an antecedent must contain


class Tagger:
    """Finds attributions in a Doc made by sentences.pipeline(); see the module docstring."""

    def __init__(self, lexicons: dict[str, str] | None = None, spacy_model: str | None = None):
        verbs = read_table("reporting_verbs", lexicons)
        self.verb_subject = dict(zip(verbs.form.str.lower(), verbs.subject))
        words = read_table("source_words", lexicons)
        # A category a user's file leaves out simply has no words.
        self.words = defaultdict(set, {category: set(group.word.str.lower())
                                       for category, group in words.groupby("category")})
        nouns = read_table("source_nouns", lexicons)
        self.nouns = dict(zip(nouns.word.str.lower(), nouns.source_type))
        self.by_complement = set(nouns.word[nouns.typed_by_complement == "yes"].str.lower())
        self.outlets = set(read_table("media_outlets", lexicons).outlet)
        self.places = set(read_table("source_places", lexicons).place)
        # Ordinary words: capitalised at the start of a sentence they are still not names.
        self.common = set(self.nouns) | set(self.verb_subject) | set().union(
            *(v for k, v in self.words.items() if k not in ("title", "org_word")))
        self.nationalities = set()
        vocab = pipeline().vocab
        # Single reporting verbs are looked up by hash over the whole Doc at once (numpy), which
        # is many times faster than a Matcher "IN" predicate run on every token.
        strings = vocab.strings
        self.verb_hashes = np.array(sorted(strings.add(f) for f in self.verb_subject), dtype=np.uint64)
        self.headline_hashes = np.array(sorted(strings.add(f.title()) for f in verbs.form[verbs.headline == "yes"]),
                                        dtype=np.uint64)
        self.before_label = strings.add("source_before")
        self.the_hash = strings.add("the")
        self.cues = PatternSet(["source_cues"], lexicons)
        self.anonymity = PatternSet(["anonymity"], lexicons)
        self.non_statements = PatternSet(["non_statements"], lexicons)
        self._lower_in_doc: set[int] = set()
        self._bare_in_doc: set[int] = set()
        self.ner = None
        if spacy_model:
            import spacy
            self.ner = spacy.load(spacy_model, exclude=["lemmatizer"])

    # -- the tagger -----------------------------------------------------------------------
    def tag(self, ctx: DocContext) -> dict[str, list[dict]]:
        doc, doc_id, sentences = ctx.doc, ctx.doc_id, ctx.sentences
        if not sentences or len(doc) == 0:
            return {"sources": []}
        text = doc_text(doc)
        token_starts = doc.to_array("IDX").astype(np.int64)
        sent_first = np.searchsorted(token_starts, [s["start"] for s in sentences])
        sent_last = np.searchsorted(token_starts, [s["end"] for s in sentences])
        quotes = [m.span() for m in QUOTE.finditer(text)
                  if len(m.group().split()) >= QUOTE_MIN_WORDS]
        question_sents = {k for k, row in enumerate(sentences)  # questions of the writer's own
                          if row["text"].endswith("?") and not QUOTE_CHARS.intersection(row["text"])}
        # Curly quotes pair reliably; straight ones ("...", ''...'') are too often mismatched to
        # silence the cues between them.
        quoted = np.zeros(len(text) + 1, dtype=bool)
        for a, b in quotes:
            quoted[a:b] = text[a] == "“"
        anonymous_sents = {int(np.searchsorted(sent_first, start, "right") - 1)
                           for _, start, _ in self.anonymity(doc)}
        names = self._names(doc) if self.ner is not None else None
        rows = []
        # "did not immediately respond", "could not be reached": no statement, so no cue in them.
        taken = {k for _, a, b in self.non_statements(doc) for k in range(a, b)}
        attrs = doc.to_array(["LOWER", "ORTH", "IS_LOWER"])
        # Words this text also writes in lower case are ordinary words when they open a sentence
        # ("Drought forecast ...", "Doctors said") and not names.
        self._lower_in_doc = set(attrs[attrs[:, 2] == 1, 0].tolist())
        # Words this text also writes without "the" before them: "the Clinton emails" is a
        # person's name used as a modifier; "The Vatican", "The Hill" always take "the".
        after_the = np.zeros(len(doc), dtype=bool)
        after_the[1:] = attrs[:-1, 0] == self.the_hash
        self._bare_in_doc = set(attrs[~after_the, 1].tolist())
        verbs = np.flatnonzero(np.isin(attrs[:, 0], self.verb_hashes) & (attrs[:, 2] == 1)
                               | np.isin(attrs[:, 1], self.headline_hashes))
        matches = [(self.before_label, int(i), int(i) + 1) for i in verbs] + list(self.cues(doc))
        for label_id, cue_start, cue_end in sorted(matches, key=lambda m: (m[1], -m[2])):
            s = int(np.searchsorted(sent_first, cue_start, "right") - 1)
            first, last = int(sent_first[s]), int(sent_last[s])
            if cue_end > last or taken.intersection(range(cue_start, cue_end)) \
                    or s in question_sents or quoted[doc[cue_start].idx]:
                continue  # questions and words inside a quotation are not attributions
            phrase = self._phrase(doc, doc.vocab.strings[label_id], cue_start, cue_end, first, last)
            if phrase is None or taken.intersection(range(phrase.start, phrase.end)):
                continue
            taken.update(range(phrase.start, phrase.end))
            taken.update(range(cue_start, cue_end))
            if s in anonymous_sents and phrase.source_type in ("unnamed_official", "vague"):
                phrase.source_type = "anonymous"
            if names is not None:
                self._retype(phrase, names)
            elif phrase.source_type == "named_person" and not phrase.role and " " not in phrase.name \
                    and not self._has_first_name(text, phrase.name):
                phrase.source_type = "named_org"  # "Google said": news names people in full first
            span = doc[phrase.start: phrase.end]
            sentence = sentences[s]
            rows.append({"doc_id": doc_id, "sent_id": sentence["sent_id"],
                         "start": span.start_char, "end": span.end_char, "surface": span.text,
                         "source_type": phrase.source_type, "name": phrase.name, "role": phrase.role,
                         "cue": doc[self._cue_start(doc, cue_start, first):cue_end].text,
                         "has_quote": any(a < sentence["end"] and sentence["start"] < b for a, b in quotes),
                         "pronoun": phrase.pronoun, "head": phrase.head})
        resolve_names(rows)
        for row in rows:
            del row["pronoun"], row["head"]
        return {"sources": rows}

    def _phrase(self, doc, label, cue_start, cue_end, first, last) -> Phrase | None:
        """The source phrase of one cue, or None. Rules in order: possessive ("X's statement"),
        source after the cue ("according to X"), subject before the cue ("X said", "X, a Y, said",
        "X, who said"), inverted subject after a comma or quotation ('"...," said X')."""
        if label == "possessive":
            run_start = cue_start
            while run_start > first and (self._is_name_token(doc, run_start - 1, first)
                                         or doc[run_start - 1].text == "-" and not doc[run_start - 1].whitespace_):
                run_start -= 1
            # Only when a reporting verb follows: "X's statements ... suggest that", not "X's tweet came".
            follows = any(doc[k].is_lower and self.verb_subject.get(doc[k].lower_) == "any"
                          for k in range(cue_end, min(last, cue_end + 15)))
            if run_start == cue_start or not follows:
                return None
            return self._noun_phrase(doc, run_start, cue_start, first)
        if label == "source_after":
            return self._after(doc, cue_end, last, first, fallback=doc[cue_start].lower_ == "according")
        word = doc[cue_start].lower_
        subject = self.verb_subject.get(word, "any")
        if word in self.words["needs_complement"]:
            # "pledged (on Monday, Mr. Lee) to|that" within three words, none a number:
            # "pledged 5 billion rupees (to ...)" is an action, not a statement.
            window = doc[cue_end: min(last, cue_end + 4)]
            to = next((t.i for t in window if t.lower_ in self.words["complement"] or t.text in PUNCT_BOUNDARY), None)
            if to is None or doc[to].lower_ not in self.words["complement"] \
                    or any(t.like_num or t.is_currency for t in doc[cue_end:to]):
                return None
        if doc[cue_start].text[:1].isupper() and cue_start == first:
            return None  # a capitalised verb ("Says") only counts inside a headline-style line
        if cue_end < last and doc[cue_end].lower_ in self.verb_subject and word in self.nouns:
            return None  # "media reports suggest": "reports" is the noun, "suggest" the cue
        verb_start = self._cue_start(doc, cue_start, first)  # "declined | to comment"
        before = doc[verb_start - 1].lower_ if verb_start > first else ""
        if before in self.words["determiner"] | self.words["affiliation"] | POSSESSIVE \
                and before not in self.nouns and not (doc[verb_start - 1].like_num and not word.endswith("s")):
            return None  # "the reports", "of comments", "two claims": a noun, not a verb ("two said" is one)
        at = self._skip_back(doc, cue_start - 1, first)
        gap = {doc[k].lower_ for k in range(at + 1, cue_start)}
        if not word.endswith("ing") and gap & BE:
            return None  # "if these reports are confirmed": passive, no source speaks
        if gap & HYPOTHETICAL and not gap & {"not", "n't", "n’t"}:
            return None  # "its allies would likely respond": nobody has said anything yet
        if word.endswith("ed") and cue_end < last and doc[cue_end].lower_ in ("by", "previously", "above"):
            return None  # "the troops mentioned previously", "the figures reported by": not a speaker
        # Only verbs that people and documents use ("said", "told") vouch for an unknown subject
        # ("the board said"); "suggests", "indicated" also take things ("this measure suggests").
        phrase = self._before(doc, cue_start, first, loose=subject == "any")
        if phrase is not None and subject == "document" and (phrase.source_type == "named_person" or phrase.pronoun == "person"):
            return None  # "show", "find": documents, polls and footage show things; "Trump showed restraint"
        # "Rubio hit back, saying ...": the source is the subject that opens the sentence.
        if phrase is None and at >= first and (word.endswith("ing") and doc[at].lower_ in (",", "by")
                                               or doc[at].lower_ == "and"):
            return self._opening_subject(doc, first, at)  # also "Clinton shook her head and said"
        # '"...," said X' or 'Rather than ..., said X': the source follows the cue. Only verbs of
        # saying invert; after "..., underscores" comes an object ("a disturbing new dimension").
        if phrase is None and subject == "any" and not word.endswith("ing") \
                and at >= first and (doc[at].text in QUOTE_MARKS or doc[at].text == ","):
            phrase = self._after(doc, cue_end, last, first)
        return phrase

    def _opening_subject(self, doc, first, stop) -> Phrase | None:
        """The phrase that opens a sentence, or its main clause after an opening phrase and a
        comma: a determiner, titles, nouns and names, up to the first other word ("The billionaire
        businessman | began ...", "In an interview with CNN, Trump | continued ...")."""
        known = self.words["determiner"] | self.words["title"] | self.words["org_word"] | set(self.nouns)
        starts = [first] + [k + 1 for k in range(first, stop) if doc[k].text == ","]
        for start in starts:
            end = start
            for a, b, is_name in self._units(doc, start, stop, first):
                if not (is_name or doc[a].lower_ in known or doc[a].text in POSSESSIVE):
                    break
                end = b
            if end == start or start > first and not doc[end].is_lower:
                continue  # after an opening phrase the subject must be followed by its verb
            phrase = self._noun_phrase(doc, start, end, first)
            if phrase is not None and (phrase.source_type != "vague" or phrase.pronoun):
                return phrase
            if start == first:
                return None
        return None

    def _skip_back(self, doc, i, first) -> int:
        """Index of the last token before the cue that is not an auxiliary or adverb."""
        while i >= first:
            if doc[i].lower_ in self.words["gap"] or doc[i].is_lower and doc[i].lower_.endswith("ly") and len(doc[i]) > 4 \
                    or doc[i].is_space and "\n" not in doc[i].text:  # "Trump\xa0said", "Sanders  calls"
                i -= 1
            elif doc[i].text == ")" and "(" in doc[max(first, i - 8): i].text:
                while doc[i].text != "(":  # "Sen. John Cornyn (R-Texas) said"
                    i -= 1
                i -= 1
            elif self._cue_start(doc, i + 1, first) <= i:
                i = self._cue_start(doc, i + 1, first) - 1  # "declined to comment", "went on to say"
            elif doc[i].text == "," and i - 2 >= first and doc[i - 2].text == "," \
                    and doc[i - 1].lower_ in self.words["gap"]:
                i -= 3  # "Hunter, meanwhile, told"
            else:
                break
        return i

    def _has_first_name(self, text, name) -> bool:
        """Whether a one-word name appears in the text after a first name or a title ("Lloyd
        Austin", "Mr. Austin"). News writing introduces people by full name, so a lone name that
        never has one ("Nabisco announced", "Google said") is an organisation."""
        for match in re.finditer(r"(\S+) " + re.escape(name) + r"\b|\b" + re.escape(name) + r" ([A-Z][a-z]+)", text):
            other = match.group(1) or match.group(2)  # "Lloyd Austin", "Mr. Austin"; "Bernie Sanders" for "Bernie"
            if other.lower() in self.words["title"] or other.isalpha() and other[:1].isupper() \
                    and other.lower() not in self.common:
                return True
        return False

    def _cue_start(self, doc, cue_start, first) -> int:
        """Where a cue starts with the verb it is the infinitive of: "declined to | comment",
        "went on to | say", "was quick to | add" (before_to words; not "wants to say")."""
        i = cue_start - 1
        if i - 1 < first or doc[i].lower_ != "to" or doc[i - 1].lower_ not in self.words["before_to"]:
            return cue_start
        while i - 1 >= first and doc[i - 1].lower_ in self.words["before_to"]:
            i -= 1
        return i

    def _segment_start(self, doc, end, first) -> int:
        """Start of the stretch of tokens before `end` up to a comma, quote or clause word."""
        i = end - 1
        while i >= first and not self._is_boundary(doc, i, first):
            i -= 1
        return i + 1

    def _is_boundary(self, doc, i, first) -> bool:
        text = doc[i].text
        if text in PUNCT_BOUNDARY or doc[i].is_space:
            return True
        if doc[i].lower_ not in self.words["boundary"]:
            return False
        if i > first and i + 1 < len(doc) and self._is_name_token(doc, i - 1, first) \
                and self._is_name_token(doc, i + 1, first):
            return False  # "National Security and Defense Council"
        return text.islower() or i == first or doc[i - 1].text in QUOTE_MARKS

    def _before(self, doc, cue_start, first, loose=False) -> Phrase | None:
        """The subject before a cue: the stretch back to a clause boundary ("officials estimate"),
        or, when a comma precedes the cue, the first of up to three comma-separated chunks that
        is a source, the others being its description ("X, 58, an analyst at Y, said")."""
        end = subject_end = self._skip_back(doc, cue_start - 1, first) + 1
        start = self._segment_start(doc, end, first)
        if start < end:
            if end - start > MAX_SUBJECT_TOKENS:
                return None
            # After "who" comes a clause whose subject is "who": look before it
            phrase = self._noun_phrase(doc, start, end, first, loose) if doc[start - 1].lower_ != "who" else None
            if phrase is not None or start == first or doc[start - 1].lower_ not in ("who", "which"):
                return phrase
            end = start - 1  # "Trump, who said": the source is the phrase before ", who"
            if end > first and doc[end - 1].text != "," and doc[end].lower_ == "who":
                # "executives who have worked with him say": the people the clause restricts
                head_start = self._segment_start(doc, end, first)
                phrase = self._noun_phrase(doc, head_start, end, first, loose) if head_start < end else None
                if phrase is None or phrase.pronoun:
                    return None
                phrase.role = " ".join(x for x in (phrase.role, doc[end:subject_end].text) if x)
                phrase.end = subject_end
                return phrase
        if end - 1 < first or doc[end - 1].text != ",":
            return None
        chunks, comma = [], end - 1
        while len(chunks) < 3:
            i = comma - 1
            while i >= first and comma - i <= 25:
                if doc[i].text == ")" and "(" in doc[max(first, i - 8): i].text:
                    while doc[i].text != "(":  # "Rep. Elijah Cummings (D-Md.), chair of ..., said"
                        i -= 1
                elif doc[i].text in PUNCT_BOUNDARY:
                    break
                i -= 1
            chunks.insert(0, (i + 1, comma))
            if i < first or doc[i].text != ",":
                break
            comma = i
        # The first chunk that names a source, described by the chunks after it; failing that,
        # a first chunk that is a known kind of source ("Officials, speaking on condition ...,").
        for k, (a, b) in enumerate(chunks):
            if a >= b or doc[a].lower_ in ("who", "which") or doc[a].like_num:
                continue
            # "Mensah rejected the results, saying": the subject of the clause, up to its verb.
            # Before any other cue a clause is no source ("..., the party has lost its way, said X").
            verb = self._first_verb(doc, a, b, first)
            if verb is not None and not doc[cue_start].lower_.endswith("ing"):
                continue
            head_end = next((x for x in range(a, verb or b) if doc[x].text == "("), verb or b)  # "Cummings (D-Md.)"
            phrase = self._noun_phrase(doc, a, head_end, first)
            if phrase is None or phrase.pronoun or (phrase.source_type not in NAMED and k > 0):
                continue
            # The chunks after it describe it ("58", "a Democrat", "Twitter's director of ...",
            # "who ...") up to one starting with a lower-case verb ("voted against the bill"),
            # which is what the source did.
            described = [] if verb else list(takewhile(lambda c: c[0] < c[1] and self._is_apposition(doc, c[0]),
                                                       chunks[k + 1:]))
            phrase.role = ", ".join(x for x in (phrase.role, *(doc[x:y].text for x, y in described)) if x)
            phrase.end = verb or (described[-1][1] if described else b)
            return phrase
        return None

    def _first_verb(self, doc, start, end, first) -> int | None:
        """The first lower-case verb after the start of a stretch (a reporting verb, an -ed word
        or a gap word such as "has"), not after "to": the stretch is a clause, not a noun phrase. An -ed word counts after a name or a
        source word ("Mensah rejected", "the senator voted"), not after other words ("a retired
        general", "an email obtained by") nor describing its noun ("officials interviewed by")."""
        for i in range(start + 1, end):
            word, before = doc[i].lower_, doc[i - 1]
            if not doc[i].is_lower or doc[i].like_num or before.lower_ == "to":
                continue
            if word in self.verb_subject and word not in self.nouns or word in self.words["gap"]:
                return i
            if word.endswith("ed") and not self._is_postmodifier(doc, i, end, first) \
                    and (not before.is_lower or before.lower_ in self.nouns or before.lower_ in self.words["title"]):
                return i  # after a name or a source word it is a verb ("Mensah rejected")
        return None

    def _is_apposition(self, doc, i) -> bool:
        """A chunk that describes the name before it: it starts with a capital, a determiner, a
        title, a number or "who"/"which"; not with another lower-case word ("voted", "speaking")."""
        return not doc[i].is_lower or doc[i].like_num \
            or doc[i].lower_ in self.words["determiner"] | self.words["title"] | {"who", "which", "whose"}

    def _after(self, doc, start, last, first, fallback=False) -> Phrase | None:
        """The source phrase right after a cue: up to a clause boundary, then an apposition.
        fallback: after "according to" whatever phrase follows is the source, typed `vague`
        when no rule knows its head ("according to state law", "according to one global index")."""
        while start < last and doc[start].is_space:
            start += 1
        if start < last and any(doc[start].lower_ in self.words[f"pronoun_{kind}"] for kind in ("person", "group", "org")):
            return None  # '..., said he doesn't believe': a clause; a lone "said he" is resolved elsewhere
        end = start
        while end < last and end - start < MAX_SUBJECT_TOKENS and not self._is_boundary(doc, end, first) \
                and not (doc[end].is_lower and doc[end].lower_ in self.verb_subject
                         and doc[end].lower_ not in self.nouns):
            end += 1
        if end == start:
            return None
        phrase = self._noun_phrase(doc, start, end, first, loose=True)
        if phrase is None and fallback and any(t.is_alpha for t in doc[start:end]):
            phrase = Phrase(start, end, "vague", "", doc[start:end].text)
        if phrase is None or phrase.pronoun:
            return None
        if end < last and doc[end].text == "," and end + 1 < last \
                and doc[end + 1].lower_ in self.words["determiner"] | self.words["title"]:
            stop = end + 1
            while stop < last and doc[stop].text not in PUNCT_BOUNDARY:
                stop += 1
            appos = doc[end + 1: stop].text
            phrase.role = appos if not phrase.role else f"{phrase.role}, {appos}"
            phrase.end = stop
        return phrase

    # -- reading one phrase --------------------------------------------------------------
    def _is_name_token(self, doc, i, first) -> bool:
        """A capitalised word that is not an ordinary word capitalised for starting a sentence."""
        text = doc[i].text
        if not text[:1].isupper():
            # the lower-case part of a hyphenated name: "Kim Yong-hyun"
            return i - 2 >= first and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ \
                and not doc[i - 2].whitespace_ and doc[i - 2].text[:1].isupper() and text.isalpha()
        if text.lower() in self.words["not_name"]:
            return False
        starts_sentence = i == first or doc[i - 1].text in QUOTE_MARKS or doc[i - 1].text in ":(-—–"
        return not (starts_sentence and (text.lower() in self.common or doc[i].lower in self._lower_in_doc))

    def _is_postmodifier(self, doc, i, end, first) -> bool:
        """A participle after a noun head that describes it: "a poll released Friday", "those
        surveyed", "exit polls taken in Iowa"; not a verb taking a named object ("aides told Smith")."""
        word = doc[i].lower_
        if not doc[i].is_lower or not (word.endswith("ed") or word in self.words["postmodifier"]) \
                or word in self.words["gap"] or i == first \
                or not (doc[i - 1].is_alpha and (doc[i - 1].is_lower or doc[i - 1].lower_ in self.nouns)):
            return False  # after a name it is a verb: "Clinton used a private email"
        # Followed by a time or place, not by an object: "released Friday", "taken in Iowa"
        return i + 1 == end or doc[i + 1].lower_ in self.words["gap"] | self.words["affiliation"] | self.words["after_participle"]

    def _units(self, doc, start, end, first) -> list[tuple[int, int, bool]]:
        """Split tokens into (start, end, is_name) units: runs of name tokens (joined by "of",
        "and", "'s", hyphens when a name token follows) and single other tokens."""
        units, i = [], start
        connectors = self.words["connector"]
        while i < end:
            if self._is_name_token(doc, i, first):
                j = i + 1
                while j < end:
                    if self._is_name_token(doc, j, first):
                        j += 1
                    elif (doc[j].lower_ in connectors or doc[j].text == "-") and j + 1 < end \
                            and self._is_name_token(doc, j + 1, first):
                        j += 2
                    else:
                        break
                units.append((i, j, True))
                i = j
            else:
                units.append((i, i + 1, False))
                i += 1
        return units

    def _noun_phrase(self, doc, start, end, first, loose=False) -> Phrase | None:
        """Type a source phrase from its head, the last unit before its first affiliation word
        ("a source | close to the ministry", "Andriy Kovalenko | from the Council").
        loose: also accept a short determiner phrase with an unknown noun head ("the board",
        "a roster of donors") as a vague source, for cues that only people and documents use."""
        while start < end and (doc[start].is_punct or doc[start].lower_ in self.words["boundary"]
                               or doc[start].lower_ in self.words["affiliation"]
                               or doc[start].is_lower and doc[start].lower_.endswith("ly")):
            start += 1  # "With President Zelenskyy", "particularly the U.S.": not part of the source
        if start >= end:
            return None
        count = start
        while count < end - 1 and doc[count].lower_ in self.words["approximator"]:
            count += 1
        if doc[count].like_num and count + 2 < end and doc[count + 1].lower_ == "in" and doc[count + 2].like_num:
            return Phrase(start, end, "vague", "", doc[start:end].text)  # "Six in 10 voters", "nearly one in three"
        units = self._units(doc, start, end, first)
        split = next((k for k, (a, b, is_name) in enumerate(units)
                      if k > 0 and not is_name and (doc[a].lower_ in self.words["affiliation"]
                                                    or self._is_postmodifier(doc, a, end, first))), len(units))
        pre, post = units[:split], units[split:]
        head_start, head_end, head_is_name = pre[-1]
        if doc[head_end - 1].text in POSSESSIVE:
            return None
        head = doc[head_start].lower_
        post_text = doc[post[0][0]: post[-1][1]].text if post else ""
        article = doc[start].lower_
        described = doc[start + 1: head_end].text if article in ("the", "a", "an") else doc[start: head_end].text
        if not head_is_name:
            return self._common_phrase(doc, start, end, pre, post, head, described, post_text, loose, first)
        run = doc[head_start: head_end]
        bare = run.text[4:] if run.text.startswith("The ") else run.text
        affiliation = " ".join(doc[a:b].text for a, b, _ in pre[:-1] if doc[a].lower_ not in ("the", "a", "an"))
        role = " ".join(x for x in (affiliation, post_text) if x)
        if bare in self.outlets or any(bare.endswith(" " + o) for o in self.outlets):
            return Phrase(start, end, "media", bare, role)
        lowers = [t.lower_ for t in run]
        if len(run) == 1 and lowers[0] in self.nouns:  # "some Democrats", "Officials" mid-sentence
            return Phrase(start, end, self.nouns[lowers[0]], "", described)
        if bare in self.places or (len(run) == 1 and run.text.isupper() and len(run.text) > 1) \
                or any(w in self.words["org_word"] for w in lowers):
            return Phrase(start, end, "named_org", bare, role)
        if run.text.startswith("The ") or doc[head_start - 1].lower_ == "the" and head_start > start - 1 \
                and not any(w in self.words["title"] for w in lowers):
            # People do not take "the": "The Red Cross", "The Vatican" are organisations, "the
            # Russians" a group; "the European" is an adjective (caught below) and no source.
            if len(run) > 1 or run.text.startswith("The "):
                return Phrase(start, end, "named_org", bare, role)
            if run.text in self.places or run.text.lower() in self.common or run[0].orth in self._bare_in_doc:
                return None
            return Phrase(start, end, "vague" if run.text.endswith("s") else "named_org", bare if not run.text.endswith("s") else "", role)
        titles = [k for k, w in enumerate(lowers) if w in self.words["title"]]
        cut = titles[-1] + 1 if titles else 0
        name, title = run[cut:].text, run[:cut].text
        role = " ".join(x for x in (affiliation, title, post_text) if x)
        if not name:  # "the Defense Minister said": an office, resolved like "he"
            return Phrase(start, end, "unnamed_official", "", role, pronoun="person")
        if all(t.text in self.places or t.lower_ in self.common for t in run[cut:]):
            return None  # "Russian", "Ukrainian": an adjective, not a name
        if any(doc[a].is_lower and (doc[a].lower_ in self.verb_subject or doc[a].lower_.endswith("ed")
                                    or doc[a].lower_ in self.words["gap"]) for a, _, _ in pre[:-1]):
            return None  # "endorsed Mr. Sanders": the name is an object, not the subject
        if not cut and run[-1].text.endswith(GROUP_ENDINGS):
            return Phrase(start, end, "vague", "", described)  # "Democrats", "many Americans"
        return Phrase(start, end, "named_person", name, role)

    def _common_phrase(self, doc, start, end, pre, post, head, described, post_text, loose, first):
        """A source phrase whose head is an ordinary word: a pronoun, a noun of source_nouns.csv,
        an organisation or office word ("the ministry", "the senator"), or, when loose, a short
        determiner phrase."""
        if len(pre) == 1 and not post:
            for kind in ("person", "group", "org"):
                if head in self.words[f"pronoun_{kind}"]:
                    return Phrase(start, end, "vague", pronoun=kind)
        names = [doc[a:b].text for a, b, is_name in pre if is_name]
        role = " ".join(x for x in (described, post_text) if x)
        article = doc[start].lower_
        if head in self.nouns:
            source_type, name = self.nouns[head], ""
            if head in self.by_complement and len(post) > 1 and doc[post[0][0]].lower_ in self.words["affiliation"]:
                inner = self._noun_phrase(doc, post[1][0], end, first)
                if inner is not None and not inner.pronoun:
                    source_type, name = inner.source_type, inner.name
            if head in self.words["org_word"] and names and not head.endswith("s"):
                source_type, name = "named_org", described
            elif source_type == "media" and any(n in self.outlets for n in names):
                name = described
            elif head in self.words["anonymous_if_indefinite"] and article in ("a", "an", "one"):
                source_type = "anonymous"
            return Phrase(start, end, source_type, name, role)
        if head in self.words["org_word"]:
            if names:
                return Phrase(start, end, "named_org", described, role)
            return Phrase(start, end, "unnamed_official", "", role, pronoun="org" if article == "the" else "",
                          head=head)
        if head in self.words["title"]:
            if article in ("a", "an", "one"):
                kind = "anonymous" if head in self.words["anonymous_if_indefinite"] else "unnamed_official"
                return Phrase(start, end, kind, "", role)
            return Phrase(start, end, "unnamed_official", "", role, pronoun="person" if article == "the" else "",
                          head=head)
        if loose and any(doc[a].is_lower and (doc[a].lower_ in self.words["gap"] or doc[a].lower_ in self.verb_subject)
                         for a, _, _ in post):
            return None  # "a third plant in Arizona may open": a clause, not a source
        if loose and head[:1].isdigit() and len(post) > 1 and doc[post[0][0]].lower_ == "in":
            return Phrase(start, end, "vague", "", role)  # "about 4 in 10 (voters) say"
        determined = article in self.words["determiner"] or any(doc[a].text in POSSESSIVE for a, _, _ in pre)
        if loose and head.isalpha() and doc[head_end_of(pre)].is_lower and head not in self.common \
                and (determined or len(pre) <= 4 and head.endswith("s") and not head.endswith("ss")) \
                and len(pre) <= 4 and all(doc[a].text in POSSESSIVE or doc[a].is_alpha and not (
                    doc[a].is_lower and (doc[a].lower_ in self.verb_subject or doc[a].lower_ in self.words["gap"]
                                         or doc[a].lower_.endswith("ed"))) for a, _, _ in pre[1:]):
            return Phrase(start, end, "vague", "", role)
        return None

    # -- optional trained model ------------------------------------------------------------
    def _names(self, doc: Doc) -> list[tuple[str, str]]:
        return [(e.text, e.label_) for e in self.ner(doc.text).ents
                if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]

    def _retype(self, phrase: Phrase, names) -> None:
        """With a trained model: a named source inside a PERSON entity is a person, inside an
        ORG or GPE entity an organisation (media stays media)."""
        if phrase.source_type not in ("named_person", "named_org") or not phrase.name:
            return
        labels = {label for text, label in names if phrase.name in text or text in phrase.name}
        if "PERSON" in labels and phrase.source_type == "named_org":
            phrase.source_type = "named_person"
        elif labels & {"ORG", "GPE"} and "PERSON" not in labels and phrase.source_type == "named_person":
            phrase.source_type = "named_org"


def resolve_names(rows: list[dict]) -> None:
    """Fill in names by a simple documented rule, in document order:
    - a named person given by surname ("Austin said") takes the full name of the nearest
      preceding named person whose name ends with it ("Lloyd Austin");
    - "he"/"she" takes type, name and role of the nearest preceding named person or anonymous
      source; "it" of the nearest named organisation, media or unnamed organisation ("the company"); "they" of the nearest
      unnamed official, organisation, media or vague source; "the agency", "the senator" the
      same, but only from a source whose name or role contains that word ("United Nations
      refugee agency", "Sen. ..."). With none, a pronoun stays `vague` and a description
      `unnamed_official`, with an empty name (the sentence still counts as sourced)."""
    fits = {"person": ("named_person", "anonymous"), "org": ("named_org", "media", "unnamed_official"),
            "group": ("unnamed_official", "named_org", "media", "vague", "anonymous")}
    for k, row in enumerate(rows):
        earlier = [r for r in reversed(rows[:k]) if not r["pronoun"] or r["head"]]  # no bare pronouns
        if row["pronoun"]:
            antecedent = next((r for r in earlier if r["source_type"] in fits[row["pronoun"]]
                               and row["head"] in f'{r["name"]} {r["role"]}'.lower()), None)
            if antecedent is not None:
                row.update(source_type=antecedent["source_type"], name=antecedent["name"],
                           role=antecedent["role"])
        elif row["source_type"] == "named_person" and " " not in row["name"].strip():
            full = next((r["name"] for r in earlier if r["source_type"] == "named_person"
                         and r["name"].endswith(" " + row["name"])), None)
            if full:
                row["name"] = full


# -- scores ------------------------------------------------------------------------------
ACCOUNTABLE_TYPES = ("named_person", "named_org")  # plus media with a name, see is_accountable


def is_accountable(sources: pd.DataFrame) -> pd.Series:
    """A source a reader could hold to account: a named person, a named organisation, or a
    media outlet named ("Reuters", not "Ukrainian media")."""
    named_media = (sources.source_type == "media") & sources.name.fillna("").astype(str).str.len().gt(0)
    return sources.source_type.isin(ACCOUNTABLE_TYPES) | named_media


def claim_sentences(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per claim sentence: a sentence that is not a heading and not a question (it
    asserts something a reader could check). Columns: doc_id, sent_id, start, end, text,
    sourced (a source row is in the sentence, or the sentence sits inside a quotation of at
    least QUOTE_MIN_WORDS words that a sourced sentence of the same article overlaps), accountable
    (the same, counting only accountable sources)."""
    sentences = tables["sentences"]
    claims = sentences[~sentences.is_heading.astype(bool)
                       & ~sentences.text.astype(str).str.rstrip(" \"”’'").str.endswith("?")].copy()
    sources = tables["sources"].assign(accountable=lambda s: is_accountable(s))
    keys = ["doc_id", "sent_id"]
    by_sentence = sources.groupby(keys).accountable.agg(["size", "any"]).reset_index()
    claims = claims.merge(by_sentence, on=keys, how="left")
    claims["sourced"] = claims["size"].fillna(0).gt(0)
    claims["accountable"] = claims["any"].fillna(False).astype(bool)
    claims = claims.drop(columns=["size", "any"])
    # A quotation spanning several sentences is sourced wherever one of its sentences is.
    # numpy per document: pandas indexing per quotation cost a twentieth of a whole tag run.
    texts = tables["documents"].set_index("doc_id").text
    for doc_id, rows in claims.groupby("doc_id", sort=False).indices.items():
        quotes = [m.span() for m in QUOTE.finditer(str(texts.get(doc_id, "")))
                  if len(m.group().split()) >= QUOTE_MIN_WORDS]
        if not quotes:
            continue
        starts, ends = claims.start.to_numpy()[rows], claims.end.to_numpy()[rows]
        for flag in ("sourced", "accountable"):
            values = claims[flag].to_numpy()[rows].copy()
            for quote_start, quote_end in quotes:
                inside = (starts < quote_end) & (quote_start < ends)
                if values[inside].any():
                    values[inside] = True
            claims.iloc[rows, claims.columns.get_loc(flag)] = values
    return claims[["doc_id", "sent_id", "start", "end", "text", "sourced", "accountable"]]


def unsourced_claims(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Claim sentences with no source, in document order. Columns: doc_id, sent_id, start, end, text."""
    claims = claim_sentences(tables)
    return claims[~claims.sourced][["doc_id", "sent_id", "start", "end", "text"]] \
        .sort_values(["doc_id", "sent_id"]).reset_index(drop=True)


def score(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Sourcing scorecard, one row per document (index doc_id). Columns:
    - n_sources_<type> for each of SOURCE_TYPES: attributions of that type (pronoun rows count
      with the type of their antecedent); n_sources: all of them;
    - n_claim_sentences: non-heading, non-question sentences (see claim_sentences);
    - share_claims_sourced = claim sentences with a source / claim sentences;
    - share_sources_accountable = accountable attributions / attributions (is_accountable);
    - share_claims_accountable = claim sentences with an accountable source / claim sentences.
    Shares are NaN where the denominator is 0. No weights: each is a plain count ratio."""
    documents = tables["documents"].doc_id
    sources = tables["sources"]
    counts = pd.crosstab(sources.doc_id, sources.source_type).reindex(
        index=documents, columns=SOURCE_TYPES, fill_value=0)
    scores = counts.add_prefix("n_sources_")
    scores["n_sources"] = counts.sum(axis=1)
    claims = claim_sentences(tables).groupby("doc_id")[["sourced", "accountable"]]
    n_claims = claims.size().reindex(documents, fill_value=0)
    scores["n_claim_sentences"] = n_claims
    scores["share_claims_sourced"] = claims.sum().sourced.reindex(documents) / n_claims.replace(0, np.nan)
    accountable = is_accountable(sources).groupby(sources.doc_id).sum().reindex(documents, fill_value=0)
    scores["share_sources_accountable"] = accountable / scores.n_sources.replace(0, np.nan)
    scores["share_claims_accountable"] = claims.sum().accountable.reindex(documents) / n_claims.replace(0, np.nan)
    scores.index.name = "doc_id"
    return scores.astype({c: int for c in scores.columns if c.startswith("n_")})


def head_end_of(units) -> int:
    """Token index of the last token of the last unit."""
    return units[-1][1] - 1
