"""The verdict: non-compensatory judgement first, then the value model's score and range.

In order: a failed gate or a do-not-recommend veto (the law unlawful is the legal gate's
failure) forces do-not-recommend; a rule that could not run, a contested or unknown
legal basis, a veto to lift, a must-have fact unknown or an undecided gate forces
further-analysis; so does too little completeness. Only then does the score decide,
and it decides only where its whole range lies: a range that straddles the threshold for
a recommendation with conditions is not a verdict but a list of facts to state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pso_cli.criteria.profile import Thresholds
from pso_cli.engine.value import ConsiderationValue, OverallValue
from pso_cli.model.findings import ConsiderationResult, Finding, Gate, Outcome, Severity, Verdict
from pso_cli.model.legal_analysis import LegalAnalysis, LegalOutcome
from pso_cli.sentences import single_stop

# Enum attribute lookups are slow in 3.11; hot loops use these names.
_BLOCKER, _CONCERN, _ERROR = Outcome.BLOCKER, Outcome.CONCERN, Outcome.ERROR
_MAJOR_RANK = Severity.MAJOR.rank


@dataclass(frozen=True, slots=True)
class Judgement:
    """What decides the verdict besides the score: the law, gates and vetoes, and the
    must-have facts left unknown. Each is non-compensatory."""

    law: LegalAnalysis | None = None
    gates: tuple[Gate, ...] = ()  # the gate rules' results and the profile's vetoes
    missing: tuple[tuple[str, int, int], ...] = ()  # must-have facts unknown
    veto_conditions: dict[str, str] = field(default_factory=dict)  # veto id -> what lifts it
    veto_plans: dict[str, str] = field(default_factory=dict)  # veto id -> its `unless` field


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    reason: str
    score: float | None
    low: float
    high: float
    completeness: float
    considerations: tuple[ConsiderationResult, ...]
    conditions: tuple[str, ...]


def rounded(x: float, ndigits: int) -> float:
    """round(x, ndigits), skipping float rounding's slow decimal conversion for whole floats."""
    return x if type(x) is float and x.is_integer() else round(x, ndigits)


def _result(cv: ConsiderationValue) -> ConsiderationResult:
    parts = tuple(
        (a.code, rounded(a.contribution, 2)) for a in cv.attributes if a.value is not None
    )
    return ConsiderationResult(
        cv.consideration,
        None if cv.score is None else rounded(cv.score, 1),
        rounded(cv.completeness, 3),
        cv.weight,
        parts,
        rounded(cv.low, 1),
        rounded(cv.high, 1),
    )


def lower_initial(text: str) -> str:
    """`text` with its first letter lower-cased, to quote it after a colon inside a
    sentence, unless it begins with an acronym or a proper name.

    A first word whose second letter is lower-case is an ordinary word ('Force
    protection', 'Contested in'), and so is the article 'A'; one whose second character
    is a capital or a digit is an acronym ('MFAT', 'NZ', 'UN'). An ordinary-looking word
    followed by a capitalised word ('New Zealand', 'Solomon Islands') begins a name.
    """
    first, _, rest = text.partition(" ")
    if not first[:1].isupper():
        return text
    if first != "A" and not (len(first) > 1 and first[1].islower()):
        return text  # an acronym, or a single capital that is not the article
    after = rest.split(" ", 1)[0]
    if first != "A" and after[:1].isupper() and after[1:2].islower():
        return text  # 'New Zealand', 'Pacific Islands Forum': a name
    return text[:1].lower() + text[1:]


def all_conditions(findings: Sequence[Finding], j: Judgement) -> tuple[str, ...]:
    """What must be done, each once, in order: the open questions and vetoes first, then
    the findings' conditions (the law's question can also be a gate rule's condition)."""
    return tuple(dict.fromkeys((*open_conditions(j), *conditions_of(findings))))


