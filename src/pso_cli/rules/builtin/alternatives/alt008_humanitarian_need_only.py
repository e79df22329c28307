"""ALT-008 humanitarian-need-only: a humanitarian need is tested against humanitarian funding."""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model import enums as e
from pso_cli.model.proposal import Alternative, Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, Severity, concern, rule, supports
from pso_cli.rules.builtin.alternatives._shared import ALT, at, first_of, viable_meets
from pso_cli.rules.builtin.common import MFAT, MFAT_URL, op_type


@rule(
    code="ALT-008",
    name="humanitarian-need-only",
    consideration=ALT,
    title="A humanitarian need is tested against humanitarian funding",
    rationale=(
        "Where the need is humanitarian and there is no security threat, funding humanitarian"
        " agencies may help more, sooner and at less risk than deploying personnel."
    ),
    reference=Reference(
        MFAT,
        "whether New Zealand can help the fragile or post-conflict country in other ways",
        MFAT_URL,
    ),
    severity=Severity.MAJOR,
    reads=(
        "identity.operation_type",
        "alternatives[].type",
        "alternatives[].expected_effect",
        "strategic.humanitarian",
        "strategic.nz_security.effect",
        "risk.threat_level",
        "contribution.nzdf.personnel",
    ),
    example=(
        "identity: {operation_type: humanitarian}\nalternatives:\n"
        "  - {type: humanitarian-funding, feasibility: high, expected_effect: meets}"
    ),
)
def humanitarian_need_only(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    humanitarian_op = op_type(p) == e.OperationType.HUMANITARIAN
    if not (humanitarian_op or _humanitarian_only(p)):
        return
    found = first_of(p, e.AlternativeType.HUMANITARIAN_FUNDING)
    if found is not None:
        yield _funding_finding(*found)
    elif _humanitarian_only(p):
        yield concern(
            "alternatives",
            "A military contribution is proposed for a need stated as humanitarian only, with"
            " no security threat, and humanitarian funding was not assessed.",
            -5,
            condition="Assess whether humanitarian funding or civilian support would meet the"
            " need without a military deployment.",
        )


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


def _funding_finding(i: int, alt: Alternative) -> Finding:
    if viable_meets(alt):
        return concern(
            at(i, "expected_effect"),
            "Humanitarian funding is assessed as feasible and meeting the need: deploying"
            " personnel may not be necessary.",
            -10,
            condition="Explain why funding humanitarian agencies would not meet the need"
            " before deploying personnel.",
        )
    effect = alt.expected_effect.value if alt.expected_effect else "not assessed"
    return supports(
        at(i, "expected_effect"),
        f"Humanitarian funding was assessed as an alternative (effect: {effect}).",
        4,
    )


RULE = humanitarian_need_only
