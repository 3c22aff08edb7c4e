"""Loading a corpus: the raw articles of reading.py, cleaned into documents.

Returns one tidy DataFrame, one row per document. Reading files and tables is reading.py's,
cleaning rules live in clean.py, sentence splitting in sentences.py.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pandas as pd

from .clean import boilerplate_rules, clean_text, n_words, normalise_date
from .errors import MedialensError
from .reading import iter_raw_documents

DOCUMENT_COLUMNS = ["doc_id", "title", "date", "date_source", "outlet", "agency", "url", "n_words",
                    "text", "raw_text", "removed"]
REMOVED_COLUMNS = ["doc_id", "reason", "line"]


def load_corpus(path: str | Path, lexicons: dict[str, str] | None = None) -> pd.DataFrame:
    """Load and clean every article under `path` (`lexicons` may replace "boilerplate").

    Columns: doc_id (file stem or the table's id, safe as a file name), title, date (YYYY-MM-DD
    or ''), date_source (where the date was read: metadata.csv, table, html, or the kind of line
    of pagedate.py: date line, published line, dateline, byline, headline; "(year inferred)"
    when the year came from another date of the article; '' without a date), outlet (the
    publishing site), agency (the wire agency whose copy it is, '' when none is named), url,
    n_words, text (the cleaned text, headline first), raw_text (as read), removed (the lines
    cleaning removed, as (line, reason) pairs; see removed_lines).
    """
    documents = pd.DataFrame(list(iter_documents(path, lexicons)), columns=DOCUMENT_COLUMNS)
    return documents.astype({"n_words": int})


def iter_documents(path: str | Path, lexicons: dict[str, str] | None = None) -> Iterator[dict]:
    """The documents of `load_corpus`, one dict at a time, so big corpora stream."""
    rules = boilerplate_rules(lexicons)
    return (clean_document(article, rules) for article in iter_raw_documents(path))


def _extract_html(path: Path, html: str) -> dict:
    # trafilatura is the field's maintained main-text extractor; hand-written parsing would not keep up.
    import trafilatura

    page = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                       include_tables=False)
    page = page.as_dict() if page is not None else None
    if not page or not (page.get("text") or "").strip():
        raise MedialensError(path, "no article text found in this HTML page")
    date = stated_date(html)
    return {"title": page.get("title") or "", "date": date, "date_source": "html" if date else "",
            "outlet": page.get("sitename") or "", "url": page.get("url") or "",
            "raw_text": page["text"]}


def stated_date(html: str) -> str:
    """The date a saved page states for its article, read by htmldate from the places a page
    states it (meta tags, JSON-LD, <time> elements outside footers and sidebars, the canonical
    URL) and never from its text: htmldate alone takes "© 2021-03-04" in a footer, or a
    "generated on" line, for the article's date."""
    from htmldate import find_date
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return ""
    kept = [element for element in tree.xpath(
        "//meta | //link[@rel='canonical'] | //script[@type='application/ld+json']"
        " | //time[not(ancestor::footer or ancestor::aside or ancestor::nav)]")]
    head = lxml_html.Element("html")
    holder = lxml_html.etree.SubElement(head, "head")
    for element in kept:
        holder.append(element)
    found = find_date(lxml_html.tostring(head, encoding="unicode"), extensive_search=False,
                      original_date=True, outputformat="%Y-%m-%d")
    return found or ""


def clean_document(article: dict, boilerplate=None) -> dict:
    """A document of load_corpus from an article of iter_raw_documents (`boilerplate`: the
    rules of clean.boilerplate_rules, built-in ones when None). A saved HTML page's article and
    metadata are extracted here; metadata given beside it (metadata.csv) wins. Trafilatura has
    already cut an HTML page down to its article, so only plain text goes through page cleaning."""
    is_page_text = "html" not in article
    if "html" in article:
        extracted = _extract_html(article["where"], article["html"])
        article = {**{k: v for k, v in article.items() if k != "html"},
                   **{k: article.get(k) or v for k, v in extracted.items()}}
    cleaned = clean_text(article["raw_text"], title=article.get("title", ""), boilerplate=boilerplate,
                         page=is_page_text)
    if not cleaned.text.strip():
        raise MedialensError(article["where"], "no article text left after cleaning")
    given = normalise_date(article.get("date"))
    return {"doc_id": article["doc_id"], "title": cleaned.title, "date": given or cleaned.date,
            "date_source": (article.get("date_source") or "metadata") if given else cleaned.date_source,
            "outlet": article.get("outlet") or cleaned.outlet,
            "agency": article.get("agency") or cleaned.agency, "url": article.get("url", ""),
            "n_words": n_words(cleaned.text), "text": cleaned.text, "raw_text": article["raw_text"],
            "removed": cleaned.removed}


def removed_rows(document: dict) -> list[dict]:
    return [{"doc_id": document["doc_id"], "reason": reason, "line": line}
            for line, reason in document["removed"]]


def removed_lines(documents: pd.DataFrame) -> pd.DataFrame:
    """What cleaning removed from each document of load_corpus. Columns: doc_id, reason, line
    (`medialens tag` writes the same table as removed.csv)."""
    rows = [row for document in documents.to_dict("records") for row in removed_rows(document)]
    return pd.DataFrame(rows, columns=REMOVED_COLUMNS)
