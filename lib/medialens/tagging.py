"""Tagging documents: one pass of spaCy over each document, every analysis's tagger on the Doc.

An analysis module (hedges, sources, figures, frames) provides:
- COLUMNS: {table name: [columns]} for the tables it fills, one row per tagged span;
- READS: the tables of earlier taggers it needs (figures reads hedges and sources);
- class Tagger(lexicons=None, spacy_model=None) with
  tag(ctx) -> {table name: [row dicts]}, where ctx is the document's context.DocContext: the
  Doc, its sentences, and in ctx.found the rows earlier taggers made for it;
- score(tables) -> DataFrame indexed by doc_id, its columns going into scores.csv;
- optionally SETTLES, the tables it settles over the whole corpus once every article is tagged,
  and settle(tables) -> {name: table} (figures place an undated article's crowds on a dated
  march): tag_corpus calls it on the tables, engines.write_tagged on the tables written.
A user adds an analysis of their own by naming its module (an import path or a .py file) in
`analyses` (`medialens tag --analysis mypackage.quotes`); it runs after the built-in ones it
READS, and may bring its own lexicons (analyses.py finds, checks and orders the modules).

One article never stops a batch: an article whose cleaning or tagging raises is left out of
every table and recorded as a row of the `errors` table (ERROR_COLUMNS). This module runs the
taggers and assembles tidy DataFrames; running batches over a corpus (processes, Dask, writing
the parts) is engines.py's, which calls tag_partition here and nothing else.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterable, Iterator

import pandas as pd

from .analyses import analysis_modules, built_in
from .clean import boilerplate_rules
from .context import DocContext
from .corpus import REMOVED_COLUMNS, removed_rows
from .errors import MedialensError
from .failures import ERROR_COLUMNS, check_sentences, clean_articles, error_row
from .lexicons import check_overrides
from .parts import warn_about_checks
from .reading import iter_raw_documents
from .sentences import SENTENCE_COLUMNS, pipeline, sentence_rows
from .timelimit import time_limit

# The blank pipeline has no parser or entity recogniser, whose memory spaCy's default limit of
# 1,000,000 characters guards; a long article (a 1 MB paragraph) must tag, not fail.
MAX_CHARACTERS = 100_000_000
DOCUMENT_TABLE_COLUMNS = ["doc_id", "title", "date", "date_source", "outlet", "agency", "url", "n_words",
                          "n_sentences", "text"]


def table_columns(analyses: tuple[str, ...] = ()) -> dict[str, list[str]]:
    columns = {"documents": DOCUMENT_TABLE_COLUMNS, "removed": REMOVED_COLUMNS,
               "sentences": SENTENCE_COLUMNS, "errors": ERROR_COLUMNS}
    for module in analysis_modules(tuple(analyses)):
        columns.update(module.COLUMNS)
    return columns


def stage_name(module) -> str:
    return module.__name__.rsplit(".", 1)[-1]


@contextmanager
def collector_paused():
    """The cyclic garbage collector off while a Pipeline is built: building makes some 100,000
    objects that live as long as the process, and each full collection it set off walked every
    object of the process (spaCy's and pandas' modules too)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Pipeline:
    """The spaCy pipeline and every analysis's tagger, built once and reused for each batch."""

    def __init__(self, lexicons: dict[str, str] | None = None, spacy_model: str | None = None,
                 analyses: tuple[str, ...] = ()):
        with collector_paused():
            self._build(lexicons, spacy_model, analyses)

    def _build(self, lexicons: dict[str, str] | None, spacy_model: str | None, analyses: tuple[str, ...]) -> None:
        self.analyses = tuple(analyses)
        modules = analysis_modules(self.analyses)  # first: they may bring lexicons of their own
        check_overrides(lexicons)
        if spacy_model:
            import spacy

            if not spacy.util.is_package(spacy_model):
                raise MedialensError(spacy_model, "no installed spaCy pipeline of this name "
                                                  "(pip install it, or leave --spacy-model out)")
        self.nlp = pipeline()
        self.nlp.max_length = max(self.nlp.max_length, MAX_CHARACTERS)
        try:
            self.taggers = [(stage_name(m), m.Tagger(lexicons=lexicons, spacy_model=spacy_model))
                            for m in modules]
        except MedialensError:
            raise
        except Exception as error:
            # With the built-in lexicons this is a bug; with a user's file, the file's content
            # (a pattern spaCy rejects, a missing category, a value that is no number).
            if not lexicons:
                raise
            reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise MedialensError(", ".join(lexicons.values()), "a lexicon override cannot be used "
                                 f"({type(error).__name__}: {reason})") from None

    def tag_batch(self, documents: Iterable[dict], batch_size: int = 64,
                  raise_errors: bool = False, seconds: float | None = None) -> dict[str, list[dict]]:
        """Rows of every table for a batch of document dicts (as corpus.iter_documents makes).
        A document whose tagging raises (a plug-in's sys.exit too) or runs past `seconds` has
        no rows but one in "errors" (or, with raise_errors, the exception goes up: a test or a
        lesson wants the traceback). A signal (errors.Stopped) is no article's error."""
        documents = list(documents)
        rows = {name: [] for name in table_columns(self.analyses)}
        parsed = self._parse([document["text"] for document in documents], batch_size)
        for document, doc in zip(documents, parsed):
            stage = "parse"
            try:
                if isinstance(doc, Exception):
                    raise doc
                stage = "sentences"
                with time_limit(seconds, "tagging this article"):
                    ctx = DocContext.build(doc, document["doc_id"], sentence_rows(doc, document["doc_id"]),
                                          document.get("date", ""))
                    check_sentences(document["text"], ctx.found["sentences"])
                    for stage, tagger in self.taggers:
                        ctx.found.update(tagger.tag(ctx))
            except (Exception, SystemExit) as error:  # noqa: BLE001 - one article must not stop the batch
                if raise_errors:
                    raise
                rows["errors"].append(error_row(document, stage, error))
                continue
            found = ctx.found
            rows["documents"].append({**{c: document.get(c, "") for c in DOCUMENT_TABLE_COLUMNS},
                                      "n_sentences": len(found["sentences"])})
            rows["removed"].extend(removed_rows(document) if "removed" in document else [])
            for name, found_rows in found.items():
                rows[name].extend(found_rows)
        return rows

    def _parse(self, texts: list[str], batch_size: int) -> Iterator:
        """Each text's Doc, or the exception spaCy raised on it: nlp.pipe for speed, and text by
        text from the first failure on, so one text spaCy refuses costs only itself."""
        done = 0
        try:
            for doc in self.nlp.pipe(texts, batch_size=batch_size):
                yield doc
                done += 1
        except Exception:  # noqa: BLE001
            for text in texts[done:]:
                try:
                    yield self.nlp(text)
                except Exception as error:  # noqa: BLE001
                    yield error