def conditions_of(findings: Sequence[Finding]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for f in findings:
        if f.outcome == _CONCERN and f.condition and not f.accepted:
            seen.setdefault(f.condition, None)
    return tuple(seen)


def open_conditions(j: Judgement) -> tuple[str, ...]:
    """What must be done before pso can advise: legal questions, vetoes to lift."""
    out: list[str] = []
    law = j.law
    if law is not None and law.outcome is LegalOutcome.CONTESTED and not law.advised_lawful:
        out += [f"Obtain legal advice on {q}." for q in law.questions]
    elif law is not None and law.outcome is LegalOutcome.UNKNOWN:
        out += [q[:1].upper() + q[1:] + "." for q in law.questions]
    for g in j.gates:
        if g.kind == "veto" and g.status == "failed" and g.verdict == Verdict.FURTHER_ANALYSIS:
            resolve = f"Resolve: {lower_initial(g.title)} ({g.field})."
            out.append(j.veto_conditions.get(g.rule) or resolve)
        elif g.kind == "veto" and g.status == "passed" and j.veto_plans.get(g.rule) == g.field:
            # Lifted by a stated plan, not by the facts: the plan is a claim to check.
            out.append(
                f"Verify before deployment that the plan stated at {g.field} closes the gap; "
                f"it alone lifts the veto {g.rule}."
            )
    return tuple(dict.fromkeys(out))


def decide(
    findings: Sequence[Finding],
    overall: OverallValue,
    thresholds: Thresholds,
    judgement: Judgement | None = None,
) -> Decision:
    j = judgement or Judgement()
    conditions = all_conditions(findings, j)
    verdict, reason, extra = verdict_of(findings, overall, conditions, thresholds, j)
    conditions = tuple(single_stop(c) for c in conditions)
    extra = tuple(single_stop(c) for c in extra)
    return Decision(
        verdict,
        single_stop(reason),
        None if overall.score is None else round(overall.score, 1),
        round(overall.low, 1),
        round(overall.high, 1),
        round(overall.completeness, 3),
        tuple(_result(cv) for cv in overall.considerations),
        tuple(dict.fromkeys((*conditions, *extra))),
    )


def _blocked(findings: Sequence[Finding], j: Judgement) -> tuple[Verdict, str] | None:
    blockers = [f for f in findings if f.outcome == _BLOCKER]
    vetoed = [
        g for g in j.gates
        if g.kind == "veto" and g.status == "failed" and g.verdict == Verdict.DO_NOT_RECOMMEND
    ]  # fmt: skip
    if blockers:
        more = len(blockers) - 1 + len(vetoed)
        tail = f" (and {more} more)" if more else ""
        first = lower_initial(blockers[0].message)
        return Verdict.DO_NOT_RECOMMEND, f"A gate is not met: {first}{tail}"
    if vetoed:
        tail = f" (and {len(vetoed) - 1} more)" if len(vetoed) > 1 else ""
        v = vetoed[0]
        title = lower_initial(v.title)
        return Verdict.DO_NOT_RECOMMEND, f"A veto is not met: {title} ({v.field}){tail}."
    return None


def _open(findings: Sequence[Finding], j: Judgement) -> tuple[Verdict, str] | None:
    """Further analysis forced by a failed rule, the law, a veto, an undecided gate or a
    must-have fact."""
    errors = [f for f in findings if f.outcome == _ERROR]
    if errors:
        return Verdict.FURTHER_ANALYSIS, (
            f"Rule {errors[0].rule} could not be evaluated, so the assessment is incomplete."
        )
    law = j.law
    if law is not None and law.outcome is LegalOutcome.CONTESTED and not law.advised_lawful:
        reason = lower_initial(law.reason)
        return Verdict.FURTHER_ANALYSIS, f"The legal basis is contested: {reason}"
    if law is not None and law.outcome is LegalOutcome.UNKNOWN:
        reason = lower_initial(law.reason)
        return Verdict.FURTHER_ANALYSIS, f"The legal basis cannot be established: {reason}"
    for g in j.gates:
        if g.kind == "veto" and g.status == "failed":
            return (
                Verdict.FURTHER_ANALYSIS,
                f"A veto is not met until resolved: {lower_initial(g.title)} ({g.field}).",
            )
    if j.missing:
        names = ", ".join(f for f, _, _ in j.missing)
        return Verdict.FURTHER_ANALYSIS, f"Facts pso must have to advise are unknown: {names}."
    for g in j.gates:
        if g.kind == "gate" and g.status in ("unknown", "contested"):
            return Verdict.FURTHER_ANALYSIS, f"The gate '{g.title}' cannot be decided ({g.field})."
    return None


def _incomplete(overall: OverallValue, t: Thresholds) -> tuple[Verdict, str] | None:
    weak = [
        cv for cv in overall.considerations
        if cv.weight > 0 and cv.completeness < t.min_consideration_completeness
    ]  # fmt: skip
    if overall.score is None or overall.completeness < t.min_completeness or weak:
        which = ""
        if weak:
            least = min(weak, key=lambda cv: cv.completeness).consideration.title
            which = f"; least known: {lower_initial(least)}"
        return Verdict.FURTHER_ANALYSIS, (
            f"Too much is unknown to advise: completeness {overall.completeness:.0%}{which}."
        )
    return None


def _unknown_facts(overall: OverallValue, limit: int = 3) -> list[str]:
    """The unknown attributes that weigh most in the overall score, as facts to state."""
    total = sum(cv.weight for cv in overall.considerations) or 1.0
    unknown = []
    for cv in overall.considerations:
        swing = sum(a.weight for a in cv.attributes) or 1.0
        for a in cv.attributes:
            if a.value is None:
                unknown.append((cv.weight / total * a.weight / swing, a.title, a.field))
    unknown.sort(key=lambda u: (-u[0], u[1]))
    return [
        f"{lower_initial(title)} ({where})" if where else lower_initial(title)
        for _, title, where in unknown[:limit]
    ]


def _range(overall: OverallValue) -> str:
    return f"score {overall.score:.0f}, range {overall.low:.0f}-{overall.high:.0f}"


def verdict_of(
    findings: Sequence[Finding],
    overall: OverallValue,
    conditions: Sequence[str],
    t: Thresholds,
    j: Judgement | None = None,
) -> tuple[Verdict, str, tuple[str, ...]]:
    """(verdict, one-sentence reason, conditions the score range adds)."""
    j = j or Judgement()
    forced = _blocked(findings, j) or _open(findings, j) or _incomplete(overall, t)
    if forced:
        return (*forced, ())
    assert overall.score is not None
    if overall.high < t.with_conditions:
        return (
            Verdict.DO_NOT_RECOMMEND,
            (
                f"Even with every unknown fact at its best the score ({_range(overall)}) is "
                f"below the {t.with_conditions:g} needed for a recommendation with conditions."
            ),
            (),
        )
    facts = _unknown_facts(overall)
    if overall.low < t.with_conditions:
        return (
            Verdict.FURTHER_ANALYSIS,
            (
                f"The unknown facts decide it: the {_range(overall)} straddles the "
                f"{t.with_conditions:g} needed for a recommendation with conditions; state "
                f"{'; '.join(facts)}."
            ),
            (),
        )
    serious = [
        f for f in findings
        if f.outcome == _CONCERN and not f.accepted and f.severity.rank >= _MAJOR_RANK
    ]  # fmt: skip
    extra: tuple[str, ...] = ()
    if overall.score >= t.recommend > overall.low:
        extra = tuple(f"State {f}: the recommendation depends on it." for f in facts)
    if overall.score < t.recommend or conditions or serious or extra:
        return Verdict.WITH_CONDITIONS, _why(overall, conditions, extra, serious, t), extra
    return (
        Verdict.RECOMMEND,
        (
            f"Every gate and veto is met and the {_range(overall)} is above {t.recommend:g}, with "
            "no outstanding conditions."
        ),
        (),
    )


def _why(
    overall: OverallValue,
    conditions: Sequence[str],
    extra: Sequence[str],
    serious: Sequence[Finding],
    t: Thresholds,
) -> str:
    n = len(conditions) + len(extra)
    if n:
        why = f"{n} condition{'s' * (n != 1)} to meet"
    elif serious:
        why = f"{len(serious)} significant concern{'s' * (len(serious) != 1)} to weigh"
    else:
        why = f"a score below the {t.recommend:g} for an unconditional recommendation"
    return f"The case is sound on balance ({_range(overall)}) with {why}."
