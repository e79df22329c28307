"""The rule boundary: whatever a rule raises, returns or changes, the run goes on intact."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import signal
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from pso_cli import stop
from pso_cli.api import build_engine, load_input, run_info
from pso_cli.engine.assess import Engine, assess_loaded
from pso_cli.engine.boundary import describe, private_copy
from pso_cli.loading.load import Loaded
from pso_cli.model.findings import Finding, Outcome
from pso_cli.model.proposal import Proposal
from pso_cli.model.run import RunResult
from pso_cli.rules import api
from pso_cli.rules.registry import Registry, RulePack, build_registry

REPO = Path(__file__).resolve().parents[2]
RAMSI = str(REPO / "examples" / "ramsi-2003.yaml")
AS_OF = dt.date(2003, 7, 20)


def rule(code: str, check: Any) -> api.Rule:
    return api.Rule(
        code=code,
        name=code.lower() + "-rule",
        consideration=api.Consideration.STRATEGIC,
        title=f"Rule {code}",
        rationale="Because.",
        reference=api.Reference("Test"),
        check=check,
    )


def engine_with(*rules: api.Rule) -> Engine:
    """The built-in rules plus these, as a third-party pack."""
    base = build_registry()
    pack = RulePack("third", "1", "test", rules)
    registry = Registry(
        (*base.packs, pack), dict(sorted({**base.rules, **{r.code: r for r in rules}}.items()))
    )
    engine = build_engine(as_of=AS_OF)
    return Engine.build(registry, engine.profile, AS_OF)


@pytest.fixture(scope="module")
def ramsi() -> Loaded:
    return load_input(RAMSI)


def findings_of(engine: Engine, loaded: Loaded, code: str) -> list[Finding]:
    return [f for f in assess_loaded(engine, loaded).findings if f.rule == code]


def _exits(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
    sys.exit(0)


def _keyboard(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
    raise KeyboardInterrupt


def _generator_exit(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
    yield api.info("", "first")
    raise GeneratorExit


class Odd(BaseException):
    pass


def _odd(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
    raise Odd("strange")


class Nasty(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no")


def _nasty(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
    raise Nasty


@pytest.mark.parametrize(
    ("check", "message"),
    [
        (_exits, "rule failed: SystemExit: 0"),
        (_keyboard, "rule failed: KeyboardInterrupt"),
        (_generator_exit, "rule failed: GeneratorExit"),
        (_odd, "rule failed: Odd: strange"),
        (_nasty, "rule failed: Nasty"),
    ],
)
def test_any_base_exception_from_a_rule_is_its_error_finding(
    ramsi: Loaded, check: Any, message: str
) -> None:
    """sys.exit(0) in a rule ended the run with exit 0 and no output; KeyboardInterrupt was
    taken for the user's Ctrl-C; GeneratorExit escaped with a traceback."""
    stop.reset()
    engine = engine_with(rule("ZZZ-001", check))
    a = assess_loaded(engine, ramsi)
    [err] = [f for f in a.findings if f.rule == "ZZZ-001"]
    assert (err.outcome, err.message) == (Outcome.ERROR, message)
    clean = assess_loaded(build_engine(as_of=AS_OF), ramsi)
    assert {f.rule for f in a.findings} == {f.rule for f in clean.findings} | {"ZZZ-001"}
    assert a.verdict.value == "further-analysis"


