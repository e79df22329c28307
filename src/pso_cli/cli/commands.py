"""Attach every command to the app; each lives in its own small module."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from pso_cli.cli import (
        assess_cmd,
        calibrate_cmd,
        compare_cmd,
        config_cmd,
        criteria_cmd,
        diff_cmd,
        init_cmd,
        rules_cmd,
        schema_cmd,
        validate_cmd,
    )

    app.command("assess", no_args_is_help=True)(assess_cmd.assess)
    app.command("validate", no_args_is_help=True)(validate_cmd.validate)
    app.command("init")(init_cmd.init)
    app.command("schema")(schema_cmd.schema)
    app.command("rules")(rules_cmd.list_rules)
    app.command("explain", no_args_is_help=True)(rules_cmd.explain)
    app.command("calibrate")(calibrate_cmd.calibrate)
    app.command("compare", no_args_is_help=True)(compare_cmd.compare)
    app.command("diff", no_args_is_help=True)(diff_cmd.diff)
    app.add_typer(criteria_cmd.app, name="criteria")
    app.add_typer(config_cmd.app, name="config")
