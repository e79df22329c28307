"""STR-012 objectives-and-end-state: clear objectives and a defined end state.

`end_state: none` states that no end state is defined: the low level, with the action
that raises it. An end state left out is unknown, never low. The objectives are this
attribute's too: a mission is defined when it has both, and objectives left out (the
format cannot state that there are none) leave the level unknown.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.fields import NONE
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, RuleContext, Severity, missing, rate, rule
from pso_cli.rules.builtin.strategic._shared import BRAHIMI, S

END, OBJECTIVES = "strategic.end_state", "strategic.objectives"
LEVELS = (("no-end-state", 0), ("defined", 100))
ACT = "Define the end state that ends the mission, and its benchmarks, before deployment."


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
    attribute=Attribute("Objectives and end state", LEVELS, (END, OBJECTIVES)),
    reads=(END, OBJECTIVES),
    example="strategic: {end_state: none}",
)
def objectives_and_end_state(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = p.strategic
    end = s.end_state if s else None
    if end == NONE:
        yield rate(END, "no-end-state", "The proposal defines no end state for the mission.", ACT)
    elif end is None:
        yield missing(END, "The proposal does not say what end state would end the mission.")
    elif s is None or not s.objectives:
        yield missing(OBJECTIVES, "The proposal states an end state but no objectives.")
    else:
        n = len(s.objectives)
        said = f"The proposal states {n} objective{'s' if n > 1 else ''} and an end state."
        yield rate(END, "defined", said)


RULE = objectives_and_end_state
