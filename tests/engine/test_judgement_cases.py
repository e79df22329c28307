"""The cases a legal adviser and a decision analyst found pso 0.1 getting wrong (issue 14),
assessed end to end from a complete, sound base proposal. Each test says why the law or
the policy requires its verdict. None names a real operation: the situations are generic.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from pso_cli.api import build_engine
from pso_cli.engine.assess import assess_loaded
from pso_cli.loading.load import Loaded, proposal_from_bytes
from pso_cli.loading.source_map import SourceMap
from pso_cli.model.findings import Assessment, Outcome, Verdict
from pso_cli.model.proposal import Proposal

BASE = yaml.safe_load((Path(__file__).parents[1] / "rules" / "base.yaml").read_text())
ENGINE = build_engine()


def merge(base: Any, patch: Any) -> Any:
    if not isinstance(base, dict) or not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = copy.deepcopy(base)
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = merge(out.get(k), v)
    return out


def assess(patch: dict[str, Any]) -> Assessment:
    doc = merge(BASE, patch)
    loaded = Loaded("case.yaml", "0" * 64, Proposal.model_validate(doc), SourceMap("case.yaml"))
    return assess_loaded(ENGINE, loaded)


NO_CONSENT = {"host_consent": {"status": "none"}, "treaty": "none"}


def test_the_base_proposal_is_recommended() -> None:
    assert assess({}).verdict is Verdict.RECOMMEND


def test_a_chapter_vi_resolution_with_consent_refused_is_not_recommended() -> None:
    """Chapter VI rests on consent; with consent refused it authorises nothing (Art. 2(4))."""
    a = assess({"legal_basis": {**NO_CONSENT, "security_council": [
        {"number": 2001, "year": 2030, "chapter": "vi"}]}})  # fmt: skip
    assert a.verdict is Verdict.DO_NOT_RECOMMEND and a.legal and a.legal.outcome == "unlawful"


def test_a_treaty_claimed_while_consent_is_withdrawn_is_not_recommended() -> None:
    """A treaty's advance consent does not override a state's withdrawal of consent."""
    a = assess({"legal_basis": {"host_consent": {"status": "withdrawn"}}})
    assert a.verdict is Verdict.DO_NOT_RECOMMEND


def test_enforcement_on_an_authorisation_revived_from_an_earlier_situation_is_not_recommended() -> (
    None
):
    """A resolution adopted for an earlier situation authorises nothing for this one; no
    finding may call the operation 'authorised under Chapter VII'."""
    a = assess({
        "identity": {"operation_type": "enforcement"},
        "legal_basis": {**NO_CONSENT, "use_of_force": "enforcement", "security_council": [
            {"number": 678, "year": 1990, "chapter": "vii", "authorises_force": True,
             "for_this_situation": False}]},
    })  # fmt: skip
    assert a.verdict is Verdict.DO_NOT_RECOMMEND
    assert not [
        f for f in a.findings if f.outcome is Outcome.SUPPORTS and "Chapter VII" in f.message
    ]


@pytest.mark.parametrize("treaty", ["none", "No treaty applies", "Charter of the United Nations"])
def test_a_treaty_named_in_words_is_no_legal_basis(treaty: str) -> None:
    """Only a treaty with stated parties, the host among them, can supply consent."""
    a = assess({"legal_basis": {"host_consent": {"status": "none"}, "treaty": treaty}})
    assert a.verdict is Verdict.DO_NOT_RECOMMEND
    assert a.legal is not None and "treaty" not in a.legal.basis


def test_partial_consent_with_a_regional_decision_needs_legal_advice() -> None:
    """A regional body adds no legal basis beyond the host's consent (Art. 53)."""
    a = assess({"legal_basis": {"host_consent": {"status": "partial"}, "treaty": "none"}})
    assert a.verdict is Verdict.FURTHER_ANALYSIS
    assert any(c.startswith("Obtain legal advice on") for c in a.conditions)


def test_collective_self_defence_is_weighed_not_failed() -> None:
    """Article 51 at the request of the state attacked is a basis: the gate passes."""
    a = assess({
        "identity": {"operation_type": "combat-support"},
        "legal_basis": {**NO_CONSENT, "use_of_force": "enforcement", "self_defence": {
            "kind": "collective", "state_attacked": "Testland", "armed_attack": "occurred",
            "attacker": "state", "request": True, "council_informed": True}},
    })  # fmt: skip
    assert a.legal is not None and a.legal.outcome == "lawful" and a.legal.basis == "self-defence"
    assert a.verdict is not Verdict.DO_NOT_RECOMMEND


def test_host_invited_enforcement_is_not_penalised() -> None:
    """Force at the invitation of the lawful government needs no Chapter VII resolution."""
    a = assess({"identity": {"operation_type": "enforcement"},
                "legal_basis": {"use_of_force": "enforcement"}})  # fmt: skip
    assert a.legal is not None and a.legal.outcome == "lawful"
    assert not [c for c in a.conditions if "Chapter VII" in c]
    legality = next(c for c in a.considerations if c.consideration == "legality")
    assert legality.score == assess({}).considerations[1].score


