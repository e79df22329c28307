"""AGY-002 rotation-sustainability.

The NZDF and Police can sustain the rotations the mission needs.
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
from pso_cli.rules.builtin.agencies._shared import (
    AGY,
    IMPLICATIONS,
    LABEL,
    AgencyOptions,
    deploying,
    opts,
    pct,
)
from pso_cli.rules.builtin.common import MFAT, MFAT_URL


class RotationOptions(AgencyOptions):
    """Rotation pools: individual deployments an agency can source before people redeploy.

    Defaults are three times the deployable ceilings (one deployed, one preparing, one
    recovering): NZDF 2,400 and Police 300 personnel-rotations over a mission.
    A mission longer than `long_mission_months` needs a stated rotation length.
    """

    nzdf_rotation_pool: int = 2400
    police_rotation_pool: int = 300
    minor_share: float = 0.6
    long_mission_months: int = 6


@rule(
    code="AGY-002",
    name="rotation-sustainability",
    consideration=AGY,
    title="The NZDF and Police can sustain the rotations the mission needs",
    rationale=(
        "Over a long mission every rotation needs a fresh, trained contingent; when the "
        "personnel-rotations needed approach the pool an agency can draw on, people redeploy "
        "repeatedly and fatigue and retention suffer."
    ),
    reference=Reference(MFAT, IMPLICATIONS, MFAT_URL),
    severity=Severity.MAJOR,
    reads=(
        "location.duration_months",
        "contribution.nzdf.personnel",
        "contribution.nzdf.rotation_months",
        "contribution.police.personnel",
        "contribution.police.rotation_months",
    ),
    options=RotationOptions,
    example=(
        "location: {duration_months: 60}\n"
        "contribution: {nzdf: {personnel: 400, rotation_months: 4}}"
    ),
)
def rotation_sustainability(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    o = opts(ctx, RotationOptions)
    agencies = list(deploying(p))
    if not agencies:
        return
    duration = p.location.duration_months if p.location else None
    if duration is None:
        yield missing("location.duration_months", "The duration is not stated.")
        return
    for key, a, n in agencies:
        field = f"contribution.{key}"
        if a.rotation_months is None and duration > o.long_mission_months:
            yield missing(
                f"{field}.rotation_months",
                f"The {LABEL[key]} rotation length is not stated for a {duration}-month mission.",
            )
            continue
        yield _rotation_finding(key, n, a.rotation_months or duration, duration, o, field)


def _rotation_finding(
    key: str, n: int, rotation: int, duration: int, o: RotationOptions, field: str
) -> Finding:
    rotations = math.ceil(duration / rotation)
    needed = rotations * n
    pool = o.nzdf_rotation_pool if key == "nzdf" else o.police_rotation_pool
    share = needed / pool if pool else math.inf
    msg = (
        f"{LABEL[key]} would need {rotations} rotation(s) of {n:,} over {duration} months: "
        f"{needed:,} personnel-rotations, {pct(share)} of a pool of {pool:,}."
    )
    cond = f"Plan {LABEL[key]} rotations (longer tours, fewer personnel or a shorter commitment)."
    if share > 1:
        return concern(field + ".personnel", msg + " That cannot be sustained.", -12, cond)
    if share > o.minor_share:
        return concern(field + ".personnel", msg + " That will strain the pool.", -5, cond)
    return supports(field + ".rotation_months", msg, 2)


RULE = rotation_sustainability
