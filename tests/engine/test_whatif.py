"""What would change the verdict: actions the authors can take, facts of the world it
depends on, joint actions, and candidates by type."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pso_cli.api import build_engine
from pso_cli.engine.assess import Analysis, Engine, assess_loaded
from pso_cli.engine.whatif import STATED, analyse, candidates, changes
from pso_cli.loading.load import load_proposal, proposal_from_bytes
from pso_cli.model.controls import Control, control
from pso_cli.model.findings import Assessment, Verdict

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "tests/rules/base.yaml").read_bytes()
EXAMPLES = sorted(
    p for p in (*ROOT.glob("examples/*.yaml"), *ROOT.glob("examples/history/*.yaml"))
    if p.name != "commitments.yaml"
)  # fmt: skip


@pytest.fixture(scope="module")
def engine() -> Engine:
    return build_engine(as_of=dt.date(2030, 6, 1))


@pytest.fixture(scope="module")
def own_dates() -> Engine:
    """Each example judged at its own decision date, with the what-if."""
    return build_engine(analysis=Analysis(what_if=True))


def assessed(engine: Engine, name: str) -> Assessment:
    return assess_loaded(engine, load_proposal(str(ROOT / name)))


def test_candidates_follow_the_model_types() -> None:
    assert candidates(("legal_basis", "host_consent", "status")) == [
        "given",
        "partial",
        "contested",
        "withdrawn",
        "none",
    ]
    assert candidates(("risk", "command", "national_command_retained")) == [True, False]
    assert candidates(("strategic", "exit_strategy")) == [STATED]
    assert candidates(("strategic", "objectives")) == [[STATED]]
    assert candidates(("location", "duration_months")) == []
    purposes = candidates(("legal_basis", "nz_authority", "statutory_purposes"))
    assert ["policing-outside-nz"] in purposes


def test_withdrawn_consent_names_given_as_the_change(engine: Engine) -> None:
    """With consent the only basis, withdrawn consent is unlawful; consent given would
    change it, and that is a fact of the world, not something the authors can do."""
    data = BASE.replace(b"    status: given\n", b"    status: withdrawn\n")
    data = data.replace(b"  regional_arrangement:\n", b"  regional_arrangement_x:\n")
    cut = data.index(b"  regional_arrangement_x:")
    data = data[:cut] + data[data.index(b"  self_defence:") :]
    cut = data.index(b"  treaty:\n")
    data = data[:cut] + b"  treaty: none\n" + data[data.index(b"  main_parties:") :]
    loaded = proposal_from_bytes(data, "p.yaml")
    base = assess_loaded(engine, loaded)
    assert base.verdict == Verdict.DO_NOT_RECOMMEND
    found = {c.field: c for c in changes(engine, loaded, base)}
    consent = found["legal_basis.host_consent.status"]
    assert consent.value == "given" and consent.current == "withdrawn"
    assert consent.verdict.rank < Verdict.DO_NOT_RECOMMEND.rank
    assert consent.line == 24 and not consent.jointly
    assert consent.control == "world"


def test_nothing_to_strengthen_in_a_clean_recommendation(engine: Engine) -> None:
    loaded = load_proposal(str(ROOT / "tests/rules/base.yaml"))
    base = assess_loaded(engine, loaded)
    assert base.verdict == Verdict.RECOMMEND
    assert changes(engine, loaded, base) == ()


def test_the_verdict_depends_on_the_host_consent_it_rests_on(own_dates: Engine) -> None:
    a = assessed(own_dates, "examples/ramsi-2003.yaml")
    (consent,) = [r for r in a.reversals if r.field == "legal_basis.host_consent.status"]
    assert (consent.current, consent.value) == ("given", "partial"), "the nearest value"
    assert consent.verdict.rank > a.verdict.rank and consent.control == "world"


def test_a_missing_statutory_purpose_is_an_action(engine: Engine) -> None:
    """A Police contribution after the Policing Act 2008 needs its s9(g) purpose: adding
    it is something the authors do."""
    data = BASE.replace(b"[un-or-associated, policing-outside-nz]", b"[un-or-associated]")
    loaded = proposal_from_bytes(data, "p.yaml")
    base = assess_loaded(engine, loaded)
    (purpose,) = [c for c in changes(engine, loaded, base) if c.field.endswith("purposes")]
    assert purpose.control == "action" and purpose.value == "policing-outside-nz"
    assert purpose.verdict.rank < base.verdict.rank


def test_two_vetoes_are_lifted_by_actions_together(own_dates: Engine) -> None:
    """UNMISS: partial protection and evacuation against a high, worsening threat. No
    single action lifts both vetoes; two together do. The threat is the world's."""
    a = assessed(own_dates, "examples/unmiss-staff-officers.yaml")
    assert a.verdict == Verdict.FURTHER_ANALYSIS and a.changes is not None
    joint = [c for c in a.changes if c.jointly]
    assert {c.control for c in joint} == {"action"}
    assert {c.field for c in joint} <= {
        "risk.force_protection.adequacy",
        "risk.medical_evacuation.adequacy",
        "risk.force_protection.mitigation",
        "risk.medical_evacuation.mitigation",
    }
    assert len(joint) == 2 and all(c.verdict.rank < a.verdict.rank for c in joint)
    (threat,) = [c for c in a.changes if c.field == "risk.threat_level"]
    assert threat.control == "world" and (threat.current, threat.value) == ("high", "moderate")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_actions_are_actions_and_wishes_are_never_proposed(own_dates: Engine, path: Path) -> None:
    a = assess_loaded(own_dates, load_proposal(str(path)))
    assert a.changes is not None
    for c in (*a.changes, *a.reversals):
        assert c.control == control(c.field).value  # type: ignore[union-attr]
        if c.control == "action":
            assert not c.field.startswith(("strategic.relationships", "strategic.humanitarian"))
        assert not c.field.startswith(("location.region", "location.host", "identity."))
    for c in a.changes:
        assert not (c.jointly and c.control == Control.WORLD), "no unknown assumed favourable"
        assert not c.field.startswith("strategic.humanitarian"), "a graver need is no remedy"
    for r in a.reversals:
        assert r.control == "world" and r.verdict.rank > a.verdict.rank


def test_deterministic(own_dates: Engine) -> None:
    loaded = load_proposal(str(ROOT / "examples/history/taji-training-2015.yaml"))
    base = assess_loaded(own_dates, loaded)
    plain = build_engine()
    assert analyse(plain, loaded, base) == analyse(plain, loaded, base)


def test_engine_option_attaches_changes_only_when_asked() -> None:
    loaded = load_proposal(str(ROOT / "examples/early-stage.yaml"))
    plain = build_engine(as_of=dt.date(2026, 11, 28))
    assert assess_loaded(plain, loaded).changes is None
    asked = build_engine(as_of=dt.date(2026, 11, 28), analysis=Analysis(what_if=True))
    a = assess_loaded(asked, loaded)
    assert a.verdict == Verdict.FURTHER_ANALYSIS
    assert a.changes is not None, "computed: the early stage is a list of facts to gather"
    assert all(c.control == "action" for c in a.changes if c.jointly)
