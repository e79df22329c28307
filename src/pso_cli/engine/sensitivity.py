"""How robust is a verdict to the weights given to the four considerations?

For each consideration, its weight t runs over [0, 1] with the other weights rescaled in
their profile proportions. The weighted score and confidence are then linear in t, so
the verdict can only change where one of them crosses a threshold: those breakpoints are
solved exactly, and the verdict is evaluated between them. The stability interval is
the stretch around the profile's weight over which the verdict holds.

A Monte Carlo check samples weight vectors uniformly on the simplex, keeping those
within ±50% of the profile's weights (seeded, so reproducible), and reports the share
that give the same verdict. A verdict is fragile when a change of weight smaller than
the margin flips it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from itertools import pairwise

from pso_cli.criteria.profile import Thresholds
from pso_cli.engine.aggregate import Judgement, _verdict
from pso_cli.model.findings import (
    Consideration,
    ConsiderationResult,
    Finding,
    Sensitivity,
    StabilityInterval,
    Verdict,
)

DEFAULT_SAMPLES = 2000
DEFAULT_SEED = 0
DEFAULT_MARGIN = 0.05
SPREAD = 0.5

VerdictAt = Callable[[Sequence[float]], Verdict]


def verdict_function(
    findings: Sequence[Finding],
    results: Sequence[ConsiderationResult],
    conditions: Sequence[str],
    thresholds: Thresholds,
    judgement: Judgement | None = None,
) -> VerdictAt:
    """The verdict as a function of the weight vector (same order as `results`); the
    judgement (law, gates, vetoes, must-have facts) does not depend on the weights."""

    def at(weights: Sequence[float]) -> Verdict:
        total = sum(weights)
        score = sum(w * r.score for w, r in zip(weights, results, strict=True)) / total
        conf = sum(w * r.confidence for w, r in zip(weights, results, strict=True)) / total
        return _verdict(findings, results, score, conf, conditions, thresholds, judgement)[0]

    return at


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


def _crossings(a: float, b: float, targets: Sequence[float]) -> list[float]:
    """Values of t in (0, 1) where a*t + b*(1-t) equals a target."""
    out = []
    for target in targets:
        if a != b:
            t = (target - b) / (a - b)
            if 0 < t < 1:
                out.append(t)
    return out


def breakpoints(
    base: Sequence[float], results: Sequence[ConsiderationResult], i: int, t: Thresholds
) -> list[float]:
    """Every t where the score or confidence may cross a threshold, with 0 and 1."""
    ends = [rescaled(base, i, 0.0), rescaled(base, i, 1.0)]
    points = {0.0, 1.0}
    for attr, targets in (
        ("score", (t.recommend, t.with_conditions)),
        ("confidence", (t.min_confidence,)),
    ):
        at0, at1 = (
            sum(w * getattr(r, attr) for w, r in zip(e, results, strict=True)) for e in ends
        )
        points.update(_crossings(at1, at0, targets))
    return sorted(points)


def stability_interval(
    verdict_at: VerdictAt,
    base: Sequence[float],
    results: Sequence[ConsiderationResult],
    i: int,
    thresholds: Thresholds,
) -> tuple[float, float]:
    """[low, high] of weight i, around base[i], over which the verdict stays the same.

    The verdict is constant between breakpoints, so it is evaluated at each breakpoint
    and each midpoint; walking out from the profile's weight, the interval ends at the
    breakpoint where it first changes.
    """
    pts = breakpoints(base, results, i, thresholds)
    probes: list[tuple[float, bool]] = []  # (t, is_breakpoint), in order
    for a, b in pairwise(pts):
        probes += [(a, True), ((a + b) / 2, False)]
    probes.append((pts[-1], True))
    probes.append((base[i], False))
    probes.sort(key=lambda p: p[0])
    current = verdict_at(base)
    same = [verdict_at(rescaled(base, i, t)) == current for t, _ in probes]
    k = next(j for j, (t, _) in enumerate(probes) if t == base[i])
    lo = hi = k
    while lo > 0 and same[lo - 1]:
        lo -= 1
    while hi < len(probes) - 1 and same[hi + 1]:
        hi += 1
    low = probes[lo][0] if probes[lo][1] or lo == 0 else probes[lo - 1][0]
    high = probes[hi][0] if probes[hi][1] or hi == len(probes) - 1 else probes[hi + 1][0]
    return round(low, 4), round(high, 4)


def sample_share(verdict_at: VerdictAt, base: Sequence[float], samples: int, seed: int) -> float:
    """Share of simplex-uniform weight vectors within ±50% of `base` keeping the verdict."""
    rng = random.Random(seed)
    current = verdict_at(base)
    kept = same = 0
    tries = 0
    while kept < samples and tries < samples * 200:
        tries += 1
        draws = [rng.expovariate(1.0) for _ in base]
        total = sum(draws)
        w = [d / total for d in draws]
        if all((1 - SPREAD) * b <= x <= (1 + SPREAD) * b for x, b in zip(w, base, strict=True)):
            kept += 1
            same += verdict_at(w) == current
    return round(same / kept, 4) if kept else 1.0


def analyse(
    findings: Sequence[Finding],
    results: Sequence[ConsiderationResult],
    conditions: Sequence[str],
    thresholds: Thresholds,
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
    margin: float = DEFAULT_MARGIN,
    judgement: Judgement | None = None,
) -> Sensitivity:
    total = sum(r.weight for r in results) or 1.0
    base = [r.weight / total for r in results]
    verdict_at = verdict_function(findings, results, conditions, thresholds, judgement)
    intervals = []
    for i, r in enumerate(results):
        lo, hi = stability_interval(verdict_at, base, results, i, thresholds)
        intervals.append(StabilityInterval(r.consideration, round(base[i], 4), lo, hi))
    share = sample_share(verdict_at, base, samples, seed)
    fragile, reason = _fragility(intervals, margin)
    return Sensitivity(tuple(intervals), samples, share, seed, margin, fragile, reason)


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
