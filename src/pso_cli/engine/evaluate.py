"""Run the profile-selected rules over one proposal and stamp their findings.

A rule that raises, returns something that is not a Finding, or overruns its time
budget is isolated: it becomes an `error` finding for that rule and the run goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from pso_cli import stop
from pso_cli.criteria.profile import Profile, RuleSetting
from pso_cli.engine.boundary import bad_result, failed, inert, private_copy
from pso_cli.engine.timeout import RuleClock, RuleTimeout, rule_clock
from pso_cli.errors import ConfigError, Location, Problem
from pso_cli.loading.load import Loaded
from pso_cli.loading.source_map import SourceMap
from pso_cli.model.findings import Consideration, Finding, Outcome, Severity
from pso_cli.model.legal_analysis import LegalAnalysis
from pso_cli.model.paths import parse_dotted
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Check, Rule, RuleContext, new_finding
from pso_cli.rules.registry import Registry
from pso_cli.rules.retired import successor
from pso_cli.sentences import single_stop

RULE_TIME_LIMIT_S = 2.0
_ERROR, _MAJOR = Outcome.ERROR, Severity.MAJOR  # enum attribute lookups are slow in 3.11
_INFO, _INFO_SEVERITY = Outcome.INFO, Severity.INFO  # information has no severity


@dataclass(frozen=True, slots=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: BaseModel
    builtin: bool = False  # from pso's own packs: shares the proposal, not a private copy


def _unknown_rule(profile: Profile, key: str) -> ConfigError:
    path, line, col = profile.rule_lines.get(key, (profile.origin, 1, 1))
    retired = successor(key)
    message = (
        f"rule '{key}' was retired in pso 0.2: {retired[1]}"
        if retired is not None
        else f"unknown rule '{key}' (see `pso rules`)"
    )
    return ConfigError([Problem(Location(path, line, col, f"rules.{key}"), message, "profile")])


def _merged(profile: Profile, key: str, a: RuleSetting, b: RuleSetting) -> RuleSetting:
    """Two profile entries for one rule (retired codes that now name it): their options
    join; an option set to two different values is an error, never a silent choice."""
    clash = [k for k in a.options.keys() & b.options.keys() if a.options[k] != b.options[k]]
    if clash:
        path, line, col = profile.rule_lines.get(key, (profile.origin, 1, 1))
        raise ConfigError.at(
            path, line, col, f"option '{clash[0]}' is set twice for one rule", "profile"
        )
    return b.model_copy(
        update={"options": a.options | b.options, "enabled": a.enabled and b.enabled}
    )


def select_rules(registry: Registry, profile: Profile) -> list[ActiveRule]:
    """Apply the profile to the registry, failing closed on unknown ids or bad options."""
    settings: dict[str, Any] = {}
    for key, setting in profile.rules.items():
        found = registry.by_name_or_code(key)
        moved = successor(key) if found is None else None
        if moved is not None and moved[0] is not None:
            found = registry.by_name_or_code(moved[0])  # a retired code's setting follows it
        if found is None:
            raise _unknown_rule(profile, key)
        if found.code in settings:  # several retired codes folded into one rule
            setting = _merged(profile, key, settings[found.code][1], setting)
        settings[found.code] = (key, setting)
    active = []
    for code, r in registry.rules.items():
        key, setting = settings.get(code, (code, None))
        if setting is not None and not setting.enabled:
            continue
        try:
            options = r.options.model_validate(setting.options if setting else {})
        except ValidationError as exc:
            path, line, col = profile.rule_lines.get(key, (profile.origin, 1, 1))
            detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise ConfigError(
                [Problem(Location(path, line, col), f"rule {code} options: {detail}", "profile")]
            ) from None
        severity = setting.severity if setting and setting.severity else r.severity
        active.append(ActiveRule(r, severity, options, code in registry.builtin_codes))
    return active


def _error(active: ActiveRule, message: str) -> Finding:
    return Finding(Outcome.ERROR, message, "", 0.0)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One active rule with everything its runs share, worked out once per rule set."""

    active: ActiveRule
    check: Check
    ctx: RuleContext
    code: str
    name: str
    consideration: Consideration
    severity: Severity  # the profile's (or the rule's): a non-scoring finding's severity

    @classmethod
    def of(cls, active: ActiveRule, as_of: dt.date, commitments: Sequence[Any]) -> _Prepared:
        r = active.rule
        ctx = RuleContext(options=active.options, as_of=as_of, commitments=commitments)
        return cls(active, r.check, ctx, r.code, r.name, r.consideration, active.severity)


