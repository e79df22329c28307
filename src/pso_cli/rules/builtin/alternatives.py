"""Alternative options: could New Zealand help the country in other ways?

The MFAT policy's fourth consideration asks whether deploying is necessary at all: a
contribution is better founded when non-deployment options (aid, diplomacy, funding,
sanctions, capacity building) and smaller or training contributions were assessed and
found not to meet the objective. These rules read only `alternatives`, the operation's
type and size, and the leadership arrangement; they never judge the alternatives' merits
beyond what the proposal itself states.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel, ConfigDict

from pso_cli.model import enums as e
from pso_cli.model.proposal import AgencyContribution, Alternative, Proposal
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
from pso_cli.rules.builtin.common import CHARTER_URL, MFAT, MFAT_URL

ALT = Consideration.ALTERNATIVES
ICISS = (
    "ICISS, The Responsibility to Protect (2001), precautionary principles: right intention,"
    " last resort, proportional means, reasonable prospects"
)

NON_DEPLOYMENT = frozenset(
    {
        e.AlternativeType.DEVELOPMENT_ASSISTANCE,
        e.AlternativeType.HUMANITARIAN_FUNDING,
        e.AlternativeType.DIPLOMACY,
        e.AlternativeType.FUNDING_MECHANISMS,
        e.AlternativeType.SANCTIONS,
        e.AlternativeType.POLICE_CAPACITY_BUILDING,
    }
)
VIABLE = frozenset({e.Feasibility.HIGH, e.Feasibility.MEDIUM})
TRAINING_WORDS = ("train", "mentor", "capacity")


class SizeOptions(BaseModel):
    """When a contribution counts as large (total personnel at any one time)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    large_contribution_personnel: int = 100


# ---------------------------------------------------------------- helpers


def _agencies(p: Proposal) -> list[AgencyContribution]:
    c = p.contribution
    if c is None:
        return []
    named = [a for a in (c.nzdf, c.police, c.mfat) if a is not None]
    return [*named, *c.other]


def _personnel(p: Proposal) -> int | None:
    counts = [a.personnel for a in _agencies(p) if a.personnel is not None]
    return sum(counts) if counts else None


def _is_large(p: Proposal, ctx: RuleContext) -> bool:
    opts = ctx.options
    assert isinstance(opts, SizeOptions)
    total = _personnel(p)
    return total is not None and total > opts.large_contribution_personnel


def _indexed(p: Proposal) -> list[tuple[int, Alternative]]:
    return list(enumerate(p.alternatives or []))


def _first_of(p: Proposal, kind: e.AlternativeType) -> tuple[int, Alternative] | None:
    return next(((i, a) for i, a in _indexed(p) if a.type == kind), None)


def _viable_meets(alt: Alternative) -> bool:
    return alt.expected_effect == e.AlternativeEffect.MEETS and alt.feasibility in VIABLE


def _op_type(p: Proposal) -> e.OperationType | None:
    return p.identity.operation_type


def _at(i: int, leaf: str = "") -> str:
    return f"alternatives[{i}]" + (f".{leaf}" if leaf else "")


# ---------------------------------------------------------------- ALT-001


