"""Every rule fires, and stays silent, on purpose-built cases: one file per rule,
tests/rules/cases/<consideration>/<CODE>.yaml.

Each case deep-merges `patch` into tests/rules/base.yaml (a `null` deletes a key; lists
are replaced whole), runs the one rule, and checks the outcome it must produce
(`expect`: supports, concern, blocker, missing-information, info) or, with
`expect: silent`, that it produces no concern, blocker or missing-information.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from pso_cli.model.findings import Outcome
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import RuleContext
from pso_cli.rules.registry import build_registry

HERE = Path(__file__).parent
BASE = yaml.safe_load((HERE / "base.yaml").read_text())
REGISTRY = build_registry(use_plugins=False)
AS_OF = dt.date(2030, 6, 1)
CASE_FILES = sorted((HERE / "cases").glob("*/*.yaml"))


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


def load_cases() -> list[dict[str, Any]]:
    cases = []
    for file in CASE_FILES:
        for i, case in enumerate(yaml.safe_load(file.read_text()) or []):
            case["_id"] = f"{case['rule']}#{i}:{case.get('name', '')}"
            case["_file"] = file
            cases.append(case)
    return cases


CASES = load_cases()
NEGATIVE = {Outcome.CONCERN, Outcome.BLOCKER, Outcome.MISSING}


def run_case(case: dict[str, Any]) -> list[Any]:
    rule = REGISTRY.rules[case["rule"]]
    proposal = Proposal.model_validate(deep_merge(BASE, case.get("patch") or {}))
    ctx = RuleContext(
        options=rule.options.model_validate(case.get("options") or {}),
        as_of=dt.date.fromisoformat(str(case.get("as_of", AS_OF))),
        commitments=tuple(case.get("commitments") or ()),
    )
    return list(rule.check(proposal, ctx))


@pytest.mark.parametrize("case", CASES, ids=[c["_id"] for c in CASES])
def test_rule_case(case: dict[str, Any]) -> None:
    findings = run_case(case)
    expect = case["expect"]
    if expect == "silent":
        assert not [f for f in findings if f.outcome in NEGATIVE], findings
        return
    hits = [f for f in findings if f.outcome == Outcome(expect)]
    assert hits, f"expected {expect}, got {findings}"
    if "field" in case:
        assert any(f.field == case["field"] for f in hits), [f.field for f in hits]
    for f in hits:
        assert f.message and f.field


def test_every_rule_has_a_firing_and_a_silent_case() -> None:
    fires = {c["rule"] for c in CASES if c["expect"] != "silent"}
    silent = {c["rule"] for c in CASES if c["expect"] == "silent"}
    codes = set(REGISTRY.rules)
    assert codes - fires == set(), "rules without a case where they fire"
    assert codes - silent == set(), "rules without a case where they stay silent"


def test_base_proposal_is_valid() -> None:
    Proposal.model_validate(BASE)


def test_every_built_in_rule_has_its_own_case_file() -> None:
    expected = {
        HERE / "cases" / r.consideration.value / f"{r.code}.yaml" for r in REGISTRY.rules.values()
    }
    assert set(CASE_FILES) == expected
    strays = [c["_id"] for c in CASES if c["_file"].stem != c["rule"]]
    assert strays == [], "a case belongs in its rule's file"
