"""A per-rule time limit that can stop a rule stuck in Python code.

On the main thread of a POSIX process, an interval timer raises RuleTimeout inside the
rule when its budget runs out. Elsewhere (other threads, Windows) the limit is checked
after the rule returns, so a slow rule is still discarded and reported.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter
from types import FrameType

_MIN_REARM_S = 1e-4  # a zero interval would disarm the timer


class RuleTimeout(Exception):
    """Raised inside a rule that ran past its time limit."""


def _can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class RuleClock:
    """Which rule is running, since when, and one interval timer that watches it.

    Arming a timer per rule costs two system calls a rule; instead one timer is armed
    for a whole run of rules. When it fires, the handler stops the current rule only if
    that rule has used up its limit, and otherwise re-arms the timer for the rest of
    the rule's budget, so a run of quick rules is never blamed on the rule that happens
    to be running when the timer fires.
    """

    __slots__ = ("limit", "started")

    def __init__(self, limit: float) -> None:
        self.limit = limit
        self.started: float | None = None  # perf_counter() when the current rule began

    def on_alarm(self, signum: int, frame: FrameType | None) -> None:
        started = self.started
        remaining = self.limit if started is None else self.limit - (perf_counter() - started)
        if remaining <= 0:
            raise RuleTimeout
        signal.setitimer(signal.ITIMER_REAL, max(remaining, _MIN_REARM_S))


@contextmanager
def rule_clock(limit: float) -> Iterator[RuleClock]:
    """A RuleClock whose timer interrupts a rule past `limit`, where that is possible.

    Callers set `clock.started` when a rule begins and reset it to None when the rule
    ends, inside the `try` that catches RuleTimeout. Where no timer can interrupt
    (limit <= 0, other threads, Windows) the clock only records start times.
    """
    clock = RuleClock(limit)
    if limit <= 0 or not _can_interrupt():
        yield clock
        return
    previous = signal.signal(signal.SIGALRM, clock.on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield clock
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
