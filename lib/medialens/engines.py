"""Running the tagger over a corpus in batches: one process, local processes, or Dask.

Every engine reads the corpus article by article in this process (reading.iter_raw_documents),
cuts it into partitions of `batch_size` articles and has each cleaned, tagged and encoded by
parts.tag_part, the one batch function: here in a loop, in a pool of `--jobs` local processes,
or on the workers of a dask.distributed cluster. This process then only writes the parts' bytes
(parts.py): with workers, it imports pandas only for the corpus-wide step, once they have
stopped, so a run holds one copy of pandas and spaCy at a time. Results come back in corpus order
with at most two partitions per worker in flight, so memory stays flat on both sides and every
engine writes the same tables row for row. An article that fails is a row of the errors table,
never the end of the run (failures.py says how); so is one whose worker process dies (a plug-in
that exits, an out-of-memory kill) or that runs past the time limit: the batch is tagged again
article by article in fresh workers (workers.py), and the article that kills its worker again is
an error row of stage "worker".

Dask workers need medialens installed and any --lexicon files (and --analysis modules) at the
same path; they need no access to the corpus or the output folder, only the client does.
Without a scheduler address a LocalCluster of worker processes (one thread each) is started
and stopped here. Making the output folder appear whole is outputs.atomic_folder's (the CLI's).
"""
from __future__ import annotations

import contextlib
import functools
import itertools
import logging
from collections import deque
from typing import Callable, Iterable, Iterator, NamedTuple

from .errors import MedialensError
from .parts import TaggedPart, error_part, tag_part, warn_about_checks, write_part
from .reading import iter_raw_documents
from .stopping import held
from .timelimit import DEFAULT_SECONDS
from .workers import WorkerPool, one_by_one


class Tagged(NamedTuple):
    """What write_tagged did: documents tagged, and articles left out (rows of errors)."""
    documents: int
    failed: int


def iter_batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def in_order(submit: Callable[[list[dict]], Callable[[], list]], batches: Iterable[list[dict]],
             window: int) -> Iterator[list]:
    """Results of submit(batch)() for each batch, in corpus order, with at most `window`
    batches in flight, so a fast reader never queues the whole corpus in memory."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft()()
    while pending:
        yield pending.popleft()()


def iter_local_batches(corpus, fmt: str = "csv", lexicons: dict[str, str] | None = None,
                       spacy_model: str | None = None, batch_size: int = 200,
                       jobs: int | None = None, analyses: tuple[str, ...] = (),
                       seconds: float | None = DEFAULT_SECONDS) -> Iterator[list[TaggedPart]]:
    """Each partition's parts in corpus order, tagged in this process (jobs=None) or by
    `jobs` worker processes (a worker that dies costs one article: workers.WorkerPool)."""
    batches = iter_batches(iter_raw_documents(corpus), batch_size)
    task = functools.partial(tag_part, fmt=fmt, lexicons=lexicons, spacy_model=spacy_model,
                             analyses=analyses, seconds=seconds)
    if not jobs:
        for batch in batches:
            yield [task(batch)]
        return
    with WorkerPool(jobs, seconds, analyses) as pool:
        yield from in_order(lambda batch: pool.submit(task, batch, fmt), batches, window=2 * jobs)


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int = 2):
    """A distributed.Client on `scheduler`, or on a LocalCluster of `workers` processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="5s")
        except (OSError, TimeoutError, ValueError, TypeError) as error:
            # ValueError: an address that is none ('not a url'); OSError: nobody listening.
            raise MedialensError(scheduler, f"cannot reach the Dask scheduler ({error})") from None
        with client:
            yield client
        return
    # processes: the taggers are pure Python and would share one GIL as threads. A task whose
    # worker died is not given to another worker: it is the article's failure (workers.one_by_one).
    import dask

    # No statistical profiler in the workers: it keeps a call tree per second of the last hour,
    # and a worker grew by 160 MB over a 100 MB corpus (the local engine's stayed flat).
    with dask.config.set({"distributed.scheduler.allowed-failures": 0,
                          "distributed.worker.profile.enabled": False}), contextlib.ExitStack() as stack:
        with held():  # its worker processes start whole, or not at all
            # No dashboard; the scheduler's own HTTP server (health routes) on a free port, not on
            # 8787, where another cluster of the machine would make it print a warning.
            cluster = stack.enter_context(LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                scheduler_kwargs={"dashboard": False, "dashboard_address": ":0"},
                silence_logs=logging.CRITICAL))
            client = stack.enter_context(Client(cluster))
        yield client


