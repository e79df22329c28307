"""ALT-004 training-partner-forces: training partner forces was considered."""

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
    rule,
    supports,
)
from pso_cli.rules.builtin.alternatives._shared import (
    ALT,
    SizeOptions,
    agencies,
    at,
    first_of,
    is_large,
    personnel,
)
from pso_cli.rules.builtin.common import MFAT, MFAT_URL, op_type

TRAINING_WORDS = ("train", "mentor", "capacity")


@rule(
    code="ALT-004",
    name="training-partner-forces",
    consideration=ALT,
    title="Training partner forces was considered",
    rationale=(
        "The policy's stated direction is to share New Zealand's peacekeeping expertise by"
        " training others, which builds their capacity to keep the peace themselves."
    ),
    reference=Reference(
        MFAT,
        "New Zealand is exploring opportunities to share our expertise in peacekeeping by"
        " training personnel in other countries",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=(
        "identity.operation_type",
        "alternatives[].type",
        "contribution.*.roles",
        "contribution.*.personnel",
    ),
    options=SizeOptions,
    example="identity: {operation_type: un-peacekeeping}\nalternatives: [{type: diplomacy}]",
)
def training_partner_forces(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if op_type(p) == e.OperationType.TRAINING:
        yield supports(
            "identity.operation_type",
            "The operation trains partner personnel, as policy intends.",
            5,
        )
        return
    found = first_of(p, e.AlternativeType.TRAINING_PARTNER_FORCES)
    if found is not None:
        yield supports(at(found[0], "type"), "Training partner forces was considered.", 4)
    elif _has_training_role(p):
        yield info("contribution", "The contribution includes training or mentoring roles.")
    elif is_large(p, ctx) and p.alternatives is not None:
        yield concern(
            "alternatives",
            f"A contribution of {personnel(p)} personnel is proposed without considering"
            " training partner forces instead.",
            -5,
            condition="Assess training partner forces as an alternative or complement.",
        )
    else:
        yield info("alternatives", "Training partner forces was not considered.")


def _has_training_role(p: Proposal) -> bool:
    roles = [r.lower() for a in agencies(p) for r in a.roles]
    return any(w in r for r in roles for w in TRAINING_WORDS)


RULE = training_partner_forces
