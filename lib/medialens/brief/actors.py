"""The brief's sentences about actors: who acts, who speaks, who is only named, and where the story
happens, in the order notebook 03 prints them (and notebook 04 can):

1. acts: the actors that act most (speak or are a clause's subject), ranked by the articles where
   they act, then their acting mentions (frames.actor_prominence);
2. speaks: which of them speak (are the source of a statement) and which act without speaking;
3. named: actors the articles only name, never acting (the spoken about);
4. setting: the places the story happens in, in one line (frames.story_setting), kept out of
   the actors;
5. first: the actor each article puts first.

Every number is written by prose.number. `actor_statements` returns one row per sentence with its
evidence (doc_ids and the actors' counts).
"""
from __future__ import annotations

import pandas as pd

from ..frames import actor_prominence, first_actors, story_setting
from ..frames.prominence import merge_acronyms, merge_spellings
from ..prose import names, number

COLUMNS = ["order", "section", "statement", "doc_ids", "evidence"]


def _count(n: int, noun: str) -> str:
    """'1 article', '3 articles'."""
    return f"{number(n)} {noun}" + ("" if n == 1 else "s")


def _row(section: str, statement: str, doc_ids="", evidence="") -> dict:
    return {"section": section, "statement": statement, "doc_ids": doc_ids, "evidence": evidence}


def acting_rows(ranking: pd.DataFrame, top: int) -> list[dict]:
    """Who acts most, and which of those speak."""
    if ranking.empty:
        return [_row("acts", "No actor acts (speaks or is a clause's subject) in these articles.")]
    shown = ranking.head(top)
    rows = [_row("acts", "Who acts: " + names(
        f"{r.actor} ({r.kind}, {_count(r.mentions, 'acting mention')} in {_count(r.articles, 'article')})"
        for r in shown.itertuples()) + ".", evidence="; ".join(f"{r.actor}={r.mentions}" for r in shown.itertuples()))]
    speak = ranking[ranking.speaks == "speaks"].head(top)
    silent = ranking[ranking.speaks != "speaks"].head(top)
    rows.append(_row("speaks", "Who speaks: " + (names(
        f"{r.actor} ({_count(r.as_source, 'statement')})" for r in speak.itertuples()) or "nobody")
        + "; acts without speaking: " + (names(silent.actor) or "nobody") + ".",
        evidence="; ".join(f"{r.actor}={r.as_source}" for r in speak.itertuples())))
    return rows


def named_rows(tables: dict[str, pd.DataFrame], top: int) -> list[dict]:
    """Actors that are named but never act nor are the setting: the spoken about. Names are
    merged as the ranking merges them ("UAW" is "United Auto Workers"), so an actor that acts
    under one spelling is never listed as only named under another."""
    mentions = tables["actor_mentions"]
    if mentions.empty:
        return []
    mentions = merge_spellings(merge_acronyms(mentions))
    role = mentions.role if "role" in mentions else pd.Series("acting", index=mentions.index)
    totals = pd.DataFrame({"mentions": role.eq("acting"), "setting": role.eq("setting"), "named": 1}) \
        .groupby(mentions.actor).sum()
    only = totals[(totals.mentions == 0) & (totals.setting == 0)].sort_values("named", ascending=False, kind="stable")
    return [_row("named", "Only named, never acting: " + (names(
        f"{actor} ({_count(n, 'mention')})" for actor, n in only.named.head(top).items()) or "none") + ".",
        evidence="; ".join(f"{a}={n}" for a, n in only.named.head(top).items()))]


def setting_rows(tables: dict[str, pd.DataFrame], top: int) -> list[dict]:
    """Where the story happens, in one line."""
    setting = story_setting(tables).head(top)
    if setting.empty:
        return [_row("setting", "The setting: no place is named as where things happen.")]
    return [_row("setting", "The setting: " + names(
        f"{r.actor} ({_count(r.articles, 'article')})" for r in setting.itertuples()) + ".",
        evidence="; ".join(f"{r.actor}={r.setting}" for r in setting.itertuples()))]


def actor_statements(tables: dict[str, pd.DataFrame], top: int = 5) -> pd.DataFrame:
    """The brief's sentences about actors (see the module docstring), one row each: order,
    section (acts, speaks, named, setting, first), statement, doc_ids and evidence; `top` actors or
    places are named in each sentence."""
    ranking = actor_prominence(tables)
    rows = acting_rows(ranking, top) + named_rows(tables, top) + setting_rows(tables, top)
    first = first_actors(tables)
    if len(first):
        rows.append(_row("first", "Each article puts first: " + "; ".join(
            f"{r.doc_id}: {r.actor}" for r in first.itertuples()) + ".", "; ".join(first.doc_id)))
    table = pd.DataFrame(rows, columns=COLUMNS[1:])
    return table.assign(order=range(len(table)))[COLUMNS]
