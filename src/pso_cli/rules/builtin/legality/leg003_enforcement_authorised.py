"""LEG-003 enforcement-authorised.

An enforcement posture rests on a Chapter VII authorisation of force.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Chapter, ForcePosture, OperationType
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
from pso_cli.rules.builtin.common import op_type
from pso_cli.rules.builtin.legality._shared import LEG, chapter_vii_force

CH7_URL = "https://www.un.org/en/about-us/un-charter/chapter-7"


@rule(
    code="LEG-003",
    name="enforcement-authorised",
    consideration=LEG,
    title="An enforcement posture rests on a Chapter VII authorisation of force",
    rationale=(
        "Only the Security Council, acting under Chapter VII, may authorise force beyond "
        "self-defence against the will of a state. An enforcement mission without such a "
        "resolution would breach the Charter's prohibition on the use of force."
    ),
    reference=Reference(
        source="Charter of the United Nations, Chapter VII, Articles 39-42",
        passage="it may take such action by air, sea, or land forces as may be necessary to "
        "maintain or restore international peace and security",
        url=CH7_URL,
    ),
    severity=Severity.CRITICAL,
    reads=(
        "legal_basis.use_of_force",
        "identity.operation_type",
        "legal_basis.security_council",
    ),
    example="identity: {operation_type: enforcement}\nlegal_basis:\n  security_council: []\n",
)
def enforcement_authorised(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    lb = p.legal_basis
    posture = lb.use_of_force if lb else None
    if posture == ForcePosture.ENFORCEMENT:
        field, what = "legal_basis.use_of_force", "an enforcement use-of-force posture"
    elif op_type(p) == OperationType.ENFORCEMENT:
        field, what = "identity.operation_type", "an enforcement operation"
    else:
        return
    if chapter_vii_force(lb):
        yield supports(field, f"The proposal has {what}, authorised under Chapter VII.", 5)
        return
    for i, r in enumerate((lb.security_council or []) if lb else []):
        if r.chapter == Chapter.VII and r.authorises_force is None:
            yield missing(
                f"legal_basis.security_council[{i}].authorises_force",
                f"Resolution {r.number} is under Chapter VII but the proposal does not say "
                "whether it authorises force.",
            )
            return
    yield concern(
        field,
        f"The proposal has {what} but no Chapter VII resolution authorising force.",
        25,
        condition="Obtain a Chapter VII resolution authorising all necessary measures, or "
        "limit New Zealand's posture to self-defence.",
    )


RULE = enforcement_authorised