class _PlanCache:
    """The prepared rules of the last (rules, as_of, commitments) seen.

    A batch evaluates every proposal with the same rule tuple, so its preparation is
    reused. Only tuples are remembered (they cannot change behind the cache), and they
    are held, so their identity stays theirs. Key and plan live in one tuple, read and
    replaced whole, so threads sharing the cache never pair one key with another plan.
    """

    __slots__ = ("entry",)

    def __init__(self) -> None:
        self.entry: tuple[Sequence[ActiveRule], dt.date, Sequence[Any], tuple[_Prepared, ...]]
        self.entry = ((), dt.date.min, (), ())

    def get(
        self, rules: Sequence[ActiveRule], as_of: dt.date, commitments: Sequence[Any]
    ) -> tuple[_Prepared, ...]:
        cached_rules, cached_as_of, cached_commitments, plan = self.entry
        if cached_rules is rules and cached_commitments is commitments and cached_as_of == as_of:
            return plan
        plan = tuple(_Prepared.of(a, as_of, commitments) for a in rules)
        if type(rules) is tuple and type(commitments) is tuple:
            self.entry = (rules, as_of, commitments, plan)
        return plan


_PLANS = _PlanCache()


def _run(p: _Prepared, proposal: Proposal, clock: RuleClock, ctx: RuleContext) -> list[Finding]:
    """The rule's findings, or one error finding if it failed or overran its limit.

    See engine.boundary: anything the rule raises, SystemExit and KeyboardInterrupt
    included, is its error finding unless a stop signal really arrived.
    """
    view = proposal if p.active.builtin else private_copy(proposal)
    clock.started = started = time.perf_counter()
    try:
        try:
            produced = list(p.check(view, ctx))
        finally:
            clock.started = None  # inside the try: a late alarm is still caught below
    except RuleTimeout:
        stop.check()  # a rule that swallowed a Ctrl-C, then overran: the run still stops
        return [_error(p.active, f"rule stopped after its {clock.limit:g}s time limit")]
    except BaseException as exc:  # isolate a faulty rule, whatever it raised; report it
        return [_error(p.active, failed(exc))]
    stop.check()  # a Ctrl-C the rule caught still stops the run
    elapsed = time.perf_counter() - started
    if elapsed > clock.limit:
        return [_error(p.active, _overran(elapsed, clock.limit))]
    refused = bad_result(produced)
    if refused is not None:
        return [_error(p.active, refused)]
    return produced if p.active.builtin else [inert(f) for f in produced]


def _overran(elapsed: float, limit: float) -> str:
    return f"rule took {elapsed:.1f}s, over its {limit:.0f}s limit; result discarded"


@functools.lru_cache(maxsize=8192)
def _path(field: str) -> tuple[str | int, ...] | None:
    try:
        return parse_dotted(field)
    except (ValueError, IndexError):
        return None


def _stamp(f: Finding, p: _Prepared, source_map: SourceMap) -> Finding:
    """The rule's finding with its rule, severity and location. Effects are not the
    rules' to set: only an attribute's level moves a score (engine/scoring.py). A message
    or condition that ends a sentence with the proposal's own full stop and the rule's
    ("National caveats: no offensive operations..") keeps one."""
    path = _path(f.field)
    line, col = source_map.value(path) if path is not None else (1, 1)
    outcome = f.outcome
    severity = _MAJOR if outcome is _ERROR else (_INFO_SEVERITY if outcome is _INFO else p.severity)
    condition = None if f.condition is None else single_stop(f.condition)
    return new_finding(
        f.outcome, single_stop(f.message), f.field, 0.0, condition, p.code, p.name,
        p.consideration, severity, line, col, f.accepted, f.level,
    )  # fmt: skip


def evaluate(
    loaded: Loaded,
    rules: Sequence[ActiveRule],
    as_of: dt.date,
    commitments: Sequence[Any] = (),
    law: LegalAnalysis | None = None,
    monitor: Any = None,
    skipped: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Every stamped finding of every active rule, in a stable order.

    One interval timer watches the whole proposal (see RuleClock): arming one per rule
    cost more system calls than most rules cost time. In a worker process `monitor`
    (engine.pool.Watch) tells the parent which rule runs, so it can stop one that
    defeats the timer; `skipped` (rule code -> message) are rules the parent already
    stopped on this proposal, reported as their error finding without running again.
    """
    out: list[Finding] = []
    proposal, source_map = loaded.proposal, loaded.source_map
    with rule_clock(RULE_TIME_LIMIT_S) as clock:
        for i, p in enumerate(_PLANS.get(rules, as_of, commitments)):
            if skipped and p.code in skipped:
                out.append(_stamp(_error(p.active, skipped[p.code]), p, source_map))
                continue
            if monitor is not None:
                monitor.begin(i)
            ctx = p.ctx if law is None else dataclasses.replace(p.ctx, law=law)
            for f in _run(p, proposal, clock, ctx):
                out.append(_stamp(f, p, source_map))
            if monitor is not None:
                monitor.end()
    return out
