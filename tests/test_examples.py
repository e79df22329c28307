"""The verdict of every bundled example proposal, pinned, with the policy or legal reason.

Each example is judged at its own identity.decision_date (no --as-of), with nz-default.
Policy: ../shared/policy/mfat-peace-support-operations.txt; the law: README "How pso reads
the law". Verdicts changed in pso 0.2 for the reasons in each docstring: the law is now
decided from typed facts, duty of care and national command are vetoes, each fact counts
once, and each example is judged at the date of its own decision.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pso_cli.api import assess_one, build_engine
from pso_cli.engine.assess import Engine
from pso_cli.model.findings import Assessment, Outcome, Verdict

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
PINNED = {
    "bougainville-tmg-1997.yaml",
    "early-stage.yaml",
    "mfo-sinai.yaml",
    "no-legal-basis.yaml",
    "ramsi-2003.yaml",
    "tonga-2006.yaml",
    "training-mission.yaml",
    "unmiss-staff-officers.yaml",
}


@cache
def engine() -> Engine:
    return build_engine("nz-default")  # each example at its own decision_date


def assess(name: str) -> Assessment:
    item = assess_one(engine(), str(EXAMPLES / name))
    assert isinstance(item, Assessment), item
    return item


def gate(a: Assessment, code: str) -> str:
    return next(g.status for g in a.gates if g.rule == code)


def test_every_example_is_pinned() -> None:
    names = {p.name for p in EXAMPLES.glob("*.yaml")}
    assert names == PINNED


def test_ramsi_2003() -> None:
    """Recommend.

    Judged on 24 July 2003: the constitutional authority of Solomon Islands (the
    Governor-General on the advice of Cabinet, with Parliament's unanimous resolution)
    invited the mission, so it is lawful on consent; the Pacific Islands Forum's decision
    adds regional endorsement, not a legal basis. It is Australian-led with regional
    coalition partners, the very example MFAT gives; the status-of-forces agreement is
    signed, NZ's mandate covers the commitment and the threat is moderate with adequate
    protection. pso 0.1 gave conditions because it judged the 2003 mandate at 2026.
    """
    a = assess("ramsi-2003.yaml")
    assert a.verdict == Verdict.RECOMMEND and a.as_of == "2003-07-24"
    assert gate(a, "LEG-001") == "passed" and gate(a, "STR-001") == "passed"
    assert a.legal is not None and a.legal.basis == "consent"
    assert not a.conditions


def test_bougainville_tmg_1997() -> None:
    """Recommend with conditions.

    An unarmed truce-monitoring group led by NZ with Australia, Fiji and Vanuatu at the
    request of Papua New Guinea's constitutional government, with every main party to the
    conflict consenting (the doctrine of consent is met, not only the host's): lawful and
    with coalition partners, in NZ's own region. The one condition is a duty of care:
    force protection is only partial against a moderate threat.
    """
    a = assess("bougainville-tmg-1997.yaml")
    assert a.verdict == Verdict.WITH_CONDITIONS
    assert gate(a, "LEG-001") == "passed"
    assert not [f for f in a.findings if f.outcome == Outcome.BLOCKER]
    assert any("force protection" in c.lower() for c in a.conditions)


def test_mfo_sinai() -> None:
    """Recommend with conditions.

    Not UN-led but a standing multinational force of a dozen contributors, resting on
    the consent of Egypt and of Israel (the 1979 Treaty of Peace and its 1981 Protocol,
    to which both are party, provide for it), judged where it acts, in both states. The
    condition: the threat is deteriorating, so the commitment needs triggers to
    reinforce or withdraw.
    """
    a = assess("mfo-sinai.yaml")
    assert a.verdict == Verdict.WITH_CONDITIONS
    assert gate(a, "STR-001") == "passed" and gate(a, "LEG-001") == "passed"
    assert a.legal is not None and len(a.legal.places) == 2
    assert any("withdraw" in c for c in a.conditions)


def test_tonga_2006() -> None:
    """Recommend with conditions.

    A short NZ-led deployment with Australia at the request of Tonga's constitutional
    government after the riots: lawful on consent, and a host-invited NZ-led mission is
    not penalised for lacking a UN mandate. Conditions are real gaps the authors can
    close: the status-of-forces arrangement was still being negotiated, and MFAT should
    lead the political track of a regional mission.
    """
    a = assess("tonga-2006.yaml")
    assert a.verdict == Verdict.WITH_CONDITIONS
    assert gate(a, "LEG-001") == "passed"
    assert any("status-of-forces" in c for c in a.conditions)


def test_training_mission() -> None:
    """Recommend with conditions.

    Training Iraqi forces at the written request of Iraq's constitutional government,
    alongside Australia within a coalition: lawful on consent (resolution 2170 condemns
    ISIL but authorises no force, and is not needed), and the coalition gate is met; MFAT
    names training personnel in other countries as a direction NZ is exploring. Legal
    protection for NZ personnel was still under negotiation: a condition to meet before
    deployment.
    """
    a = assess("training-mission.yaml")
    assert a.verdict == Verdict.WITH_CONDITIONS
    assert gate(a, "LEG-001") == "passed"
    assert any("status-of-forces" in c for c in a.conditions)


def test_unmiss_staff_officers() -> None:
    """Further analysis.

    A UN-led mission under a Chapter VII resolution adopted for the situation: lawful,
    and the first kind of operation the policy names. But the threat is high and
    worsening with only partial force protection and medical evacuation, and the
    proposal does not say how those gaps are closed. Duty of care is a veto, not points:
    pso 0.1 let the score carry it to recommend-with-conditions; now pso asks how the
    gaps will be closed before it advises.
    """
    a = assess("unmiss-staff-officers.yaml")
    assert a.verdict == Verdict.FURTHER_ANALYSIS
    assert gate(a, "LEG-001") == "passed"
    failed = {g.rule for g in a.gates if g.kind == "veto" and g.status == "failed"}
    assert failed == {"duty-of-care-protection-gap", "duty-of-care-evacuation-gap"}
    assert any("gap is closed" in c for c in a.conditions)


def test_no_legal_basis() -> None:
    """Do not recommend.

    An armed enforcement intervention with no Security Council resolution, no host
    consent, no regional arrangement, no treaty and no self-defence claim is unlawful:
    force without the lawful government's consent needs a Chapter VII authorisation for
    the situation or Article 51. The legal gate is non-compensatory: whatever else is
    said for it, a located blocker says so.
    """
    a = assess("no-legal-basis.yaml")
    assert a.verdict == Verdict.DO_NOT_RECOMMEND
    assert gate(a, "LEG-001") == "failed"
    assert a.legal is not None and a.legal.outcome == "unlawful"
    assert a.reason.startswith("A gate is not met")
    blockers = [f for f in a.findings if f.outcome == Outcome.BLOCKER]
    assert blockers and all(f.line > 1 for f in blockers)


def test_early_stage() -> None:
    """Further analysis.

    Only an informal request exists: no legal basis, contribution, risk or alternatives
    are stated. Unknown facts are never scored as good or bad: the legal basis cannot be
    established and the must-have facts are unknown, so pso asks for them first.
    """
    a = assess("early-stage.yaml")
    assert a.verdict == Verdict.FURTHER_ANALYSIS
    assert a.completeness < 0.2
    assert a.missing_facts and [f for f in a.findings if f.outcome == Outcome.MISSING]
    assert gate(a, "LEG-001") == "unknown"


@pytest.mark.parametrize("name", sorted(PINNED))
def test_examples_cite_their_sources_and_have_no_historical_record(name: str) -> None:
    a = assess(name)
    assert a.references
    loaded_text = (EXAMPLES / name).read_text(encoding="utf-8")
    assert "historical_record" not in loaded_text
