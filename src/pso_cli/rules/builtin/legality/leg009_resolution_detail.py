"""LEG-009 resolution-detail: how each Security Council resolution relied on was read."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, info, missing, rule
from pso_cli.rules.builtin.common import CHARTER_URL
from pso_cli.rules.builtin.legality._shared import LEG


@rule(
    code="LEG-009",
    name="resolution-detail",
    consideration=LEG,
    title="How each Security Council resolution relied on was read",
    rationale=(
        "The chapter a resolution acts under, whether it authorises force and whether it "
        "was adopted for this situation decide what it permits: Chapter VI rests on "
        "consent, Chapter VII may authorise force, Chapter VIII works through regional "
        "arrangements. This rule reports the legal analysis's reading of each resolution "
        "at its own line, so that a reader can check it; it scores nothing, and citing "
        "more resolutions never adds to a score."
    ),
    reference=Reference(
        source="Charter of the United Nations, Article 24 and Chapters VI, VII and VIII",
        url=CHARTER_URL,
    ),
    severity=Severity.MINOR,
    reads=("legal_basis.security_council",),
    example="legal_basis:\n  security_council: [{number: 1234, chapter: vii}]\n",
)
def resolution_detail(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    lb = p.legal_basis
    if lb is None or ctx.law is None:
        return
    for i, (r, read) in enumerate(
        zip(lb.security_council or [], ctx.law.resolutions, strict=False)
    ):
        at = f"legal_basis.security_council[{i}]"
        if r.year is None:
            yield missing(f"{at}.year", f"Resolution {r.number}: the year is not stated.")
        yield info(at, read[:1].upper() + read[1:] + ".")


RULE = resolution_detail
