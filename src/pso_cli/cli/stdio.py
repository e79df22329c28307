"""Standard streams that may be closed, full or gone: environment faults, not bugs.

A process started with a standard descriptor closed (`pso assess x >&-`, `<&-`) would
hand that descriptor number to the next file it opens, and a message meant for stderr
would land in a report. So each closed descriptor is held open on /dev/null at start-up,
and the stream in its place says it is closed when used: writing to a closed stdout is
an output error (exit 74), reading a closed stdin an input error (exit 3).
"""

from __future__ import annotations

import errno
import io
import os
import sys

# Output I/O errors that say the environment failed, not pso: exit 74 with one line.
IO_ERRNOS = frozenset(
    getattr(errno, name)
    for name in ("ENOSPC", "EDQUOT", "EIO", "EBADF", "EFBIG", "EROFS", "ENXIO", "ENODEV")
    if hasattr(errno, name)
)


class _Closed(io.RawIOBase):
    """A standard stream that was closed when pso started."""

    def __init__(self, writable: bool) -> None:
        super().__init__()
        self._writable = writable

    def readable(self) -> bool:
        return not self._writable

    def writable(self) -> bool:
        return self._writable

    def _fail(self) -> OSError:
        return OSError(errno.EBADF, "it is closed")

    def readinto(self, buffer: object) -> int:
        raise self._fail()

    def write(self, data: object) -> int:
        raise self._fail()


def _open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _hold(fd: int) -> None:
    """Occupy a closed descriptor with /dev/null, so no file of ours takes its number."""
    null = os.open(os.devnull, os.O_RDWR)
    if null != fd:
        os.dup2(null, fd)
        os.close(null)


def guard() -> None:
    """Make closed standard descriptors safe; call first thing, before opening files."""
    if sys.stdin is not None and sys.stdout is not None and sys.stderr is not None:
        return  # the common case: three attribute checks
    for fd in (0, 1, 2):
        if not _open(fd):
            _hold(fd)
    if sys.stdin is None:
        sys.stdin = io.TextIOWrapper(io.BufferedReader(_Closed(False)))
    if sys.stdout is None:
        raw = _Closed(True)
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the run


def describe(exc: OSError) -> str:
    """One line for an output error: 'No space left on device', 'standard output is closed'."""
    return exc.strerror or str(exc)
