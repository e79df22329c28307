"""The verdict, table-tested: the non-compensatory judgement first, then the score's range."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pso_cli.criteria.profile import Thresholds
from pso_cli.engine.aggregate import Judgement, decide, lower_initial, verdict_of
from pso_cli.engine.value import AttributeModel, OverallValue, Rated, evaluate
from pso_cli.model.findings import Finding, Gate, Outcome, Severity, Verdict
from pso_cli.model.kinds import Consideration as C
from pso_cli.model.legal_analysis import Basis, LegalAnalysis, LegalOutcome
from pso_cli.model.run import Invalid

REPO = Path(__file__).resolve().parents[2]

T = Thresholds(recommend=70, with_conditions=50)  # no completeness floor, as nz-default
LEVELS = ("worst", "low", "mid", "high", "best")
VALUES = {"worst": 0.0, "low": 25.0, "mid": 50.0, "high": 75.0, "best": 100.0}
WEIGHTS = {C.STRATEGIC: 1.0, C.LEGALITY: 1.0, C.AGENCIES: 1.0, C.ALTERNATIVES: 1.0}
MODELS = tuple(
    AttributeModel(f"{c.value[:3].upper()}-00{i}", c, f"{c.value} {i}", LEVELS, VALUES, 1.0)
    for c in C
    for i in (1, 2)
)


def overall(**levels: str | None) -> OverallValue:
    """Every attribute at `default` unless named (None: unknown)."""
    default = levels.pop("default", "best")
    rated = {m.code: Rated(m.code, levels.get(m.code.replace("-", "_"), default)) for m in MODELS}
    return evaluate(MODELS, rated, WEIGHTS)


def law(outcome: LegalOutcome, **kw: Any) -> LegalAnalysis:
    basis = Basis.CONSENT if outcome is LegalOutcome.LAWFUL else Basis.NONE
    base: dict[str, Any] = dict(
        outcome=outcome, basis=basis, bases=(), reason=f"It is {outcome}.",
        field="legal_basis", questions=(), notes=(), places=(),
    )  # fmt: skip
    return LegalAnalysis(**{**base, **kw})


def finding(outcome: Outcome, severity: Severity = Severity.MINOR, **kw: Any) -> Finding:
    return Finding(outcome, kw.pop("message", "m"), "f", rule=kw.pop("rule", "STR-002"),
                   severity=severity, **kw)  # fmt: skip


def veto(status: str, verdict: str = "do-not-recommend") -> Gate:
    return Gate("duty-of-care", "Duty of care", status, "risk.threat_level", 9, 3, "veto", verdict)


def test_all_sound_recommends() -> None:
    d = decide([], overall(), T, Judgement(law=law(LegalOutcome.LAWFUL)))
    assert d.verdict is Verdict.RECOMMEND and d.score == 100.0 and d.completeness == 1.0


def test_a_gate_blocker_forces_do_not_recommend_whatever_the_score() -> None:
    d = decide([finding(Outcome.BLOCKER, message="No basis.")], overall(), T)
    assert d.verdict is Verdict.DO_NOT_RECOMMEND and d.reason == "A gate is not met: no basis."


def test_a_failed_veto_forces_its_verdict() -> None:
    d = decide([], overall(), T, Judgement(gates=(veto("failed"),)))
    assert d.verdict is Verdict.DO_NOT_RECOMMEND
    assert d.reason == "A veto is not met: duty of care (risk.threat_level)."
    fa = Judgement(gates=(veto("failed", "further-analysis"),),
                   veto_conditions={"duty-of-care": "Close the gap."})  # fmt: skip
    d = decide([], overall(), T, fa)
    assert d.verdict is Verdict.FURTHER_ANALYSIS and "Close the gap." in d.conditions


def test_a_passed_or_unknown_veto_does_not_force_a_verdict() -> None:
    for status in ("passed", "unknown"):
        assert decide([], overall(), T, Judgement(gates=(veto(status),))).verdict is (
            Verdict.RECOMMEND
        )


def test_contested_law_asks_for_legal_advice() -> None:
    j = Judgement(law=law(LegalOutcome.CONTESTED, questions=("whether X may consent",)))
    d = decide([], overall(), T, j)
    assert d.verdict is Verdict.FURTHER_ANALYSIS
    assert d.conditions[0] == "Obtain legal advice on whether X may consent."


def test_a_condition_asked_twice_is_listed_once_in_order() -> None:
    """Basra 2003: the law's question is also the legal gate's condition (and a rule may
    repeat one); each condition is listed once, where it first comes, and counted once."""
    ask = "whether resolution 1483 (2003) supports a presence without consent"
    j = Judgement(law=law(LegalOutcome.CONTESTED, questions=(ask, "whether Y may consent")))
    again = finding(Outcome.CONCERN, rule="LEG-001", condition=f"Obtain legal advice on {ask}.")
    sofa = finding(Outcome.CONCERN, rule="LEG-005", condition="Conclude a SOFA.")
    d = decide([again, sofa, again], overall(), T, j)
    assert d.conditions == (
        f"Obtain legal advice on {ask}.",
        "Obtain legal advice on whether Y may consent.",
        "Conclude a SOFA.",
    )
    verdict, reason, _ = verdict_of([again, sofa], overall(), d.conditions, T)
    assert verdict is Verdict.WITH_CONDITIONS and "3 conditions to meet" in reason


@pytest.mark.parametrize(
    ("title", "quoted"),
    [
        ("A partial force-protection gap is closed", "a partial force-protection gap is closed"),
        (
            "Contested in the territory of Iraq: consent",
            "contested in the territory of Iraq: consent",
        ),
        ("Force protection is adequate", "force protection is adequate"),
        ("The UN has not acted", "the UN has not acted"),
        ("MFAT in a regional mission", "MFAT in a regional mission"),  # an acronym
        ("NZ keeps command", "NZ keeps command"),
        ("UN-led or coalition", "UN-led or coalition"),
        ("New Zealand keeps national command", "New Zealand keeps national command"),  # a name
        ("Solomon Islands consents", "Solomon Islands consents"),
        ("already lower", "already lower"),
        ("", ""),
    ],
)
def test_a_title_quoted_after_a_colon_is_lower_cased_unless_a_name(title: str, quoted: str) -> None:
    assert lower_initial(title) == quoted


def test_reasons_quote_titles_and_the_law_in_lower_case_after_their_colon() -> None:
    title, field = "A partial force-protection gap is closed", "risk.force_protection.adequacy"
    gap = Gate("protection-gap", title, "failed", field, 87, 3, "veto", "further-analysis")
    d = decide([], overall(), T, Judgement(gates=(gap,)))
    assert d.reason == (
        "A veto is not met until resolved: a partial force-protection gap is closed "
        "(risk.force_protection.adequacy)."
    )
    assert d.conditions == (
        "Resolve: a partial force-protection gap is closed (risk.force_protection.adequacy).",
    )
    command = Gate("national-command", "New Zealand keeps national command", "failed",
                   "risk.command", 9, 3, "veto")  # fmt: skip
    d = decide([], overall(), T, Judgement(gates=(command,)))
    assert d.reason == "A veto is not met: New Zealand keeps national command (risk.command)."
    j = Judgement(law=law(LegalOutcome.CONTESTED, reason="Contested in the territory of X: why."))
    d = decide([], overall(), T, j)
    assert d.reason == "The legal basis is contested: contested in the territory of X: why."
    j = Judgement(law=law(LegalOutcome.UNKNOWN, reason="Unknown in the territory of X: why."))
    d = decide([], overall(), T, j)
    assert d.reason == "The legal basis cannot be established: unknown in the territory of X: why."


def test_contested_law_settled_on_advice_lets_the_score_decide() -> None:
    j = Judgement(law=law(LegalOutcome.CONTESTED, advice="Legal Division (2030-01-01)"))
    assert decide([], overall(), T, j).verdict is Verdict.RECOMMEND


def test_unknown_law_asks_for_the_facts() -> None:
    j = Judgement(law=law(LegalOutcome.UNKNOWN, questions=("state the host's consent",)))
    d = decide([], overall(), T, j)
    assert d.verdict is Verdict.FURTHER_ANALYSIS and d.conditions == ("State the host's consent.",)


def test_a_must_have_fact_unknown_forces_further_analysis_naming_it() -> None:
    d = decide([], overall(), T, Judgement(missing=(("risk.threat_level", 3, 1),)))
    assert d.verdict is Verdict.FURTHER_ANALYSIS and "risk.threat_level" in d.reason


def test_an_undecided_gate_forces_further_analysis() -> None:
    gate = Gate("STR-001", "UN-led or coalition", "unknown", "leadership.partners", 4, 1)
    assert decide([], overall(), T, Judgement(gates=(gate,))).verdict is Verdict.FURTHER_ANALYSIS


def test_a_rule_error_forces_further_analysis() -> None:
    assert decide([finding(Outcome.ERROR)], overall(), T).verdict is Verdict.FURTHER_ANALYSIS


def test_a_range_wholly_below_the_threshold_is_do_not_recommend() -> None:
    d = decide([], overall(default="low"), T)
    assert d.verdict is Verdict.DO_NOT_RECOMMEND and (d.low, d.high) == (25.0, 25.0)


def test_a_range_that_straddles_the_threshold_is_further_analysis_naming_facts() -> None:
    # four attributes known at 'low' (25), four unknown: score 25, range 12.5-62.5
    o = overall(default="low", STR_002=None, LEG_002=None, AGE_002=None, ALT_002=None)
    d = decide([], o, T)
    assert d.verdict is Verdict.FURTHER_ANALYSIS and "straddles" in d.reason
    assert "agencies 2" in d.reason  # the unknown facts to state are named, by weight


def test_a_recommendation_that_depends_on_unknowns_becomes_conditional() -> None:
    # score 100 on what is known, but the range reaches below 70
    o = overall(STR_002=None, LEG_002=None, ALT_002=None)
    assert o.score == 100.0 and o.low < 70 <= o.score
    verdict, _, extra = verdict_of([], o, (), T)
    assert verdict is Verdict.WITH_CONDITIONS
    assert extra and all(e.startswith("State ") for e in extra)


def test_conditions_give_recommend_with_conditions() -> None:
    cond = finding(Outcome.CONCERN, condition="Conclude a SOFA.")
    d = decide([cond], overall(), T)
    assert d.verdict is Verdict.WITH_CONDITIONS and "Conclude a SOFA." in d.conditions


def test_a_significant_concern_is_named_in_the_reason() -> None:
    d = decide([finding(Outcome.CONCERN, Severity.MAJOR)], overall(), T)
    assert d.verdict is Verdict.WITH_CONDITIONS and "1 significant concern" in d.reason


def test_an_accepted_concern_no_longer_conditions_the_verdict() -> None:
    cond = finding(Outcome.CONCERN, Severity.MAJOR, condition="Do X.", accepted=True)
    assert decide([cond], overall(), T).verdict is Verdict.RECOMMEND


def test_a_score_between_the_thresholds_is_recommend_with_conditions() -> None:
    d = decide([], overall(default="mid"), T)
    assert d.verdict is Verdict.WITH_CONDITIONS and "below the 70" in d.reason


@pytest.mark.parametrize("floor", [0.6, 0.9])
def test_a_profile_may_set_a_completeness_floor(floor: float) -> None:
    o = overall(STR_002=None, LEG_002=None, AGE_002=None)
    t = Thresholds(recommend=70, with_conditions=50, min_completeness=floor)
    verdict = decide([], o, t).verdict
    assert verdict is (
        Verdict.FURTHER_ANALYSIS if o.completeness < floor else Verdict.WITH_CONDITIONS
    )


def test_nothing_scored_is_further_analysis() -> None:
    o = overall(default=None)
    assert o.score is None
    assert decide([], o, T).verdict is Verdict.FURTHER_ANALYSIS


def test_order_blocker_before_error_before_law_before_score() -> None:
    j = Judgement(law=law(LegalOutcome.CONTESTED))
    both = [finding(Outcome.ERROR), finding(Outcome.BLOCKER)]
    assert decide(both, overall(), T, j).verdict is Verdict.DO_NOT_RECOMMEND
    assert decide([finding(Outcome.ERROR)], overall(), T, j).reason.startswith("Rule ")


def test_basra_2003_lists_its_legal_question_once() -> None:
    """End to end: the law's question on resolution 1483 is also LEG-001's condition."""
    from pso_cli.api import run_assessment

    (a,) = run_assessment([str(REPO / "examples/history/basra-engineers-2003.yaml")]).items
    assert not isinstance(a, Invalid)
    asks = [c for c in a.conditions if "resolution 1483" in c]
    assert len(asks) == 1 and len(a.conditions) == len(set(a.conditions))
    assert a.reason.startswith("The legal basis is contested: contested in the territory of Iraq")
