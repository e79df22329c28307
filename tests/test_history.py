"""Calibration against history: pso over examples/history, compared with what NZ decided."""

from __future__ import annotations

from pathlib import Path

import pytest

from pso_cli.cli.calibrate_cmd import run, to_markdown
from pso_cli.engine.calibrate import Calibration

HISTORY = Path(__file__).resolve().parent.parent / "examples" / "history"
TARGET = 0.8


@pytest.fixture(scope="module")
def result() -> Calibration:
    return run([str(HISTORY)], "nz-default", None)


def test_at_least_ten_cases(result: Calibration) -> None:
    assert result.total >= 10


def test_every_disagreement_is_explained(result: Calibration) -> None:
    assert [r.case for r in result.unexplained] == []
    for r in result.rows:
        if not r.agrees:
            assert r.note and r.note.strip(), r.case
            assert "\n" not in r.reason


def test_table_lists_every_case(result: Calibration) -> None:
    table = to_markdown(result)
    for r in result.rows:
        assert f"| {r.case} |" in table
    assert f"Agreement: {result.agreed}/{result.total}" in table


def test_agreement_target(result: Calibration) -> None:
    assert result.rate >= TARGET


def test_calibrate_table_reads_at_80_columns() -> None:
    """Cases in a table that fits 80 columns; each disagreement's reason as a numbered
    note below it, wrapped at word boundaries."""
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-m", "pso_cli", "calibrate", "--width", "80"],
        capture_output=True,
        text=True,
        cwd=HISTORY.parent.parent,
        check=False,
    )
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    rows = [line for line in lines if "NO [" in line]
    assert rows, "the history has disagreements to explain"
    for n in range(1, len(rows) + 1):
        assert any(line.startswith(f"[{n}] ") for line in lines)
    assert "recommend-with-conditions" in r.stdout  # verdicts are never broken
