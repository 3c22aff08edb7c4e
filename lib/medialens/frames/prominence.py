"""Actors across a corpus: per-article counts, the corpus ranking, and who each article puts first.

The notebooks and tests share these functions, so "the most prominent actor" has one answer.
"""
from __future__ import annotations

import pandas as pd

PROMINENCE_COLUMNS = ["actor", "kind", "articles", "mentions", "as_subject", "as_source",
                      "first_in", "speaks"]
SETTING_COLUMNS = ["actor", "kind", "articles", "setting", "acting"]


def actor_counts(mentions: list[dict]) -> list[dict]:
    """Per document and actor (the rows of actors.csv): kind; mentions, the mentions where it
    acts (speaks or is a clause's subject: setting.py), which is what rankings of actors sum;
    as_subject and as_source, how many mentions are clause subjects and sources; setting, the
    mentions where it is only the place things happen; named, all its mentions."""
    counts: dict[tuple, list] = {}
    for m in mentions:
        count = counts.setdefault((m["doc_id"], m["actor"]), [m["kind"], 0, 0, 0, 0, 0])
        count[1] += m["role"] == "acting"
        count[2] += int(m["as_subject"])
        count[3] += int(m["is_source"])
        count[4] += m["role"] == "setting"
        count[5] += 1
    return [{"doc_id": doc_id, "actor": actor, "kind": kind, "mentions": n, "as_subject": subject,
             "as_source": source, "setting": setting, "named": named}
            for (doc_id, actor), (kind, n, subject, source, setting, named) in counts.items()]


def merge_acronyms(actors: pd.DataFrame) -> pd.DataFrame:
    """An organisation or country written as an acronym in one article ("EU") and in full in
    another ("European Union") is one actor: the acronym is renamed to the full name when the
    capitals of exactly one multi-word actor of the corpus spell it."""
    names = actors.actor.drop_duplicates()
    full = names[names.str.contains(" ")]
    spelled: dict[str, set[str]] = {}
    for name in full:
        spelled.setdefault("".join(w[0] for w in name.split() if w[:1].isupper()), set()).add(name)
    rename = {a: spelled[a.replace(".", "")].copy().pop() for a in names
              if a.replace(".", "").isupper() and len(spelled.get(a.replace(".", ""), ())) == 1}
    return actors.assign(actor=actors.actor.replace(rename))


def merge_spellings(actors: pd.DataFrame) -> pd.DataFrame:
    """Names that differ only in hyphens, spaces or case ("Kim Jong Un", "Kim Jong-un") are one
    actor, under the spelling most rows use."""
    key = actors.actor.str.lower().str.replace(r"[\s\-‐.]", "", regex=True)
    counts = pd.DataFrame({"key": key, "actor": actors.actor}).value_counts().rename("n").reset_index()
    best = counts.sort_values(["key", "n", "actor"], ascending=[True, False, True]).drop_duplicates("key")
    return actors.assign(actor=key.map(best.set_index("key").actor))


def _merged(mentions: pd.DataFrame) -> pd.DataFrame:
    return merge_spellings(merge_acronyms(mentions))


def _acting(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions where an actor acts (setting.py); tables written before roles existed count whole."""
    return mentions[mentions.role.eq("acting")] if "role" in mentions else mentions


def first_actors(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per article, the actor it puts first: most acting mentions in that article, then the
    earliest mentioned. Columns: doc_id, actor, kind, mentions."""
    mentions = tables["actor_mentions"]
    if mentions.empty:
        return pd.DataFrame(columns=["doc_id", "actor", "kind", "mentions"])
    mentions = _acting(_merged(mentions))
    per = (mentions.groupby(["doc_id", "actor"])
           .agg(kind=("kind", "first"), mentions=("start", "size"), first=("start", "min"))
           .reset_index().sort_values(["doc_id", "mentions", "first"], ascending=[True, False, True]))
    return per.drop_duplicates("doc_id")[["doc_id", "actor", "kind", "mentions"]].reset_index(drop=True)


def actor_prominence(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Actors of the corpus that act (speak or are a clause's subject, setting.py), ranked by the
    number of articles where they act, then their acting mentions, then name. Columns: actor, kind
    (the kind most of its mentions have), articles, mentions (acting mentions), as_subject,
    as_source (mentions that are a clause's subject / a source of a statement), first_in (articles
    that put it first, see first_actors), speaks ("speaks" when at least one mention is a source,
    else "acts"). Places that are only the setting are in story_setting."""
    mentions = tables["actor_mentions"]
    if mentions.empty:
        return pd.DataFrame(columns=PROMINENCE_COLUMNS)
    mentions = _merged(mentions)
    if _acting(mentions).empty:
        return pd.DataFrame(columns=PROMINENCE_COLUMNS)
    kind = (mentions.groupby(["actor", "kind"]).size().reset_index(name="n")
            .sort_values(["actor", "n", "kind"], ascending=[True, False, True])
            .drop_duplicates("actor").set_index("actor").kind)
    ranked = _acting(mentions).groupby("actor").agg(
        articles=("doc_id", "nunique"), mentions=("start", "size"),
        as_subject=("as_subject", "sum"), as_source=("is_source", "sum"))
    first = first_actors(tables).actor.value_counts()
    ranked = ranked.assign(kind=kind, first_in=first.reindex(ranked.index, fill_value=0))
    ranked["speaks"] = ranked.as_source.gt(0).map({True: "speaks", False: "acts"})
    ranked = ranked.reset_index().sort_values(["articles", "mentions", "actor"],
                                              ascending=[False, False, True])
    return ranked[PROMINENCE_COLUMNS].astype(
        {c: int for c in ["articles", "mentions", "as_subject", "as_source", "first_in"]}
    ).reset_index(drop=True)


def story_setting(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The places the corpus's stories happen in: names mentioned as a setting (setting.py),
    ranked by the articles and mentions where they are one. Columns: actor, kind, articles,
    setting (mentions as the setting), acting (mentions where the same name acts: "Cairo said")."""
    mentions = tables["actor_mentions"]
    if mentions.empty or "role" not in mentions:
        return pd.DataFrame(columns=SETTING_COLUMNS)
    mentions = _merged(mentions)
    setting = mentions[mentions.role.eq("setting")]
    table = setting.groupby("actor").agg(kind=("kind", "first"), articles=("doc_id", "nunique"),
                                         setting=("start", "size"))
    acting = _acting(mentions).groupby("actor").size()
    table["acting"] = acting.reindex(table.index, fill_value=0).astype(int)
    table = table.reset_index().sort_values(["articles", "setting", "actor"], ascending=[False, False, True])
    return table[SETTING_COLUMNS].reset_index(drop=True)
