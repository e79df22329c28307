"""ALT-007 alternatives-assessed: each alternative is assessed for feasibility and effect.

Information only: it never scores and sets no condition. An unstated feasibility or
effect that could change ALT-002's level is ALT-002's missing fact; here each listed
alternative whose assessment is incomplete is named once, with what it lacks.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.proposal import Alternative, Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, info, rule
from pso_cli.rules.builtin.alternatives._shared import ALT, at, indexed, label
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
    severity=Severity.INFO,
    reads=(
        "alternatives[].feasibility",
        "alternatives[].expected_effect",
        "alternatives[].rationale",
    ),
    example="alternatives:\n  - {type: sanctions}",
)
def alternatives_assessed(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    alts = indexed(p)
    for i, a in alts:
        gaps = _gaps(a)
        if gaps and a not in (b for _, b in alts[:i]):  # a repeated entry is named once
            lacks = ", ".join(gaps[:-1]) + (" or " if len(gaps) > 1 else "") + gaps[-1]
            yield info(at(i), f"{label(a, True)} is listed without {lacks}.")


def _gaps(a: Alternative) -> list[str]:
    gaps = []
    if a.feasibility is None:
        gaps.append("a feasibility")
    if a.expected_effect is None:
        gaps.append("an expected effect on the objective")
    if a.rationale is None:
        gaps.append("a basis for its assessment")
    return gaps


RULE = alternatives_assessed
