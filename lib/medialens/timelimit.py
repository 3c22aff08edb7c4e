"""A time limit on one article's cleaning or tagging, the same in every engine.

In a process's main thread (the local engine's workers, a notebook) a timer signal (SIGALRM)
interrupts the article; in any other thread (a Dask worker's) a timer thread raises the
exception in the tagging thread. Either way the article becomes a row of errors.csv and the
batch goes on. Both act between Python bytecodes: code stuck inside one C call (a regular
expression that backtracks for ever) is only stopped by the engine, which kills the worker
(engines.py).
"""
from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
from typing import Iterator

DEFAULT_SECONDS = 300.0  # the largest article read (2 million characters) tags in about 50 s


class ArticleTimeout(Exception):
    """An article's cleaning or tagging ran past the time limit."""


@contextlib.contextmanager
def time_limit(seconds: float | None, what: str = "this article") -> Iterator[None]:
    """Raise ArticleTimeout in this block once it has run `seconds` (None or 0: no limit)."""
    if not seconds:
        yield
        return
    message = f"{what} took longer than {seconds:g} s, the time limit per article (--time-limit)"
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds, message):
            yield
    else:
        with _timer_thread(seconds, message):
            yield


@contextlib.contextmanager
def _alarm(seconds: float, message: str) -> Iterator[None]:
    def expired(signum, frame):
        raise ArticleTimeout(message)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _timer_thread(seconds: float, message: str) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    lock, state = threading.Lock(), {"active": True, "fired": False}

    def expire():
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(ArticleTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except ArticleTimeout:
        raise ArticleTimeout(message) from None
    finally:
        with lock:
            state["active"] = False
            timer.cancel()
            if state["fired"]:  # raised too late to land in the block: never in the caller
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
