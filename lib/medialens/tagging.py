"""Tagging a corpus: one pass of spaCy over each document, every analysis's tagger on the Doc.

An analysis module (hedges, sources, figures, frames) provides:
- COLUMNS: {table name: [columns]} for the tables it fills, one row per tagged span;
- READS: the tables of earlier taggers it needs (figures reads hedges and sources);
- class Tagger(lexicons=None, spacy_model=None) with
  tag(ctx) -> {table name: [row dicts]}, where ctx is the document's context.DocContext: the
  Doc, its sentences, and in ctx.found the rows earlier taggers made for it;
- score(tables) -> DataFrame indexed by doc_id, its columns going into scores.csv.
This module runs them in order and assembles tidy DataFrames; the CLI and notebooks call it.
"""
from __future__ import annotations

import gc
import threading
from collections import deque
from typing import Callable, Iterable, Iterator

import pandas as pd

from . import figures, frames, hedges, sources
from .clean import boilerplate_rules
from .context import DocContext
from .corpus import REMOVED_COLUMNS, clean_document, iter_raw_documents, load_corpus, removed_rows
from .errors import MedialensError
from .lexicons import check_overrides
from .sentences import SENTENCE_COLUMNS, pipeline, sentence_rows
from .tables import write_tables

def _in_dependency_order(modules) -> list:
    """The analyses ordered so that each runs after the taggers whose tables it READS; a table
    nobody writes, or a cycle, is a bug in the analyses' declarations and fails at import."""
    writes = {table: module for module in modules for table in module.COLUMNS}
    ordered, available = [], {"sentences"}
    pending = list(modules)
    while pending:
        ready = [m for m in pending if set(m.READS) <= available]
        if not ready:
            missing = {t for m in pending for t in m.READS} - available
            unknown = sorted(missing - set(writes))
            raise RuntimeError(f"analyses read tables nobody writes ({unknown})" if unknown
                               else f"analyses read each other's tables in a cycle ({sorted(missing)})")
        for module in ready:
            ordered.append(module)
            available.update(module.COLUMNS)
            pending.remove(module)
    return ordered


ANALYSES = _in_dependency_order([hedges, sources, figures, frames])
DOCUMENT_TABLE_COLUMNS = ["doc_id", "title", "date", "outlet", "url", "n_words", "n_sentences", "text"]


def table_columns() -> dict[str, list[str]]:
    columns = {"documents": DOCUMENT_TABLE_COLUMNS, "removed": REMOVED_COLUMNS,
               "sentences": SENTENCE_COLUMNS}
    for module in ANALYSES:
        columns.update(module.COLUMNS)
    return columns


class Pipeline:
    """The spaCy pipeline and every analysis's tagger, built once and reused for each batch."""

    def __init__(self, lexicons: dict[str, str] | None = None, spacy_model: str | None = None):
        check_overrides(lexicons)
        if spacy_model:
            import spacy

            if not spacy.util.is_package(spacy_model):
                raise MedialensError(spacy_model, "no installed spaCy pipeline of this name "
                                                  "(pip install it, or leave --spacy-model out)")
        self.nlp = pipeline()
        try:
            self.taggers = [module.Tagger(lexicons=lexicons, spacy_model=spacy_model)
                            for module in ANALYSES]
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

    def tag_batch(self, documents: Iterable[dict], batch_size: int = 64) -> dict[str, list[dict]]:
        """Rows of every table for a batch of document dicts (as corpus.iter_documents makes)."""
        documents = list(documents)
        rows = {name: [] for name in table_columns()}
        texts = (document["text"] for document in documents)
        for document, doc in zip(documents, self.nlp.pipe(texts, batch_size=batch_size)):
            ctx = DocContext.build(doc, document["doc_id"], sentence_rows(doc, document["doc_id"]))
            for tagger in self.taggers:
                ctx.found.update(tagger.tag(ctx))
            found = ctx.found
            rows["documents"].append({**{c: document.get(c, "") for c in DOCUMENT_TABLE_COLUMNS},
                                      "n_sentences": len(found["sentences"])})
            rows["removed"].extend(removed_rows(document) if "removed" in document else [])
            for name, found_rows in found.items():
                rows[name].extend(found_rows)
        return rows


