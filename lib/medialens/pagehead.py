"""The head and foot of an article found in a page: headline, dateline, outlet's signature.

clean.py decides which lines are the article; this module finds, around them, the headline
(just above the first paragraph) and the signature below the last paragraph, and names what
stands above the headline (the site's header). The article's date is pagedate.py's.
"""
from __future__ import annotations

import re

from .textshape import BYLINE, DATE, SIGNATURE_PREFIX, content_words, is_heading, is_prose, n_words

# How far above the article's first line a headline may stand (bylines, dates, captions between).
HEADLINE_WINDOW = 6
# Kept lines after the first line of prose where a byline may still stand (a standfirst first).
BYLINE_REACH = 2
SUMMARY_POINT_WORDS = 6
LIST_ITEM = re.compile(r"^\s*[•·▪►◦‣*]\s*|^\s*[-–]\s+")
NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
SITE_SEPARATOR = re.compile(r"\s+[-–—|:]\s+")
KICKER = re.compile(r"^((?:[A-Z][A-Z'’&-]+\s+)+[A-Z][A-Z'’&-]+)\s+(?=[\"“‘']?[A-Z]?[a-z])")


def head(lines: list[str], reasons: list, titled: bool, dated: frozenset[int] = frozenset(),
         removed: list | None = None) -> tuple[int | None, int]:
    """The headline's line (None when the caller gave a title or none is found) and the
    article's first line of prose; what stands above the headline is the site's header, a
    section label glued before the headline ("WORLD NEWS Talks fail") goes to `removed`, and
    names alone on a line between the headline and the first paragraphs are bylines. `dated`:
    the lines that hold a date of pagedate's (no headline)."""
    body = [i for i, reason in enumerate(reasons) if reason is None]
    start = next((i for i in body if is_prose(lines[i])), body[0] if body else len(lines))
    top = None if titled else _headline(lines, reasons, start, dated)
    for i in range(min(start, top or 0)):
        if reasons[i] is None or reasons[i].startswith("line classifier"):
            reasons[i] = "site header"
    if top is not None:
        kicker, rest = split_kicker(lines[top])
        if kicker:
            lines[top] = rest
            (removed if removed is not None else []).append((kicker, "section label"))
    if top is not None:
        _mark_bylines(lines, reasons, top, start)
        _keep_summary_points(lines, reasons, top, start)
    return top, start


def _keep_summary_points(lines: list[str], reasons: list, top: int, start: int) -> None:
    """Points of a bulleted summary between the headline and the first paragraph are the
    article's ("• The strike cost $3.95 billion in 14 days"), though the classifier doubts a
    line that does not end like a sentence."""
    for i in range(top + 1, start):
        if reasons[i] is not None and reasons[i].startswith("line classifier") \
                and LIST_ITEM.match(lines[i]) and n_words(lines[i]) >= SUMMARY_POINT_WORDS:
            reasons[i] = None


def may_be_headline(line: str) -> bool:
    """A line that reads as a headline: a heading of three words or more that is no byline,
    list item, section label or date line.

    >>> may_be_headline("Council votes to close two libraries")
    True
    >>> [may_be_headline(line) for line in ("WORLD NEWS", "By Jane Q Doe", "• Talks resume today")]
    [False, False, False]
    """
    return (is_heading(line, first=True) and n_words(line) >= 3 and not BYLINE.match(line)
            and not LIST_ITEM.match(line) and not is_label(line)
            and n_words(DATE.sub("", line)) >= 3)


def is_name_line(line: str) -> bool:
    """Two to four capitalised words and nothing else: a byline's name or a photographer's
    credit ("Jane Q Doe", "Harbour Daily Press"), no headline."""
    words = line.split()
    return 2 <= len(words) <= 4 and all(NAME_WORD.fullmatch(word) for word in words)


def is_label(line: str) -> bool:
    """A section label in capitals ("WORLD NEWS", "MARKETS"): four words at most."""
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and n_words(line) <= 4


def split_kicker(line: str) -> tuple[str, str]:
    """A section label in capitals glued before a headline, and the headline:
    "HARBOUR STRIKES Dock workers walk out" -> ("HARBOUR STRIKES", "Dock workers walk out").
    Two capitalised words at least, one of five letters or more (so "UN", "US, UK" and
    "NEW YORK" stay)."""
    match = KICKER.match(line)
    if match is None:
        return "", line
    kicker, rest = match.group(1), line[match.end():]
    if max(len(word) for word in kicker.split()) < 5 or n_words(rest) < 3:
        return "", line
    return kicker, rest


