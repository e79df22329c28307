"""LEG-012 basis-precedes-deployment: consent and regional decision predate deployment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pso_cli.model.fields import NONE
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, Reference, RuleContext, rate, rule
from pso_cli.rules.builtin.legality._shared import CHARTER_CH1, LEG

CONSENT, REGIONAL = "legal_basis.host_consent.date", "legal_basis.regional_arrangement.date"


def _dated(p: Proposal) -> list[tuple[str, str, dt.date]]:
    lb = p.legal_basis
    if lb is None:
        return []
    ra = lb.regional_arrangement
    regional = None if ra is None or ra == NONE or isinstance(ra, str) else ra.date
    found = [
        (CONSENT, "Host consent", lb.host_consent.date if lb.host_consent else None),
        (REGIONAL, "The regional decision", regional),
    ]
    return [(f, what, d) for f, what, d in found if d is not None]


@rule(
    code="LEG-012",
    name="basis-precedes-deployment",
    consideration=LEG,
    title="Consent and the regional decision are in place before deployment starts",
    rationale=(
        "A legal basis must exist when forces enter; consent or a regional decision dated "
        "after the proposed start leaves the first days of the deployment without one."
    ),
    reference=Reference(
        source="Charter of the United Nations, Article 2(4)",
        passage="All Members shall refrain in their international relations from the threat "
        "or use of force against the territorial integrity or political independence of any "
        "state",
        url=CHARTER_CH1,
    ),
    reads=("location.start_date", CONSENT, REGIONAL),
    attribute=Attribute(
        "Basis in place before deployment",
        (("after-start", 0), ("in-place", 100)),
        (CONSENT, REGIONAL),
    ),
    example=(
        "location: {start_date: 2030-07-01}\nlegal_basis:\n  host_consent: {date: 2030-08-01}\n"
    ),
)
def basis_precedes_deployment(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    start = p.location.start_date if p.location else None
    dated = _dated(p)
    if start is None or not dated:
        return  # nothing to compare: the timing does not arise (nor is it scored)
    late = [(f, what, d) for f, what, d in dated if d > start]
    if late:
        f, what, d = late[0]
        condition = "Confirm the instrument is in force before the deployment starts."
        yield rate(
            f,
            "after-start",
            f"{what} is dated {d}, after the proposed start on {start}.",
            condition,
        )
    else:
        f = dated[0][0]
        yield rate(f, "in-place", f"The legal basis is dated before deployment starts on {start}.")


RULE = basis_precedes_deployment
