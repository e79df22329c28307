"""ALT-005 regional-mechanism: a regional mechanism is leading or was considered."""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, info, rule, supports
from pso_cli.rules.builtin.alternatives._shared import ALT, at, indexed
from pso_cli.rules.builtin.common import MFAT, MFAT_URL


@rule(
    code="ALT-005",
    name="regional-mechanism",
    consideration=ALT,
    title="A regional mechanism is leading or was considered",
    rationale=(
        "The policy holds that regional solutions are often the most effective, so a"
        " regional body leading the response, or a regional diplomatic or funding option,"
        " counts in favour."
    ),
    reference=Reference(
        MFAT, "Regional solutions to conflict situations are often the most effective", MFAT_URL
    ),
    severity=Severity.MINOR,
    reads=(
        "leadership.arrangement",
        "alternatives[].type",
        "alternatives[].description",
        "legal_basis.regional_authorisation.organisation",
        "strategic.regional_backing.bodies",
    ),
    example="leadership: {arrangement: regional-organisation, lead: Pacific Islands Forum}",
)
def regional_mechanism(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    lead = p.leadership
    if lead is not None and lead.arrangement == e.Arrangement.REGIONAL_ORGANISATION:
        yield supports(
            "leadership.arrangement",
            f"A regional organisation leads the response ({lead.lead or 'lead not named'}).",
            5,
        )
        return
    i = _regional_alternative(p)
    if i is not None:
        yield supports(
            at(i, "type"), "A regional diplomatic or funding mechanism was considered.", 4
        )
        return
    yield info("leadership.arrangement", "No regional mechanism leads or was considered.")


def _regional_names(p: Proposal) -> list[str]:
    names = ["regional"]
    ra = p.legal_basis.regional_authorisation if p.legal_basis else None
    if ra is not None:
        names.append(ra.organisation.lower())
    rb = p.strategic.regional_backing if p.strategic else None
    if rb is not None:
        names.extend(b.lower() for b in rb.bodies)
    return names


def _regional_alternative(p: Proposal) -> int | None:
    kinds = {e.AlternativeType.FUNDING_MECHANISMS, e.AlternativeType.DIPLOMACY}
    names = _regional_names(p)
    for i, a in indexed(p):
        text = f"{a.description or ''} {a.rationale or ''}".lower()
        if a.type in kinds and any(n in text for n in names):
            return i
    return None


RULE = regional_mechanism
