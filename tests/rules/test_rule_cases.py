"""Every rule fires, and stays silent, on purpose-built cases: one file per rule,
tests/rules/cases/<consideration>/<CODE>.yaml.

Each case deep-merges `patch` into tests/rules/base.yaml (a `null` deletes a key; lists
are replaced whole), runs the one rule with the legal analysis of that proposal, and
checks what it must produce:

- `expect: level` with `level: X`: the rule rates its attribute at level X (exactly one
  rated finding), at `field` when given;
- `expect: missing-information`, `concern`, `blocker` or `info`: such a finding (with
  no level), at `field` when given;
- `expect: silent`: no concern, blocker or missing-information and no level below its
  attribute's best;
- `expect: not-applicable`: no level and no missing-information at all.

Every scoring rule's case file must reach each of its attribute's levels.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from pso_cli.law import analyse
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
    as_of = dt.date.fromisoformat(str(case.get("as_of", AS_OF)))
    ctx = RuleContext(
        options=rule.options.model_validate(case.get("options") or {}),
        as_of=as_of,
        commitments=tuple(case.get("commitments") or ()),
        law=analyse(proposal, as_of),
    )
    return list(rule.check(proposal, ctx))


def _owned(code: str, field: str) -> bool:
    """Is `field` (or a part of it) one the rule's attribute owns? Indexes and `*` match."""
    attribute = REGISTRY.rules[code].attribute
    assert attribute is not None
    parts = [p.split("[")[0] for p in field.split(".")]
    for path in attribute.owns:
        own = path.replace("[]", "").split(".")
        n = min(len(own), len(parts))
        if all(a == b or a == "*" for a, b in zip(own[:n], parts[:n], strict=True)):
            return True
    return False


def _best(code: str) -> str | None:
    attribute = REGISTRY.rules[code].attribute
    return attribute.levels[-1][0] if attribute else None


@pytest.mark.parametrize("case", CASES, ids=[c["_id"] for c in CASES])
def test_rule_case(case: dict[str, Any]) -> None:
    findings = run_case(case)
    expect = case["expect"]
    rated = [f for f in findings if f.level is not None]
    assert len(rated) <= 1, f"a rule rates its attribute once, got {rated}"
    if expect == "silent":
        assert not [f for f in findings if f.outcome in NEGATIVE and f.level is None], findings
        assert all(f.level == _best(case["rule"]) for f in rated), rated
        return
    if expect == "not-applicable":
        assert not rated and not [f for f in findings if f.outcome is Outcome.MISSING], findings
        return
    if expect == "level":
        assert [f.level for f in rated] == [case["level"]], findings
        assert _owned(case["rule"], rated[0].field), f"{rated[0].field} is not the rule's own"
        hits = rated
    else:
        hits = [f for f in findings if f.outcome == Outcome(expect) and f.level is None]
        assert hits, f"expected {expect}, got {findings}"
    if "field" in case:
        assert any(f.field == case["field"] for f in hits), [f.field for f in hits]
    for f in hits:
        assert f.message and f.field
        assert ".." not in f.message and not f.message.endswith(".)."), f.message


def test_every_level_of_every_attribute_is_reached() -> None:
    """A scoring rule's cases show each of its levels; none is dead or untested."""
    for code, rule in REGISTRY.rules.items():
        if rule.attribute is None:
            continue
        reached = {c["level"] for c in CASES if c["rule"] == code and c["expect"] == "level"}
        assert reached == {name for name, _ in rule.attribute.levels}, code


def test_every_rule_has_a_firing_and_a_silent_case() -> None:
    fires = {c["rule"] for c in CASES if c["expect"] not in ("silent", "not-applicable")}
    silent = {c["rule"] for c in CASES if c["expect"] in ("silent", "not-applicable")}
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
