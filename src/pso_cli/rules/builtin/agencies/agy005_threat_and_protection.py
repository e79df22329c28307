"""AGY-005 threat-and-protection: the residual threat to NZ personnel after protection.

The level is the threat against the adequacy of force protection, on a 12-level scale of
residual risk. The threat's trend is a fact of its own (AGY-013): counted here too, an
unstated trend would have been scored as if it were not worsening.
"""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model import enums as e
from pso_cli.model.findings import Severity
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

UN_PRINCIPLES = (
    "United Nations Peacekeeping Operations: Principles and Guidelines (2008): the safety and "
    "security of personnel, force protection and casualty evacuation are responsibilities of "
    "contributing countries and the mission"
)
UN_PRINCIPLES_URL = "https://peacekeeping.un.org/sites/default/files/capstone_eng_0.pdf"
LEVELS = (
    ("extreme-unprotected", 0), ("high-unprotected", 5), ("extreme-partial", 10),
    ("high-partial", 25), ("moderate-unprotected", 30), ("extreme-protected", 40),
    ("moderate-partial", 55), ("high-protected", 60), ("low-unprotected", 65),
    ("low-partial", 80), ("moderate-protected", 85), ("low-protected", 100),
)  # fmt: skip
PROTECTION = {e.Adequacy.INADEQUATE: "unprotected", e.Adequacy.PARTIAL: "partial"}


@rule(
    code="AGY-005",
    name="threat-and-protection",
    consideration=AGY,
    title="The residual threat to NZ personnel, after force protection, is acceptable",
    rationale=(
        "Contributing countries owe their people protection proportionate to the threat; "
        "what matters is the risk left once protection is in place. Low, moderate, high and "
        "extreme threats with the same protection leave different risks."
    ),
    reference=Reference(UN_PRINCIPLES, "", UN_PRINCIPLES_URL),
    severity=Severity.CRITICAL,
    reads=("risk.threat_level", "risk.force_protection.adequacy"),
    example="risk: {threat_level: high, force_protection: {adequacy: partial}}",
    attribute=Attribute(
        "Residual threat to NZ personnel after force protection",
        LEVELS,
        ("risk.threat_level", "risk.force_protection"),
    ),
)
def threat_and_protection(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    risk = p.risk
    threat = risk.threat_level if risk else None
    fp = risk.force_protection.adequacy if risk and risk.force_protection else None
    if threat is None:
        yield missing("risk.threat_level", "The threat to deployed personnel is not assessed.")
    if fp is None:
        yield missing("risk.force_protection.adequacy", "Force protection is not assessed.")
    if risk is None or threat is None or fp is None:
        return
    msg = f"The threat is '{threat}' and force protection is '{fp}'."
    level = f"{threat}-{PROTECTION.get(fp, 'protected')}"
    if fp == e.Adequacy.ADEQUATE:
        yield rate("risk.threat_level", level, msg, _condition(threat, fp))
        return
    field = "risk.force_protection.adequacy"
    yield rate(field, level, msg)
    # A protection gap is for the proposal's authors to close whatever the level's value:
    # the action is a condition even where the residual risk still weighs for it.
    gap = f"Force protection is only '{fp}' against {article(threat)} '{threat}' threat."
    yield concern(field, gap, condition=_condition(threat, fp))


def _condition(threat: e.Level, fp: e.Adequacy) -> str:
    if fp == e.Adequacy.ADEQUATE:
        return (
            f"Reduce the exposure of NZ personnel to the '{threat}' threat (tasks, areas, "
            "numbers) and set triggers to withdraw if it worsens."
        )
    return f"Provide force protection adequate to {article(threat)} '{threat}' threat."


RULE = threat_and_protection
