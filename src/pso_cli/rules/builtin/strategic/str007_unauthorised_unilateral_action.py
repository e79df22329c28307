"""STR-007 unauthorised-unilateral-action.

A national or bilateral operation without UN or regional authorisation.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Arrangement
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, RuleContext, Severity, concern, missing, rule
from pso_cli.rules.builtin.strategic._shared import RBO, S, arrangement


@rule(
    code="STR-007",
    name="unauthorised-unilateral-action",
    consideration=S,
    title="A national or bilateral operation without UN or regional authorisation",
    rationale=(
        "An operation led by one or two states without Security Council or regional "
        "authorisation sets a precedent for unilateral action and erodes the rules-based "
        "order the policy sets out to support."
    ),
    reference=RBO,
    severity=Severity.MAJOR,
    reads=(
        "leadership.arrangement",
        "legal_basis.security_council",
        "legal_basis.regional_authorisation",
    ),
    example=(
        "leadership: {arrangement: bilateral}\n"
        "legal_basis: {security_council: [], regional_authorisation: null}"
    ),
)
def unauthorised_unilateral(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    arr = arrangement(p)
    if arr not in (Arrangement.NZ_LED, Arrangement.BILATERAL):
        return
    assert arr is not None
    lb = p.legal_basis
    if lb is None:
        yield missing(
            "legal_basis.security_council",
            f"The operation is '{arr.value}' and the proposal states no legal basis, so "
            "whether it is authorised is unknown.",
        )
        return
    if not lb.security_council and lb.regional_authorisation is None:
        yield concern(
            "leadership.arrangement",
            f"The operation is '{arr.value}' with neither a Security Council resolution nor "
            "a regional authorisation.",
            10,
            condition="Seek Security Council or regional authorisation before deployment.",
        )


RULE = unauthorised_unilateral
