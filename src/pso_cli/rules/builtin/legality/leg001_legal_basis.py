"""LEG-001 legal-basis: the legal analysis, as a gate and as legality's main attribute."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.legal_analysis import LegalOutcome as O
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Attribute,
    Finding,
    Reference,
    RuleContext,
    Severity,
    blocker,
    concern,
    missing,
    rate,
    rule,
)
from pso_cli.rules.builtin.common import MFAT
from pso_cli.rules.builtin.legality._shared import LEG, MFAT_LEGALITY


@rule(
    code="LEG-001",
    name="legal-basis",
    consideration=LEG,
    title="The mission has a basis in international law where it acts",
    rationale=(
        "The Charter forbids the use of force against another state (Art. 2(4)); a foreign "
        "force may be present or use force only with the consent of the lawful government, "
        "under a Chapter VII authorisation adopted for the situation, or in self-defence "
        "(Art. 51). The legal analysis decides which basis holds, place by place; see the "
        "decision table below. Unlawful: New Zealand cannot take part, whatever the other "
        "merits. Contested or unknown: legal advice or facts first."
    ),
    reference=Reference(source=MFAT, passage=MFAT_LEGALITY),
    severity=Severity.CRITICAL,
    reads=("legal_basis",),
    gate=True,
    attribute=Attribute(
        "A basis in international law",
        (("contested-on-advice", 0), ("lawful", 100)),
        (
            "legal_basis.security_council",
            "legal_basis.host_consent.status",
            "legal_basis.host_consent.given_by",
            "legal_basis.host_consent.authority",
            "legal_basis.host_consent.form",
            "legal_basis.host_consent.instrument",
            "legal_basis.self_defence",
            "legal_basis.treaty",
            "legal_basis.area_of_operations",
            "legal_basis.legal_advice",
        ),
    ),
    example="legal_basis:\n  security_council: []\n  host_consent: {status: none}\n",
)
def legal_basis(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    law = ctx.law
    if law is None:  # run outside the engine without an analysis
        yield missing("legal_basis", "The legal analysis was not run.")
        return
    bases = f" Bases: {'; '.join(law.bases)}." if len(law.bases) > 1 else ""
    if law.outcome is O.LAWFUL:
        yield rate(law.field, "lawful", law.reason + bases)
    elif law.outcome is O.UNLAWFUL:
        yield blocker(law.field, law.reason)
    elif law.advised_lawful:
        yield rate(law.field, "contested-on-advice", law.reason)
    elif law.outcome is O.CONTESTED:
        first = law.questions[0] if law.questions else "the legal basis"
        yield concern(law.field, law.reason, condition=f"Obtain legal advice on {first}.")
    else:
        yield missing(law.field, law.reason)


RULE = legal_basis
