"""LEG-005 status-of-forces: New Zealand personnel have status-of-forces protections."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import SofaStatus as SS
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
from pso_cli.rules.builtin.legality._shared import CAPSTONE, CAPSTONE_URL, LEG

SOFA_CONDITION = "Conclude a status-of-forces agreement (or exchange of notes) before deployment."


@rule(
    code="LEG-005",
    name="status-of-forces",
    consideration=LEG,
    title="New Zealand personnel have status-of-forces protections",
    rationale=(
        "A status-of-forces agreement or exchange of notes gives deployed personnel "
        "immunity from local jurisdiction and settles entry, carriage of arms and "
        "claims. Deploying without one exposes personnel to host-state prosecution."
    ),
    reference=Reference(source=CAPSTONE, url=CAPSTONE_URL),
    severity=Severity.MAJOR,
    reads=("legal_basis.status_of_forces.status", "legal_basis.status_of_forces.instrument"),
    example="legal_basis:\n  status_of_forces: {status: negotiating}\n",
)
def status_of_forces(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    sofa = p.legal_basis.status_of_forces if p.legal_basis else None
    status = sofa.status if sofa else None
    field = "legal_basis.status_of_forces.status"
    if status is None:
        yield missing(field, "Status-of-forces protections for NZ personnel are not stated.")
    elif status in (SS.SIGNED, SS.EXCHANGE_OF_NOTES):
        how = f" ({sofa.instrument})" if sofa and sofa.instrument else ""
        yield supports(field, f"Status-of-forces protections are in place: '{status}'{how}.", 5)
    elif status == SS.NEGOTIATING:
        yield concern(
            field,
            "A status-of-forces agreement is still being negotiated.",
            10,
            SOFA_CONDITION,
        )
    else:
        yield concern(
            field,
            "No status-of-forces agreement or equivalent protects NZ personnel.",
            15,
            SOFA_CONDITION,
        )


RULE = status_of_forces
