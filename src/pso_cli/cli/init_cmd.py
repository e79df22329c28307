"""`pso init`: start a proposal from a commented template that validates."""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer


def template_text() -> str:
    return resources.files("pso_cli.templates").joinpath("proposal.yaml").read_text("utf-8")


def init(
    file: Annotated[str, typer.Argument(help="File to write, or - for stdout.")] = "proposal.yaml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented template proposal to FILE (default proposal.yaml)."""
    text = template_text()
    if file == "-":
        sys.stdout.write(text)
        return
    target = Path(file)
    if os.path.lexists(target) and not force:
        print(f"pso: {file} exists; use --force to overwrite", file=sys.stderr)
        raise typer.Exit(2)
    from pso_cli.render.files import write_atomic

    write_atomic(file, text)
    print(f"wrote {file}; next: pso validate {file}", file=sys.stderr)