def frames_from_rows(rows: dict[str, list[dict]], analyses: tuple[str, ...] = ()) -> dict[str, pd.DataFrame]:
    columns = table_columns(analyses)
    return {name: pd.DataFrame(rows.get(name, []), columns=columns[name]) for name in columns}


def score_tables(tables: dict[str, pd.DataFrame], analyses: tuple[str, ...] = ()) -> pd.DataFrame:
    """scores.csv: one row per document, doc_id and n_words then each analysis's measures."""
    scores = tables["documents"].set_index("doc_id")[["n_words", "n_sentences"]]
    for module in analysis_modules(tuple(analyses)):
        if module in built_in():
            scores = scores.join(module.score(tables))
            continue
        try:  # a user's analysis: its bug is one line naming it, not a traceback
            scores = scores.join(module.score(tables))
        except Exception as error:  # noqa: BLE001
            reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise MedialensError(module.__name__, f"score() failed ({type(error).__name__}: {reason})") from None
    return scores.reset_index()


def tag_corpus(corpus, lexicons: dict[str, str] | None = None, spacy_model: str | None = None,
               analyses: tuple[str, ...] = ()) -> dict[str, pd.DataFrame]:
    """Tag a corpus (a path, or a DataFrame from load_corpus) and return every table by name:
    documents, removed (what cleaning removed), sentences, each analysis's tables (hedges,
    sources, figures, frames, emotive, actors..., and those of the `analyses` named: import
    paths or .py files of analyses of your own), errors (articles left out) and scores."""
    if isinstance(corpus, pd.DataFrame):
        documents, errors = corpus.to_dict("records"), []
        order = [document["doc_id"] for document in documents]
    else:
        articles = list(iter_raw_documents(corpus))
        documents, errors = clean_articles(articles, boilerplate_rules(lexicons))
        order = [article["doc_id"] for article in articles]
    tables = _tag_batch_frames(Pipeline(lexicons, spacy_model, tuple(analyses)), documents, errors, order)
    tables.update(settle_tables(tables, tuple(analyses)))  # the corpus-wide steps (figures' occasions)
    errors = tables["errors"]
    warn_about_checks(errors.doc_id[errors.stage == "check"].tolist())
    return tables


