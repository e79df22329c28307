"""A progress bar on stderr for long batches, shown only to a person at a terminal.

Never in piped output: it appears only when stderr is a terminal, the batch is long
enough to be worth it, and the report itself is not streaming to that same terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
MIN_FILES = 20


def wanted(total: int, report_on_terminal: bool) -> bool:
    return total >= MIN_FILES and sys.stderr.isatty() and not report_on_terminal


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
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("assess", total=total)
        for item in items:
            yield item
            bar.advance(task)
