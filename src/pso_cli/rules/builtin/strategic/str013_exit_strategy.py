"""STR-013 exit-strategy: an exit strategy is agreed."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, RuleContext, Severity, concern, missing, rule, supports
from pso_cli.rules.builtin.strategic._shared import BRAHIMI, S, strategic


@rule(
    code="STR-013",
    name="exit-strategy",
    consideration=S,
    title="An exit strategy is agreed",
    rationale=(
        "Without an agreed exit strategy a commitment is open-ended: New Zealand cannot tell "
        "when it has succeeded or when to withdraw."
    ),
    reference=BRAHIMI,
    severity=Severity.MAJOR,
    reads=("strategic.exit_strategy",),
    example="strategic: {exit_strategy: null}",
)
def exit_strategy(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = strategic(p)
    field = "strategic.exit_strategy"
    if s is None:
        yield missing(field, "The proposal has no strategic section.")
    elif s.exit_strategy is None:
        yield concern(
            field,
            "The proposal has no exit strategy.",
            10,
            condition="Agree an exit strategy with benchmarks before deployment.",
        )
    else:
        yield supports(field, "The proposal sets out an exit strategy.", 3)


RULE = exit_strategy