def _mark_bylines(lines: list[str], reasons: list, top: int, start: int) -> None:
    """Names alone on a line below the headline are the byline ("Jane Q Doe", then the
    outlet's name): above the first line of prose, or up to the second paragraph after it when
    page furniture (a caption, a credit, a date) stands next to them. Between two paragraphs,
    such a line is a subheading ("Talks Resume")."""
    kept = [i for i in range(start, len(lines)) if reasons[i] is None]
    end = kept[min(BYLINE_REACH, len(kept) - 1)] if kept else start
    for i in range(top + 1, end + 1):
        if (reasons[i] is None or reasons[i].startswith("line classifier")) and is_name_line(lines[i]) \
                and (i < start or _beside_furniture(reasons, i)):
            reasons[i] = "byline"


def _beside_furniture(reasons: list, i: int) -> bool:
    """The line before or after line `i` went by a rule (not by the classifier's doubt)."""
    return any(0 <= j < len(reasons) and reasons[j] is not None and not reasons[j].startswith("line classifier")
               for j in (i - 1, i + 1))


def _headline(lines: list[str], reasons: list, start: int, dated: frozenset[int]) -> int | None:
    """The headline's line among the lines that read as one (may_be_headline) just above the
    article's first paragraph: the one the page's title (its first line) repeats; else the
    topmost of the nearest run of such lines (a headline, then its standfirst) that the first
    paragraphs echo (a section's name above the headline shares no word with the article), or
    the topmost of the run when none is echoed."""
    if start >= len(lines):
        return None
    # The window counts the lines no rule removed: captions, share rows and dates between a
    # headline and its first paragraph do not push the headline out of reach.
    open_ = [i for i in range(start, -1, -1)
             if (reasons[i] is None or reasons[i].startswith("line classifier")) and i not in dated]
    window = open_[:HEADLINE_WINDOW + 1]
    page_title = lines[0].casefold()
    in_title = [i for i in window if i and lines[i].casefold() in page_title and may_be_headline(lines[i])
                and not is_name_line(lines[i])]
    # The page's title is "Headline - Site": a line that is its headline part, however far up.
    # (_titles_page first: it is cheap, and open_ may run over the whole page)
    named = [i for i in open_ if i and _titles_page(lines[i], lines[0]) and may_be_headline(lines[i])]
    if in_title or named:
        return (in_title or named)[0]
    run = _heading_run(lines, window)
    if not run:
        # A heading of names alone ("Storm Hits Coast") when nothing else reads as a headline.
        return next((i for i in window if may_be_headline(lines[i])), None)
    # A question under a heading is the article's opening question (a standfirst), not its
    # headline: "Title / So, how credible are these reports?" keeps the title.
    run = [i for i in sorted(run) if not lines[i].endswith("?") or i == min(run)]
    echoed = content_words(" ".join(lines[start:start + 2]))
    return next((i for i in run if content_words(lines[i]) & echoed), run[0])


def _titles_page(line: str, page_title: str) -> bool:
    """`line` is the headline part of the page's title ("Talks fail | World | Harbour Times")."""
    return page_title.casefold().startswith(line.casefold()) and \
        bool(SITE_SEPARATOR.match(page_title[len(line):]))


def _heading_run(lines: list[str], window: list[int]) -> list[int]:
    """The nearest run of lines that read as headlines, walking up from the article (`window`,
    nearest first): names alone (a byline) and lines before the run starts are passed over, and
    the first other line above it (a menu item, a label) ends it."""
    run: list[int] = []
    for i in window:
        if is_name_line(lines[i]):
            continue
        if may_be_headline(lines[i]):
            run.append(i)
        elif run:
            break
    return run


def signature(lines: list[str], reasons: list, body: list[int]) -> str:
    """The outlet's signature: a last article line of a few words that does not end like a
    sentence ("News.Az", "— Reuters"), or such a line below the article (past lines a rule
    removed) that ends the page or is marked as one ("— Reuters", "Source: ...")."""
    def signed(line: str) -> bool:
        return n_words(line) <= 4 and (not line.endswith((".", "!", "?", "…", "\"", "”"))
                                       or bool(SIGNATURE_PREFIX.match(line)))
    if not body:
        return ""
    last = body[-1]
    # the first line below the article that no rule removed (past "Click here to subscribe")
    after = next((i for i in range(last + 1, len(lines)) if reasons[i].startswith("line classifier")),
                 len(lines))
    if len(body) > 1 and signed(lines[last]):
        reasons[last] = "outlet signature"
    elif after < len(lines) and reasons[after] is not None and reasons[after].startswith("line classifier") \
            and signed(lines[after]) and (after == len(lines) - 1 or SIGNATURE_PREFIX.match(lines[after])):
        reasons[after] = "outlet signature"
    else:
        return ""
    signature = lines[last] if reasons[last] == "outlet signature" else lines[after]
    return SIGNATURE_PREFIX.sub("", signature).strip(" ().")
