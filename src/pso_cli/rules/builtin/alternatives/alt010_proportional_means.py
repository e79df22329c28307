"""ALT-010 proportional-means: the contribution is no larger than the objective needs."""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, concern, missing, rule
from pso_cli.rules.builtin.alternatives._shared import (
    ALT,
    ICISS,
    SizeOptions,
    at,
    first_of,
    is_large,
    personnel,
    viable_meets,
)


@rule(
    code="ALT-010",
    name="proportional-means",
    consideration=ALT,
    title="The contribution is no larger than the objective needs",
    rationale=(
        "The scale of a deployment should be the minimum necessary to meet its objectives;"
        " if a smaller contribution would meet them, the proposed size is not justified."
    ),
    reference=Reference(
        ICISS,
        "Proportional means: the scale, duration and intensity of the planned military"
        " intervention should be the minimum necessary to secure the defined human"
        " protection objective.",
    ),
    severity=Severity.MAJOR,
    reads=(
        "alternatives[].type",
        "alternatives[].feasibility",
        "alternatives[].expected_effect",
        "strategic.objectives",
        "contribution.*.personnel",
    ),
    options=SizeOptions,
    example=(
        "alternatives:\n  - {type: smaller-contribution, feasibility: high, expected_effect: meets}"
    ),
)
def proportional_means(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    found = first_of(p, e.AlternativeType.SMALLER_CONTRIBUTION)
    if found is not None and viable_meets(found[1]):
        yield concern(
            at(found[0], "expected_effect"),
            f"A smaller contribution is assessed as feasible and meeting the objective, yet"
            f" {personnel(p) or 'an unstated number of'} personnel are proposed.",
            -10,
            condition="Reduce the contribution to the smaller option, or explain why it would"
            " not meet the objective.",
        )
        return
    objectives = p.strategic.objectives if p.strategic else []
    if is_large(p, ctx) and not objectives:
        yield missing(
            "strategic.objectives",
            "A large contribution is proposed without stated objectives to judge its size by.",
        )


RULE = proportional_means
