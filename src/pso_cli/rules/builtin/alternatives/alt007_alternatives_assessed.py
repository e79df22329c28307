"""ALT-007 alternatives-assessed: each alternative is assessed for feasibility and effect."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pso_cli.model.proposal import Alternative, Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    info,
    missing,
    rule,
    supports,
)
from pso_cli.rules.builtin.alternatives._shared import ALT, at, indexed
from pso_cli.rules.builtin.common import MFAT, MFAT_URL


@rule(
    code="ALT-007",
    name="alternatives-assessed",
    consideration=ALT,
    title="Each alternative is assessed for feasibility and effect",
    rationale=(
        "An alternative listed but not assessed tells the decision-maker nothing: each needs"
        " a feasibility, an expected effect on the objective and the basis for both."
    ),
    reference=Reference(
        MFAT,
        "MFAT's role is to work with the UN and other coalitions to assess peace support needs",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=(
        "alternatives[].feasibility",
        "alternatives[].expected_effect",
        "alternatives[].rationale",
    ),
    example="alternatives:\n  - {type: sanctions}",
)
def alternatives_assessed(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    alts = indexed(p)
    if not alts:
        return
    gaps = [f for i, a in alts for f in _assessment_gaps(i, a)]
    yield from gaps
    if all(a.feasibility and a.expected_effect for _, a in alts):
        yield supports(
            "alternatives",
            f"All {len(alts)} alternative(s) are assessed for feasibility and effect.",
            3,
        )


def _assessment_gaps(i: int, alt: Alternative) -> Iterator[Finding]:
    name = alt.type.value
    if alt.feasibility is None:
        yield missing(at(i, "feasibility"), f"The feasibility of '{name}' is not assessed.")
    if alt.expected_effect is None:
        yield missing(
            at(i, "expected_effect"), f"Whether '{name}' would meet the objective is not assessed."
        )
    if alt.rationale is None:
        yield info(at(i, "rationale"), f"No basis is given for the assessment of '{name}'.")


RULE = alternatives_assessed
