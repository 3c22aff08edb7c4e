"""The head and foot of an article found in a page: headline, dateline, outlet's signature.

clean.py decides which lines are the article; this module finds, around them, the headline
(just above the first paragraph) and the signature below the last paragraph, and names what
stands above the headline (the site's header). The article's date is pagedate.py's.
"""
from __future__ import annotations

from .textshape import BYLINE, DATE, SIGNATURE_PREFIX, is_heading, is_prose, n_words

# How far above the article's first line a headline may stand (bylines, dates, captions between).
HEADLINE_WINDOW = 6
HEADLINE_WORDS = 14


def head(lines: list[str], reasons: list, titled: bool) -> tuple[int | None, int]:
    """The headline's line (None when the caller gave a title or none is found) and the
    article's first line of prose; what stands above the headline is the site's header."""
    body = [i for i, reason in enumerate(reasons) if reason is None]
    start = next((i for i in body if is_prose(lines[i])), body[0] if body else len(lines))
    top = None if titled else _headline(lines, reasons, start)
    for i in range(min(start, top or 0)):
        if reasons[i] is None or reasons[i].startswith("line classifier"):
            reasons[i] = "site header"
    return top, start


def _headline(lines: list[str], reasons: list, start: int) -> int | None:
    """The headline's line: a heading of three words or more a few lines above the article's
    first paragraph: the one the page's title (its first line) repeats, else the nearest one of
    four to HEADLINE_WORDS words (a longer one is a standfirst), else the nearest."""
    if start >= len(lines):
        return None
    candidates = [i for i in range(start, max(0, start - HEADLINE_WINDOW) - 1, -1)
                  if (reasons[i] is None or reasons[i].startswith("line classifier"))
                  and is_heading(lines[i], first=True) and n_words(lines[i]) >= 3
                  and not BYLINE.match(lines[i]) and not (DATE.search(lines[i]) and n_words(lines[i]) <= 8)]
    page_title = lines[0].casefold()
    in_title = [i for i in candidates if i and lines[i].casefold() in page_title]
    if in_title:
        return in_title[0]
    chosen = next((i for i in candidates if 4 <= n_words(lines[i]) <= HEADLINE_WORDS),
                  candidates[0] if candidates else None)
    # A question under a heading is the article's opening question (a standfirst), not its
    # headline: "Title / So, how credible are these reports?" keeps the title.
    above = [i for i in candidates if chosen is not None and i < chosen and not lines[i].endswith("?")]
    return above[0] if chosen is not None and lines[chosen].endswith("?") and above else chosen


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