def test_a_stop_signal_that_really_arrived_still_stops_the_run(ramsi: Loaded) -> None:
    """The user's Ctrl-C (recorded by the handler) ends the run even if a rule caught it."""

    def swallows(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
        with contextlib.suppress(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
        return []

    engine = engine_with(rule("ZZZ-002", swallows))
    previous = signal.getsignal(signal.SIGINT)
    stop.install()
    try:
        with pytest.raises(KeyboardInterrupt):
            assess_loaded(engine, ramsi)
        assert stop.received() == signal.SIGINT
    finally:
        signal.signal(signal.SIGINT, previous)
        stop.reset()


@pytest.mark.parametrize("effect", [float("nan"), float("inf"), -float("inf")])
def test_a_non_finite_effect_is_an_error_and_json_stays_strict(
    ramsi: Loaded, effect: float
) -> None:
    from pso_cli.render import json_report, sarif

    def nan(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
        yield api.new_finding(Outcome.SUPPORTS, "odd", "identity.name", effect)

    engine = engine_with(rule("NAN-001", nan))
    a = assess_loaded(engine, ramsi)
    [err] = [f for f in a.findings if f.rule == "NAN-001"]
    assert err.outcome == Outcome.ERROR and "non-finite effect" in err.message
    run = RunResult(run_info(engine), (a,))

    def refuse(name: str) -> None:
        raise AssertionError(f"bare {name} in JSON")

    for text in (json_report.render(run), json_report.render_line(a, run.info), sarif.render(run)):
        json.loads(text, parse_constant=refuse)


def test_json_output_refuses_nan_as_a_backstop() -> None:
    from pso_cli.render import json_report

    with pytest.raises(ValueError, match="not JSON compliant"):
        json_report._LINE.encode({"x": float("nan")})


def test_a_rule_cannot_change_what_later_rules_read(ramsi: Loaded) -> None:
    """`partners.clear()` in a rule that runs first failed the coalition gate (STR-001)."""

    def vandal(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
        assert p.leadership is not None and p.leadership.partners
        p.leadership.partners.clear()
        p.alternatives.clear()  # type: ignore[union-attr]
        return []

    clean = assess_loaded(build_engine(as_of=AS_OF), ramsi)
    a = assess_loaded(engine_with(rule("AAA-001", vandal)), ramsi)  # AAA sorts first
    assert not [f for f in a.findings if f.rule == "AAA-001"]  # it ran without error
    gate = {g.rule: g.status for g in a.gates}
    assert gate == {g.rule: g.status for g in clean.gates}
    assert [f for f in a.findings if f.rule != "AAA-001"] == list(clean.findings)
    assert ramsi.proposal.leadership is not None and ramsi.proposal.leadership.partners


def test_built_in_rules_leave_the_proposal_as_they_found_it() -> None:
    """They share the validated model (no copy), so none may change it."""
    engine = build_engine(as_of=AS_OF)
    for path in sorted((REPO / "examples").glob("**/*.yaml")):
        try:
            loaded = load_input(str(path))
        except Exception:  # not a proposal (commitments, invalid samples)
            continue
        before = loaded.proposal.model_dump()
        assess_loaded(engine, loaded)
        assert loaded.proposal.model_dump() == before, path


def test_private_copy_shares_nothing_mutable(ramsi: Loaded) -> None:
    p = ramsi.proposal
    q = private_copy(p)
    assert q == p
    assert q.leadership is not p.leadership
    assert q.leadership.partners is not p.leadership.partners  # type: ignore[union-attr]
    assert q.identity is p.identity  # holds nothing mutable: shared


def test_plugin_text_with_control_characters_is_made_inert(ramsi: Loaded) -> None:
    from pso_cli.render import junit, text

    def loud(p: Proposal, ctx: api.RuleContext) -> Iterable[Finding]:
        yield api.concern("identity.name", "red \x1b[31malert\x07\x1b]0;title\x07", 1)

    engine = engine_with(rule("ESC-001", loud))
    a = assess_loaded(engine, ramsi)
    [f] = [f for f in a.findings if f.rule == "ESC-001"]
    assert "\x1b" not in f.message and "\\x1b[31malert" in f.message
    run = RunResult(run_info(engine), (a,))
    assert "\x1b" not in text.render(run, width=200)
    ET.fromstring(junit.render(run))  # well-formed XML: no raw control characters


def test_describe_is_bounded_and_one_line() -> None:
    assert describe(ValueError("a\nb")) == "ValueError: a\\nb"
    assert len(describe(ValueError("x" * 10_000))) < 600
