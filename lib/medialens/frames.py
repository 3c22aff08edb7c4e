"""Narrative framing: which generic news frames, loaded words and actors carry each article.

Frames are the five generic news frames of Semetko & Valkenburg (2000): conflict, human
interest, economic consequences, morality and attribution of responsibility. Their coding
questions are operationalised as sentence-level cues, one JSONL file of spaCy token patterns per
frame in data/frames/ (each pattern's id names the coding question it answers). A sentence
"carries" a frame when it holds at least one cue of it; every cue hit is a row of `frames`.

Emotive language is a lexicon of loaded and emotive terms (data/frames/emotive.jsonl, categories
after the propaganda techniques of Da San Martino et al. 2019); every hit is a row of `emotive`.

Actors (states, leaders, organisations) are found by their aliases (data/frames/actors.csv:
"Pyongyang", "Kim's regime" and "North Korea" are one actor) and, so that any story has actors, by
the names of the document's named sources (sources.py rows of type named_person / named_org, each
name its own actor; see `source_name_spans`). Whether a mention is the subject of its clause is
decided without a parser, by a rule a reader can check (see `Tagger.subject_starts`), from the
word lists in data/frames/actor_subject.csv.

A cue or alias followed or preceded by capitalised words mid-sentence is part of a longer name
("Human Rights Watch" is no morality cue): see `_in_proper_name` and `Tagger._is_longer_name`.

Speculation (hedged, modal, conditional sentences) is scored by hedges.py and sourcing by
sources.py; notebook 03 reads those columns from the scores table.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .context import DocContext
from .lexicons import read_table
from .patterns import PatternSet
from .sentences import doc_text, pipeline

FRAMES = ["conflict", "human_interest", "economic", "morality", "responsibility"]
READS = ["sentences", "sources"]  # tables of earlier taggers this one needs
COLUMNS = {
    "frames": ["doc_id", "sent_id", "start", "end", "surface", "cue", "frame"],
    "emotive": ["doc_id", "sent_id", "start", "end", "surface", "cue"],
    "actor_mentions": ["doc_id", "sent_id", "start", "end", "actor", "as_subject"],
    "actors": ["doc_id", "actor", "mentions", "as_subject"],
}
SCORE_COLUMNS = [f"share_frame_{frame}" for frame in FRAMES] + ["dominant_frame", "emotive_per_100_words"]
SUBJECT_WINDOW = 3  # at most this many skippable words (adverbs) between a subject and its verb


class Tagger:
    """Tags frame cues, emotive terms and actor mentions in a Doc made by sentences.pipeline()."""

    def __init__(self, lexicons: dict[str, str] | None = None, spacy_model: str | None = None):
        nlp = pipeline()
        self.frame_matcher = PatternSet(FRAMES, lexicons, label_by_file=True)
        self.emotive_matcher = PatternSet(["emotive"], lexicons)
        actors = read_table("actors", lexicons)
        self.actor_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for actor, aliases in actors.groupby("actor", sort=False).alias:
            self.actor_matcher.add(actor, list(nlp.tokenizer.pipe(aliases)))
        grammar = read_table("actor_subject", lexicons)
        words = {role: set(group) for role, group in grammar.groupby("role").word}
        self.openers = words.get("opener", set())
        self.coordinators = words.get("coordinator", set())
        self.skips = words.get("skip", set())
        self.verbs = words.get("verb", set())
        self.verb_suffixes = tuple(words.get("verb_suffix", ()))
        self.skip_suffixes = tuple(words.get("skip_suffix", ()))

    def tag(self, ctx: DocContext) -> dict[str, list[dict]]:
        doc, doc_id, sentences, found = ctx.doc, ctx.doc_id, ctx.sentences, ctx.found
        starts = np.array([s["start"] for s in sentences], dtype=np.int64)
        headings = np.array([s["is_heading"] for s in sentences], dtype=bool)

        def sent_of(span: Span) -> int:
            return int(np.searchsorted(starts, span.start_char, side="right")) - 1

        frames = []
        for frame, spans in self._spans(doc, self.frame_matcher).items():
            # Overlapping cues of one frame ("hold accountable", "accountable") count once.
            frames += [{"doc_id": doc_id, "sent_id": sent_of(span), "start": span.start_char,
                        "end": span.end_char, "surface": span.text, "cue": span.text.lower(),
                        "frame": frame}
                       for span in filter_spans(spans)
                       if headings[sent_of(span)] or not _in_proper_name(span)]
        # Emotive terms overlap across categories ("desperate gambit", "gambit"): the longest wins.
        emotive = [{"doc_id": doc_id, "sent_id": sent_of(span), "start": span.start_char,
                    "end": span.end_char, "surface": span.text, "cue": span.text.lower()}
                   for span in filter_spans(self.emotive_matcher.spans(doc))]
        mentions = []
        # Overlaps: the longest name wins; on equal length the actors.csv alias (listed first).
        spans = filter_spans(list(self.actor_matcher(doc, as_spans=True))
                             + source_name_spans(doc, found.get("sources", [])))
        spans = [span for span in spans
                 if headings[sent_of(span)] or not self._is_longer_name(span)]
        subjects = self.subject_starts(doc, spans)
        for span in spans:
            mentions.append({"doc_id": doc_id, "sent_id": sent_of(span), "start": span.start_char,
                             "end": span.end_char, "actor": span.label_,
                             "as_subject": span.start in subjects})
        return {"frames": frames, "emotive": emotive, "actor_mentions": mentions,
                "actors": actor_counts(mentions)}

    @staticmethod
    def _spans(doc: Doc, matcher: PatternSet) -> dict[str, list[Span]]:
        by_label: dict[str, list[Span]] = {}
        for span in matcher.spans(doc):
            by_label.setdefault(span.label_, []).append(span)
        return by_label

    @staticmethod
    def _is_longer_name(span: Span) -> bool:
        """An alias followed by a capitalised word is part of another name ("Kim Yong-hyun",
        "Washington Post", "U.S. Defense Secretary"), not that actor. Headings are exempt: in
        title case every word is capitalised."""
        after = span.doc[span.end] if span.end < len(span.doc) else None
        return after is not None and after.text[:1].isupper() and after.is_alpha

    def subject_starts(self, doc: Doc, spans: list[Span]) -> set[int]:
        """Token starts of the mentions that are the subject of their clause.

        A mention is a subject when it opens a clause and a verb-like word follows it.
        Opens a clause: it starts the sentence, or the word before it (passing over "the") is an
        opener of actor_subject.csv (punctuation, "but", "while", "that", "as", ...), or a
        coordinator ("and", "or") right after a comma. So "of Russia", "against Ukraine" and
        "between Russia and China" are not subjects.
        A verb follows: after at most SUBJECT_WINDOW skippable words ("also", "reportedly", any
        -ly adverb) comes a word of the verb list (auxiliaries, modals, irregular forms) or a
        lower-case word with a verb suffix ("-ed", "-s"). A possessive ("Russia's war") is never
        a subject. In "Russia and North Korea have ..." both mentions are subjects."""
        ends = {span.start: span.end for span in spans}
        subjects: set[int] = set()
        for span in spans:
            if span.start in subjects or not self._opens_clause(doc, span.start):
                continue
            coordinated = [span.start]
            at, skipped = span.end, 0
            while at < len(doc):
                word = doc[at]
                if word.lower_ in self.coordinators and at + 1 in ends:
                    coordinated.append(at + 1)  # "Russia and North Korea have": both subjects
                    at = ends[at + 1]
                    continue
                if self._is_verb_like(word):
                    subjects.update(coordinated)
                    break
                if skipped < SUBJECT_WINDOW and (word.lower_ in self.skips or (
                        word.is_alpha and word.lower_.endswith(self.skip_suffixes))):
                    skipped, at = skipped + 1, at + 1
                    continue
                break
        return subjects

    def _opens_clause(self, doc: Doc, start: int) -> bool:
        before = start - 1
        if before >= 0 and doc[before].lower_ == "the":
            before -= 1
        if before < 0 or doc[before + 1].is_sent_start or doc[before].is_space:
            return True
        if doc[before].lower_ in self.coordinators:
            return before > 0 and doc[before - 1].text in (",", ";")
        return doc[before].lower_ in self.openers

    def _is_verb_like(self, word) -> bool:
        if word.lower_ in self.verbs:
            return True
        # "-s" words that are not verbs: "across", "bus", "this"
        return (word.is_lower and word.is_alpha and len(word) > 3
                and word.lower_.endswith(self.verb_suffixes)
                and not word.lower_.endswith(("ss", "us", "is")))


def _is_capitalised(token) -> bool:
    return token.text[:1].isupper()


def _in_proper_name(span: Span) -> bool:
    """A cue inside a run of two or more capitalised words mid-sentence is part of a name
    ("Human Rights Watch", "International Monetary Fund"), not a cue. The sentence's first word
    is capitalised anyway, so it does not count towards the two. Callers exempt headings, which
    are title case throughout."""
    if not all(_is_capitalised(token) for token in span):
        return False
    doc, first, last = span.doc, span.start, span.end - 1
    while first > 0 and not doc[first].is_sent_start and _is_capitalised(doc[first - 1]):
        first -= 1
    while last + 1 < len(doc) and not doc[last + 1].is_sent_start and _is_capitalised(doc[last + 1]):
        last += 1
    return last - first + 1 - int(_opens_sentence(doc, first)) >= 2


def _opens_sentence(doc: Doc, at: int) -> bool:
    """Whether only punctuation and space stand between the sentence start and token `at`."""
    while not doc[at].is_sent_start:
        at -= 1
        if not (doc[at].is_punct or doc[at].is_space):
            return False
    return True


def source_name_spans(doc: Doc, sources: list[dict]) -> list[Span]:
    """Every occurrence in the text of the name of a named source (sources.py), labelled with
    the name. A person's surname alone ("Hanif" after "Mohammad Hanif") also counts for them,
    unless two sources share it. Names whose last word is lower case ("Neither government") are
    descriptions, not names, and are skipped; so are occurrences not on token boundaries."""
    named = {(row["source_type"], str(row["name"]).strip()) for row in sources
             if row.get("source_type") in ("named_person", "named_org")
             and str(row.get("name") or "").split()
             and str(row["name"]).split()[-1][:1].isupper()}
    label_of = {name: name for _, name in named}
    surnames: dict[str, set[str]] = {}
    for source_type, name in named:
        if source_type == "named_person" and " " in name:
            surnames.setdefault(name.split()[-1], set()).add(name)
    for surname, names in surnames.items():
        if len(names) == 1 and surname not in label_of:
            label_of[surname] = names.pop()
    if not label_of:
        return []
    # One regex for all names, longest first so "Maria Okonkwo" is not cut to "Maria".
    names = "|".join(map(re.escape, sorted(label_of, key=len, reverse=True)))
    spans = []
    for match in re.finditer(rf"(?<!\w)(?:{names})(?!\w)", doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), label=label_of[match.group()])
        if span is not None:
            spans.append(span)
    return spans


def actor_counts(mentions: list[dict]) -> list[dict]:
    """Per document and actor: mentions and how many of them are clause subjects."""
    counts: dict[tuple, list[int]] = {}
    for mention in mentions:
        count = counts.setdefault((mention["doc_id"], mention["actor"]), [0, 0])
        count[0] += 1
        count[1] += int(mention["as_subject"])
    return [{"doc_id": doc_id, "actor": actor, "mentions": n, "as_subject": subject}
            for (doc_id, actor), (n, subject) in counts.items()]


def score(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per document (index doc_id), columns:

    frame_<frame> for each of FRAMES: the share of the article's body sentences (headings not
    counted) that hold at least one cue of that frame, 0..1 (rows of `frames`);
    dominant_frame: the frame with the highest share ("none" when no sentence has a cue; ties go
    to the first in FRAMES);
    emotive_per_100_words: emotive terms (rows of `emotive`) per 100 words of the cleaned text."""
    documents = tables["documents"].set_index("doc_id")
    sentences = tables["sentences"]
    body = sentences[~sentences.is_heading.astype(bool)]
    n_body = body.groupby("doc_id").size().reindex(documents.index, fill_value=0)
    cue_sentences = (tables["frames"].merge(body[["doc_id", "sent_id"]], on=["doc_id", "sent_id"])
                     .drop_duplicates(["doc_id", "sent_id", "frame"]))
    counts = (cue_sentences.groupby(["doc_id", "frame"]).size().unstack("frame")
              .reindex(index=documents.index, columns=FRAMES).fillna(0))
    shares = counts.div(n_body.where(n_body > 0), axis=0).fillna(0.0)
    scores = shares.add_prefix("share_frame_")
    scores["dominant_frame"] = np.where(shares.max(axis=1) > 0, shares.idxmax(axis=1), "none")
    n_emotive = tables["emotive"].groupby("doc_id").size().reindex(documents.index, fill_value=0)
    words = documents.n_words.astype(float)
    scores["emotive_per_100_words"] = (100 * n_emotive / words.where(words > 0)).fillna(0.0)
    scores.index.name = "doc_id"
    return scores[SCORE_COLUMNS]
