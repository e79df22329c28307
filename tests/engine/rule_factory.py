"""An enabled test rule around any check function, for the engine tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pso_cli.engine.evaluate import ActiveRule
from pso_cli.model.findings import Consideration, Finding, Severity
from pso_cli.rules import api


def make_rule(
    code: str,
    check: Callable[[Any, Any], Iterable[Finding]],
    consideration: Consideration = Consideration.AGENCIES,
    severity: Severity = Severity.MAJOR,
) -> ActiveRule:
    rule = api.Rule(
        code=code,
        name=f"rule-{code.lower()}",
        consideration=consideration,
        title="t",
        rationale="r",
        reference=api.Reference("s"),
        check=check,
    )
    return ActiveRule(rule, severity, api.NoOptions())
