"""aggregate.py: findings to scores, confidence and a verdict (pure, table-tested)."""

from __future__ import annotations

import pytest

from pso_cli.criteria.profile import Thresholds, Weights
from pso_cli.engine.aggregate import (
    BASELINE,
    RuleFacts,
    conditions_of,
    consideration_result,
    decide,
)
from pso_cli.model.findings import Consideration, Finding, Outcome, Severity, Verdict

C = Consideration
EQUAL = Weights()
T = Thresholds()  # recommend 70, with_conditions 50, min_confidence 0.6, per-consideration 0.4


def f(
    c: Consideration,
    rule: str,
    outcome: Outcome,
    effect: float = 0.0,
    severity: Severity = Severity.MAJOR,
    condition: str | None = None,
    accepted: bool = False,
) -> Finding:
    return Finding(
        outcome=outcome,
        message=f"{rule} {outcome}",
        field="x",
        effect=effect,
        condition=condition,
        rule=rule,
        rule_name=rule.lower(),
        consideration=c,
        severity=severity,
        accepted=accepted,
    )


def known(c: Consideration, code: str = "", facts: int = 1, k: float = 1.0) -> RuleFacts:
    return RuleFacts(code or f"{c.value[:3].upper()}-001", c, facts, k)


ALL_KNOWN = [known(c) for c in Consideration]


def supports_everywhere(points: float = 30.0) -> list[Finding]:
    return [f(c, f"{c.value[:3].upper()}-001", Outcome.SUPPORTS, points) for c in Consideration]


def test_clean_high_score_recommends() -> None:
    d = decide(supports_everywhere(30), ALL_KNOWN, EQUAL, T)
    assert d.verdict == Verdict.RECOMMEND
    assert d.score == 80.0
    assert d.confidence == 1.0
    assert d.conditions == ()
    assert "no outstanding conditions" in d.reason


def test_blocker_forces_do_not_recommend_even_with_a_high_score() -> None:
    findings = [*supports_everywhere(50), f(C.LEGALITY, "LEG-001", Outcome.BLOCKER, -1)]
    d = decide(findings, ALL_KNOWN, EQUAL, T)
    assert d.score >= 90
    assert d.verdict == Verdict.DO_NOT_RECOMMEND
    assert d.reason.startswith("A gate is not met: LEG-001 blocker")


def test_blocker_beats_low_confidence_and_rule_errors() -> None:
    findings = [
        f(C.LEGALITY, "LEG-001", Outcome.BLOCKER, -50),
        f(C.LEGALITY, "LEG-002", Outcome.BLOCKER, -50),
        f(C.STRATEGIC, "STR-001", Outcome.ERROR),
    ]
    d = decide(findings, [], EQUAL, T)
    assert d.verdict == Verdict.DO_NOT_RECOMMEND
    assert d.reason.endswith("(and 1 more)")


def test_rule_error_gives_further_analysis() -> None:
    findings = [*supports_everywhere(30), f(C.AGENCIES, "AGY-003", Outcome.ERROR)]
    d = decide(findings, ALL_KNOWN, EQUAL, T)
    assert d.verdict == Verdict.FURTHER_ANALYSIS
    assert "AGY-003 could not be evaluated" in d.reason


def test_low_overall_confidence_gives_further_analysis() -> None:
    rules = [known(c, facts=10, k=5) for c in Consideration]  # 0.5 < 0.6
    findings = [*supports_everywhere(30), f(C.LEGALITY, "LEG-009", Outcome.MISSING)]
    d = decide(findings, rules, EQUAL, T)
    assert d.confidence == 0.5
    assert d.verdict == Verdict.FURTHER_ANALYSIS
    assert "1 facts missing, confidence 50%" in d.reason


def test_one_weak_consideration_gives_further_analysis_even_if_overall_is_fine() -> None:
    rules = [known(c) for c in Consideration if c != C.ALTERNATIVES]
    rules.append(known(C.ALTERNATIVES, facts=10, k=3))  # 0.3 < 0.4
    d = decide(supports_everywhere(30), rules, EQUAL, T)
    assert d.confidence == pytest.approx((1 + 1 + 1 + 0.3) / 4, abs=1e-3)
    assert d.confidence >= T.min_confidence
    assert d.verdict == Verdict.FURTHER_ANALYSIS
    assert "least known: alternative options" in d.reason


