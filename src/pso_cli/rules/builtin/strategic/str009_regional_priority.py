"""STR-009 regional-priority: the operation is in New Zealand's priority region.

The Pacific is the policy's focus; Asia belongs to the Asia-Pacific where it works on
conflict prevention and resolution; anywhere else draws on capacity the policy wants
kept for the region. The level is the region stated, so a region left out is missing.
Where a distant operation's case rests on security, STR-015 says so without scoring.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Region
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Attribute,
    Finding,
    Reference,
    RuleContext,
    Severity,
    missing,
    rate,
    rule,
)
from pso_cli.rules.builtin.common import MFAT, MFAT_URL
from pso_cli.rules.builtin.strategic._shared import S

FIELD = "location.region"
LEVELS = (("elsewhere", 0), ("asia", 60), ("pacific", 100))


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
    attribute=Attribute("The Pacific priority", LEVELS, (FIELD,)),
    reads=(FIELD,),
    example="location: {region: middle-east}",
)
def regional_priority(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    region = p.location.region if p.location else None
    if region is None:
        yield missing(FIELD, "The proposal does not say in which region the operation is.")
    elif region is Region.PACIFIC:
        yield rate(FIELD, "pacific", "The operation is in the Pacific, the policy's focus.")
    elif region is Region.ASIA:
        said = "The operation is in Asia, part of the Asia-Pacific the policy names."
        yield rate(FIELD, "asia", said)
    else:
        said = f"The operation is in '{region}', outside the policy's Asia-Pacific focus."
        yield rate(FIELD, "elsewhere", said)


RULE = regional_priority
