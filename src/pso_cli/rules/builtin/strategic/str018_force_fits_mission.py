"""STR-018 force-fits-mission (doctrine): the use-of-force posture fits the kind of mission.

UN peacekeeping doctrine, not law (it was part of LEG-004): peacekeepers use force only
in self-defence and in defence of the mandate, and observers and truce monitors rely on
consent, not arms. An observer or truce mission armed beyond self-defence, or UN
peacekeeping with an enforcement posture, departs from it. Whether the posture suits the
threat to personnel is AGY-005's attribute, not this one's.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import ForcePosture as FP
from pso_cli.model.enums import OperationType as OT
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Attribute,
    Finding,
    Reference,
    RuleContext,
    Severity,
    missing,
    rate,
    rule,
)
from pso_cli.rules.builtin.common import article, op_type
from pso_cli.rules.builtin.strategic._shared import CAPSTONE, CAPSTONE_URL, S, outside_doctrine

FIELD = "legal_basis.use_of_force"
LEVELS = (("departs", 0), ("fits", 100))
OBSERVING = frozenset({OT.TRUCE_MONITORING, OT.OBSERVER_MISSION})
FORCEFUL = frozenset({FP.DEFENCE_OF_MANDATE, FP.ENFORCEMENT})
LIMIT_OBSERVERS = "Limit the posture to self-defence or unarmed observation."
LIMIT_PEACEKEEPERS = "Limit the posture to self-defence and defence of the mandate."


@rule(
    code="STR-018",
    name="force-fits-mission",
    consideration=S,
    title="The use-of-force posture fits the kind of mission (doctrine)",
    rationale=(
        "Peacekeepers may use force only in self-defence and in defence of the mandate; "
        "observers rely on consent, not arms. A posture heavier than the mission's kind "
        "departs from the principles that keep it impartial and accepted by the parties."
    ),
    reference=Reference(source=CAPSTONE, url=CAPSTONE_URL),
    severity=Severity.MAJOR,
    attribute=Attribute("Force posture fits the mission (doctrine)", LEVELS, (FIELD,)),
    reads=(FIELD, "identity.operation_type"),
    example="identity: {operation_type: observer-mission}\n"
    "legal_basis: {use_of_force: defence-of-mandate}\n",
)
def force_fits_mission(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    if (instead := outside_doctrine(p)) is not None:
        yield from instead
        return
    posture = p.legal_basis.use_of_force if p.legal_basis else None
    op = op_type(p)
    if posture is None:
        yield missing(FIELD, "The use-of-force posture is not stated.")
    elif op in OBSERVING and posture in FORCEFUL:
        said = f"{article(posture).capitalize()} '{posture}' posture does not fit {article(op)} "
        said += f"'{op}' mission, whose observers are unarmed or limited to self-defence."
        yield rate(
            FIELD, "departs", said, "Limit the posture to self-defence or unarmed observation."
        )
    elif op is OT.UN_PEACEKEEPING and posture is FP.ENFORCEMENT:
        said = "An 'enforcement' posture departs from the peacekeeping principle of no force "
        said += "except in self-defence and defence of the mandate."
        yield rate(
            FIELD, "departs", said, "Limit the posture to self-defence and defence of the mandate."
        )
    else:
        yield rate(FIELD, "fits", f"The '{posture}' posture fits {article(op)} '{op}' mission.")


RULE = force_fits_mission
