"""A rule stuck in a loop is stopped by its time limit; the other rules still run."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from rule_factory import make_rule

from pso_cli.engine import evaluate as ev
from pso_cli.model.findings import Finding, Outcome
from pso_cli.rules import api


def test_a_looping_rule_becomes_an_error_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    from pso_cli.api import load_proposal
    from pso_cli.engine.evaluate import evaluate

    def loops(p: object, ctx: object) -> Iterable[Finding]:
        while True:
            pass
        yield  # pragma: no cover

    def quick(p: object, ctx: object) -> Iterable[Finding]:
        yield api.supports("identity.name", "fine")

    monkeypatch.setattr(ev, "RULE_TIME_LIMIT_S", 0.1)
    loaded = load_proposal("tests/rules/base.yaml")
    import datetime as dt

    found = evaluate(
        loaded, [make_rule("TST-001", loops), make_rule("TST-002", quick)], dt.date(2030, 1, 1)
    )
    by_rule = {f.rule: f for f in found}
    assert by_rule["TST-001"].outcome == Outcome.ERROR
    assert "time limit" in by_rule["TST-001"].message
    assert by_rule["TST-002"].outcome == Outcome.SUPPORTS
