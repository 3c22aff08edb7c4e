"""The Dask engine: `medialens tag --engine dask` tags a corpus on a dask.distributed cluster.

The client (this process) reads the corpus article by article (tagging.iter_raw_documents),
cuts it into partitions of `batch_size` articles and submits each to the cluster; a worker
cleans and tags it with tagging.tag_partition, the very function of the local engine, and
sends its tables back. The client writes them as parts, in corpus order, with at most two
partitions per worker in flight, so memory stays flat on both sides and the output equals the
local engine's row for row. Workers need medialens installed and any --lexicon files at the
same path; they need no access to the corpus or the output folder, only the client does.

Without a scheduler address a LocalCluster of worker processes (one thread each) is started
and stopped here. Writing the tables (tables.write_tables) and making the output folder
appear whole (tables.atomic_folder) are left to tagging.write_tagged and the CLI.
"""
from __future__ import annotations

import contextlib
import itertools
import logging
from typing import Iterator

import pandas as pd

from .errors import MedialensError
from .tagging import in_order, iter_batches, iter_raw_documents, tag_partition


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int = 2):
    """A distributed.Client on `scheduler`, or on a LocalCluster of `workers` processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="5s")
        except (OSError, TimeoutError) as error:
            raise MedialensError(scheduler, f"cannot reach the Dask scheduler ({error})") from None
        with client:
            yield client
        return
    # processes: the taggers are pure Python and would share one GIL as threads.
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        yield client


def iter_dask_batches(corpus, lexicons: dict[str, str] | None = None,
                      spacy_model: str | None = None, batch_size: int = 200,
                      scheduler: str | None = None,
                      workers: int = 2) -> Iterator[dict[str, pd.DataFrame]]:
    """Each partition's tables (as tagging.tag_partition returns them), in corpus order."""
    batches = iter_batches(iter_raw_documents(corpus), batch_size)
    first = next(batches, None)  # read errors (no such folder...) before starting a cluster
    if first is None:
        return
    with dask_client(scheduler, workers) as client:
        n_workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))

        def submit(batch):
            return client.submit(tag_partition, batch, lexicons, spacy_model, pure=False).result

        yield from in_order(submit, itertools.chain([first], batches), window=2 * n_workers)
