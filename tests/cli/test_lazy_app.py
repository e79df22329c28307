"""`pso COMMAND ...` runs on an app holding that command alone: it must behave as the
full app does."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pso_cli.cli.commands import COMMANDS, GROUPS, NAMES
from pso_cli.cli.main import command_named, make_app

ASKS_FOR_ARGS = {n for n, (_, _, no_args) in COMMANDS.items() if no_args} | set(GROUPS)


@pytest.mark.parametrize("name", sorted(NAMES))
@pytest.mark.parametrize("extra", [["--help"], ["--no-such-option"], []])
def test_one_command_app_answers_as_the_full_app(name: str, extra: list[str]) -> None:
    if not extra and name not in ASKS_FOR_ARGS:
        pytest.skip("runs the command (init would write a file)")
    runner = CliRunner()
    full = runner.invoke(make_app(), [name, *extra])
    alone = runner.invoke(make_app(name), [name, *extra])
    assert (alone.exit_code, alone.output) == (full.exit_code, full.output)


def test_command_named() -> None:
    assert command_named(["validate", "x.yaml"]) == "validate"
    assert command_named(["--debug", "assess", "x.yaml"]) == "assess"
    assert command_named(["criteria", "list"]) == "criteria"
    for argv in ([], ["--help"], ["--version"], ["asess"], ["-h", "assess"], ["x.yaml"]):
        assert command_named(argv) is None


def test_shell_completion_uses_the_full_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_PSO_COMPLETE", "complete_bash")
    assert command_named(["validate"]) is None