def test_consideration_with_no_applicable_rule_has_zero_confidence() -> None:
    r = consideration_result(C.AGENCIES, [], [], 0.25)
    assert r.confidence == 0.0
    assert r.score == BASELINE


def test_score_below_with_conditions_does_not_recommend() -> None:
    findings = [f(c, f"{c.value[:3].upper()}-001", Outcome.CONCERN, -10) for c in Consideration]
    d = decide(findings, ALL_KNOWN, EQUAL, T)
    assert d.score == 40.0
    assert d.verdict == Verdict.DO_NOT_RECOMMEND
    assert "below the 50" in d.reason


def test_score_exactly_at_with_conditions_is_not_below() -> None:
    d = decide([], ALL_KNOWN, EQUAL, T)
    assert d.score == 50.0
    assert d.verdict == Verdict.WITH_CONDITIONS
    assert "score 50 below 70" in d.reason


def test_conditions_give_recommend_with_conditions() -> None:
    findings = [
        *supports_everywhere(30),
        f(C.AGENCIES, "AGY-002", Outcome.CONCERN, -5, Severity.MINOR, condition="Do X."),
        f(C.LEGALITY, "LEG-002", Outcome.CONCERN, -5, Severity.MINOR, condition="Do Y."),
        f(C.LEGALITY, "LEG-003", Outcome.CONCERN, -5, Severity.MINOR, condition="Do X."),
    ]
    d = decide(findings, ALL_KNOWN, EQUAL, T)
    assert d.score >= T.recommend
    assert d.verdict == Verdict.WITH_CONDITIONS
    assert d.conditions == ("Do X.", "Do Y.")
    assert "2 conditions to meet" in d.reason


def test_a_major_concern_without_condition_still_needs_conditions() -> None:
    findings = [*supports_everywhere(30), f(C.STRATEGIC, "STR-009", Outcome.CONCERN, -1)]
    d = decide(findings, ALL_KNOWN, EQUAL, T)
    assert d.verdict == Verdict.WITH_CONDITIONS
    assert "1 significant concern" in d.reason


def test_a_minor_concern_without_condition_does_not_stop_recommend() -> None:
    findings = [
        *supports_everywhere(30),
        f(C.STRATEGIC, "STR-009", Outcome.CONCERN, -1, Severity.MINOR),
    ]
    assert decide(findings, ALL_KNOWN, EQUAL, T).verdict == Verdict.RECOMMEND


def test_accepted_concerns_do_not_count() -> None:
    concern = f(C.LEGALITY, "LEG-007", Outcome.CONCERN, -40, condition="Renew.", accepted=True)
    findings = [*supports_everywhere(30), concern]
    d = decide(findings, ALL_KNOWN, EQUAL, T)
    assert d.verdict == Verdict.RECOMMEND
    assert d.conditions == ()
    legality = next(r for r in d.considerations if r.consideration == C.LEGALITY)
    assert legality.score == 80.0
    assert dict(legality.contributions) == {"LEG-001": 30.0}


def test_weights_shift_the_overall_score() -> None:
    findings = [f(C.STRATEGIC, "STR-001", Outcome.SUPPORTS, 40)]  # strategic 90, others 50
    equal = decide(findings, ALL_KNOWN, EQUAL, T)
    heavy = decide(
        findings,
        ALL_KNOWN,
        Weights(strategic=0.7, legality=0.1, agencies=0.1, alternatives=0.1),
        T,
    )
    assert equal.score == 60.0
    assert heavy.score == 78.0
    assert [r.weight for r in heavy.considerations] == [0.7, 0.1, 0.1, 0.1]


def test_weights_need_not_sum_to_one() -> None:
    findings = [f(C.STRATEGIC, "STR-001", Outcome.SUPPORTS, 40)]
    d = decide(findings, ALL_KNOWN, Weights(strategic=3, legality=1, agencies=0, alternatives=0), T)
    assert d.score == pytest.approx((90 * 3 + 50) / 4, abs=0.05)


def test_zero_weights_give_zero_score() -> None:
    # a profile can no longer say this (refused, located); aggregation still copes
    zero = Weights.model_construct(strategic=0, legality=0, agencies=0, alternatives=0)
    d = decide(supports_everywhere(30), ALL_KNOWN, zero, T)
    assert d.score == 0.0
    assert d.confidence == 0.0


