"""The arithmetic of AGY-001 agency-load.

Each deploying agency's headcount is tested three ways: its share of the deployable
ceiling with the agency's current deployments in the period, what is left at home for
the Pacific reserve, and the rotations the mission needs against the agency's rotation
pool. Each test gives a `Load`: a level, or no level when a fact it needs is unknown
(then its message names that fact). The headcount is one fact: the tests are parts of
one attribute, whose level is the worst of them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass

from pso_cli.model.commitments import Deployment
from pso_cli.model.proposal import AgencyContribution, Proposal
from pso_cli.rules.api import RuleContext
from pso_cli.rules.builtin.agencies._shared import LABEL, AgencyOptions, deploying, pct
from pso_cli.rules.builtin.common import add_months, period

UNSUSTAINABLE, STRAINED, SUSTAINABLE = "unsustainable", "strained", "sustainable"
RANK = {UNSUSTAINABLE: 0, STRAINED: 1, SUSTAINABLE: 2}
Span = tuple[dt.date, dt.date]


class LoadOptions(AgencyOptions):
    """Capacity figures: plausible public defaults; a profile should set current ones.

    Deployable ceilings (personnel an agency can sustain offshore at one time): NZDF 800,
    about its recent peaks offshore, and NZ Police 100, about its international
    deployment group. A load above `major_share` of the ceiling (proposed plus current
    deployments in the period) is unsustainable, above `minor_share` strained.
    Pacific reserve kept at home for regional emergencies: NZDF 250 (a ship's company,
    an air-transport detachment and a company-sized land response), Police 30 (a
    disaster-victim and public-order team); the cyclone season is November to April.
    Rotation pools (personnel-rotations over a mission: one deployed, one preparing, one
    recovering): three times the ceilings; the same shares apply. A mission longer than
    `long_mission_months` needs a stated rotation length.
    """

    nzdf_deployable_ceiling: int = 800
    police_deployable_ceiling: int = 100
    minor_share: float = 0.6
    major_share: float = 1.0
    pacific_reserve_nzdf: int = 250
    pacific_reserve_police: int = 30
    cyclone_months: tuple[int, ...] = (11, 12, 1, 2, 3, 4)
    nzdf_rotation_pool: int = 2400
    police_rotation_pool: int = 300
    long_mission_months: int = 6

    def ceiling(self, key: str) -> int:
        return self.nzdf_deployable_ceiling if key == "nzdf" else self.police_deployable_ceiling

    def reserve(self, key: str) -> int:
        return self.pacific_reserve_nzdf if key == "nzdf" else self.pacific_reserve_police

    def pool(self, key: str) -> int:
        return self.nzdf_rotation_pool if key == "nzdf" else self.police_rotation_pool

    def level(self, share: float) -> str:
        if share > self.major_share:
            return UNSUSTAINABLE
        return STRAINED if share > self.minor_share else SUSTAINABLE


@dataclass(frozen=True, slots=True)
class Load:
    test: str  # ceiling, reserve, period (of current deployments) or rotations
    level: str | None  # None: a fact the test needs is unknown, named by `field`
    field: str
    message: str
    condition: str | None = None


def loads(p: Proposal, ctx: RuleContext, o: LoadOptions) -> Iterator[Load]:
    """Every test of every deploying agency's load, in agency order."""
    span = period(p)
    for key, a in deploying(p):
        if a.personnel is None:
            field = f"contribution.{key}.personnel"
            yield Load(
                "ceiling", None, field, f"The number of {LABEL[key]} personnel is not stated."
            )
            continue
        current = _concurrent(ctx, key, span)
        yield from _ceiling_and_reserve(key, a.personnel, current, o, p, span)
        yield _rotations(key, a.personnel, a, p, o)