@pytest.mark.parametrize("arrangement", ["nz-led", "bilateral"])
def test_an_nz_led_or_bilateral_mission_at_the_hosts_request_is_not_penalised(
    arrangement: str,
) -> None:
    """A lawful, host-invited deployment does not erode the rules-based order."""
    a = assess({"leadership": {"arrangement": arrangement, "partners": ["Australia"]},
                "legal_basis": {"regional_arrangement": "none"}})  # fmt: skip
    assert a.verdict in (Verdict.RECOMMEND, Verdict.WITH_CONDITIONS)
    assert not [f for f in a.findings if f.rule == "STR-006" and f.outcome is Outcome.CONCERN]


def test_a_duty_of_care_failure_cannot_be_bought_back_by_points() -> None:
    """Extreme, worsening threat with inadequate protection and evacuation and no
    national command: the vetoes decide, whatever the rest scores."""
    a = assess({"risk": {"threat_level": "extreme", "threat_trend": "deteriorating",
                         "force_protection": {"adequacy": "inadequate"},
                         "medical_evacuation": {"adequacy": "inadequate"},
                         "command": {"national_command_retained": False}}})  # fmt: skip
    assert a.verdict is Verdict.DO_NOT_RECOMMEND
    assert {g.rule for g in a.gates if g.kind == "veto" and g.status == "failed"} >= {
        "duty-of-care-protection", "duty-of-care-evacuation", "national-command"}  # fmt: skip


def test_partial_protection_against_an_extreme_threat_is_not_sound_on_balance() -> None:
    """An interim authority's consent under a Chapter VII authorisation, an extreme threat
    and partial protection and evacuation: further analysis until the gaps are closed."""
    a = assess({
        "risk": {"threat_level": "extreme", "force_protection": {"adequacy": "partial"},
                 "medical_evacuation": {"adequacy": "partial"}},
        "legal_basis": {"host_consent": {"authority": "de-facto"}, "security_council": [
            {"number": 3001, "year": 2030, "chapter": "vii", "authorises_force": True,
             "for_this_situation": True}]},
    })  # fmt: skip
    assert a.verdict is Verdict.FURTHER_ANALYSIS
    assert any("gap is closed" in c for c in a.conditions)


def test_critical_unknowns_stop_advice() -> None:
    """Without the risk section, the effect on NZ security and the humanitarian
    situation, pso must not advise."""
    a = assess({"risk": None, "strategic": {"nz_security": None, "humanitarian": None}})
    assert a.verdict is Verdict.FURTHER_ANALYSIS
    named = {f for f, _, _ in a.missing_facts}
    assert {"risk.threat_level", "strategic.nz_security.effect",
            "strategic.humanitarian.severity"} <= named  # fmt: skip


def test_the_untouched_init_template_is_not_advised() -> None:
    from pso_cli.cli.init_cmd import template_text

    loaded = proposal_from_bytes(template_text().encode(), "proposal.yaml")
    a = assess_loaded(ENGINE, loaded)
    assert a.verdict is Verdict.FURTHER_ANALYSIS and a.score is None


def test_stabilisation_is_its_own_operation_type() -> None:
    assert assess({"identity": {"operation_type": "stabilisation"}}).verdict is not None
    p = merge(BASE, {"identity": {"operation_type": "stabilisation"}})
    assert Proposal.model_validate(p).identity.operation_type == "stabilisation"


def test_format_2_refuses_the_alias_that_changed_meaning() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Proposal.model_validate(merge(BASE, {"identity": {"operation_type": "peacekeeping"}}))


def test_planning_gaps_give_conditions_not_refusal() -> None:
    """No end state, no exit strategy, no reviews: fixable, so conditions, not refusal."""
    a = assess({"strategic": {"end_state": "none", "exit_strategy": "none"},
                "location": {"review_dates": "none"}})  # fmt: skip
    assert a.verdict is Verdict.WITH_CONDITIONS
    assert len(a.conditions) >= 3


@pytest.mark.parametrize(
    "patch",
    [
        {"strategic": {"end_state": "none"}},
        {"strategic": {"exit_strategy": "none"}},
        {"location": {"review_dates": "none"}},
        {"legal_basis": {"status_of_forces": {"status": "negotiating"}}},
        {"contribution": {"nzdf": {"funding_source": "none"}}},
    ],
    ids=["no end state", "no exit strategy", "no reviews", "SOFA negotiating", "unfunded"],
)
def test_each_fixable_gap_alone_gives_conditions(patch: dict[str, Any]) -> None:
    """The anchors the thresholds were checked on (README "How the verdict is reached"):
    the sound base proposal is recommended; any one fixable gap gives conditions."""
    a = assess(patch)
    assert a.verdict is Verdict.WITH_CONDITIONS, a.reason
    assert a.conditions


