"""AGY-001 agency-load: the NZDF and Police can carry the load the proposal puts on them.

One attribute for each agency's headcount (it counts once): its share of the deployable
ceiling with current deployments, the Pacific reserve left at home and the rotations
needed; the worst agency's worst test is the level (the arithmetic is in `_load`).
"""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, Reference, RuleContext, info, missing, rate, rule
from pso_cli.rules.builtin.agencies._load import (
    RANK,
    SUSTAINABLE,
    UNSUSTAINABLE,
    LoadOptions,
    loads,
)
from pso_cli.rules.builtin.agencies._shared import AGY, opts
from pso_cli.rules.builtin.common import MFAT, MFAT_URL

CAPACITY_AT_HOME = (
    "Our peace efforts are focused on the Pacific, so it's important we keep enough capacity "
    "at home to respond to emergencies in our own region."
)
OWNS = (
    "contribution.nzdf.personnel",
    "contribution.nzdf.rotation_months",
    "contribution.police.personnel",
    "contribution.police.rotation_months",
)


@rule(
    code="AGY-001",
    name="agency-load",
    consideration=AGY,
    title="The NZDF and Police can carry the load the proposal puts on them",
    rationale=(
        "The NZDF and Police do most of the work on the ground; a contribution that, with "
        "their other deployments, nears what they can sustain offshore, leaves too few at "
        "home for a Pacific emergency or needs more rotations than they can source wears "
        "them out and weakens everything else they must do."
    ),
    reference=Reference(MFAT, CAPACITY_AT_HOME, MFAT_URL),
    reads=(*OWNS, "location.start_date", "location.duration_months"),
    options=LoadOptions,
    example="contribution: {nzdf: {personnel: 600}}",
    attribute=Attribute(
        "Load on the NZDF and Police",
        (("unsustainable", 0), ("strained", 50), ("sustainable", 100)),
        OWNS,
    ),
)
def agency_load(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if p.contribution is None:
        yield missing("contribution", "The contribution by agency is not stated.")
        return
    found = list(loads(p, ctx, opts(ctx, LoadOptions)))
    known = [x for x in found if x.level is not None]
    worst = min(known, key=lambda x: RANK[str(x.level)], default=None)
    unknown = {x.field: x for x in found if x.level is None}
    if unknown and (worst is None or worst.level != UNSUSTAINABLE):
        yield from (missing(x.field, x.message) for x in unknown.values())
        return
    if worst is None:
        return  # neither the NZDF nor the Police deploys anyone
    if worst.level == SUSTAINABLE:
        parts = [x.message.rstrip(".") for x in known if x.test == "ceiling"]
        msg = "; ".join(parts) + ", within the Pacific reserve and the rotation pools."
        yield rate(worst.field, SUSTAINABLE, msg)
    else:
        yield rate(worst.field, str(worst.level), worst.message, worst.condition)
    if not ctx.commitments:
        yield info("contribution", "No current deployments were supplied, so none were counted.")


RULE = agency_load
