"""Reading a corpus as the user gave it: a folder of .txt/.md/.html files, one such file, or a
table of articles (tablereading.py), with a metadata.csv beside a folder.

Yields raw articles (text as read, metadata as given); cleaning them into documents is corpus.py's.
A problem with the corpus as a whole (no such path, an empty folder, a single file that cannot
be read) is a one-line MedialensError naming the file. A problem with one article of a folder
or table (a file that cannot be read, is no regular file, is a link out of the folder or is too
large; a row that is no article) does not stop the run: the article carries a "problem", and
tagging makes it a row of errors.csv.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
import warnings
from pathlib import Path
from typing import Iterator

from .errors import MedialensError
from .outputs import printable

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".parquet"}
METADATA_FILE = "metadata.csv"
MAX_FILE_BYTES = 64 * 2**20  # one article file (a saved page with inline images stays under it)
# A letter carrying more than MAX_MARKS combining marks is "Zalgo" noise: no script stacks more
# from these blocks (Vietnamese, the most, uses two), and with them the cleaner took whole lines
# for page furniture. Such a stack is removed whole, leaving the bare letter.
MAX_MARKS = 2
STACKED_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
                           rf"{{{MAX_MARKS + 1},}}")
# A page's DOCTYPE with an internal subset declares entities: removed before parsing, so an
# entity is never expanded (a "billion laughs" bomb) nor fetched from a file (an external one).
INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
FILE_KINDS = {stat.S_ISFIFO: "a named pipe", stat.S_ISCHR: "a device", stat.S_ISBLK: "a device",
              stat.S_ISSOCK: "a socket", stat.S_ISDIR: "a folder"}


CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


class EncodingWarning(UserWarning):
    """A file that is not UTF-8 was read as Windows-1252."""


def iter_raw_documents(path: str | Path) -> Iterator[dict]:
    """Each article as read, before cleaning: {"where", "doc_id", title, date, date_source,
    outlet, agency, url, raw_text (or html)}, ids unique, plus "problem" for an article that
    could not be read. Cleaning (clean_document) is the costly half, so parallel taggers read
    here, in one process, and clean in their workers."""
    path = Path(path)
    if not path.exists():
        raise MedialensError(path, "no such file or folder")
    if path.is_dir():
        yield from _iter_folder(path)
    elif path.suffix.lower() in TABLE_SUFFIXES:
        from .tablereading import iter_table  # pandas: imported only for a table to read

        yield from iter_table(path)
    else:
        yield raw_article(path, article_file(path))


def raw_article(where, article: dict, doc_id: str | None = None) -> dict:
    doc_id = safe_id(doc_id if doc_id is not None else Path(str(where)).stem)
    return {"where": printable(str(where)), "doc_id": doc_id, **article}


def unread(problem: str) -> dict:
    """An article that could not be read: no text, and the reason."""
    return {"title": "", "date": "", "outlet": "", "url": "", "raw_text": "", "problem": problem}


def _iter_folder(folder: Path) -> Iterator[dict]:
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        raise MedialensError(folder, f"cannot list this folder ({error.strerror or error})") from None
    is_article = [p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES for p in entries]
    files = [p for p, article in zip(entries, is_article) if article]
    if not files:
        kinds = ", ".join(sorted(TEXT_SUFFIXES | HTML_SUFFIXES))
        raise MedialensError(folder, f"no article files in this folder (looked for {kinds})")
    # Not `p not in files`: a list search per entry took 5 minutes before the first article of
    # a folder of 20,000.
    _name_skipped(folder, [p for p, article in zip(entries, is_article) if not article])
    metadata = {}
    if (folder / METADATA_FILE).is_file():  # tablereading brings pandas: only for a table to read
        from .tablereading import read_metadata

        metadata = read_metadata(folder / METADATA_FILE, files)
    for file, doc_id in zip(files, unique_ids([safe_id(file.stem) for file in files])):
        try:
            _inside(file, folder)
            article = article_file(file)
        except MedialensError as error:
            article = unread(error.problem)
        given = metadata.get(file.name, {})
        article.update({k: v for k, v in given.items() if v})
        if given.get("date"):
            article["date_source"] = METADATA_FILE
        yield raw_article(file, article, doc_id)


def _name_skipped(folder: Path, others: list[Path]) -> None:
    """Warn, in one line, of what in a corpus folder is not read: a subfolder (its articles are
    not read: give it as a corpus of its own), a .docx or .pdf. Hidden files (.DS_Store) and
    metadata.csv are no articles, and are not named."""
    skipped = [p.name + ("/" if p.is_dir() else "") for p in others
               if p.name != METADATA_FILE and not p.name.startswith(".")]
    if skipped:
        shown = ", ".join(printable(name) for name in skipped[:5]) + (", ..." if len(skipped) > 5 else "")
        kinds = ", ".join(sorted(TEXT_SUFFIXES | HTML_SUFFIXES))
        warnings.warn(f"{printable(str(folder))}: {len(skipped)} not read (not {kinds} files; folders "
                      f"inside are not read): {shown}", UserWarning, stacklevel=3)


def _inside(file: Path, folder: Path) -> None:
    """Links are followed only to files inside the corpus folder: a link elsewhere would put a
    file the user never meant to share (a home folder's, /proc's) in documents.csv."""
    if file.is_symlink():
        try:
            target = file.resolve(strict=True)
        except (OSError, RuntimeError) as error:  # a loop of links, or one to nothing
            reason = getattr(error, "strerror", None) or "a loop of links"
            raise MedialensError(file, f"a link that cannot be followed ({reason}); not read") from None
        if folder.resolve() not in target.parents:
            raise MedialensError(file, f"a link to {printable(str(target))}, outside the corpus "
                                       "folder; not followed")


def article_file(path: Path) -> dict:
    """Title, date, outlet, url and raw text (or html) of one .txt/.md/.html file."""
    if path.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES:
        kinds = ", ".join(sorted(TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES))
        raise MedialensError(path, f"unsupported file type (use a folder or one of {kinds})")
    text = read_text(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        # Extracted in clean_document: in the workers, and a page without an article is one
        # failed article, not the end of the run.
        return {"title": "", "date": "", "outlet": "", "url": "", "html": INTERNAL_SUBSET.sub("", text)}
    return {"title": "", "date": "", "outlet": "", "url": "", "raw_text": text}


def read_bytes(path: Path, limit: int | None = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else (a pipe, a device, a
    file the user may not read, one larger than the limit) is a one-line error. Opened without
    blocking, so a named pipe is refused instead of waiting for a writer forever."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise MedialensError(path, f"cannot be read ({error.strerror or error})") from None
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        kind = next((name for test, name in FILE_KINDS.items() if test(status.st_mode)), "a special file")
        raise MedialensError(path, f"not a regular file ({kind}); not read")
    with os.fdopen(descriptor, "rb") as file:
        size = status.st_size
        try:
            # /proc files say size 0: then the limit is on what is read, not on the size stated.
            data = file.read() if limit is None or 0 < size <= limit else file.read(limit + 1)
        except OSError as error:
            raise MedialensError(path, f"cannot be read ({error.strerror or error})") from None
    if limit is not None and len(data) > limit:
        raise MedialensError(path, f"larger than {limit // 2**20} MB, the limit for one article "
                                   "file; not read")
    return data


def read_text(path: Path, table: bool = False) -> str:
    """The file's text: UTF-8, else Windows-1252 with a warning; empty files (a byte-order mark
    alone counts as empty) and binary ones (a NUL byte; not checked for a table, whose cells
    tablereading checks) are errors. A table is a whole corpus: no size limit."""
    data = _utf16_as_utf8(read_bytes(path, limit=None if table else MAX_FILE_BYTES), path)
    if not table and b"\x00" in data[:4096]:
        raise MedialensError(path, "the file is binary, not text")
    declared = _declared_charset(data) if path.suffix.lower() in HTML_SUFFIXES else None
    text = decode(data, path, declared)
    if not text.strip():
        raise MedialensError(path, "the file is empty")
    if not plain(text).strip():
        raise MedialensError(path, "the file holds only combining marks, no letters")
    return plain(text)


def _utf16_as_utf8(data: bytes, path: Path) -> bytes:
    """A file saved as UTF-16 with its byte-order mark (Windows Notepad's "Unicode") as UTF-8;
    its NUL bytes would otherwise make it binary."""
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data
    try:
        return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError:
        raise MedialensError(path, "starts as UTF-16 text but is not; not read") from None


def plain(text: str) -> str:
    """Text as the taggers should see it: stacks of more than MAX_MARKS combining marks removed."""
    return STACKED_MARKS.sub("", text)


def _declared_charset(page: bytes) -> str | None:
    """The encoding a saved page declares in its head (<meta charset="...">, or the
    http-equiv Content-Type's), when Python knows it: a page saved as Shift JIS or Windows-1251
    is not Windows-1252."""
    declared = CHARSET.search(page[:4096])
    if not declared:
        return None
    try:
        return codecs.lookup(declared.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode(data: bytes, where, declared: str | None = None) -> str:
    """UTF-8, else the encoding a page declares, else Windows-1252 with a warning naming `where`."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if declared:
            return data.decode(declared, errors="replace")
        warnings.warn(f"{printable(str(where))}: not UTF-8, read as Windows-1252", EncodingWarning,
                      stacklevel=3)
        # cp1252 leaves five bytes undefined; latin-1 maps every byte, so it takes those files.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def safe_id(value) -> str:
    """A document id usable as a file name: no path separators, no leading dots ('../x' -> 'x')."""
    cleaned = re.sub(r"[^\w.-]+", "_", str(value)).strip("._")
    return cleaned or "doc"


def unique_ids(ids: list[str]) -> list[str]:
    """`ids` with each repeat given the first free suffix ("a", "a" -> "a", "a-2"), free meaning
    used by no other id of the corpus, so an existing "a-2" keeps its own and the repeat of "a"
    becomes "a-3": two articles never share an id (and so never mix in the tables)."""
    taken, result = set(ids), []
    seen: set[str] = set()
    for doc_id in ids:
        if doc_id in seen:
            number = 2
            while f"{doc_id}-{number}" in taken:
                number += 1
            doc_id = f"{doc_id}-{number}"
            taken.add(doc_id)
        seen.add(doc_id)
        result.append(doc_id)
    return result
