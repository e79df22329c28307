"""STR-003 relationship-effects.

Effect of the operation on New Zealand's relationships with other countries.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import RelationshipEffect
from pso_cli.model.proposal import Proposal, Strategic
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
from pso_cli.rules.builtin.common import MFAT, MFAT_URL
from pso_cli.rules.builtin.strategic._shared import STRATEGIC_PASSAGE, S, strategic


@rule(
    code="STR-003",
    name="relationship-effects",
    consideration=S,
    title="Effect of the operation on New Zealand's relationships with other countries",
    rationale=(
        "The policy weighs each operation's effect on New Zealand's relationships with other "
        "countries. Strengthening ties with partners, the host and the region counts in "
        "favour; straining a relationship is a cost to be weighed."
    ),
    reference=Reference(source=MFAT, passage=STRATEGIC_PASSAGE, url=MFAT_URL),
    severity=Severity.MAJOR,
    reads=("strategic.relationships",),
    example="strategic: {relationships: [{party: Neighbourland, effect: strains}]}",
)
def relationship_effects(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = strategic(p)
    if s is None or not s.relationships:
        yield missing(
            "strategic.relationships",
            "The proposal lists no effects on New Zealand's relationships with other countries.",
        )
        return
    yield from _relationship_findings(s)


def _relationship_findings(s: Strategic) -> Iterator[Finding]:
    strengthens: list[str] = []
    for i, rel in enumerate(s.relationships):
        field = f"strategic.relationships[{i}].effect"
        if rel.effect is RelationshipEffect.STRAINS:
            why = f" ({rel.why})" if rel.why else ""
            yield concern(
                field, f"The operation would strain the relationship with {rel.party}{why}.", 10
            )
        elif rel.effect is RelationshipEffect.STRENGTHENS:
            strengthens.append(rel.party)
        elif rel.effect is None:
            yield missing(field, f"The effect on the relationship with {rel.party} is not stated.")
    if strengthens:
        yield supports(
            "strategic.relationships",
            f"The operation would strengthen relationships with {', '.join(strengthens)}.",
            3,
        )


RULE = relationship_effects
