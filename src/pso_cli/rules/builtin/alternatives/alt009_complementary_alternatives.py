"""ALT-009 complementary-alternatives: alternatives that could complement the deployment.

Information only: it never scores and sets no condition; a repeated entry is named once.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, info, rule
from pso_cli.rules.builtin.alternatives._shared import (
    ALT,
    NON_DEPLOYMENT,
    VIABLE,
    at,
    indexed,
    label,
)
from pso_cli.rules.builtin.common import MFAT, MFAT_URL


@rule(
    code="ALT-009",
    name="complementary-alternatives",
    consideration=ALT,
    title="Alternatives that could complement the deployment",
    rationale=(
        "An option that partly meets the objective may not replace a deployment but can"
        " sustain its gains, for example development assistance after withdrawal."
    ),
    reference=Reference(
        MFAT,
        "help maintain peace and allow the rebuilding of infrastructure to create a more"
        " stable environment",
        MFAT_URL,
    ),
    severity=Severity.INFO,
    reads=("alternatives[].type", "alternatives[].feasibility", "alternatives[].expected_effect"),
    example=(
        "alternatives:\n"
        "  - {type: development-assistance, feasibility: high, expected_effect: partly}"
    ),
)
def complementary(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    alts = indexed(p)
    for i, a in alts:
        partly = a.expected_effect == e.AlternativeEffect.PARTLY
        repeated = a in (b for _, b in alts[:i])
        if a.type in NON_DEPLOYMENT and partly and a.feasibility in VIABLE and not repeated:
            yield info(
                at(i, "expected_effect"),
                f"{label(a, True)} would partly meet the objective and is feasible: consider"
                " it alongside the deployment or to sustain its gains after withdrawal.",
            )


RULE = complementary
