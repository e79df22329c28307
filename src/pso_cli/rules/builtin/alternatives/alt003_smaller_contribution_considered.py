"""ALT-003 smaller-contribution-considered: a smaller or niche contribution was considered."""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, concern, rule, supports
from pso_cli.rules.builtin.alternatives._shared import (
    ALT,
    SizeOptions,
    at,
    first_of,
    is_large,
    personnel,
)
from pso_cli.rules.builtin.common import MFAT, MFAT_URL


@rule(
    code="ALT-003",
    name="smaller-contribution-considered",
    consideration=ALT,
    title="A smaller or niche contribution was considered",
    rationale=(
        "A large deployment should be weighed against a smaller or niche contribution that"
        " may achieve much of the same at less cost and risk to New Zealand."
    ),
    reference=Reference(
        MFAT,
        "We advise our government on how New Zealand could best contribute to peace support"
        " operations.",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=("alternatives[].type", "contribution.*.personnel"),
    options=SizeOptions,
    example="alternatives: [{type: diplomacy}]\ncontribution: {nzdf: {personnel: 300}}",
)
def smaller_contribution(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if p.alternatives is None:
        return
    found = first_of(p, e.AlternativeType.SMALLER_CONTRIBUTION)
    if found is not None:
        yield supports(at(found[0], "type"), "A smaller or niche contribution was considered.", 5)
    elif is_large(p, ctx):
        yield concern(
            "alternatives",
            f"A contribution of {personnel(p)} personnel is proposed but no smaller or niche"
            " contribution was considered.",
            -5,
            condition="Assess a smaller or niche contribution before committing a large one.",
        )


RULE = smaller_contribution
