"""AGY-009 police-for-policing-tasks: a policing task has a Police contribution."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, Reference, RuleContext, missing, rate, rule
from pso_cli.rules.builtin.agencies._shared import AGY, AgencyOptions, contributes, opts
from pso_cli.rules.builtin.common import MFAT, MFAT_URL

NEGATIONS = frozenset({"no", "not", "without", "non", "never", "nor", "neither"})
CLAUSE_END = re.compile(r"[.;:,()!?]")
FIELD = "contribution.police"


class PolicingOptions(AgencyOptions):
    """Words in the summary or objectives marking the task as policing (matched at the
    start of a word, so 'police' also finds 'policemen'), unless negated just before."""

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
    reads=(FIELD, "identity.operation_type", "identity.summary", "strategic.objectives"),
    options=PolicingOptions,
    example="identity: {operation_type: police-assistance}\ncontribution: {police: null}",
    # The police element's existence is the fact; its headcount and costs are AGY-001's and
    # AGY-008's, so the attribute owns the police element's roles, the rest of it.
    attribute=Attribute(
        "Police for policing tasks",
        (("policing-without-police", 0), ("police-included", 100)),
        ("contribution.police.roles",),
    ),
)
def police_for_policing(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    why = _policing_reason(p, opts(ctx, PolicingOptions).keywords)
    if why is None:
        return
    task = f"The task is policing ({why})"
    if p.contribution is None:
        yield missing("contribution", f"{task}; the contribution is not stated.")
    elif contributes(p, "police"):
        yield rate(FIELD, "police-included", f"{task} and NZ Police contribute.")
    else:
        cond = "Include an NZ Police contribution for the policing tasks."
        yield rate(
            FIELD, "policing-without-police", f"{task} but NZ Police do not contribute.", cond
        )


def _policing_reason(p: Proposal, keywords: Sequence[str]) -> str | None:
    """Why the task is policing, if it is: the operation type, or a policing word in the
    summary or an objective that is not negated ('no police role', 'without police')."""
    op = p.identity.operation_type
    if op == e.OperationType.POLICE_ASSISTANCE:
        return f"operation type '{op}'"
    for text in [p.identity.summary or ""] + (list(p.strategic.objectives) if p.strategic else []):
        for word in keywords:
            for m in re.finditer(rf"\b{re.escape(word)}", text, re.IGNORECASE):
                before = CLAUSE_END.split(text[: m.start()])[-1]
                if not NEGATIONS & set(re.findall(r"[a-z]+", before.lower())[-3:]):
                    return f"'{word}' in '{text.rstrip(' .')}'"
    return None


RULE = police_for_policing
