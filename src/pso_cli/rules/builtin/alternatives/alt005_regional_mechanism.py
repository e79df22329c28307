"""ALT-005 regional-mechanism: a regional body leads, or its mechanisms were assessed.

Information only: it never scores and sets no condition, so an alternative listed to
satisfy it gains nothing. Whether the response is regional is STR-011's to rate; here
the officer learns that no regional option was assessed. A state is never taken for a
regional body: only the arrangement's organisation and words naming such bodies count.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model import enums as e
from pso_cli.model.legal import RegionalArrangement
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, info, rule
from pso_cli.rules.builtin.alternatives._shared import ALT, T
from pso_cli.rules.builtin.common import MFAT, MFAT_URL

REGIONAL_WORDS = ("regional", "forum", "asean", "union", "spearhead group")
KINDS = frozenset({T.DIPLOMACY, T.FUNDING_MECHANISMS})


@rule(
    code="ALT-005",
    name="regional-mechanism",
    consideration=ALT,
    title="A regional body leads, or a regional mechanism was assessed",
    rationale=(
        "The policy holds that regional solutions are often the most effective, so mediation"
        " or funding through a regional body is an alternative worth assessing when no"
        " regional organisation leads the response."
    ),
    reference=Reference(
        MFAT, "Regional solutions to conflict situations are often the most effective", MFAT_URL
    ),
    severity=Severity.INFO,
    reads=(
        "leadership.arrangement",
        "alternatives[].type",
        "alternatives[].description",
        "alternatives[].rationale",
        "legal_basis.regional_arrangement.organisation",
    ),
    example="leadership: {arrangement: un-led}\nalternatives: [{type: sanctions}]",
)
def regional_mechanism(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    lead = p.leadership.arrangement if p.leadership else None
    if p.alternatives is None or lead == e.Arrangement.REGIONAL_ORGANISATION:
        return
    names = [*REGIONAL_WORDS, *_organisation(p)]
    for a in p.alternatives:
        text = f"{a.description or ''} {a.rationale or ''}".lower()
        if a.type in KINDS and a.expected_effect is not None and any(n in text for n in names):
            return
    yield info(
        "alternatives",
        "No regional mechanism, such as mediation or funding through a regional body, was"
        " assessed as an alternative to deploying.",
    )


def _organisation(p: Proposal) -> list[str]:
    ra = p.legal_basis.regional_arrangement if p.legal_basis else None
    return [ra.organisation.lower()] if isinstance(ra, RegionalArrangement) else []


RULE = regional_mechanism
