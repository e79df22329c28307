"""LEG-004 force-matches-mandate.

The use-of-force posture matches the kind of mission and its threat.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import ForcePosture, Level, OperationType
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    concern,
    missing,
    rule,
    supports,
)
from pso_cli.rules.builtin.common import article, op_type
from pso_cli.rules.builtin.legality._shared import CAPSTONE, CAPSTONE_URL, LEG

OBSERVING = frozenset({OperationType.TRUCE_MONITORING, OperationType.OBSERVER_MISSION})


@rule(
    code="LEG-004",
    name="force-matches-mandate",
    consideration=LEG,
    title="The use-of-force posture matches the kind of mission and its threat",
    rationale=(
        "Peacekeepers may use force only in self-defence and in defence of the mandate; "
        "observers rely on consent, not arms. A posture heavier than the mandate risks "
        "unlawful force, and an unarmed posture in extreme threat leaves personnel "
        "without lawful means to protect themselves."
    ),
    reference=Reference(source=CAPSTONE, url=CAPSTONE_URL),
    severity=Severity.MAJOR,
    reads=("legal_basis.use_of_force", "identity.operation_type", "risk.threat_level"),
    example="identity: {operation_type: observer-mission}\nlegal_basis: {use_of_force: "
    "defence-of-mandate}\n",
)
def force_matches_mandate(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    posture = p.legal_basis.use_of_force if p.legal_basis else None
    if posture is None:
        yield missing("legal_basis.use_of_force", "The use-of-force posture is not stated.")
        return
    problems = list(_posture_problems(p, posture))
    if problems:
        yield from problems
        return
    op = op_type(p) or "unstated"
    yield supports(
        "legal_basis.use_of_force",
        f"The '{posture}' posture is consistent with {article(op)} '{op}' mission.",
        3,
    )


def _posture_problems(p: Proposal, posture: ForcePosture) -> Iterator[Finding]:
    field = "legal_basis.use_of_force"
    op = op_type(p)
    forceful = posture in (ForcePosture.DEFENCE_OF_MANDATE, ForcePosture.ENFORCEMENT)
    if op in OBSERVING and forceful:
        yield concern(
            field,
            f"{article(posture).capitalize()} '{posture}' posture does not fit "
            f"{article(op)} '{op}' mission, whose observers are normally unarmed or limited "
            "to self-defence.",
            15,
            condition="Limit the posture to self-defence or unarmed observation.",
        )
    elif op == OperationType.UN_PEACEKEEPING and posture == ForcePosture.ENFORCEMENT:
        yield concern(
            field,
            "An 'enforcement' posture departs from the peacekeeping principle of non-use of "
            "force except in self-defence and defence of the mandate.",
            10,
            condition="Limit the posture to self-defence and defence of the mandate.",
        )
    threat = p.risk.threat_level if p.risk else None
    if posture == ForcePosture.UNARMED and threat in (Level.HIGH, Level.EXTREME):
        yield concern(
            field,
            f"An 'unarmed' posture is proposed where the threat is '{threat}'.",
            15 if threat == Level.EXTREME else 5,
            condition="Provide armed protection for unarmed personnel, or authorise a "
            "self-defence posture.",
        )


RULE = force_matches_mandate
