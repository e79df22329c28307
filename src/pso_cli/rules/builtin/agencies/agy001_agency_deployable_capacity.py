"""AGY-001 agency-deployable-capacity.

Personnel asked of the NZDF and Police are within what each can deploy.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    concern,
    missing,
    rule,
    supports,
)
from pso_cli.rules.builtin.agencies._shared import AGY, CEILED, LABEL, Ceilings, agency, opts, pct
from pso_cli.rules.builtin.common import MFAT, MFAT_URL

ON_THE_GROUND = (
    "We also work with the New Zealand Defence Force (NZDF) and Police who do much of the "
    "work on the ground."
)


class CapacityOptions(Ceilings):
    """Share of the ceiling above which the contribution is a minor / major concern."""

    minor_share: float = 0.6
    major_share: float = 1.0


@rule(
    code="AGY-001",
    name="agency-deployable-capacity",
    consideration=AGY,
    title="Personnel asked of the NZDF and Police are within what each can deploy",
    rationale=(
        "The NZDF and Police do most of the work on the ground; a contribution near or above "
        "what an agency can sustain offshore strains it and everything else it must do."
    ),
    reference=Reference(MFAT, ON_THE_GROUND, MFAT_URL),
    severity=Severity.MAJOR,
    reads=("contribution.nzdf.personnel", "contribution.police.personnel"),
    options=CapacityOptions,
    example="contribution: {nzdf: {personnel: 900}}",
)
def agency_capacity(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    o = opts(ctx, CapacityOptions)
    if p.contribution is None:
        yield missing("contribution", "The contribution by agency is not stated.")
        return
    for key in CEILED:
        a = agency(p, key)
        if a is None:
            continue
        field = f"contribution.{key}.personnel"
        if a.personnel is None:
            yield missing(field, f"The number of {LABEL[key]} personnel is not stated.")
            continue
        yield _capacity_finding(key, a.personnel, o, field)


def _capacity_finding(key: str, n: int, o: CapacityOptions, field: str) -> Finding:
    ceiling = o.ceiling(key)
    share = n / ceiling if ceiling else math.inf
    msg = f"{LABEL[key]} would deploy {n:,} personnel, {pct(share)} of its {ceiling:,} ceiling."
    if share > o.major_share:
        return concern(
            field,
            msg + " That exceeds what it can sustain offshore.",
            -12,
            f"Reduce the {LABEL[key]} contribution to within its deployable ceiling.",
        )
    if share > o.minor_share:
        return concern(
            field,
            msg + " That is a large share of its deployable capacity.",
            -5,
            f"Confirm the {LABEL[key]} can sustain this contribution alongside its other tasks.",
        )
    return supports(field, msg, 3)


RULE = agency_capacity
