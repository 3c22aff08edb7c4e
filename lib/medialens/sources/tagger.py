"""The sources Tagger: finds the cues of a document, reads the source phrase of each (phrases.py)
and writes one row per attribution."""
from __future__ import annotations

import re

import numpy as np

from ..context import DocContext
from ..patterns import in_sorted
from .heads import Phrase
from .names import entity_names, first_named, retype
from .phrases import phrase as read_phrase
from .phrases import rule_order
from .resolve import resolve_names
from .scan import cue_start as find_cue_start
from .subjects import subject_rules
from .type_rules import type_rules
from .view import SourceDoc
from .words import Words

# A quotation: straight or curly double quotes on one line; a curly one holds no second opening
# mark (a mistyped closing “ would otherwise swallow the attribution after it).
QUOTE = re.compile(r"“[^“”\"\n]*”|\"[^\"\n]*\"|''[^\n]*?''")
QUOTE_MIN_WORDS = 4  # shorter quoted bits are scare quotes ("blood alliance"), not testimony


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation of at least QUOTE_MIN_WORDS words."""
    return [m.span() for m in QUOTE.finditer(text) if len(m.group().split()) >= QUOTE_MIN_WORDS]


def overlaps_any(starts: np.ndarray, ends: np.ndarray, start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping spans (binary search)."""
    k = int(np.searchsorted(ends, start, side="right"))
    return k < len(starts) and starts[k] < end


def described_as(w: Words, role: str) -> str:
    """"org" when a source's description is headed by an organisation word ("the maker of farm
    vehicles", "the group that organized the march"), "person" by a title or a person noun
    ("a spokesman for the union"), else ""."""
    head = ""
    for word in role.lower().replace(",", " , ").split():
        if word in w.words["affiliation"] or word in w.words["boundary"] or word == ",":  # clause words are boundaries
            break
        head = word
    if head in w.words["org_word"]:
        return "org"
    return "person" if head in w.words["title"] or w.nouns.get(head) == "unnamed_official" else ""


def role_org(w: Words, role: str) -> str:
    """The first run of capitalised words in a person's role that is not a title or a place:
    the organisation they speak for ("UAW President" -> "UAW", "president of UAW Local 862")."""
    run: list[str] = []
    for word in role.split():
        if word[:1].isupper() and word.lower() not in w.words["title"] and word not in w.places:
            run.append(word)
        elif run:
            break
    return " ".join(run)


class Tagger:
    """Finds attributions in a Doc made by sentences.pipeline(); see the package docstring."""

    def __init__(self, lexicons: dict[str, str] | None = None, spacy_model: str | None = None,
                 trace_rules: bool = False):
        self.w = Words(lexicons)
        self.w.type_rules = type_rules(lexicons)
        self.w.subject_rules = subject_rules(lexicons)
        self.order = rule_order(lexicons)
        # Keep each row's `rule`, `type_rule` and `typed_as` (the type that rule gave), and list the cues a rule stopped under "stopped" (benchmarks,
        # tests); neither is a table.
        self.trace_rules = trace_rules
        self.ner = None
        if spacy_model:
            import spacy
            self.ner = spacy.load(spacy_model, exclude=["lemmatizer"])

    def tag(self, ctx: DocContext) -> dict[str, list[dict]]:
        doc, sentences = ctx.doc, ctx.sentences
        if not sentences or len(doc) == 0:
            return {"sources": []}
        w = self.w
        text = ctx.text
        quotes = quotations(text)
        question_sents = {k for k, row in enumerate(sentences)  # questions of the writer's own
                          if row["text"].endswith("?") and not w.grammar["quote_char"].intersection(row["text"])}
        # Curly quotes pair reliably; straight ones ("...", ''...'') are too often mismatched to
        # silence the cues between them.
        quoted = np.zeros(len(text) + 1, dtype=bool)
        for a, b in quotes:
            quoted[a:b] = text[a] == "“"
        anonymous_sents = {ctx.sentence_of_token(start) for _, start, _ in w.anonymity(doc)}
        names = entity_names(self.ner, doc) if self.ner is not None else None
        rows, stops = [], [] if self.trace_rules else None
        quote_starts = np.array([a for a, _ in quotes], dtype=np.int64)
        quote_ends = np.array([b for _, b in quotes], dtype=np.int64)
        persons: list[set[str]] = []  # words written with a first name or title, read once if needed
        # "did not immediately respond", "could not be reached": no statement, so no cue in them.
        taken = {k for _, a, b in w.non_statements(doc) for k in range(a, b)}
        facts = SourceDoc(ctx, w.the_hash)
        attrs = facts.attrs
        verbs = np.flatnonzero(in_sorted(attrs[:, 0], w.verb_hashes) & (attrs[:, 2] == 1)
                               | in_sorted(attrs[:, 1], w.headline_hashes))
        matches = [(w.before_label, int(i), int(i) + 1) for i in verbs] + list(w.cues(doc))
        for label_id, cue_start, cue_end in sorted(matches, key=lambda m: (m[1], -m[2])):
            s = ctx.sentence_of_token(cue_start)
            v = facts.view(s)
            if cue_end > v.last or taken.intersection(range(cue_start, cue_end)) \
                    or s in question_sents or quoted[ctx.token_starts[cue_start]]:
                continue  # questions and words inside a quotation are not attributions
            label = doc.vocab.strings[label_id]
            found = read_phrase(w, v, label, cue_start, cue_end, self.order, stops)
            if found is None or taken.intersection(range(found.start, found.end)):
                continue
            taken.update(range(found.start, found.end))
            taken.update(range(cue_start, cue_end))
            self._settle_type(found, s in anonymous_sents, names, text, persons)
            sentence = sentences[s]
            span = doc[found.start: found.end]
            rows.append({"doc_id": ctx.doc_id, "sent_id": sentence["sent_id"],
                         "start": span.start_char, "end": span.end_char, "surface": span.text,
                         "source_type": found.source_type, "name": found.name, "role": found.role,
                         "cue": doc[find_cue_start(w, v, cue_start):cue_end].text.lower(),
                         "has_quote": overlaps_any(quote_starts, quote_ends, sentence["start"], sentence["end"]),
                         "pronoun": found.pronoun, "head": found.head, "org": role_org(w, found.role),
                         "rule": found.rule, "type_rule": found.type_rule, "typed_as": found.typed_as})
        resolve_names(rows)
        for row in rows:
            del row["pronoun"], row["head"], row["org"]
            if not self.trace_rules:
                del row["rule"], row["type_rule"], row["typed_as"]
        if stops is None:
            return {"sources": rows}
        return {"sources": rows, "stopped": [{"rule": rule, "start": doc[a].idx, "end": doc[b - 1].idx + len(doc[b - 1])}
                                             for rule, a, b in stops]}

    def _settle_type(self, found: Phrase, anonymous: bool, names, text: str, persons: list) -> None:
        """Anonymity phrases in the sentence, a trained model's entities, or the lack of a first
        name ("Google said": news names people in full first) settle the type."""
        if anonymous and found.source_type in ("unnamed_official", "vague"):
            found.source_type = "anonymous"
        described = described_as(self.w, found.role)
        if found.source_type == "named_person" and described == "org":
            found.source_type = "named_org"  # "Harbor Motors, the maker of farm trucks, said"
            return
        if names is not None:
            retype(found, names)
        elif found.source_type == "named_person" and not found.role and " " not in found.name:
            if not persons:
                persons.append(first_named(self.w, text))
            if found.name not in persons[0]:
                found.source_type = "named_org"
