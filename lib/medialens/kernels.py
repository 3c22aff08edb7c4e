"""The kernels `medialens run` executes its notebooks in: started before tagging, warmed with
the notebooks' imports, each reused notebook after notebook, two (one per core) at once.

A kernel of its own per notebook cost each notebook a kernel start and the imports of pandas,
matplotlib and medialens (about 2 s), one after the other. Here the kernels start while the
corpus is tagged (in a worker process), each in a thread of its own that then takes the next
notebook waiting; between two notebooks `fresh_namespace`, run inside the kernel, gives the
next one what a new kernel would: an empty namespace, execution counts from 1, the notebooks'
folder as working directory, every warning shown again, no figure left open. The executed
notebooks are the same as with a kernel each (tests/test_report.py compares them).

Signals stay the CLI's: nbclient, run outside the main thread, leaves the handlers alone (in the
main thread it swapped them for its own and left Python's defaults behind), and on leaving
`Kernels` after an error or a signal every kernel is killed and its thread joined.

A kernel's stdout and stderr are silenced: its own messages ("Kernel is running over TCP
without encryption", "KeyboardInterrupt caught in kernel", a dying kernel's traceback) are not
the run's; errors in cells reach the notebook through the kernel's messages.
"""
from __future__ import annotations

import ast
import asyncio
import contextlib
import importlib
import json
import os
import queue
import signal
import subprocess
import threading
import warnings
from pathlib import Path
from typing import Callable

from .errors import MedialensError

# What the jobs of `medialens run` import (report.notebook_job), imported while a kernel starts.
JOB_MODULES = ("papermill", "nbconvert")
# How long leaving Kernels waits for each thread (its job ends with its kernel's death).
JOIN_SECONDS = 15
_FIRST: dict = {}  # in a kernel: the warning filters it started with


def kernel_count(n_notebooks: int) -> int:
    """One kernel per core the run may use, no more than there are notebooks."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(n_notebooks, cores))


def longest_first(notebooks: list[Path]) -> list[Path]:
    """The notebooks in the order the kernels take them: the most code first (ties in the order
    given). What a notebook costs is known only once it has run; its code is the estimate at
    hand, and taking the long ones first keeps a long one from starting last, with the other
    kernel idle (on 200 articles the brief, started last, ran 10 s alone after the others)."""
    def code(path: Path) -> int:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return sum(len("".join(cell["source"])) for cell in cells if cell["cell_type"] == "code")

    return sorted(notebooks, key=code, reverse=True)


def notebook_imports(notebooks: list[Path]) -> list[str]:
    """The import statements at the top level of the notebooks' code cells, each once, in order
    (a cell that is not Python, say one with a %magic, is skipped)."""
    lines: list[str] = []
    for path in notebooks:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            try:
                tree = ast.parse("".join(cell["source"]))
            except SyntaxError:
                continue
            lines += [ast.unparse(node) for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    return list(dict.fromkeys(lines))


def warm(imports: list[str]) -> None:
    """Run in a kernel before its first notebook: import what the notebooks import (one that
    fails is left for the notebook's own cell to report) and note the warning filters."""
    for line in imports:
        try:
            exec(line, {})  # noqa: S102 - the notebooks' own import statements
        except Exception:  # noqa: BLE001 - the notebook's cell says what is wrong
            pass
    _FIRST["filters"] = list(warnings.filters)


def fresh_namespace(cwd: str) -> None:
    """Run in a kernel between two notebooks: what a new kernel would give the next one."""
    import sys

    from IPython import get_ipython

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    os.chdir(cwd)
    warnings.simplefilter("default")  # changing the filters makes warnings already shown show again
    warnings.filters[:] = _FIRST["filters"]
    get_ipython().reset(new_session=True)


def _call(function: str, argument) -> str:
    """The code that calls `function` of this module in a kernel."""
    return f"from medialens.kernels import {function} as _f\n_f({argument!r})"


def _kernel_manager():
    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd, **kw):
            kw.update(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return await super()._async_launch_kernel(kernel_cmd, **kw)

        def client(self, **kwargs):
            client = super().client(**kwargs)
            self.clients.append(client)  # each notebook's, stopped after it (see _Kernel.run)
            return client

    km = QuietKernelManager(kernel_name="python3")
    km.clients = []
    return km


class _Kernel(threading.Thread):
    """One kernel, owned by this thread (its sockets belong to the thread's event loop): started
    and warmed, then given jobs from `jobs` until it takes None; each job's outcome goes to
    `done` as (job, error or None)."""

    def __init__(self, cwd: Path, imports: list[str], jobs: queue.Queue, done: queue.Queue):
        super().__init__(daemon=True)
        self.cwd, self.imports, self.jobs, self.done = str(cwd), imports, jobs, done
        self.pid: int | None = None
        self.stopping = threading.Event()

    def run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        km = _kernel_manager()
        try:
            # nbclient's own start would keep the IPython history in memory too.
            loop.run_until_complete(km.start_kernel(
                cwd=self.cwd, extra_arguments=["--HistoryManager.hist_file=:memory:"]))
            self.pid = km.provisioner.process.pid
            if self.stopping.is_set():
                return self._drain(loop, km)
            for module in JOB_MODULES:  # while the kernel starts
                importlib.import_module(module)
            loop.run_until_complete(self._quietly(km, _call("warm", self.imports)))
        except BaseException as error:  # noqa: BLE001 - the main thread says what failed
            self.done.put((None, error))
            return self._drain(loop, km)
        while (job := self.jobs.get()) is not None:
            try:
                job(km)
                self._stop_clients(km)  # nbclient's, one per notebook
                loop.run_until_complete(self._quietly(km, _call("fresh_namespace", self.cwd)))
                self.done.put((job, None))
            except BaseException as error:  # noqa: BLE001 - passed on to the main thread
                self.done.put((job, error))
                break
        self._drain(loop, km)

    @staticmethod
    def _stop_clients(km) -> None:
        for client in km.clients:
            client.stop_channels()
        km.clients.clear()

    def _drain(self, loop, km) -> None:
        self._stop_clients(km)
        try:
            loop.run_until_complete(km.shutdown_kernel(now=True))
        except Exception:  # noqa: BLE001 - already dead (killed by stop())
            with contextlib.suppress(Exception):
                loop.run_until_complete(km.cleanup_resources())
        loop.close()

    @staticmethod
    async def _quietly(km, code: str) -> None:
        """Run `code` in the kernel without a trace in the notebook (no execution count, no
        output), through a client of its own on the shell channel alone (one kept from call to
        call receives no reply once nbclient has run a notebook with another)."""
        client = km.client()
        client.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
        msg_id = client.execute(code, silent=True, store_history=False, allow_stdin=False)
        while True:
            try:
                reply = await client.get_shell_msg(timeout=1)
            except queue.Empty:
                if not await km.is_alive():
                    raise RuntimeError("the kernel died") from None
                continue
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        _Kernel._stop_clients(km)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"the kernel failed: {reply['content'].get('evalue', '')}")

    def stop(self) -> None:
        """Kill the kernel (and what it started): its notebook ends with a dead kernel."""
        self.stopping.set()
        if self.pid is not None:
            try:
                os.killpg(self.pid, signal.SIGKILL)  # the kernel leads a session of its own
            except OSError:
                pass


