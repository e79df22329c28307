"""What would change the verdict: what the authors can do, and what the world decides.

pso looks at every fact behind the judgement: the facts of a gate or veto that is not
met (and what lifts the veto), the must-have facts unknown, the fact that decided the
legal analysis, every attribute below its best level or unknown, and every concern,
blocker or missing fact a rule reported. At each it tries, one at a time, the values the
format allows (each level of an enumeration, yes and no, "stated" for free text, one
more statutory purpose, half the personnel), re-assesses the proposal and keeps the edit
that does most for the verdict: a better verdict, then fewer open questions, then a
higher score on the value model, then more completeness.

Each edit is an action (the authors can make it: conclude a SOFA, close a protection
gap) or a fact of the world (the threat, host consent), by model/controls.py:

- `changes`: edits that would move the verdict towards recommend: every single action
  that does (its best value), and every fact of the world that would (its nearest such
  value; never a graver humanitarian need); and, when no single action does, the fewest
  actions (each of which helps alone, taken best first) that together would (`jointly`);
- `reversals`: stated facts of the world whose nearest other value would move the
  verdict away from recommend: with the facts of the world in `changes`, what the
  verdict depends on.

An unknown fact of the world is never assumed favourable jointly with others: those are
the facts to gather, which the brief lists on their own.

Deterministic: fields, values and ties are taken in a fixed order. Only the proposal's
own fields are changed; the original file's source map still locates them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from pso_cli.engine.edits import STATED as STATED
from pso_cli.engine.edits import candidates, current_at, set_at, values_to_try
from pso_cli.loading.load import Loaded
from pso_cli.model.controls import Control, control, lever
from pso_cli.model.findings import Assessment, Change, Outcome
from pso_cli.model.legal_analysis import LegalOutcome
from pso_cli.model.paths import FieldPath, format_dotted, parse_dotted
from pso_cli.model.proposal import Proposal

if TYPE_CHECKING:
    from pso_cli.engine.assess import Engine

MAX_JOINT = 6  # more joint edits than this is a different proposal, not a change
_TARGETS = (Outcome.MISSING, Outcome.CONCERN, Outcome.BLOCKER)
Quality = tuple[int, int, float, float]


@dataclasses.dataclass(frozen=True, slots=True)
class Target:
    """A fact behind the judgement, where it is, and what pso said of it."""

    field: str
    line: int
    column: int
    rule: str
    outcome: Outcome


@dataclasses.dataclass(frozen=True, slots=True)
class Trial:
    target: Target
    path: FieldPath
    current: Any
    value: Any
    result: Assessment

    @property
    def control(self) -> Control:
        return control(format_dotted(self.path)) or Control.WORLD


def quality(a: Assessment) -> Quality:
    """Smaller is better: the verdict, then the questions left open, score, completeness."""
    law = a.legal is not None and a.legal.outcome is not LegalOutcome.LAWFUL
    left = sum(g.status != "passed" for g in a.gates) + len(a.missing_facts) + law
    return (a.verdict.rank, left, -(a.score or 0.0), -a.completeness)


def _gate_facts(engine: Engine, a: Assessment) -> Iterator[tuple[str, str, Outcome]]:
    """The facts of each gate or veto not met, and what would lift the veto."""
    for g in a.gates:
        if g.status == "passed":
            continue
        yield g.field, g.rule, Outcome.BLOCKER
        spec = engine.profile.vetoes.get(g.rule) if g.kind == "veto" else None
        if spec is not None:
            yield from ((path, g.rule, Outcome.BLOCKER) for path in spec.when)
            if spec.unless:
                yield spec.unless, g.rule, Outcome.BLOCKER


def targets(engine: Engine, loaded: Loaded, a: Assessment) -> list[Target]:
    """Every fact behind the judgement, once, in a fixed order."""
    out: dict[str, Target] = {}

    def add(field: str, rule: str, outcome: Outcome, at: tuple[int, int] | None = None) -> None:
        if field and field not in out:
            line, column = at or loaded.source_map.value(parse_dotted(field))
            out[field] = Target(field, line, column, rule, outcome)

    for field, rule, outcome in _gate_facts(engine, a):
        add(field, rule, outcome)
    for field, line, column in a.missing_facts:
        add(field, "", Outcome.MISSING, (line, column))
    if a.legal is not None and a.legal.outcome is not LegalOutcome.LAWFUL:
        add(a.legal.field, "LEG-001", Outcome.CONCERN)
    for f in a.findings:
        if f.outcome in _TARGETS and not f.accepted:
            add(f.field, f.rule, f.outcome, (f.line, f.column))
    for x in a.attributes:
        outcome = Outcome.MISSING if x.value is None else Outcome.SUPPORTS
        add(x.field, x.code, outcome, (x.line, x.column))
    return list(out.values())


def _triable(path: FieldPath) -> bool:
    return bool(candidates(path)) or path[-1] == "personnel"


def _paths(engine: Engine, t: Target) -> list[FieldPath]:
    """The field itself, or, for a whole section, the facts the rule reads or owns in it."""
    path = parse_dotted(t.field)
    if _triable(path):
        return [path]
    rule = engine.registry.rules.get(t.rule)
    fields = [*rule.reads, *(rule.attribute.owns if rule.attribute else ())] if rule else []
    inside = [parse_dotted(f) for f in dict.fromkeys(fields) if f.startswith(t.field + ".")]
    return [p for p in inside if _triable(p)]


def _assess(engine: Engine, loaded: Loaded, data: dict[str, Any]) -> Assessment | None:
    from pso_cli.engine.assess import assess_loaded

    try:
        proposal = Proposal.model_validate(data)
    except ValidationError:
        return None
    result = assess_loaded(engine, dataclasses.replace(loaded, proposal=proposal))
    return result if result.score is not None else None


def _dump(loaded: Loaded) -> dict[str, Any]:
    return loaded.proposal.model_dump(mode="python", exclude_none=True)


def _trials(engine: Engine, loaded: Loaded, t: Target) -> Iterator[Trial]:
    """Each value tried at the target's facts; facts that say which operation this is (its
    host, region, kind, who leads it) are never varied."""
    for path in _paths(engine, t):
        lev = lever(format_dotted(path))
        if lev is not None and lev.fixed:
            continue
        current = current_at(loaded.proposal, path)
        for value in values_to_try(path, current):
            data = _dump(loaded)
            if set_at(data, path, value) and (result := _assess(engine, loaded, data)):
                yield Trial(t, path, current, value, result)


def _shown(value: Any) -> str:
    """A value as the proposal would spell it (true, not True; the item a list gained)."""
    if isinstance(value, list):
        value = value[-1] if value else ""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _change(t: Trial, result: Assessment, jointly: bool) -> Change:
    return Change(
        field=format_dotted(t.path),
        line=t.target.line,
        column=t.target.column,
        current=None if t.current is None else _shown(t.current),
        value=_shown(t.value),
        verdict=result.verdict,
        score=result.score or 0.0,
        rule=t.target.rule,
        outcome=t.target.outcome,
        jointly=jointly,
        control=t.control.value,
    )


def _joint(
    engine: Engine, loaded: Loaded, steps: Sequence[Trial], base: Assessment
) -> tuple[Change, ...]:
    """Apply the steps in order until the verdict moves; () if it never does. The steps
    taken are listed in the order of the file."""
    data = _dump(loaded)
    used: list[Trial] = []
    for t in steps[:MAX_JOINT]:
        if any(u.path == t.path for u in used) or not set_at(data, t.path, t.value):
            continue
        used.append(t)
        result = _assess(engine, loaded, data)
        if result is not None and result.verdict.rank < base.verdict.rank:
            used.sort(key=lambda u: (u.target.line, format_dotted(u.path)))  # in file order
            return tuple(_change(u, result, True) for u in used)
    return ()


def _key(t: Trial) -> tuple[Quality, int, str]:
    return (quality(t.result), t.target.line, format_dotted(t.path))


def _distance(t: Trial) -> int:
    """How far the value tried is from the stated one, in the format's order of values."""
    order = [_shown(v) for v in candidates(t.path)]
    if t.current is None or _shown(t.current) not in order or _shown(t.value) not in order:
        return len(order)
    return abs(order.index(_shown(t.value)) - order.index(_shown(t.current)))


