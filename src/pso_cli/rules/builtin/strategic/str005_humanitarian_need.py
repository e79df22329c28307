"""STR-005 humanitarian-need: how severe the humanitarian situation is.

The level is the stated severity, except that a severe situation with civilians at risk
of violence is its own level, between severe and catastrophic. Whether civilians are at
risk is asked only of a severe situation: it is what separates those two levels. Low
need is a low level; it is not a reason against deploying in itself, only one that
gives the case for deploying little weight (the alternatives are ALT's to weigh).
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Severity as Need
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, RuleContext, Severity, missing, rate, rule
from pso_cli.rules.builtin.strategic._shared import STRATEGIC, S

FIELD = "strategic.humanitarian"
LEVELS = (("low", 0), ("moderate", 35), ("severe", 70), ("severe-civilians-at-risk", 85),
          ("catastrophic", 100))  # fmt: skip


@rule(
    code="STR-005",
    name="humanitarian-need",
    consideration=S,
    title="Severity of the humanitarian situation",
    rationale=(
        "The humanitarian situation is one of the strategic implications the policy weighs. "
        "Severe need, and civilians at risk of violence, strengthen the case for deploying; "
        "where need is low the case must rest on other interests."
    ),
    reference=STRATEGIC,
    severity=Severity.MAJOR,
    attribute=Attribute("The humanitarian situation", LEVELS, (FIELD,)),
    reads=(FIELD,),
    example="strategic: {humanitarian: {severity: low, civilians_at_risk: false}}",
)
def humanitarian_need(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    hum = p.strategic.humanitarian if p.strategic else None
    field = f"{FIELD}.severity"
    if hum is None or hum.severity is None:
        yield missing(field, "The proposal does not assess the humanitarian situation.")
        return
    sev = hum.severity
    if sev is not Need.SEVERE:
        yield rate(field, sev.value, f"The humanitarian situation is '{sev}'.")
    elif hum.civilians_at_risk is None:
        yield missing(
            f"{FIELD}.civilians_at_risk",
            "The humanitarian situation is 'severe' but whether civilians are at risk of "
            "violence is not stated.",
        )
    elif hum.civilians_at_risk:
        said = "The humanitarian situation is 'severe', with civilians at risk of violence."
        yield rate(f"{FIELD}.civilians_at_risk", "severe-civilians-at-risk", said)
    else:
        said = "The humanitarian situation is 'severe'; civilians are not at risk of violence."
        yield rate(field, "severe", said)


RULE = humanitarian_need
