"""Two versions of one proposal: what changed in the verdict, and which edit moved it.

A proposal is redrafted many times before Cabinet sees it, and a reviewer's question is
rarely "what is the verdict now?" but "what did this redraft do to it, and why?". This
module assesses both versions and sets the difference out at three levels: verdict and
scores; findings added, removed or changed (keyed by rule, field and outcome); and the
fields themselves, each attributed by applying that one edit to the old version alone
and re-assessing it.

One-at-a-time attribution is honest only with its residual: edits interact (stating
one fact can make another count, a blocker hides every score), so the parts need not
sum to the total, and the difference is reported as `interaction`.

Pure: two loaded proposals and an engine in, a Diff out; rendering is elsewhere.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from pso_cli.loading.load import Loaded
from pso_cli.model.findings import Assessment, Consideration, Finding, Outcome, Verdict
from pso_cli.model.paths import format_dotted
from pso_cli.model.proposal import Proposal

if TYPE_CHECKING:
    from pso_cli.engine.assess import Engine

__all__ = [
    "ABSENT",
    "Attribution",
    "Diff",
    "FieldChange",
    "FindingChange",
    "ScoreDelta",
    "apply_change",
    "diff",
    "diff_findings",
    "walk",
]

Path = tuple[str | int, ...]


class _Absent:
    """A list item that one version does not have (distinct from a null value)."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


@dataclass(frozen=True, slots=True)
class ScoreDelta:
    consideration: Consideration
    old: float
    new: float

    @property
    def delta(self) -> float:
        return _r(self.new - self.old)


@dataclass(frozen=True, slots=True)
class Attribution:
    """The old proposal with this one edit applied, assessed on its own."""

    verdict: Verdict
    score: float
    score_delta: float
    considerations: tuple[tuple[Consideration, float], ...]  # non-zero deltas only


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    kind: str  # changed | added | removed
    old: Any  # JSON value; None when not stated
    new: Any
    line: int  # in the new file (nearest present ancestor for a removed field)
    column: int
    alone: Attribution | None  # None: this edit alone gives an invalid proposal


@dataclass(frozen=True, slots=True)
class FindingChange:
    rule: str
    field: str
    outcome: Outcome
    status: str  # added | removed | changed
    old: Finding | None
    new: Finding | None


@dataclass(frozen=True, slots=True)
class Diff:
    old: Assessment
    new: Assessment
    considerations: tuple[ScoreDelta, ...]
    findings: tuple[FindingChange, ...]
    fields: tuple[FieldChange, ...]
    interaction_score: float  # total score change minus the sum of the single-edit parts
    interaction: tuple[tuple[Consideration, float], ...]  # the same per consideration


def _r(x: float) -> float:
    """Rounded to the report's 0.1 points, never -0.0 (stable JSON)."""
    return round(x, 1) + 0.0


def _absent(v: Any) -> bool:
    return v is None or v is ABSENT


def walk(old: Any, new: Any, path: Path = ()) -> Iterator[tuple[Path, Any, Any]]:
    """(path, old, new) for every differing leaf; dicts by key, lists by index.

    A value present on one side only (a section added or dropped) is one change at its
    own path, not one per leaf inside it.
    """
    if isinstance(old, dict) and isinstance(new, dict):
        keys = list(old) + [k for k in new if k not in old]
        for k in keys:
            yield from walk(old.get(k), new.get(k), (*path, k))
    elif isinstance(old, list) and isinstance(new, list):
        for i in range(max(len(old), len(new))):
            o = old[i] if i < len(old) else ABSENT
            n = new[i] if i < len(new) else ABSENT
            yield from walk(o, n, (*path, i))
    elif old != new and not (_absent(old) and _absent(new)):
        yield path, old, new


def _kind(old: Any, new: Any) -> str:
    if _absent(old):
        return "added"
    return "removed" if _absent(new) else "changed"


def apply_change(data: dict[str, Any], path: Path, new: Any) -> dict[str, Any]:
    """A copy of `data` with the value at `path` set to `new` (ABSENT: the item dropped)."""
    out = copy.deepcopy(data)
    node: Any = out
    for seg in path[:-1]:
        node = node[seg]
    last = path[-1]
    if isinstance(last, str):
        node[last] = None if new is ABSENT else new
    elif new is ABSENT:
        del node[last]
    elif last < len(node):
        node[last] = new
    else:
        node.append(new)
    return out


