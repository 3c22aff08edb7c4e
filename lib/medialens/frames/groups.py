"""Actors named by a common noun: a state's institutions, a place's public bodies, collective parties.

Three rules, each a category of data/frames/actor_words.csv:
- `state_noun` after a country, capital or demonym: the mention grows to hold the noun and stays
  that country ("Egyptian authorities said" is Egypt acting, not a setting);
- `body_noun` after a place or country: the place and the noun are one organisation ("Hong Kong
  police fired", "Maui firefighters"); the noun alone ("police said") is the one organisation of
  the document whose name holds it ("Maui Police Department"), else, with none, the police of the
  place the document names most often ("Hong Kong police"), else an actor of its own;
- `group_actor` words ("protesters", "strikers"), singular or plural, are actors of kind group
  under their plural.
"""
from __future__ import annotations

from itertools import compress, count

from .actors import Mention

PLACE_KINDS = ("country", "place")
BODY_KINDS = ("country", "place", "organisation")  # "Maui police": a one-word place is often read as an organisation


def extend_institutions(ctx, found: list[Mention], words) -> list[Mention]:
    """Grow a country's or place's mention over a state or body noun right after it."""
    lowers = ctx.lowers
    for m in found:
        if m.kind not in BODY_KINDS or m.end >= len(lowers):
            continue
        noun = lowers[m.end]
        if noun in words["state_noun"] and m.kind == "country":
            m.end += 1
        elif noun in words["body_noun"] and not any(t in words["body_noun"] for t in lowers[m.start:m.end]):
            m.actor, m.kind, m.end = f"{ctx.doc[m.start:m.end].text} {noun}", "organisation", m.end + 1
    return found


def common_noun_mentions(ctx, found: list[Mention], words) -> list[Mention]:
    """Mentions for body nouns and group words that no name mention covers."""
    taken = {i for m in found for i in range(m.start, m.end)}
    bodies = {noun: [m.actor for m in found if m.kind == "organisation" and noun in m.actor.lower().split()]
              for noun in words["body_noun"]}
    home = home_place(found)
    # The words either rule takes (a group word may stand singular): every other token is passed
    # over by one set lookup.
    wanted = words["body_noun"] | words["group_actor"] | {g[:-1] for g in words["group_actor"] if g.endswith("s")}
    added = []
    lowers, texts = ctx.lowers, ctx.words
    # compress and map pick the wanted tokens in C: a step of Python per token was most of this rule.
    for i in compress(count(), map(wanted.__contains__, lowers)):
        word = lowers[i]
        if not texts[i].isalpha() or i in taken:
            continue
        plural = word if word in words["group_actor"] else word + "s"
        if word in words["body_noun"]:
            named = set(bodies[word])
            actor = named.pop() if len(named) == 1 else f"{home} {word}" if home and not named else word
            kind = "organisation"
        elif plural in words["group_actor"]:
            actor, kind = plural, "group"
        else:
            continue
        added.append(Mention(i, i + 1, ctx.sentence_of_token(i), actor, kind))
    return added


def home_place(found: list[Mention]) -> str:
    """The country (or territory) the document names most often ("" on a tie or none): a story's
    "police" with no other name are that place's police."""
    counts: dict[str, int] = {}
    for m in found:
        if m.kind == "country":
            counts[m.actor] = counts.get(m.actor, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0] == ranked[1]:
        return ""
    return max(counts, key=counts.get)
