"""Every command and group has help text; --help and --version work everywhere."""

from __future__ import annotations

from typing import Any

import typer
from typer.testing import CliRunner

from pso_cli import __version__
from pso_cli.cli.main import app


def all_commands(group: typer.Typer, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for cmd in group.registered_commands:
        name = cmd.name or (cmd.callback.__name__ if cmd.callback else "")
        out.append((*prefix, name))
    for sub in group.registered_groups:
        assert sub.typer_instance is not None
        name = sub.name or ""
        out.append((*prefix, name))
        out.extend(all_commands(sub.typer_instance, (*prefix, name)))
    return out


COMMANDS = all_commands(app)


def test_the_expected_commands_are_registered() -> None:
    top = {c[0] for c in COMMANDS}
    assert {"assess", "validate", "init", "schema", "rules", "explain", "criteria", "config"} <= (
        top
    )
    assert ("criteria", "list") in COMMANDS
    assert ("criteria", "show") in COMMANDS
    assert ("config", "show") in COMMANDS


def test_every_command_has_help_text() -> None:
    runner = CliRunner()
    for path in COMMANDS:
        r = runner.invoke(app, [*path, "--help"])
        assert r.exit_code == 0, (path, r.output)
        assert "Usage:" in r.stdout, path
        body = r.stdout.split("Usage:", 1)[1].split("\n", 2)[-1]
        assert body.strip(), f"pso {' '.join(path)} has no help text"


def test_every_command_callback_has_a_docstring() -> None:
    def docs(group: typer.Typer) -> list[tuple[str, str | None]]:
        out = [
            (c.name or "", c.help or (c.callback.__doc__ if c.callback else None))
            for c in group.registered_commands
        ]
        for sub in group.registered_groups:
            assert sub.typer_instance is not None
            info = sub.typer_instance.info
            out.append((sub.name or "", sub.help or info.help))
            out.extend(docs(sub.typer_instance))
        return out

    for name, doc in docs(app):
        assert isinstance(doc, str) and doc.strip(), name


def test_every_option_has_help() -> None:
    root = typer.main.get_command(app)  # typer vendors click: check options by shape

    def walk(cmd: Any, path: str) -> None:
        for param in cmd.params:
            is_option = getattr(param, "param_type_name", "") == "option"
            if is_option and param.name not in ("help",):
                assert param.help, f"{path} {param.opts} has no help"
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, f"{path} {name}")

    walk(root, "pso")


def test_top_level_help_documents_exit_codes() -> None:
    r = CliRunner().invoke(app, ["--help"])
    assert r.exit_code == 0
    text = " ".join(r.stdout.split())
    for fragment in (
        "0 assessed",
        "1 a verdict reached --fail-on",
        "2 usage error",
        "3 an input",
        "4 configuration",
        "70 internal error",
        "74 an output could not be written",
        "143 SIGTERM",
        "130 interrupted",
    ):
        assert fragment in text


def test_short_help_option() -> None:
    assert CliRunner().invoke(app, ["assess", "-h"]).exit_code == 0


def test_version() -> None:
    r = CliRunner().invoke(app, ["--version"])
    assert r.exit_code == 0
    assert r.stdout == f"pso {__version__}\n"


def test_no_arguments_prints_help() -> None:
    r = CliRunner().invoke(app, [])
    assert r.exit_code in (0, 2)
    assert "Usage:" in r.output


def test_unknown_command_is_a_usage_error(pso: Any) -> None:
    r = pso("frobnicate")
    assert r.exit_code == 2
    assert "No such command" in r.stderr
