"""STR-011 regional-solution: a regional organisation leads, or has endorsed, the operation.

regional-mission: led as a regional organisation's operation, with the organisation and
its decision named (legal_basis.regional_arrangement); regionally-endorsed: a regional
organisation has decided on it, but it is led otherwise; no-regional-role: neither, with
the condition to seek a regional endorsement unless the region's backing is already
strong (strategic.regional_backing, STR-010's fact).
Messages name the organisation and the lead state apart ("a Pacific Islands Forum
mission led by Australia"): a state is never called a regional organisation.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Arrangement, Backing
from pso_cli.model.legal import RegionalArrangement
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, RuleContext, Severity, missing, rate, rule
from pso_cli.rules.builtin.common import article
from pso_cli.rules.builtin.strategic._shared import REGIONAL, S, arrangement, same_party

LEAD, ORG = "leadership.arrangement", "legal_basis.regional_arrangement.organisation"
LEVELS = (("no-regional-role", 0), ("regionally-endorsed", 60), ("regional-mission", 100))
SEEK = "Seek the endorsement of the regional organisation concerned (a decision of its leaders)."


@rule(
    code="STR-011",
    name="regional-solution",
    consideration=S,
    title="A regional organisation leads or has endorsed the operation",
    rationale=(
        "The policy holds that regional solutions are often the most effective and names the "
        "regional forums where decisions on peace efforts are made. A mission a regional "
        "organisation leads is such a solution; one it has endorsed is part of one."
    ),
    reference=REGIONAL,
    severity=Severity.MINOR,
    attribute=Attribute("A regional solution", LEVELS, (LEAD, ORG)),
    reads=(LEAD, ORG, "leadership.lead", "strategic.regional_backing.level"),
    example="leadership: {arrangement: coalition}\nlegal_basis: {regional_arrangement: none}",
)
def regional_solution(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    arr = arrangement(p)
    ra = p.legal_basis.regional_arrangement if p.legal_basis else None
    decided = ra if isinstance(ra, RegionalArrangement) else None
    lead = p.leadership.lead if p.leadership else None
    if arr is None:
        yield missing(LEAD, "The proposal does not say who leads the operation.")
    elif arr is Arrangement.REGIONAL_ORGANISATION and decided is not None:
        org = decided.organisation
        by = f" led by {lead}" if lead and not same_party(lead, org) else ""
        yield rate(LEAD, "regional-mission", f"The operation is {article(org)} {org} mission{by}.")
    elif arr is Arrangement.REGIONAL_ORGANISATION:
        said = "is to be led by a regional organisation, but the proposal does not name it"
        yield missing("legal_basis.regional_arrangement", f"The operation {said}.")
    elif decided is not None:
        org, by = decided.organisation, f" led by {lead}" if lead else ""
        said = f"The operation has {article(org)} {org} decision behind it but is {article(arr)}"
        said += f" '{arr}' operation{by}, not {article(org)} {org} mission."
        yield rate(ORG, "regionally-endorsed", said)
    elif ra is None:
        said = "The proposal does not say whether a regional organisation has decided on it."
        yield missing("legal_basis.regional_arrangement", said)
    else:
        by = f" led by {lead}" if lead else ""
        said = f"The operation is {article(arr)} '{arr}' operation{by}, with no regional decision."
        yield rate(LEAD, "no-regional-role", said, None if _backed(p) else SEEK)


def _backed(p: Proposal) -> bool:
    """The region already backs it strongly (STR-010's fact): seeking an endorsement is
    then no condition of the advice."""
    rb = p.strategic.regional_backing if p.strategic else None
    return rb is not None and rb.level is Backing.STRONG


RULE = regional_solution
