"""Legality rules: is the proposed mission and its mandate lawful under international law?

The MFAT policy asks New Zealand to weigh the "legality of the proposed mission and
mandate under international law" before it deploys. These rules encode the law that
question turns on: the UN Charter's prohibition on the use of force (Art. 2(4)) and its
exceptions (Security Council action under Chapter VII, host-state consent, regional
arrangements under Chapter VIII), the UN peacekeeping principles (consent,
impartiality, non-use of force except in self-defence and defence of the mandate), and
New Zealand's own domestic authority to deploy. LEG-001 is the non-compensatory gate:
a positively stated absence of any legal basis disqualifies the proposal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from pso_cli.model.enums import Chapter, ConsentStatus, ForcePosture, Level, OperationType
from pso_cli.model.enums import PeaceStatus as PS
from pso_cli.model.enums import SofaStatus as SS
from pso_cli.model.proposal import LegalBasis, Proposal
from pso_cli.rules.api import (
    Consideration,
    Finding,
    Reference,
    Rule,
    RuleContext,
    Severity,
    blocker,
    concern,
    info,
    missing,
    rule,
    supports,
)
from pso_cli.rules.builtin.common import CHARTER_URL, MFAT, add_months, article

LEG = Consideration.LEGALITY
MFAT_LEGALITY = "legality of the proposed mission and mandate under international law"
CH7_URL = "https://www.un.org/en/about-us/un-charter/chapter-7"
CH8_URL = "https://www.un.org/en/about-us/un-charter/chapter-8"
CAPSTONE = (
    "UN peacekeeping principles: consent of the parties, impartiality, non-use of force "
    "except in self-defence and defence of the mandate (United Nations Peacekeeping "
    "Operations: Principles and Guidelines, 2008)"
)
CAPSTONE_URL = "https://peacekeeping.un.org/sites/default/files/capstone_eng_0.pdf"
BRAHIMI = (
    "Report of the Panel on United Nations Peace Operations (Brahimi report, 2000): "
    "clear, credible and achievable mandates"
)
BRAHIMI_URL = "https://undocs.org/A/55/305"

PEACEKEEPING = frozenset(
    {OperationType.UN_PEACEKEEPING, OperationType.TRUCE_MONITORING, OperationType.OBSERVER_MISSION}
)
OBSERVING = frozenset({OperationType.TRUCE_MONITORING, OperationType.OBSERVER_MISSION})
NO_CONSENT = frozenset({ConsentStatus.NONE, ConsentStatus.WITHDRAWN, ConsentStatus.CONTESTED})
SOFA_CONDITION = "Conclude a status-of-forces agreement (or exchange of notes) before deployment."


# ---------------------------------------------------------------------------- helpers


def _consent(lb: LegalBasis | None) -> ConsentStatus | None:
    return lb.host_consent.status if lb and lb.host_consent else None


def _chapter_vii(lb: LegalBasis | None) -> bool:
    return lb is not None and any(r.chapter == Chapter.VII for r in lb.security_council or [])


def _chapter_vii_force(lb: LegalBasis | None) -> bool:
    if lb is None:
        return False
    return any(r.chapter == Chapter.VII and r.authorises_force for r in lb.security_council or [])


def _op_type(p: Proposal) -> OperationType | None:
    return p.identity.operation_type


def _bases(lb: LegalBasis) -> list[tuple[str, str]]:
    """Each legal basis the proposal states, as (field, description)."""
    status = _consent(lb)
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
    return lb.use_of_force == ForcePosture.ENFORCEMENT or _op_type(p) == OperationType.ENFORCEMENT


def _resolutions_short_of_force(p: Proposal, lb: LegalBasis) -> str:
    """For enforcement without host consent, resolutions stated NOT to authorise force.

    Against a state's will, force is lawful only under a Chapter VII authorisation
    (Charter Art. 2(4), 42): a resolution that does not authorise force is no basis for
    enforcement without consent. Empty when the question does not arise or any
    resolution authorises force, or might (chapter or authorisation not stated).
    """
    resolutions = lb.security_council or []
    if not resolutions or not _is_enforcement(p, lb) or _consent(lb) not in NO_CONSENT:
        return ""
    falls_short = [
        r.authorises_force is False or (r.chapter is not None and r.chapter != Chapter.VII)
        for r in resolutions
    ]
    if not all(falls_short):
        return ""
    return ", ".join(str(r.number) for r in resolutions)


# ---------------------------------------------------------------------------- LEG-001


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
                f"No legal basis for enforcement: host consent is '{_consent(lb)}' and "
                f"resolution(s) {short} do not authorise force under Chapter VII; only such "
                "an authorisation permits force against a state's will.",
            )
            return
    if bases:
        names = "; ".join(desc for _, desc in bases)
        yield supports(bases[0][0], f"The mission has a legal basis: {names}.", 10)
        return
    status = _consent(lb)
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


# ---------------------------------------------------------------------------- LEG-002


def _consent_provenance(lb: LegalBasis) -> Iterator[Finding]:
    hc = lb.host_consent
    assert hc is not None
    if hc.given_by is None:
        yield missing(
            "legal_basis.host_consent.given_by", "The proposal does not say who gave consent."
        )
    if hc.instrument is None:
        yield missing(
            "legal_basis.host_consent.instrument",
            "The proposal does not say by what instrument consent was given.",
        )


def _consent_concern(lb: LegalBasis, status: ConsentStatus, by: str) -> Finding:
    field = "legal_basis.host_consent.status"
    vii = _chapter_vii(lb)
    if status == ConsentStatus.PARTIAL:
        return concern(
            field,
            f"Host consent is 'partial'{by}: not every authority concerned has agreed.",
            10,
            condition="Obtain consent from every authority with control over the area of "
            "operations before deployment.",
        )
    if status == ConsentStatus.CONTESTED:
        return concern(
            field,
            f"Host consent is 'contested'{by}: a rival authority disputes it"
            + (", though a Chapter VII resolution applies." if vii else "."),
            10 if vii else 15,
        )
    severe = "withdrawn" if status == ConsentStatus.WITHDRAWN else "not given"
    return concern(
        field,
        f"Host consent is {severe}{by}"
        + (
            "; only the Chapter VII resolution sustains the mission."
            if vii
            else " and no Chapter VII resolution overrides the need for it."
        ),
        10 if vii else 25,
    )


@rule(
    code="LEG-002",
    name="host-consent-quality",
    consideration=LEG,
    title="Host-state consent is full, uncontested and documented",
    rationale=(
        "Consent is only as good as the authority that gives it and the instrument that "
        "records it. Partial, contested or withdrawn consent exposes the mission to the "
        "charge of intervening in matters of domestic jurisdiction."
    ),
    reference=Reference(
        source="Charter of the United Nations, Article 2(7)",
        passage="Nothing contained in the present Charter shall authorize the United Nations "
        "to intervene in matters which are essentially within the domestic jurisdiction of "
        "any state",
        url="https://www.un.org/en/about-us/un-charter/chapter-1",
    ),
    severity=Severity.MAJOR,
    reads=(
        "legal_basis.host_consent.status",
        "legal_basis.host_consent.given_by",
        "legal_basis.host_consent.instrument",
        "legal_basis.security_council",
    ),
    example="legal_basis:\n  host_consent: {status: contested, given_by: Interim council}\n",
)
def host_consent_quality(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    lb = p.legal_basis
    status = _consent(lb)
    if lb is None or status is None:
        yield missing("legal_basis.host_consent.status", "Host-state consent is not stated.")
        return
    hc = lb.host_consent
    assert hc is not None
    if status in (ConsentStatus.GIVEN, ConsentStatus.PARTIAL):
        yield from _consent_provenance(lb)
    if status == ConsentStatus.GIVEN:
        if hc.given_by and hc.instrument:
            yield supports(
                "legal_basis.host_consent",
                f"Host consent is given by {hc.given_by} ({hc.instrument}).",
                5,
            )
        return
    by = f" (given by {hc.given_by})" if hc.given_by else ""
    yield _consent_concern(lb, status, by)


# ---------------------------------------------------------------------------- LEG-003


@rule(
    code="LEG-003",
    name="enforcement-authorised",
    consideration=LEG,
    title="An enforcement posture rests on a Chapter VII authorisation of force",
    rationale=(
        "Only the Security Council, acting under Chapter VII, may authorise force beyond "
        "self-defence against the will of a state. An enforcement mission without such a "
        "resolution would breach the Charter's prohibition on the use of force."
    ),
    reference=Reference(
        source="Charter of the United Nations, Chapter VII, Articles 39-42",
        passage="it may take such action by air, sea, or land forces as may be necessary to "
        "maintain or restore international peace and security",
        url=CH7_URL,
    ),
    severity=Severity.CRITICAL,
    reads=(
        "legal_basis.use_of_force",
        "identity.operation_type",
        "legal_basis.security_council",
    ),
    example="identity: {operation_type: enforcement}\nlegal_basis:\n  security_council: []\n",
)
def enforcement_authorised(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    lb = p.legal_basis
    posture = lb.use_of_force if lb else None
    if posture == ForcePosture.ENFORCEMENT:
        field, what = "legal_basis.use_of_force", "an enforcement use-of-force posture"
    elif _op_type(p) == OperationType.ENFORCEMENT:
        field, what = "identity.operation_type", "an enforcement operation"
    else:
        return
    if _chapter_vii_force(lb):
        yield supports(field, f"The proposal has {what}, authorised under Chapter VII.", 5)
        return
    for i, r in enumerate((lb.security_council or []) if lb else []):
        if r.chapter == Chapter.VII and r.authorises_force is None:
            yield missing(
                f"legal_basis.security_council[{i}].authorises_force",
                f"Resolution {r.number} is under Chapter VII but the proposal does not say "
                "whether it authorises force.",
            )
            return
    yield concern(
        field,
        f"The proposal has {what} but no Chapter VII resolution authorising force.",
        25,
        condition="Obtain a Chapter VII resolution authorising all necessary measures, or "
        "limit New Zealand's posture to self-defence.",
    )


# ---------------------------------------------------------------------------- LEG-004


def _posture_problems(p: Proposal, posture: ForcePosture) -> Iterator[Finding]:
    field = "legal_basis.use_of_force"
    op = _op_type(p)
    forceful = posture in (ForcePosture.DEFENCE_OF_MANDATE, ForcePosture.ENFORCEMENT)
    if op in OBSERVING and forceful:
        yield concern(
            field,
            f"{article(posture).capitalize()} '{posture}' posture does not fit "
            f"{article(op)} '{op}' mission, whose observers are normally unarmed or limited "
            "to self-defence.",
            15,
            condition="Limit the posture to self-defence or unarmed observation.",
        )
    elif op == OperationType.UN_PEACEKEEPING and posture == ForcePosture.ENFORCEMENT:
        yield concern(
            field,
            "An 'enforcement' posture departs from the peacekeeping principle of non-use of "
            "force except in self-defence and defence of the mandate.",
            10,
            condition="Limit the posture to self-defence and defence of the mandate.",
        )
    threat = p.risk.threat_level if p.risk else None
    if posture == ForcePosture.UNARMED and threat in (Level.HIGH, Level.EXTREME):
        yield concern(
            field,
            f"An 'unarmed' posture is proposed where the threat is '{threat}'.",
            15 if threat == Level.EXTREME else 5,
            condition="Provide armed protection for unarmed personnel, or authorise a "
            "self-defence posture.",
        )


@rule(
    code="LEG-004",
    name="force-matches-mandate",
    consideration=LEG,
    title="The use-of-force posture matches the kind of mission and its threat",
    rationale=(
        "Peacekeepers may use force only in self-defence and in defence of the mandate; "
        "observers rely on consent, not arms. A posture heavier than the mandate risks "
        "unlawful force, and an unarmed posture in extreme threat leaves personnel "
        "without lawful means to protect themselves."
    ),
    reference=Reference(source=CAPSTONE, url=CAPSTONE_URL),
    severity=Severity.MAJOR,
    reads=("legal_basis.use_of_force", "identity.operation_type", "risk.threat_level"),
    example="identity: {operation_type: observer-mission}\nlegal_basis: {use_of_force: "
    "defence-of-mandate}\n",
)
def force_matches_mandate(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    posture = p.legal_basis.use_of_force if p.legal_basis else None
    if posture is None:
        yield missing("legal_basis.use_of_force", "The use-of-force posture is not stated.")
        return
    problems = list(_posture_problems(p, posture))
    if problems:
        yield from problems
        return
    op = _op_type(p) or "unstated"
    yield supports(
        "legal_basis.use_of_force",
        f"The '{posture}' posture is consistent with {article(op)} '{op}' mission.",
        3,
    )


# ---------------------------------------------------------------------------- LEG-005


@rule(
    code="LEG-005",
    name="status-of-forces",
    consideration=LEG,
    title="New Zealand personnel have status-of-forces protections",
    rationale=(
        "A status-of-forces agreement or exchange of notes gives deployed personnel "
        "immunity from local jurisdiction and settles entry, carriage of arms and "
        "claims. Deploying without one exposes personnel to host-state prosecution."
    ),
    reference=Reference(source=CAPSTONE, url=CAPSTONE_URL),
    severity=Severity.MAJOR,
    reads=("legal_basis.status_of_forces.status", "legal_basis.status_of_forces.instrument"),
    example="legal_basis:\n  status_of_forces: {status: negotiating}\n",
)
def status_of_forces(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    sofa = p.legal_basis.status_of_forces if p.legal_basis else None
    status = sofa.status if sofa else None
    field = "legal_basis.status_of_forces.status"
    if status is None:
        yield missing(field, "Status-of-forces protections for NZ personnel are not stated.")
    elif status in (SS.SIGNED, SS.EXCHANGE_OF_NOTES):
        how = f" ({sofa.instrument})" if sofa and sofa.instrument else ""
        yield supports(field, f"Status-of-forces protections are in place: '{status}'{how}.", 5)
    elif status == SS.NEGOTIATING:
        yield concern(
            field,
            "A status-of-forces agreement is still being negotiated.",
            10,
            SOFA_CONDITION,
        )
    else:
        yield concern(
            field,
            "No status-of-forces agreement or equivalent protects NZ personnel.",
            15,
            SOFA_CONDITION,
        )


# ---------------------------------------------------------------------------- LEG-006


@rule(
    code="LEG-006",
    name="nz-domestic-authority",
    consideration=LEG,
    title="New Zealand's domestic authority to deploy is stated",
    rationale=(
        "Deployment needs a statutory basis in New Zealand law and a Cabinet decision; "
        "international legality alone does not authorise New Zealand agencies to act."
    ),
    reference=Reference(
        source="Defence Act 1990 (NZ), section 5",
        url="https://www.legislation.govt.nz/act/public/1990/0028/latest/whole.html",
    ),
    severity=Severity.MAJOR,
    reads=("legal_basis.nz_authority.statutory_basis", "legal_basis.nz_authority.cabinet_decision"),
    example="legal_basis:\n  nz_authority: {statutory_basis: null, cabinet_decision: null}\n",
)
def nz_domestic_authority(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    auth = p.legal_basis.nz_authority if p.legal_basis else None
    if auth is None:
        yield missing("legal_basis.nz_authority", "NZ domestic authority to deploy is not stated.")
        return
    if auth.statutory_basis is None:
        yield missing(
            "legal_basis.nz_authority.statutory_basis",
            "The statutory basis for the deployment is not stated.",
        )
    if auth.cabinet_decision is None:
        yield missing(
            "legal_basis.nz_authority.cabinet_decision",
            "No Cabinet decision authorising the deployment is cited.",
        )
    if auth.statutory_basis and auth.cabinet_decision:
        yield supports(
            "legal_basis.nz_authority",
            f"Domestic authority: {auth.statutory_basis}; Cabinet decision: "
            f"{auth.cabinet_decision.rstrip('.')}.",
            5,
        )


# ---------------------------------------------------------------------------- LEG-007


class MandateExpiryOptions(BaseModel):
    """Days of shortfall between mandate expiry and the end of the commitment tolerated."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    tolerance_days: int = Field(0, ge=0, le=365)


