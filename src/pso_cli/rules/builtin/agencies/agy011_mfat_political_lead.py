"""AGY-011 mfat-political-lead.

MFAT takes part to lead the political track of a regional mission.
"""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, concern, rule, supports
from pso_cli.rules.builtin.agencies._shared import AGY
from pso_cli.rules.builtin.common import MFAT, MFAT_URL


@rule(
    code="AGY-011",
    name="mfat-political-lead",
    consideration=AGY,
    title="MFAT takes part to lead the political track of a regional mission",
    rationale=(
        "Regional missions are political as much as operational; MFAT officials in theatre "
        "keep NZ's contribution tied to the diplomatic process and the regional bodies."
    ),
    reference=Reference(
        MFAT,
        "MFAT's role is to work with the UN and other coalitions to assess peace support "
        "needs and develop policies and practices.",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=(
        "location.region",
        "leadership.arrangement",
        "identity.operation_type",
        "contribution.mfat",
    ),
    example="location: {region: pacific}\ncontribution: {mfat: null}",
)
def mfat_political_lead(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if not _is_regional(p) or p.contribution is None:
        return
    mfat = p.contribution.mfat
    if mfat is not None and mfat.personnel != 0:
        yield supports("contribution.mfat", "MFAT contributes to this regional mission.", 2)
        return
    yield concern(
        "contribution.mfat" if mfat is not None else "contribution",
        "This is a regional mission with no MFAT contribution to lead the political track.",
        -5,
        "Include MFAT officials to lead NZ's political and diplomatic engagement.",
    )


def _is_regional(p: Proposal) -> bool:
    if p.location is not None and p.location.region == e.Region.PACIFIC:
        return True
    if p.leadership is not None and p.leadership.arrangement == e.Arrangement.REGIONAL_ORGANISATION:
        return True
    return p.identity.operation_type == e.OperationType.REGIONAL_ASSISTANCE


RULE = mfat_political_lead
