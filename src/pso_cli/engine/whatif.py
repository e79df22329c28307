"""What single edit would change the verdict? Counterfactuals over the proposal's facts.

For every fact a rule reported as missing, and every fact behind a concern or blocker,
pso tries the values the format allows (each enumeration value, true/false, or "stated"
for free text) one at a time, re-assesses, and keeps the edit that moves the verdict
furthest towards `recommend`. Only the proposal's own fields are changed; the source map
of the original file still locates them.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from pso_cli.loading.load import Loaded
from pso_cli.model.diagnostics import model_at
from pso_cli.model.findings import Assessment, Change, Finding, Outcome, Verdict
from pso_cli.model.paths import format_dotted, parse_dotted
from pso_cli.model.proposal import Proposal

if TYPE_CHECKING:
    from pso_cli.engine.assess import Engine

STATED = "(stated)"
_TARGETS = (Outcome.MISSING, Outcome.CONCERN, Outcome.BLOCKER)


def _field_type(path: tuple[str | int, ...]) -> Any:
    parent = model_at(Proposal, path[:-1])
    if parent is None or not isinstance(path[-1], str):
        return None
    info = parent.model_fields.get(path[-1])
    return info.annotation if info else None


def _leaf_kinds(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _leaf_kinds(typing.get_args(tp)[0])
    if origin in (typing.Union, __import__("types").UnionType):
        return [k for a in typing.get_args(tp) for k in _leaf_kinds(a)]
    if origin is list:
        return [("list", k) for k in _leaf_kinds(typing.get_args(tp)[0])]
    return [tp]


def candidates(path: tuple[str | int, ...]) -> list[Any]:
    """Values worth trying at a field, from its type in the proposal model."""
    out: list[Any] = []
    for kind in _leaf_kinds(_field_type(path)):
        if isinstance(kind, type) and issubclass(kind, Enum):
            out += [m.value for m in kind]
        elif kind is bool:
            out += [True, False]
        elif kind is str:
            out.append(STATED)
        elif kind == ("list", str):
            out.append([STATED])
    return out


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> bool:
    node: Any = data
    for seg in path[:-1]:
        if isinstance(seg, int):
            if not isinstance(node, list) or seg >= len(node):
                return False
            node = node[seg]
        else:
            if node.get(seg) is None:
                node[seg] = {}
            node = node[seg]
            if not isinstance(node, dict | list):
                return False
    if not isinstance(node, dict) or isinstance(path[-1], int):
        return False
    node[path[-1]] = value
    return True


def _current(proposal: BaseModel, path: tuple[str | int, ...]) -> Any:
    node: Any = proposal
    for seg in path:
        if node is None:
            return None
        node = node[seg] if isinstance(seg, int) else getattr(node, seg, None)
    return node.value if isinstance(node, Enum) else node


def _targets(findings: Sequence[Finding]) -> Iterator[Finding]:
    seen: set[str] = set()
    for f in findings:
        if f.outcome in _TARGETS and not f.accepted and f.field and f.field not in seen:
            seen.add(f.field)
            yield f


def _try(
    engine: Engine, loaded: Loaded, path: tuple[str | int, ...], value: Any
) -> Assessment | None:
    from pso_cli.engine.assess import assess_loaded

    data = loaded.proposal.model_dump(mode="python", exclude_none=True)
    if not _set(data, path, value):
        return None
    try:
        proposal = Proposal.model_validate(data)
    except ValidationError:
        return None
    return assess_loaded(engine, dataclasses.replace(loaded, proposal=proposal))


@dataclasses.dataclass(frozen=True)
class _Trial:
    finding: Finding
    path: tuple[str | int, ...]
    current: Any
    value: Any
    result: Assessment


def _paths(engine: Engine, f: Finding) -> list[tuple[str | int, ...]]:
    """The field itself, or, for a whole missing section, the facts the rule reads in it."""
    path = parse_dotted(f.field)
    if candidates(path):
        return [path]
    rule = engine.registry.rules.get(f.rule)
    reads = rule.reads if rule else ()
    return [
        parse_dotted(r)
        for r in reads
        if r.startswith(f.field + ".") and candidates(parse_dotted(r))
    ]


def _best(engine: Engine, loaded: Loaded, f: Finding, base: Assessment) -> _Trial | None:
    """The single edit to this finding's fact(s) that does most for the verdict."""
    best: _Trial | None = None
    for path in _paths(engine, f):
        current = _current(loaded.proposal, path)
        for value in candidates(path):
            if value == current:
                continue
            result = _try(engine, loaded, path, value)
            if result is None:
                continue
            key = (result.verdict.rank, -result.score, -result.confidence)
            if best is None or key < (
                best.result.verdict.rank,
                -best.result.score,
                -best.result.confidence,
            ):
                best = _Trial(f, path, current, value, result)
    return best


def _shown(value: Any) -> str:
    """A value as the proposal would spell it (true, not True)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _change(t: _Trial, verdict: Assessment, jointly: bool) -> Change:
    shown = t.value[0] if isinstance(t.value, list) else t.value
    return Change(
        field=format_dotted(t.path),
        line=t.finding.line,
        column=t.finding.column,
        current=None if t.current is None else _shown(t.current),
        value=str(shown).lower() if isinstance(shown, bool) else str(shown),
        verdict=verdict.verdict,
        score=verdict.score,
        rule=t.finding.rule,
        outcome=t.finding.outcome,
        jointly=jointly,
    )


def _joint(
    engine: Engine, loaded: Loaded, trials: list[_Trial], base: Assessment
) -> tuple[Change, ...]:
    """Supply missing facts in order of the confidence each adds until the verdict moves."""
    from pso_cli.engine.assess import assess_loaded

    gains = sorted(
        (t for t in trials if t.finding.outcome == Outcome.MISSING),
        key=lambda t: (-t.result.confidence, t.finding.line, format_dotted(t.path)),
    )
    data = loaded.proposal.model_dump(mode="python", exclude_none=True)
    used: list[_Trial] = []
    for t in gains:
        if any(u.path == t.path for u in used) or not _set(data, t.path, t.value):
            continue
        used.append(t)
        try:
            proposal = Proposal.model_validate(data)
        except ValidationError:
            return ()
        result = assess_loaded(engine, dataclasses.replace(loaded, proposal=proposal))
        if result.verdict.rank < base.verdict.rank:
            return tuple(_change(u, result, True) for u in used)
    return ()


def changes(engine: Engine, loaded: Loaded, base: Assessment) -> tuple[Change, ...]:
    """Edits that would move the verdict towards recommend, strongest first.

    Single edits first; if none moves a further-analysis verdict, the smallest set of
    missing facts (added in order of the confidence each brings) that together would.
    """
    trials = [t for f in _targets(base.findings) if (t := _best(engine, loaded, f, base))]
    singles = [
        _change(t, t.result, False) for t in trials if t.result.verdict.rank < base.verdict.rank
    ]
    singles.sort(key=lambda c: (c.verdict.rank, -c.score, c.line, c.field))
    if singles or base.verdict != Verdict.FURTHER_ANALYSIS:
        return tuple(singles)
    return _joint(engine, loaded, trials, base)
