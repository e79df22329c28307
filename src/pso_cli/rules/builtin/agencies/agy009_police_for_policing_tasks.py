"""AGY-009 police-for-policing-tasks: a policing task has a Police contribution."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, concern, rule, supports
from pso_cli.rules.builtin.agencies._shared import AGY, AgencyOptions, agency, opts
from pso_cli.rules.builtin.common import MFAT, MFAT_URL


class PolicingOptions(AgencyOptions):
    """Words in the summary or objectives marking the task as policing."""

    keywords: tuple[str, ...] = ("police", "policing", "law and order", "public order")


@rule(
    code="AGY-009",
    name="police-for-policing-tasks",
    consideration=AGY,
    title="A policing task has a Police contribution",
    rationale=(
        "Restoring law and order and building local police capacity is police work; NZ's "
        "distinctive contribution in such missions has come from NZ Police."
    ),
    reference=Reference(
        MFAT,
        "New Zealand takes a proactive and innovative approach to policing and we've made "
        "substantial contributions to strengthen the capability of local police forces",
        MFAT_URL,
    ),
    severity=Severity.MAJOR,
    reads=(
        "identity.operation_type",
        "identity.summary",
        "strategic.objectives",
        "contribution.police",
    ),
    options=PolicingOptions,
    example="identity: {operation_type: police-assistance}\ncontribution: {police: null}",
)
def police_for_policing(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    o = opts(ctx, PolicingOptions)
    why = _policing_reason(p, o.keywords)
    if why is None:
        return
    police = agency(p, "police")
    if police is not None and police.personnel != 0:
        msg = f"The task is policing ({why}) and NZ Police contribute."
        yield supports("contribution.police", msg, 4)
        return
    yield concern(
        "contribution.police" if police is not None else "contribution",
        f"The task is policing ({why}) but there is no NZ Police contribution.",
        -10,
        "Include an NZ Police contribution, or explain why police are not needed.",
    )


def _policing_reason(p: Proposal, keywords: Sequence[str]) -> str | None:
    """Why the task is policing, if it is. A regional assistance mission is not policing
    by its type alone (it may monitor a truce or deliver relief); its summary or
    objectives must say so."""
    op = p.identity.operation_type
    if op == e.OperationType.POLICE_ASSISTANCE:
        return f"operation type '{op}'"
    texts = [p.identity.summary or ""] + (list(p.strategic.objectives) if p.strategic else [])
    for text in texts:
        low = text.lower()
        for word in keywords:
            if word in low:
                return f"'{word}' in '{text}'"
    return None


RULE = police_for_policing