GAP = {"threat_level": "high", "force_protection": {"adequacy": "partial"}}


def test_a_protection_gap_with_no_plan_stated_as_none_is_not_lifted() -> None:
    """`none` states that there is no plan to close the gap: the duty of care is unmet."""
    a = assess({"risk": {**GAP, "force_protection": {"adequacy": "partial", "mitigation": "none"}}})
    (gap,) = [g for g in a.gates if g.rule == "duty-of-care-protection-gap"]
    assert gap.status == "failed" and a.verdict is Verdict.FURTHER_ANALYSIS


def test_a_plan_lifts_a_protection_gap_only_as_a_condition_to_verify() -> None:
    """A stated plan is a claim, not the gap closed: it lifts the veto, and checking it
    becomes the first condition of the advice."""
    plan = "Armoured vehicles and a quick-reaction force are in place before deployment."
    a = assess({"risk": {**GAP, "force_protection": {"adequacy": "partial", "mitigation": plan}}})
    (gap,) = [g for g in a.gates if g.rule == "duty-of-care-protection-gap"]
    assert gap.status == "passed" and gap.field == "risk.force_protection.mitigation"
    assert a.verdict is not Verdict.RECOMMEND
    assert a.conditions[0].startswith("Verify before deployment that the plan stated at ")


def test_contested_consent_advised_lawful_is_advised_on() -> None:
    """Recorded legal advice that the basis is lawful answers the law's question: pso
    advises, scoring the basis below a clear one, instead of asking for advice again."""
    lawful = assess({})
    a = assess({"legal_basis": {"host_consent": {"authority": "de-facto"}, "legal_advice": [
        {"by": "Legal Adviser", "date": "2030-06-10", "conclusion": "lawful",
         "summary": "The authority is entitled to consent."}]}})  # fmt: skip
    assert a.legal is not None and a.legal.outcome == "contested" and a.legal.advised_lawful
    (gate,) = [g for g in a.gates if g.rule == "LEG-001"]
    assert gate.status == "passed"
    assert a.verdict in (Verdict.RECOMMEND, Verdict.WITH_CONDITIONS)
    assert a.score is not None and lawful.score is not None and a.score < lawful.score


def test_consent_dated_after_the_decision_is_not_yet_a_basis() -> None:
    """Consent must exist when the act it permits is decided (ILC Articles on State
    Responsibility, Art. 20): consent dated later counts no more than a later resolution."""
    # (base.yaml's treaty gives consent in advance: without it, consent alone is the basis)
    later = assess({"legal_basis": {"host_consent": {"date": "2030-08-01"}, "treaty": "none"}})
    assert later.legal is not None and later.legal.outcome == "unknown"
    assert later.legal.field == "legal_basis.host_consent.date"
    assert later.verdict is Verdict.FURTHER_ANALYSIS
    before = assess({"legal_basis": {"host_consent": {"date": "2030-06-19"}, "treaty": "none"}})
    assert before.legal is not None and before.legal.outcome == "lawful"


def test_a_force_beyond_what_the_agencies_can_carry_is_vetoed_not_discounted() -> None:
    """MFAT: "keep enough capacity at home to respond to emergencies in our own region".
    A contribution the NZDF cannot carry (far past its deployable ceiling) breaks that
    constraint: the home-capacity veto decides, not a few points of the agencies' score.
    It asks for the resizing or the agencies' and Ministers' decision (the ceiling and the
    reserve are planning figures), so it is further analysis, never a recommendation."""
    a = assess({"contribution": {"nzdf": {"personnel": 5000}}})
    (home,) = [g for g in a.gates if g.rule == "home-capacity"]
    assert home.status == "failed" and home.field == "contribution.nzdf.personnel"
    assert a.verdict is Verdict.FURTHER_ANALYSIS
    assert any(c.startswith("Resize the contribution") for c in a.conditions)
    ok = [g for g in assess({}).gates if g.rule == "home-capacity"]
    assert [g.status for g in ok] == ["passed"]


def test_an_authorisation_for_the_host_does_not_reach_a_third_state_unasked() -> None:
    """A Chapter VII authorisation reaches another state's waters only as far as its terms
    say (Arts 2(4) and 42); pso does not read the terms, so it asks for legal advice."""
    a = assess({
        "identity": {"operation_type": "regional-assistance"},
        "legal_basis": {**NO_CONSENT, "use_of_force": "enforcement", "security_council": [
            {"number": 3001, "year": 2030, "chapter": "vii", "authorises_force": True,
             "for_this_situation": True}],
            "area_of_operations": [
                {"kind": "territory", "state": "Testland"},
                {"kind": "territorial-waters", "state": "Neighbourland", "consent": "none"}]},
    })  # fmt: skip
    assert a.legal is not None and a.legal.outcome == "contested"
    assert any("Neighbourland" in q for q in a.legal.questions)
    assert a.verdict is Verdict.FURTHER_ANALYSIS
