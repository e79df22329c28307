"""AGY-006 medical-evacuation: medical care and casualty evacuation are arranged."""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Attribute,
    Finding,
    Reference,
    RuleContext,
    concern,
    missing,
    rate,
    rule,
)
from pso_cli.rules.builtin.agencies._shared import AGY
from pso_cli.rules.builtin.common import article

CONDITION = "Arrange medical support and casualty evacuation that meet the 10-1-2 timelines."


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
    reads=("risk.medical_evacuation.adequacy", "risk.threat_level"),
    example="risk: {medical_evacuation: {adequacy: inadequate}}",
    attribute=Attribute(
        "Medical care and casualty evacuation",
        (("inadequate", 0), ("partial", 50), ("adequate", 100)),
        ("risk.medical_evacuation",),
    ),
)
def medical_evacuation(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    risk = p.risk
    level = risk.threat_level if risk else None
    med = risk.medical_evacuation.adequacy if risk and risk.medical_evacuation else None
    field = "risk.medical_evacuation.adequacy"
    if med is None:
        yield missing(field, "Medical care and casualty evacuation are not assessed.")
        return
    against = f" against {article(level)} '{level}' threat" if level else ""
    said = f"Medical care and evacuation are '{med}'{against}."
    yield rate(field, str(med), said)
    if med != e.Adequacy.ADEQUATE:  # a gap to close, whatever the level's value
        yield concern(field, said, condition=CONDITION)


RULE = medical_evacuation
