"""STR-017 main-party-consent (doctrine): the main parties to the conflict consent.

UN peacekeeping doctrine, not law (it was LEG-011): a peacekeeping-type mission needs the
consent of the main parties to the conflict, non-state parties included. It reads
`legal_basis.main_parties`, never the host's consent, which is the legal analysis's
(LEG-001): a host government's invitation is not the consent of the armed group it is
fighting. `main_parties: none` states there is no conflict with parties to consent.
"""

from __future__ import annotations

from collections.abc import Iterator

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
from pso_cli.rules.builtin.strategic._shared import (
    CAPSTONE,
    CAPSTONE_URL,
    S,
    names,
    outside_doctrine,
)

FIELD = "legal_basis.main_parties"
LEVELS = (("a-main-party-refuses", 0), ("all-consent", 100))


@rule(
    code="STR-017",
    name="main-party-consent",
    consideration=S,
    title="The main parties to the conflict consent to the mission (doctrine)",
    rationale=(
        "Peacekeeping depends on the consent of the main parties to the conflict and on "
        "being seen as impartial; where a main party refuses consent the mission risks "
        "becoming a party to the conflict. The host's consent does not stand for theirs."
    ),
    reference=Reference(source=CAPSTONE, url=CAPSTONE_URL),
    severity=Severity.MAJOR,
    attribute=Attribute("Consent of the main parties (doctrine)", LEVELS, (FIELD,)),
    reads=(FIELD, "identity.operation_type"),
    example="identity: {operation_type: un-peacekeeping}\nlegal_basis:\n"
    "  main_parties: [{name: Armed Movement, non_state: true, consents: false}]\n",
)
def main_party_consent(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    if (instead := outside_doctrine(p)) is not None:
        yield from instead
        return
    parties = p.legal_basis.main_parties if p.legal_basis else None
    if parties is None:
        yield missing(
            FIELD, "The main parties to the conflict, and whether each consents, are not stated."
        )
        return
    if not parties:
        return  # no conflict: no parties whose consent the mission needs
    refuse = [i for i, m in enumerate(parties) if m.consents is False]
    unstated = [i for i, m in enumerate(parties) if m.consents is None]
    if refuse:
        refusing = list(dict.fromkeys(parties[i].name for i in refuse))
        who = names(refusing)
        said = f"{who} {'does' if len(refusing) == 1 else 'do'} not consent to the mission."
        act = f"Secure the consent of {who} before deployment."
        yield rate(f"{FIELD}[{refuse[0]}].consents", "a-main-party-refuses", said, act)
    elif unstated:
        for i in unstated:
            yield missing(
                f"{FIELD}[{i}].consents", f"Whether {parties[i].name} consents is not stated."
            )
    else:
        who = names(m.name for m in parties)
        yield rate(FIELD, "all-consent", f"The main parties consent to the mission: {who}.")


RULE = main_party_consent
