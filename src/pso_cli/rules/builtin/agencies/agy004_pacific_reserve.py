"""AGY-004 pacific-reserve: enough capacity stays at home for emergencies in the Pacific."""

from __future__ import annotations

import datetime as dt
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
from pso_cli.rules.builtin.agencies._shared import AGY, LABEL, Ceilings, concurrent, deploying, opts
from pso_cli.rules.builtin.common import MFAT, MFAT_URL, add_months, period

CAPACITY_AT_HOME = (
    "Our peace efforts are focused on the Pacific, so it's important we keep enough capacity "
    "at home to respond to emergencies in our own region."
)


class ReserveOptions(Ceilings):
    """Personnel to keep available at home for Pacific emergencies.

    Defaults: NZDF 250 (enough for a ship's company, an air-transport detachment and a
    company-sized land response) and Police 30 (a disaster-victim and public-order team).
    The cyclone season is November to April.
    """

    pacific_reserve_nzdf: int = 250
    pacific_reserve_police: int = 30
    cyclone_months: tuple[int, ...] = (11, 12, 1, 2, 3, 4)

    def reserve(self, agency: str) -> int:
        return self.pacific_reserve_nzdf if agency == "nzdf" else self.pacific_reserve_police


@rule(
    code="AGY-004",
    name="pacific-reserve",
    consideration=AGY,
    title="Enough capacity stays at home for emergencies in the Pacific",
    rationale=(
        "NZ's peace efforts focus on the Pacific, and its neighbours face disasters and "
        "instability; a deployment elsewhere must leave enough people to respond at short "
        "notice, especially in the cyclone season."
    ),
    reference=Reference(MFAT, CAPACITY_AT_HOME, MFAT_URL),
    severity=Severity.MAJOR,
    reads=(
        "location.region",
        "location.start_date",
        "location.duration_months",
        "contribution.nzdf.personnel",
        "contribution.police.personnel",
    ),
    options=ReserveOptions,
    example="contribution: {nzdf: {personnel: 600}}",
)
def pacific_reserve(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    o = opts(ctx, ReserveOptions)
    agencies = list(deploying(p))
    if not agencies:
        return
    breached = False
    for key, _, n in agencies:
        current = concurrent(ctx, p, key)
        finding = _reserve_finding(key, n, current, o)
        breached = breached or finding.effect < 0
        yield finding
    if breached and _spans_cyclone_season(p, o):
        yield concern(
            "location.start_date",
            "The deployment spans the Pacific cyclone season (November to April) while the "
            "reserve for regional emergencies is breached.",
            -5,
            "Arrange how a Pacific disaster response would be met during the cyclone season.",
        )
    if p.location is not None and p.location.region == e.Region.PACIFIC:
        yield info(
            "location.region",
            "The operation is itself in the Pacific: it counts against the reserve but is a "
            "regional response in its own right.",
        )


def _reserve_finding(key: str, n: int, current: int | None, o: ReserveOptions) -> Finding:
    ceiling, reserve = o.ceiling(key), o.reserve(key)
    used = n + (current or 0)
    left = ceiling - used
    what = f"{n:,} proposed" + (f" plus {current:,} committed" if current is not None else "")
    msg = f"{LABEL[key]}: {what} leaves {left:,} of {ceiling:,} for a reserve of {reserve:,}."
    field = f"contribution.{key}.personnel"
    if left < reserve:
        return concern(
            field,
            msg + " Too little would remain at home for emergencies in our own region.",
            -12,
            f"Keep at least {reserve:,} {LABEL[key]} personnel available for Pacific emergencies.",
        )
    return supports(field, msg, 2)


def _spans_cyclone_season(p: Proposal, o: ReserveOptions) -> bool:
    span = period(p)
    if span is None:
        return False
    start, end = span
    month = dt.date(start.year, start.month, 1)
    while month <= end:
        if month.month in o.cyclone_months:
            return True
        month = add_months(month, 1)
    return False


RULE = pacific_reserve
