"""SIGINT and SIGTERM stop the program: raised in the main thread as KeyboardInterrupt and
errors.Stopped (BaseExceptions, so no article's `except Exception` takes them), unless held.

A signal that arrives while a worker process is being started would leave that half-started
child reading a closed pipe and printing a traceback, and a Ctrl-C in a terminal reaches every
process of the group; `held()`, around starting worker processes, keeps SIGTERM until the block
is done and ignores SIGINT, so the children start ignoring it. The CLI installs the handlers (`handling_signals`); a library
user's program keeps its own.
"""
from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator

from .errors import Stopped

_HELD = {"depth": 0, "pending": None}
# The last signal received while the handlers were installed. Python drops an exception raised
# while it runs a weakref callback or a __del__ ("Exception ignored in ..."): a signal that lands
# there stops nothing, so what would make the run's output final asks here first (stop_if_signalled).
_RECEIVED = {"signum": None}


def _raise_for(signum: int) -> None:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt()
    raise Stopped(signum)


def _on_signal(signum, frame) -> None:
    _RECEIVED["signum"] = signum
    if _HELD["depth"]:
        _HELD["pending"] = signum
        return
    _raise_for(signum)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Hold SIGTERM (as handled here) until the block ends, then raise it; ignore SIGINT in the
    block, so that the processes started in it inherit "ignore" and a Ctrl-C in the terminal
    (which reaches the whole process group) is the parent's alone to act on. A Ctrl-C pressed
    in that moment (starting the workers) is dropped: the next one stops the run."""
    ignoring = (threading.current_thread() is threading.main_thread()
                and signal.getsignal(signal.SIGINT) is _on_signal)
    if ignoring:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _HELD["depth"] += 1
    try:
        yield
    finally:
        if ignoring:
            signal.signal(signal.SIGINT, _on_signal)
        _HELD["depth"] -= 1
        pending, _HELD["pending"] = _HELD["pending"], None
        if pending is not None and not _HELD["depth"]:
            _raise_for(pending)
        elif pending is not None:
            _HELD["pending"] = pending


@contextlib.contextmanager
def handling_signals() -> Iterator[None]:
    """SIGINT and SIGTERM raise in the main thread while the block runs (nothing elsewhere)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    _RECEIVED["signum"] = None
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def stop_if_signalled() -> None:
    """Raise for a signal received in handling_signals whose exception Python dropped."""
    if _RECEIVED["signum"] is not None:
        _raise_for(_RECEIVED["signum"])
