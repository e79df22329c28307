"""AGY-003 concurrent-commitments: the proposal fits alongside current deployments."""

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
    info,
    rule,
    supports,
)
from pso_cli.rules.builtin.agencies._shared import (
    AGY,
    IMPLICATIONS,
    LABEL,
    Ceilings,
    concurrent,
    deploying,
    missing_period,
    opts,
    pct,
)
from pso_cli.rules.builtin.common import MFAT, MFAT_URL, period


class ConcurrencyOptions(Ceilings):
    """Concurrent load above `minor_share` of the ceiling is a minor concern; above 1, major."""

    minor_share: float = 0.8


@rule(
    code="AGY-003",
    name="concurrent-commitments",
    consideration=AGY,
    title="The proposal fits alongside current deployments",
    rationale=(
        "Capacity is shared: what an agency already has deployed during the proposed period "
        "comes out of the same ceiling as the new contribution."
    ),
    reference=Reference(MFAT, IMPLICATIONS, MFAT_URL),
    severity=Severity.MAJOR,
    reads=(
        "location.start_date",
        "location.duration_months",
        "contribution.nzdf.personnel",
        "contribution.police.personnel",
    ),
    options=ConcurrencyOptions,
    example="contribution: {nzdf: {personnel: 600}}  # with 300 NZDF already deployed",
)
def concurrent_commitments(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    o = opts(ctx, ConcurrencyOptions)
    agencies = list(deploying(p))
    if not agencies:
        return
    if not ctx.commitments:
        yield info(
            "contribution",
            "No current deployments were supplied, so concurrency was not checked.",
        )
        return
    if period(p) is None:
        yield from missing_period(p)
        return
    for key, _, n in agencies:
        current = concurrent(ctx, p, key) or 0
        yield _concurrency_finding(key, n, current, o)


def _concurrency_finding(key: str, n: int, current: int, o: ConcurrencyOptions) -> Finding:
    ceiling = o.ceiling(key)
    total = n + current
    share = total / ceiling if ceiling else math.inf
    field = f"contribution.{key}.personnel"
    msg = (
        f"{LABEL[key]}: {n:,} proposed plus {current:,} already committed in the period is "
        f"{total:,}, {pct(share)} of its {ceiling:,} ceiling."
    )
    if share > 1:
        cond = f"Reduce or re-phase {LABEL[key]} commitments so the total stays within its ceiling."
        return concern(field, msg, -12, cond)
    if share > o.minor_share:
        cond = f"Confirm which {LABEL[key]} commitments would be drawn down if demand rises."
        return concern(field, msg, -5, cond)
    return supports(field, msg, 2)


RULE = concurrent_commitments
