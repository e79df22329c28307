"""engine.calibrate: the agreement mapping, the rows, agreement among cases advised on,
and coverage (further-analysis is an abstention, counted apart)."""

from __future__ import annotations

import pytest

from pso_cli.engine.calibrate import Calibration, agrees, calibrate
from pso_cli.model.enums import Decision
from pso_cli.model.findings import Assessment, Verdict
from pso_cli.model.proposal import HistoricalRecord

V = Verdict
D = Decision


@pytest.mark.parametrize(
    ("verdict", "decision", "expected"),
    [
        (V.RECOMMEND, D.JOINED, True),
        (V.WITH_CONDITIONS, D.JOINED, True),
        (V.FURTHER_ANALYSIS, D.JOINED, False),
        (V.DO_NOT_RECOMMEND, D.JOINED, False),
        (V.RECOMMEND, D.LIMITED, True),
        (V.WITH_CONDITIONS, D.LIMITED, True),
        (V.FURTHER_ANALYSIS, D.LIMITED, False),
        (V.DO_NOT_RECOMMEND, D.LIMITED, False),
        (V.RECOMMEND, D.DECLINED, False),
        (V.WITH_CONDITIONS, D.DECLINED, False),
        (V.FURTHER_ANALYSIS, D.DECLINED, False),
        (V.DO_NOT_RECOMMEND, D.DECLINED, True),
    ],
)
def test_agreement_mapping(verdict: Verdict, decision: Decision, expected: bool) -> None:
    assert agrees(verdict, decision) is expected


def _assessment(case: str, verdict: Verdict, reason: str = "Because.") -> Assessment:
    return Assessment(
        path=f"{case}.yaml",
        sha256="0" * 64,
        proposal_id=case,
        name=case,
        host=None,
        lead=None,
        verdict=verdict,
        reason=reason,
        score=50.0,
        completeness=0.5,
        considerations=(),
        gates=(),
        findings=(),
        conditions=(),
    )


def _record(decision: str, note: str | None = None) -> HistoricalRecord:
    return HistoricalRecord.model_validate({"decision": decision, "calibration_note": note})


def test_rows_sorted_and_rate() -> None:
    result = calibrate(
        [
            (_assessment("b", V.DO_NOT_RECOMMEND), _record("declined")),
            (_assessment("a", V.WITH_CONDITIONS), _record("joined")),
            (_assessment("c", V.FURTHER_ANALYSIS, "Too\n much  unknown."), _record("limited", "x")),
        ]
    )
    assert [r.case for r in result.rows] == ["a", "b", "c"]
    assert (result.agreed, result.advised, result.total) == (2, 2, 3)
    assert result.rate == 1.0  # both cases advised on agree
    assert result.coverage == pytest.approx(2 / 3)  # the third is an abstention
    assert [r.advised for r in result.rows] == [True, True, False]
    assert [r.reason for r in result.rows[:2]] == ["", ""]
    assert result.rows[2].reason == "pso: Too much unknown. Case: x"
    assert result.unexplained == ()


def test_disagreement_without_note_is_unexplained() -> None:
    result = calibrate([(_assessment("a", V.RECOMMEND), _record("declined"))])
    assert (result.rate, result.coverage) == (0.0, 1.0)
    assert [r.case for r in result.unexplained] == ["a"]
    assert "no calibration_note" in result.rows[0].reason
    assert "\n" not in result.rows[0].reason


def test_empty() -> None:
    result = calibrate([])
    assert result == Calibration(())
    assert (result.rate, result.coverage) == (0.0, 0.0)


def test_an_abstention_without_a_note_is_unexplained_too() -> None:
    result = calibrate([(_assessment("a", V.FURTHER_ANALYSIS), _record("joined"))])
    assert (result.advised, result.rate) == (0, 0.0)
    assert [r.case for r in result.unexplained] == ["a"]
