"""ALT-001 alternatives-considered: alternatives to deploying were considered."""

from __future__ import annotations

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
from pso_cli.rules.builtin.alternatives._shared import ALT
from pso_cli.rules.builtin.common import MFAT, MFAT_URL


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
def alternatives_considered(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    alts = p.alternatives
    if alts is None:
        yield missing("alternatives", "The proposal does not say which alternatives were assessed.")
        return
    if not alts:
        yield concern(
            "alternatives",
            "The proposal states that no alternative to deploying was considered.",
            -12,
            condition="Assess non-deployment alternatives before a decision.",
        )
        return
    kinds = sorted({a.type.value for a in alts})
    effect = 10 if len(kinds) >= 3 else 5
    yield supports(
        "alternatives",
        f"{len(alts)} alternative(s) of {len(kinds)} kind(s) were assessed: {', '.join(kinds)}.",
        effect,
    )


RULE = alternatives_considered
