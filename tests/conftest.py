"""Shared fixtures: run the `pso` command in-process, exactly as the console script does.

`pso(*args, input=...)` calls pso_cli.cli.main.run() (the console-script entry point,
so every failure is mapped to its documented exit code) inside typer's CliRunner
isolation, and returns the exit code with stdout and stderr kept apart.

Deliberately no helpers meant for `from conftest import ...`: tests/render has its own
conftest module of that name.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Ran:
    exit_code: int
    stdout: str
    stderr: str


RunPso = Callable[..., Ran]


def _run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Ran:
    from pso_cli.cli import main

    try:  # Click before 8.2 mixes stderr into stdout unless told not to
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # 8.2 and later, and Typer's own copy, keep them apart
        runner = CliRunner()
    old_argv = sys.argv
    old_debug = os.environ.get("PSO_DEBUG")
    code: int | str | None = 0
    with runner.isolation(input=input, env=env) as streams:
        out, err = streams[0], streams[1]
        sys.argv = ["pso", *args]
        try:
            main.run()
        except SystemExit as exc:
            code = exc.code
        finally:
            sys.argv = old_argv
            sys.stdout.flush()
            sys.stderr.flush()
        stdout = out.getvalue().decode("utf-8", "replace")
        stderr = err.getvalue().decode("utf-8", "replace")
    if old_debug is None:
        os.environ.pop("PSO_DEBUG", None)
    return Ran(int(code or 0) if not isinstance(code, str) else 1, stdout, stderr)


@pytest.fixture
def pso() -> RunPso:
    """Run `pso ARGS...` in-process; returns Ran(exit_code, stdout, stderr)."""
    return _run


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so example paths are relative and no pso.toml leaks in."""
    monkeypatch.chdir(REPO_ROOT)
    return REPO_ROOT
