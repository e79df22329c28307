"""LEG-002 consent-record: the consent relied on is recorded, in writing."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import ConsentForm, ConsentStatus
from pso_cli.model.legal_analysis import Basis
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, concern, missing, rule
from pso_cli.rules.builtin.legality._shared import LEG

FIELD = "legal_basis.host_consent"


@rule(
    code="LEG-002",
    name="consent-record",
    consideration=LEG,
    title="The consent relied on is recorded: who gave it, by what instrument, in writing",
    rationale=(
        "Consent is a legal basis only if it is valid and can be shown: given by an "
        "authority entitled to give it, for this operation, and recorded. Oral consent is "
        "valid but leaves the deployment exposed if it is later denied. The analysis "
        "(LEG-001) decides whether consent holds; this rule asks for its record."
    ),
    reference=Reference(
        "International Law Commission, Articles on Responsibility of States for "
        "Internationally Wrongful Acts (2001), Article 20",
        "Valid consent by a State to the commission of a given act by another State "
        "precludes the wrongfulness of that act in relation to the former State to the "
        "extent that the act remains within the limits of that consent.",
        "https://legal.un.org/ilc/texts/instruments/english/draft_articles/9_6_2001.pdf",
    ),
    severity=Severity.MINOR,
    reads=("legal_basis.host_consent",),
    example="legal_basis:\n  host_consent: {status: given, form: oral}\n",
)
def consent_record(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    hc = p.legal_basis.host_consent if p.legal_basis else None
    relied = ctx.law is not None and ctx.law.basis is Basis.CONSENT
    if hc is None or hc.status not in (ConsentStatus.GIVEN, ConsentStatus.PARTIAL):
        return
    if hc.given_by is None:
        yield missing(f"{FIELD}.given_by", "The proposal does not say who gave consent.")
    if hc.instrument is None:
        yield missing(f"{FIELD}.instrument", "The proposal does not say how consent was given.")
    if hc.form is ConsentForm.ORAL and relied:
        yield concern(
            f"{FIELD}.form",
            "Consent, the basis relied on, was given orally.",
            condition="Obtain written confirmation of the host's consent before deployment.",
        )


RULE = consent_record
