"""LEG-011 main-party-consent: a peacekeeping-type mission has the consent of the main parties."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import ConsentStatus
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, concern, rule, supports
from pso_cli.rules.builtin.common import article, op_type
from pso_cli.rules.builtin.legality._shared import (
    CAPSTONE,
    CAPSTONE_URL,
    LEG,
    PEACEKEEPING,
    consent,
)


@rule(
    code="LEG-011",
    name="main-party-consent",
    consideration=LEG,
    title="A peacekeeping-type mission has the consent of the main parties",
    rationale=(
        "Peacekeeping depends on the consent of the main parties to the conflict and on "
        "being seen as impartial; where a main party withholds or disputes consent the "
        "mission risks becoming a party to the conflict."
    ),
    reference=Reference(source=CAPSTONE, url=CAPSTONE_URL),
    severity=Severity.MAJOR,
    reads=("identity.operation_type", "legal_basis.host_consent.status"),
    example="identity: {operation_type: un-peacekeeping}\nlegal_basis:\n"
    "  host_consent: {status: partial}\n",
)
def main_party_consent(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    op = op_type(p)
    status = consent(p.legal_basis)
    if op not in PEACEKEEPING or status is None:
        return
    field = "legal_basis.host_consent.status"
    if status == ConsentStatus.GIVEN:
        yield supports(field, f"The '{op}' mission has the consent of the main parties.", 3)
    elif status in (ConsentStatus.PARTIAL, ConsentStatus.CONTESTED):
        yield concern(
            field,
            f"Consent is '{status}' for {article(op)} '{op}' mission: without the consent of "
            "all main parties its impartiality will be questioned.",
            10,
            condition="Secure the consent of all main parties to the conflict before deployment.",
        )
    else:
        yield concern(
            field,
            f"Consent is '{status}': {article(op)} '{op}' mission cannot operate as "
            "peacekeeping without the consent of the main parties.",
            15,
        )


RULE = main_party_consent
