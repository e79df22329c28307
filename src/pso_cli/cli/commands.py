"""Attach every command to the app; each lives in its own small module."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from pso_cli.cli import init_cmd, schema_cmd, validate_cmd

    app.command("validate", no_args_is_help=True)(validate_cmd.validate)
    app.command("init")(init_cmd.init)
    app.command("schema")(schema_cmd.schema)
