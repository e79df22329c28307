"""Calibration against history: pso's verdicts beside what New Zealand actually decided.

Pure: takes assessments with their historical records and returns one row per case and
the agreement rate. The historical record is read here, after scoring, and never by the
rules or the aggregation.

Agreement mapping, for the cases pso advises on:
    joined   -> recommend or recommend-with-conditions
    limited  -> recommend or recommend-with-conditions (NZ made a limited contribution,
                and the proposal file describes that limited contribution)
    declined -> do-not-recommend

further-analysis is pso declining to advise on what the file states (a must-have fact
unknown, a contested legal basis, a range across the threshold): it neither agrees nor
disagrees, and is counted apart as an abstention, with the reason. Agreement is the
share of the cases pso advised on that match the decision; coverage is the share of
cases it advised on at all. Both are reported; neither hides the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pso_cli.model.enums import Decision
from pso_cli.model.findings import Assessment, Verdict
from pso_cli.model.proposal import HistoricalRecord

POSITIVE = frozenset({Verdict.RECOMMEND, Verdict.WITH_CONDITIONS})
AGREEING: dict[Decision, frozenset[Verdict]] = {
    Decision.JOINED: POSITIVE,
    Decision.LIMITED: POSITIVE,
    Decision.DECLINED: frozenset({Verdict.DO_NOT_RECOMMEND}),
}
NO_NOTE = "no calibration_note explains this disagreement"


@dataclass(frozen=True, slots=True)
class Row:
    """One case: pso's verdict, the actual decision, and why they differ if they do."""

    case: str
    path: str
    verdict: Verdict
    decision: Decision
    agrees: bool  # advised, and the advice matches the decision
    score: float | None
    completeness: float
    pso_reason: str
    note: str | None
    reason: str  # one line; empty when the verdict agrees

    @property
    def advised(self) -> bool:
        return self.verdict is not Verdict.FURTHER_ANALYSIS


@dataclass(frozen=True, slots=True)
class Calibration:
    rows: tuple[Row, ...]

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def agreed(self) -> int:
        return sum(1 for r in self.rows if r.agrees)

    @property
    def advised(self) -> int:
        return sum(1 for r in self.rows if r.advised)

    @property
    def rate(self) -> float:
        """Agreement among the cases pso advised on."""
        return self.agreed / self.advised if self.advised else 0.0

    @property
    def coverage(self) -> float:
        """The share of cases pso advised on."""
        return self.advised / self.total if self.rows else 0.0

    @property
    def unexplained(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if not r.agrees and not r.note)


def agrees(verdict: Verdict, decision: Decision) -> bool:
    """Does pso's verdict match what New Zealand decided?"""
    return verdict in AGREEING[decision]


def one_line(text: str) -> str:
    return " ".join(text.split())


def row(assessment: Assessment, record: HistoricalRecord) -> Row:
    ok = agrees(assessment.verdict, record.decision)
    note = one_line(record.calibration_note) if record.calibration_note else None
    pso_reason = one_line(assessment.reason)
    reason = "" if ok else f"pso: {pso_reason} Case: {note or NO_NOTE}"
    # further-analysis is an abstention: the same explanation is owed, it is not a miss
    return Row(
        case=assessment.proposal_id,
        path=assessment.path,
        verdict=assessment.verdict,
        decision=record.decision,
        agrees=ok,
        score=assessment.score,
        completeness=assessment.completeness,
        pso_reason=pso_reason,
        note=note,
        reason=reason,
    )


def calibrate(cases: Sequence[tuple[Assessment, HistoricalRecord]]) -> Calibration:
    """Rows in case order (by id, then path) and the agreement they add up to."""
    rows = sorted((row(a, r) for a, r in cases), key=lambda x: (x.case, x.path))
    return Calibration(tuple(rows))
