"""What the corpus is, in the sentences that open the brief, notebook 00 and index.html: the story
in a few words, how many articles from when to when, by which outlets, and which have no date.

The story's words come from the titles: the actors the frames tagger found in them (named people,
organisations, places: actor_mentions) and the words, and pairs of words, that two titles or more
share. Nothing here is typed in about one story.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from ..dates import is_calendar_word
from ..prose import names, number
from ..textshape import content_word_list

STATEMENT_COLUMNS = ["part", "statement", "doc_ids"]
STORY_WORDS = 3


def corpus_statements(documents: pd.DataFrame, actor_mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The sentences that say what the corpus is. Columns: part (story, dates,
    outlets, undated), statement (the sentence), doc_ids (the articles it is about, joined
    with ", ").

    `documents` needs doc_id, title, date, outlet and agency (documents.csv);
    `actor_mentions` (doc_id, start, end, actor) adds the names the titles mention."""
    documents = documents.fillna("").sort_values("doc_id")
    rows = [("story", _story(documents, actor_mentions), documents.doc_id),
            ("dates", _count_and_dates(documents), documents.doc_id[documents.date != ""]),
            ("outlets", _outlets(documents), documents.doc_id[(documents.outlet != "") | (documents.agency != "")])]
    undated = documents.doc_id[documents.date == ""]
    if len(undated):
        rows.append(("undated", f"Without a date: {names(undated)}.", undated))
    return pd.DataFrame([(part, text, ", ".join(ids)) for part, text, ids in rows], columns=STATEMENT_COLUMNS)


def title_actors(documents: pd.DataFrame, actor_mentions: pd.DataFrame | None) -> Counter:
    """{actor: number of titles that mention it}: the mentions that end within the title (the
    cleaned text's first line)."""
    if actor_mentions is None or actor_mentions.empty:
        return Counter()
    lengths = documents.set_index("doc_id").title.str.len()
    mentions = actor_mentions[actor_mentions.doc_id.isin(lengths.index)]
    in_title = mentions[mentions.end.astype(int) <= mentions.doc_id.map(lengths)]
    return Counter(in_title.drop_duplicates(["doc_id", "actor"]).actor)


def title_words(titles: list[str], skip: set[str]) -> Counter:
    """{word or pair of words: number of titles that hold it}, the words of four letters or more
    that are no stop word, calendar word or word of `skip`; a plural counts as its singular when
    both occur ("fires", "fire"); a pair counts when both words stand next to each other."""
    # A word of a name counts as the name ("korean" as "Korea"), not as a word of the story.
    per_title = [[w for w in content_word_list(title) if not any(w.startswith(s) for s in skip)
                  and not is_calendar_word(w)] for title in titles]
    counts = Counter(w for words in per_title for w in set(words))
    merged = {w: w[:-1] if w.endswith("s") and w[:-1] in counts else w for w in counts}
    singles = Counter(merged[w] for words in per_title for w in {merged[w] for w in words})
    pairs = Counter(pair for words in per_title
                    for pair in {f"{merged[a]} {merged[b]}" for a, b in zip(words, words[1:])})
    return singles + Counter({pair: n for pair, n in pairs.items() if n >= 2})


def _story(documents: pd.DataFrame, actor_mentions: pd.DataFrame | None) -> str:
    least = 2 if len(documents) > 1 else 1
    actors = [a for a, n in title_actors(documents, actor_mentions).most_common() if n >= least][:STORY_WORDS]
    skip = {w for actor in actors for w in content_word_list(actor)}
    counts = title_words(documents.title.tolist(), skip)
    chosen: list[str] = []
    for word, n in sorted(counts.items(), key=lambda item: (-item[1], -len(item[0].split()), item[0])):
        if n >= least and len(chosen) < STORY_WORDS and not any(word in c or c in word for c in chosen):
            chosen.append(word)
    if not actors and not chosen:
        return "The titles share no name or word that says what the story is."
    return "The story, from the titles: " + "; ".join(p for p in (names(actors), names(chosen)) if p) + "."


def _count_and_dates(documents: pd.DataFrame) -> str:
    count = f"{number(len(documents))} article{'s' if len(documents) != 1 else ''}"
    dates = pd.to_datetime(documents.date[documents.date != ""], errors="coerce").dropna()
    if dates.empty:
        return f"{count}, none of them dated."
    first, last = dates.min(), dates.max()
    span = _day(first) if first == last else f"from {_day(first)} to {_day(last)}"
    dated = "" if len(dates) == len(documents) else f" ({number(len(dates))} dated)"
    return f"{count}{dated}, {span}."


def _day(day: pd.Timestamp) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def _outlets(documents: pd.DataFrame) -> str:
    outlets = sorted(set(documents.outlet) - {""})
    agencies = sorted(set(documents.get("agency", pd.Series(dtype=str))) - {""})
    if not outlets and not agencies:
        return "No article names its outlet (a table's outlet column or metadata.csv can give it)."
    parts = [f"Outlets: {names(outlets)}" if outlets else "No article names its outlet"]
    if agencies:
        parts.append(f"wire copy from {names(agencies)}")
    return "; ".join(parts) + "."