@rule(
    code="ALT-001",
    name="alternatives-considered",
    consideration=ALT,
    title="Alternatives to deploying were considered",
    rationale=(
        "The policy asks, before any deployment, whether New Zealand can help in other ways."
        " A proposal that assessed no alternative cannot show that deploying is the best way"
        " to help."
    ),
    reference=Reference(
        MFAT,
        "alternative options and whether New Zealand can help the fragile or post-conflict"
        " country in other ways",
        MFAT_URL,
    ),
    severity=Severity.MAJOR,
    reads=("alternatives", "alternatives[].type"),
    example="alternatives: []",
)
def alternatives_considered(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    alts = p.alternatives
    if alts is None:
        yield missing("alternatives", "The proposal does not say which alternatives were assessed.")
        return
    if not alts:
        yield concern(
            "alternatives",
            "The proposal states that no alternative to deploying was considered.",
            -12,
            condition="Assess non-deployment alternatives before a decision.",
        )
        return
    kinds = sorted({a.type.value for a in alts})
    effect = 10 if len(kinds) >= 3 else 5
    yield supports(
        "alternatives",
        f"{len(alts)} alternative(s) of {len(kinds)} kind(s) were assessed: {', '.join(kinds)}.",
        effect,
    )


# ---------------------------------------------------------------- ALT-002


def _skip_for_alt008(p: Proposal, alt: Alternative) -> bool:
    """Humanitarian funding on a humanitarian mission is judged by ALT-008 instead."""
    return (
        _op_type(p) == e.OperationType.HUMANITARIAN
        and alt.type == e.AlternativeType.HUMANITARIAN_FUNDING
    )


@rule(
    code="ALT-002",
    name="non-deployment-option-meets-objective",
    consideration=ALT,
    title="No feasible non-deployment option would meet the objective",
    rationale=(
        "If aid, diplomacy, funding, sanctions or police capacity building would meet the"
        " objective and is feasible, deployment may not be necessary: force should be a"
        " last resort."
    ),
    reference=Reference(
        ICISS,
        "Last resort: military intervention can only be justified when every non-military"
        " option for the prevention or peaceful resolution of the crisis has been explored,"
        " with reasonable grounds for believing lesser measures would not have succeeded.",
    ),
    severity=Severity.MAJOR,
    reads=("alternatives[].type", "alternatives[].feasibility", "alternatives[].expected_effect"),
    example="alternatives:\n  - {type: diplomacy, feasibility: high, expected_effect: meets}",
)
def non_deployment_meets(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    judged = [
        (i, a)
        for i, a in _indexed(p)
        if a.type in NON_DEPLOYMENT and a.expected_effect is not None and not _skip_for_alt008(p, a)
    ]
    meeting = [(i, a) for i, a in judged if _viable_meets(a)]
    if meeting:
        i, alt = meeting[0]
        kinds = ", ".join(a.type.value for _, a in meeting)
        yield concern(
            _at(i, "expected_effect"),
            f"The proposal assesses a feasible non-deployment option ({kinds}) as meeting the"
            " objective: the deployment may not be necessary.",
            -12,
            condition="Explain why deployment is needed when a non-deployment option would"
            " meet the objective, or reassess that option.",
        )
        return
    unviable = [(i, a) for i, a in judged if a.expected_effect == e.AlternativeEffect.MEETS]
    for i, alt in unviable:
        yield info(
            _at(i, "feasibility"),
            f"'{alt.type.value}' would meet the objective but its feasibility is"
            f" '{alt.feasibility.value if alt.feasibility else 'not stated'}'.",
        )
    if judged and not unviable:
        yield supports(
            "alternatives",
            f"None of the {len(judged)} non-deployment option(s) assessed would meet the"
            " objective on its own.",
            8,
        )


# ---------------------------------------------------------------- ALT-003


@rule(
    code="ALT-003",
    name="smaller-contribution-considered",
    consideration=ALT,
    title="A smaller or niche contribution was considered",
    rationale=(
        "A large deployment should be weighed against a smaller or niche contribution that"
        " may achieve much of the same at less cost and risk to New Zealand."
    ),
    reference=Reference(
        MFAT,
        "We advise our government on how New Zealand could best contribute to peace support"
        " operations.",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=("alternatives[].type", "contribution.*.personnel"),
    options=SizeOptions,
    example="alternatives: [{type: diplomacy}]\ncontribution: {nzdf: {personnel: 300}}",
)
def smaller_contribution(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if p.alternatives is None:
        return
    found = _first_of(p, e.AlternativeType.SMALLER_CONTRIBUTION)
    if found is not None:
        yield supports(_at(found[0], "type"), "A smaller or niche contribution was considered.", 5)
    elif _is_large(p, ctx):
        yield concern(
            "alternatives",
            f"A contribution of {_personnel(p)} personnel is proposed but no smaller or niche"
            " contribution was considered.",
            -5,
            condition="Assess a smaller or niche contribution before committing a large one.",
        )


# ---------------------------------------------------------------- ALT-004


def _has_training_role(p: Proposal) -> bool:
    roles = [r.lower() for a in _agencies(p) for r in a.roles]
    return any(w in r for r in roles for w in TRAINING_WORDS)


@rule(
    code="ALT-004",
    name="training-partner-forces",
    consideration=ALT,
    title="Training partner forces was considered",
    rationale=(
        "The policy's stated direction is to share New Zealand's peacekeeping expertise by"
        " training others, which builds their capacity to keep the peace themselves."
    ),
    reference=Reference(
        MFAT,
        "New Zealand is exploring opportunities to share our expertise in peacekeeping by"
        " training personnel in other countries",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=(
        "identity.operation_type",
        "alternatives[].type",
        "contribution.*.roles",
        "contribution.*.personnel",
    ),
    options=SizeOptions,
    example="identity: {operation_type: un-peacekeeping}\nalternatives: [{type: diplomacy}]",
)
def training_partner_forces(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if _op_type(p) == e.OperationType.TRAINING:
        yield supports(
            "identity.operation_type",
            "The operation trains partner personnel, as policy intends.",
            5,
        )
        return
    found = _first_of(p, e.AlternativeType.TRAINING_PARTNER_FORCES)
    if found is not None:
        yield supports(_at(found[0], "type"), "Training partner forces was considered.", 4)
    elif _has_training_role(p):
        yield info("contribution", "The contribution includes training or mentoring roles.")
    elif _is_large(p, ctx) and p.alternatives is not None:
        yield concern(
            "alternatives",
            f"A contribution of {_personnel(p)} personnel is proposed without considering"
            " training partner forces instead.",
            -5,
            condition="Assess training partner forces as an alternative or complement.",
        )
    else:
        yield info("alternatives", "Training partner forces was not considered.")


# ---------------------------------------------------------------- ALT-005


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
    for i, a in _indexed(p):
        text = f"{a.description or ''} {a.rationale or ''}".lower()
        if a.type in kinds and any(n in text for n in names):
            return i
    return None


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
            _at(i, "type"), "A regional diplomatic or funding mechanism was considered.", 4
        )
        return
    yield info("leadership.arrangement", "No regional mechanism leads or was considered.")


# ---------------------------------------------------------------- ALT-006


def _is_enforcement(p: Proposal) -> bool:
    force = p.legal_basis.use_of_force if p.legal_basis else None
    return _op_type(p) == e.OperationType.ENFORCEMENT or force == e.ForcePosture.ENFORCEMENT


@rule(
    code="ALT-006",
    name="last-resort",
    consideration=ALT,
    title="Force is a last resort after peaceful means",
    rationale=(
        "An enforcement contribution is justified only when peaceful settlement and measures"
        " not involving force have been tried or assessed and found wanting."
    ),
    reference=Reference(
        "Charter of the United Nations, Article 33 (peaceful settlement) and Article 41"
        " (measures not involving the use of armed force)",
        "The parties to any dispute, the continuance of which is likely to endanger the"
        " maintenance of international peace and security, shall, first of all, seek a"
        " solution by negotiation, enquiry, mediation, conciliation, arbitration, judicial"
        " settlement, resort to regional agencies or arrangements, or other peaceful means"
        " of their own choice.",
        CHARTER_URL,
    ),
    severity=Severity.CRITICAL,
    reads=(
        "identity.operation_type",
        "legal_basis.use_of_force",
        "alternatives[].type",
        "alternatives[].expected_effect",
    ),
    example="identity: {operation_type: enforcement}\nalternatives: []",
)
def last_resort(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if not _is_enforcement(p):
        return
    if p.alternatives is None:
        yield missing("alternatives", "An enforcement contribution must show alternatives tried.")
        return
    assessed = [
        a for a in p.alternatives if a.type in NON_DEPLOYMENT and a.expected_effect is not None
    ]
    if assessed:
        yield supports(
            "alternatives",
            f"{len(assessed)} peaceful or non-military option(s) were assessed before enforcement.",
            5,
        )
        return
    yield concern(
        "alternatives",
        "An enforcement contribution is proposed but no peaceful or non-military option was"
        " assessed: force would not be shown to be a last resort.",
        -22,
        condition="Show that peaceful settlement and measures not involving force were tried"
        " or assessed before contributing to enforcement.",
    )


# ---------------------------------------------------------------- ALT-007


def _assessment_gaps(i: int, alt: Alternative) -> Iterator[Finding]:
    name = alt.type.value
    if alt.feasibility is None:
        yield missing(_at(i, "feasibility"), f"The feasibility of '{name}' is not assessed.")
    if alt.expected_effect is None:
        yield missing(
            _at(i, "expected_effect"), f"Whether '{name}' would meet the objective is not assessed."
        )
    if alt.rationale is None:
        yield info(_at(i, "rationale"), f"No basis is given for the assessment of '{name}'.")


@rule(
    code="ALT-007",
    name="alternatives-assessed",
    consideration=ALT,
    title="Each alternative is assessed for feasibility and effect",
    rationale=(
        "An alternative listed but not assessed tells the decision-maker nothing: each needs"
        " a feasibility, an expected effect on the objective and the basis for both."
    ),
    reference=Reference(
        MFAT,
        "MFAT's role is to work with the UN and other coalitions to assess peace support needs",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=(
        "alternatives[].feasibility",
        "alternatives[].expected_effect",
        "alternatives[].rationale",
    ),
    example="alternatives:\n  - {type: sanctions}",
)
def alternatives_assessed(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    alts = _indexed(p)
    if not alts:
        return
    gaps = [f for i, a in alts for f in _assessment_gaps(i, a)]
    yield from gaps
    if all(a.feasibility and a.expected_effect for _, a in alts):
        yield supports(
            "alternatives",
            f"All {len(alts)} alternative(s) are assessed for feasibility and effect.",
            3,
        )


# ---------------------------------------------------------------- ALT-008


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
    if _viable_meets(alt):
        return concern(
            _at(i, "expected_effect"),
            "Humanitarian funding is assessed as feasible and meeting the need: deploying"
            " personnel may not be necessary.",
            -10,
            condition="Explain why funding humanitarian agencies would not meet the need"
            " before deploying personnel.",
        )
    effect = alt.expected_effect.value if alt.expected_effect else "not assessed"
    return supports(
        _at(i, "expected_effect"),
        f"Humanitarian funding was assessed as an alternative (effect: {effect}).",
        4,
    )


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
    humanitarian_op = _op_type(p) == e.OperationType.HUMANITARIAN
    if not (humanitarian_op or _humanitarian_only(p)):
        return
    found = _first_of(p, e.AlternativeType.HUMANITARIAN_FUNDING)
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


# ---------------------------------------------------------------- ALT-009


@rule(
    code="ALT-009",
    name="complementary-alternatives",
    consideration=ALT,
    title="Alternatives that could complement the deployment",
    rationale=(
        "An option that partly meets the objective may not replace a deployment but can"
        " sustain its gains, for example development assistance after withdrawal."
    ),
    reference=Reference(
        MFAT,
        "help maintain peace and allow the rebuilding of infrastructure to create a more"
        " stable environment",
        MFAT_URL,
    ),
    severity=Severity.INFO,
    reads=("alternatives[].type", "alternatives[].feasibility", "alternatives[].expected_effect"),
    example=(
        "alternatives:\n"
        "  - {type: development-assistance, feasibility: high, expected_effect: partly}"
    ),
)
def complementary(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    for i, a in _indexed(p):
        partly = a.expected_effect == e.AlternativeEffect.PARTLY
        if a.type in NON_DEPLOYMENT and partly and a.feasibility in VIABLE:
            yield info(
                _at(i, "expected_effect"),
                f"'{a.type.value}' partly meets the objective and is feasible: consider it"
                " alongside the deployment or to sustain its gains after withdrawal.",
            )


# ---------------------------------------------------------------- ALT-010


@rule(
    code="ALT-010",
    name="proportional-means",
    consideration=ALT,
    title="The contribution is no larger than the objective needs",
    rationale=(
        "The scale of a deployment should be the minimum necessary to meet its objectives;"
        " if a smaller contribution would meet them, the proposed size is not justified."
    ),
    reference=Reference(
        ICISS,
        "Proportional means: the scale, duration and intensity of the planned military"
        " intervention should be the minimum necessary to secure the defined human"
        " protection objective.",
    ),
    severity=Severity.MAJOR,
    reads=(
        "alternatives[].type",
        "alternatives[].feasibility",
        "alternatives[].expected_effect",
        "strategic.objectives",
        "contribution.*.personnel",
    ),
    options=SizeOptions,
    example=(
        "alternatives:\n  - {type: smaller-contribution, feasibility: high, expected_effect: meets}"
    ),
)
def proportional_means(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    found = _first_of(p, e.AlternativeType.SMALLER_CONTRIBUTION)
    if found is not None and _viable_meets(found[1]):
        yield concern(
            _at(found[0], "expected_effect"),
            f"A smaller contribution is assessed as feasible and meeting the objective, yet"
            f" {_personnel(p) or 'an unstated number of'} personnel are proposed.",
            -10,
            condition="Reduce the contribution to the smaller option, or explain why it would"
            " not meet the objective.",
        )
        return
    objectives = p.strategic.objectives if p.strategic else []
    if _is_large(p, ctx) and not objectives:
        yield missing(
            "strategic.objectives",
            "A large contribution is proposed without stated objectives to judge its size by.",
        )


RULES: list[Rule] = [
    alternatives_considered,
    non_deployment_meets,
    smaller_contribution,
    training_partner_forces,
    regional_mechanism,
    last_resort,
    alternatives_assessed,
    humanitarian_need_only,
    complementary,
    proportional_means,
]
