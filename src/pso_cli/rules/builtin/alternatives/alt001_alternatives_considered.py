"""ALT-001 alternatives-considered: alternatives to deploying were considered.

Non-scoring planning advice: ALT-002 rates what the alternatives show. Here a stated
`alternatives: []` is a concern with the action that resolves it, an unstated list is
missing, and a list is reported by the kinds it covers.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    concern,
    info,
    missing,
    rule,
)
from pso_cli.rules.builtin.alternatives._shared import ALT
from pso_cli.rules.builtin.common import MFAT, MFAT_URL

ACTION = "Assess the alternatives to deploying: can NZ help the country in other ways?"


@rule(
    code="ALT-001",
    name="alternatives-considered",
    consideration=ALT,
    title="Alternatives to deploying were considered",
    rationale=(
        "The policy asks, before any deployment, whether New Zealand can help in other ways."
        " A proposal that assessed no alternative cannot show that deploying is the best way"
        " to help."
    ),
    reference=Reference(
        MFAT,
        "alternative options and whether New Zealand can help the fragile or post-conflict"
        " country in other ways",
        MFAT_URL,
    ),
    severity=Severity.MAJOR,
    reads=("alternatives", "alternatives[].type"),
    example="alternatives: []",
)
def alternatives_considered(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    alts = p.alternatives
    if alts is None:
        yield missing("alternatives", "The proposal does not say which alternatives were assessed.")
    elif not alts:
        yield concern(
            "alternatives",
            "The proposal states that no alternative to deploying was considered.",
            condition=ACTION,
        )
    else:
        kinds = ", ".join(f"'{k}'" for k in sorted({a.type.value for a in alts}))
        yield info("alternatives", f"Alternatives of these kinds were considered: {kinds}.")


RULE = alternatives_considered
