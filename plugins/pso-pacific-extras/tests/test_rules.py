"""Run the pack's rules on the cases in cases.yaml (`pytest tests` from the pack)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from pso_pacific_extras.rules import RULES

from pso_cli.model.findings import Outcome
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import RuleContext

HERE = Path(__file__).parent
BASE = yaml.safe_load((HERE / "base.yaml").read_text())
CASES = yaml.safe_load((HERE / "cases.yaml").read_text())
BY_CODE = {r.code: r for r in RULES}
NEGATIVE = {Outcome.CONCERN, Outcome.BLOCKER, Outcome.MISSING}


def deep_merge(base: Any, patch: Any) -> Any:
    if not isinstance(base, dict) or not isinstance(patch, dict):
        return patch
    out = dict(base)
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = deep_merge(out.get(key), value)
    return out


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}:{c['name']}" for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    rule = BY_CODE[case["rule"]]
    proposal = Proposal.model_validate(deep_merge(BASE, case.get("patch") or {}))
    ctx = RuleContext(
        options=rule.options.model_validate(case.get("options") or {}),
        as_of=dt.date(2030, 1, 1),
    )
    findings = list(rule.check(proposal, ctx))
    best = rule.attribute.levels[-1][0] if rule.attribute else None
    if case["expect"] == "silent":
        assert not [f for f in findings if f.outcome in NEGATIVE and f.level is None], findings
        assert all(f.level == best for f in findings if f.level is not None), findings
        return
    if case["expect"] == "level":
        hits = [f for f in findings if f.level == case["level"]]
    else:
        hits = [f for f in findings if f.outcome == Outcome(case["expect"]) and f.level is None]
    assert hits, f"expected {case['expect']}, got {findings}"
    if "field" in case:
        assert any(f.field == case["field"] for f in hits), [f.field for f in hits]
