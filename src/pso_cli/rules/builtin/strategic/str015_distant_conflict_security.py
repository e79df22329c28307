"""STR-015 distant-conflict-security: security relevance of a conflict outside the Asia-Pacific.

Information only, never a score: the effect on New Zealand's security is STR-002's
attribute. For an operation outside the Pacific and Asia this says whether the proposal
makes the security case the policy expects of a distant conflict, and quotes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Effect
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, info, rule
from pso_cli.rules.builtin.common import MFAT, MFAT_URL
from pso_cli.rules.builtin.strategic._shared import S, clause, strategic


@rule(
    code="STR-015",
    name="distant-conflict-security",
    consideration=S,
    title="Security relevance of a conflict outside the Asia-Pacific",
    rationale=(
        "The policy recognises that, with terrorism a major threat, distant conflicts can "
        "bear on New Zealand's own security. For an operation outside the Asia-Pacific, the "
        "security case should be made explicitly."
    ),
    reference=Reference(
        source=MFAT,
        passage=(
            "conflicts on the 'other side of the world' are now more relevant to our own security"
        ),
        url=MFAT_URL,
    ),
    severity=Severity.INFO,
    reads=("location.region", "strategic.nz_security.effect", "strategic.nz_security.rationale"),
    example="location: {region: middle-east}\nstrategic: {nz_security: {effect: advances}}",
)
def distant_conflict_security(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    region = p.location.region if p.location else None
    if region is None or region.value in ("pacific", "asia"):
        return
    s = strategic(p)
    sec = s.nz_security if s else None
    field = "strategic.nz_security"
    if sec is not None and sec.effect is Effect.ADVANCES:
        why = f": {clause(sec.rationale)}" if sec.rationale else ""
        yield info(
            field,
            f"The conflict is distant ('{region.value}') but assessed to bear on New "
            f"Zealand's security{why}.",
        )
    else:
        yield info(
            field,
            f"The conflict is distant ('{region.value}') and no security benefit to New "
            "Zealand is claimed; the case rests on other interests.",
        )


RULE = distant_conflict_security
