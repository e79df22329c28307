"""Stable exit codes, documented in README.md and `pso --help`."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    VERDICT_FAILED = 1
    USAGE = 2
    INVALID_INPUT = 3
    CONFIG = 4
    INTERNAL = 70
    IO_ERROR = 74  # EX_IOERR: an output could not be written (disk full, closed stdout)
    HANGUP = 129  # SIGHUP: the terminal went away
    INTERRUPTED = 130  # SIGINT: Ctrl-C
    TERMINATED = 143  # SIGTERM
