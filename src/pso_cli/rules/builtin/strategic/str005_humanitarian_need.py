"""STR-005 humanitarian-need: severity of the humanitarian situation."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Severity as HumSeverity
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
from pso_cli.rules.builtin.common import MFAT, MFAT_URL
from pso_cli.rules.builtin.strategic._shared import STRATEGIC_PASSAGE, S, strategic

MILITARY_TYPES = {"enforcement", "un-peacekeeping", "regional-assistance", "maritime-security"}


@rule(
    code="STR-005",
    name="humanitarian-need",
    consideration=S,
    title="Severity of the humanitarian situation",
    rationale=(
        "The humanitarian situation is one of the strategic implications the policy weighs. "
        "Severe need and civilians at risk strengthen the case for deploying; a military "
        "deployment to a situation of low need is harder to justify."
    ),
    reference=Reference(source=MFAT, passage=STRATEGIC_PASSAGE, url=MFAT_URL),
    severity=Severity.MAJOR,
    reads=(
        "strategic.humanitarian.severity",
        "strategic.humanitarian.civilians_at_risk",
        "contribution.nzdf.personnel",
        "identity.operation_type",
    ),
    example="strategic: {humanitarian: {severity: low, civilians_at_risk: false}}",
)
def humanitarian_need(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = strategic(p)
    hum = s.humanitarian if s else None
    field = "strategic.humanitarian.severity"
    if hum is None or hum.severity is None:
        yield missing(field, "The proposal does not assess the humanitarian situation.")
        return
    sev, at_risk = hum.severity, hum.civilians_at_risk is True
    risk = " with civilians at risk of violence" if at_risk else ""
    points = _severity_points(sev, at_risk)
    if points >= 3:
        yield supports(field, f"The humanitarian situation is '{sev.value}'{risk}.", points)
    elif sev is HumSeverity.LOW and not at_risk and _is_military(p):
        yield concern(
            field,
            "The humanitarian situation is 'low' and civilians are not at risk, yet the "
            "proposal is a military deployment.",
            5,
        )
    else:
        yield info(field, f"The humanitarian situation is '{sev.value}'{risk}.")


def _is_military(p: Proposal) -> bool:
    nzdf = p.contribution.nzdf if p.contribution else None
    if nzdf is not None and nzdf.personnel is not None:
        return nzdf.personnel > 0
    op = p.identity.operation_type
    return op is not None and op.value in MILITARY_TYPES


def _severity_points(sev: HumSeverity, at_risk: bool) -> float:
    base = {HumSeverity.CATASTROPHIC: 4.0, HumSeverity.SEVERE: 3.0, HumSeverity.MODERATE: 0.0}
    return base.get(sev, 0.0) + (1.0 if at_risk else 0.0)


RULE = humanitarian_need
