"""accept.py: accepted concerns are visible, dated, and never override a blocker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from pso_cli.engine.accept import apply_acceptances
from pso_cli.loading.load import Loaded, proposal_from_bytes
from pso_cli.model.findings import Consideration, Finding, Outcome
from pso_cli.rules.registry import Registry, build_registry

REPO = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2030, 6, 1)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return build_registry(use_plugins=False)


def loaded_with(concerns: list[dict[str, str]]) -> Loaded:
    doc = {
        "pso_format": 1,
        "identity": {"name": "T", "id": "tt"},
        "accepted_concerns": concerns,
    }
    return proposal_from_bytes(yaml.safe_dump(doc, sort_keys=False).encode(), "t.yaml")


def acc(rule: str, expires: str | None = None) -> dict[str, str]:
    out = {
        "rule": rule,
        "justification": "Accepted risk.",
        "approver": "Minister",
        "date": "1999-01-01",
    }
    if expires:
        out["expires"] = expires
    return out


def fnd(rule: str, outcome: Outcome, effect: float = -10) -> Finding:
    return Finding(outcome, "m", "x", effect, "cond", rule, rule.lower(), Consideration.LEGALITY)


def test_applied_marks_the_rules_concerns_accepted(registry: Registry) -> None:
    findings = [
        fnd("LEG-007", Outcome.CONCERN),
        fnd("LEG-007", Outcome.SUPPORTS, 5),
        fnd("LEG-008", Outcome.CONCERN),
    ]
    out, uses = apply_acceptances(loaded_with([acc("LEG-007")]), findings, registry, AS_OF)
    assert [f.accepted for f in out] == [True, False, False]
    (use,) = uses
    assert use.status == "applied"
    assert use.rule == "LEG-007"
    assert use.approver == "Minister"
    assert use.expires is None
    assert (use.line, use.column) == (6, 3)  # the list item, after "- "
    assert findings[0].accepted is False  # inputs are not mutated


def test_rule_may_be_named_by_its_name_or_lower_case_code(registry: Registry) -> None:
    name = registry.rules["LEG-007"].name
    for key in (name, "leg-007"):
        out, uses = apply_acceptances(
            loaded_with([acc(key)]), [fnd("LEG-007", Outcome.CONCERN)], registry, AS_OF
        )
        assert uses[0].status == "applied"
        assert uses[0].rule == "LEG-007"
        assert out[0].accepted


def test_expired_acceptance_is_not_applied(registry: Registry) -> None:
    out, uses = apply_acceptances(
        loaded_with([acc("LEG-007", expires="2030-05-31")]),
        [fnd("LEG-007", Outcome.CONCERN)],
        registry,
        AS_OF,
    )
    assert uses[0].status == "expired"
    assert uses[0].expires == "2030-05-31"
    assert not out[0].accepted


def test_acceptance_expiring_on_the_as_of_date_still_applies(registry: Registry) -> None:
    _, uses = apply_acceptances(
        loaded_with([acc("LEG-007", expires=AS_OF.isoformat())]),
        [fnd("LEG-007", Outcome.CONCERN)],
        registry,
        AS_OF,
    )
    assert uses[0].status == "applied"


def test_blocker_cannot_be_accepted(registry: Registry) -> None:
    findings = [fnd("LEG-001", Outcome.BLOCKER, -50), fnd("LEG-001", Outcome.CONCERN)]
    out, uses = apply_acceptances(loaded_with([acc("LEG-001")]), findings, registry, AS_OF)
    assert uses[0].status == "refused-blocker"
    assert not any(f.accepted for f in out)


def test_unknown_rule(registry: Registry) -> None:
    out, uses = apply_acceptances(
        loaded_with([acc("NOPE-999")]), [fnd("LEG-007", Outcome.CONCERN)], registry, AS_OF
    )
    assert uses[0].status == "unknown-rule"
    assert uses[0].rule == "NOPE-999"
    assert not out[0].accepted


def test_unused_when_the_rule_raised_no_concern(registry: Registry) -> None:
    _, uses = apply_acceptances(
        loaded_with([acc("LEG-007")]), [fnd("LEG-007", Outcome.SUPPORTS, 5)], registry, AS_OF
    )
    assert uses[0].status == "unused"


def test_every_acceptance_is_reported_in_order(registry: Registry) -> None:
    loaded = loaded_with([acc("LEG-007"), acc("NOPE-999"), acc("LEG-008", "2000-01-01")])
    _, uses = apply_acceptances(loaded, [fnd("LEG-007", Outcome.CONCERN)], registry, AS_OF)
    assert [u.status for u in uses] == ["applied", "unknown-rule", "expired"]
    assert [u.line for u in uses] == sorted(u.line for u in uses)


def test_accepted_concern_lifts_the_verdict_end_to_end() -> None:
    """A renewal concern accepted by the approver no longer counts as a condition."""
    from pso_cli.api import build_engine
    from pso_cli.engine.assess import assess_loaded

    engine = build_engine("nz-default", AS_OF)
    base = yaml.safe_load((REPO / "tests/rules/base.yaml").read_text())
    base["legal_basis"]["nz_authority"]["mandate_expiry"] = "2030-09-01"
    plain = proposal_from_bytes(yaml.safe_dump(base).encode(), "b.yaml")
    before = assess_loaded(engine, plain)
    concerns = [f for f in before.findings if f.outcome == Outcome.CONCERN]
    assert concerns, "the short mandate should raise a concern"
    code = concerns[0].rule
    base["accepted_concerns"] = [acc(code)]
    after = assess_loaded(engine, proposal_from_bytes(yaml.safe_dump(base).encode(), "b.yaml"))
    assert [u.status for u in after.accepted] == ["applied"]
    assert all(f.accepted for f in after.findings if f.rule == code and f.outcome == "concern")
    assert after.score >= before.score
    assert len(after.conditions) <= len(before.conditions)
