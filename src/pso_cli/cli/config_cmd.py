"""`pso config show`: the effective settings and where each came from."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

app = typer.Typer(
    help="Settings from pso.toml or [tool.pso] in pyproject.toml.", no_args_is_help=True
)


@app.command("show")
def show(
    config: Annotated[
        str | None, typer.Option("--config", metavar="FILE", help="Settings file.")
    ] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore settings files.")] = False,
) -> None:
    """Print each setting, its value and its source (default, a file, or the command line)."""
    from pso_cli.config import resolve_with_sources

    values, sources = resolve_with_sources(config, no_config)
    doc = {k: {"value": values[k], "source": sources[k]} for k in values}
    sys.stdout.write(json.dumps(doc, indent=2) + "\n")
