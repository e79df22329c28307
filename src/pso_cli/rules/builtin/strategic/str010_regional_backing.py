"""STR-010 regional-backing: backing from regional states and bodies."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Backing
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, RuleContext, Severity, concern, missing, rule, supports
from pso_cli.rules.builtin.strategic._shared import REGIONAL, S, strategic


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
    reads=("strategic.regional_backing.level", "strategic.regional_backing.bodies"),
    example="strategic: {regional_backing: {level: opposed}}",
)
def regional_backing(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = strategic(p)
    rb = s.regional_backing if s else None
    field = "strategic.regional_backing.level"
    if rb is None or rb.level is None:
        yield missing(field, "The proposal does not say whether the region backs the operation.")
        return
    bodies = f" ({', '.join(rb.bodies)})" if rb.bodies else ""
    level = rb.level
    if level is Backing.STRONG:
        yield supports(field, f"Regional backing is strong{bodies}.", 4)
    elif level is Backing.SOME:
        yield supports(field, f"There is some regional backing{bodies}.", 3)
    elif level is Backing.NONE:
        yield concern(
            field,
            "The operation has no regional backing.",
            5,
            condition="Seek the backing of regional states and bodies before deployment.",
        )
    else:
        yield concern(field, f"Regional states or bodies oppose the operation{bodies}.", 15)


RULE = regional_backing
