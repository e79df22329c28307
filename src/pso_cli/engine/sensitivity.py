"""How robust is a verdict to the weights and to the value functions?

Weights: for each consideration, its weight t runs over [0, 1] with the other weights
rescaled in their profile proportions; the verdict is evaluated on a fine grid and each
change is located by bisection. The stability interval is the stretch around the
profile's weight over which the verdict holds; the verdict is fragile when a change of
weight smaller than the margin flips it.

Values: each attribute's value function is varied within its band (the profile's `band`,
default 10 points): every level between the anchors (worst 0, best 100) moves by a
uniform draw in [-band, +band], kept in order. Weights are sampled uniformly on the
simplex within +/-50% of the profile's. The report gives the share of samples keeping
the verdict for weights alone, values alone, and both together (seeded, reproducible).

The judgement (law, gates, vetoes, must-have facts) does not depend on weights or
values, so a forced verdict is stable by construction.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from pso_cli.criteria.profile import Thresholds
from pso_cli.engine.aggregate import Judgement, verdict_of
from pso_cli.engine.value import AttributeModel, Rated, evaluate
from pso_cli.model.findings import Consideration, Finding, Sensitivity, StabilityInterval, Verdict

DEFAULT_SAMPLES = 2000
DEFAULT_SEED = 0
DEFAULT_MARGIN = 0.05
SPREAD = 0.5
GRID = 100  # steps of the weight scan; each change is then bisected to 1e-4


@dataclass(frozen=True, slots=True)
class Case:
    """Everything a verdict depends on, for one proposal."""

    models: tuple[AttributeModel, ...]
    rated: Mapping[str, Rated]
    findings: tuple[Finding, ...]
    conditions: tuple[str, ...]
    thresholds: Thresholds
    judgement: Judgement

    def verdict(
        self, weights: Sequence[float], models: Sequence[AttributeModel] | None = None
    ) -> Verdict:
        by = dict(zip(Consideration, weights, strict=True))
        overall = evaluate(models or self.models, self.rated, by)
        return verdict_of(self.findings, overall, self.conditions, self.thresholds, self.judgement)[
            0
        ]


def rescaled(base: Sequence[float], i: int, t: float) -> list[float]:
    """Weights with component i set to t and the others scaled to fill 1 - t."""
    rest = sum(w for j, w in enumerate(base) if j != i)
    out = []
    for j, w in enumerate(base):
        if j == i:
            out.append(t)
        elif rest > 0:
            out.append(w * (1 - t) / rest)
        else:
            out.append((1 - t) / (len(base) - 1))
    return out


VerdictAt = Callable[[float], Verdict]


def _edge(at: VerdictAt, inside: float, outside: float, current: Verdict) -> float:
    """The last t from `inside` towards `outside` that keeps the verdict (bisection)."""
    for _ in range(20):
        mid = (inside + outside) / 2
        if at(mid) == current:
            inside = mid
        else:
            outside = mid
    return inside


def stability_interval(case: Case, base: Sequence[float], i: int) -> tuple[float, float]:
    def at(t: float) -> Verdict:
        return case.verdict(rescaled(base, i, t))

    current = at(base[i])
    steps = [k / GRID for k in range(GRID + 1)]
    low, high = 0.0, 1.0
    below = [t for t in steps if t < base[i]]
    for t in reversed(below):
        if at(t) != current:
            low = _edge(at, min(base[i], t + 1 / GRID), t, current)
            break
    for t in (t for t in steps if t > base[i]):
        if at(t) != current:
            high = _edge(at, max(base[i], t - 1 / GRID), t, current)
            break
    return round(low, 4), round(high, 4)


def _weights(rng: random.Random, base: Sequence[float]) -> list[float] | None:
    draws = [rng.expovariate(1.0) for _ in base]
    total = sum(draws)
    w = [d / total for d in draws]
    inside = all((1 - SPREAD) * b <= x <= (1 + SPREAD) * b for x, b in zip(w, base, strict=True))
    return w if inside else None


def _values(rng: random.Random, models: Sequence[AttributeModel]) -> list[AttributeModel]:
    out = []
    for m in models:
        inner = [
            min(100.0, max(0.0, m.values[lv] + rng.uniform(-m.band, m.band)))
            for lv in m.levels[1:-1]
        ]
        values = dict(zip(m.levels, [0.0, *sorted(inner), 100.0], strict=True))
        out.append(replace(m, values=values))
    return out


def shares(case: Case, base: Sequence[float], samples: int, seed: int) -> tuple[float, ...]:
    """Shares of samples keeping the verdict: (weights, values, both)."""
    rng = random.Random(seed)
    current = case.verdict(base)
    counts = [0, 0, 0]
    for _ in range(samples):
        w = None
        for _ in range(200):
            w = _weights(rng, base)
            if w is not None:
                break
        weights = w or list(base)
        models = _values(rng, case.models)
        counts[0] += case.verdict(weights) == current
        counts[1] += case.verdict(base, models) == current
        counts[2] += case.verdict(weights, models) == current
    return tuple(round(c / samples, 4) if samples else 1.0 for c in counts)


def analyse(
    case: Case,
    weights: Mapping[Consideration, float],
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
    margin: float = DEFAULT_MARGIN,
) -> Sensitivity:
    total = sum(weights.values()) or 1.0
    base = [weights.get(c, 0.0) / total for c in Consideration]
    intervals = []
    for i, c in enumerate(Consideration):
        lo, hi = stability_interval(case, base, i)
        intervals.append(StabilityInterval(c, round(base[i], 4), lo, hi))
    by_weights, by_values, both = shares(case, base, samples, seed)
    fragile, reason = _fragility(intervals, margin)
    return Sensitivity(
        tuple(intervals), samples, by_weights, seed, margin, fragile, reason, by_values, both
    )


def _fragility(intervals: Sequence[StabilityInterval], margin: float) -> tuple[bool, str]:
    gaps = []
    for s in intervals:
        if s.low > 0 and s.weight - s.low < margin:
            gaps.append((s.weight - s.low, s.consideration, "lower"))
        if s.high < 1 and s.high - s.weight < margin:
            gaps.append((s.high - s.weight, s.consideration, "higher"))
    if not gaps:
        return False, f"No change of a single weight smaller than {margin:.2f} changes the verdict."
    gap, c, way = min(gaps, key=lambda g: g[0])
    title = Consideration(c).title
    name = title[0].lower() + title[1:]
    return True, (
        f"The verdict is fragile: a weight for {name} {gap:.3f} {way} than the profile's "
        "would change it."
    )
