"""STR-016 peace-to-keep (doctrine): a peacekeeping-type mission has a peace to keep.

UN peacekeeping doctrine, not law (it was LEG-008): peacekeeping preserves a peace the
parties have agreed, so a ceasefire or peace agreement the main parties stay committed
to is in place; one they have abandoned, one still being negotiated, or none at all are
the lower levels. Only for un-peacekeeping, truce-monitoring and observer missions.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import PeaceStatus as PS
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Attribute,
    Finding,
    Reference,
    RuleContext,
    Severity,
    missing,
    rate,
    rule,
)
from pso_cli.rules.builtin.common import article
from pso_cli.rules.builtin.strategic._shared import CAPSTONE, CAPSTONE_URL, S, outside_doctrine

FIELD = "legal_basis.peace_agreement"
STATUS, COMMITTED = f"{FIELD}.status", f"{FIELD}.parties_committed"
LEVELS = (("none", 0), ("negotiating", 30), ("not-committed", 40), ("in-place", 100))
DEFER = "Defer deployment until the main parties have agreed a ceasefire or peace agreement."


@rule(
    code="STR-016",
    name="peace-to-keep",
    consideration=S,
    title="A peacekeeping-type mission has a peace to keep (doctrine)",
    rationale=(
        "Peacekeeping supports a peace process the parties have accepted; where there is no "
        "agreement or ceasefire, or the parties have abandoned it, the mandate cannot be "
        "achieved by consent-based means and the mission risks becoming a party to the conflict."
    ),
    reference=Reference(source=CAPSTONE, url=CAPSTONE_URL),
    severity=Severity.MAJOR,
    attribute=Attribute("A peace to keep (doctrine)", LEVELS, (FIELD,)),
    reads=(FIELD, "identity.operation_type"),
    example="identity: {operation_type: un-peacekeeping}\nlegal_basis:\n"
    "  peace_agreement: {status: none}\n",
)
def peace_to_keep(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    if (instead := outside_doctrine(p)) is not None:
        yield from instead
        return
    pa = p.legal_basis.peace_agreement if p.legal_basis else None
    status = pa.status if pa else None
    if pa is None or status is None:
        yield missing(STATUS, "Whether there is a ceasefire or peace agreement is not stated.")
    elif status is PS.NONE:
        yield rate(STATUS, "none", "There is no ceasefire or peace agreement to keep.", DEFER)
    elif status is PS.NEGOTIATING:
        said = "A ceasefire or peace agreement is still being negotiated: no peace is settled."
        yield rate(STATUS, "negotiating", said, DEFER)
    elif pa.parties_committed is None:
        said = f"Whether the main parties remain committed to the {status} is not stated."
        yield missing(COMMITTED, said)
    elif not pa.parties_committed:
        said = f"There is {article(status)} {status}, but the main parties no longer keep to it."
        act = f"Secure the main parties' recommitment to the {status} before deployment."
        yield rate(COMMITTED, "not-committed", said, act)
    else:
        name = f" ({pa.name})" if pa.name else ""
        said = f"There is a peace to keep: {article(status)} {status}{name} to which the main"
        said += " parties remain committed."
        yield rate(STATUS, "in-place", said)


RULE = peace_to_keep
