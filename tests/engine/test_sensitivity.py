"""Stability intervals agree with brute-force evaluation; sampling is reproducible."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pso_cli.criteria.profile import Thresholds
from pso_cli.engine.sensitivity import (
    analyse,
    rescaled,
    sample_share,
    stability_interval,
    verdict_function,
)
from pso_cli.model.findings import Consideration, ConsiderationResult, Finding, Outcome, Verdict

T = Thresholds(
    recommend=70, with_conditions=50, min_confidence=0.6, min_consideration_confidence=0.0
)
GRID = 2000


def results(
    scores: list[float], confs: list[float], weights: list[float]
) -> tuple[ConsiderationResult, ...]:
    return tuple(
        ConsiderationResult(c, s, k, w, ())
        for c, s, k, w in zip(Consideration, scores, confs, weights, strict=True)
    )


def brute_interval(
    rs: tuple[ConsiderationResult, ...], i: int, findings: list[Finding]
) -> tuple[float, float]:
    """Scan a fine grid outward from the profile weight until the verdict changes."""
    base = [r.weight for r in rs]
    at = verdict_function(findings, rs, (), T)
    now = at(base)
    grid = [k / GRID for k in range(GRID + 1)]
    below = [t for t in grid if t <= base[i]]
    above = [t for t in grid if t >= base[i]]
    lo = base[i]
    for t in reversed(below):
        if at(rescaled(base, i, t)) != now:
            break
        lo = t
    hi = base[i]
    for t in above:
        if at(rescaled(base, i, t)) != now:
            break
        hi = t
    return lo, hi


scores = st.lists(st.floats(0, 100), min_size=4, max_size=4)
confs = st.lists(st.floats(0.2, 1), min_size=4, max_size=4)
weights = st.lists(st.floats(0.05, 1), min_size=4, max_size=4)


@settings(max_examples=60, deadline=None)
@given(scores, confs, weights, st.integers(0, 3))
def test_interval_matches_brute_force(
    s: list[float], k: list[float], w: list[float], i: int
) -> None:
    total = sum(w)
    rs = results(s, k, [x / total for x in w])
    base = [r.weight for r in rs]
    lo, hi = stability_interval(verdict_function([], rs, (), T), base, rs, i, T)
    blo, bhi = brute_interval(rs, i, [])
    step = 1 / GRID + 1e-4
    assert abs(lo - blo) <= step and abs(hi - bhi) <= step
    assert lo <= base[i] + 1e-9 <= hi + 2e-9


def test_a_clear_case_holds_over_every_weight() -> None:
    rs = results([90, 85, 88, 80], [1, 1, 1, 1], [0.3, 0.3, 0.2, 0.2])
    s = analyse([], rs, (), T, samples=200)
    assert all((i.low, i.high) == (0.0, 1.0) for i in s.intervals)
    assert s.same_verdict_share == 1.0 and not s.fragile


def test_a_borderline_case_is_fragile_and_names_the_consideration() -> None:
    # With the legality weight t (others rescaled) the score is 64 + 16t: 68.8 at the
    # profile's 0.3 (with conditions), 70 at t = 0.375. A change of 0.075 flips it, so a
    # margin of 0.1 calls it fragile and a margin of 0.05 does not.
    rs = results([64, 80, 64, 64], [1, 1, 1, 1], [0.3, 0.3, 0.2, 0.2])
    s = analyse([], rs, (), T, samples=500, margin=0.1)
    legality = s.intervals[1]
    assert legality.high == pytest.approx(0.375, abs=1e-3)
    assert s.fragile and "legality" in s.reason
    assert not analyse([], rs, (), T, samples=500, margin=0.05).fragile


def test_a_blocker_makes_the_verdict_independent_of_weights() -> None:
    rs = results([95, 95, 95, 95], [1, 1, 1, 1], [0.25] * 4)
    blocker = Finding(Outcome.BLOCKER, "no legal basis", "legal_basis", -50, rule="LEG-001")
    s = analyse([blocker], rs, (), T, samples=100)
    assert verdict_function([blocker], rs, (), T)([0.25] * 4) == Verdict.DO_NOT_RECOMMEND
    assert all((i.low, i.high) == (0.0, 1.0) for i in s.intervals)


def test_sampling_is_seeded_and_reproducible() -> None:
    rs = results([51, 61, 20, 66], [1, 1, 1, 1], [0.3, 0.3, 0.2, 0.2])
    at = verdict_function([], rs, (), T)
    base = [r.weight for r in rs]
    first = sample_share(at, base, 400, seed=7)
    assert first == sample_share(at, base, 400, seed=7)
    assert 0.0 < first < 1.0


def test_assess_sensitivity_flags_a_constructed_borderline_proposal() -> None:
    """tests/fixtures/borderline.yaml sits just under the recommend line."""
    from pso_cli.api import build_engine
    from pso_cli.engine.assess import Analysis, assess_loaded
    from pso_cli.loading.load import load_proposal

    engine = build_engine(
        as_of=dt.date(2030, 6, 1), analysis=Analysis(sensitivity=True, samples=300)
    )
    a = assess_loaded(engine, load_proposal("tests/fixtures/borderline.yaml"))
    assert a.sensitivity is not None and a.sensitivity.fragile
    fragile = [f for f in a.findings if f.rule == "PSO-FRAGILE"]
    assert fragile and fragile[0].outcome == Outcome.CONCERN