def _scores(a: Assessment) -> dict[Consideration, float]:
    return {c.consideration: c.score for c in a.considerations}


def _attribute(
    engine: Engine, loaded: Loaded, base: Assessment, data: dict[str, Any]
) -> Attribution | None:
    from pso_cli.engine.assess import assess_loaded

    try:
        proposal = Proposal.model_validate(data)
    except ValidationError:
        return None
    a = assess_loaded(engine, dataclasses.replace(loaded, proposal=proposal))
    before, after = _scores(base), _scores(a)
    deltas = ((c, _r(after[c] - before.get(c, 0.0))) for c in after)
    moved = tuple((c, d) for c, d in deltas if d != 0)
    return Attribution(a.verdict, a.score, _r(a.score - base.score), moved)


def _field_changes(
    engine: Engine, old: Loaded, new: Loaded, base: Assessment
) -> tuple[FieldChange, ...]:
    before = old.proposal.model_dump(mode="json")
    after = new.proposal.model_dump(mode="json")
    out = []
    for path, o, n in walk(before, after):
        line, column = new.source_map.value(path)
        alone = _attribute(engine, old, base, apply_change(before, path, n))
        out.append(
            FieldChange(
                format_dotted(path),
                _kind(o, n),
                None if o is ABSENT else o,
                None if n is ABSENT else n,
                line,
                column,
                alone,
            )
        )
    return tuple(out)


def _key(f: Finding) -> tuple[str, str, Outcome]:
    return (f.rule, f.field, f.outcome)


def _group(findings: tuple[Finding, ...]) -> dict[tuple[str, str, Outcome], list[Finding]]:
    out: dict[tuple[str, str, Outcome], list[Finding]] = {}
    for f in findings:
        out.setdefault(_key(f), []).append(f)
    return out


def _same(a: list[Finding], b: list[Finding]) -> bool:
    def sig(fs: list[Finding]) -> list[tuple[str, float, str, bool, str | None]]:
        return sorted((f.message, f.effect, f.severity.value, f.accepted, f.condition) for f in fs)

    return sig(a) == sig(b)


def diff_findings(old: Assessment, new: Assessment) -> tuple[FindingChange, ...]:
    """Findings added, removed or changed, keyed by (rule, field, outcome)."""
    before, after = _group(old.findings), _group(new.findings)
    out = []
    for key in list(before) + [k for k in after if k not in before]:
        o, n = before.get(key), after.get(key)
        if o and n and _same(o, n):
            continue
        status = "changed" if o and n else ("removed" if o else "added")
        out.append(FindingChange(*key, status, o[0] if o else None, n[0] if n else None))
    order = {c: i for i, c in enumerate(Consideration)}

    def sort_key(c: FindingChange) -> tuple[int, str, str, str]:
        f = c.new or c.old
        where = order.get(f.consideration, 9) if f and f.consideration else 9
        return (where, c.rule, c.field, c.outcome.value)

    return tuple(sorted(out, key=sort_key))


def _interaction(
    old: Assessment, new: Assessment, fields: tuple[FieldChange, ...]
) -> tuple[float, tuple[tuple[Consideration, float], ...]]:
    parts = [f.alone for f in fields if f.alone is not None]
    score = _r(new.score - old.score - sum(p.score_delta for p in parts))
    before, after = _scores(old), _scores(new)
    per = []
    for c in after:
        alone = sum(d for p in parts for k, d in p.considerations if k == c)
        per.append((c, _r(after[c] - before.get(c, 0.0) - alone)))
    return (score, tuple(per))


def diff(engine: Engine, old: Loaded, new: Loaded) -> Diff:
    """Assess both versions and attribute the difference field by field."""
    from pso_cli.engine.assess import Analysis, assess_loaded

    engine = dataclasses.replace(engine, analysis=Analysis())  # plain: no what-if inside
    a, b = assess_loaded(engine, old), assess_loaded(engine, new)
    before = _scores(a)
    deltas = tuple(
        ScoreDelta(c.consideration, before.get(c.consideration, 0.0), c.score)
        for c in b.considerations
    )
    fields = _field_changes(engine, old, new, a)
    score, per = _interaction(a, b, fields)
    return Diff(a, b, deltas, diff_findings(a, b), fields, score, per)
