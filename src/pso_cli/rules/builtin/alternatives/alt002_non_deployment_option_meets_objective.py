"""ALT-002 non-deployment-option-meets-objective.

No feasible non-deployment option would meet the objective.
"""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model import enums as e
from pso_cli.model.proposal import Alternative, Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    concern,
    info,
    rule,
    supports,
)
from pso_cli.rules.builtin.alternatives._shared import (
    ALT,
    ICISS,
    NON_DEPLOYMENT,
    at,
    indexed,
    viable_meets,
)
from pso_cli.rules.builtin.common import op_type


@rule(
    code="ALT-002",
    name="non-deployment-option-meets-objective",
    consideration=ALT,
    title="No feasible non-deployment option would meet the objective",
    rationale=(
        "If aid, diplomacy, funding, sanctions or police capacity building would meet the"
        " objective and is feasible, deployment may not be necessary: force should be a"
        " last resort."
    ),
    reference=Reference(
        ICISS,
        "Last resort: military intervention can only be justified when every non-military"
        " option for the prevention or peaceful resolution of the crisis has been explored,"
        " with reasonable grounds for believing lesser measures would not have succeeded.",
    ),
    severity=Severity.MAJOR,
    reads=("alternatives[].type", "alternatives[].feasibility", "alternatives[].expected_effect"),
    example="alternatives:\n  - {type: diplomacy, feasibility: high, expected_effect: meets}",
)
def non_deployment_meets(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    judged = [
        (i, a)
        for i, a in indexed(p)
        if a.type in NON_DEPLOYMENT and a.expected_effect is not None and not _skip_for_alt008(p, a)
    ]
    meeting = [(i, a) for i, a in judged if viable_meets(a)]
    if meeting:
        i, alt = meeting[0]
        kinds = ", ".join(a.type.value for _, a in meeting)
        yield concern(
            at(i, "expected_effect"),
            f"The proposal assesses a feasible non-deployment option ({kinds}) as meeting the"
            " objective: the deployment may not be necessary.",
            -12,
            condition="Explain why deployment is needed when a non-deployment option would"
            " meet the objective, or reassess that option.",
        )
        return
    unviable = [(i, a) for i, a in judged if a.expected_effect == e.AlternativeEffect.MEETS]
    for i, alt in unviable:
        yield info(
            at(i, "feasibility"),
            f"'{alt.type.value}' would meet the objective but its feasibility is"
            f" '{alt.feasibility.value if alt.feasibility else 'not stated'}'.",
        )
    if judged and not unviable:
        yield supports(
            "alternatives",
            f"None of the {len(judged)} non-deployment option(s) assessed would meet the"
            " objective on its own.",
            8,
        )


def _skip_for_alt008(p: Proposal, alt: Alternative) -> bool:
    """Humanitarian funding on a humanitarian mission is judged by ALT-008 instead."""
    return (
        op_type(p) == e.OperationType.HUMANITARIAN
        and alt.type == e.AlternativeType.HUMANITARIAN_FUNDING
    )


RULE = non_deployment_meets