def iter_dask_batches(corpus, fmt: str = "csv", lexicons: dict[str, str] | None = None,
                      spacy_model: str | None = None, batch_size: int = 200,
                      scheduler: str | None = None, workers: int = 2,
                      analyses: tuple[str, ...] = (),
                      seconds: float | None = DEFAULT_SECONDS) -> Iterator[list[TaggedPart]]:
    """Each partition's parts (as parts.tag_part returns them), in corpus order."""
    batches = iter_batches(iter_raw_documents(corpus), batch_size)
    first = next(batches, None)  # read errors (no such folder...) before starting a cluster
    if first is None:
        return
    with dask_client(scheduler, workers) as client:
        n_workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))

        from distributed import KilledWorker

        task = functools.partial(tag_part, fmt=fmt, lexicons=lexicons, spacy_model=spacy_model,
                                 analyses=analyses, seconds=seconds)

        def run(function, *args) -> Callable[[], TaggedPart]:
            return client.submit(function, *args, pure=False).result

        def submit(batch):
            result = run(task, batch)

            def parts() -> list[TaggedPart]:
                try:
                    return [result()]
                except KilledWorker:
                    return one_by_one(batch, lambda article: run(task, [article])(), (KilledWorker,),
                                      lambda article, message: run(error_part, article, message,
                                                                   fmt, analyses)())
            return parts

        yield from in_order(submit, itertools.chain([first], batches), window=2 * n_workers)


def write_tagged(corpus, folder, lexicons: dict[str, str] | None = None,
                 spacy_model: str | None = None, fmt: str = "csv", batch_size: int = 200,
                 jobs: int | None = None, engine: str = "local",
                 scheduler: str | None = None, analyses: tuple[str, ...] = (),
                 seconds: float | None = DEFAULT_SECONDS) -> Tagged:
    """Tag `corpus` batch by batch into `folder`: NAME.csv appended per batch, or with
    fmt="parquet" NAME/part-NNNNN.parquet, rows in corpus order whatever the engine; the errors
    table is always written (only its header when nothing failed). engine="local" tags in this
    process, or with `jobs` in that many worker processes (the CLI's default: one); engine="dask"
    on the Dask scheduler at `scheduler`, or a LocalCluster of `jobs` worker processes (default
    2). `analyses`: import paths of extra analysis modules (see tagging.py). `seconds`: the time
    limit on each article's cleaning and on its tagging (None: none). Returns the number of
    documents tagged and of articles that failed."""
    analyses = tuple(analyses)
    if engine == "dask":
        batches = iter_dask_batches(corpus, fmt, lexicons, spacy_model, batch_size, scheduler=scheduler,
                                    workers=jobs or 2, analyses=analyses, seconds=seconds)
    else:
        batches = iter_local_batches(corpus, fmt, lexicons, spacy_model, batch_size, jobs, analyses,
                                     seconds)
    written = n_documents = n_failed = 0
    checks = []
    # closing: a signal (or error) while a batch is written stops the workers here and now; left
    # to the garbage collector, they would be stopped in whatever thread collects the generator,
    # possibly the pool's own manager thread while it holds the pool's lock (a hang at exit).
    with contextlib.closing(batches):
        for parts in batches:
            for part in parts:
                write_part(part, folder, fmt, written)
                written += 1
                n_documents, n_failed = n_documents + part.documents, n_failed + part.failed
                checks.extend(part.checks)
    settle_written(folder, fmt, analyses)
    warn_about_checks(checks)
    return Tagged(n_documents, n_failed)


def settle_written(folder, fmt: str = "csv", analyses: tuple[str, ...] = ()) -> None:
    """The corpus-wide step of the analyses that have one (their SETTLES tables, read back once
    every batch is written, settled and written again: figures place undated crowds' occasions)."""
    # Imported here, once the workers have stopped: the rest of this module runs without pandas.
    from .tables import read_tables, rewrite_table
    from .tagging import settling_modules

    for module in settling_modules(analyses):
        tables = read_tables(folder, names=module.SETTLES)
        for name, table in module.settle(tables).items():
            rewrite_table(table, folder, name, fmt)
