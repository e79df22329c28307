"""One proposal through evaluate → accept → aggregate → Assessment."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pso_cli.criteria.profile import Profile
from pso_cli.engine.accept import apply_acceptances
from pso_cli.engine.aggregate import RuleFacts, decide
from pso_cli.engine.evaluate import ActiveRule, evaluate, select_rules
from pso_cli.engine.facts import by_rule, facts_of
from pso_cli.loading.load import Loaded
from pso_cli.model.findings import Assessment, Consideration, Finding, Gate, Outcome, Severity
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Rule
from pso_cli.rules.registry import Registry

_ORDER = {c: i for i, c in enumerate(Consideration)}
_BLOCKER = Outcome.BLOCKER  # enum attribute lookups are slow in 3.11
_UNKNOWN = (Outcome.MISSING, Outcome.ERROR)
FRAGILE_RULE = "PSO-FRAGILE"


@dataclass(frozen=True)
class Analysis:
    """Optional decision analysis, off by default (it re-assesses the proposal)."""

    what_if: bool = False
    sensitivity: bool = False
    samples: int = 2000
    seed: int = 0
    margin: float = 0.05


@dataclass(frozen=True)
class Engine:
    """Everything built once per run and shared by every proposal in a batch."""

    registry: Registry
    profile: Profile
    rules: tuple[ActiveRule, ...]
    as_of: dt.date
    commitments: tuple[Any, ...] = field(default=())
    commitments_source: str | None = None
    analysis: Analysis = field(default_factory=Analysis)
    monitor: Any = None  # in a worker process: engine.pool.Watch, read by the parent
    skipped: Mapping[str, str] = field(default_factory=dict)  # rules stopped from outside

    @classmethod
    def build(
        cls,
        registry: Registry,
        profile: Profile,
        as_of: dt.date,
        commitments: Sequence[Any] = (),
        commitments_source: str | None = None,
    ) -> Engine:
        rules = tuple(select_rules(registry, profile))
        return cls(registry, profile, rules, as_of, tuple(commitments), commitments_source)

    @cached_property
    def references(self) -> tuple[tuple[str, str], ...]:
        """(rule code, reference text) of each active rule, in order; built once."""
        return tuple((a.rule.code, str(a.rule.reference)) for a in self.rules)

    @cached_property
    def gate_rules(self) -> tuple[Rule, ...]:
        """The active rules that are gates, in order; built once."""
        return tuple(a.rule for a in self.rules if a.rule.gate)


def sort_key(f: Finding) -> tuple[int, str, int, int, str, str]:
    return (
        _ORDER.get(f.consideration, 9) if f.consideration else 9,
        f.rule,
        f.line,
        f.column,
        f.field,
        f.message,
    )


def _gates(engine: Engine, groups: dict[str, list[Finding]]) -> tuple[Gate, ...]:
    return tuple(_gate(r, groups.get(r.code, [])) for r in engine.gate_rules)


def _gate(rule: Rule, mine: Sequence[Finding]) -> Gate:
    blocker = next((f for f in mine if f.outcome == _BLOCKER), None)
    first = blocker or (mine[0] if mine else None)
    if blocker is not None:
        status = "failed"
    elif not mine or any(f.outcome in _UNKNOWN for f in mine):
        status = "unknown"
    else:
        status = "passed"
    if first is None:
        return Gate(rule.code, rule.title, status, "", 1, 1)
    return Gate(rule.code, rule.title, status, first.field, first.line, first.column)


def _alternatives(loaded: Loaded) -> tuple[str, ...]:
    out = []
    for a in loaded.proposal.alternatives or []:
        bits = [
            b
            for b in (
                a.feasibility and f"feasibility {a.feasibility}",
                a.expected_effect and f"effect: {a.expected_effect}",
            )
            if b
        ]
        desc = f": {a.description}" if a.description else ""
        out.append(f"{a.type}{desc}" + (f" ({', '.join(bits)})" if bits else ""))
    return tuple(out)


def _references(engine: Engine, used: dict[str, list[Finding]]) -> tuple[str, ...]:
    """Each source once, with the rules that rest on it."""
    by_source: dict[str, list[str]] = {}
    for code, ref in engine.references:
        if code in used:
            by_source.setdefault(ref, []).append(code)
    return tuple(f"{', '.join(codes)}: {ref}" for ref, codes in by_source.items())


def assess_loaded(engine: Engine, loaded: Loaded) -> Assessment:
    a = _assess(engine, loaded)
    opts = engine.analysis
    if opts.sensitivity:
        a = with_sensitivity(a, engine)
    if opts.what_if:
        from pso_cli.engine.whatif import changes

        plain = dataclasses.replace(engine, analysis=Analysis())
        a = dataclasses.replace(a, changes=changes(plain, loaded, a))
    return a


def with_sensitivity(a: Assessment, engine: Engine) -> Assessment:
    """Attach the sensitivity analysis, and a finding when the verdict is fragile."""
    from pso_cli.engine.sensitivity import analyse

    opts = engine.analysis
    s = analyse(
        a.findings,
        a.considerations,
        a.conditions,
        engine.profile.thresholds,
        opts.samples,
        opts.seed,
        opts.margin,
    )
    findings = a.findings
    if s.fragile:
        tight = min(
            s.intervals,
            key=lambda i: min(
                i.weight - i.low if i.low > 0 else 1, i.high - i.weight if i.high < 1 else 1
            ),
        )
        fragile = Finding(
            Outcome.CONCERN,
            s.reason,
            "",
            0.0,
            None,
            FRAGILE_RULE,
            "fragile-verdict",
            tight.consideration,
            Severity.MINOR,
            1,
            1,
        )
        findings = tuple(sorted((*findings, fragile), key=sort_key))
    return dataclasses.replace(a, sensitivity=s, findings=findings)


def _assess(engine: Engine, loaded: Loaded) -> Assessment:
    raw = evaluate(
        loaded, engine.rules, engine.as_of, engine.commitments, engine.monitor, engine.skipped
    )
    return finish(engine, loaded, raw)


def _known_facts(engine: Engine, p: Proposal, groups: dict[str, list[Finding]]) -> list[RuleFacts]:
    """RuleFacts of each rule that produced findings, in rule order."""
    known = []
    memo: dict[str, bool] = {}
    for a in engine.rules:
        mine = groups.get(a.rule.code)
        if mine:
            facts = facts_of(a.rule, p, mine, memo)
            if facts is not None:
                known.append(facts)
    return known


def finish(engine: Engine, loaded: Loaded, raw: Sequence[Finding]) -> Assessment:
    """Accept, sort, weigh and decide: everything after the rules have run."""
    findings, accepted = apply_acceptances(loaded, raw, engine.registry, engine.as_of)
    findings.sort(key=sort_key)
    p = loaded.proposal
    groups = by_rule(findings)
    known = _known_facts(engine, p, groups)
    d = decide(findings, known, engine.profile.weights, engine.profile.thresholds)
    return Assessment(
        path=loaded.path,
        sha256=loaded.sha256,
        proposal_id=p.identity.id,
        name=p.identity.name,
        host=p.location.host if p.location else None,
        lead=p.leadership.lead if p.leadership else None,
        verdict=d.verdict,
        reason=d.reason,
        score=d.score,
        confidence=d.confidence,
        considerations=d.considerations,
        gates=_gates(engine, groups),
        findings=tuple(findings),
        conditions=d.conditions,
        accepted=tuple(accepted),
        alternatives=_alternatives(loaded),
        references=_references(engine, groups),
    )