def _concurrent(ctx: RuleContext, key: str, span: Span | None) -> int | None:
    """Personnel of the agency's current deployments in the period: 0 when none were
    supplied, None when some were but the period is unknown."""
    if not ctx.commitments:
        return 0
    if span is None:
        return None
    found = [
        d if isinstance(d, Deployment) else Deployment.model_validate(d) for d in ctx.commitments
    ]
    return sum(d.personnel for d in found if d.agency == key and d.overlaps(*span))


def _ceiling_and_reserve(
    key: str, n: int, current: int | None, o: LoadOptions, p: Proposal, span: Span | None
) -> Iterator[Load]:
    label, ceiling, reserve = LABEL[key], o.ceiling(key), o.reserve(key)
    used = n + (current or 0)
    share = used / ceiling if ceiling else math.inf
    field = f"contribution.{key}.personnel"
    what = f"{label} would deploy {n:,}"
    if current:
        what += f" alongside {current:,} already deployed in the period ({used:,} in all)"
    level = o.level(share)
    cond = (
        f"Reduce or re-phase {label} commitments to within its deployable ceiling of {ceiling:,}."
        if level == UNSUSTAINABLE
        else f"Confirm which {label} tasks would be drawn down to sustain this contribution."
    )
    yield Load(
        "ceiling",
        level,
        field,
        f"{what}, {pct(share)} of its deployable ceiling of {ceiling:,}.",
        cond,
    )
    season = _cyclone_season(span, o)
    if ceiling - used < reserve:
        yield Load(
            "reserve",
            UNSUSTAINABLE,
            field,
            f"{what}, leaving {max(ceiling - used, 0):,} of its {ceiling:,} at home for a "
            f"Pacific reserve of {reserve:,}" + (f" through the {season}." if season else "."),
            f"Keep at least {reserve:,} {label} personnel at home for Pacific emergencies"
            + (f", above all in the {season}." if season else "."),
        )
    elif current is None:  # current deployments were supplied, but not the period
        start_unknown = p.location is None or p.location.start_date is None
        fact = ("start_date", "start date") if start_unknown else ("duration_months", "duration")
        yield Load(
            "period",
            None,
            f"location.{fact[0]}",
            f"The {fact[1]} is not stated, so which current deployments overlap the period is "
            "unknown.",
        )


def _cyclone_season(span: Span | None, o: LoadOptions) -> str:
    """'cyclone season (November to April)' when the period includes a cyclone month."""
    if span is None or not o.cyclone_months:
        return ""
    start, end = span
    month = dt.date(start.year, start.month, 1)
    while month <= end and month.month not in o.cyclone_months:
        month = add_months(month, 1)
    if month > end:
        return ""
    first, last = (calendar.month_name[m] for m in (o.cyclone_months[0], o.cyclone_months[-1]))
    return f"cyclone season ({first} to {last})"


def _rotations(key: str, n: int, a: AgencyContribution, p: Proposal, o: LoadOptions) -> Load:
    label, pool = LABEL[key], o.pool(key)
    duration = p.location.duration_months if p.location else None
    field = f"contribution.{key}.rotation_months"
    if duration is None:
        msg = "The duration is not stated, so the rotations the mission needs are unknown."
        return Load("rotations", None, "location.duration_months", msg)
    if a.rotation_months is None and duration > o.long_mission_months:
        msg = f"The {label} rotation length is not stated for a {duration}-month mission."
        return Load("rotations", None, field, msg)
    rotations = math.ceil(duration / (a.rotation_months or duration))
    share = rotations * n / pool if pool else math.inf
    return Load(
        "rotations",
        o.level(share),
        field if a.rotation_months is not None else f"contribution.{key}.personnel",
        f"{label} would need {rotations} rotation{'s' if rotations > 1 else ''} of {n:,} "
        f"over {duration} months, {rotations * n:,} personnel-rotations or {pct(share)} of "
        f"its rotation pool of {pool:,}.",
        f"Plan {label} rotations the pool can sustain: longer tours, fewer personnel or a "
        "shorter commitment.",
    )
