"""The value model on its own: weighted means of stated values, ranges, completeness."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from pso_cli.engine.value import AttributeModel, Rated, evaluate
from pso_cli.model.kinds import Consideration as C

LEVELS = ("worst", "poor", "fair", "best")
VALUES = {"worst": 0.0, "poor": 30.0, "fair": 70.0, "best": 100.0}
WEIGHTS = {C.STRATEGIC: 0.3, C.LEGALITY: 0.3, C.AGENCIES: 0.2, C.ALTERNATIVES: 0.2}


def model(code: str, c: C, weight: float) -> AttributeModel:
    return AttributeModel(code, c, code, LEVELS, VALUES, weight)


MODELS = (
    model("S1", C.STRATEGIC, 3), model("S2", C.STRATEGIC, 1),
    model("L1", C.LEGALITY, 1), model("A1", C.AGENCIES, 2), model("A2", C.AGENCIES, 2),
    model("X1", C.ALTERNATIVES, 1),
)  # fmt: skip


def rate(**levels: str | None) -> dict[str, Rated]:
    return {code: Rated(code, level) for code, level in levels.items()}


def test_score_is_the_weighted_mean_of_stated_values_and_parts_add_up() -> None:
    v = evaluate(MODELS, rate(S1="best", S2="worst"), WEIGHTS)
    s = v.considerations[0]
    assert s.score == 75.0 and s.completeness == 1.0
    assert sum(a.contribution for a in s.attributes) == s.score


def test_unknown_widens_the_range_and_lowers_completeness_but_has_no_value() -> None:
    v = evaluate(MODELS, rate(S1="fair", S2=None), WEIGHTS)
    s = v.considerations[0]
    assert s.score == 70.0  # the stated fact alone
    assert (s.low, s.high) == (52.5, 77.5)  # S2 at 0 and at 100
    assert s.completeness == 0.75


def test_an_attribute_that_does_not_apply_is_left_out() -> None:
    v = evaluate(MODELS, rate(A1="best"), WEIGHTS)
    agencies = v.considerations[2]
    assert (agencies.score, agencies.completeness) == (100.0, 1.0)
    assert v.considerations[0].score is None  # nothing strategic applies or is stated


def test_overall_is_the_weighted_mean_of_the_considerations_scored() -> None:
    v = evaluate(MODELS, rate(S1="best", L1="worst"), WEIGHTS)
    assert v.score == 50.0


def test_nothing_known_means_no_score_and_the_widest_range() -> None:
    v = evaluate(MODELS, rate(S1=None, L1=None), WEIGHTS)
    assert v.score is None and (v.low, v.high, v.completeness) == (0.0, 100.0, 0.0)


level = st.sampled_from((*LEVELS, None))
ratings = st.fixed_dictionaries({m.code: level for m in MODELS})


@given(ratings)
def test_score_lies_within_its_range(r: dict[str, str | None]) -> None:
    v = evaluate(MODELS, rate(**r), WEIGHTS)
    assert 0 <= v.low <= v.high <= 100
    if v.score is not None:
        assert v.low - 1e-9 <= v.score <= v.high + 1e-9


@given(ratings, st.sampled_from([m.code for m in MODELS]), st.sampled_from(LEVELS))
def test_stating_an_unknown_fact_keeps_the_score_inside_the_old_range(
    r: dict[str, str | None], code: str, new: str
) -> None:
    r = {**r, code: None}
    before = evaluate(MODELS, rate(**r), WEIGHTS)
    after = evaluate(MODELS, rate(**{**r, code: new}), WEIGHTS)
    assert after.score is not None
    assert before.low - 1e-9 <= after.score <= before.high + 1e-9
    assert after.completeness >= before.completeness
    assert after.high - after.low <= before.high - before.low + 1e-9


@given(ratings, st.sampled_from([m.code for m in MODELS]))
def test_monotone_and_bounded_in_each_stated_level(r: dict[str, str | None], code: str) -> None:
    """Raising one stated level never lowers a score, and moves the overall score by at
    most the attribute's share of the known swing weight times the value change."""
    scores = []
    for lv in LEVELS:
        v = evaluate(MODELS, rate(**{**r, code: lv}), WEIGHTS)
        scores.append(v)
    for a, b in itertools.pairwise(scores):
        assert a.score is not None and b.score is not None
        assert b.score >= a.score - 1e-9
        for ca, cb in zip(a.considerations, b.considerations, strict=True):
            if ca.score is not None and cb.score is not None:
                assert cb.score >= ca.score - 1e-9
    m = next(m for m in MODELS if m.code == code)
    mine = scores[0].considerations[list(C).index(m.consideration)]
    known_w = sum(x.weight for x in mine.attributes if x.value is not None)
    scored_w = sum(cv.weight for cv in scores[0].considerations if cv.score is not None)
    bound = WEIGHTS[m.consideration] / scored_w * m.weight / known_w * 100
    assert scores[-1].score is not None and scores[0].score is not None
    assert scores[-1].score - scores[0].score <= bound + 1e-9
