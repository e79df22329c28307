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
