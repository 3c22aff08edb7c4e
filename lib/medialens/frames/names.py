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

from bisect import bisect_left
from dataclasses import dataclass
from itertools import compress

from ..context import DocContext
from ..sentences import STOP_WORDS


@dataclass
class Chunk:
    start: int  # first token
    end: int  # token after the last
    sent_id: int
    heading: bool
    titled: bool = False  # a title word stood right before it ("President", "Dr.")
    initial: bool = False  # it opens its sentence, where every word is capitalised
    descriptor: bool = False  # the words before a title ("U.S. Defense" Secretary ...)


def capitalised(ctx: DocContext) -> list[bool]:
    """Per token: does it start with a capital letter? Read from the text, not from Token
    objects, which cost more to make than the whole rule."""
    return list(map(str.isupper, map(ctx.text.__getitem__, ctx.token_starts.tolist())))  # map: no bytecode per token


class LowerWords:
    """The words a text writes in lower case somewhere ("officials"): capitalised at a sentence
    start they are ordinary words, not names. Answers `word in lower_words` by looking the word
    up in the text when first asked: the few words the rule asks about cost less than
    collecting every lower-case word of the text (a tenth of the frames tagger)."""

    def __init__(self, text: str):
        self.text = text
        self.known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = written_lower(self.text, word)
        return found


def written_lower(text: str, word: str) -> bool:
    """Whether `word`, of the letters a-z only, stands in `text` as a whole word: no letter,
    digit, underscore, apostrophe or hyphen on either side ("don" is no word of "don't")."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return False
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _in_word(text[at - 1])) and (end == len(text) or not _in_word(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _in_word(char: str) -> bool:
    """A character that continues a word: regex \\w (str.isalnum or "_"), an apostrophe or a hyphen."""
    return char.isalnum() or char in "_'’-"


def runs(ctx: DocContext, k: int, connectors: frozenset[str], cap: list[bool],
         capitals: list[int]) -> list[tuple[int, int]]:
    """(start, end) token runs of capitalised words in sentence k, joined across connectors and
    hyphens written without spaces ("Yong-hyun"). A run opens only at a capitalised token
    (`capitals`, their indices in order): found by bisection, not by a step per token."""
    texts = ctx.words
    first, stop = ctx.token_bounds(k)
    found, c = [], bisect_left(capitals, first)
    while c < len(capitals) and capitals[c] < stop:
        start = i = capitals[c]
        i += 1
        while i < stop:
            if cap[i]:
                i += 1
            elif i + 1 < stop and _joins(ctx, i, connectors, cap):
                i += 2 if texts[i] == "-" else 1
            else:
                break
        found.append((start, i))
        c = bisect_left(capitals, i, c + 1)
    return found


def _joins(ctx: DocContext, i: int, connectors: frozenset[str], cap: list[bool]) -> bool:
    # From the context's token lists, not Tokens: no space after a token is its end meeting the
    # next token's start (Token.whitespace_ is empty).
    text = ctx.words[i]
    if text == "-":
        ends, starts = ctx.token_ends, ctx.token_starts
        return ends[i - 1] == starts[i] and ends[i] == starts[i + 1] and ctx.words[i + 1].isalpha()
    return text in connectors and cap[i + 1]


def chunks(ctx: DocContext, words: dict[str, frozenset[str]]) -> list[Chunk]:
    """Every proper-name chunk of the document, in text order."""
    doc, lower, cap = ctx.doc, LowerWords(ctx.text), capitalised(ctx)
    capitals = list(compress(range(len(cap)), cap))
    texts = ctx.words  # the context's token texts: no Token objects
    found: list[Chunk] = []
    for k, sentence in enumerate(ctx.sentences):
        sentence_runs = runs(ctx, k, words["connector"], cap, capitals)
        if not sentence_runs:  # no capitalised word, no chunk: the dateline and opening tests are skipped
            continue
        first = _after_dateline(doc, texts, *ctx.token_bounds(k))
        opening = _first_alnum(texts, first, ctx.token_bounds(k)[1])
        for start, end in sentence_runs:
            if start < first:
                continue
            initial = start <= opening
            if initial:
                while start < end and (texts[start].lower() in STOP_WORDS or texts[start] in lower
                                       or texts[start] in words["connector"]
                                       or end - start > 1 and texts[start].endswith(("ing", "ly", "ed"))):
                    start += 1
            for piece in _split(texts, start, end, words):
                found.append(Chunk(*piece[:2], sent_id=k, heading=bool(sentence["is_heading"]),
                                   titled=piece[2], initial=initial and piece[0] == start,
                                   descriptor=piece[3]))
    return found


def _first_alnum(texts: list[str], first: int, stop: int) -> int:
    """The first token from `first` holding a letter or digit (`stop` when none): a run at or
    before it opens its sentence. Found once per sentence; testing each run's words before it
    again was a tenth of the frames tagger."""
    return next((i for i in range(first, stop) if any(map(str.isalnum, texts[i]))), stop)


def _after_dateline(doc, texts: list[str], first: int, stop: int) -> int:
    """The first token after a dateline ("DHAKA, June 18 –", "COLUMBUS, Ohio (Reuters) -"): the
    reporting place is no actor, and the word after the dash opens the sentence."""
    if first >= stop or not (texts[first].isupper() and texts[first].isalpha() and len(texts[first]) > 2):
        return first
    for i in range(first + 1, min(stop, first + 12)):
        if texts[i] in ("–", "—", "-", "--") and doc[i].whitespace_:
            return i + 1
    return first


def _split(texts: list[str], start: int, end: int, words) -> list[tuple[int, int, bool, bool]]:
    """Cut a run at titles and, outside organisation names, at connectors; trim connectors and
    calendar words at the edges. Returns (start, end, titled, descriptor) pieces."""
    titles, connectors, orgs, calendar = words["title"], words["connector"], words["org_word"], words["calendar"]
    titled, described = False, []
    for i in range(end - 1, start - 1, -1):
        if texts[i] in titles:
            first = start
            while first < i and texts[first] not in titles:
                first += 1
            if first > start:
                described = [(start, first, False, True)]
            start, titled = i + 1, True
            while start < end - 1 and (texts[start] in connectors or texts[start] in orgs):
                start += 1  # "Commissioner of Police Stephen Lo": the office's body is part of the title
            break
    if not orgs.isdisjoint(texts[start:end]):  # any word of it an organisation word, tested in C
        pieces = [(start, end)]
    else:
        pieces, at = [], start
        for i in range(start, end + 1):
            if i == end or texts[i] in connectors:
                pieces.append((at, i))
                at = i + 1
    out = []
    for a, b in pieces:
        while a < b and (texts[a] in connectors or texts[a] in calendar):
            a += 1
        while b > a and (texts[b - 1] in connectors or texts[b - 1] in calendar
                         or texts[b - 1] == "-"):
            b -= 1
        # One capitalised stop word ("This", "They", "I") is no name; "US" is.
        if a < b and not (b - a == 1 and (texts[a] in ("I", "A") or texts[a].lower() in STOP_WORDS
                                          and not texts[a].isupper())):
            out.append((a, b, titled and a == start, False))
    return described + out
