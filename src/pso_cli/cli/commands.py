"""Attach commands to the app; each lives in its own small module.

`register(app, only=NAME)` imports and attaches one command (or group) alone: `pso NAME
...` is parsed by an app holding just that command, so Typer builds the Click command,
options and converters of one command instead of all of them (see main.run).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

import typer

from pso_cli.cli.command_class import PsoCommand

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
    "cache": "cache_cmd",
}
NAMES = frozenset(COMMANDS) | frozenset(GROUPS)
# Commands that read proposal files, and so take --skip-other-yaml (see cli/skip_other.py)
READ_FILES = frozenset({"assess", "validate"})


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"pso_cli.cli.{name}")


def _command(name: str, module: str, function: str) -> Callable[..., Any]:
    command: Callable[..., Any] = getattr(_module(module), function)
    if name == "explain":
        from pso_cli.cli.complete import completing, rule_codes

        return completing(command, "code", rule_codes)
    if name not in READ_FILES:
        return command
    from pso_cli.cli.skip_other import with_skip_other_yaml

    return with_skip_other_yaml(command)


def register(app: typer.Typer, only: str | None = None) -> None:
    for name, (module, function, no_args) in COMMANDS.items():
        if only in (None, name):
            app.command(name, no_args_is_help=no_args, cls=PsoCommand)(
                _command(name, module, function)
            )
    for name, module in GROUPS.items():
        if only in (None, name):
            app.add_typer(_module(module).app, name=name)
