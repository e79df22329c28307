"""STR-004 host-relationship-stated: the relationship with the host country is assessed."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, missing, rule
from pso_cli.rules.builtin.common import MFAT, MFAT_URL
from pso_cli.rules.builtin.strategic._shared import STRATEGIC_PASSAGE, S, same_party, strategic


@rule(
    code="STR-004",
    name="host-relationship-stated",
    consideration=S,
    title="The relationship with the host country is assessed",
    rationale=(
        "The host is the country whose relationship with New Zealand an operation affects "
        "most directly. An assessment of relationships that leaves out the host is incomplete."
    ),
    reference=Reference(source=MFAT, passage=STRATEGIC_PASSAGE, url=MFAT_URL),
    severity=Severity.MINOR,
    reads=("location.host", "strategic.relationships"),
    example=(
        "location: {host: Testland}\n"
        "strategic: {relationships: [{party: Partnerland, effect: strengthens}]}"
    ),
)
def host_relationship_stated(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = strategic(p)
    host = p.location.host if p.location else None
    if host is None or s is None or not s.relationships:
        return  # nothing to compare; STR-003 reports an empty list
    if not any(same_party(host, rel.party) for rel in s.relationships):
        yield missing(
            "strategic.relationships",
            f"The relationships listed do not include the host country, {host}.",
        )


RULE = host_relationship_stated
