"""One interval timer per proposal: it stops only a rule that used up its own limit."""

from __future__ import annotations

import datetime as dt
import signal
import time
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from rule_factory import make_rule

from pso_cli.engine import evaluate as ev
from pso_cli.engine.evaluate import evaluate
from pso_cli.engine.timeout import RuleClock, RuleTimeout, rule_clock
from pso_cli.loading.load import Loaded, proposal_from_bytes
from pso_cli.model.findings import Finding, Outcome
from pso_cli.rules import api

AS_OF = dt.date(2030, 1, 1)


@pytest.fixture(scope="module")
def loaded() -> Loaded:
    return proposal_from_bytes(b"pso_format: 1\nidentity:\n  name: Test\n  id: test-id\n", "t.yaml")


def sleeper(seconds: float) -> Callable[[Any, Any], Iterable[Finding]]:
    def check(p: Any, ctx: Any) -> Iterable[Finding]:
        time.sleep(seconds)
        yield api.supports("identity.name", f"slept {seconds}s")

    return check


def test_a_rule_sleeping_past_its_limit_is_stopped_and_reported(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ev, "RULE_TIME_LIMIT_S", 0.1)
    started = time.perf_counter()
    found = evaluate(
        loaded, (make_rule("TST-001", sleeper(5.0)), make_rule("TST-002", sleeper(0))), AS_OF
    )
    assert time.perf_counter() - started < 2.0  # stopped, not slept out
    by_rule = {f.rule: f for f in found}
    assert by_rule["TST-001"].outcome == Outcome.ERROR
    assert by_rule["TST-001"].message == "rule stopped after its 0.1s time limit"
    assert by_rule["TST-002"].outcome == Outcome.SUPPORTS


def test_rules_within_their_limit_are_not_blamed_for_a_slow_proposal(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Together they run past the limit; each alone stays within it."""
    monkeypatch.setattr(ev, "RULE_TIME_LIMIT_S", 0.5)
    rules = tuple(make_rule(f"TST-00{i}", sleeper(0.2)) for i in range(1, 5))
    found = evaluate(loaded, rules, AS_OF)
    assert [f.outcome for f in found] == [Outcome.SUPPORTS] * 4


def test_one_timer_per_proposal_and_the_handler_is_restored(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[float] = []
    real = signal.setitimer

    def counting(which: int, seconds: float, interval: float = 0.0) -> tuple[float, float]:
        calls.append(seconds)
        return real(which, seconds, interval)

    monkeypatch.setattr(signal, "setitimer", counting)
    before = signal.getsignal(signal.SIGALRM)
    rules = tuple(make_rule(f"TST-00{i}", sleeper(0)) for i in range(1, 10))
    assert len(evaluate(loaded, rules, AS_OF)) == 9
    assert calls == [ev.RULE_TIME_LIMIT_S, 0]  # armed once, disarmed once
    assert signal.getsignal(signal.SIGALRM) is before


def test_the_alarm_rearms_for_the_rest_of_a_rule_budget() -> None:
    clock = RuleClock(1.0)
    with rule_clock(0):  # no timer: the clock only records
        pass
    try:
        clock.started = None  # between rules: nothing to stop
        clock.on_alarm(signal.SIGALRM, None)
        assert 0.9 < signal.getitimer(signal.ITIMER_REAL)[0] <= 1.0
        clock.started = time.perf_counter() - 0.75  # a rule with a quarter second left
        clock.on_alarm(signal.SIGALRM, None)
        assert 0.1 < signal.getitimer(signal.ITIMER_REAL)[0] <= 0.25
        clock.started = time.perf_counter() - 1.0  # a rule out of time
        with pytest.raises(RuleTimeout):
            clock.on_alarm(signal.SIGALRM, None)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
