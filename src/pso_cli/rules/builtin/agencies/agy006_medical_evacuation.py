"""AGY-006 medical-evacuation: medical care and casualty evacuation are arranged."""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    concern,
    info,
    missing,
    rule,
    supports,
)
from pso_cli.rules.builtin.agencies._shared import AGY
from pso_cli.rules.builtin.common import article


@rule(
    code="AGY-006",
    name="medical-evacuation",
    consideration=AGY,
    title="Medical care and casualty evacuation are arranged",
    rationale=(
        "Casualties must reach first aid, resuscitation and surgery within the UN's 10-1-2 "
        "timelines (10 minutes, 1 hour, 2 hours); without that, injuries become deaths."
    ),
    reference=Reference(
        "United Nations, Medical Support Manual for United Nations Field Missions (2015): "
        "casualty evacuation within the 10-1-2 timelines; United Nations Peacekeeping "
        "Operations: Principles and Guidelines (2008)"
    ),
    severity=Severity.MAJOR,
    reads=("risk.medical_evacuation.adequacy", "risk.threat_level"),
    example="risk: {medical_evacuation: {adequacy: inadequate}}",
)
def medical_evacuation(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    risk = p.risk
    level = risk.threat_level if risk else None
    med = risk.medical_evacuation.adequacy if risk and risk.medical_evacuation else None
    high = level in (e.Level.HIGH, e.Level.EXTREME)
    field = "risk.medical_evacuation.adequacy"
    if med is None:
        if high:
            yield missing(
                field,
                "Medical and evacuation arrangements are not assessed for "
                f"{article(level)} '{level}' threat.",
            )
        else:
            yield info(field, "Medical and evacuation arrangements are not assessed.")
        return
    msg = f"Medical care and evacuation are '{med}'" + (
        f" against {article(level)} '{level}' threat." if level else "."
    )
    cond = "Arrange medical support and casualty evacuation that meet the 10-1-2 timelines."
    if med == e.Adequacy.ADEQUATE:
        yield supports(field, msg, 4)
    elif med == e.Adequacy.PARTIAL:
        yield concern(field, msg, -10 if high else -5, cond)
    else:
        yield concern(field, msg, -15 if high else -12, cond)


RULE = medical_evacuation
