"""STR-009 regional-priority: the operation is in New Zealand's priority region."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    info,
    missing,
    rule,
    supports,
)
from pso_cli.rules.builtin.common import MFAT, MFAT_URL
from pso_cli.rules.builtin.strategic._shared import S


@rule(
    code="STR-009",
    name="regional-priority",
    consideration=S,
    title="The operation is in New Zealand's priority region",
    rationale=(
        "The policy focuses New Zealand's peace efforts on the Pacific and its conflict "
        "prevention work on the Asia-Pacific. Operations elsewhere are not excluded, but draw "
        "on capacity the policy wants kept for the region."
    ),
    reference=Reference(
        source=MFAT, passage="Our peace efforts are focused on the Pacific", url=MFAT_URL
    ),
    severity=Severity.MINOR,
    reads=("location.region",),
    example="location: {region: pacific}",
)
def regional_priority(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    region = p.location.region if p.location else None
    field = "location.region"
    if region is None:
        yield missing(field, "The proposal does not say in which region the operation is.")
    elif region.value == "pacific":
        yield supports(field, "The operation is in the Pacific, the policy's focus.", 4)
    elif region.value == "asia":
        yield supports(
            field, "The operation is in Asia, part of the Asia-Pacific the policy names.", 3
        )
    else:
        yield info(
            field,
            f"The operation is in '{region.value}', outside the Pacific and Asia-Pacific "
            "focus of the policy.",
        )


RULE = regional_priority
