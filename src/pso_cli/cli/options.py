"""Options shared by several commands, declared once."""

from __future__ import annotations

from typing import Annotated

import typer

DEFAULT_MAX_BYTES = 2 * 1024 * 1024

Paths = Annotated[
    list[str],
    typer.Argument(
        help="Proposal files, directories, globs, or - for stdin.",
        show_default=False,
        metavar="PATH...",
    ),
]
StdinFilename = Annotated[
    str,
    typer.Option("--stdin-filename", metavar="NAME", help="Name to report for input read from -."),
]
MaxBytes = Annotated[
    int,
    typer.Option("--max-bytes", min=1, metavar="N", help="Refuse input files larger than N bytes."),
]
