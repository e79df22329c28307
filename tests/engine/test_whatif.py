"""What would change the verdict: single edits, joint missing facts, candidates by type."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pso_cli.api import build_engine
from pso_cli.engine.assess import Analysis, Engine, assess_loaded
from pso_cli.engine.whatif import STATED, candidates, changes
from pso_cli.loading.load import load_proposal, proposal_from_bytes
from pso_cli.model.findings import Verdict

BASE = Path("tests/rules/base.yaml").read_bytes()


@pytest.fixture(scope="module")
def engine() -> Engine:
    return build_engine(as_of=dt.date(2030, 6, 1))


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


def test_withdrawn_consent_names_given_as_the_change(engine: Engine) -> None:
    data = BASE.replace(b"    status: given\n", b"    status: withdrawn\n").replace(
        b"  regional_authorisation:", b"  regional_authorisation_x:"
    )
    data = data.replace(
        b"  regional_authorisation_x:\n    organisation: Pacific Islands Forum\n"
        b"    decision: Forum Foreign Ministers' decision\n"
        b"    framework: Biketawa Declaration\n    date: 2030-06-15\n",
        b"",
    )
    data = data.replace(b"  treaty: Agreement between Testland and the assisting countries\n", b"")
    loaded = proposal_from_bytes(data, "p.yaml")
    base = assess_loaded(engine, loaded)
    assert base.verdict == Verdict.DO_NOT_RECOMMEND
    found = {c.field: c for c in changes(engine, loaded, base)}
    consent = found["legal_basis.host_consent.status"]
    assert consent.value == "given" and consent.current == "withdrawn"
    assert consent.verdict.rank < Verdict.DO_NOT_RECOMMEND.rank
    assert consent.line == 22 and not consent.jointly


def test_nothing_listed_when_no_edit_helps(engine: Engine) -> None:
    loaded = load_proposal("tests/rules/base.yaml")
    base = assess_loaded(engine, loaded)
    assert base.verdict == Verdict.RECOMMEND
    assert changes(engine, loaded, base) == ()


def test_engine_option_attaches_changes_only_when_asked() -> None:
    loaded = load_proposal("examples/early-stage.yaml")
    plain = build_engine(as_of=dt.date(2026, 11, 28))
    assert assess_loaded(plain, loaded).changes is None
    asked = build_engine(as_of=dt.date(2026, 11, 28), analysis=Analysis(what_if=True))
    a = assess_loaded(asked, loaded)
    assert a.verdict == Verdict.FURTHER_ANALYSIS
    assert a.changes, "the early-stage example lists the facts that would let pso advise"
    assert all(c.jointly for c in a.changes)
    assert len({c.field for c in a.changes}) == len(a.changes)
    for c in a.changes:
        assert c.line >= 1 and c.field and c.verdict.rank < a.verdict.rank
