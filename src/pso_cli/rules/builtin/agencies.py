"""Rules for the third consideration: implications for the NZ agencies involved.

The MFAT policy asks about "potential implications for New Zealand agencies involved in
the proposed peacekeeping operation", and notes that the NZDF and Police "do much of the
work on the ground". These rules judge whether the agencies can carry the proposed load
(people, rotations, concurrent deployments, the Pacific reserve), whether the people sent
are protected, treated and commanded properly, and whether the contribution is funded and
organised. Capacity figures are profile options with plausible public defaults, stated in
each options model; a profile should replace them with current figures.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from pso_cli.model import enums as e
from pso_cli.model.commitments import Deployment
from pso_cli.model.proposal import AgencyContribution, Proposal
from pso_cli.rules.api import (
    Consideration,
    Finding,
    Reference,
    Rule,
    RuleContext,
    Severity,
    concern,
    info,
    missing,
    rule,
    supports,
)
from pso_cli.rules.builtin.common import MFAT, MFAT_URL, add_months, article, period

IMPLICATIONS = (
    "potential implications for New Zealand agencies involved in the proposed peacekeeping "
    "operation"
)
ON_THE_GROUND = (
    "We also work with the New Zealand Defence Force (NZDF) and Police who do much of the "
    "work on the ground."
)
CAPACITY_AT_HOME = (
    "Our peace efforts are focused on the Pacific, so it's important we keep enough capacity "
    "at home to respond to emergencies in our own region."
)
UN_PRINCIPLES = (
    "United Nations Peacekeeping Operations: Principles and Guidelines (2008): the safety and "
    "security of personnel, force protection and casualty evacuation are responsibilities of "
    "contributing countries and the mission"
)
UN_PRINCIPLES_URL = "https://peacekeeping.un.org/sites/default/files/capstone_eng_0.pdf"
AGY = Consideration.AGENCIES
CEILED = ("nzdf", "police")
LABEL = {"nzdf": "NZDF", "police": "NZ Police", "mfat": "MFAT"}


T = TypeVar("T", bound=BaseModel)

# --------------------------------------------------------------------------- options


class _Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Ceilings(_Options):
    """Deployable ceilings: personnel each agency can sustain offshore at one time.

    Defaults are planning figures consistent with public reporting: the NZDF has sustained
    roughly 800 personnel offshore at its recent peaks, and NZ Police's international
    deployment group roughly 100 officers.
    """

    nzdf_deployable_ceiling: int = 800
    police_deployable_ceiling: int = 100

    def ceiling(self, agency: str) -> int:
        return self.nzdf_deployable_ceiling if agency == "nzdf" else self.police_deployable_ceiling


class CapacityOptions(Ceilings):
    """Share of the ceiling above which the contribution is a minor / major concern."""

    minor_share: float = 0.6
    major_share: float = 1.0


class RotationOptions(_Options):
    """Rotation pools: individual deployments an agency can source before people redeploy.

    Defaults are three times the deployable ceilings (one deployed, one preparing, one
    recovering): NZDF 2,400 and Police 300 personnel-rotations over a mission.
    A mission longer than `long_mission_months` needs a stated rotation length.
    """

    nzdf_rotation_pool: int = 2400
    police_rotation_pool: int = 300
    minor_share: float = 0.6
    long_mission_months: int = 6


class ConcurrencyOptions(Ceilings):
    """Concurrent load above `minor_share` of the ceiling is a minor concern; above 1, major."""

    minor_share: float = 0.8


class ReserveOptions(Ceilings):
    """Personnel to keep available at home for Pacific emergencies.

    Defaults: NZDF 250 (enough for a ship's company, an air-transport detachment and a
    company-sized land response) and Police 30 (a disaster-victim and public-order team).
    The cyclone season is November to April.
    """

    pacific_reserve_nzdf: int = 250
    pacific_reserve_police: int = 30
    cyclone_months: tuple[int, ...] = (11, 12, 1, 2, 3, 4)

    def reserve(self, agency: str) -> int:
        return self.pacific_reserve_nzdf if agency == "nzdf" else self.pacific_reserve_police


class CostOptions(_Options):
    """Total cost across agencies above which new funding needs explicit scrutiny.

    Default NZD 150 million over the commitment: above the cost of most past NZ peace
    support contributions, which typically ran at tens of millions a year.
    """

    max_total_cost_nzd: float = 150_000_000


class PolicingOptions(_Options):
    """Words in the summary or objectives marking the task as policing."""

    keywords: tuple[str, ...] = ("police", "policing", "law and order", "public order")


class ReviewOptions(_Options):
    """Longest acceptable interval between reviews of the commitment, in months."""

    max_review_interval_months: int = 12


# --------------------------------------------------------------------------- helpers


def _opts(ctx: RuleContext, kind: type[T]) -> T:
    assert isinstance(ctx.options, kind)
    return ctx.options


def _agency(p: Proposal, key: str) -> AgencyContribution | None:
    c = p.contribution
    if c is None:
        return None
    found: AgencyContribution | None = getattr(c, key)
    return found


def _all_agencies(p: Proposal) -> list[tuple[str, str, AgencyContribution]]:
    """(label, field path, contribution) for every agency named in the proposal."""
    out: list[tuple[str, str, AgencyContribution]] = []
    for key, label in LABEL.items():
        a = _agency(p, key)
        if a is not None:
            out.append((label, f"contribution.{key}", a))
    if p.contribution is not None:
        for i, o in enumerate(p.contribution.other):
            out.append((o.agency, f"contribution.other[{i}]", o))
    return out


def _deploying(p: Proposal) -> Iterator[tuple[str, AgencyContribution, int]]:
    """NZDF and Police contributions with a stated, non-zero number of personnel."""
    for key in CEILED:
        a = _agency(p, key)
        if a is not None and a.personnel:
            yield key, a, a.personnel


def _deployments(ctx: RuleContext) -> list[Deployment]:
    return [
        d if isinstance(d, Deployment) else Deployment.model_validate(d) for d in ctx.commitments
    ]


def _concurrent(ctx: RuleContext, p: Proposal, agency: str) -> int | None:
    """Personnel of the agency's current deployments overlapping the proposal period."""
    span = period(p)
    if not ctx.commitments or span is None:
        return None
    return sum(d.personnel for d in _deployments(ctx) if d.agency == agency and d.overlaps(*span))