def frames_from_rows(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    columns = table_columns()
    return {name: pd.DataFrame(rows.get(name, []), columns=columns[name]) for name in columns}


def score_tables(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """scores.csv: one row per document, doc_id and n_words then each analysis's measures."""
    scores = tables["documents"].set_index("doc_id")[["n_words", "n_sentences"]]
    for module in ANALYSES:
        scores = scores.join(module.score(tables))
    return scores.reset_index()


def tag_corpus(corpus, lexicons: dict[str, str] | None = None,
               spacy_model: str | None = None) -> dict[str, pd.DataFrame]:
    """Tag a corpus (a path or a DataFrame from load_corpus) and return every table by name:
    documents, removed (what cleaning removed), sentences, each analysis's tables (hedges,
    sources, figures, frames, emotive, actors...) and scores."""
    documents = corpus if isinstance(corpus, pd.DataFrame) else load_corpus(corpus, lexicons)
    return _tag_batch_frames(Pipeline(lexicons, spacy_model), documents.to_dict("records"))


def iter_batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _tag_batch_frames(pipeline_: Pipeline, batch: list[dict]) -> dict[str, pd.DataFrame]:
    tables = frames_from_rows(pipeline_.tag_batch(batch))
    # Every measure in scores is per document, so a batch scores on its own.
    tables["scores"] = score_tables(tables)
    return tables


_PIPELINES: dict[tuple, Pipeline] = {}


def tag_partition(articles: list[dict], lexicons: dict[str, str] | None = None,
                  spacy_model: str | None = None) -> dict[str, pd.DataFrame]:
    """Clean and tag one partition of articles (as corpus.iter_raw_documents makes) into every
    table, scores included. The one batch function of every engine: the local loop, the local
    process pool and the Dask workers all call it, so their results are the same.

    The Pipeline is shared_pipeline()'s."""
    rules = boilerplate_rules(lexicons)
    return _tag_batch_frames(shared_pipeline(lexicons, spacy_model),
                             [clean_document(a, rules) for a in articles])


def shared_pipeline(lexicons: dict[str, str] | None = None, spacy_model: str | None = None) -> Pipeline:
    """The Pipeline for these lexicons, built once per process and thread (spaCy's matchers are
    not shared across threads) and kept for the next call."""
    key = (tuple(sorted((lexicons or {}).items())), spacy_model, threading.get_ident())
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(lexicons, spacy_model)
        # The pipeline and imports live as long as the process: keep the cyclic garbage
        # collector from walking them after every batch (it took 8% of a run).
        gc.freeze()
    return _PIPELINES[key]


def tag_text(text: str, lexicons: dict[str, str] | None = None, doc_id: str = "t") -> dict[str, pd.DataFrame]:
    """Every table for one text taken as it is (no cleaning, so offsets point into `text`):
    the way tests and lessons tag a sentence or a short article through the real pipeline."""
    document = {"doc_id": doc_id, "text": text, "n_words": len(text.split())}
    return _tag_batch_frames(shared_pipeline(lexicons), [document])


def in_order(submit: Callable[[list[dict]], Callable[[], dict]], batches: Iterable[list[dict]],
             window: int) -> Iterator[dict[str, pd.DataFrame]]:
    """Results of submit(batch)() for each batch, in corpus order, with at most `window`
    batches in flight, so a fast reader never queues the whole corpus in memory."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft()()
    while pending:
        yield pending.popleft()()


def iter_tagged_batches(corpus, lexicons: dict[str, str] | None = None,
                        spacy_model: str | None = None, batch_size: int = 200,
                        jobs: int = 1) -> Iterator[dict[str, pd.DataFrame]]:
    """Tag a corpus path in batches of documents, yielding each batch's tables in corpus order
    (memory stays flat). With jobs > 1 the batches are tagged by that many local processes."""
    batches = iter_batches(iter_raw_documents(corpus), batch_size)
    if jobs <= 1:
        for batch in batches:
            yield tag_partition(batch, lexicons, spacy_model)
        return
    import multiprocessing

    # spawn, not fork: a forked child would inherit the parent's threads and open files.
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        yield from in_order(lambda batch: pool.apply_async(
            tag_partition, (batch, lexicons, spacy_model)).get, batches, window=2 * jobs)


def write_tagged(corpus, folder, lexicons: dict[str, str] | None = None,
                 spacy_model: str | None = None, fmt: str = "csv", batch_size: int = 200,
                 jobs: int | None = None, engine: str = "local",
                 scheduler: str | None = None) -> int:
    """Tag `corpus` batch by batch into `folder`: NAME.csv appended per batch, or with
    fmt="parquet" NAME/part-NNNNN.parquet, rows in corpus order whatever the engine.
    engine="local" uses `jobs` processes (default 1); engine="dask" the Dask scheduler at
    `scheduler`, or a LocalCluster of `jobs` worker processes (default 2). Returns the number
    of documents."""
    if engine == "dask":
        from .engines import iter_dask_batches

        batches = iter_dask_batches(corpus, lexicons, spacy_model, batch_size,
                                    scheduler=scheduler, workers=jobs or 2)
    else:
        batches = iter_tagged_batches(corpus, lexicons, spacy_model, batch_size, jobs or 1)
    n_documents = 0
    for part, tables in enumerate(batches):
        n_documents += len(tables["documents"])
        write_tables(tables, folder, fmt, part)
    return n_documents
