"""Proper-name chunks: runs of capitalised words that may name an actor, found without a model.

A chunk is a run of capitalised tokens in one sentence, joined across a connector ("of", "for",
"and") or a hyphen, then cut by the rules below, each a word list of data/frames/actor_words.csv:
- the capitalised first word of a sentence is dropped when it is a stop word or is written in
  lower case elsewhere in the document ("Officials said", "Heartbreaking scenes");
- a run is split at its connectors unless it holds an organisation word ("Department of Disaster
  Management" stays whole, "Sylhet and Sunamganj" is two names);
- a title ends the run before the name ("Treasury Secretary Joseph Kamau": the chunk is "Joseph
  Kamau", marked as titled; "Treasury" is a descriptor, which counts only if it holds a country);
- days, months and holidays ("Tuesday", "March") are no names.
What a chunk names (person, organisation, country, place) is decided in actors.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..context import DocContext


@dataclass
class Chunk:
    start: int  # first token
    end: int  # token after the last
    sent_id: int
    heading: bool
    titled: bool = False  # a title word stood right before it ("President", "Dr.")
    initial: bool = False  # it opens its sentence, where every word is capitalised
    descriptor: bool = False  # the words before a title ("U.S. Defense" Secretary ...)


def _capitalised(token) -> bool:
    text = token.text
    return text[:1].isupper() and any(c.isalpha() for c in text)


def lower_words(doc) -> frozenset[str]:
    """Words the document writes in lower case somewhere ("officials"): capitalised at a sentence
    start they are ordinary words, not names."""
    return frozenset(token.text for token in doc if token.is_lower and token.is_alpha)


def runs(ctx: DocContext, k: int, connectors: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) token runs of capitalised words in sentence k, joined across connectors and
    hyphens written without spaces ("Yong-hyun")."""
    doc = ctx.doc
    first, stop = ctx.token_bounds(k)
    found, i = [], first
    while i < stop:
        if not _capitalised(doc[i]):
            i += 1
            continue
        start, i = i, i + 1
        while i < stop:
            if _capitalised(doc[i]):
                i += 1
            elif doc[i].text == "-" and not doc[i - 1].whitespace_ and i + 1 < stop \
                    and not doc[i].whitespace_ and doc[i + 1].is_alpha:
                i += 2
            elif doc[i].lower_ in connectors and i + 1 < stop and _capitalised(doc[i + 1]) \
                    and doc[i].text == doc[i].lower_:
                i += 1
            else:
                break
        found.append((start, i))
    return found


def chunks(ctx: DocContext, words: dict[str, frozenset[str]]) -> list[Chunk]:
    """Every proper-name chunk of the document, in text order."""
    doc, lower = ctx.doc, lower_words(ctx.doc)
    found: list[Chunk] = []
    for k, sentence in enumerate(ctx.sentences):
        first = _after_dateline(doc, *ctx.token_bounds(k))
        for start, end in runs(ctx, k, words["connector"]):
            if start < first:
                continue
            initial = _only_punct_before(doc, first, start)
            if initial:
                while start < end and (doc[start].is_stop or doc[start].text in lower
                                       or doc[start].lower_ in words["connector"]
                                       or end - start > 1 and doc[start].lower_.endswith(("ing", "ly", "ed"))):
                    start += 1
            for piece in _split(doc, start, end, words):
                found.append(Chunk(*piece[:2], sent_id=k, heading=bool(sentence["is_heading"]),
                                   titled=piece[2], initial=initial and piece[0] == start,
                                   descriptor=piece[3]))
    return found


def _after_dateline(doc, first: int, stop: int) -> int:
    """The first token after a dateline ("DHAKA, June 18 –", "COLUMBUS, Ohio (Reuters) -"): the
    reporting place is no actor, and the word after the dash opens the sentence."""
    if first >= stop or not (doc[first].is_upper and doc[first].is_alpha and len(doc[first]) > 2):
        return first
    for i in range(first + 1, min(stop, first + 12)):
        if doc[i].text in ("–", "—", "-", "--") and doc[i].whitespace_:
            return i + 1
    return first


def _only_punct_before(doc, first: int, start: int) -> bool:
    return all(doc[i].is_punct or doc[i].is_space for i in range(first, start))


def _split(doc, start: int, end: int, words) -> list[tuple[int, int, bool]]:
    """Cut a run at titles and, outside organisation names, at connectors; trim connectors and
    calendar words at the edges."""
    titled, described = False, []
    for i in range(end - 1, start - 1, -1):
        if doc[i].text in words["title"]:
            first = start
            while first < i and doc[first].text not in words["title"]:
                first += 1
            if first > start:
                described = [(start, first, False, True)]
            start, titled = i + 1, True
            break
    tokens = [doc[i].text for i in range(start, end)]
    if any(t in words["org_word"] for t in tokens):
        pieces = [(start, end)]
    else:
        pieces, at = [], start
        for i in range(start, end + 1):
            if i == end or doc[i].lower_ in words["connector"] and doc[i].is_lower:
                pieces.append((at, i))
                at = i + 1
    out = []
    for a, b in pieces:
        while a < b and (doc[a].lower_ in words["connector"] or doc[a].text in words["calendar"]):
            a += 1
        while b > a and (doc[b - 1].lower_ in words["connector"] or doc[b - 1].text in words["calendar"]
                         or doc[b - 1].text == "-"):
            b -= 1
        # One capitalised stop word ("This", "They", "I") is no name; "US" is.
        if a < b and not (b - a == 1 and (doc[a].text in ("I", "A") or doc[a].is_stop and not doc[a].is_upper)):
            out.append((a, b, titled and a == start, False))
    return described + out
