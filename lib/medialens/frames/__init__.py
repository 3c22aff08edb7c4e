"""Narrative framing: which generic news frames, emotive words and actors carry each article.

Frames are the five generic news frames of Semetko & Valkenburg (2000): conflict, human
interest, economic consequences, morality and attribution of responsibility, one JSONL file of
spaCy token patterns per frame in data/frames/ (each pattern's id names the coding question it
answers). A sentence "carries" a frame when it holds at least one cue of it that is not negated.

Emotive language is VADER's valence lexicon (Hutto & Gilbert 2014, MIT) above a threshold, plus
the news-specific loaded words of emotive_news.jsonl, plus the user's emotive_extra (empty by
default): see data/frames/README.md. The rules that void a cue are in cues.py.

Actors are found in the text itself (names.py finds proper-name chunks, actors.py says who they
name and merges mentions of one actor, world.py reads the countries list); subject.py decides
whether a mention is its clause's subject; prominence.py ranks actors across a corpus.
Speculation is scored by hedges.py and sourcing by sources.py.
"""
from __future__ import annotations

import pandas as pd

from ..context import DocContext
from ..dates import calendar_words
from ..lexicons import read_patterns, read_table, word_classes
from ..patterns import Found, PatternSet
from ..sentences import pipeline
from ..shares import per_100_words, share
from . import names
from .actors import Mention, Resolver
from .cues import CueRules, in_proper_name
from .prominence import actor_counts, actor_prominence, first_actors, story_setting
from .groups import common_noun_mentions, extend_institutions
from .setting import mention_roles
from .subject import SubjectRule
from .voices import private_voices
from .world import world_names

FRAMES = ["conflict", "human_interest", "economic", "morality", "responsibility"]
EMOTIVE_LEXICONS = ["emotive", "emotive_news", "emotive_extra"]
READS = ["sentences", "sources"]  # tables of earlier taggers this one needs
COLUMNS = {
    "frames": ["doc_id", "sent_id", "start", "end", "surface", "cue", "frame", "question", "negated"],
    "emotive": ["doc_id", "sent_id", "start", "end", "surface", "cue", "negated"],
    "actor_mentions": ["doc_id", "sent_id", "start", "end", "surface", "actor", "kind",
                       "as_subject", "is_source", "role"],
    "actors": ["doc_id", "actor", "kind", "mentions", "as_subject", "as_source", "setting", "named"],
}
SCORE_COLUMNS = [f"share_frame_{frame}" for frame in FRAMES] + ["dominant_frame", "emotive_per_100_words"]
ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "country",
                "LOC": "place", "FAC": "place"}

__all__ = ["Tagger", "score", "actor_prominence", "first_actors", "story_setting", "actor_counts", "in_proper_name",
           "question_summary", "cue_words", "FRAMES", "COLUMNS", "READS", "SCORE_COLUMNS"]


class Tagger:
    """Tags frame cues, emotive terms and actor mentions in a Doc made by sentences.pipeline()."""

    def __init__(self, lexicons: dict[str, str] | None = None, spacy_model: str | None = None):
        from spacy.matcher import PhraseMatcher

        nlp = pipeline()
        self.frame_matcher = PatternSet(FRAMES, lexicons, label_by_file=True)
        self.emotive_matcher = PatternSet(EMOTIVE_LEXICONS, lexicons)
        self.cue_rules = CueRules(lexicons)
        self.subject = SubjectRule(lexicons)
        self.titles = word_classes("source_words", lexicons).get("title", frozenset())
        # Case matters for names ("Minister" is a title, "minister" a role noun): not word_classes.
        self.words = {category: frozenset(group.word) for category, group
                      in read_table("actor_words", lexicons).groupby("category")}
        self.words["calendar"] = frozenset(w.capitalize() for group in calendar_words().values() for w in group)
        self.resolver = Resolver(self.words, world_names(lexicons), self.subject.is_verb_like)
        aliases = read_table("actors", lexicons)
        self.kind_of = dict(zip(aliases.actor, aliases.kind))
        self.alias_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for actor, group in aliases.groupby("actor", sort=False).alias:
            self.alias_matcher.add(actor, list(nlp.tokenizer.pipe(group)))
        self.ner = None
        if spacy_model:
            import spacy

            self.ner = spacy.load(spacy_model, exclude=["lemmatizer"])

    def tag(self, ctx: DocContext) -> dict[str, list[dict]]:
        by_frame: dict[str, list[Found]] = {}
        for span in self.frame_matcher.found(ctx):
            by_frame.setdefault(span.label_.partition("/")[0], []).append(span)
        # Overlapping cues of one frame ("hold accountable", "accountable") count once; one word
        # may be a cue of two frames ("blame": reproach and responsibility).
        frames = [row for spans in by_frame.values()
                  for row in self.cue_rules.rows(ctx, spans, "frame")]
        frames = private_voices(ctx, frames, self.titles)
        frames.sort(key=lambda row: (row["start"], row["frame"]))
        emotive = self.cue_rules.rows(ctx, self.emotive_matcher.found(ctx), None)
        mentions = self.actor_mentions(ctx)
        return {"frames": frames, "emotive": emotive, "actor_mentions": mentions,
                "actors": actor_counts(mentions)}

    def actor_mentions(self, ctx: DocContext) -> list[dict]:
        from spacy.util import filter_spans

        doc = ctx.doc
        users = [Mention(s.start, s.end, ctx.sentence_of_token(s.start), s.label_,
                         self.kind_of.get(s.label_, "organisation"))
                 for s in filter_spans(self.alias_matcher(doc, as_spans=True))]
        taken = {i for m in users for i in range(m.start, m.end)}
        chunks = [c for c in names.chunks(ctx, self.words)
                  if not taken.intersection(range(c.start, c.end))]
        named = {str(r.get("name", "")).strip(): r["source_type"] for r in ctx.found.get("sources", [])
                 if r.get("source_type") in ("named_person", "named_org")}
        found = extend_institutions(ctx, users + self.resolver.mentions(ctx, chunks, named, self._entities(ctx)),
                                    self.words)
        found = sorted(found + common_noun_mentions(ctx, found, self.words), key=lambda m: m.start)
        subjects = self.subject.subject_starts(ctx, found)
        chars = [(int(ctx.token_starts[m.start]), ctx.token_ends[m.end - 1]) for m in found]
        # Only the sources of the mention's own sentence can hold it: looked up, not rescanned.
        speaks = [any(r["start"] <= start and end <= r["end"]
                      for r in ctx.rows_in_sentence("sources", m.sent_id) if "start" in r)
                  for m, (start, end) in zip(found, chars)]
        roles = mention_roles(ctx, found, subjects, speaks, self.words, self.subject.is_verb_like)
        return [{"doc_id": ctx.doc_id, "sent_id": m.sent_id, "start": start, "end": end,
                 "surface": ctx.text[start:end], "actor": m.actor, "kind": m.kind,
                 "as_subject": m.start in subjects, "is_source": source, "role": role}
                for m, (start, end), source, role in zip(found, chars, speaks, roles)]

    def _entities(self, ctx: DocContext) -> dict[tuple[int, int], str]:
        """{(start token, end token): kind} of a trained pipeline's entities, when one is named."""
        if self.ner is None:
            return {}
        found = {}
        for ent in self.ner(ctx.text).ents:
            span = ctx.doc.char_span(ent.start_char, ent.end_char)
            if span is not None and ent.label_ in ENTITY_KINDS:
                found[(span.start, span.end)] = ENTITY_KINDS[ent.label_]
        return found


