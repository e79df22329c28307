"""Shared fixtures for the renderer tests: one fixed run, golden-file comparison.

The golden run assesses tests/rules/base.yaml (a clean recommend), a proposal with a
failed gate, concerns, missing information, an accepted concern and Markdown/HTML
special characters (fixtures/concerns.yaml), and an invalid file (fixtures/invalid.yaml),
as of 2030-06-01, with paths relative to the repository root. Where and when it ran
(the working directory, start time, host) and each file's time are fixed (`normalised`):
JUnit's time, timestamp and hostname are the only output that differs between two runs,
and golden files must not.

Rules are still being tuned, so golden files change: regenerate them with
    PSO_UPDATE_GOLDEN=1 .venv/bin/pytest tests/render
and review the diff.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

from pso_cli.api import run_assessment
from pso_cli.model.run import Origin, RunResult

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
GOLDEN = HERE / "golden"
AS_OF = dt.date(2030, 6, 1)
GOLDEN_INPUTS = (
    "tests/rules/base.yaml",
    "tests/render/fixtures/concerns.yaml",
    "tests/render/fixtures/invalid.yaml",
)
# No control characters: the loader refuses them (tests/loading/test_yaml_source.py).
HOSTILE_NAME = "<script>alert(1)</script> | *bold* & `tick` ]]>"


def assess(paths: tuple[str, ...], fail_on: str = "do-not-recommend") -> RunResult:
    with contextlib.chdir(REPO):
        return run_assessment(list(paths), as_of=AS_OF, fail_on=fail_on)


FIXED_ORIGIN = Origin("2030-06-01T09:30:00", "/home/analyst/pso", "analyst-laptop")
FIXED_SECONDS = 0.125


def normalised(run: RunResult) -> RunResult:
    """The run as if it started at FIXED_ORIGIN and each file took FIXED_SECONDS."""
    items = tuple(dataclasses.replace(i, seconds=FIXED_SECONDS) for i in run.items)
    info = dataclasses.replace(run.info, origin=FIXED_ORIGIN)
    return dataclasses.replace(run, info=info, items=items)


def with_fail_on(run: RunResult, fail_on: str) -> RunResult:
    """The same run judged against another --fail-on (renderers read info.fail_on)."""
    return dataclasses.replace(run, info=dataclasses.replace(run.info, fail_on=fail_on))


@pytest.fixture(scope="session")
def golden_run() -> RunResult:
    return normalised(assess(GOLDEN_INPUTS))


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    """base.yaml with a hostile identity.name (script tag, table pipe, emphasis, CDATA end)."""
    text = (REPO / "tests/rules/base.yaml").read_text(encoding="utf-8")
    quoted = HOSTILE_NAME.replace("\\", "\\\\").replace('"', '\\"').replace("\x01", "\\x01")
    text = text.replace("name: Test Regional Assistance Mission", f'name: "{quoted}"', 1)
    path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_assessment([str(path)], as_of=AS_OF)
    assert run.items[0].name == HOSTILE_NAME  # type: ignore[union-attr]
    return run


def check_golden(name: str, text: str) -> None:
    """Compare with tests/render/golden/<name>, or rewrite it when PSO_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("PSO_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(f"{path} is missing: run PSO_UPDATE_GOLDEN=1 .venv/bin/pytest tests/render")
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, (
        f"{name} differs from the golden file; if the change is intended, regenerate with "
        "PSO_UPDATE_GOLDEN=1 .venv/bin/pytest tests/render and review the diff"
    )
