"""The value model: each fact counted once, on a declared scale, with a swing weight.

Multi-attribute value theory, additive form. Each scoring rule rates one attribute: it
reports the attribute's level (a finding with `level`), or that the level is unknown.
The criteria profile gives each attribute a value function (level -> 0..100, worst
plausible = 0, best plausible = 100) and a swing weight within its consideration.

- A consideration's score is the weighted mean of the values of its attributes whose
  level is known; an attribute's contribution is its share of that score, so the parts
  add up to the score.
- An attribute whose rule reported nothing does not apply to this proposal (a peace to
  keep, for an operation that keeps none) and is left out of the consideration.
- An unknown level has no value: it never moves the score. It lowers completeness (the
  share of swing weight whose level is known) and widens the range, whose ends are the
  score with every unknown at its worst and at its best level.
- The overall score is the weighted mean of the considerations' scores (profile weights),
  over the considerations with any attribute known; its range and completeness likewise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pso_cli.model.findings import AttributeValue
from pso_cli.model.kinds import Consideration


@dataclass(frozen=True, slots=True)
class AttributeModel:
    """One attribute as the profile sets it: levels (worst first), values, swing weight."""

    code: str  # the rule that rates it
    consideration: Consideration
    title: str
    levels: tuple[str, ...]
    values: Mapping[str, float]
    weight: float
    band: float = 10.0  # +/- value points the sensitivity analysis varies each level by

    @property
    def worst(self) -> float:
        return min(self.values.values())

    @property
    def best(self) -> float:
        return max(self.values.values())


@dataclass(frozen=True, slots=True)
class Rated:
    """An attribute's level for one proposal, and where the fact that set it is."""

    code: str
    level: str | None  # None: unknown
    field: str = ""
    line: int = 1
    column: int = 1


@dataclass(frozen=True, slots=True)
class ConsiderationValue:
    consideration: Consideration
    score: float | None  # None: no attribute's level is known
    low: float
    high: float
    completeness: float  # share of swing weight whose level is known
    weight: float
    attributes: tuple[AttributeValue, ...]


@dataclass(frozen=True, slots=True)
class OverallValue:
    score: float | None
    low: float
    high: float
    completeness: float
    considerations: tuple[ConsiderationValue, ...]


def _exact(x: float) -> float:
    """Float noise removed (a weighted mean of 70s is 70, not 69.99999999999999), so that
    a score on a threshold meets it whatever the order of the sums."""
    return round(x, 9)


def _consideration(
    c: Consideration, models: Sequence[AttributeModel], rated: Mapping[str, Rated], weight: float
) -> ConsiderationValue:
    models = [m for m in models if m.code in rated]  # an attribute not rated does not apply
    total = sum(m.weight for m in models)
    known_w = known_v = low = high = 0.0
    for m in models:
        r = rated[m.code]
        if r.level is not None:
            stated = m.values[r.level]
            known_w += m.weight
            known_v += m.weight * stated
            low += m.weight * stated
            high += m.weight * stated
        else:
            low += m.weight * m.worst
            high += m.weight * m.best
    score = _exact(known_v / known_w) if known_w > 0 else None
    out = []
    for m in models:
        r = rated[m.code]
        v = m.values[r.level] if r.level is not None else None
        share = m.weight * v / known_w if v is not None and known_w > 0 else 0.0
        out.append(
            AttributeValue(
                m.code, c, m.title, r.level, v, m.weight, share, r.field, r.line, r.column
            )
        )
    if total <= 0:
        return ConsiderationValue(c, None, 0.0, 100.0, 0.0, weight, tuple(out))
    return ConsiderationValue(
        c, score, _exact(low / total), _exact(high / total), known_w / total, weight, tuple(out)
    )


def evaluate(
    models: Sequence[AttributeModel],
    rated: Mapping[str, Rated],
    weights: Mapping[Consideration, float],
) -> OverallValue:
    """Scores, ranges and completeness for one proposal's rated attributes."""
    per = []
    for c in Consideration:
        mine = [m for m in models if m.consideration is c]
        per.append(_consideration(c, mine, rated, weights.get(c, 0.0)))
    total = sum(cv.weight for cv in per)
    if total <= 0:
        return OverallValue(None, 0.0, 100.0, 0.0, tuple(per))
    scored = [cv for cv in per if cv.score is not None]
    scored_w = sum(cv.weight for cv in scored)
    score = (
        _exact(sum(cv.weight * cv.score for cv in scored if cv.score is not None) / scored_w)
        if scored_w > 0
        else None
    )
    return OverallValue(
        score,
        _exact(sum(cv.weight * cv.low for cv in per) / total),
        _exact(sum(cv.weight * cv.high for cv in per) / total),
        sum(cv.weight * cv.completeness for cv in per) / total,
        tuple(per),
    )
