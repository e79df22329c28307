"""LEG-006 nz-domestic-authority: New Zealand's domestic authority to deploy is stated."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, missing, rule, supports
from pso_cli.rules.builtin.legality._shared import LEG


@rule(
    code="LEG-006",
    name="nz-domestic-authority",
    consideration=LEG,
    title="New Zealand's domestic authority to deploy is stated",
    rationale=(
        "Deployment needs a statutory basis in New Zealand law and a Cabinet decision; "
        "international legality alone does not authorise New Zealand agencies to act."
    ),
    reference=Reference(
        source="Defence Act 1990 (NZ), section 5",
        url="https://www.legislation.govt.nz/act/public/1990/0028/latest/whole.html",
    ),
    severity=Severity.MAJOR,
    reads=("legal_basis.nz_authority.statutory_basis", "legal_basis.nz_authority.cabinet_decision"),
    example="legal_basis:\n  nz_authority: {statutory_basis: null, cabinet_decision: null}\n",
)
def nz_domestic_authority(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    auth = p.legal_basis.nz_authority if p.legal_basis else None
    if auth is None:
        yield missing("legal_basis.nz_authority", "NZ domestic authority to deploy is not stated.")
        return
    if auth.statutory_basis is None:
        yield missing(
            "legal_basis.nz_authority.statutory_basis",
            "The statutory basis for the deployment is not stated.",
        )
    if auth.cabinet_decision is None:
        yield missing(
            "legal_basis.nz_authority.cabinet_decision",
            "No Cabinet decision authorising the deployment is cited.",
        )
    if auth.statutory_basis and auth.cabinet_decision:
        yield supports(
            "legal_basis.nz_authority",
            f"Domestic authority: {auth.statutory_basis}; Cabinet decision: "
            f"{auth.cabinet_decision.rstrip('.')}.",
            5,
        )


RULE = nz_domestic_authority
