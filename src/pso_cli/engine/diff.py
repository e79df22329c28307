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
one fact can make another count, two facts of one attribute combine), so the parts need
not sum to the total, and the difference is reported as `interaction`. Deltas and the
residual are taken on the unrounded scores and rounded once, so edits that cannot
interact leave no residual from rounding.

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
    exact: float | None = None  # new - old before rounding (None: from old and new)

    @property
    def delta(self) -> float | None:
        return delta(self.old, self.new) if self.exact is None else _r(self.exact)


@dataclass(frozen=True, slots=True)
class AttributeChange:
    """An attribute whose level differs between the versions (a level of None: unknown;
    no AttributeValue: on that side its rule found nothing to rate)."""

    code: str
    consideration: Consideration
    title: str
    old: AttributeValue | None  # None: the attribute does not apply to the old version
    new: AttributeValue | None
    # Points of the consideration's score this change moved: its own contribution's change
    # plus, for a fact made unknown or newly stated (or an attribute that stops or starts
    # applying), its share of the re-weighting of the other stated facts, so the points of
    # one consideration's changes add up to its score change. 0.0 when built without them.
    points: float = 0.0
    overall: float | None = None  # the same in points of the overall score; None: not additive

    @property
    def contribution_delta(self) -> float:
        """The change of this attribute's own contribution alone (no re-weighting)."""
        before = self.old.contribution if self.old else 0.0
        after = self.new.contribution if self.new else 0.0
        return round(after - before, 2) + 0.0

    @property
    def reweights(self) -> bool:
        """Whether the change makes the fact unknown or stated, or the attribute apply or
        not: then the other stated facts are re-weighted and the range widens or narrows."""
        return _stated(self.old) != _stated(self.new)


def _stated(x: AttributeValue | None) -> bool:
    return x is not None and x.level is not None


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
    exact_score_delta: float | None = None  # before rounding (None: from the two scores)

    @property
    def score_delta(self) -> float | None:
        if self.exact_score_delta is not None:
            return _r(self.exact_score_delta)
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


_Exact = tuple[float | None, dict[Consideration, float | None]]


def _exact(a: Assessment) -> _Exact:
    """The overall and consideration scores before the report's rounding, from the
    attributes' contributions (which add up to each score). Deltas taken between rounded
    scores would leave a residual of a tenth or two between edits that cannot interact."""
    per: dict[Consideration, float | None] = {}
    for c in a.considerations:
        mine = [x.contribution for x in a.attributes if x.consideration is c.consideration]
        per[c.consideration] = None if c.score is None else sum(mine)
    scored = [(c.weight, per[c.consideration]) for c in a.considerations]
    known = [(w, s) for w, s in scored if s is not None]
    total_w = sum(w for w, _ in known)
    overall = None if a.score is None or total_w <= 0 else sum(w * s for w, s in known) / total_w
    return overall, per


def _exact_delta(old: float | None, new: float | None) -> float | None:
    return None if old is None or new is None else new - old


def _moved(before: _Exact, after: _Exact) -> tuple[tuple[Consideration, float], ...]:
    """Non-zero consideration deltas (rounded), where both sides have a score."""
    old, new = before[1], after[1]
    deltas = ((c, _exact_delta(old.get(c), new[c])) for c in new)
    return tuple((c, _r(d)) for c, d in deltas if d is not None and _r(d) != 0)


def _attribute(
    engine: Engine, loaded: Loaded, base: _Exact, data: dict[str, Any]
) -> tuple[Attribution, _Exact] | None:
    from pso_cli.engine.assess import assess_loaded

    try:
        proposal = Proposal.model_validate(data)
    except ValidationError:
        return None
    a = assess_loaded(engine, dataclasses.replace(loaded, proposal=proposal))
    exact = _exact(a)
    moved = _exact_delta(base[0], exact[0])
    score_delta = None if moved is None else _r(moved)
    return Attribution(a.verdict, a.score, score_delta, _moved(base, exact)), exact


