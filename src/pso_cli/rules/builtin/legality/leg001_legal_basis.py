"""LEG-001 legal-basis.

The mission has a legal basis under international law. A gate: its blocker makes the
verdict do-not-recommend.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Chapter, ConsentStatus, ForcePosture, OperationType
from pso_cli.model.proposal import LegalBasis, Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    blocker,
    concern,
    info,
    missing,
    rule,
    supports,
)
from pso_cli.rules.builtin.common import MFAT, op_type
from pso_cli.rules.builtin.legality._shared import LEG, MFAT_LEGALITY, consent

NO_CONSENT = frozenset({ConsentStatus.NONE, ConsentStatus.WITHDRAWN, ConsentStatus.CONTESTED})


@rule(
    code="LEG-001",
    name="legal-basis",
    consideration=LEG,
    title="The mission has a legal basis under international law",
    rationale=(
        "The Charter forbids the threat or use of force against another state; a foreign "
        "force may lawfully deploy only under a Security Council mandate, with the host "
        "state's consent, under a regional arrangement the host accepts, or by treaty. "
        "Without any of these New Zealand cannot take part, whatever the other merits."
    ),
    reference=Reference(source=MFAT, passage=MFAT_LEGALITY),
    severity=Severity.CRITICAL,
    reads=(
        "legal_basis.security_council",
        "legal_basis.host_consent.status",
        "legal_basis.regional_authorisation",
        "legal_basis.treaty",
    ),
    gate=True,
    example=(
        "legal_basis:\n  security_council: []\n  host_consent: {status: none}\n"
        "  regional_authorisation: null\n  treaty: null\n"
    ),
)
def legal_basis(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    lb = p.legal_basis
    if lb is None:
        yield missing("legal_basis", "The proposal states no legal basis for the mission.")
        return
    later = [r for r in lb.security_council or [] if r.year is not None and r.year > ctx.as_of.year]
    if later:
        numbers = ", ".join(str(r.number) for r in later)
        yield info(
            "legal_basis.security_council",
            f"Resolution(s) {numbers} were adopted after {ctx.as_of.isoformat()} and cannot "
            "count as a legal basis at that date.",
        )
        adopted = [r for r in lb.security_council or [] if r not in later]
        lb = lb.model_copy(update={"security_council": adopted})
    bases = _bases(lb)
    short = _resolutions_short_of_force(p, lb)
    if short:
        bases = [b for b in bases if b[0] != "legal_basis.security_council"]
        if not bases:
            yield blocker(
                "legal_basis.security_council",
                f"No legal basis for enforcement: host consent is '{consent(lb)}' and "
                f"resolution(s) {short} do not authorise force under Chapter VII; only such "
                "an authorisation permits force against a state's will.",
            )
            return
    if bases:
        names = "; ".join(desc for _, desc in bases)
        yield supports(bases[0][0], f"The mission has a legal basis: {names}.", 10)
        return
    status = consent(lb)
    if status in NO_CONSENT:
        yield blocker(
            "legal_basis",
            f"No legal basis: no Security Council resolution, host consent is '{status}', "
            "and no regional authorisation with consent or treaty is stated.",
        )
    elif status == ConsentStatus.PARTIAL:
        yield concern(
            "legal_basis.host_consent.status",
            "Host consent is only 'partial' and no Security Council resolution, regional "
            "authorisation or treaty supports it: the legal basis is doubtful.",
            25,
            condition="Secure full host-state consent or a Security Council mandate before "
            "deployment.",
        )
    else:
        yield missing(
            "legal_basis.host_consent.status",
            "No Security Council resolution, regional authorisation or treaty is stated, "
            "and host consent is not stated: the legal basis cannot be established.",
        )


def _bases(lb: LegalBasis) -> list[tuple[str, str]]:
    """Each legal basis the proposal states, as (field, description)."""
    status = consent(lb)
    found: list[tuple[str, str]] = []
    if lb.security_council:
        numbers = ", ".join(str(r.number) for r in lb.security_council or [])
        found.append(("legal_basis.security_council", f"Security Council resolution(s) {numbers}"))
    if status == ConsentStatus.GIVEN:
        found.append(("legal_basis.host_consent.status", "host-state consent"))
    regional = lb.regional_authorisation
    if regional and status in (ConsentStatus.GIVEN, ConsentStatus.PARTIAL):
        found.append(
            ("legal_basis.regional_authorisation", f"{regional.organisation} authorisation")
        )
    if lb.treaty:
        found.append(("legal_basis.treaty", "a treaty between the parties"))
    return found


def _is_enforcement(p: Proposal, lb: LegalBasis) -> bool:
    return lb.use_of_force == ForcePosture.ENFORCEMENT or op_type(p) == OperationType.ENFORCEMENT


def _resolutions_short_of_force(p: Proposal, lb: LegalBasis) -> str:
    """For enforcement without host consent, resolutions stated NOT to authorise force.

    Against a state's will, force is lawful only under a Chapter VII authorisation
    (Charter Art. 2(4), 42): a resolution that does not authorise force is no basis for
    enforcement without consent. Empty when the question does not arise or any
    resolution authorises force, or might (chapter or authorisation not stated).
    """
    resolutions = lb.security_council or []
    if not resolutions or not _is_enforcement(p, lb) or consent(lb) not in NO_CONSENT:
        return ""
    falls_short = [
        r.authorises_force is False or (r.chapter is not None and r.chapter != Chapter.VII)
        for r in resolutions
    ]
    if not all(falls_short):
        return ""
    return ", ".join(str(r.number) for r in resolutions)


RULE = legal_basis
