"""LEG-012 basis-precedes-deployment.

Consent and regional authorisation are in place before deployment starts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, concern, rule, supports
from pso_cli.rules.builtin.legality._shared import LEG


@rule(
    code="LEG-012",
    name="basis-precedes-deployment",
    consideration=LEG,
    title="Consent and regional authorisation are in place before deployment starts",
    rationale=(
        "A legal basis must exist when forces enter; consent or an authorisation dated "
        "after the proposed start leaves the first days of the deployment without one."
    ),
    reference=Reference(
        source="Charter of the United Nations, Article 2(4)",
        passage="All Members shall refrain in their international relations from the threat "
        "or use of force against the territorial integrity or political independence of any "
        "state",
        url="https://www.un.org/en/about-us/un-charter/chapter-1",
    ),
    severity=Severity.MINOR,
    reads=(
        "location.start_date",
        "legal_basis.host_consent.date",
        "legal_basis.regional_authorisation.date",
    ),
    example="location: {start_date: 2030-07-01}\nlegal_basis:\n"
    "  host_consent: {date: 2030-08-01}\n",
)
def basis_precedes_deployment(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    start = p.location.start_date if p.location else None
    lb = p.legal_basis
    if start is None or lb is None:
        return
    dated = [
        ("legal_basis.host_consent.date", "Host consent", lb.host_consent and lb.host_consent.date),
        (
            "legal_basis.regional_authorisation.date",
            "The regional authorisation",
            lb.regional_authorisation and lb.regional_authorisation.date,
        ),
    ]
    checked = False
    for field, what, when in dated:
        if not isinstance(when, dt.date):
            continue
        checked = True
        if when > start:
            yield concern(
                field,
                f"{what} is dated {when}, after the proposed start on {start}.",
                5,
                condition="Confirm the instrument is in force before the deployment starts.",
            )
            return
    if checked:
        yield supports("location.start_date", "The legal basis is dated before deployment.", 3)


RULE = basis_precedes_deployment
