"""LEG-006 nz-domestic-authority: NZ law authorises the deployment as proposed."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, Reference, RuleContext, info, missing, rate, rule
from pso_cli.rules.builtin.legality._shared import LEG
from pso_cli.rules.builtin.legality._statute import deploying, misfits

FIELD = "legal_basis.nz_authority.statutory_purposes"


@rule(
    code="LEG-006",
    name="nz-domestic-authority",
    consideration=LEG,
    title="New Zealand law authorises each agency to deploy as proposed",
    rationale=(
        "International legality does not authorise New Zealand agencies to act: the "
        "Defence Force deploys for a purpose of the Defence Act 1990 s5 (for a UN "
        "operation, or with others in accordance with the Charter, s5(d)), and Police "
        "under the Policing Act 2008 s9(g). The Cabinet decision is what a proposal "
        "seeks, so it is reported, never counted as missing."
    ),
    reference=Reference(
        "Defence Act 1990 (NZ), section 5(d)",
        "the contribution of forces to, or for any of the purposes of, the United Nations, "
        "or in association with other organisations or States and in accordance with the "
        "principles of the Charter of the United Nations",
        "https://www.legislation.govt.nz/act/public/1990/0028/latest/DLM205882.html",
    ),
    reads=(
        "legal_basis.nz_authority",
        "contribution.nzdf.personnel",
        "contribution.police.personnel",
    ),
    attribute=Attribute(
        "Statutory authority to deploy",
        (("purpose-does-not-fit", 0), ("fits", 100)),
        ("legal_basis.nz_authority.statutory_basis", FIELD),
    ),
    example="legal_basis:\n  nz_authority: {statutory_purposes: [collective-security]}\n",
)
def nz_domestic_authority(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    auth = p.legal_basis.nz_authority if p.legal_basis else None
    cabinet = auth.cabinet_decision if auth else None
    yield info(
        "legal_basis.nz_authority.cabinet_decision" if cabinet else "legal_basis",
        f"Cabinet decision: {cabinet.rstrip('.')}." if cabinet
        else "Cabinet's decision is what this proposal seeks.",
    )  # fmt: skip
    if not deploying(p):
        return
    if auth is None or not auth.statutory_purposes:
        yield missing(FIELD, "The statutory purposes the deployment relies on are not stated.")
        return
    wrong = misfits(p, set(auth.statutory_purposes), ctx.as_of)
    said = ", ".join(str(x) for x in auth.statutory_purposes)
    if wrong:
        yield rate(
            FIELD, "purpose-does-not-fit", f"The statutory purposes ({said}) do not fit: "
            f"{'; '.join(wrong)}.", "Confirm the statutory basis with legal advisers.",
        )  # fmt: skip
    else:
        yield rate(FIELD, "fits", f"Each deploying agency has a statutory purpose ({said}).")


RULE = nz_domestic_authority
