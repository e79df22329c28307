"""LEG-002 host-consent-quality: host-state consent is full, uncontested and documented."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Chapter, ConsentStatus
from pso_cli.model.proposal import LegalBasis, Proposal
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
from pso_cli.rules.builtin.legality._shared import LEG, consent


@rule(
    code="LEG-002",
    name="host-consent-quality",
    consideration=LEG,
    title="Host-state consent is full, uncontested and documented",
    rationale=(
        "Consent is only as good as the authority that gives it and the instrument that "
        "records it. Partial, contested or withdrawn consent exposes the mission to the "
        "charge of intervening in matters of domestic jurisdiction."
    ),
    reference=Reference(
        source="Charter of the United Nations, Article 2(7)",
        passage="Nothing contained in the present Charter shall authorize the United Nations "
        "to intervene in matters which are essentially within the domestic jurisdiction of "
        "any state",
        url="https://www.un.org/en/about-us/un-charter/chapter-1",
    ),
    severity=Severity.MAJOR,
    reads=(
        "legal_basis.host_consent.status",
        "legal_basis.host_consent.given_by",
        "legal_basis.host_consent.instrument",
        "legal_basis.security_council",
    ),
    example="legal_basis:\n  host_consent: {status: contested, given_by: Interim council}\n",
)
def host_consent_quality(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    lb = p.legal_basis
    status = consent(lb)
    if lb is None or status is None:
        yield missing("legal_basis.host_consent.status", "Host-state consent is not stated.")
        return
    hc = lb.host_consent
    assert hc is not None
    if status in (ConsentStatus.GIVEN, ConsentStatus.PARTIAL):
        yield from _consent_provenance(lb)
    if status == ConsentStatus.GIVEN:
        if hc.given_by and hc.instrument:
            yield supports(
                "legal_basis.host_consent",
                f"Host consent is given by {hc.given_by} ({hc.instrument}).",
                5,
            )
        return
    by = f" (given by {hc.given_by})" if hc.given_by else ""
    yield _consent_concern(lb, status, by)


def _consent_provenance(lb: LegalBasis) -> Iterator[Finding]:
    hc = lb.host_consent
    assert hc is not None
    if hc.given_by is None:
        yield missing(
            "legal_basis.host_consent.given_by", "The proposal does not say who gave consent."
        )
    if hc.instrument is None:
        yield missing(
            "legal_basis.host_consent.instrument",
            "The proposal does not say by what instrument consent was given.",
        )


def _consent_concern(lb: LegalBasis, status: ConsentStatus, by: str) -> Finding:
    field = "legal_basis.host_consent.status"
    vii = _chapter_vii(lb)
    if status == ConsentStatus.PARTIAL:
        return concern(
            field,
            f"Host consent is 'partial'{by}: not every authority concerned has agreed.",
            10,
            condition="Obtain consent from every authority with control over the area of "
            "operations before deployment.",
        )
    if status == ConsentStatus.CONTESTED:
        return concern(
            field,
            f"Host consent is 'contested'{by}: a rival authority disputes it"
            + (", though a Chapter VII resolution applies." if vii else "."),
            10 if vii else 15,
        )
    severe = "withdrawn" if status == ConsentStatus.WITHDRAWN else "not given"
    return concern(
        field,
        f"Host consent is {severe}{by}"
        + (
            "; only the Chapter VII resolution sustains the mission."
            if vii
            else " and no Chapter VII resolution overrides the need for it."
        ),
        10 if vii else 25,
    )


def _chapter_vii(lb: LegalBasis | None) -> bool:
    return lb is not None and any(r.chapter == Chapter.VII for r in lb.security_council or [])


RULE = host_consent_quality