def _missing_period(p: Proposal) -> Iterator[Finding]:
    loc = p.location
    if loc is None or loc.start_date is None:
        yield missing("location.start_date", "The start date is not stated.")
    if loc is None or loc.duration_months is None:
        yield missing("location.duration_months", "The duration is not stated.")


def _pct(share: float) -> str:
    return f"{share:.0%}"


# --------------------------------------------------------------------------- AGY-001


@rule(
    code="AGY-001",
    name="agency-deployable-capacity",
    consideration=AGY,
    title="Personnel asked of the NZDF and Police are within what each can deploy",
    rationale=(
        "The NZDF and Police do most of the work on the ground; a contribution near or above "
        "what an agency can sustain offshore strains it and everything else it must do."
    ),
    reference=Reference(MFAT, ON_THE_GROUND, MFAT_URL),
    severity=Severity.MAJOR,
    reads=("contribution.nzdf.personnel", "contribution.police.personnel"),
    options=CapacityOptions,
    example="contribution: {nzdf: {personnel: 900}}",
)
def agency_capacity(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    o = _opts(ctx, CapacityOptions)
    if p.contribution is None:
        yield missing("contribution", "The contribution by agency is not stated.")
        return
    for key in CEILED:
        a = _agency(p, key)
        if a is None:
            continue
        field = f"contribution.{key}.personnel"
        if a.personnel is None:
            yield missing(field, f"The number of {LABEL[key]} personnel is not stated.")
            continue
        yield _capacity_finding(key, a.personnel, o, field)


def _capacity_finding(key: str, n: int, o: CapacityOptions, field: str) -> Finding:
    ceiling = o.ceiling(key)
    share = n / ceiling if ceiling else math.inf
    msg = f"{LABEL[key]} would deploy {n:,} personnel, {_pct(share)} of its {ceiling:,} ceiling."
    if share > o.major_share:
        return concern(
            field,
            msg + " That exceeds what it can sustain offshore.",
            -12,
            f"Reduce the {LABEL[key]} contribution to within its deployable ceiling.",
        )
    if share > o.minor_share:
        return concern(
            field,
            msg + " That is a large share of its deployable capacity.",
            -5,
            f"Confirm the {LABEL[key]} can sustain this contribution alongside its other tasks.",
        )
    return supports(field, msg, 3)


# --------------------------------------------------------------------------- AGY-002


@rule(
    code="AGY-002",
    name="rotation-sustainability",
    consideration=AGY,
    title="The NZDF and Police can sustain the rotations the mission needs",
    rationale=(
        "Over a long mission every rotation needs a fresh, trained contingent; when the "
        "personnel-rotations needed approach the pool an agency can draw on, people redeploy "
        "repeatedly and fatigue and retention suffer."
    ),
    reference=Reference(MFAT, IMPLICATIONS, MFAT_URL),
    severity=Severity.MAJOR,
    reads=(
        "location.duration_months",
        "contribution.nzdf.personnel",
        "contribution.nzdf.rotation_months",
        "contribution.police.personnel",
        "contribution.police.rotation_months",
    ),
    options=RotationOptions,
    example=(
        "location: {duration_months: 60}\n"
        "contribution: {nzdf: {personnel: 400, rotation_months: 4}}"
    ),
)
def rotation_sustainability(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    o = _opts(ctx, RotationOptions)
    agencies = list(_deploying(p))
    if not agencies:
        return
    duration = p.location.duration_months if p.location else None
    if duration is None:
        yield missing("location.duration_months", "The duration is not stated.")
        return
    for key, a, n in agencies:
        field = f"contribution.{key}"
        if a.rotation_months is None and duration > o.long_mission_months:
            yield missing(
                f"{field}.rotation_months",
                f"The {LABEL[key]} rotation length is not stated for a {duration}-month mission.",
            )
            continue
        yield _rotation_finding(key, n, a.rotation_months or duration, duration, o, field)


def _rotation_finding(
    key: str, n: int, rotation: int, duration: int, o: RotationOptions, field: str
) -> Finding:
    rotations = math.ceil(duration / rotation)
    needed = rotations * n
    pool = o.nzdf_rotation_pool if key == "nzdf" else o.police_rotation_pool
    share = needed / pool if pool else math.inf
    msg = (
        f"{LABEL[key]} would need {rotations} rotation(s) of {n:,} over {duration} months: "
        f"{needed:,} personnel-rotations, {_pct(share)} of a pool of {pool:,}."
    )
    cond = f"Plan {LABEL[key]} rotations (longer tours, fewer personnel or a shorter commitment)."
    if share > 1:
        return concern(field + ".personnel", msg + " That cannot be sustained.", -12, cond)
    if share > o.minor_share:
        return concern(field + ".personnel", msg + " That will strain the pool.", -5, cond)
    return supports(field + ".rotation_months", msg, 2)


# --------------------------------------------------------------------------- AGY-003


@rule(
    code="AGY-003",
    name="concurrent-commitments",
    consideration=AGY,
    title="The proposal fits alongside current deployments",
    rationale=(
        "Capacity is shared: what an agency already has deployed during the proposed period "
        "comes out of the same ceiling as the new contribution."
    ),
    reference=Reference(MFAT, IMPLICATIONS, MFAT_URL),
    severity=Severity.MAJOR,
    reads=(
        "location.start_date",
        "location.duration_months",
        "contribution.nzdf.personnel",
        "contribution.police.personnel",
    ),
    options=ConcurrencyOptions,
    example="contribution: {nzdf: {personnel: 600}}  # with 300 NZDF already deployed",
)
def concurrent_commitments(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    o = _opts(ctx, ConcurrencyOptions)
    agencies = list(_deploying(p))
    if not agencies:
        return
    if not ctx.commitments:
        yield info(
            "contribution",
            "No current deployments were supplied, so concurrency was not checked.",
        )
        return
    if period(p) is None:
        yield from _missing_period(p)
        return
    for key, _, n in agencies:
        current = _concurrent(ctx, p, key) or 0
        yield _concurrency_finding(key, n, current, o)


def _concurrency_finding(key: str, n: int, current: int, o: ConcurrencyOptions) -> Finding:
    ceiling = o.ceiling(key)
    total = n + current
    share = total / ceiling if ceiling else math.inf
    field = f"contribution.{key}.personnel"
    msg = (
        f"{LABEL[key]}: {n:,} proposed plus {current:,} already committed in the period is "
        f"{total:,}, {_pct(share)} of its {ceiling:,} ceiling."
    )
    if share > 1:
        cond = f"Reduce or re-phase {LABEL[key]} commitments so the total stays within its ceiling."
        return concern(field, msg, -12, cond)
    if share > o.minor_share:
        cond = f"Confirm which {LABEL[key]} commitments would be drawn down if demand rises."
        return concern(field, msg, -5, cond)
    return supports(field, msg, 2)


# --------------------------------------------------------------------------- AGY-004


@rule(
    code="AGY-004",
    name="pacific-reserve",
    consideration=AGY,
    title="Enough capacity stays at home for emergencies in the Pacific",
    rationale=(
        "NZ's peace efforts focus on the Pacific, and its neighbours face disasters and "
        "instability; a deployment elsewhere must leave enough people to respond at short "
        "notice, especially in the cyclone season."
    ),
    reference=Reference(MFAT, CAPACITY_AT_HOME, MFAT_URL),
    severity=Severity.MAJOR,
    reads=(
        "location.region",
        "location.start_date",
        "location.duration_months",
        "contribution.nzdf.personnel",
        "contribution.police.personnel",
    ),
    options=ReserveOptions,
    example="contribution: {nzdf: {personnel: 600}}",
)
def pacific_reserve(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    o = _opts(ctx, ReserveOptions)
    agencies = list(_deploying(p))
    if not agencies:
        return
    breached = False
    for key, _, n in agencies:
        current = _concurrent(ctx, p, key)
        finding = _reserve_finding(key, n, current, o)
        breached = breached or finding.effect < 0
        yield finding
    if breached and _spans_cyclone_season(p, o):
        yield concern(
            "location.start_date",
            "The deployment spans the Pacific cyclone season (November to April) while the "
            "reserve for regional emergencies is breached.",
            -5,
            "Arrange how a Pacific disaster response would be met during the cyclone season.",
        )
    if p.location is not None and p.location.region == e.Region.PACIFIC:
        yield info(
            "location.region",
            "The operation is itself in the Pacific: it counts against the reserve but is a "
            "regional response in its own right.",
        )


def _reserve_finding(key: str, n: int, current: int | None, o: ReserveOptions) -> Finding:
    ceiling, reserve = o.ceiling(key), o.reserve(key)
    used = n + (current or 0)
    left = ceiling - used
    what = f"{n:,} proposed" + (f" plus {current:,} committed" if current is not None else "")
    msg = f"{LABEL[key]}: {what} leaves {left:,} of {ceiling:,} for a reserve of {reserve:,}."
    field = f"contribution.{key}.personnel"
    if left < reserve:
        return concern(
            field,
            msg + " Too little would remain at home for emergencies in our own region.",
            -12,
            f"Keep at least {reserve:,} {LABEL[key]} personnel available for Pacific emergencies.",
        )
    return supports(field, msg, 2)


def _spans_cyclone_season(p: Proposal, o: ReserveOptions) -> bool:
    span = period(p)
    if span is None:
        return False
    start, end = span
    month = dt.date(start.year, start.month, 1)
    while month <= end:
        if month.month in o.cyclone_months:
            return True
        month = add_months(month, 1)
    return False


# --------------------------------------------------------------------------- AGY-005


@rule(
    code="AGY-005",
    name="threat-force-protection",
    consideration=AGY,
    title="Force protection matches the threat to NZ personnel",
    rationale=(
        "Contributing countries owe their people protection proportionate to the threat; "
        "a high threat without adequate force protection puts lives at risk."
    ),
    reference=Reference(UN_PRINCIPLES, "", UN_PRINCIPLES_URL),
    severity=Severity.CRITICAL,
    reads=("risk.threat_level", "risk.threat_trend", "risk.force_protection.adequacy"),
    example="risk: {threat_level: high, force_protection: {adequacy: partial}}",
)
def threat_force_protection(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    risk = p.risk
    level = risk.threat_level if risk else None
    if risk is None or level is None:
        yield missing("risk.threat_level", "The threat to deployed personnel is not assessed.")
        return
    fp = risk.force_protection.adequacy if risk.force_protection else None
    yield from _protection(level, fp)
    if risk.threat_trend == e.Trend.DETERIORATING:
        yield concern(
            "risk.threat_trend",
            f"The threat ('{level}') is deteriorating.",
            -5,
            "Set triggers for reinforcing force protection or withdrawing if the threat grows.",
        )


def _protection(level: e.Level, fp: e.Adequacy | None) -> Iterator[Finding]:
    high = level in (e.Level.HIGH, e.Level.EXTREME)
    field = "risk.force_protection.adequacy"
    cond = "Provide force protection assessed as adequate for the threat before deployment."
    if fp is None:
        if high:
            yield missing(
                field,
                f"Force protection is not assessed against {article(level)} '{level}' threat.",
            )
        return
    msg = f"Threat is '{level}' and force protection is '{fp}'."
    if fp == e.Adequacy.ADEQUATE:
        yield supports(field, msg, 4)
    elif level == e.Level.EXTREME:
        yield concern(field, msg, -22, cond)
    elif high:
        yield concern(field, msg, -15 if fp == e.Adequacy.INADEQUATE else -10, cond)
    else:
        yield concern(field, msg, -5, cond)


# --------------------------------------------------------------------------- AGY-006


@rule(
    code="AGY-006",
    name="medical-evacuation",
    consideration=AGY,
    title="Medical care and casualty evacuation are arranged",
    rationale=(
        "Casualties must reach first aid, resuscitation and surgery within the UN's 10-1-2 "
        "timelines (10 minutes, 1 hour, 2 hours); without that, injuries become deaths."
    ),
    reference=Reference(
        "United Nations, Medical Support Manual for United Nations Field Missions (2015): "
        "casualty evacuation within the 10-1-2 timelines; United Nations Peacekeeping "
        "Operations: Principles and Guidelines (2008)"
    ),
    severity=Severity.MAJOR,
    reads=("risk.medical_evacuation.adequacy", "risk.threat_level"),
    example="risk: {medical_evacuation: {adequacy: inadequate}}",
)
def medical_evacuation(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    risk = p.risk
    level = risk.threat_level if risk else None
    med = risk.medical_evacuation.adequacy if risk and risk.medical_evacuation else None
    high = level in (e.Level.HIGH, e.Level.EXTREME)
    field = "risk.medical_evacuation.adequacy"
    if med is None:
        if high:
            yield missing(
                field,
                "Medical and evacuation arrangements are not assessed for "
                f"{article(level)} '{level}' threat.",
            )
        else:
            yield info(field, "Medical and evacuation arrangements are not assessed.")
        return
    msg = f"Medical care and evacuation are '{med}'" + (
        f" against {article(level)} '{level}' threat." if level else "."
    )
    cond = "Arrange medical support and casualty evacuation that meet the 10-1-2 timelines."
    if med == e.Adequacy.ADEQUATE:
        yield supports(field, msg, 4)
    elif med == e.Adequacy.PARTIAL:
        yield concern(field, msg, -10 if high else -5, cond)
    else:
        yield concern(field, msg, -15 if high else -12, cond)


# --------------------------------------------------------------------------- AGY-007


@rule(
    code="AGY-007",
    name="national-command",
    consideration=AGY,
    title="NZ keeps national command of its personnel",
    rationale=(
        "NZ personnel remain under the command of the Chief of Defence Force (or the "
        "Commissioner of Police); national command is what lets NZ apply caveats and withdraw."
    ),
    reference=Reference(
        "Defence Act 1990 (NZ): command of the Armed Forces by the Chief of Defence Force",
        "",
        "https://www.legislation.govt.nz/act/public/1990/0028/latest/whole.html",
    ),
    severity=Severity.MAJOR,
    reads=("risk.command.national_command_retained", "risk.command.caveats"),
    example="risk: {command: {national_command_retained: false}}",
)
def national_command(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    cmd = p.risk.command if p.risk else None
    field = "risk.command.national_command_retained"
    retained = cmd.national_command_retained if cmd else None
    if retained is None:
        yield missing(field, "Whether NZ keeps national command is not stated.")
    elif retained:
        yield supports(field, "NZ keeps national command of its personnel.", 4)
    else:
        yield concern(
            field,
            "NZ would not keep national command of its personnel.",
            -12,
            "Secure national command of NZ personnel before committing them.",
        )
    if cmd is not None and cmd.caveats:
        yield info("risk.command.caveats", "National caveats: " + "; ".join(cmd.caveats) + ".")


# --------------------------------------------------------------------------- AGY-008


@rule(
    code="AGY-008",
    name="cost-and-funding",
    consideration=AGY,
    title="The cost to each agency is estimated and funded",
    rationale=(
        "Advice to government on how NZ could best contribute must say what it costs and "
        "who pays; an unfunded contribution comes out of the agency's other work."
    ),
    reference=Reference(
        MFAT,
        "We advise our government on how New Zealand could best contribute to peace support "
        "operations.",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=(
        "contribution.nzdf.cost_nzd",
        "contribution.nzdf.funding_source",
        "contribution.police.cost_nzd",
        "contribution.police.funding_source",
        "contribution.mfat.cost_nzd",
        "contribution.mfat.funding_source",
        "contribution.other",
    ),
    options=CostOptions,
    example="contribution: {nzdf: {cost_nzd: 40000000, funding_source: null}}",
)
def cost_and_funding(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    o = _opts(ctx, CostOptions)
    agencies = _all_agencies(p)
    if not agencies:
        return
    findings = [f for label, path, a in agencies for f in _agency_cost(label, path, a)]
    yield from findings
    total = sum(a.cost_nzd or 0 for _, _, a in agencies)
    msg = f"Total estimated cost across agencies is NZD {total:,.0f}."
    if total > o.max_total_cost_nzd:
        yield concern(
            "contribution",
            msg + f" That is above NZD {o.max_total_cost_nzd:,.0f}.",
            -5,
            "Confirm Cabinet agreement to the total cost and how it will be met.",
        )
    elif not findings and total > 0:
        yield supports("contribution", msg + " Every agency's cost has a funding source.", 3)


def _agency_cost(label: str, path: str, a: AgencyContribution) -> Iterator[Finding]:
    if a.cost_nzd is None:
        if a.personnel or a.assets:
            yield missing(
                f"{path}.cost_nzd", f"The cost of the {label} contribution is not stated."
            )
    elif a.cost_nzd > 0 and a.funding_source is None:
        yield concern(
            f"{path}.cost_nzd",
            f"The {label} contribution costs NZD {a.cost_nzd:,.0f} with no funding source.",
            -5,
            f"Identify the funding source for the {label} contribution.",
        )


# --------------------------------------------------------------------------- AGY-009


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
    severity=Severity.MAJOR,
    reads=(
        "identity.operation_type",
        "identity.summary",
        "strategic.objectives",
        "contribution.police",
    ),
    options=PolicingOptions,
    example="identity: {operation_type: police-assistance}\ncontribution: {police: null}",
)
def police_for_policing(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    o = _opts(ctx, PolicingOptions)
    why = _policing_reason(p, o.keywords)
    if why is None:
        return
    police = _agency(p, "police")
    if police is not None and police.personnel != 0:
        msg = f"The task is policing ({why}) and NZ Police contribute."
        yield supports("contribution.police", msg, 4)
        return
    yield concern(
        "contribution.police" if police is not None else "contribution",
        f"The task is policing ({why}) but there is no NZ Police contribution.",
        -10,
        "Include an NZ Police contribution, or explain why police are not needed.",
    )


def _policing_reason(p: Proposal, keywords: Sequence[str]) -> str | None:
    """Why the task is policing, if it is. A regional assistance mission is not policing
    by its type alone (it may monitor a truce or deliver relief); its summary or
    objectives must say so."""
    op = p.identity.operation_type
    if op == e.OperationType.POLICE_ASSISTANCE:
        return f"operation type '{op}'"
    texts = [p.identity.summary or ""] + (list(p.strategic.objectives) if p.strategic else [])
    for text in texts:
        low = text.lower()
        for word in keywords:
            if word in low:
                return f"'{word}' in '{text}'"
    return None


# --------------------------------------------------------------------------- AGY-010


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
    agencies = [(lb, path, a) for lb, path, a in _all_agencies(p) if a.personnel != 0]
    if not agencies:
        return
    gaps = [(lb, path) for lb, path, a in agencies if not a.roles]
    for label, path in gaps:
        yield concern(
            f"{path}.roles",
            f"The {label} contribution has no defined roles.",
            -5,
            f"Define the roles and tasks of the {label} contribution.",
        )
    if not gaps:
        names = ", ".join(lb for lb, _, _ in agencies)
        yield supports("contribution", f"Roles are defined for every agency ({names}).", 2)


# --------------------------------------------------------------------------- AGY-011


@rule(
    code="AGY-011",
    name="mfat-political-lead",
    consideration=AGY,
    title="MFAT takes part to lead the political track of a regional mission",
    rationale=(
        "Regional missions are political as much as operational; MFAT officials in theatre "
        "keep NZ's contribution tied to the diplomatic process and the regional bodies."
    ),
    reference=Reference(
        MFAT,
        "MFAT's role is to work with the UN and other coalitions to assess peace support "
        "needs and develop policies and practices.",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=(
        "location.region",
        "leadership.arrangement",
        "identity.operation_type",
        "contribution.mfat",
    ),
    example="location: {region: pacific}\ncontribution: {mfat: null}",
)
def mfat_political_lead(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if not _is_regional(p) or p.contribution is None:
        return
    mfat = p.contribution.mfat
    if mfat is not None and mfat.personnel != 0:
        yield supports("contribution.mfat", "MFAT contributes to this regional mission.", 2)
        return
    yield concern(
        "contribution.mfat" if mfat is not None else "contribution",
        "This is a regional mission with no MFAT contribution to lead the political track.",
        -5,
        "Include MFAT officials to lead NZ's political and diplomatic engagement.",
    )


def _is_regional(p: Proposal) -> bool:
    if p.location is not None and p.location.region == e.Region.PACIFIC:
        return True
    if p.leadership is not None and p.leadership.arrangement == e.Arrangement.REGIONAL_ORGANISATION:
        return True
    return p.identity.operation_type == e.OperationType.REGIONAL_ASSISTANCE


# --------------------------------------------------------------------------- AGY-012


@rule(
    code="AGY-012",
    name="review-intervals",
    consideration=AGY,
    title="The commitment is reviewed at regular intervals",
    rationale=(
        "A commitment that runs without review drifts from its purpose and wears out the "
        "agencies; regular reviews let NZ adjust, rotate or withdraw."
    ),
    reference=Reference(
        MFAT,
        "New Zealand is working to take a more proactive and strategic approach to our "
        "peacekeeping activities.",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=("location.start_date", "location.duration_months", "location.review_dates"),
    options=ReviewOptions,
    example="location: {duration_months: 36, review_dates: []}",
)
def review_intervals(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if p.location is None or not p.location.review_dates:
        return  # no reviews at all is STR-014's concern; counting it here would count it twice
    o = _opts(ctx, ReviewOptions)
    span = period(p)
    if span is None:
        yield from _missing_period(p)
        return
    start, end = span
    reviews = sorted(p.location.review_dates)
    outside = [d for d in reviews if not start <= d <= end]
    if outside:
        dates = ", ".join(d.isoformat() for d in outside)
        yield info("location.review_dates", f"Review dates outside the commitment period: {dates}.")
    points = [start, *[d for d in reviews if start <= d <= end], end]
    gap = max((b - a).days for a, b in itertools.pairwise(points))
    months = gap / (365.25 / 12)
    msg = f"The longest interval without a review is about {months:.0f} months."
    if months > o.max_review_interval_months + 0.5:
        yield concern(
            "location.review_dates",
            msg,
            -5,
            f"Schedule reviews at least every {o.max_review_interval_months} months.",
        )
    else:
        yield supports("location.review_dates", msg, 2)


RULES: list[Rule] = [
    agency_capacity,
    rotation_sustainability,
    concurrent_commitments,
    pacific_reserve,
    threat_force_protection,
    medical_evacuation,
    national_command,
    cost_and_funding,
    police_for_policing,
    agency_roles,
    mfat_political_lead,
    review_intervals,
]
