"""LEG-009 resolution-detail: each Security Council resolution relied on is identified fully."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Chapter
from pso_cli.model.proposal import LegalBasis, Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    concern,
    missing,
    rule,
    supports,
)
from pso_cli.rules.builtin.common import CHARTER_URL
from pso_cli.rules.builtin.legality._shared import LEG


@rule(
    code="LEG-009",
    name="resolution-detail",
    consideration=LEG,
    title="Each Security Council resolution relied on is identified fully",
    rationale=(
        "The chapter a resolution acts under decides what it lawfully permits: Chapter VI "
        "rests on consent, Chapter VII may authorise force, Chapter VIII works through "
        "regional arrangements. A resolution cited without its chapter and year cannot be "
        "checked."
    ),
    reference=Reference(
        source="Charter of the United Nations, Article 24 and Chapters VI, VII and VIII",
        url=CHARTER_URL,
    ),
    severity=Severity.MINOR,
    reads=("legal_basis.security_council", "legal_basis.regional_authorisation"),
    example="legal_basis:\n  security_council: [{number: 1234, chapter: viii}]\n"
    "  regional_authorisation: null\n",
)
def resolution_detail(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    lb = p.legal_basis
    if lb is None:
        return
    for i, r in enumerate(lb.security_council or []):
        found = list(_resolution_findings(lb, i))
        yield from found
        if found:
            continue
        force = ", authorising force" if r.authorises_force else ""
        yield supports(
            f"legal_basis.security_council[{i}]",
            f"Resolution {r.number} ({r.year}) acts under Chapter {str(r.chapter).upper()}{force}.",
            3,
        )


def _resolution_findings(lb: LegalBasis, i: int) -> Iterator[Finding]:
    r = (lb.security_council or [])[i]
    at = f"legal_basis.security_council[{i}]"
    if r.chapter is None:
        yield missing(f"{at}.chapter", f"Resolution {r.number}: the Charter chapter is not stated.")
    if r.year is None:
        yield missing(f"{at}.year", f"Resolution {r.number}: the year is not stated.")
    if r.chapter == Chapter.VIII and lb.regional_authorisation is None:
        yield concern(
            f"{at}.chapter",
            f"Resolution {r.number} acts under Chapter VIII but no regional arrangement's "
            "authorisation is stated.",
            5,
            condition="Identify the regional arrangement and its decision under the resolution.",
        )


RULE = resolution_detail
