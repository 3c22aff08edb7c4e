"""Actors found in the text itself: who each proper-name chunk names, and which mentions are one actor.

No story list is needed. Each chunk of names.py is read by general rules and general data:
- a country's name, alias or demonym ("France", "U.S.", "French") is that country as a state;
  its capital is the state too ("Pyongyang said") except after a preposition of place, where it is
  the city ("in Paris"); a plural demonym ("Kenyans") is a group (data/world/countries.csv);
- a name holding an organisation word ("Ministry", "Institute", "Bank") is an organisation, and
  a state organisation named with a country ("Russian Defence Ministry") is that country;
- an acronym is an organisation when it acts or is "the EU", not when it qualifies a noun
  ("MMR vaccine"); one in brackets after a name ("(CDC)") or made of a name's initials is that name;
- a name after a title, after a role or family noun ("farmer Mizanur Rahman", "her son Mason"),
  before an age (", 34,") or given by sources.py as a named person is a person; a surname alone,
  or title plus surname, after the full name is that person;
- after a preposition of place a name is a place; other names of two or more words are people;
- "the government" / "the regime" is the one country of this and the two sentences before, and
  "the department" the last organisation whose name holds "Department".
With `spacy_model`, a trained pipeline's PERSON / ORG / GPE / LOC entities settle the kind of a
chunk they cover. A user alias table (data/frames/actors.csv, empty by default; see
docs/examples/) names actors first: its aliases win over every rule.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..context import DocContext
from .names import Chunk
from .world import Place

KINDS = ["person", "organisation", "country", "place", "group"]


@dataclass
class Mention:
    start: int  # token
    end: int
    sent_id: int
    actor: str
    kind: str
    heading: bool = False
    initial: bool = False


class Resolver:
    """Turns one document's chunks into mentions (per document: no state is kept between calls)."""

    def __init__(self, words: dict[str, frozenset[str]], world: dict[str, Place], verb_like):
        self.words, self.world, self.verb_like = words, world, verb_like

    def mentions(self, ctx: DocContext, chunks: list[Chunk], named: dict[str, str],
                 entities: dict[tuple[int, int], str]) -> list[Mention]:
        doc, texts, starts = ctx.doc, ctx.words, ctx.token_starts
        found = []
        for chunk in chunks:
            last = chunk.end - 1
            text = ctx.text[starts[chunk.start]:starts[last] + len(texts[last])]
            actor, kind = self.classify(ctx, chunk, text, texts[chunk.start:chunk.end], named,
                                        entities.get((chunk.start, chunk.end)))
            if kind:
                found.append(Mention(chunk.start, chunk.end, chunk.sent_id, actor, kind,
                                     chunk.heading, chunk.initial))
        found = self._merge_people(found)
        found = self._merge_acronyms(doc, found)
        found = self._drop_unknown(found)
        return sorted(found + self.anaphora(ctx, found), key=lambda m: m.start)

    def classify(self, ctx: DocContext, chunk: Chunk, text: str, tokens: list[str], named: dict[str, str],
                 entity: str | None) -> tuple[str, str]:
        """(actor, kind) of one chunk of words `tokens`; kind "" when it names no actor."""
        words, before = self.words, ctx.lowers[chunk.start - 1] if chunk.start > 0 else ""
        doc = ctx.doc
        if chunk.descriptor:  # "U.S. Defense" before "Secretary Lloyd Austin": only a country counts
            place = self._country_in(tokens)
            return (place, "country") if place else ("", "")
        place = self.world.get(text)
        if place is not None:
            if place.role == "people":
                return text, "group"
            if place.role == "capital" and before in words["locative"]:
                return text, "place"
            return place.country, "country"
        if named.get(text) == "named_person" or entity == "person":
            return text, "person"
        if not words["org_word"].isdisjoint(tokens) or named.get(text) == "named_org" \
                or entity == "organisation":
            country = self._state_of(tokens)
            return (country, "country") if country else (_strip_the(text), "organisation")
        if entity in ("place", "country"):
            return text, entity
        if _is_acronym(text):
            return (text, "organisation") if self._acts(doc, chunk) else ("", "")
        if chunk.titled or _age_after(ctx, chunk.end) or self._role_before(ctx, chunk.start):
            return text, "person"
        if before in words["locative"]:
            return text, "place"
        if chunk.end - chunk.start > 1:
            return text, "person"
        if _adjective_like(text) and not self._acts(doc, chunk):
            return "", ""  # "European buyers": a qualifier, not an actor
        return text, "?"  # a single unknown word: settled by _merge_people / _drop_unknown

    def _state_of(self, tokens: list[str]) -> str:
        if not any(t in self.words["state_word"] for t in tokens):
            return ""
        return self._country_in(tokens)

    def _country_in(self, tokens: list[str]) -> str:
        for size in (3, 2, 1):
            for i in range(len(tokens) - size + 1):
                place = self.world.get(" ".join(tokens[i:i + size]))
                if place is not None and place.role == "country":
                    return place.country
        return ""

    def _acts(self, doc, chunk: Chunk) -> bool:
        """A name that acts or owns ("BYD plans", "the EU's") or stands before punctuation; not
        one that qualifies a noun ("the MMR vaccine")."""
        after = doc[chunk.end] if chunk.end < len(doc) else None
        if after is None or not after.is_alpha or after.text in ("'s", "’s") or self.verb_like(after):
            return True
        return not after.is_lower

    def _role_before(self, ctx: DocContext, start: int) -> bool:
        at = start - 1
        if at >= 0 and ctx.words[at] == ",":
            at -= 1
        return at >= 0 and ctx.lowers[at] in self.words["person_noun"]

    @staticmethod
    def _merge_people(found: list[Mention]) -> list[Mention]:
        """A surname or one-word name after a full name is that person (unless two share it);
        the full name with the most words is the actor's name."""
        full: dict[str, set[str]] = {}
        for m in found:
            if m.kind == "person" and " " in m.actor:
                full.setdefault(m.actor.split()[-1], set()).add(m.actor)
        canonical = {}
        for surname, names in full.items():
            longest = max(names, key=lambda n: (len(n.split()), n))
            if all(longest.endswith(n) or n in longest for n in names):
                canonical.update({n: longest for n in names} | {surname: longest})
        singles = {m.actor for m in found if m.kind == "person" and " " not in m.actor}
        for m in found:
            if m.actor in canonical and m.kind in ("person", "?", "organisation", "place"):
                m.actor, m.kind = canonical[m.actor], "person"
            elif m.kind == "?" and m.actor in singles:
                m.kind = "person"
        return found

    @staticmethod
    def _merge_acronyms(doc, found: list[Mention]) -> list[Mention]:
        orgs = [m.actor for m in found if m.kind == "organisation" and " " in m.actor]
        alias = {"".join(w[0] for w in name.split() if w[:1].isupper()): name for name in orgs}
        for m in found:  # "Centers for Disease Control and Prevention (CDC)"
            if m.kind == "organisation" and " " in m.actor and m.end + 2 < len(doc) \
                    and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
                alias[doc[m.end + 1].text] = m.actor
        for m in found:
            key = m.actor.replace(".", "")
            if m.actor.isupper() and key in alias:
                m.actor, m.kind = alias[key], "organisation"
        return found

    @staticmethod
    def _drop_unknown(found: list[Mention]) -> list[Mention]:
        """A single unknown word is an organisation ("Reuters", "Tesla") when it is written
        capitalised mid-sentence somewhere; a sentence's first word alone is not enough. In a
        heading only actors the body names count (title case capitalises every word)."""
        body = {m.actor for m in found if not m.heading and not (m.kind == "?" and m.initial)}
        kept = []
        for m in found:
            if m.kind == "?":
                if m.actor not in body:
                    continue
                m.kind = "organisation"
            if m.heading and m.kind != "country" and m.actor not in body:
                continue
            kept.append(m)
        return kept

    def anaphora(self, ctx: DocContext, found: list[Mention]) -> list[Mention]:
        """Mentions for "the government" (the one country of this and the two sentences before)
        and "the department" (the last organisation whose name holds the word)."""
        words, texts, lowers = self.words, ctx.words, ctx.lowers
        added = []
        nouns = words["anaphor_state"] | words["anaphor_org"]  # the noun as written, after "the" in any case
        found = sorted(found, key=lambda m: m.start)
        starts = [m.start for m in found]
        # From the token table: numpy's isin over the Doc's arrays was a fifth of Resolver.mentions.
        for i in range(1, len(texts)):
            noun = texts[i]
            if noun not in nouns or lowers[i - 1] != "the":
                continue
            k = ctx.sentence_of_token(i)
            before = found[:bisect.bisect_left(starts, i)]
            if noun in words["anaphor_state"]:
                near = {m.actor for m in before if m.kind == "country" and m.sent_id >= k - 2}
                actor, kind = (near.pop(), "country") if len(near) == 1 else ("", "")
            else:
                named = [m.actor for m in before if m.kind == "organisation"
                         and noun in m.actor.lower().split()]
                actor, kind = (named[-1], "organisation") if named else ("", "")
            if actor:
                added.append(Mention(i, i + 1, k, actor, kind))
        return added


def _strip_the(text: str) -> str:
    return text[4:] if text.startswith("The ") else text


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _age_after(ctx: DocContext, end: int) -> bool:
    """", 34," after a name: a person's age, as news gives it."""
    words = ctx.words
    return end + 2 < len(words) and words[end] == "," and words[end + 1].isdigit() \
        and ctx.doc[end + 1].like_num and int(words[end + 1]) < 120


def _adjective_like(text: str) -> bool:
    return text.endswith(("an", "ean", "ese", "ish", "ic", "ian"))
