"""Findings to scores, confidence and a verdict: pure and table-tested.

Per consideration: score = clamp(50 + sum of effects, 0, 100); confidence = share of
the facts its applicable rules read that the proposal states (see engine.facts).
Overall = weighted means. A blocker forces
do-not-recommend whatever the score (non-compensatory gate); too much unknown gives
further-analysis; otherwise the score and any conditions decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pso_cli.criteria.profile import Thresholds, Weights
from pso_cli.model.findings import (
    Consideration,
    ConsiderationResult,
    Finding,
    Gate,
    Outcome,
    Severity,
    Verdict,
)
from pso_cli.model.legal_analysis import LegalAnalysis, LegalOutcome

BASELINE = 50.0
_CONSIDERATIONS = tuple(Consideration)
# Enum attribute lookups are slow in 3.11; hot loops use these names.
_BLOCKER, _CONCERN, _ERROR = Outcome.BLOCKER, Outcome.CONCERN, Outcome.ERROR
_MISSING = Outcome.MISSING


@dataclass(frozen=True, slots=True)
class RuleFacts:
    """Of the facts a rule reads for this proposal, how many were known."""

    code: str
    consideration: Consideration
    facts: int
    known: float


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    reason: str
    score: float
    confidence: float
    considerations: tuple[ConsiderationResult, ...]
    conditions: tuple[str, ...]


def rounded(x: float, ndigits: int) -> float:
    """round(x, ndigits), skipping float rounding's slow decimal conversion for whole floats.

    Rounding a whole float returns it unchanged, sign of zero included; anything else
    (fractions, ints, inf, nan) goes through round() as before.
    """
    return x if type(x) is float and x.is_integer() else round(x, ndigits)


def _clamp(x: float, lo: float = 0.0, hi: float = 100.0) -> float:
    return max(lo, min(hi, x))


def consideration_result(
    c: Consideration, findings: Sequence[Finding], rules: Sequence[RuleFacts], weight: float
) -> ConsiderationResult:
    mine = [f for f in findings if f.consideration == c]
    return _result(c, mine, [r for r in rules if r.consideration == c], weight)


def _result(
    c: Consideration, mine: Sequence[Finding], mine_rules: Sequence[RuleFacts], weight: float
) -> ConsiderationResult:
    """consideration_result given the consideration's own findings and rules."""
    points: dict[str, float] = {}
    for f in mine:
        if not f.accepted:
            points[f.rule] = points.get(f.rule, 0.0) + f.effect
    needed, known = 0, 0.0
    for r in mine_rules:  # counts of whole facts: the order of addition cannot matter
        needed += r.facts
        known += r.known
    confidence = known / needed if needed else 0.0
    score = _clamp(BASELINE + sum(points.values()))
    contributions = tuple(sorted((k, rounded(v, 2)) for k, v in points.items() if v))
    return ConsiderationResult(c, rounded(score, 1), rounded(confidence, 3), weight, contributions)


def _results(
    findings: Sequence[Finding], rules: Sequence[RuleFacts], weights: Weights
) -> tuple[ConsiderationResult, ...]:
    """Every consideration's result, with findings and rules split in one pass each."""
    mine: dict[Consideration, list[Finding]] = {c: [] for c in _CONSIDERATIONS}
    for f in findings:
        group = mine.get(f.consideration)  # type: ignore[arg-type]  # None: in no group
        if group is not None:
            group.append(f)
    mine_rules: dict[Consideration, list[RuleFacts]] = {c: [] for c in _CONSIDERATIONS}
    for r in rules:
        rule_group = mine_rules.get(r.consideration)
        if rule_group is not None:
            rule_group.append(r)
    return tuple(_result(c, mine[c], mine_rules[c], weights.of(c)) for c in _CONSIDERATIONS)


def _weighted(results: Sequence[ConsiderationResult], attr: str) -> float:
    total = sum(r.weight for r in results)
    if total <= 0:
        return 0.0
    return float(sum(getattr(r, attr) * r.weight for r in results)) / total


