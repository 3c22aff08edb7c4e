"""Page furniture that only the article's own lines reveal: lines printed twice, the lede printed
again under a dateline, and a list of other stories hung below the article.

clean.py has decided which lines are the article (`reasons[i] is None`); these passes compare
those lines with each other and give a reason to the ones that are furniture after all.
"""
from __future__ import annotations

import re
from collections import Counter

from .textshape import content_words, is_heading, is_prose, n_words

# Kept lines after a line within which the same text printed again counts as its repeat.
REPEAT_REACH = 3
SUMMARY_WORDS = 8
# A summary stands among the article's first lines (under the headline).
SUMMARY_LINES = 3
# Of a list of other stories below the article, each line shares less than this share of its
# words with the article above it.
OTHER_STORY_SHARE = 0.25
NON_WORD = re.compile(r"[\W_]+")
WORD_RUN = re.compile(r"[^\W_]+")
WORD_REACH = 160


def _key(line: str) -> str:
    return NON_WORD.sub(" ", line.casefold()).strip()


def drop_doubled(lines: list[str], reasons: list) -> None:
    """A line printed twice in a row (the second copy may be cut short) is a photo's caption,
    printed as the image's text and as its caption, when it is a sentence above the article's
    first paragraph, or a line inside the article that does not end like a sentence: both
    copies go ("caption"). Other repeats keep their first copy (drop_repeated)."""
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    doubled = [(a, b) for a, b in zip(kept, kept[1:]) if n_words(lines[b]) >= 6 and _copy(lines[a], lines[b])]
    pairs = {i for pair in doubled for i in pair}
    first_prose = next((i for i in kept if i not in pairs and is_prose(lines[i])), len(lines))
    for a, b in doubled:
        # Above the article a doubled sentence is a caption, a doubled heading the headline.
        if (a < first_prose and lines[a].rstrip("\"”’')").endswith(".") and lines[a] == lines[b]) or \
                (a > first_prose and not _ends_sentence(lines[a])):
            reasons[a] = reasons[b] = "caption"


def _copy(first: str, second: str) -> bool:
    """`second` prints `first` again, or its start when it is cut short (no sentence end)."""
    return first == second or (not _ends_sentence(second) and _key(first).startswith(_key(second)))


def _ends_sentence(line: str) -> bool:
    return line.rstrip("\"”’')").endswith((".", "!", "?"))


def drop_repeated(lines: list[str], reasons: list) -> None:
    """A line the article printed before goes ("repeated line")."""
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if reasons[i] is None:
            key = line.casefold()
            if key in seen:
                reasons[i] = "repeated line"
            seen.add(key)


def drop_repeated_summaries(lines: list[str], reasons: list, titled: bool) -> None:
    """A summary at the head of the article whose words the next paragraphs print again, whole,
    goes ("repeated summary"): the lede printed once as a standfirst and again after the
    dateline ("Crews contained the fire on Sunday" / "SPRINGFIELD (Wire) - Crews contained the
    fire on Sunday, officials said."). No word is lost: the paragraph that repeats it stays.
    The headline is never a summary: where the caller gave no title (`titled`), a first line that
    reads as a headline is left out of the window, so a folder of .txt files (headline first)
    and a table with a title column clean the same body the same way."""
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    if kept and not titled and is_heading(lines[kept[0]], first=True):
        kept = kept[1:]
    keys: dict[int, str] = {}  # each line's key made once, and only for a paragraph that may repeat
    for n, i in enumerate(kept[:SUMMARY_LINES]):
        if n_words(lines[i]) < SUMMARY_WORDS:
            continue
        # A paragraph that prints the summary again holds every run of its letters and digits
        # (the longest of its first ones is looked for before the keys are made).
        word = max(WORD_RUN.findall(lines[i][:WORD_REACH].casefold()), key=len, default="")
        for j in kept[n + 1:n + 1 + REPEAT_REACH]:
            if word in lines[j].casefold():
                key = keys[i] = keys.get(i) or _key(lines[i])
                keys[j] = keys.get(j) or _key(lines[j])
                if key in keys[j] and len(keys[j]) > len(key):
                    reasons[i] = "repeated summary"
                    break


def drop_other_stories(lines: list[str], reasons: list, indents: list[int]) -> None:
    """Lines that end the page set apart from the article (indented unlike its paragraphs)
    and about something else (they share few words with it) are a list of other stories
    ("sidebar"): two such lines at least."""
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    if len(kept) < 4:
        return
    usual = Counter(indents[i] for i in kept).most_common(1)[0][0]
    tail: list[int] = []
    for i in reversed(kept):
        if indents[i] == usual:
            break
        tail.insert(0, i)
    if len(tail) < 2 or len(tail) > len(kept) // 2:
        return
    article = content_words(" ".join(lines[i] for i in kept if i < tail[0]))
    if all(_share(content_words(lines[i]), article) < OTHER_STORY_SHARE for i in tail):
        for i in tail:
            reasons[i] = "sidebar"


def _share(words: set[str], article: set[str]) -> float:
    return len(words & article) / len(words) if words else 0.0
