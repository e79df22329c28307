"""From the rules' findings to the value model's inputs, and back into the findings.

Each scoring rule reports its attribute's level in one finding (`level`). Here the levels
are collected (a level the attribute does not have is that rule's error), and once the
value model has run, each level finding is stamped with what it did: support or concern
by its value, its contribution to the score as `effect`, and a severity that measures
how much of the overall score the attribute's shortfall costs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from pso_cli.engine.value import AttributeModel, OverallValue, Rated
from pso_cli.model.findings import AttributeValue, Finding, Outcome, Severity
from pso_cli.model.kinds import Consideration
from pso_cli.rules.api import new_finding

_ERROR, _SUPPORTS, _CONCERN = Outcome.ERROR, Outcome.SUPPORTS, Outcome.CONCERN
_MISSING = Outcome.MISSING
# Overall-score points an attribute's shortfall from its best level costs, for severity.
SEVERITY_POINTS = ((Severity.CRITICAL, 12.0), (Severity.MAJOR, 4.0), (Severity.MINOR, 1.0))


_UNKNOWN = frozenset({Outcome.MISSING, Outcome.CONCERN, Outcome.BLOCKER, Outcome.ERROR})


def rated_levels(
    findings: Sequence[Finding], models: Sequence[AttributeModel]
) -> tuple[dict[str, Rated], list[Finding]]:
    """Each attribute's level, and an error finding for each rule that reported a level
    its attribute does not have.

    A scoring rule that applies reports its level, or says why it cannot (a missing fact,
    a concern or blocker with no level, an error): then the level is unknown. A rule that
    reports nothing, or only information, does not apply. If a rule reports several
    levels the worst counts.
    """
    by_code = {m.code: m for m in models}
    rated: dict[str, Rated] = {}
    errors: list[Finding] = []
    for f in findings:
        if f.rule not in by_code:
            continue
        if f.level is None:
            if f.outcome in _UNKNOWN and f.rule not in rated:
                rated[f.rule] = Rated(f.rule, None, f.field, f.line, f.column)
            continue
        m = by_code[f.rule]
        if f.level not in m.values:
            errors.append(
                new_finding(
                    _ERROR,
                    f"rule reported level '{f.level}', which its attribute does not have "
                    f"({', '.join(m.levels)})",
                    f.field,
                    rule=f.rule,
                    rule_name=f.rule_name,
                    consideration=f.consideration,
                    severity=Severity.MAJOR,
                    line=f.line,
                    column=f.column,
                )
            )
            continue
        old = rated.get(f.rule)
        if old is None or old.level is None or m.values[f.level] < m.values[old.level]:
            rated[f.rule] = Rated(f.rule, f.level, f.field, f.line, f.column)
    return rated, errors


def _global_share(
    m: AttributeModel, models: Sequence[AttributeModel], weights: Mapping[Consideration, float]
) -> float:
    total_w = sum(weights.values()) or 1.0
    swing = sum(x.weight for x in models if x.consideration is m.consideration) or 1.0
    return weights.get(m.consideration, 0.0) / total_w * m.weight / swing


def severity_of(points: float) -> Severity:
    return next((s for s, at in SEVERITY_POINTS if points >= at), Severity.INFO)


def stamp(
    findings: Sequence[Finding],
    overall: OverallValue,
    models: Sequence[AttributeModel],
    weights: Mapping[Consideration, float],
) -> list[Finding]:
    """The findings with each level finding's outcome, effect and severity set."""
    values = {a.code: a for cv in overall.considerations for a in cv.attributes}
    by_code = {m.code: m for m in models}
    out = []
    done: set[str] = set()
    for f in findings:
        a = values.get(f.rule)
        if f.outcome is _MISSING and f.rule in by_code:  # as grave as what it leaves unknown
            share = _global_share(by_code[f.rule], models, weights)
            out.append(dataclasses.replace(f, severity=severity_of(share * 100)))
            continue
        if f.level is None or a is None or a.value is None:
            out.append(f)
            continue
        if a.level != f.level or f.rule in done:  # a second level from one rule: not counted
            out.append(new_finding(Outcome.INFO, f.message, f.field, 0.0, None, f.rule,
                                   f.rule_name, f.consideration, Severity.INFO, f.line,
                                   f.column))  # fmt: skip
            continue
        done.add(f.rule)
        share = _global_share(by_code[f.rule], models, weights)
        low = a.value < 50
        points = share * (100 - a.value) if low else share * 100
        out.append(
            new_finding(
                _CONCERN if low else _SUPPORTS,
                f.message,
                f.field,
                round(a.contribution, 2),
                f.condition if low else None,
                f.rule,
                f.rule_name,
                f.consideration,
                severity_of(points),
                f.line,
                f.column,
                f.accepted,
                f.level,
            )
        )
    return _one_concern_per_fact(out)


def _one_concern_per_fact(findings: list[Finding]) -> list[Finding]:
    """A rule that rates a fact and also raises a concern on that same field (a protection
    gap beside the residual risk it leaves) reports one finding: the rated one, made a
    concern, with the explicit concern's action and the graver severity. Otherwise one
    fact reads as two concerns, or as a support and a concern at once, in every report."""
    rated = {
        (f.rule, f.field): i
        for i, f in enumerate(findings)
        if f.level is not None and f.outcome in (_CONCERN, _SUPPORTS)
    }
    out = list(findings)
    dropped: set[int] = set()
    for i, f in enumerate(findings):
        j = rated.get((f.rule, f.field))
        if j is None or f.level is not None or f.outcome is not _CONCERN:
            continue
        kept = out[j]
        out[j] = dataclasses.replace(
            kept,
            outcome=_CONCERN,
            condition=kept.condition or f.condition,
            severity=max(kept.severity, f.severity, key=lambda s: s.rank),
            accepted=kept.accepted or f.accepted,
        )
        dropped.add(i)
    return [f for i, f in enumerate(out) if i not in dropped]


def attribute_values(overall: OverallValue) -> tuple[AttributeValue, ...]:
    return tuple(a for cv in overall.considerations for a in cv.attributes)
