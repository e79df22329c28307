"""The verdict of every bundled example proposal, pinned, with the policy reason for it.

Assessed as of 2026-11-28 with the nz-default profile. The historical examples are
written as they looked at the time of decision, so by 2026 their NZ mandates have
lapsed: a "seek renewal of the mandate" condition is expected for those that state an
expiry. Policy: ../shared/policy/mfat-peace-support-operations.txt.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from pso_cli.api import assess_one, build_engine
from pso_cli.engine.assess import Engine
from pso_cli.model.findings import Assessment, Outcome, Verdict

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
AS_OF = dt.date(2026, 11, 28)
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
    return build_engine("nz-default", AS_OF)


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
    """Recommend with conditions.

    Every gate is met: the Solomon Islands Government invited the mission, the Pacific
    Islands Forum endorsed it under Biketawa and a treaty among the participants gives
    legal protections, so its legality under international law is sound; and it is
    an Australian-led group of regional coalition partners, the very example MFAT gives
    of an operation New Zealand takes part in. It is in the Pacific, where NZ's peace
    efforts are focused, and has strong regional backing. What remains are conditions,
    not disqualifiers: NZ's mandate as stated has lapsed by the assessment date and
    must be renewed, and smaller contributions or training partner forces ought to
    have been weighed as alternatives.
    """
    a = assess("ramsi-2003.yaml")
    assert a.verdict == Verdict.WITH_CONDITIONS
    assert gate(a, "LEG-001") == "passed"
    assert gate(a, "STR-001") == "passed"
    assert a.conditions


def test_bougainville_tmg_1997() -> None:
    """Recommend with conditions.

    An unarmed truce-monitoring group led by NZ with Australia, Fiji and Vanuatu, with
    Papua New Guinea's consent and an agreement among all the participating states:
    a legal basis and a group of coalition partners, in NZ's own region, keeping a
    truce the parties asked to have monitored. It is not recommended outright because
    unarmed monitors with only partial force protection face a moderate threat, and
    without Security Council or Forum cover an NZ-led mission carries its strategic
    risk alone: conditions to meet, not reasons to decline.
    """
    a = assess("bougainville-tmg-1997.yaml")
    assert a.verdict == Verdict.WITH_CONDITIONS
    assert gate(a, "LEG-001") == "passed"
    assert not [f for f in a.findings if f.outcome == Outcome.BLOCKER]


def test_mfo_sinai() -> None:
    """Recommend with conditions.

    Not UN-led, but a standing multinational force of a dozen contributors (a group of
    coalition partners) resting on the Egypt-Israel Treaty of Peace and its 1981
    Protocol, with the host's consent: a sound legal basis and a contribution to the
    rules-based order at modest cost. Conditions: NZ's stated mandate has lapsed by the
    assessment date, and a deteriorating threat needs triggers for reinforcing force
    protection or withdrawing.
    """
    a = assess("mfo-sinai.yaml")
    assert a.verdict == Verdict.WITH_CONDITIONS
    assert gate(a, "STR-001") == "passed"


def test_tonga_2006() -> None:
    """Recommend with conditions.

    A short NZ-led deployment with Australia at the Tongan Government's request after
    the riots: host consent is the legal basis and a partner is involved, in the Pacific
    where NZ must be ready to help. Conditions follow from real gaps: the status-of-forces
    arrangement was still being negotiated (NZ personnel need legal protection before
    they deploy), there is no Security Council or Forum authorisation behind an NZ-led
    mission, and MFAT should lead the political track of a regional mission.
    """
    a = assess("tonga-2006.yaml")
    assert a.verdict == Verdict.WITH_CONDITIONS
    assert gate(a, "LEG-001") == "passed"


def test_training_mission() -> None:
    """Recommend with conditions.

    Training Iraqi forces at Iraq's request, alongside Australia within a coalition: host
    consent is a legal basis (resolution 2170 condemns ISIL but does not itself authorise
    force) and the coalition gate is met; MFAT's policy names training personnel in other
    countries as a direction NZ is exploring. Legal protection for NZ personnel was still
    under negotiation, the stated mandate has lapsed by the assessment date and reviews
    are too far apart: all conditions to meet before deployment, none a disqualifier.
    """
    a = assess("training-mission.yaml")
    assert a.verdict == Verdict.WITH_CONDITIONS
    assert gate(a, "LEG-001") == "passed"


def test_unmiss_staff_officers() -> None:
    """Recommend with conditions (only just).

    A UN-led mission under Chapter VII resolutions: the strongest legal basis and the
    first kind of operation the policy names. NZ's share is three staff officers, so the
    load on agencies is small. But consent is only partial, the ceasefire is not being
    kept, the threat is high and worsening with partial force protection and medical
    evacuation, and the mandate has lapsed: many conditions, which bring the score close
    to the line without a gate failing. A small contribution to a UN mission on these
    terms is one NZ can make if the conditions are met; it is not one to recommend
    without them.
    """
    a = assess("unmiss-staff-officers.yaml")
    assert a.verdict == Verdict.WITH_CONDITIONS
    assert len(a.conditions) >= 4


def test_no_legal_basis() -> None:
    """Do not recommend.

    An armed enforcement intervention with no Security Council resolution, no host
    consent, no regional authorisation and no treaty has no basis in international
    law; the policy makes legality one of the four things NZ considers before engaging
    and this is a non-compensatory gate. Whatever else is said for it, the legal-basis
    gate fails and a located blocker says so.
    """
    a = assess("no-legal-basis.yaml")
    assert a.verdict == Verdict.DO_NOT_RECOMMEND
    assert gate(a, "LEG-001") == "failed"
    assert a.reason.startswith("A gate is not met")
    blockers = [f for f in a.findings if f.outcome == Outcome.BLOCKER]
    assert blockers and all(f.line > 1 for f in blockers)


def test_early_stage() -> None:
    """Further analysis.

    Only an informal request exists: no legal basis, mandate, contribution, risk or
    alternatives are stated. Unknown facts are never scored as good or bad, and with so
    little known pso must not advise either way; it asks for the missing information.
    """
    a = assess("early-stage.yaml")
    assert a.verdict == Verdict.FURTHER_ANALYSIS
    assert a.confidence < 0.6
    assert [f for f in a.findings if f.outcome == Outcome.MISSING]
    assert gate(a, "LEG-001") == "unknown"


@pytest.mark.parametrize("name", sorted(PINNED))
def test_examples_cite_their_sources_and_have_no_historical_record(name: str) -> None:
    a = assess(name)
    assert a.references
    loaded_text = (EXAMPLES / name).read_text(encoding="utf-8")
    assert "historical_record" not in loaded_text
