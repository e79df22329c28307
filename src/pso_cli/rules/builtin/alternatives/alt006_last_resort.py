"""ALT-006 last-resort: force is a last resort after peaceful means."""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model import enums as e
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
from pso_cli.rules.builtin.alternatives._shared import ALT, NON_DEPLOYMENT
from pso_cli.rules.builtin.common import CHARTER_URL, op_type


@rule(
    code="ALT-006",
    name="last-resort",
    consideration=ALT,
    title="Force is a last resort after peaceful means",
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
    severity=Severity.CRITICAL,
    reads=(
        "identity.operation_type",
        "legal_basis.use_of_force",
        "alternatives[].type",
        "alternatives[].expected_effect",
    ),
    example="identity: {operation_type: enforcement}\nalternatives: []",
)
def last_resort(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if not _is_enforcement(p):
        return
    if p.alternatives is None:
        yield missing("alternatives", "An enforcement contribution must show alternatives tried.")
        return
    assessed = [
        a for a in p.alternatives if a.type in NON_DEPLOYMENT and a.expected_effect is not None
    ]
    if assessed:
        yield supports(
            "alternatives",
            f"{len(assessed)} peaceful or non-military option(s) were assessed before enforcement.",
            5,
        )
        return
    yield concern(
        "alternatives",
        "An enforcement contribution is proposed but no peaceful or non-military option was"
        " assessed: force would not be shown to be a last resort.",
        -22,
        condition="Show that peaceful settlement and measures not involving force were tried"
        " or assessed before contributing to enforcement.",
    )


def _is_enforcement(p: Proposal) -> bool:
    force = p.legal_basis.use_of_force if p.legal_basis else None
    return op_type(p) == e.OperationType.ENFORCEMENT or force == e.ForcePosture.ENFORCEMENT


RULE = last_resort