@rule(
    code="LEG-007",
    name="mandate-expiry",
    consideration=LEG,
    title="NZ's mandate covers the whole proposed commitment",
    rationale=(
        "A mandate that lapses before the commitment ends leaves personnel deployed "
        "without authority; the commitment must be renewed or shortened in time."
    ),
    reference=Reference(source=MFAT, passage=MFAT_LEGALITY),
    severity=Severity.MAJOR,
    reads=(
        "legal_basis.nz_authority.mandate_expiry",
        "location.start_date",
        "location.duration_months",
    ),
    options=MandateExpiryOptions,
    example="location: {start_date: 2030-07-01, duration_months: 24}\n"
    "legal_basis:\n  nz_authority: {mandate_expiry: 2031-06-30}\n",
)
def mandate_expiry(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    opts = ctx.options
    assert isinstance(opts, MandateExpiryOptions)
    auth = p.legal_basis.nz_authority if p.legal_basis else None
    expiry = auth.mandate_expiry if auth else None
    field = "legal_basis.nz_authority.mandate_expiry"
    if expiry is None:
        yield missing(field, "The expiry date of NZ's mandate is not stated.")
        return
    if expiry < ctx.as_of:
        yield concern(
            field,
            f"NZ's mandate expired on {expiry}, before {ctx.as_of}.",
            15,
            condition="Seek renewal of the mandate before deployment.",
        )
        return
    loc = p.location
    if loc is None or loc.start_date is None or loc.duration_months is None:
        yield missing(
            "location.start_date"
            if loc is None or loc.start_date is None
            else "location.duration_months",
            "Start date or duration is not stated, so mandate coverage cannot be checked.",
        )
        return
    end = add_months(loc.start_date, loc.duration_months) - dt.timedelta(days=1)
    if expiry + dt.timedelta(days=opts.tolerance_days) < end:
        yield concern(
            field,
            f"NZ's mandate expires on {expiry}, before the proposed commitment ends on {end}.",
            10,
            condition="Seek renewal of the mandate to cover the full proposed duration, or "
            "shorten the commitment.",
        )
    else:
        yield supports(field, f"NZ's mandate (to {expiry}) covers the commitment to {end}.", 3)


# ---------------------------------------------------------------------------- LEG-008


@rule(
    code="LEG-008",
    name="peace-to-keep",
    consideration=LEG,
    title="A peacekeeping-type mission has a peace to keep",
    rationale=(
        "Peacekeeping supports a peace process the parties have accepted; where there is "
        "no agreement or ceasefire, or the parties have abandoned it, the mandate cannot "
        "be achieved by consent-based means."
    ),
    reference=Reference(source=BRAHIMI, url=BRAHIMI_URL),
    severity=Severity.MAJOR,
    reads=(
        "identity.operation_type",
        "legal_basis.peace_agreement.status",
        "legal_basis.peace_agreement.parties_committed",
    ),
    example="identity: {operation_type: un-peacekeeping}\nlegal_basis:\n"
    "  peace_agreement: {status: none}\n",
)
def peace_to_keep(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    op = _op_type(p)
    if op not in PEACEKEEPING:
        return
    pa = p.legal_basis.peace_agreement if p.legal_basis else None
    status = pa.status if pa else None
    field = "legal_basis.peace_agreement.status"
    if pa is None or status is None:
        yield missing(
            field,
            f"{article(op).capitalize()} '{op}' mission needs a peace to keep; none is stated.",
        )
    elif status in (PS.NEGOTIATING, PS.NONE):
        yield concern(
            field,
            f"Peace agreement status is '{status}': there is no settled peace to keep.",
            20 if status == PS.NONE else 10,
        )
    elif pa.parties_committed is False:
        yield concern(
            "legal_basis.peace_agreement.parties_committed",
            f"There is a {status}, but the main parties are no longer committed to it.",
            15,
        )
    else:
        name = f" ({pa.name})" if pa.name else ""
        yield supports(field, f"There is a peace to keep: '{status}'{name}.", 5)
        if pa.parties_committed is None:
            yield missing(
                "legal_basis.peace_agreement.parties_committed",
                "Whether the parties remain committed to the agreement is not stated.",
            )


# ---------------------------------------------------------------------------- LEG-009


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


# ---------------------------------------------------------------------------- LEG-010


@rule(
    code="LEG-010",
    name="regional-authorisation-consent",
    consideration=LEG,
    title="A regional authorisation rests on host consent or Security Council authority",
    rationale=(
        "Regional arrangements may act for peace and security, but enforcement action by "
        "them needs Security Council authorisation. A regional mission without the host "
        "state's consent and without such authorisation lacks a sound basis."
    ),
    reference=Reference(
        source="Charter of the United Nations, Chapter VIII, Articles 52-53",
        passage="no enforcement action shall be taken under regional arrangements or by "
        "regional agencies without the authorization of the Security Council",
        url=CH8_URL,
    ),
    severity=Severity.MAJOR,
    reads=(
        "legal_basis.regional_authorisation",
        "legal_basis.host_consent.status",
        "legal_basis.security_council",
    ),
    example="legal_basis:\n  regional_authorisation: {organisation: Regional Forum}\n"
    "  host_consent: {status: contested}\n",
)
def regional_authorisation_consent(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    lb = p.legal_basis
    regional = lb.regional_authorisation if lb else None
    if lb is None or regional is None:
        return
    field = "legal_basis.regional_authorisation"
    if regional.decision is None:
        yield missing(f"{field}.decision", f"The {regional.organisation} decision is not cited.")
    status = _consent(lb)
    if status == ConsentStatus.GIVEN:
        yield supports(field, f"The {regional.organisation} authorisation has host consent.", 5)
    elif status is None:
        yield missing(
            "legal_basis.host_consent.status", "Host consent to the regional mission is not stated."
        )
    elif _chapter_vii_force(lb):
        yield info(
            field,
            f"Host consent is '{status}', but a Chapter VII resolution "
            f"authorises the {regional.organisation} mission.",
        )
    else:
        yield concern(
            field,
            f"The {regional.organisation} authorisation lacks full host consent ('{status}') "
            "and no Security Council resolution authorises enforcement.",
            10 if status == ConsentStatus.PARTIAL else 20,
            condition="Obtain the host state's full consent or Security Council authorisation "
            "before deployment.",
        )


# ---------------------------------------------------------------------------- LEG-011


@rule(
    code="LEG-011",
    name="main-party-consent",
    consideration=LEG,
    title="A peacekeeping-type mission has the consent of the main parties",
    rationale=(
        "Peacekeeping depends on the consent of the main parties to the conflict and on "
        "being seen as impartial; where a main party withholds or disputes consent the "
        "mission risks becoming a party to the conflict."
    ),
    reference=Reference(source=CAPSTONE, url=CAPSTONE_URL),
    severity=Severity.MAJOR,
    reads=("identity.operation_type", "legal_basis.host_consent.status"),
    example="identity: {operation_type: un-peacekeeping}\nlegal_basis:\n"
    "  host_consent: {status: partial}\n",
)
def main_party_consent(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    op = _op_type(p)
    status = _consent(p.legal_basis)
    if op not in PEACEKEEPING or status is None:
        return
    field = "legal_basis.host_consent.status"
    if status == ConsentStatus.GIVEN:
        yield supports(field, f"The '{op}' mission has the consent of the main parties.", 3)
    elif status in (ConsentStatus.PARTIAL, ConsentStatus.CONTESTED):
        yield concern(
            field,
            f"Consent is '{status}' for {article(op)} '{op}' mission: without the consent of "
            "all main parties its impartiality will be questioned.",
            10,
            condition="Secure the consent of all main parties to the conflict before deployment.",
        )
    else:
        yield concern(
            field,
            f"Consent is '{status}': {article(op)} '{op}' mission cannot operate as "
            "peacekeeping without the consent of the main parties.",
            15,
        )


# ---------------------------------------------------------------------------- LEG-012


@rule(
    code="LEG-012",
    name="basis-precedes-deployment",
    consideration=LEG,
    title="Consent and regional authorisation are in place before deployment starts",
    rationale=(
        "A legal basis must exist when forces enter; consent or an authorisation dated "
        "after the proposed start leaves the first days of the deployment without one."
    ),
    reference=Reference(
        source="Charter of the United Nations, Article 2(4)",
        passage="All Members shall refrain in their international relations from the threat "
        "or use of force against the territorial integrity or political independence of any "
        "state",
        url="https://www.un.org/en/about-us/un-charter/chapter-1",
    ),
    severity=Severity.MINOR,
    reads=(
        "location.start_date",
        "legal_basis.host_consent.date",
        "legal_basis.regional_authorisation.date",
    ),
    example="location: {start_date: 2030-07-01}\nlegal_basis:\n"
    "  host_consent: {date: 2030-08-01}\n",
)
def basis_precedes_deployment(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    start = p.location.start_date if p.location else None
    lb = p.legal_basis
    if start is None or lb is None:
        return
    dated = [
        ("legal_basis.host_consent.date", "Host consent", lb.host_consent and lb.host_consent.date),
        (
            "legal_basis.regional_authorisation.date",
            "The regional authorisation",
            lb.regional_authorisation and lb.regional_authorisation.date,
        ),
    ]
    checked = False
    for field, what, when in dated:
        if not isinstance(when, dt.date):
            continue
        checked = True
        if when > start:
            yield concern(
                field,
                f"{what} is dated {when}, after the proposed start on {start}.",
                5,
                condition="Confirm the instrument is in force before the deployment starts.",
            )
            return
    if checked:
        yield supports("location.start_date", "The legal basis is dated before deployment.", 3)


RULES: list[Rule] = [
    legal_basis,
    host_consent_quality,
    enforcement_authorised,
    force_matches_mandate,
    status_of_forces,
    nz_domestic_authority,
    mandate_expiry,
    peace_to_keep,
    resolution_detail,
    regional_authorisation_consent,
    main_party_consent,
    basis_precedes_deployment,
]
