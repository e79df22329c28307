"""STR-010 regional-backing: backing from the region's states and bodies.

The level is the backing stated (opposed, none, some, strong), so backing left out is
missing. Who leads the operation and whether a regional organisation decided on it are
STR-011's facts; this attribute is the region's support, whoever leads.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Backing
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, RuleContext, Severity, missing, rate, rule
from pso_cli.rules.builtin.strategic._shared import REGIONAL, S, names

FIELD = "strategic.regional_backing"
LEVELS = (("opposed", 0), ("none", 30), ("some", 70), ("strong", 100))
SAYS = {
    Backing.OPPOSED: "Regional states or bodies oppose the operation{by}.",
    Backing.NONE: "The operation has no regional backing.",
    Backing.SOME: "There is some regional backing{by}.",
    Backing.STRONG: "Regional backing is strong{by}.",
}
SEEK = "Seek the backing of the region's states and bodies before deployment."


@rule(
    code="STR-010",
    name="regional-backing",
    consideration=S,
    title="Backing from regional states and bodies",
    rationale=(
        "The policy holds that regional solutions are often the most effective. An operation "
        "the region backs is more likely to succeed; one the region opposes is unlikely to."
    ),
    reference=REGIONAL,
    severity=Severity.MAJOR,
    attribute=Attribute("Regional backing", LEVELS, (FIELD,)),
    reads=(FIELD,),
    example="strategic: {regional_backing: {level: opposed}}",
)
def regional_backing(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    rb = p.strategic.regional_backing if p.strategic else None
    field = f"{FIELD}.level"
    if rb is None or rb.level is None:
        yield missing(field, "The proposal does not say whether the region backs the operation.")
        return
    by = f" ({names(rb.bodies)})" if rb.bodies else ""
    act = None
    if rb.level is Backing.OPPOSED:
        act = f"Address the objections of {names(rb.bodies)} before deployment." if by else SEEK
    elif rb.level is Backing.NONE:
        act = SEEK
    yield rate(field, rb.level.value, SAYS[rb.level].format(by=by), act)


RULE = regional_backing
