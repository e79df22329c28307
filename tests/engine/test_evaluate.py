"""evaluate.py: profile-selected rules run in isolation; their findings are stamped."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

from pso_cli.criteria.profile import Profile, RuleSetting, load_profile
from pso_cli.engine import evaluate as ev
from pso_cli.engine.assess import Engine, assess_loaded
from pso_cli.errors import ConfigError
from pso_cli.loading.load import Loaded, proposal_from_bytes
from pso_cli.model.findings import Consideration, Finding, Outcome, Severity, Verdict
from pso_cli.model.proposal import Proposal
from pso_cli.rules import api
from pso_cli.rules.registry import Registry, RulePack

REPO = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2030, 6, 1)
REF = api.Reference("Test source", "a passage")


def make_rule(code: str, check: Any, **kw: Any) -> api.Rule:
    base: dict[str, Any] = {
        "code": code,
        "name": code.lower() + "-rule",
        "consideration": Consideration.LEGALITY,
        "title": f"Rule {code}",
        "rationale": "Because.",
        "reference": REF,
        "check": check,
    }
    return api.Rule(**(base | kw))


def good(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
    yield api.supports("identity.name", "named", 10)
    yield api.concern("identity.id", "id concern", 4, condition="Fix it.")


def raises(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
    raise ZeroDivisionError("boom")


def returns_junk(p: Proposal, ctx: api.RuleContext) -> Iterable[Any]:
    return [api.info("", "fine"), "not a finding"]


def registry_of(*rules: api.Rule) -> Registry:
    pack = RulePack("test", "1", "test", tuple(rules))
    return Registry((pack,), {r.code: r for r in sorted(rules, key=lambda r: r.code)})


def profile(**rules: RuleSetting) -> Profile:
    """nz-default's weights, vetoes and thresholds with only the test rules: none of them
    rates an attribute, so the profile weighs none (it would fail closed on weights for
    rules that are not there)."""
    base = load_profile("nz-default")
    return dataclasses.replace(
        base, rules=dict(rules), rule_lines={}, attributes={}, attribute_lines={}
    )


@pytest.fixture(scope="module")
def loaded() -> Loaded:
    text = b"pso_format: 1\nidentity:\n  name: Test\n  id: test-id\n"
    return proposal_from_bytes(text, "t.yaml")


def run(loaded: Loaded, *rules: api.Rule, prof: Profile | None = None) -> list[Finding]:
    active = ev.select_rules(registry_of(*rules), prof or profile())
    return ev.evaluate(loaded, active, AS_OF)


def test_findings_are_stamped_with_rule_consideration_severity_and_position(
    loaded: Loaded,
) -> None:
    a, b = run(loaded, make_rule("TST-001", good, severity=Severity.MINOR))
    assert (a.rule, a.rule_name, a.consideration) == ("TST-001", "tst-001-rule", "legality")
    assert a.severity == Severity.MINOR
    assert (a.line, a.column) == (3, 9)
    assert (b.line, b.column) == (4, 7)
    assert (a.effect, b.effect) == (0.0, 0.0)  # rules never set points: only levels score
    assert b.condition == "Fix it."


def test_a_rule_that_raises_becomes_an_error_finding_and_others_go_on(loaded: Loaded) -> None:
    findings = run(loaded, make_rule("TST-001", good), make_rule("TST-002", raises))
    errors = [f for f in findings if f.outcome == Outcome.ERROR]
    assert len(errors) == 1
    (err,) = errors
    assert err.rule == "TST-002"
    assert err.message == "rule failed: ZeroDivisionError: boom"
    assert err.severity == Severity.MAJOR
    assert err.effect == 0
    assert [f.rule for f in findings if f.outcome != Outcome.ERROR] == ["TST-001", "TST-001"]


def test_a_rule_returning_a_non_finding_becomes_an_error(loaded: Loaded) -> None:
    findings = run(loaded, make_rule("TST-003", returns_junk), make_rule("TST-004", good))
    (err,) = [f for f in findings if f.rule == "TST-003"]
    assert err.outcome == Outcome.ERROR
    assert "returned str, not a Finding; result discarded" in err.message
    assert len([f for f in findings if f.rule == "TST-004"]) == 2


def test_a_rule_over_its_time_budget_is_discarded(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ev, "RULE_TIME_LIMIT_S", -1.0)
    (err, *_) = run(loaded, make_rule("TST-001", good))
    assert err.outcome == Outcome.ERROR
    assert "over its" in err.message and "result discarded" in err.message


def test_a_failing_rule_gives_further_analysis_and_an_unknown_gate(loaded: Loaded) -> None:
    reg = registry_of(make_rule("TST-001", good), make_rule("TST-002", raises, gate=True))
    engine = Engine.build(reg, profile(), AS_OF)
    a = assess_loaded(engine, loaded)
    assert a.verdict == Verdict.FURTHER_ANALYSIS
    assert "TST-002 could not be evaluated" in a.reason
    gate, *vetoes = a.gates  # the gate rules first, then the profile's vetoes
    assert (gate.rule, gate.kind, gate.status) == ("TST-002", "gate", "unknown")
    assert vetoes and {(v.kind, v.status) for v in vetoes} == {("veto", "unknown")}


def test_bad_field_paths_fall_back_to_the_document(loaded: Loaded) -> None:
    def odd(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
        yield api.info("identity.name[x]", "odd path")
        yield api.info("nowhere.at.all", "absent")

    a, b = run(loaded, make_rule("TST-001", odd))
    assert (a.line, a.column) == (1, 1)
    assert (b.line, b.column) == (1, 1)


def test_profile_severity_override_sets_severity_but_never_an_effect(loaded: Loaded) -> None:
    """A profile's severity for a rule is the severity its non-scoring findings carry
    (the reports' and SARIF's level; a major concern keeps a verdict from an unconditional
    recommend). It no longer scales effects: only an attribute's level moves a score, and
    information has no severity whatever the profile says."""
    rule = make_rule("TST-001", good, severity=Severity.MAJOR)
    up = run(loaded, rule, prof=profile(**{"TST-001": RuleSetting(severity=Severity.CRITICAL)}))
    down = run(loaded, rule, prof=profile(**{"TST-001": RuleSetting(severity=Severity.MINOR)}))
    same = run(loaded, rule)
    assert [f.severity for f in up] == [Severity.CRITICAL, Severity.CRITICAL]
    assert [f.severity for f in down] == [Severity.MINOR, Severity.MINOR]
    assert [f.severity for f in same] == [Severity.MAJOR, Severity.MAJOR]
    assert [f.effect for f in up + down + same] == [0.0] * 6

    def informs(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
        yield api.info("identity.name", "for information")

    quiet = make_rule("TST-002", informs, severity=Severity.MAJOR)
    (i,) = run(loaded, quiet, prof=profile(**{"TST-002": RuleSetting(severity=Severity.CRITICAL)}))
    assert (i.outcome, i.severity) == (Outcome.INFO, Severity.INFO)


def test_disabled_rule_does_not_run(loaded: Loaded) -> None:
    prof = profile(**{"tst-002-rule": RuleSetting(enabled=False)})
    findings = run(loaded, make_rule("TST-001", good), make_rule("TST-002", raises), prof=prof)
    assert {f.rule for f in findings} == {"TST-001"}


def test_rule_context_carries_options_and_date(loaded: Loaded) -> None:
    class Opts(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)
        limit: int = 3

    seen: list[api.RuleContext] = []

    def spy(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
        seen.append(ctx)
        return []

    rule = make_rule("TST-001", spy, options=Opts)
    run(loaded, rule, prof=profile(**{"TST-001": RuleSetting(options={"limit": 9})}))
    assert seen[0].options == Opts(limit=9)
    assert seen[0].as_of == AS_OF


def test_bad_rule_options_fail_closed(loaded: Loaded) -> None:
    with pytest.raises(ConfigError) as info:
        run(
            loaded,
            make_rule("TST-001", good),
            prof=profile(**{"TST-001": RuleSetting(options={"x": 1})}),
        )
    assert "rule TST-001 options" in info.value.problems[0].message


def test_unknown_rule_in_profile_fails_closed(loaded: Loaded) -> None:
    with pytest.raises(ConfigError) as info:
        run(loaded, make_rule("TST-001", good), prof=profile(**{"NOPE-999": RuleSetting()}))
    (p,) = info.value.problems
    assert p.message == "unknown rule 'NOPE-999' (see `pso rules`)"
    assert info.value.exit_code == 4


def test_evaluation_order_follows_the_registry(loaded: Loaded) -> None:
    r2 = make_rule("TST-002", good)
    r1 = make_rule("TST-001", good)
    findings = run(loaded, r2, r1)
    assert [f.rule for f in findings] == ["TST-001", "TST-001", "TST-002", "TST-002"]
