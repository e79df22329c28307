"""ALT-004 training-partner-forces: training partner forces was assessed.

Information only: it never scores and sets no condition, so an alternative listed to
satisfy it gains nothing. What training would achieve is ALT-002's to rate.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, info, rule
from pso_cli.rules.builtin.alternatives._shared import ALT, T, agencies, assessed
from pso_cli.rules.builtin.common import MFAT, MFAT_URL, op_type

TRAINING_WORDS = ("train", "mentor", "capacity")


@rule(
    code="ALT-004",
    name="training-partner-forces",
    consideration=ALT,
    title="Training partner forces was assessed",
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
    severity=Severity.INFO,
    reads=(
        "identity.operation_type",
        "alternatives[].type",
        "alternatives[].expected_effect",
        "contribution.*.roles",
    ),
    example="identity: {operation_type: un-peacekeeping}\nalternatives: [{type: diplomacy}]",
)
def training_partner_forces(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    if p.alternatives is None or op_type(p) == e.OperationType.TRAINING:
        return  # unstated alternatives are ALT-001's; a training mission is the option
    if assessed(p, frozenset({T.TRAINING_PARTNER_FORCES})) or _has_training_role(p):
        return
    yield info(
        "alternatives",
        "Training partner forces was not assessed, as an alternative to deploying or alongside it.",
    )


def _has_training_role(p: Proposal) -> bool:
    roles = [r.lower() for a in agencies(p) for r in a.roles]
    return any(w in r for r in roles for w in TRAINING_WORDS)


RULE = training_partner_forces
