"""AGY-010 agency-roles-defined: each contributing agency has defined roles."""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, info, missing, rule
from pso_cli.rules.builtin.agencies._shared import AGY, all_agencies
from pso_cli.rules.builtin.common import MFAT, MFAT_URL


@rule(
    code="AGY-010",
    name="agency-roles-defined",
    consideration=AGY,
    title="Each contributing agency has defined roles",
    rationale=(
        "The agencies decide together how NZ can best contribute; each needs defined tasks "
        "so that people, training and equipment can be matched to them."
    ),
    reference=Reference(
        MFAT,
        "We also work alongside the New Zealand Defence Force, police and other agencies to "
        "decide how we can best contribute.",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=(
        "contribution.nzdf.roles",
        "contribution.police.roles",
        "contribution.mfat.roles",
        "contribution.other",
    ),
    example="contribution: {nzdf: {roles: []}}",
)
def agency_roles(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    """Planning advice, not a score: each deploying agency's roles, or that they are not
    stated (the format has no way to say an agency has none)."""
    agencies = [(lb, path, a) for lb, path, a in all_agencies(p) if a.personnel != 0]
    if not agencies:
        return
    gaps = [(lb, path) for lb, path, a in agencies if not a.roles]
    for label, path in gaps:
        yield missing(f"{path}.roles", f"The roles of the {label} contribution are not stated.")
    if not gaps:
        names = ", ".join(lb for lb, _, _ in agencies)
        yield info("contribution", f"Roles are defined for every agency ({names}).")


RULE = agency_roles
