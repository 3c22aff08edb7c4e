"""Worker processes that tag partitions, where a dying worker costs one article, not the run.

A worker process can die in the middle of a partition: a user's analysis calls os._exit, the
kernel kills it for its memory, an article sends a tagger into a C loop that no time limit
reaches. Then the pool is started again and that partition is tagged article by article
(one_by_one), so the article that kills its worker again is found and becomes an error row of
stage "worker"; every other article of the partition is tagged as usual. The Dask engine does
the same with its own workers (engines.py).

Workers ignore SIGINT: Ctrl-C in a terminal reaches every process of the group, and it is the
parent's to stop the run (and these workers with it), not each worker's to print a traceback.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from .parts import TaggedPart, error_part
from .stopping import held


DIED = "the worker process tagging this article died (it exited, was killed, or ran out of memory)"


class WorkerDied(Exception):
    """The process tagging an article died, or stopped answering, before it was done."""


def _worker_start(parent: int) -> None:
    """Ignore SIGINT (the parent's to act on), and exit when the parent is gone: a parent killed
    with SIGKILL cannot stop its workers, and a worker holds both ends of its task queue, so it
    would wait for tasks for ever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="medialens-parent-watch").start()


class WorkerPool:
    """`jobs` spawned worker processes (spawn, not fork: a forked child would inherit the
    parent's threads and open files) running partition tasks, started again when one dies.
    `seconds` (the per-article time limit, enforced inside the workers) also sets how long the
    parent waits for one partition before it takes the workers for stuck and kills them."""

    def __init__(self, jobs: int, seconds: float | None, analyses: tuple[str, ...] = ()):
        self.jobs, self.seconds, self.analyses = jobs, seconds, analyses
        self.generation, self.executor = 0, None
        self._start()

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.executor.shutdown(wait=True)
        else:  # a signal or an error: the workers' partitions are of no use any more
            self._kill()

    def _start(self) -> None:
        """Start every worker now (the executor would start them one per submit), with signals
        held (stopping.held): a worker never starts half-way, and never sees a Ctrl-C."""
        try:
            with held():
                self.executor = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                                    initializer=_worker_start, initargs=(os.getpid(),))
                for _ in range(self.jobs):  # each submit with no idle worker starts one
                    self.executor.submit(os.getpid)
        except BaseException:  # the signal held while they started: no `with` stops them yet
            self._kill()
            raise
        self.generation += 1

    def _kill(self) -> None:
        if self.executor is None:
            return
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        for process in processes:
            process.kill()
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(timeout=10)

    def _restart(self, generation: int) -> None:
        if generation == self.generation:  # not already started again by another partition
            self._kill()
            self._start()

    def _patience(self, n_articles: int) -> float | None:
        # Each article may use the limit twice (cleaning, then tagging); a minute for the rest.
        return None if not self.seconds else 2 * self.seconds * n_articles + 60

    def submit(self, task: Callable, batch: list[dict], fmt: str) -> Callable[[], list[TaggedPart]]:
        """Start `task(batch)`; the returned callable waits for its parts: the batch's, or one
        per article when its worker died (the article that kills a worker again is an error row)."""
        future, generation = self.executor.submit(task, batch), self.generation

        def result():
            try:
                return [future.result(timeout=self._patience(len(batch)))]
            except (BrokenProcessPool, CancelledError, FuturesTimeout):
                self._restart(generation)
                return one_by_one(batch, lambda article: self._alone(task, [article]), (WorkerDied,),
                                  lambda article, message: self._alone(error_part, article, message,
                                                                       fmt, self.analyses))
        return result

    def _alone(self, task: Callable, *args) -> TaggedPart:
        future, generation = self.executor.submit(task, *args), self.generation
        try:
            return future.result(timeout=self._patience(1))
        except (BrokenProcessPool, CancelledError) as error:
            self._restart(generation)
            raise WorkerDied(DIED) from error
        except FuturesTimeout as error:
            self._restart(generation)
            raise WorkerDied(f"the worker process tagging this article did not answer within "
                             f"{self._patience(1):g} s and was stopped") from error


def one_by_one(batch: list[dict], tag_one: Callable[[dict], TaggedPart], died: tuple,
               error_one: Callable[[dict, str], TaggedPart]) -> list[TaggedPart]:
    """The parts of `batch` tagged one article at a time by `tag_one`; for an article whose
    worker dies (`died`: the exceptions that say so), error_one's part: a row of stage "worker"."""
    parts = []
    for article in batch:
        try:
            parts.append(tag_one(article))
        except died as error:
            parts.append(error_one(article, str(error) if isinstance(error, WorkerDied) else DIED))
    return parts
