"""AGY-005 threat-force-protection: force protection matches the threat to NZ personnel."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pso_cli.model import enums as e
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
from pso_cli.rules.builtin.agencies._shared import AGY
from pso_cli.rules.builtin.common import article

UN_PRINCIPLES = (
    "United Nations Peacekeeping Operations: Principles and Guidelines (2008): the safety and "
    "security of personnel, force protection and casualty evacuation are responsibilities of "
    "contributing countries and the mission"
)
UN_PRINCIPLES_URL = "https://peacekeeping.un.org/sites/default/files/capstone_eng_0.pdf"


@rule(
    code="AGY-005",
    name="threat-force-protection",
    consideration=AGY,
    title="Force protection matches the threat to NZ personnel",
    rationale=(
        "Contributing countries owe their people protection proportionate to the threat; "
        "a high threat without adequate force protection puts lives at risk."
    ),
    reference=Reference(UN_PRINCIPLES, "", UN_PRINCIPLES_URL),
    severity=Severity.CRITICAL,
    reads=("risk.threat_level", "risk.threat_trend", "risk.force_protection.adequacy"),
    example="risk: {threat_level: high, force_protection: {adequacy: partial}}",
)
def threat_force_protection(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    risk = p.risk
    level = risk.threat_level if risk else None
    if risk is None or level is None:
        yield missing("risk.threat_level", "The threat to deployed personnel is not assessed.")
        return
    fp = risk.force_protection.adequacy if risk.force_protection else None
    yield from _protection(level, fp)
    if risk.threat_trend == e.Trend.DETERIORATING:
        yield concern(
            "risk.threat_trend",
            f"The threat ('{level}') is deteriorating.",
            -5,
            "Set triggers for reinforcing force protection or withdrawing if the threat grows.",
        )


def _protection(level: e.Level, fp: e.Adequacy | None) -> Iterator[Finding]:
    high = level in (e.Level.HIGH, e.Level.EXTREME)
    field = "risk.force_protection.adequacy"
    cond = "Provide force protection assessed as adequate for the threat before deployment."
    if fp is None:
        if high:
            yield missing(
                field,
                f"Force protection is not assessed against {article(level)} '{level}' threat.",
            )
        return
    msg = f"Threat is '{level}' and force protection is '{fp}'."
    if fp == e.Adequacy.ADEQUATE:
        yield supports(field, msg, 4)
    elif level == e.Level.EXTREME:
        yield concern(field, msg, -22, cond)
    elif high:
        yield concern(field, msg, -15 if fp == e.Adequacy.INADEQUATE else -10, cond)
    else:
        yield concern(field, msg, -5, cond)


RULE = threat_force_protection