def score(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per document (index doc_id), columns:

    share_frame_<frame> for each of FRAMES: the share of the article's body sentences (headings
    not counted) that hold at least one cue of that frame that is not negated, 0..1, NaN for
    a text with no body sentence (a headline only);
    dominant_frame: the frame with the highest share, frames that tie named together in FRAMES
    order ("conflict and economic"; "none" when no sentence has a cue);
    emotive_per_100_words: emotive terms that are not negated per 100 words of the cleaned text."""
    documents = tables["documents"].set_index("doc_id")
    sentences = tables["sentences"]
    body = sentences[~sentences.is_heading.astype(bool)]
    n_body = body.groupby("doc_id").size().reindex(documents.index, fill_value=0)
    cues = tables["frames"][~tables["frames"].negated.astype(bool)]
    cue_sentences = (cues.merge(body[["doc_id", "sent_id"]], on=["doc_id", "sent_id"])
                     .drop_duplicates(["doc_id", "sent_id", "frame"]))
    counts = (cue_sentences.groupby(["doc_id", "frame"]).size().unstack("frame")
              .reindex(index=documents.index, columns=FRAMES).fillna(0))
    shares = share(counts, n_body)
    scores = shares.add_prefix("share_frame_")
    top = shares.eq(shares.max(axis=1), axis=0) & shares.gt(0)
    scores["dominant_frame"] = [" and ".join(f for f in FRAMES if row[f]) or "none" for row in top.to_dict("records")]
    emotive = tables["emotive"][~tables["emotive"].negated.astype(bool)]
    n_emotive = emotive.groupby("doc_id").size().reindex(documents.index, fill_value=0)
    words = documents.n_words.astype(float)
    scores["emotive_per_100_words"] = per_100_words(n_emotive, words)
    scores.index.name = "doc_id"
    return scores[SCORE_COLUMNS]


def question_summary(lexicons: dict[str, str] | None = None) -> pd.DataFrame:
    """The frame cue files at a glance. Index (frame, question: the coding question a pattern's
    id names); columns patterns (how many) and examples (the first word of the first four)."""
    rows = [{"frame": frame, "question": row.get("id", ""), "example": _first_word(row["pattern"])}
            for frame in FRAMES for row in read_patterns(frame, lexicons)]
    return (pd.DataFrame(rows).groupby(["frame", "question"], sort=False)
            .agg(patterns=("example", "size"), examples=("example", lambda s: ", ".join(s.head(4)))))


def _first_word(pattern: list[dict]) -> str:
    words = [token.get("LOWER", token.get("ORTH", "")) for token in pattern]
    return " ".join(w["IN"][0] if isinstance(w, dict) and "IN" in w else str(w) for w in words)


def cue_words(cues: pd.DataFrame, top: int = 6) -> pd.DataFrame:
    """The words behind each frame share: per article (index doc_id) and frame (columns, FRAMES
    order), its most frequent `top` cues, each with its count when above one ("protest (3)")."""
    if cues.empty:
        return pd.DataFrame(columns=FRAMES)
    return (cues.groupby(["doc_id", "frame"]).cue
            .agg(lambda s: ", ".join(f"{c} ({n})" if n > 1 else c for c, n in s.value_counts().head(top).items()))
            .unstack("frame").reindex(columns=FRAMES).fillna(""))
