"""STR-013 exit-strategy: an exit strategy is agreed.

`exit_strategy: none` states that there is no plan to withdraw: the low level, with the
action that raises it. An exit strategy left out is unknown, never low: a planning gap
the proposal has not yet answered lowers completeness, not the score. What the strategy
says is not judged here; review dates (STR-014) are where it is tested in practice.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.fields import NONE
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, RuleContext, Severity, missing, rate, rule
from pso_cli.rules.builtin.strategic._shared import BRAHIMI, S

FIELD = "strategic.exit_strategy"
LEVELS = (("none", 0), ("defined", 100))
AGREE = "Agree an exit strategy, with benchmarks for withdrawal, before deployment."


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
    attribute=Attribute("Exit strategy", LEVELS, (FIELD,)),
    reads=(FIELD,),
    example="strategic: {exit_strategy: none}",
)
def exit_strategy(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    plan = p.strategic.exit_strategy if p.strategic else None
    if plan == NONE:
        yield rate(FIELD, "none", "The proposal has no exit strategy.", AGREE)
    elif plan is None:
        yield missing(FIELD, "The proposal does not say how and when New Zealand would withdraw.")
    else:
        yield rate(FIELD, "defined", "The proposal sets out an exit strategy.")


RULE = exit_strategy