def conditions_of(findings: Sequence[Finding]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for f in findings:
        if f.outcome == _CONCERN and f.condition and not f.accepted:
            seen.setdefault(f.condition, None)
    return tuple(seen)


@dataclass(frozen=True, slots=True)
class Judgement:
    """What decides the verdict besides the findings: the law, gates and vetoes, and the
    must-have facts left unknown. Each is non-compensatory."""

    law: LegalAnalysis | None = None
    gates: tuple[Gate, ...] = ()  # the gate rules' results and the profile's vetoes
    missing: tuple[tuple[str, int, int], ...] = ()  # must-have facts unknown
    veto_conditions: dict[str, str] = field(default_factory=dict)  # veto id -> what lifts it


def decide(
    findings: Sequence[Finding],
    rules: Sequence[RuleFacts],
    weights: Weights,
    thresholds: Thresholds,
    judgement: Judgement | None = None,
) -> Decision:
    j = judgement or Judgement()
    results = _results(findings, rules, weights)
    # Thresholds compare unrounded values, so sensitivity analysis (which solves for
    # the exact weights where a threshold is crossed) agrees with the verdict.
    score = _weighted(results, "score")
    confidence = _weighted(results, "confidence")
    conditions = (*_open_conditions(j), *conditions_of(findings))
    verdict, reason = _verdict(findings, results, score, confidence, conditions, thresholds, j)
    return Decision(verdict, reason, round(score, 1), round(confidence, 3), results, conditions)


def _open_conditions(j: Judgement) -> tuple[str, ...]:
    """What must be done before pso can advise: legal questions, vetoes to lift."""
    out: list[str] = []
    law = j.law
    if law is not None and law.outcome is LegalOutcome.CONTESTED and not law.advised_lawful:
        out += [f"Obtain legal advice on {q}." for q in law.questions]
    elif law is not None and law.outcome is LegalOutcome.UNKNOWN:
        out += [q[:1].upper() + q[1:] + "." for q in law.questions]
    for g in j.gates:
        if g.kind == "veto" and g.status == "failed" and g.verdict == Verdict.FURTHER_ANALYSIS:
            out.append(j.veto_conditions.get(g.rule) or f"Resolve: {g.title} ({g.field}).")
    return tuple(dict.fromkeys(out))


def _blocked(findings: Sequence[Finding], j: Judgement) -> tuple[Verdict, str] | None:
    blockers = [f for f in findings if f.outcome == _BLOCKER]
    vetoed = [
        g for g in j.gates
        if g.kind == "veto" and g.status == "failed" and g.verdict == Verdict.DO_NOT_RECOMMEND
    ]  # fmt: skip
    if blockers:
        b = blockers[0]
        more = len(blockers) - 1 + len(vetoed)
        tail = f" (and {more} more)" if more else ""
        return Verdict.DO_NOT_RECOMMEND, f"A gate is not met: {b.message}{tail}"
    if vetoed:
        others = f" (and {len(vetoed) - 1} more)" if len(vetoed) > 1 else ""
        v = vetoed[0]
        return (
            Verdict.DO_NOT_RECOMMEND,
            f"A veto applies: {v.title} is not met ({v.field}){others}.",
        )
    return None


def _open(j: Judgement) -> tuple[Verdict, str] | None:
    """Further analysis forced by the law, a veto, an undecided gate or a must-have fact."""
    law = j.law
    if law is not None and law.outcome is LegalOutcome.CONTESTED and not law.advised_lawful:
        return Verdict.FURTHER_ANALYSIS, f"The legal basis is contested: {law.reason}"
    if law is not None and law.outcome is LegalOutcome.UNKNOWN:
        return Verdict.FURTHER_ANALYSIS, f"The legal basis cannot be established: {law.reason}"
    for g in j.gates:
        if g.kind == "veto" and g.status == "failed":
            return (
                Verdict.FURTHER_ANALYSIS,
                f"A veto applies until resolved: {g.title} ({g.field}).",
            )
    if j.missing:
        names = ", ".join(f for f, _, _ in j.missing)
        return Verdict.FURTHER_ANALYSIS, f"Facts pso must have to advise are unknown: {names}."
    for g in j.gates:
        if g.kind == "gate" and g.status in ("unknown", "contested"):
            return Verdict.FURTHER_ANALYSIS, f"The gate '{g.title}' cannot be decided ({g.field})."
    return None


def _verdict(
    findings: Sequence[Finding],
    results: Sequence[ConsiderationResult],
    score: float,
    confidence: float,
    conditions: Sequence[str],
    t: Thresholds,
    j: Judgement | None = None,
) -> tuple[Verdict, str]:
    j = j or Judgement()
    forced = _blocked(findings, j)
    if forced:
        return forced
    errors = [f for f in findings if f.outcome == _ERROR]
    if errors:
        return (
            Verdict.FURTHER_ANALYSIS,
            f"Rule {errors[0].rule} could not be evaluated, so the assessment is incomplete.",
        )
    forced = _open(j)
    if forced:
        return forced
    weak = [r for r in results if r.confidence < t.min_consideration_confidence]
    if confidence < t.min_confidence or weak:
        missing = sum(1 for f in findings if f.outcome == _MISSING)
        least = weak[0].consideration.title if weak else ""
        which = f"; least known: {least[:1].lower()}{least[1:]}" if weak else ""
        return Verdict.FURTHER_ANALYSIS, (
            f"Too much is unknown to advise: {missing} facts missing, "
            f"confidence {confidence:.0%}{which}."
        )
    if score < t.with_conditions:
        return (
            Verdict.DO_NOT_RECOMMEND,
            f"The weighted score {score:.1f} is below the {t.with_conditions:g} needed "
            "for a recommendation with conditions.",
        )
    serious = [
        f
        for f in findings
        if f.outcome == Outcome.CONCERN
        and not f.accepted
        and f.severity.rank >= Severity.MAJOR.rank
    ]
    if score < t.recommend or conditions or serious:
        why = (
            f"{len(conditions)} condition{'s' * (len(conditions) != 1)} to meet"
            if conditions
            else (
                f"{len(serious)} significant concern{'s' * (len(serious) != 1)}"
                if serious
                else f"score {score:.0f} below {t.recommend:.0f}"
            )
        )
        return (
            Verdict.WITH_CONDITIONS,
            f"The case is sound on balance (score {score:.0f}) with {why}.",
        )
    return (
        Verdict.RECOMMEND,
        f"All gates are met and the weighted score is {score:.0f} with no outstanding conditions.",
    )
