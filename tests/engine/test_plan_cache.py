"""Rule preparation is reused across proposals, never across rule sets or dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from rule_factory import make_rule

from pso_cli.engine.evaluate import ActiveRule, evaluate
from pso_cli.loading.load import proposal_from_bytes
from pso_cli.model.findings import Consideration, Finding, Severity
from pso_cli.rules import api

LOADED = proposal_from_bytes(b"pso_format: 1\nidentity:\n  name: Test\n  id: test-id\n", "t.yaml")


def dated(p: Any, ctx: api.RuleContext) -> Iterable[Finding]:
    yield api.info("identity.name", f"as of {ctx.as_of}")


def active(code: str) -> ActiveRule:
    return make_rule(code, dated, Consideration.STRATEGIC, Severity.MINOR)


def test_each_rule_set_and_date_gets_its_own_preparation() -> None:
    first, second = (active("TST-001"),), (active("TST-002"), active("TST-003"))
    day, later = dt.date(2030, 1, 1), dt.date(2031, 1, 1)
    runs = [(first, day), (second, day), (first, day), (first, later), (list(second), later)]
    for rules, as_of in runs:
        found = evaluate(LOADED, rules, as_of)
        assert [f.rule for f in found] == [a.rule.code for a in rules]
        assert {f.message for f in found} == {f"as of {as_of}"}