def _jointly(
    engine: Engine, loaded: Loaded, best: Sequence[Trial], base: Assessment
) -> tuple[Change, ...]:
    """The fewest actions (each of which helps alone) that together move the verdict."""
    better = sorted((t for t in best if quality(t.result) < quality(base)), key=_key)
    return _joint(engine, loaded, better, base)


def _world(trials: Sequence[Trial], base: Assessment) -> tuple[Trial | None, Trial | None]:
    """For a fact of the world: the value nearest the stated one among those giving the
    best verdict (never a graver need), and the nearest value that would worsen the
    verdict (only for a stated fact)."""
    lev = lever(format_dotted(trials[0].path))
    up = [t for t in trials if t.result.verdict.rank < base.verdict.rank]
    down = [t for t in trials if t.result.verdict.rank > base.verdict.rank]
    better = None
    if up and not (lev is not None and lev.need):
        better = min(up, key=lambda t: (t.result.verdict.rank, _distance(t), _key(t)))
    worse = None
    if down and trials[0].current is not None:
        worse = min(down, key=lambda t: (_distance(t), -t.result.verdict.rank, _key(t)))
    return better, worse


def analyse(
    engine: Engine, loaded: Loaded, base: Assessment
) -> tuple[tuple[Change, ...], tuple[Change, ...]]:
    """(changes that would move the verdict towards recommend, reversals)."""
    actions: list[Trial] = []
    world: list[Trial] = []
    reversals: list[Trial] = []
    for trials in _by_path(engine, loaded, base):
        if trials[0].control is Control.ACTION:
            actions.append(min(trials, key=_key))
            continue
        better, worse = _world(trials, base)
        world += [better] if better else []
        reversals += [worse] if worse else []
    moving = [t for t in actions if t.result.verdict.rank < base.verdict.rank]
    singles = sorted([*moving, *world], key=_key)
    out = tuple(_change(t, t.result, False) for t in singles)
    if not moving:
        out += _jointly(engine, loaded, actions, base)
    reversals.sort(key=lambda t: (-t.result.verdict.rank, t.target.line, format_dotted(t.path)))
    return out, tuple(_change(t, t.result, False) for t in reversals)


def _by_path(engine: Engine, loaded: Loaded, base: Assessment) -> Iterator[list[Trial]]:
    """Every trial, grouped by the field it edits."""
    for t in targets(engine, loaded, base):
        by_path: dict[FieldPath, list[Trial]] = {}
        for trial in _trials(engine, loaded, t):
            by_path.setdefault(trial.path, []).append(trial)
        yield from by_path.values()


def changes(engine: Engine, loaded: Loaded, base: Assessment) -> tuple[Change, ...]:
    """Edits that would move the verdict towards recommend, strongest first."""
    return analyse(engine, loaded, base)[0]
