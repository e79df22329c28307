"""Signals that stop a run, and which one arrived.

Ctrl-C, SIGTERM and SIGHUP all stop pso the same way: the handler records the signal
and raises `Stopped` (a KeyboardInterrupt) wherever the main thread is. Recording it is
what lets the rule boundary tell the user's Ctrl-C (the run must stop) from a
KeyboardInterrupt that rule code raised itself (that rule's error finding). A signal
that was ignored when pso started (`nohup`, a background job's SIGINT) stays ignored.
"""

from __future__ import annotations

import signal
from types import FrameType

_received: int | None = None
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Stopped(KeyboardInterrupt):
    """Raised by the handler of a stop signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def received() -> int | None:
    """The stop signal that arrived, if one did."""
    return _received


def _handler(signum: int, frame: FrameType | None) -> None:
    global _received
    _received = signum
    raise Stopped(signum)


def install() -> None:
    """Handle every stop signal that is not ignored (main thread only)."""
    for sig in STOP_SIGNALS:
        if signal.getsignal(sig) is not signal.SIG_IGN:
            signal.signal(sig, _handler)


def reset() -> None:
    """Forget a received signal (tests, and a worker process starting fresh)."""
    global _received
    _received = None


def check() -> None:
    """Raise Stopped if a stop signal arrived, even if the code it interrupted caught it."""
    if _received is not None:
        raise Stopped(_received)
