"""ALT-003 smaller-contribution-considered: a smaller or niche contribution was assessed.

Information only: it never scores and sets no condition, so an alternative listed to
satisfy it gains nothing. What a smaller contribution would achieve is ALT-002's.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, info, rule
from pso_cli.rules.builtin.alternatives._shared import (
    ALT,
    SizeOptions,
    T,
    assessed,
    is_large,
    personnel,
)
from pso_cli.rules.builtin.common import MFAT, MFAT_URL


@rule(
    code="ALT-003",
    name="smaller-contribution-considered",
    consideration=ALT,
    title="A smaller or niche contribution was assessed",
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
    severity=Severity.INFO,
    reads=("alternatives[].type", "alternatives[].expected_effect", "contribution.*.personnel"),
    options=SizeOptions,
    example="alternatives: [{type: diplomacy}]\ncontribution: {nzdf: {personnel: 300}}",
)
def smaller_contribution(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    if p.alternatives is None or assessed(p, frozenset({T.SMALLER_CONTRIBUTION})):
        return
    if is_large(p, ctx):
        yield info(
            "alternatives",
            f"No smaller or niche contribution was assessed against the {personnel(p)}"
            " personnel proposed.",
        )


RULE = smaller_contribution
