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


def test_every_disagreement_and_abstention_is_explained(result: Calibration) -> None:
    """A case pso advises against its decision, or declines to advise on, carries a
    calibration note saying why, from the policy or the law (documentation only)."""
    assert [r.case for r in result.unexplained] == []
    for r in result.rows:
        if not r.agrees:
            assert r.note and r.note.strip(), r.case
            assert "\n" not in r.reason


def test_table_lists_every_case(result: Calibration) -> None:
    table = to_markdown(result)
    for r in result.rows:
        assert f"| {r.case} |" in table
    assert f"Agreement: {result.agreed}/{result.advised} of the cases pso advised on" in table
    assert f"it advised on {result.advised} of {result.total}" in table


def test_agreement_target(result: Calibration) -> None:
    """Where pso advises, it agrees with what New Zealand decided; and it advises on some."""
    assert result.rate >= TARGET
    assert result.advised >= 3


def test_pso_never_advises_the_opposite_of_a_decision(result: Calibration) -> None:
    """The safety property: a joined case is never do-not-recommend, a declined case is
    never recommended; missing facts give an abstention, not a wrong answer."""
    wrong = [r.case for r in result.rows if r.advised and not r.agrees]
    assert wrong == []


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
    rows = [line for line in lines if "abstains [" in line or "NO [" in line]
    assert rows, "the history has abstentions to explain"
    for n in range(1, len(rows) + 1):
        assert any(line.startswith(f"[{n}] ") for line in lines)
    assert "recommend-with-conditions" in r.stdout  # verdicts are never broken
