"""LEG-005 status-of-forces: NZ personnel have status-of-forces protections."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import SofaStatus as SS
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, Reference, RuleContext, missing, rate, rule
from pso_cli.rules.builtin.common import clause
from pso_cli.rules.builtin.legality._shared import LEG

FIELD = "legal_basis.status_of_forces.status"
CONDITION = "Conclude a status-of-forces agreement (or exchange of notes) before deployment."
SAYS = {
    SS.NONE: "No status-of-forces agreement or equivalent protects NZ personnel.",
    SS.NEGOTIATING: "A status-of-forces agreement is still being negotiated.",
    SS.EXCHANGE_OF_NOTES: "Status-of-forces protections are in place by exchange of notes",
    SS.SIGNED: "A status-of-forces agreement is signed",
}


@rule(
    code="LEG-005",
    name="status-of-forces",
    consideration=LEG,
    title="New Zealand personnel have status-of-forces protections",
    rationale=(
        "A status-of-forces agreement or exchange of notes gives deployed personnel "
        "immunity from the host's criminal jurisdiction and settles entry, the carriage of "
        "arms and claims. Deploying without one exposes personnel to host-state "
        "prosecution; the UN's model agreement sets the standard."
    ),
    reference=Reference(
        "Model status-of-forces agreement for peace-keeping operations, UN doc A/45/594 "
        "(9 October 1990)",
        url="https://undocs.org/A/45/594",
    ),
    reads=("legal_basis.status_of_forces",),
    attribute=Attribute(
        "Status-of-forces protection",
        (("none", 0), ("negotiating", 40), ("exchange-of-notes", 90), ("signed", 100)),
        ("legal_basis.status_of_forces",),
    ),
    example="legal_basis:\n  status_of_forces: {status: negotiating}\n",
)
def status_of_forces(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    sofa = p.legal_basis.status_of_forces if p.legal_basis else None
    if sofa is None or sofa.status is None:
        yield missing(FIELD, "Status-of-forces protections for NZ personnel are not stated.")
        return
    said = SAYS[sofa.status]
    if sofa.status in (SS.SIGNED, SS.EXCHANGE_OF_NOTES):
        said += f" ({clause(sofa.instrument)})." if sofa.instrument else "."
    yield rate(FIELD, sofa.status.value, said, CONDITION)


RULE = status_of_forces
