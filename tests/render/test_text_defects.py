"""Report defects a new user found (issue 16), each pinned: accepted concerns that were
not applied are shown, with why; a recommendation with conditions that lists no condition
shows the concerns it weighs; no section is ever printed empty."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pso_cli.api import build_engine
from pso_cli.engine.assess import Analysis, Engine, assess_loaded
from pso_cli.loading.load import load_proposal, proposal_from_bytes
from pso_cli.model.findings import Assessment, Verdict
from pso_cli.render.text import BRIEF, DETAIL, make_console, print_item

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests/render/fixtures/acceptances.yaml"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return build_engine(analysis=Analysis(what_if=True))


def text_of(a: Assessment, mode: str = BRIEF) -> str:
    buf = io.StringIO()
    print_item(make_console(buf, 80, color=False), a, mode)
    return " ".join(buf.getvalue().split())


def test_acceptances_in_every_status_are_in_the_brief_and_the_detail(engine: Engine) -> None:
    a = assess_loaded(engine, load_proposal(str(FIXTURE)))
    status = {u.line: u.status for u in a.accepted}
    assert sorted(status.values()) == ["applied", "expired", "retired", "unknown-rule", "unused"]
    brief = text_of(a)
    assert "Accepted concerns applied: LEG-005 (Chief Legal Adviser, MFAT); not applied:" in brief
    for said in ("LEG-050 (no such rule", "AGY-005 (expired", "STR-007 (the rule is retired",
                 "LEG-001 (written as LEG-003; no concern to accept"):  # fmt: skip
        assert said in brief
    detail = text_of(a, DETAIL)
    assert "LEG-050: NOT APPLIED (no such rule). A code that no rule has." in detail
    assert "AGY-005: NOT APPLIED (expired). Expired before the decision." in detail
    assert "expires 2015-01-31" in detail
    assert "LEG-005: applied." in detail


def test_an_acceptance_of_a_blocker_is_shown_refused(engine: Engine) -> None:
    data = (ROOT / "examples/no-legal-basis.yaml").read_bytes() + (
        b"accepted_concerns:\n  - {rule: LEG-001, justification: We accept the risk., "
        b"approver: Minister, date: 2031-01-01}\n"
    )
    a = assess_loaded(engine, proposal_from_bytes(data, "p.yaml"))
    assert a.verdict is Verdict.DO_NOT_RECOMMEND
    assert "LEG-001 (a blocker cannot be accepted, line" in text_of(a)
    assert "LEG-001: NOT APPLIED (a blocker cannot be accepted)." in text_of(a, DETAIL)


def test_conditions_without_a_condition_show_the_concerns_weighed(engine: Engine) -> None:
    """'recommend with conditions … with 1 significant concern to weigh' used to print an
    empty Conditions section: the concern it weighs is what the reader needs."""
    text = (ROOT / "examples/ramsi-2003.yaml").read_text(encoding="utf-8")
    text = text.replace("[un-or-associated]", "[un-or-associated, policing-outside-nz]", 1)
    text = text.replace("    effect: advances", "    effect: harms", 1)  # NZ security
    a = assess_loaded(engine, proposal_from_bytes(text.encode(), "p.yaml"))
    assert a.verdict is Verdict.WITH_CONDITIONS and a.conditions == ()
    assert "1 significant concern" in a.reason
    brief = text_of(a)
    assert "Conditions" not in brief.replace("no outstanding conditions", "")
    assert (
        "Concerns to weigh (no condition would lift them) • The operation is assessed to "
        "harm New Zealand's security. (p.yaml:79)"
    ) in brief


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (ROOT / "examples").glob("*.yaml") if p.name != "commitments.yaml"),
    ids=lambda p: p.stem,
)
def test_no_section_is_printed_empty(engine: Engine, path: Path) -> None:
    a = assess_loaded(engine, load_proposal(str(path)))
    for mode in (BRIEF, DETAIL):
        buf = io.StringIO()
        print_item(make_console(buf, 80, color=False), a, mode)
        lines = buf.getvalue().splitlines()
        for i, line in enumerate(lines[:-1]):
            if line in ("Conditions", "Facts to gather first", "To strengthen this proposal",
                        "The verdict depends on", "Concerns to weigh"):  # fmt: skip
                assert lines[i + 1].startswith("  "), f"{line} has items"
