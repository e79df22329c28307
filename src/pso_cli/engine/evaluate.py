"""Run the profile-selected rules over one proposal and stamp their findings.

A rule that raises, returns something that is not a Finding, or overruns its time
budget is isolated: it becomes an `error` finding for that rule and the run goes on.
"""

from __future__ import annotations

import datetime as dt
import functools
import signal
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from pso_cli.criteria.profile import Profile
from pso_cli.engine.timeout import RuleTimeout, alarm_handler
from pso_cli.errors import ConfigError, Location, Problem
from pso_cli.loading.load import Loaded
from pso_cli.loading.source_map import parse_dotted
from pso_cli.model.findings import Finding, Outcome, Severity
from pso_cli.rules.api import Rule, RuleContext
from pso_cli.rules.registry import Registry

RULE_TIME_LIMIT_S = 2.0
_SCALED = (Outcome.SUPPORTS, Outcome.CONCERN)
_SEVERITY_WEIGHT = {
    Severity.CRITICAL: 2.0,
    Severity.MAJOR: 1.0,
    Severity.MINOR: 0.5,
    Severity.INFO: 0.0,
}


@dataclass(frozen=True, slots=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: BaseModel

    @property
    def scale(self) -> float:
        """Effects scale when a profile raises or lowers a rule's severity."""
        default = _SEVERITY_WEIGHT[self.rule.severity] or 1.0
        return _SEVERITY_WEIGHT[self.severity] / default


def _unknown_rule(profile: Profile, key: str) -> ConfigError:
    path, line, col = profile.rule_lines.get(key, (profile.origin, 1, 1))
    return ConfigError(
        [
            Problem(
                Location(path, line, col, f"rules.{key}"),
                f"unknown rule '{key}' (see `pso rules`)",
                "profile",
            )
        ]
    )


def select_rules(registry: Registry, profile: Profile) -> list[ActiveRule]:
    """Apply the profile to the registry, failing closed on unknown ids or bad options."""
    settings: dict[str, Any] = {}
    for key, setting in profile.rules.items():
        found = registry.by_name_or_code(key)
        if found is None:
            raise _unknown_rule(profile, key)
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
        active.append(ActiveRule(r, severity, options))
    return active


def _error(active: ActiveRule, message: str) -> Finding:
    return Finding(Outcome.ERROR, message, "", 0.0)


def _run(active: ActiveRule, loaded: Loaded, ctx: RuleContext, alarm: bool) -> list[Finding]:
    started = time.perf_counter()
    try:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, RULE_TIME_LIMIT_S)
        try:
            produced = list(active.rule.check(loaded.proposal, ctx))
        finally:
            if alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except RuleTimeout:
        return [_error(active, f"rule stopped after its {RULE_TIME_LIMIT_S:g}s time limit")]
    except RecursionError:
        return [_error(active, "rule failed: RecursionError")]
    except Exception as exc:  # isolate a faulty rule; report it
        return [_error(active, f"rule failed: {type(exc).__name__}: {exc}")]
    elapsed = time.perf_counter() - started
    if elapsed > RULE_TIME_LIMIT_S:
        return [
            _error(
                active,
                f"rule took {elapsed:.1f}s, over its {RULE_TIME_LIMIT_S:.0f}s limit; "
                "result discarded",
            )
        ]
    for f in produced:
        if type(f) is not Finding and not isinstance(f, Finding):
            return [
                _error(active, f"rule returned {type(f).__name__}, not a Finding; result discarded")
            ]
    return produced


@functools.lru_cache(maxsize=8192)
def _path(field: str) -> tuple[str | int, ...] | None:
    try:
        return parse_dotted(field)
    except (ValueError, IndexError):
        return None


def _stamp(f: Finding, active: ActiveRule, loaded: Loaded) -> Finding:
    r = active.rule
    path = _path(f.field)
    line, col = loaded.source_map.value(path) if path is not None else (1, 1)
    if f.outcome is Outcome.ERROR:
        severity, effect = Severity.MAJOR, f.effect
    else:
        severity = active.severity
        effect = f.effect * active.scale if f.outcome in _SCALED else f.effect
    return Finding(
        f.outcome, f.message, f.field, round(effect, 2), f.condition, r.code, r.name,
        r.consideration, severity, line, col, f.accepted,
    )  # fmt: skip


def evaluate(
    loaded: Loaded,
    rules: Sequence[ActiveRule],
    as_of: dt.date,
    commitments: Sequence[Any] = (),
) -> list[Finding]:
    """Every stamped finding of every active rule, in a stable order.

    The interval timer that enforces each rule's time limit is armed per rule; its
    handler is installed once for the whole proposal (installing it per rule cost more
    than most rules).
    """
    out: list[Finding] = []
    with alarm_handler() as alarm:
        alarm = alarm and RULE_TIME_LIMIT_S > 0
        for active in rules:
            ctx = RuleContext(options=active.options, as_of=as_of, commitments=commitments)
            out.extend(_stamp(f, active, loaded) for f in _run(active, loaded, ctx, alarm))
    return out