def _tag_batch_frames(pipeline_: Pipeline, batch: list[dict], errors: list[dict] = (),
                      order: list[str] = (), raise_errors: bool = False,
                      seconds: float | None = None) -> dict[str, pd.DataFrame]:
    rows = pipeline_.tag_batch(batch, raise_errors=raise_errors, seconds=seconds)
    position = {doc_id: i for i, doc_id in enumerate(order)}
    # Failures in corpus order, whichever stage (and whatever batch size) found them.
    rows["errors"] = sorted([*errors, *rows["errors"]], key=lambda r: position.get(r["doc_id"], 0))
    tables = frames_from_rows(rows, pipeline_.analyses)
    # Every measure in scores is per document, so a batch scores on its own.
    tables["scores"] = score_tables(tables, pipeline_.analyses)
    return tables


def settling_modules(analyses: tuple[str, ...] = ()) -> list:
    """The analyses with a corpus-wide step (SETTLES: the tables it settles; settle(tables))."""
    return [m for m in analysis_modules(tuple(analyses)) if getattr(m, "SETTLES", ())]


def settle_tables(tables: dict[str, pd.DataFrame], analyses: tuple[str, ...] = ()) -> dict[str, pd.DataFrame]:
    """The settled tables of every analysis with a corpus-wide step, over these tables."""
    settled = {}
    for module in settling_modules(analyses):
        settled.update(module.settle({name: tables[name] for name in module.SETTLES}))
    return settled


_PIPELINES: dict[tuple, Pipeline] = {}


def tag_partition(articles: list[dict], lexicons: dict[str, str] | None = None,
                  spacy_model: str | None = None, analyses: tuple[str, ...] = (),
                  seconds: float | None = None) -> dict[str, pd.DataFrame]:
    """Clean and tag one partition of articles (as reading.iter_raw_documents makes) into every
    table, scores and errors included. The one batch function of every engine: the local loop,
    the local process pool and the Dask workers all call it, so their results are the same.
    `seconds`: the time limit on each article's cleaning and on its tagging (timelimit.py).

    The Pipeline is shared_pipeline()'s."""
    cleaned, errors = clean_articles(articles, boilerplate_rules(lexicons), seconds)
    return _tag_batch_frames(shared_pipeline(lexicons, spacy_model, analyses), cleaned, errors,
                             order=[article["doc_id"] for article in articles], seconds=seconds)


def shared_pipeline(lexicons: dict[str, str] | None = None, spacy_model: str | None = None,
                    analyses: tuple[str, ...] = ()) -> Pipeline:
    """The Pipeline for these lexicons, built once per process and thread (spaCy's matchers are
    not shared across threads) and kept for the next call."""
    key = (tuple(sorted((lexicons or {}).items())), spacy_model, tuple(analyses),
           threading.get_ident())
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(lexicons, spacy_model, analyses)
        # The pipeline and imports live as long as the process: keep the cyclic garbage
        # collector from walking them after every batch (it took 8% of a run).
        gc.freeze()
    return _PIPELINES[key]


def tag_text(text: str, lexicons: dict[str, str] | None = None, doc_id: str = "t",
             analyses: tuple[str, ...] = ()) -> dict[str, pd.DataFrame]:
    """Every table for one text taken as it is (no cleaning, so offsets point into `text`):
    the way tests and lessons tag a sentence or a short article through the real pipeline."""
    document = {"doc_id": doc_id, "text": text, "n_words": len(text.split())}
    return _tag_batch_frames(shared_pipeline(lexicons, None, tuple(analyses)), [document], raise_errors=True)
