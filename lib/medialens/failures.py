"""One article's failure as a row of the errors table, never the end of the run.

An article fails at a stage: "read" (the file or row could not be read: reading.py says why),
"clean" (extraction or cleaning raised, or left no text), "check" (the cleaned document fails
one of the consistency checks notebook 00 states, so a bug in cleaning costs that article, not
the report), "worker" (the process tagging it died), or a tagger's name. Its row
(ERROR_COLUMNS) says which article, where, and why.
"""
from __future__ import annotations

import re
import traceback
from collections import Counter

from .corpus import clean_document
from .errors import MedialensError
from .timelimit import ArticleTimeout, time_limit

ERROR_COLUMNS = ["doc_id", "stage", "error_type", "message", "text_start"]
TEXT_START = 200  # characters of the article kept in the errors table
LIBRARIES = re.compile(r"[/\\](spacy|thinc|numpy|pandas|srsly|cymem|preshed)[/\\]")
# The longest text one article may have (as read, and once cleaned): a 10 MB article took 77 s
# and 1.1 GB, so memory, not time, sets it. Two million characters is about 300,000 words.
MAX_ARTICLE_CHARACTERS = 2_000_000
# A saved HTML page is an article only if some line besides its title reads as prose: at least
# SENTENCE_CHARACTERS long with a sentence's end mark in it (of any script). A page of menus or
# of headline links has none, and trafilatura took it for the article. (A text file or a table
# row is the user's own text: a headline alone is kept, and its shares are undefined.)
SENTENCE_END = re.compile(r"[.!?…。！？؟।](?:[\"'”’»)\]]*)(?:\s|$)")
SENTENCE_CHARACTERS = 30


class ConsistencyError(Exception):
    """A cleaned document that breaks a rule every document keeps (a bug in cleaning)."""


def error_row(document: dict, stage: str, error: BaseException) -> dict:
    """A row of the errors table: which article, where it failed, and how."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    if isinstance(error, SystemExit):
        message = f"it called sys.exit({error.code!r})"
    frames_ = traceback.extract_tb(error.__traceback__)
    if frames_ and not isinstance(error, (MedialensError, ConsistencyError, ArticleTimeout)):
        # Where it was raised, for the bug report a failure in a tagger deserves: the innermost
        # frame of medialens or of a user's analysis, not of the library it called (spaCy).
        ours = [f for f in frames_ if f.filename.endswith(".py") and not LIBRARIES.search(f.filename)]
        last = (ours or frames_)[-1]
        message = f"{message} (at {last.filename.rsplit('/', 1)[-1]}:{last.lineno} in {last.name})".strip()
    text = document.get("raw_text") or document.get("text") or document.get("html") or ""
    return {"doc_id": document.get("doc_id", ""), "stage": stage,
            "error_type": type(error).__name__, "message": message,
            "text_start": str(text)[:TEXT_START]}


def clean_articles(articles: list[dict], rules, seconds: float | None = None
                   ) -> tuple[list[dict], list[dict]]:
    """(documents, rows of errors) of cleaning articles of reading.iter_raw_documents with the
    boilerplate `rules`: an article that could not be read, whose extraction or cleaning
    raises (or runs past `seconds`), that is too long or fails a consistency check is an
    error row, and the others go on."""
    cleaned, errors = [], []
    for article in articles:
        stage = "read"
        try:
            if article.get("problem"):
                raise MedialensError(article["where"], article["problem"])
            _check_length(article, article.get("raw_text") or article.get("html") or "")
            stage = "clean"
            with time_limit(seconds, "cleaning this article"):
                document = clean_document(article, rules)
            _check_length(article, document["text"])
            if "html" in article:
                check_prose(article, document)
            stage = "check"
            check_document(document)
        except (Exception, SystemExit) as error:  # noqa: BLE001 - one article must not stop the batch
            errors.append(error_row(article, stage, error))
            continue
        cleaned.append(document)
    return cleaned, errors


def _check_length(article: dict, text: str) -> None:
    if len(text) > MAX_ARTICLE_CHARACTERS:
        raise MedialensError(article["where"], f"{len(text):,} characters, more than the "
                                               f"{MAX_ARTICLE_CHARACTERS:,} one article may have; "
                                               "split it into articles")


def check_prose(article: dict, document: dict) -> None:
    """A saved page whose cleaned text has no line of prose is no article (see SENTENCE_END)."""
    lines = document["text"].split("\n")
    lines = lines[1:] if lines[0] == document["title"] else lines  # a headline line is no prose
    if not any(len(line) >= SENTENCE_CHARACTERS and SENTENCE_END.search(line) for line in lines):
        raise MedialensError(article["where"], "no sentence in the text found on this page (only a "
                                               "title, menus or links); not an article")


def check_document(document: dict) -> None:
    """The rules notebook 00 asserts of every cleaned document: the text starts with the title,
    a headline line appears once, and no line cleaning removed (but as a repeat) is still there
    (here with the raw text at hand, so a line the page gave twice counts twice)."""
    text, title = document["text"], document["title"]
    lines = text.split("\n")
    if not text.startswith(title):
        raise ConsistencyError(f"the cleaned text does not start with its title ({title[:60]!r})")
    if lines[0] == title and lines.count(title) != 1:
        raise ConsistencyError(f"the headline line appears {lines.count(title)} times in the "
                               f"cleaned text ({title[:60]!r})")
    # A line the page had twice may be removed once (as furniture) and kept once (as the
    # headline): only a line kept more often than the page had it beyond its removals is a bug.
    removals = Counter(line for line, reason in document.get("removed", []) if reason != "repeated line")
    if removals:
        kept, given = Counter(lines), Counter(document.get("raw_text", "").split("\n"))
        for line, removed in removals.items():
            if kept[line] and kept[line] + removed > given[line]:
                raise ConsistencyError(f"a line that cleaning removed is still in the cleaned "
                                       f"text ({line[:60]!r})")


def check_sentences(text: str, sentences: list[dict]) -> None:
    """Every sentence's offsets point at its text in the cleaned article."""
    for sentence in sentences:
        if text[sentence["start"]:sentence["end"]] != sentence["text"]:
            raise ConsistencyError(f"sentence {sentence['sent_id']}'s offsets do not point at its "
                                   "text in the cleaned article")
