"""AGY-011 mfat-political-lead.

MFAT takes part to lead the political track of a regional mission.
"""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model import enums as e
from pso_cli.model.findings import Severity
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, Reference, RuleContext, missing, rate, rule
from pso_cli.rules.builtin.agencies._shared import AGY, contributes
from pso_cli.rules.builtin.common import MFAT, MFAT_URL

REGIONAL_TYPES = (e.OperationType.REGIONAL_ASSISTANCE, e.OperationType.STABILISATION)


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
        "contribution.mfat",
        "location.region",
        "leadership.arrangement",
        "identity.operation_type",
    ),
    example="location: {region: pacific}\ncontribution: {mfat: null}",
    # MFAT's costs are AGY-008's: the attribute owns whether MFAT sends anyone.
    attribute=Attribute(
        "MFAT in a regional mission",
        (("no-mfat", 0), ("mfat-included", 100)),
        ("contribution.mfat.personnel",),
    ),
)
def mfat_political_lead(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    why = _regional(p)
    if why is None:
        return
    if p.contribution is None:
        yield missing("contribution", f"This is {why}; the contribution is not stated.")
    elif contributes(p, "mfat"):
        yield rate("contribution.mfat", "mfat-included", f"MFAT takes part in {why}.")
    else:
        yield rate(
            "contribution.mfat",
            "no-mfat",
            f"This is {why} with no MFAT contribution to lead the political track.",
            "Include MFAT officials to lead NZ's political and diplomatic engagement.",
        )


def _regional(p: Proposal) -> str | None:
    """What makes this a regional mission, if anything does."""
    if p.location is not None and p.location.region == e.Region.PACIFIC:
        return "a mission in the Pacific"
    if p.leadership is not None and p.leadership.arrangement == e.Arrangement.REGIONAL_ORGANISATION:
        return "a regional organisation's mission"
    op = p.identity.operation_type
    return f"a '{op}' mission" if op in REGIONAL_TYPES else None


RULE = mfat_political_lead
