"""Strategic rules: the first consideration of the MFAT policy text.

Before engaging, New Zealand weighs "strategic implications of the operation, including
its effect on our security, our relationships with other countries, and the humanitarian
situation", against the reasons it gives for taking part at all (a rules-based order,
security, trade) and its regional focus. These rules turn each of those into a located,
explained finding. STR-001 is a gate: the policy takes part only in operations led by the
United Nations or involving a group of coalition partners.

Scoring follows the shared conventions: supports +3..+5, minor concern -5, major -10..-15,
blocker -50 for the gate only; a fact the proposal does not state is reported as missing
and never scored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from pso_cli.model.enums import Arrangement, Backing, Effect, RelationshipEffect
from pso_cli.model.enums import Severity as HumSeverity
from pso_cli.model.proposal import Proposal, Rated, Strategic
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
from pso_cli.rules.builtin.common import MFAT, MFAT_URL, add_months

BRAHIMI = Reference(
    source=(
        "Report of the Panel on United Nations Peace Operations (Brahimi report, 2000): "
        "clear, credible and achievable mandates"
    ),
    url="https://peacekeeping.un.org/en/report-of-panel-united-nations-peace-operations",
)
STRATEGIC_PASSAGE = (
    "strategic implications of the operation, including its effect on our security, "
    "our relationships with other countries, and the humanitarian situation"
)
S = Consideration.STRATEGIC
NZ_NAMES = {"new zealand", "nz", "aotearoa", "aotearoa new zealand"}
MILITARY_TYPES = {"enforcement", "un-peacekeeping", "regional-assistance", "maritime-security"}


def _strategic(p: Proposal) -> Strategic | None:
    return p.strategic


def _rated_effect(rated: Rated | None) -> Effect | None:
    return rated.effect if rated is not None else None


def _arrangement(p: Proposal) -> Arrangement | None:
    return p.leadership.arrangement if p.leadership is not None else None


def _partners(p: Proposal) -> list[str]:
    """Distinct partner nations; New Zealand and the host itself are not partners."""
    if p.leadership is None:
        return []
    host = p.location.host if p.location else None
    seen: dict[str, str] = {}
    for name in p.leadership.partners or []:
        key = " ".join(name.lower().split())
        if key not in NZ_NAMES and not (host and _same_party(name, host)):
            seen.setdefault(key, name)
    return list(seen.values())


def _same_party(a: str, b: str) -> bool:
    x, y = " ".join(a.lower().split()), " ".join(b.lower().split())
    return x == y or x in y or y in x


def _rated_check(
    field: str,
    effect: Effect | None,
    what: str,
    points: tuple[float, float],
    condition: str | None = None,
) -> Iterator[Finding]:
    """Shared judgement of a Rated interest: advances supports, harms is a concern."""
    good, bad = points
    if effect is None:
        yield missing(field, f"The proposal does not say how the operation affects {what}.")
    elif effect is Effect.ADVANCES:
        yield supports(field, f"The operation is assessed to advance {what}.", good)
    elif effect is Effect.HARMS:
        yield concern(field, f"The operation is assessed to harm {what}.", bad, condition)
    else:
        yield info(field, f"The operation is assessed to be neutral for {what}.")


# --- STR-001 -----------------------------------------------------------------------------


class PartnersOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_partners: int = Field(
        1,
        ge=1,
        le=50,
        description="Partner nations needed besides NZ. One suffices: NZ and one partner "
        "already form a coalition, and the policy counts joint two-nation deployments "
        "among the operations it has taken part in.",
    )


def _few_partners(arr: Arrangement, partners: list[str], need: int) -> Finding:
    listed = ", ".join(partners) if partners else "none"
    return blocker(
        "leadership.partners",
        f"The operation is '{arr.value}' with {len(partners)} partner nation(s) listed "
        f"({listed}); policy requires UN leadership or a group of coalition partners "
        f"(at least {need}).",
    )


@rule(
    code="STR-001",
    name="un-led-or-coalition",
    consideration=S,
    title="The operation is UN-led or involves a group of coalition partners",
    rationale=(
        "New Zealand policy is to take part only in operations led by the United Nations or "
        "involving a group of coalition partners. An operation that is neither is outside "
        "policy, whatever its other merits."
    ),
    reference=Reference(
        source=MFAT,
        passage=(
            "All operations we take part in are either led by the United Nations or "
            "involve a group of coalition partners"
        ),
        url=MFAT_URL,
    ),
    severity=Severity.CRITICAL,
    reads=("leadership.arrangement", "leadership.partners"),
    options=PartnersOptions,
    gate=True,
    example="leadership: {arrangement: nz-led, partners: []}",
)
def un_led_or_coalition(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    opts = ctx.options
    assert isinstance(opts, PartnersOptions)
    arr = _arrangement(p)
    if arr is None:
        yield missing("leadership.arrangement", "The proposal does not say who leads it.")
        return
    if arr is Arrangement.UN_LED:
        yield supports("leadership.arrangement", "The operation is led by the United Nations.", 3)
        return
    partners = _partners(p)
    multilateral = arr in (Arrangement.COALITION, Arrangement.REGIONAL_ORGANISATION)
    stated = p.leadership is not None and p.leadership.partners is not None
    if multilateral and not stated:
        yield missing(
            "leadership.partners",
            f"The operation is '{arr.value}' but lists no partner nations; "
            "the coalition cannot be confirmed.",
        )
    elif len(partners) >= opts.min_partners:
        yield supports(
            "leadership.partners",
            f"The operation is '{arr.value}' with {len(partners)} partner nations.",
            3,
        )
    else:
        yield _few_partners(arr, partners, opts.min_partners)


# --- STR-002 -----------------------------------------------------------------------------


@rule(
    code="STR-002",
    name="nz-security-effect",
    consideration=S,
    title="Effect of the operation on New Zealand's security",
    rationale=(
        "Advancing New Zealand's own security and the safety of New Zealanders is one of the "
        "three reasons the policy gives for taking part. An operation that harms it weighs "
        "heavily against."
    ),
    reference=Reference(
        source=MFAT,
        passage="advance our own security interests and the safety of New Zealanders",
        url=MFAT_URL,
    ),
    severity=Severity.MAJOR,
    reads=("strategic.nz_security.effect",),
    example="strategic: {nz_security: {effect: harms}}",
)
def nz_security_effect(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = _strategic(p)
    effect = _rated_effect(s.nz_security if s else None)
    yield from _rated_check(
        "strategic.nz_security.effect", effect, "New Zealand's security", (5, 15)
    )


# --- STR-003 -----------------------------------------------------------------------------


def _relationship_findings(s: Strategic) -> Iterator[Finding]:
    strengthens: list[str] = []
    for i, rel in enumerate(s.relationships):
        field = f"strategic.relationships[{i}].effect"
        if rel.effect is RelationshipEffect.STRAINS:
            why = f" ({rel.why})" if rel.why else ""
            yield concern(
                field, f"The operation would strain the relationship with {rel.party}{why}.", 10
            )
        elif rel.effect is RelationshipEffect.STRENGTHENS:
            strengthens.append(rel.party)
        elif rel.effect is None:
            yield missing(field, f"The effect on the relationship with {rel.party} is not stated.")
    if strengthens:
        yield supports(
            "strategic.relationships",
            f"The operation would strengthen relationships with {', '.join(strengthens)}.",
            3,
        )


@rule(
    code="STR-003",
    name="relationship-effects",
    consideration=S,
    title="Effect of the operation on New Zealand's relationships with other countries",
    rationale=(
        "The policy weighs each operation's effect on New Zealand's relationships with other "
        "countries. Strengthening ties with partners, the host and the region counts in "
        "favour; straining a relationship is a cost to be weighed."
    ),
    reference=Reference(source=MFAT, passage=STRATEGIC_PASSAGE, url=MFAT_URL),
    severity=Severity.MAJOR,
    reads=("strategic.relationships",),
    example="strategic: {relationships: [{party: Neighbourland, effect: strains}]}",
)
def relationship_effects(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = _strategic(p)
    if s is None or not s.relationships:
        yield missing(
            "strategic.relationships",
            "The proposal lists no effects on New Zealand's relationships with other countries.",
        )
        return
    yield from _relationship_findings(s)


# --- STR-004 -----------------------------------------------------------------------------


@rule(
    code="STR-004",
    name="host-relationship-stated",
    consideration=S,
    title="The relationship with the host country is assessed",
    rationale=(
        "The host is the country whose relationship with New Zealand an operation affects "
        "most directly. An assessment of relationships that leaves out the host is incomplete."
    ),
    reference=Reference(source=MFAT, passage=STRATEGIC_PASSAGE, url=MFAT_URL),
    severity=Severity.MINOR,
    reads=("location.host", "strategic.relationships"),
    example=(
        "location: {host: Testland}\n"
        "strategic: {relationships: [{party: Partnerland, effect: strengthens}]}"
    ),
)
def host_relationship_stated(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = _strategic(p)
    host = p.location.host if p.location else None
    if host is None or s is None or not s.relationships:
        return  # nothing to compare; STR-003 reports an empty list
    if not any(_same_party(host, rel.party) for rel in s.relationships):
        yield missing(
            "strategic.relationships",
            f"The relationships listed do not include the host country, {host}.",
        )


# --- STR-005 -----------------------------------------------------------------------------


def _is_military(p: Proposal) -> bool:
    nzdf = p.contribution.nzdf if p.contribution else None
    if nzdf is not None and nzdf.personnel is not None:
        return nzdf.personnel > 0
    op = p.identity.operation_type
    return op is not None and op.value in MILITARY_TYPES


def _severity_points(sev: HumSeverity, at_risk: bool) -> float:
    base = {HumSeverity.CATASTROPHIC: 4.0, HumSeverity.SEVERE: 3.0, HumSeverity.MODERATE: 0.0}
    return base.get(sev, 0.0) + (1.0 if at_risk else 0.0)


@rule(
    code="STR-005",
    name="humanitarian-need",
    consideration=S,
    title="Severity of the humanitarian situation",
    rationale=(
        "The humanitarian situation is one of the strategic implications the policy weighs. "
        "Severe need and civilians at risk strengthen the case for deploying; a military "
        "deployment to a situation of low need is harder to justify."
    ),
    reference=Reference(source=MFAT, passage=STRATEGIC_PASSAGE, url=MFAT_URL),
    severity=Severity.MAJOR,
    reads=(
        "strategic.humanitarian.severity",
        "strategic.humanitarian.civilians_at_risk",
        "contribution.nzdf.personnel",
        "identity.operation_type",
    ),
    example="strategic: {humanitarian: {severity: low, civilians_at_risk: false}}",
)
def humanitarian_need(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = _strategic(p)
    hum = s.humanitarian if s else None
    field = "strategic.humanitarian.severity"
    if hum is None or hum.severity is None:
        yield missing(field, "The proposal does not assess the humanitarian situation.")
        return
    sev, at_risk = hum.severity, hum.civilians_at_risk is True
    risk = " with civilians at risk of violence" if at_risk else ""
    points = _severity_points(sev, at_risk)
    if points >= 3:
        yield supports(field, f"The humanitarian situation is '{sev.value}'{risk}.", points)
    elif sev is HumSeverity.LOW and not at_risk and _is_military(p):
        yield concern(
            field,
            "The humanitarian situation is 'low' and civilians are not at risk, yet the "
            "proposal is a military deployment.",
            5,
        )
    else:
        yield info(field, f"The humanitarian situation is '{sev.value}'{risk}.")


# --- STR-006 -----------------------------------------------------------------------------

RBO = Reference(
    source=MFAT,
    passage="support the maintenance of a rules-based international order",
    url=MFAT_URL,
)


@rule(
    code="STR-006",
    name="rules-based-order",
    consideration=S,
    title="Contribution to a rules-based international order",
    rationale=(
        "Supporting the maintenance of a rules-based international order is the first reason "
        "the policy gives for taking part in peace support operations."
    ),
    reference=RBO,
    severity=Severity.MAJOR,
    reads=("strategic.rules_based_order.effect",),
    example="strategic: {rules_based_order: {effect: harms}}",
)
def rules_based_order(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = _strategic(p)
    effect = _rated_effect(s.rules_based_order if s else None)
    yield from _rated_check(
        "strategic.rules_based_order.effect",
        effect,
        "the rules-based international order",
        (3, 15),
    )


# --- STR-007 -----------------------------------------------------------------------------


@rule(
    code="STR-007",
    name="unauthorised-unilateral-action",
    consideration=S,
    title="A national or bilateral operation without UN or regional authorisation",
    rationale=(
        "An operation led by one or two states without Security Council or regional "
        "authorisation sets a precedent for unilateral action and erodes the rules-based "
        "order the policy sets out to support."
    ),
    reference=RBO,
    severity=Severity.MAJOR,
    reads=(
        "leadership.arrangement",
        "legal_basis.security_council",
        "legal_basis.regional_authorisation",
    ),
    example=(
        "leadership: {arrangement: bilateral}\n"
        "legal_basis: {security_council: [], regional_authorisation: null}"
    ),
)
def unauthorised_unilateral(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    arr = _arrangement(p)
    if arr not in (Arrangement.NZ_LED, Arrangement.BILATERAL):
        return
    assert arr is not None
    lb = p.legal_basis
    if lb is None:
        yield missing(
            "legal_basis.security_council",
            f"The operation is '{arr.value}' and the proposal states no legal basis, so "
            "whether it is authorised is unknown.",
        )
        return
    if not lb.security_council and lb.regional_authorisation is None:
        yield concern(
            "leadership.arrangement",
            f"The operation is '{arr.value}' with neither a Security Council resolution nor "
            "a regional authorisation.",
            10,
            condition="Seek Security Council or regional authorisation before deployment.",
        )


# --- STR-008 -----------------------------------------------------------------------------


@rule(
    code="STR-008",
    name="economic-and-trade-interests",
    consideration=S,
    title="Effect on New Zealand's economic and trade interests",
    rationale=(
        "Protecting New Zealand's economic and trade interests is one of the reasons the "
        "policy gives for taking part. It weighs less than security or the international "
        "order, so its effect here is small."
    ),
    reference=Reference(
        source=MFAT, passage="protect our economic and trade interests", url=MFAT_URL
    ),
    severity=Severity.MINOR,
    reads=("strategic.economic_interests.effect",),
    example="strategic: {economic_interests: {effect: harms}}",
)
def economic_interests(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = _strategic(p)
    effect = _rated_effect(s.economic_interests if s else None)
    yield from _rated_check(
        "strategic.economic_interests.effect",
        effect,
        "New Zealand's economic and trade interests",
        (3, 5),
    )


# --- STR-009 -----------------------------------------------------------------------------


@rule(
    code="STR-009",
    name="regional-priority",
    consideration=S,
    title="The operation is in New Zealand's priority region",
    rationale=(
        "The policy focuses New Zealand's peace efforts on the Pacific and its conflict "
        "prevention work on the Asia-Pacific. Operations elsewhere are not excluded, but draw "
        "on capacity the policy wants kept for the region."
    ),
    reference=Reference(
        source=MFAT, passage="Our peace efforts are focused on the Pacific", url=MFAT_URL
    ),
    severity=Severity.MINOR,
    reads=("location.region",),
    example="location: {region: pacific}",
)
def regional_priority(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    region = p.location.region if p.location else None
    field = "location.region"
    if region is None:
        yield missing(field, "The proposal does not say in which region the operation is.")
    elif region.value == "pacific":
        yield supports(field, "The operation is in the Pacific, the policy's focus.", 4)
    elif region.value == "asia":
        yield supports(
            field, "The operation is in Asia, part of the Asia-Pacific the policy names.", 3
        )
    else:
        yield info(
            field,
            f"The operation is in '{region.value}', outside the Pacific and Asia-Pacific "
            "focus of the policy.",
        )


# --- STR-010 -----------------------------------------------------------------------------

REGIONAL = Reference(
    source=MFAT,
    passage="Regional solutions to conflict situations are often the most effective",
    url=MFAT_URL,
)


@rule(
    code="STR-010",
    name="regional-backing",
    consideration=S,
    title="Backing from regional states and bodies",
    rationale=(
        "The policy holds that regional solutions are often the most effective. An operation "
        "the region backs is more likely to succeed; one the region opposes is unlikely to."
    ),
    reference=REGIONAL,
    severity=Severity.MAJOR,
    reads=("strategic.regional_backing.level", "strategic.regional_backing.bodies"),
    example="strategic: {regional_backing: {level: opposed}}",
)
def regional_backing(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = _strategic(p)
    rb = s.regional_backing if s else None
    field = "strategic.regional_backing.level"
    if rb is None or rb.level is None:
        yield missing(field, "The proposal does not say whether the region backs the operation.")
        return
    bodies = f" ({', '.join(rb.bodies)})" if rb.bodies else ""
    level = rb.level
    if level is Backing.STRONG:
        yield supports(field, f"Regional backing is strong{bodies}.", 4)
    elif level is Backing.SOME:
        yield supports(field, f"There is some regional backing{bodies}.", 3)
    elif level is Backing.NONE:
        yield concern(
            field,
            "The operation has no regional backing.",
            5,
            condition="Seek the backing of regional states and bodies before deployment.",
        )
    else:
        yield concern(field, f"Regional states or bodies oppose the operation{bodies}.", 15)


# --- STR-011 -----------------------------------------------------------------------------


@rule(
    code="STR-011",
    name="regionally-led",
    consideration=S,
    title="The operation is led by a regional organisation",
    rationale=(
        "A regionally led operation is the regional solution the policy prefers, and the kind "
        "of operation in which New Zealand has played its largest recent roles."
    ),
    reference=REGIONAL,
    severity=Severity.MINOR,
    reads=("leadership.arrangement", "leadership.lead"),
    example="leadership: {arrangement: regional-organisation}",
)
def regionally_led(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    if _arrangement(p) is Arrangement.REGIONAL_ORGANISATION:
        lead = p.leadership.lead if p.leadership else None
        by = f" ({lead})" if lead else ""
        yield supports(
            "leadership.arrangement", f"The operation is led by a regional organisation{by}.", 3
        )


# --- STR-012 -----------------------------------------------------------------------------


@rule(
    code="STR-012",
    name="objectives-and-end-state",
    consideration=S,
    title="Clear objectives and a defined end state",
    rationale=(
        "A mission without clear objectives and an end state cannot be judged achievable, and "
        "tends to drift. Clear, credible and achievable mandates are a precondition of success."
    ),
    reference=BRAHIMI,
    severity=Severity.MAJOR,
    reads=("strategic.objectives", "strategic.end_state"),
    example="strategic: {objectives: [], end_state: null}",
)
def objectives_and_end_state(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = _strategic(p)
    if s is None:
        yield missing("strategic.objectives", "The proposal has no strategic section.")
        return
    if not s.objectives:
        yield concern(
            "strategic.objectives",
            "The proposal states no objectives for New Zealand's contribution.",
            10,
            condition="Define clear, achievable objectives before deployment.",
        )
    if s.end_state is None:
        yield concern(
            "strategic.end_state",
            "The proposal defines no end state that would end the mission.",
            5,
            condition="Define the end state that ends the mission before deployment.",
        )
    if s.objectives and s.end_state is not None:
        yield supports(
            "strategic.objectives",
            f"The proposal states {len(s.objectives)} objective(s) and an end state.",
            3,
        )


# --- STR-013 -----------------------------------------------------------------------------


@rule(
    code="STR-013",
    name="exit-strategy",
    consideration=S,
    title="An exit strategy is agreed",
    rationale=(
        "Without an agreed exit strategy a commitment is open-ended: New Zealand cannot tell "
        "when it has succeeded or when to withdraw."
    ),
    reference=BRAHIMI,
    severity=Severity.MAJOR,
    reads=("strategic.exit_strategy",),
    example="strategic: {exit_strategy: null}",
)
def exit_strategy(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    s = _strategic(p)
    field = "strategic.exit_strategy"
    if s is None:
        yield missing(field, "The proposal has no strategic section.")
    elif s.exit_strategy is None:
        yield concern(
            field,
            "The proposal has no exit strategy.",
            10,
            condition="Agree an exit strategy with benchmarks before deployment.",
        )
    else:
        yield supports(field, "The proposal sets out an exit strategy.", 3)


# --- STR-014 -----------------------------------------------------------------------------


class ReviewOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_interval_months: int = Field(
        12, ge=1, le=120, description="Longest acceptable time between reviews."
    )


def _review_problems(start: dt.date, end: dt.date, dates: list[dt.date], gap: int) -> list[str]:
    problems = [f"{d} is after the commitment ends on {end}" for d in dates if d > end]
    problems += [f"{d} is before the start on {start}" for d in dates if d < start]
    inside = sorted(d for d in dates if start <= d <= end)
    points = [start, *inside]
    for a, b in zip(points, [*inside, end], strict=True):
        if b > add_months(a, gap):
            problems.append(f"{a} to {b} passes with no review (longer than {gap} months)")
    return problems


@rule(
    code="STR-014",
    name="review-dates",
    consideration=S,
    title="The commitment is reviewed at set dates within its duration",
    rationale=(
        "Set review dates let New Zealand check progress against objectives and decide "
        "whether to continue, adjust or withdraw, instead of drifting into an open-ended "
        "commitment."
    ),
    reference=BRAHIMI,
    severity=Severity.MINOR,
    reads=("location.review_dates", "location.start_date", "location.duration_months"),
    options=ReviewOptions,
    example="location: {start_date: 2030-07-01, duration_months: 24, review_dates: []}",
)
def review_dates(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    opts = ctx.options
    assert isinstance(opts, ReviewOptions)
    loc = p.location
    field = "location.review_dates"
    if loc is None or not loc.review_dates:
        yield concern(
            field,
            "The proposal sets no dates at which the commitment is reviewed.",
            5,
            condition="Set review dates within the commitment period before deployment.",
        )
        return
    if loc.start_date is None or loc.duration_months is None:
        gap = "location.start_date" if loc.start_date is None else "location.duration_months"
        yield missing(gap, "Review dates cannot be checked without a start date and duration.")
        return
    end = add_months(loc.start_date, loc.duration_months)
    problems = _review_problems(
        loc.start_date, end, list(loc.review_dates), opts.max_interval_months
    )
    if problems:
        yield concern(
            field,
            "Review dates do not cover the commitment: " + "; ".join(problems) + ".",
            5,
            condition="Set review dates within the commitment period before deployment.",
        )
    else:
        yield supports(
            field, f"{len(loc.review_dates)} review date(s) fall within the commitment.", 3
        )


# --- STR-015 -----------------------------------------------------------------------------


@rule(
    code="STR-015",
    name="distant-conflict-security",
    consideration=S,
    title="Security relevance of a conflict outside the Asia-Pacific",
    rationale=(
        "The policy recognises that, with terrorism a major threat, distant conflicts can "
        "bear on New Zealand's own security. For an operation outside the Asia-Pacific, the "
        "security case should be made explicitly."
    ),
    reference=Reference(
        source=MFAT,
        passage=(
            "conflicts on the 'other side of the world' are now more relevant to our own security"
        ),
        url=MFAT_URL,
    ),
    severity=Severity.INFO,
    reads=("location.region", "strategic.nz_security.effect", "strategic.nz_security.rationale"),
    example="location: {region: middle-east}\nstrategic: {nz_security: {effect: advances}}",
)
def distant_conflict_security(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    region = p.location.region if p.location else None
    if region is None or region.value in ("pacific", "asia"):
        return
    s = _strategic(p)
    sec = s.nz_security if s else None
    field = "strategic.nz_security"
    if sec is not None and sec.effect is Effect.ADVANCES:
        why = f": {sec.rationale}" if sec.rationale else ""
        yield info(
            field,
            f"The conflict is distant ('{region.value}') but assessed to bear on New "
            f"Zealand's security{why}.",
        )
    else:
        yield info(
            field,
            f"The conflict is distant ('{region.value}') and no security benefit to New "
            "Zealand is claimed; the case rests on other interests.",
        )


RULES: list[Rule] = [
    un_led_or_coalition,
    nz_security_effect,
    relationship_effects,
    host_relationship_stated,
    humanitarian_need,
    rules_based_order,
    unauthorised_unilateral,
    economic_interests,
    regional_priority,
    regional_backing,
    regionally_led,
    objectives_and_end_state,
    exit_strategy,
    review_dates,
    distant_conflict_security,
]
