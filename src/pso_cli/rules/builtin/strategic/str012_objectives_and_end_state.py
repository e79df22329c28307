"""STR-012 objectives-and-end-state: clear objectives and a defined end state."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, RuleContext, Severity, concern, missing, rule, supports
from pso_cli.rules.builtin.strategic._shared import BRAHIMI, S, strategic


@rule(
    code="STR-012",
    name="objectives-and-end-state",
    consideration=S,
    title="Clear objectives and a defined end state",
    rationale=(
        "A mission without clear objectives and an end state cannot be judged achievable, and "
        "tends to drift. Clear, credible and achievable mandates are a precondition of success."
    ),
    reference=BRAHIMI,
    severity=Severity.MAJOR,
    reads=("strategic.objectives", "strategic.end_state"),
    example="strategic: {objectives: [], end_state: null}",
)
def objectives_and_end_state(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = strategic(p)
    if s is None:
        yield missing("strategic.objectives", "The proposal has no strategic section.")
        return
    if not s.objectives:
        yield concern(
            "strategic.objectives",
            "The proposal states no objectives for New Zealand's contribution.",
            10,
            condition="Define clear, achievable objectives before deployment.",
        )
    if s.end_state is None:
        yield concern(
            "strategic.end_state",
            "The proposal defines no end state that would end the mission.",
            5,
            condition="Define the end state that ends the mission before deployment.",
        )
    if s.objectives and s.end_state is not None:
        yield supports(
            "strategic.objectives",
            f"The proposal states {len(s.objectives)} objective(s) and an end state.",
            3,
        )


RULE = objectives_and_end_state
