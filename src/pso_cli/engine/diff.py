"""Two versions of one proposal: what changed in the verdict, and which edit moved it.

A proposal is redrafted many times before Cabinet sees it, and a reviewer's question is
rarely "what is the verdict now?" but "what did this redraft do to it, and why?". This
module assesses both versions and sets the difference out at four levels: verdict,
scores, their ranges and completeness; the value model's attributes whose level changed;
findings added, removed or changed (keyed by rule, field and outcome); and the fields
themselves, each attributed by applying that one edit to the old version alone and
re-assessing it. A score that is not there on one side (nothing it weighs is stated)
has no delta: None, never a number made up for it.

One-at-a-time attribution is honest only with its residual: edits interact (stating
one fact can make another count, a blocker hides every score), so the parts need not
sum to the total, and the difference is reported as `interaction`.

Pure: two loaded proposals and an engine in, a Diff out; rendering is elsewhere.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from pso_cli.engine.fieldwalk import ABSENT, apply_change, kind, walk
from pso_cli.loading.load import Loaded
from pso_cli.model.findings import (
    Assessment,
    AttributeValue,
    Consideration,
    Finding,
    Outcome,
    Verdict,
)
from pso_cli.model.paths import format_dotted
from pso_cli.model.proposal import Proposal

if TYPE_CHECKING:
    from pso_cli.engine.assess import Engine

__all__ = [
    "ABSENT",
    "AttributeChange",
    "Attribution",
    "Diff",
    "FieldChange",
    "FindingChange",
    "ScoreDelta",
    "apply_change",
    "diff",
    "diff_attributes",
    "diff_findings",
    "walk",
]


@dataclass(frozen=True, slots=True)
class ScoreDelta:
    consideration: Consideration
    old: float | None
    new: float | None
    old_completeness: float = 1.0
    new_completeness: float = 1.0

    @property
    def delta(self) -> float | None:
        return delta(self.old, self.new)


@dataclass(frozen=True, slots=True)
class AttributeChange:
    """An attribute whose level differs between the versions (a level of None: unknown;
    no AttributeValue: on that side its rule found nothing to rate)."""

    code: str
    consideration: Consideration
    title: str
    old: AttributeValue | None  # None: the attribute does not apply to the old version
    new: AttributeValue | None

    @property
    def contribution_delta(self) -> float:
        before = self.old.contribution if self.old else 0.0
        after = self.new.contribution if self.new else 0.0
        return round(after - before, 2) + 0.0


@dataclass(frozen=True, slots=True)
class Attribution:
    """The old proposal with this one edit applied, assessed on its own."""

    verdict: Verdict
    score: float | None
    score_delta: float | None  # None: a score is missing on one side
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
    interaction_score: float | None  # total score change minus the single-edit parts
    interaction: tuple[tuple[Consideration, float], ...]  # the same per consideration
    attributes: tuple[AttributeChange, ...] = ()  # level changes, in the profile's order

    @property
    def score_delta(self) -> float | None:
        return delta(self.old.score, self.new.score)

    @property
    def range_delta(self) -> tuple[float, float]:
        """(change of the low end, change of the high end) of the overall range."""
        low = _r(self.new.score_low - self.old.score_low)
        return low, _r(self.new.score_high - self.old.score_high)

    @property
    def completeness_delta(self) -> float:
        return round(self.new.completeness - self.old.completeness, 3) + 0.0


def _r(x: float) -> float:
    """Rounded to the report's 0.1 points, never -0.0 (stable JSON)."""
    return round(x, 1) + 0.0


def delta(old: float | None, new: float | None) -> float | None:
    """new - old, rounded; None when either is missing."""
    return None if old is None or new is None else _r(new - old)


def _scores(a: Assessment) -> dict[Consideration, float | None]:
    return {c.consideration: c.score for c in a.considerations}


def _moved(before: Assessment, after: Assessment) -> tuple[tuple[Consideration, float], ...]:
    """Non-zero consideration deltas, where both sides have a score."""
    old, new = _scores(before), _scores(after)
    deltas = ((c, delta(old.get(c), new[c])) for c in new)
    return tuple((c, d) for c, d in deltas if d is not None and d != 0)


def _attribute(
    engine: Engine, loaded: Loaded, base: Assessment, data: dict[str, Any]
) -> Attribution | None:
    from pso_cli.engine.assess import assess_loaded

    try:
        proposal = Proposal.model_validate(data)
    except ValidationError:
        return None
    a = assess_loaded(engine, dataclasses.replace(loaded, proposal=proposal))
    return Attribution(a.verdict, a.score, delta(base.score, a.score), _moved(base, a))


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
                kind(o, n),
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


def diff_attributes(old: Assessment, new: Assessment) -> tuple[AttributeChange, ...]:
    """Attributes whose level (or whether they apply) differs, in the new version's order
    then any the new version no longer has."""
    before = {x.code: x for x in old.attributes}
    after = {x.code: x for x in new.attributes}
    out = []
    for code in [*after, *(c for c in before if c not in after)]:
        o, n = before.get(code), after.get(code)
        if o is not None and n is not None and o.level == n.level:
            continue
        x = n or o
        assert x is not None
        out.append(AttributeChange(code, x.consideration, x.title, o, n))
    return tuple(out)


def _interaction(
    old: Assessment, new: Assessment, fields: tuple[FieldChange, ...]
) -> tuple[float | None, tuple[tuple[Consideration, float], ...]]:
    parts = [f.alone for f in fields if f.alone is not None]
    total = delta(old.score, new.score)
    singles = [p.score_delta for p in parts]
    score = None
    if total is not None and all(d is not None for d in singles):
        score = _r(total - sum(d for d in singles if d is not None))
    per = []
    for c, moved in _moved(old, new) + _unmoved(old, new):
        alone = sum(d for p in parts for k, d in p.considerations if k == c)
        per.append((c, _r(moved - alone)))
    order = {c: i for i, c in enumerate(Consideration)}
    return (score, tuple(sorted(per, key=lambda x: order[x[0]])))


def _unmoved(old: Assessment, new: Assessment) -> tuple[tuple[Consideration, float], ...]:
    """The considerations scored on both sides whose score did not move (delta 0)."""
    a, b = _scores(old), _scores(new)
    return tuple((c, 0.0) for c in b if b[c] is not None and a.get(c) is not None and a[c] == b[c])


def diff(engine: Engine, old: Loaded, new: Loaded) -> Diff:
    """Assess both versions and attribute the difference field by field."""
    from pso_cli.engine.assess import Analysis, assess_loaded

    engine = dataclasses.replace(engine, analysis=Analysis())  # plain: no what-if inside
    a, b = assess_loaded(engine, old), assess_loaded(engine, new)
    before = {c.consideration: c for c in a.considerations}
    deltas = tuple(
        ScoreDelta(
            c.consideration,
            before[c.consideration].score if c.consideration in before else None,
            c.score,
            before[c.consideration].completeness if c.consideration in before else 0.0,
            c.completeness,
        )
        for c in b.considerations
    )
    fields = _field_changes(engine, old, new, a)
    score, per = _interaction(a, b, fields)
    return Diff(a, b, deltas, diff_findings(a, b), fields, score, per, diff_attributes(a, b))
