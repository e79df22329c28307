"""AGY-013 threat-trend: which way the threat to NZ personnel is moving."""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, Reference, RuleContext, missing, rate, rule
from pso_cli.rules.builtin.agencies._shared import AGY

FIELD = "risk.threat_trend"
SAYS = {
    e.Trend.DETERIORATING: "The threat to NZ personnel is deteriorating.",
    e.Trend.STABLE: "The threat to NZ personnel is stable.",
    e.Trend.IMPROVING: "The threat to NZ personnel is improving.",
}


@rule(
    code="AGY-013",
    name="threat-trend",
    consideration=AGY,
    title="The threat to NZ personnel is not worsening",
    rationale=(
        "A threat that is deteriorating must be planned for as the threat it is becoming: "
        "protection adequate today may not be next month, so the commitment needs triggers "
        "to reinforce or withdraw. It is a fact of its own, separate from the threat's "
        "level (AGY-005), so that an unstated trend is unknown, never taken as stable."
    ),
    reference=Reference(
        "United Nations Peacekeeping Operations: Principles and Guidelines (2008): the "
        "safety and security of personnel are responsibilities of contributing countries "
        "and the mission",
        url="https://peacekeeping.un.org/sites/default/files/capstone_eng_0.pdf",
    ),
    reads=(FIELD,),
    attribute=Attribute(
        "The threat's trend",
        (("deteriorating", 0), ("stable", 60), ("improving", 100)),
        (FIELD,),
    ),
    example="risk: {threat_level: high, threat_trend: deteriorating}",
)
def threat_trend(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    trend = p.risk.threat_trend if p.risk else None
    if trend is None:
        yield missing(FIELD, "Which way the threat is moving is not stated.")
        return
    condition = "Set triggers to reinforce force protection or withdraw if the threat grows."
    yield rate(FIELD, trend.value, SAYS[trend], condition)


RULE = threat_trend
