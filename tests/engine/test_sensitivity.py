"""Sensitivity of the verdict to the weights and to the value functions."""

from __future__ import annotations

from pso_cli.criteria.profile import Thresholds
from pso_cli.engine.aggregate import Judgement
from pso_cli.engine.sensitivity import Case, analyse, rescaled, shares, stability_interval
from pso_cli.engine.value import AttributeModel, Rated
from pso_cli.model.findings import Finding, Outcome, Verdict
from pso_cli.model.kinds import Consideration as C

T = Thresholds(recommend=70, with_conditions=50)
LEVELS = ("bad", "fair", "good")
WEIGHTS = {c: 0.25 for c in C}


def case(values: dict[C, str], fair: float = 50.0, band: float = 10.0) -> Case:
    vals = {"bad": 0.0, "fair": fair, "good": 100.0}
    models = tuple(AttributeModel(c.value, c, c.value, LEVELS, vals, 1.0, band) for c in C)
    rated = {c.value: Rated(c.value, values[c]) for c in C}
    return Case(models, rated, (), (), T, Judgement())


def test_rescaled_keeps_proportions() -> None:
    assert rescaled([0.25, 0.25, 0.5], 2, 0.0) == [0.5, 0.5, 0.0]


def test_the_interval_ends_where_the_verdict_changes() -> None:
    # strategic good (100), the rest fair (60): overall 70 at equal weights -> recommend;
    # below a strategic weight of 0.25 the score falls under 70.
    c = case(
        {C.STRATEGIC: "good", C.LEGALITY: "fair", C.AGENCIES: "fair", C.ALTERNATIVES: "fair"}, 60
    )
    assert c.verdict([0.25] * 4) is Verdict.RECOMMEND
    low, high = stability_interval(c, [0.25] * 4, 0)
    assert abs(low - 0.25) < 1e-3 and high == 1.0


def test_a_forced_verdict_is_stable_by_construction() -> None:
    c = case({k: "good" for k in C})
    blocked = Case(c.models, c.rated, (Finding(Outcome.BLOCKER, "no", "f"),), (), T, Judgement())
    assert shares(blocked, [0.25] * 4, 200, 1) == (1.0, 1.0, 1.0)
    s = analyse(blocked, WEIGHTS, samples=100)
    assert not s.fragile and all((i.low, i.high) == (0.0, 1.0) for i in s.intervals)


def test_values_near_a_threshold_make_the_verdict_sensitive_to_the_value_function() -> None:
    # every attribute 'fair' at 70: exactly the recommend threshold; a band of 10 moves it
    c = case({k: "fair" for k in C}, fair=70.0)
    by_weights, by_values, both = shares(c, [0.25] * 4, 400, 7)
    assert by_weights == 1.0  # equal values: the weights cannot move the score
    assert 0.2 < by_values < 0.8 and both < 1.0


def test_shares_are_reproducible_with_a_seed() -> None:
    c = case(
        {C.STRATEGIC: "good", C.LEGALITY: "fair", C.AGENCIES: "bad", C.ALTERNATIVES: "fair"}, 60
    )
    assert shares(c, [0.25] * 4, 300, 3) == shares(c, [0.25] * 4, 300, 3)
    s = analyse(c, WEIGHTS, samples=300, seed=3)
    assert s.samples == 300 and 0.0 <= s.values_share <= 1.0 and 0.0 <= s.combined_share <= 1.0


def test_a_zero_band_never_moves_the_verdict() -> None:
    c = case({k: "fair" for k in C}, fair=70.0, band=0.0)
    assert shares(c, [0.25] * 4, 100, 1)[1] == 1.0