def test_scores_are_clamped_to_0_and_100() -> None:
    up = consideration_result(C.STRATEGIC, [f(C.STRATEGIC, "S-1", Outcome.SUPPORTS, 500)], [], 1)
    down = consideration_result(C.STRATEGIC, [f(C.STRATEGIC, "S-1", Outcome.CONCERN, -500)], [], 1)
    assert up.score == 100.0
    assert down.score == 0.0
    assert up.contributions == (("S-1", 500.0),)


def test_contributions_sum_per_rule_sorted_and_skip_zero() -> None:
    findings = [
        f(C.LEGALITY, "LEG-005", Outcome.SUPPORTS, 5),
        f(C.LEGALITY, "LEG-001", Outcome.SUPPORTS, 10),
        f(C.LEGALITY, "LEG-005", Outcome.CONCERN, -2),
        f(C.LEGALITY, "LEG-003", Outcome.MISSING),
        f(C.STRATEGIC, "STR-001", Outcome.SUPPORTS, 7),  # other consideration
    ]
    r = consideration_result(C.LEGALITY, findings, [], 0.3)
    assert r.contributions == (("LEG-001", 10.0), ("LEG-005", 3.0))
    assert r.score == 63.0
    assert r.weight == 0.3


def test_confidence_is_known_facts_over_needed_facts() -> None:
    rules = [
        RuleFacts("LEG-001", C.LEGALITY, 3, 3.0),
        RuleFacts("LEG-002", C.LEGALITY, 4, 1.0),
        RuleFacts("LEG-003", C.LEGALITY, 1, 0.0),
        RuleFacts("STR-001", C.STRATEGIC, 10, 0.0),  # other consideration
    ]
    r = consideration_result(C.LEGALITY, [], rules, 0.25)
    assert r.confidence == 0.5  # (3 + 1 + 0) / (3 + 4 + 1)


def test_overall_confidence_is_the_weighted_mean() -> None:
    rules = [
        RuleFacts("STR-001", C.STRATEGIC, 4, 4.0),  # 1.0
        RuleFacts("LEG-001", C.LEGALITY, 4, 2.0),  # 0.5
        RuleFacts("AGY-001", C.AGENCIES, 4, 3.0),  # 0.75
        RuleFacts("ALT-001", C.ALTERNATIVES, 4, 4.0),  # 1.0
    ]
    w = Weights(strategic=0.3, legality=0.3, agencies=0.2, alternatives=0.2)
    d = decide([], rules, w, T)
    assert d.confidence == pytest.approx(0.3 * 1 + 0.3 * 0.5 + 0.2 * 0.75 + 0.2 * 1, abs=1e-3)


def test_conditions_of_dedupes_in_order_and_skips_accepted_and_non_concerns() -> None:
    findings = [
        f(C.LEGALITY, "A-001", Outcome.CONCERN, -1, condition="one"),
        f(C.LEGALITY, "A-002", Outcome.CONCERN, -1, condition="two", accepted=True),
        f(C.LEGALITY, "A-003", Outcome.BLOCKER, -1, condition="three"),
        f(C.LEGALITY, "A-004", Outcome.CONCERN, -1, condition="one"),
        f(C.LEGALITY, "A-005", Outcome.CONCERN, -1, condition="four"),
    ]
    assert conditions_of(findings) == ("one", "four")


def test_custom_thresholds() -> None:
    strict = Thresholds(recommend=95, with_conditions=85, min_confidence=0.9)
    d = decide(supports_everywhere(30), ALL_KNOWN, EQUAL, strict)
    assert d.verdict == Verdict.DO_NOT_RECOMMEND  # 80 < 85
    lenient = Thresholds(recommend=60, with_conditions=10)
    assert decide([], ALL_KNOWN, EQUAL, lenient).verdict == Verdict.WITH_CONDITIONS
    assert decide(supports_everywhere(10), ALL_KNOWN, EQUAL, lenient).verdict == (Verdict.RECOMMEND)


def test_verdict_ranks_are_ordered_by_severity() -> None:
    ranks = [v.rank for v in Verdict]
    assert ranks == sorted(ranks)
    assert Verdict.RECOMMEND.rank < Verdict.DO_NOT_RECOMMEND.rank


def test_considerations_come_in_policy_order() -> None:
    d = decide([], ALL_KNOWN, EQUAL, T)
    assert [r.consideration for r in d.considerations] == list(Consideration)