def _field_changes(
    engine: Engine, old: Loaded, new: Loaded, base: Assessment
) -> tuple[tuple[FieldChange, ...], list[_Exact]]:
    """Each edit with what it does alone, and the exact scores each edit alone gives."""
    before = old.proposal.model_dump(mode="json")
    after = new.proposal.model_dump(mode="json")
    start = _exact(base)
    out, parts = [], []
    for path, o, n in walk(before, after):
        line, column = new.source_map.value(path)
        attributed = _attribute(engine, old, start, apply_change(before, path, n))
        if attributed is not None:
            parts.append(attributed[1])
        out.append(
            FieldChange(
                format_dotted(path),
                kind(o, n),
                None if o is ABSENT else o,
                None if n is ABSENT else n,
                line,
                column,
                None if attributed is None else attributed[0],
            )
        )
    return tuple(out), parts


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
    then any the new version no longer has; each with the points it moved (see
    `AttributeChange.points`)."""
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
    return _with_points(old, new, out, set(before) | set(after))


def _contribution(x: AttributeValue | None) -> float:
    return x.contribution if x is not None else 0.0


def _with_points(
    old: Assessment, new: Assessment, changes: list[AttributeChange], codes: set[str]
) -> tuple[AttributeChange, ...]:
    """Each change's own contribution change, plus a share of what the unchanged attributes
    of its consideration moved by re-weighting (shared among the changes that make a fact
    unknown or stated, by weight; among all its changes if none does)."""
    before = {x.code: x for x in old.attributes}
    after = {x.code: x for x in new.attributes}
    changed = {c.code for c in changes}
    drift: dict[Consideration, float] = {}
    for code in codes - changed:
        x = after.get(code) or before.get(code)
        assert x is not None
        moved = _contribution(after.get(code)) - _contribution(before.get(code))
        drift[x.consideration] = drift.get(x.consideration, 0.0) + moved
    factor = _overall_factor(old, new)
    out = []
    for c in changes:
        mine = [d for d in changes if d.consideration is c.consideration]
        sharing = [d for d in mine if d.reweights] or mine
        total = sum(_weight(d) for d in sharing)
        share = 0.0
        if c in sharing:
            part = _weight(c) / total if total > 0 else 1.0 / len(sharing)
            share = drift.get(c.consideration, 0.0) * part
        points = _contribution(c.new) - _contribution(c.old) + share
        k = factor.get(c.consideration) if factor is not None else None
        overall = None if k is None else round(points * k, 2) + 0.0
        out.append(dataclasses.replace(c, points=round(points, 2) + 0.0, overall=overall))
    return tuple(out)


def _weight(c: AttributeChange) -> float:
    return max((x.weight for x in (c.old, c.new) if x is not None), default=0.0)


def _overall_factor(old: Assessment, new: Assessment) -> dict[Consideration, float] | None:
    """Each consideration's share of the overall score, when both versions score the same
    considerations (then consideration points times it add up to the overall change)."""
    scored = [
        {c.consideration for c in a.considerations if c.score is not None} for a in (old, new)
    ]
    if scored[0] != scored[1] or not scored[0]:
        return None
    weights = {
        c.consideration: c.weight for c in new.considerations if c.consideration in scored[1]
    }
    total = sum(weights.values())
    return None if total <= 0 else {c: w / total for c, w in weights.items()}


def _interaction(
    old: Assessment, new: Assessment, parts: list[_Exact]
) -> tuple[float | None, tuple[tuple[Consideration, float], ...]]:
    """The total change minus the single-edit parts, on the unrounded scores."""
    a, b = _exact(old), _exact(new)
    total = _exact_delta(a[0], b[0])
    singles = [_exact_delta(a[0], p[0]) for p in parts]
    score = None
    if total is not None and all(d is not None for d in singles):
        score = _r(total - sum(d for d in singles if d is not None))
    per = []
    for c, after in b[1].items():
        before = a[1].get(c)
        if before is None or after is None:
            continue  # no score on one side: no delta, so nothing to attribute
        alone = sum(d for p in parts if (d := _exact_delta(before, p[1].get(c))) is not None)
        per.append((c, _r(after - before - alone)))
    order = {c: i for i, c in enumerate(Consideration)}
    return (score, tuple(sorted(per, key=lambda x: order[x[0]])))


def diff(engine: Engine, old: Loaded, new: Loaded) -> Diff:
    """Assess both versions and attribute the difference field by field."""
    from pso_cli.engine.assess import Analysis, assess_loaded

    engine = dataclasses.replace(engine, analysis=Analysis())  # plain: no what-if inside
    a, b = assess_loaded(engine, old), assess_loaded(engine, new)
    before = {c.consideration: c for c in a.considerations}
    (old_score, old_per), (new_score, new_per) = _exact(a), _exact(b)
    deltas = tuple(
        ScoreDelta(
            c.consideration,
            before[c.consideration].score if c.consideration in before else None,
            c.score,
            before[c.consideration].completeness if c.consideration in before else 0.0,
            c.completeness,
            _exact_delta(old_per.get(c.consideration), new_per[c.consideration]),
        )
        for c in b.considerations
    )
    fields, parts = _field_changes(engine, old, new, a)
    score, per = _interaction(a, b, parts)
    return Diff(
        a, b, deltas, diff_findings(a, b), fields, score, per, diff_attributes(a, b),
        _exact_delta(old_score, new_score),
    )  # fmt: skip
