"""LEG-010 regional-authorisation-consent.

A regional authorisation rests on host consent or Security Council authority.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import ConsentStatus
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    concern,
    info,
    missing,
    rule,
    supports,
)
from pso_cli.rules.builtin.legality._shared import LEG, chapter_vii_force, consent

CH8_URL = "https://www.un.org/en/about-us/un-charter/chapter-8"


@rule(
    code="LEG-010",
    name="regional-authorisation-consent",
    consideration=LEG,
    title="A regional authorisation rests on host consent or Security Council authority",
    rationale=(
        "Regional arrangements may act for peace and security, but enforcement action by "
        "them needs Security Council authorisation. A regional mission without the host "
        "state's consent and without such authorisation lacks a sound basis."
    ),
    reference=Reference(
        source="Charter of the United Nations, Chapter VIII, Articles 52-53",
        passage="no enforcement action shall be taken under regional arrangements or by "
        "regional agencies without the authorization of the Security Council",
        url=CH8_URL,
    ),
    severity=Severity.MAJOR,
    reads=(
        "legal_basis.regional_authorisation",
        "legal_basis.host_consent.status",
        "legal_basis.security_council",
    ),
    example="legal_basis:\n  regional_authorisation: {organisation: Regional Forum}\n"
    "  host_consent: {status: contested}\n",
)
def regional_authorisation_consent(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    lb = p.legal_basis
    regional = lb.regional_authorisation if lb else None
    if lb is None or regional is None:
        return
    field = "legal_basis.regional_authorisation"
    if regional.decision is None:
        yield missing(f"{field}.decision", f"The {regional.organisation} decision is not cited.")
    status = consent(lb)
    if status == ConsentStatus.GIVEN:
        yield supports(field, f"The {regional.organisation} authorisation has host consent.", 5)
    elif status is None:
        yield missing(
            "legal_basis.host_consent.status", "Host consent to the regional mission is not stated."
        )
    elif chapter_vii_force(lb):
        yield info(
            field,
            f"Host consent is '{status}', but a Chapter VII resolution "
            f"authorises the {regional.organisation} mission.",
        )
    else:
        yield concern(
            field,
            f"The {regional.organisation} authorisation lacks full host consent ('{status}') "
            "and no Security Council resolution authorises enforcement.",
            10 if status == ConsentStatus.PARTIAL else 20,
            condition="Obtain the host state's full consent or Security Council authorisation "
            "before deployment.",
        )


RULE = regional_authorisation_consent
