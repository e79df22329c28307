"""A per-rule time limit that can stop a rule stuck in Python code.

On the main thread of a POSIX process, an interval timer raises RuleTimeout inside the
rule when its budget runs out. Elsewhere (other threads, Windows) the limit is checked
after the rule returns, so a slow rule is still discarded and reported.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


class RuleTimeout(Exception):
    """Raised inside a rule that ran past its time limit."""


def _raise(signum: int, frame: FrameType | None) -> None:
    raise RuleTimeout


def _can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[Callable[[], None]]:
    """Within the block, a RuleTimeout interrupts code running past `seconds`."""
    if seconds <= 0 or not _can_interrupt():
        yield lambda: None
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield lambda: None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def alarm_handler() -> Iterator[bool]:
    """Install the SIGALRM handler around many rules; yields whether timers may be armed.

    Callers arm `signal.setitimer(ITIMER_REAL, seconds)` per rule and disarm it after;
    RuleTimeout is raised inside the rule when the timer fires.
    """
    if not _can_interrupt():
        yield False
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
