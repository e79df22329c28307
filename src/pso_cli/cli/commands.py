"""Attach commands to the app; each lives in its own small module.

`register(app, only=NAME)` imports and attaches one command (or group) alone: `pso NAME
...` is parsed by an app holding just that command, so Typer builds the Click command,
options and converters of one command instead of all of them (see main.run).
"""

from __future__ import annotations

import importlib
from types import ModuleType

import typer

# name: (module in pso_cli.cli, function, no_args_is_help), in --help order
COMMANDS: dict[str, tuple[str, str, bool]] = {
    "assess": ("assess_cmd", "assess", True),
    "validate": ("validate_cmd", "validate", True),
    "init": ("init_cmd", "init", False),
    "schema": ("schema_cmd", "schema", False),
    "migrate": ("migrate_cmd", "migrate", True),
    "rules": ("rules_cmd", "list_rules", False),
    "explain": ("rules_cmd", "explain", True),
    "calibrate": ("calibrate_cmd", "calibrate", False),
    "compare": ("compare_cmd", "compare", True),
    "diff": ("diff_cmd", "diff", True),
}
# name: module in pso_cli.cli defining `app`, a Typer group
GROUPS: dict[str, str] = {
    "criteria": "criteria_cmd",
    "config": "config_cmd",
}
NAMES = frozenset(COMMANDS) | frozenset(GROUPS)


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"pso_cli.cli.{name}")


def register(app: typer.Typer, only: str | None = None) -> None:
    for name, (module, function, no_args) in COMMANDS.items():
        if only in (None, name):
            app.command(name, no_args_is_help=no_args)(getattr(_module(module), function))
    for name, module in GROUPS.items():
        if only in (None, name):
            app.add_typer(_module(module).app, name=name)
