"""ALT-006 last-resort: peaceful means were assessed before an enforcement contribution.

Information only: it never scores and sets no condition, so an alternative listed to
satisfy it gains nothing. Whether diplomacy or sanctions would do instead is ALT-002's.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, info, rule
from pso_cli.rules.builtin.alternatives._shared import ALT, T, assessed
from pso_cli.rules.builtin.common import CHARTER_URL, op_type

PEACEFUL = frozenset({T.DIPLOMACY, T.SANCTIONS})  # Art. 33 settlement; Art. 41 measures


@rule(
    code="ALT-006",
    name="last-resort",
    consideration=ALT,
    title="Peaceful means were assessed before an enforcement contribution",
    rationale=(
        "An enforcement contribution is justified only when peaceful settlement and measures"
        " not involving force have been tried or assessed and found wanting."
    ),
    reference=Reference(
        "Charter of the United Nations, Article 33 (peaceful settlement) and Article 41"
        " (measures not involving the use of armed force)",
        "The parties to any dispute, the continuance of which is likely to endanger the"
        " maintenance of international peace and security, shall, first of all, seek a"
        " solution by negotiation, enquiry, mediation, conciliation, arbitration, judicial"
        " settlement, resort to regional agencies or arrangements, or other peaceful means"
        " of their own choice.",
        CHARTER_URL,
    ),
    severity=Severity.INFO,
    reads=(
        "identity.operation_type",
        "legal_basis.use_of_force",
        "alternatives[].type",
        "alternatives[].expected_effect",
    ),
    example="identity: {operation_type: enforcement}\nalternatives: []",
)
def last_resort(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    if p.alternatives is None or not _is_enforcement(p) or assessed(p, PEACEFUL):
        return
    yield info(
        "alternatives",
        "An enforcement contribution is proposed, but neither diplomacy nor sanctions was"
        " assessed before force.",
    )


def _is_enforcement(p: Proposal) -> bool:
    force = p.legal_basis.use_of_force if p.legal_basis else None
    return op_type(p) == e.OperationType.ENFORCEMENT or force == e.ForcePosture.ENFORCEMENT


RULE = last_resort
