"""A progress bar on stderr for long batches, shown only to a person at a terminal.

Never in piped output: it appears only when stderr is a terminal, the batch is long
enough to be worth it, and standard output is not a terminal (the report would share
the screen with it). It never redirects standard output or standard error (rich's
Progress does by default, and JSON Lines written while it ran went to the terminal,
leaving a redirected stdout empty): machine output is byte-complete whatever stderr is.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
MIN_FILES = 20


def wanted(total: int, report_on_terminal: bool | None = None) -> bool:
    """`report_on_terminal` defaults to whether standard output is a terminal."""
    on_terminal = sys.stdout.isatty() if report_on_terminal is None else report_on_terminal
    return total >= MIN_FILES and sys.stderr.isatty() and not on_terminal


def tracked(items: Iterable[T], total: int, enabled: bool) -> Iterator[T]:
    """Yield items unchanged, advancing a transient bar on stderr when enabled."""
    if not enabled:
        yield from items
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("assessing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    bar = Progress(
        *columns,
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    with bar:
        task = bar.add_task("assess", total=total)
        for item in items:
            yield item
            bar.advance(task)
