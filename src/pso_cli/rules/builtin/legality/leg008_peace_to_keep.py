"""LEG-008 peace-to-keep: a peacekeeping-type mission has a peace to keep."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import PeaceStatus as PS
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
from pso_cli.rules.builtin.common import article, op_type
from pso_cli.rules.builtin.legality._shared import LEG, PEACEKEEPING

BRAHIMI = (
    "Report of the Panel on United Nations Peace Operations (Brahimi report, 2000): "
    "clear, credible and achievable mandates"
)
BRAHIMI_URL = "https://undocs.org/A/55/305"


@rule(
    code="LEG-008",
    name="peace-to-keep",
    consideration=LEG,
    title="A peacekeeping-type mission has a peace to keep",
    rationale=(
        "Peacekeeping supports a peace process the parties have accepted; where there is "
        "no agreement or ceasefire, or the parties have abandoned it, the mandate cannot "
        "be achieved by consent-based means."
    ),
    reference=Reference(source=BRAHIMI, url=BRAHIMI_URL),
    severity=Severity.MAJOR,
    reads=(
        "identity.operation_type",
        "legal_basis.peace_agreement.status",
        "legal_basis.peace_agreement.parties_committed",
    ),
    example="identity: {operation_type: un-peacekeeping}\nlegal_basis:\n"
    "  peace_agreement: {status: none}\n",
)
def peace_to_keep(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    op = op_type(p)
    if op not in PEACEKEEPING:
        return
    pa = p.legal_basis.peace_agreement if p.legal_basis else None
    status = pa.status if pa else None
    field = "legal_basis.peace_agreement.status"
    if pa is None or status is None:
        yield missing(
            field,
            f"{article(op).capitalize()} '{op}' mission needs a peace to keep; none is stated.",
        )
    elif status in (PS.NEGOTIATING, PS.NONE):
        yield concern(
            field,
            f"Peace agreement status is '{status}': there is no settled peace to keep.",
            20 if status == PS.NONE else 10,
        )
    elif pa.parties_committed is False:
        yield concern(
            "legal_basis.peace_agreement.parties_committed",
            f"There is a {status}, but the main parties are no longer committed to it.",
            15,
        )
    else:
        name = f" ({pa.name})" if pa.name else ""
        yield supports(field, f"There is a peace to keep: '{status}'{name}.", 5)
        if pa.parties_committed is None:
            yield missing(
                "legal_basis.peace_agreement.parties_committed",
                "Whether the parties remain committed to the agreement is not stated.",
            )


RULE = peace_to_keep