class Kernels:
    """`count` kernels started in the notebooks' folder `cwd` on entering, warmed with
    `imports`; `start(jobs)` gives each job (a function of a kernel manager) to the next free
    kernel, `wait()` waits for them all. On leaving, every kernel is shut down, killed if the
    block ended with an error (a signal included), and its thread joined, so that nothing is
    written into the run's folder after it."""

    def __init__(self, cwd: Path, imports: list[str], count: int):
        self.jobs: queue.Queue = queue.Queue()
        self.done: queue.Queue = queue.Queue()
        self.threads = [_Kernel(cwd, imports, self.jobs, self.done) for _ in range(count)]
        self.started = 0

    def __enter__(self) -> "Kernels":
        for thread in self.threads:
            thread.start()
        return self

    def start(self, jobs: list[Callable]) -> None:
        """Queue `jobs`, each a function of a kernel manager, for the next free kernel."""
        self.started += len(jobs)
        for job in jobs:
            self.jobs.put(job)

    def wait(self) -> None:
        """Wait for every job started; the first error of a job or a kernel is raised (one
        that is not a MedialensError as one, naming the kernel)."""
        while self.started:
            job, error = self.done.get()
            if isinstance(error, MedialensError) or error is not None and not isinstance(error, Exception):
                raise error  # the notebook's own one line, or a signal
            if error is not None:
                raise MedialensError("a notebook kernel", f"{type(error).__name__}: {error}") from None
            self.started -= 1

    def __exit__(self, kind, error, traceback) -> None:
        if error is not None:
            while not self.jobs.empty():  # the jobs not begun are dropped
                self.jobs.get_nowait()
            for thread in self.threads:
                thread.stop()
        for _ in self.threads:
            self.jobs.put(None)
        for thread in self.threads:
            thread.join(timeout=JOIN_SECONDS)
