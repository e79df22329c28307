"""STR-011 regionally-led: the operation is led by a regional organisation."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Arrangement
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, RuleContext, Severity, rule, supports
from pso_cli.rules.builtin.strategic._shared import REGIONAL, S, arrangement


@rule(
    code="STR-011",
    name="regionally-led",
    consideration=S,
    title="The operation is led by a regional organisation",
    rationale=(
        "A regionally led operation is the regional solution the policy prefers, and the kind "
        "of operation in which New Zealand has played its largest recent roles."
    ),
    reference=REGIONAL,
    severity=Severity.MINOR,
    reads=("leadership.arrangement", "leadership.lead"),
    example="leadership: {arrangement: regional-organisation}",
)
def regionally_led(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    if arrangement(p) is Arrangement.REGIONAL_ORGANISATION:
        lead = p.leadership.lead if p.leadership else None
        by = f" ({lead})" if lead else ""
        yield supports(
            "leadership.arrangement", f"The operation is led by a regional organisation{by}.", 3
        )


RULE = regionally_led
