"""One proposal through evaluate → accept → aggregate → Assessment."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pso_cli.criteria.profile import Profile
from pso_cli.engine import value
from pso_cli.engine.accept import apply_acceptances
from pso_cli.engine.aggregate import Judgement, all_conditions, decide
from pso_cli.engine.attributes import attribute_models, check_veto_levels
from pso_cli.engine.evaluate import ActiveRule, evaluate, select_rules
from pso_cli.engine.facts import by_rule
from pso_cli.engine.scoring import attribute_values, rated_levels, stamp
from pso_cli.engine.vetoes import missing_must_haves, vetoes
from pso_cli.law import analyse
from pso_cli.loading.load import Loaded
from pso_cli.model.findings import Assessment, Consideration, Finding, Gate, Outcome, Severity
from pso_cli.model.legal_analysis import LegalAnalysis
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Rule
from pso_cli.rules.registry import Registry

_ORDER = {c: i for i, c in enumerate(Consideration)}
_BLOCKER, _CONCERN = Outcome.BLOCKER, Outcome.CONCERN  # enum lookups are slow in 3.11
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
    attributes: tuple[value.AttributeModel, ...] = ()
    as_of_given: bool = True  # False: each proposal is judged at its own decision_date
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
        as_of_given: bool = True,
    ) -> Engine:
        rules = tuple(select_rules(registry, profile))
        models = attribute_models(profile, [a.rule for a in rules])
        if registry.builtin_codes:  # a registry of one's own rules alone: vetoes stay unknown
            scoring = {c for c, r in registry.rules.items() if r.attribute is not None}
            check_veto_levels(profile, models, scoring)
        return cls(
            registry, profile, rules, as_of, tuple(commitments), commitments_source,
            attributes=models, as_of_given=as_of_given,
        )  # fmt: skip

    def as_of_for(self, p: Proposal) -> dt.date:
        """The date a proposal is judged at: --as-of, else its own decision_date, else today."""
        if self.as_of_given or p.identity.decision_date is None:
            return self.as_of
        return p.identity.decision_date

    @cached_property
    def weights(self) -> dict[Consideration, float]:
        return {c: self.profile.weights.of(c) for c in Consideration}

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
    elif any(f.outcome == _CONCERN and f.level is None and not f.accepted for f in mine):
        # a gate rule's own concern: the gate is in doubt, not met. A rated level is the
        # attribute's value (LEG-001 contested but advised lawful), not a doubt.
        status = "contested"
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
        from pso_cli.engine.whatif import analyse

        plain = dataclasses.replace(engine, analysis=Analysis())
        better, worse = analyse(plain, loaded, a)
        a = dataclasses.replace(a, changes=better, reversals=worse)
    return a


def with_sensitivity(a: Assessment, engine: Engine) -> Assessment:
    """Attach the sensitivity analysis, and a finding when the verdict is fragile."""
    from pso_cli.engine.sensitivity import Case, analyse
    from pso_cli.engine.value import Rated

    opts = engine.analysis
    rated = {x.code: Rated(x.code, x.level, x.field, x.line, x.column) for x in a.attributes}
    specs = engine.profile.vetoes
    lifts = {k: v.condition for k, v in specs.items() if v.condition}
    plans = {k: v.unless for k, v in specs.items() if v.unless}
    j = Judgement(a.legal, a.gates, a.missing_facts, veto_conditions=lifts, veto_plans=plans)
    conditions = all_conditions(a.findings, j)  # not the range's own: as decide() has them
    case = Case(engine.attributes, rated, a.findings, conditions, engine.profile.thresholds, j)
    s = analyse(case, engine.weights, opts.samples, opts.seed, opts.margin)
    findings = a.findings
    if s.fragile:
        tight = min(
            s.intervals,
            key=lambda i: min(
                i.weight - i.low if i.low > 0 else 1, i.high - i.weight if i.high < 1 else 1
            ),
        )
        fragile = Finding(
            Outcome.CONCERN, s.reason, "", 0.0, None, FRAGILE_RULE, "fragile-verdict",
            tight.consideration, Severity.MINOR, 1, 1,
        )  # fmt: skip
        findings = tuple(sorted((*findings, fragile), key=sort_key))
    return dataclasses.replace(a, sensitivity=s, findings=findings)


def _assess(engine: Engine, loaded: Loaded) -> Assessment:
    as_of = engine.as_of_for(loaded.proposal)
    law = analyse(loaded.proposal, as_of)
    raw = evaluate(
        loaded, engine.rules, as_of, engine.commitments, law, engine.monitor, engine.skipped
    )
    return finish(engine, loaded, raw, law)


def _judgement(
    engine: Engine,
    loaded: Loaded,
    gates: tuple[Gate, ...],
    law: LegalAnalysis | None,
    rated: Mapping[str, Any] | None = None,
) -> Judgement:
    prof, p, smap = engine.profile, loaded.proposal, loaded.source_map
    return Judgement(
        law=law,
        gates=(*gates, *vetoes(prof.vetoes, p, smap, rated)),
        missing=missing_must_haves(prof.must_have, p, smap),
        veto_conditions={k: v.condition for k, v in prof.vetoes.items() if v.condition},
        veto_plans={k: v.unless for k, v in prof.vetoes.items() if v.unless},
    )


def finish(
    engine: Engine, loaded: Loaded, raw: Sequence[Finding], law: LegalAnalysis | None = None
) -> Assessment:
    """Accept, value, sort and decide: everything after the rules have run."""
    p = loaded.proposal
    as_of = engine.as_of_for(p)
    rated, errors = rated_levels(raw, engine.attributes)
    overall = value.evaluate(engine.attributes, rated, engine.weights)
    stamped = stamp([*raw, *errors], overall, engine.attributes, engine.weights)
    # Accepting a concern keeps the fact's value (the world is as it is); it removes the
    # concern's condition and its weight as a significant concern.
    findings, accepted = apply_acceptances(loaded, stamped, engine.registry, as_of)
    findings.sort(key=sort_key)
    groups = by_rule(findings)
    j = _judgement(engine, loaded, _gates(engine, groups), law, rated)
    d = decide(findings, overall, engine.profile.thresholds, j)
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
        completeness=d.completeness,
        considerations=d.considerations,
        gates=j.gates,
        findings=tuple(findings),
        conditions=d.conditions,
        accepted=tuple(accepted),
        alternatives=_alternatives(loaded),
        references=_references(engine, groups),
        legal=law,
        missing_facts=j.missing,
        notices=loaded.notices,
        score_low=d.low,
        score_high=d.high,
        attributes=attribute_values(overall),
        as_of=as_of.isoformat(),
    )
