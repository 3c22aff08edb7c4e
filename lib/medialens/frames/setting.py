"""What an actor mention does in its sentence: it acts, it is the story's setting, or it is only named.

A story's actors are ranked by what they do, not by how often they are named, so each mention
gets one role by three rules a reader can check, applied in this order:

- **acting**: the mention speaks (it stands inside a source phrase of sources.csv) or is the
  subject of its clause (subject.py), "Gov. Josh Green said", "Police fired tear gas", "Cairo
  confirmed". A place name right before a word that is not a verb modifies that word ("the
  Maui wildfires", "Lahaina residents", "Maui mayor Richard Bissen said"): it is part of a
  description, neither the subject nor the speaker, whatever its suffix says.
- **setting**: a place that is only where things happen: after a preposition of place ("in",
  "at", "near", "across": the `locative` words of actor_words.csv), or a name the document writes
  after one of them elsewhere ("in Lahaina" makes every later "Lahaina" that does not act a
  setting), or a country or place modifying another word ("Hawaii officials").
- **named**: everything else (an object, a possessive, a name in passing).

actors.csv counts acting mentions in `mentions` (what the corpus ranking sums), setting mentions
in `setting` and all mentions in `named`, so a town the story happens in stays visible without
outranking the governor who acts there.
"""
from __future__ import annotations

ROLES = ("acting", "setting", "named")
PLACE_KINDS = ("place", "country")


def modifies_next(doc, end: int, verb_like) -> bool:
    """The mention qualifies the word after it: a lower-case word that is not a verb form of the
    verb list or an -ed form ("Maui wildfires", "Hawaii officials"), or another name."""
    if end >= len(doc):
        return False
    after = doc[end]
    if not after.is_alpha or after.is_stop:
        return False  # "Japan and China met", "Lahaina was": a function word starts no description
    if after.is_lower:
        return not (after.lower_.endswith("ed") or verb_like(after) and not after.lower_.endswith("s"))
    return after.text[:1].isupper()


def after_locative(lowers: list[str], start: int, locative: frozenset[str]) -> bool:
    """A preposition of place stands before the mention, passing over "the": "in Lahaina",
    "across the West Bank" (`lowers`: the document's tokens in lower case)."""
    before = start - 1
    if before >= 0 and lowers[before] == "the":
        before -= 1
    return before >= 0 and lowers[before] in locative


def place_names(ctx, mentions, locative: frozenset[str]) -> set[str]:
    """Actors the document treats as places: of a place or country kind, or written after a
    preposition of place and not as a possessive ("at Ford's plant" is not a place)."""
    places = set()
    words = ctx.words
    for m in mentions:
        possessive = m.end < len(words) and words[m.end] in ("'s", "’s")
        if m.kind in PLACE_KINDS or after_locative(ctx.lowers, m.start, locative) and not possessive:
            places.add(m.actor)
    return places


def mention_roles(ctx, mentions, subjects: set[int], sources: list[bool], words, verb_like) -> list[str]:
    """One role of ROLES per mention (see the module docstring); `sources[k]` tells whether
    mention k stands in a source phrase, `subjects` holds the token starts of clause subjects."""
    doc = ctx.doc
    places = place_names(ctx, mentions, words["locative"])
    roles = []
    for m, speaks in zip(mentions, sources):
        place = m.actor in places
        modifier = place and modifies_next(doc, m.end, verb_like)
        if (speaks or m.start in subjects) and not modifier:
            roles.append("acting")
        elif place or m.kind in PLACE_KINDS and modifier:
            roles.append("setting")
        else:
            roles.append("named")
    return roles
