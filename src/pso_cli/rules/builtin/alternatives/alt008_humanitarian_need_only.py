"""ALT-008 humanitarian-need-only: humanitarian funding was assessed for a humanitarian need.

Information only: it never scores and sets no condition, so an alternative listed to
satisfy it gains nothing. Whether funding would meet the need instead is ALT-002's.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, info, rule
from pso_cli.rules.builtin.alternatives._shared import ALT, T, assessed
from pso_cli.rules.builtin.common import MFAT, MFAT_URL, op_type


@rule(
    code="ALT-008",
    name="humanitarian-need-only",
    consideration=ALT,
    title="Humanitarian funding was assessed for a humanitarian need",
    rationale=(
        "Where the need is humanitarian and there is no security threat, funding humanitarian"
        " agencies may help more, sooner and at less risk than deploying personnel."
    ),
    reference=Reference(
        MFAT,
        "whether New Zealand can help the fragile or post-conflict country in other ways",
        MFAT_URL,
    ),
    severity=Severity.INFO,
    reads=(
        "identity.operation_type",
        "alternatives[].type",
        "alternatives[].expected_effect",
        "strategic.humanitarian",
        "strategic.nz_security.effect",
        "risk.threat_level",
        "contribution.nzdf.personnel",
    ),
    example="identity: {operation_type: humanitarian}\nalternatives: [{type: diplomacy}]",
)
def humanitarian_need_only(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    if p.alternatives is None or assessed(p, frozenset({T.HUMANITARIAN_FUNDING})):
        return
    if op_type(p) == e.OperationType.HUMANITARIAN:
        need = "the operation is humanitarian"
    elif _humanitarian_only(p):
        need = "a military contribution is proposed for a need stated with no security threat"
    else:
        return
    yield info("alternatives", f"Humanitarian funding was not assessed, though {need}.")


def _security_signals(p: Proposal) -> list[bool]:
    """Known facts indicating a security need: True = need, False = none stated."""
    s, r = p.strategic, p.risk
    signals: list[bool] = []
    if s is not None and s.nz_security is not None and s.nz_security.effect is not None:
        signals.append(s.nz_security.effect == e.Effect.ADVANCES)
    if r is not None and r.threat_level is not None:
        signals.append(r.threat_level != e.Level.LOW)
    hum = s.humanitarian if s is not None else None
    if hum is not None and hum.civilians_at_risk is not None:
        signals.append(hum.civilians_at_risk)
    return signals


def _humanitarian_only(p: Proposal) -> bool:
    hum = p.strategic.humanitarian if p.strategic else None
    nzdf = p.contribution.nzdf if p.contribution else None
    military = nzdf is not None and bool(nzdf.personnel)
    signals = _security_signals(p)
    return bool(hum and hum.severity and military and signals and not any(signals))


RULE = humanitarian_need_only
