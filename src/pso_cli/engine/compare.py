"""Several options for one decision, side by side: ranked, dominance marked, gap explained.

Officials rarely weigh a proposal alone: the choice is between variants (a larger or a
smaller contribution, UN-led or regional) or between operations competing for the same
people. The order here follows the verdict first, because a gate is non-compensatory
and no score may lift a `do-not-recommend` above a recommendation; then the overall
score (an option with no score, nothing it weighs being stated, comes after every
scored one), then completeness, then the path, so the order is total and reproducible.
Each option's place comes from its own key alone, so adding an option never reverses
the order of two others.

Dominance is judged consideration by consideration: an option no better than some
other on any consideration, and worse on at least one, can be set aside whatever the
weights, but only if no part of that rests on an unknown (see `dominates`): an option
that merely leaves a bad fact unstated, or lists only a straw-man alternative, dominates
nothing. A consideration with no score on either side is not comparable, and an option
is then neither dominated by nor dominating the other. The considerations that separate
the top two are their score differences weighted as the overall score weights them, so
the parts add up to the score gap when both score the same considerations.

Pure: assessments in, a Comparison out; rendering is elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pso_cli.model.findings import (
    Assessment,
    Consideration,
    ConsiderationResult,
    Finding,
    Outcome,
)

__all__ = [
    "Comparison",
    "Option",
    "Separation",
    "compare",
    "dominators",
    "not_comparable",
    "rank",
    "rank_key",
    "separating",
]


@dataclass(frozen=True, slots=True)
class Option:
    """One assessed option in the comparison."""

    rank: int  # 1-based; options equal on verdict, score and completeness share a rank
    assessment: Assessment
    dominated_by: tuple[str, ...]  # paths of the options that dominate this one
    blockers: tuple[Finding, ...]

    @property
    def path(self) -> str:
        return self.assessment.path


@dataclass(frozen=True, slots=True)
class Separation:
    """How one consideration contributes to the overall score gap between the top two."""

    consideration: Consideration
    first: float
    second: float
    weight: float
    contribution: float  # points of the overall score gap: (first - second) x normalised weight
    explains: bool  # among the largest same-signed parts that together reach the gap


@dataclass(frozen=True, slots=True)
class Comparison:
    options: tuple[Option, ...]  # in rank order
    separating: tuple[Separation, ...]  # top two only; empty with fewer than two options
    gap: float | None  # overall score of the first minus the second; None: one has none
    decided_by: str  # verdict | score | completeness | path | "" (fewer than two)
    not_comparable: tuple[Consideration, ...] = ()  # top two: scored by one only, or neither


def rank_key(a: Assessment) -> tuple[int, bool, float, float, str]:
    """Verdict first (gates are non-compensatory), then score (none last), completeness,
    path."""
    return (a.verdict.rank, a.score is None, -(a.score or 0.0), -a.completeness, a.path)


_DECIDERS = ("verdict", "score", "score", "completeness", "path")


def _scores(a: Assessment) -> dict[Consideration, float | None]:
    return {c.consideration: c.score for c in a.considerations}


def dominates(b: Assessment, a: Assessment) -> bool:
    """B is at least as good as A on every consideration and strictly better on one, and
    no part of that rests on an unknown. A consideration either leaves unscored makes the
    two not comparable. Within a consideration where both leave the same facts unstated, B
    must rate every attribute both state at least as well; where one states a fact the
    other leaves unstated, B's worst case (each unknown at its worst) must reach A's best
    case. B's better rating of the alternatives counts only if B assessed every kind of
    alternative A did, since an alternative left unlisted can only lower it."""
    sa, sb = _scores(a), _scores(b)
    pairs = [(sb.get(k), sa.get(k)) for k in set(sa) | set(sb)]
    known = [(x, y) for x, y in pairs if x is not None and y is not None]
    if len(known) < len(pairs) or not known:
        return False
    if not (all(x >= y for x, y in known) and any(x > y for x, y in known)):
        return False
    ra = {c.consideration: c for c in a.considerations}
    judged = [_holds(c, ra[c.consideration], b, a) for c in b.considerations]
    return all(ok for ok, _ in judged) and any(better for _, better in judged)


def _values(a: Assessment, c: Consideration) -> dict[str, float | None]:
    """The consideration's attributes: code -> value, None where the fact is unstated."""
    return {
        v.code: v.value if v.level is not None else None
        for v in a.attributes
        if v.consideration is c
    }


def _alternative_kinds(a: Assessment) -> set[str]:
    """The kinds (types) of the alternatives `a` assessed: each entry reads `type...`."""
    return {s.split(":", 1)[0].split(" (", 1)[0] for s in a.alternatives}


def _holds(
    cb: ConsiderationResult, ca: ConsiderationResult, b: Assessment, a: Assessment
) -> tuple[bool, bool]:
    """(B's `cb` is at least as good as A's `ca`, B's is better), on facts, not unknowns."""
    c = cb.consideration
    vb, va = _values(b, c), _values(a, c)
    if {k for k, v in vb.items() if v is None} != {k for k, v in va.items() if v is None}:
        return cb.low >= ca.high, cb.low > ca.high  # one states what the other does not
    if not vb and not va:  # no attribute detail: the scores alone
        return _ge(cb.score, ca.score), _gt(cb.score, ca.score)
    better = False
    for code in set(va) | set(vb):
        x, y = vb.get(code), va.get(code)
        if x is None or y is None:
            continue  # unstated on both: it bears on neither
        if x < y:
            return False, False
        if (
            x > y
            and c is Consideration.ALTERNATIVES
            and not _alternative_kinds(a) <= _alternative_kinds(b)
        ):
            return False, False  # better only for not assessing what A assessed
        better = better or x > y
    return True, better


def _ge(x: float | None, y: float | None) -> bool:
    return x is not None and y is not None and x >= y


def _gt(x: float | None, y: float | None) -> bool:
    return x is not None and y is not None and x > y


def dominators(a: Assessment, others: Sequence[Assessment]) -> tuple[str, ...]:
    """Paths of the options that dominate `a`, in the order given."""
    return tuple(b.path for b in others if b is not a and dominates(b, a))


def rank(assessments: Sequence[Assessment]) -> list[tuple[int, Assessment]]:
    """(rank, assessment) in order; ties on verdict, score and completeness share a rank."""
    ordered = sorted(assessments, key=rank_key)
    out: list[tuple[int, Assessment]] = []
    for i, a in enumerate(ordered):
        tied = i > 0 and rank_key(a)[:4] == rank_key(ordered[i - 1])[:4]
        out.append((out[-1][0] if tied else i + 1, a))
    return out


def _explaining(parts: list[Separation], gap: float) -> list[Separation]:
    """Mark the largest parts with the gap's sign until together they reach it."""
    out: list[Separation] = []
    reached = 0.0
    for s in parts:
        same_sign = gap != 0 and s.contribution * gap > 0
        explains = same_sign and abs(reached) < abs(gap) - 1e-9
        if explains:
            reached += s.contribution
        out.append(_with_explains(s, explains))
    return out


def _with_explains(s: Separation, explains: bool) -> Separation:
    return Separation(s.consideration, s.first, s.second, s.weight, s.contribution, explains)


def not_comparable(first: Assessment, second: Assessment) -> tuple[Consideration, ...]:
    """The considerations one of the two (or both) leaves unscored, in policy order."""
    a, b = _scores(first), _scores(second)
    return tuple(c for c in Consideration if a.get(c) is None or b.get(c) is None)


def separating(first: Assessment, second: Assessment) -> tuple[Separation, ...]:
    """Per-consideration differences, largest weighted first; zero differences and the
    considerations not comparable left out."""
    other = _scores(second)
    skip = set(not_comparable(first, second))
    both = [c for c in first.considerations if c.consideration not in skip]
    total = sum(c.weight for c in both) or 1.0
    order = {c: i for i, c in enumerate(Consideration)}
    parts = []
    for c in both:
        theirs = other[c.consideration]
        assert c.score is not None and theirs is not None
        if c.score != theirs:
            share = round((c.score - theirs) * c.weight / total, 2) + 0.0
            parts.append(Separation(c.consideration, c.score, theirs, c.weight, share, False))
    parts.sort(key=lambda s: (-abs(s.contribution), order[s.consideration]))
    return tuple(_explaining(parts, _gap(first, second) or 0.0))


def _gap(first: Assessment, second: Assessment) -> float | None:
    if first.score is None or second.score is None:
        return None
    return round(first.score - second.score, 1) + 0.0


def _decided_by(first: Assessment, second: Assessment) -> str:
    a, b = rank_key(first), rank_key(second)
    return next((n for n, x, y in zip(_DECIDERS, a, b, strict=True) if x != y), "path")


def compare(assessments: Sequence[Assessment]) -> Comparison:
    """Rank the options, mark the dominated ones and explain the gap between the top two."""
    ranked = rank(assessments)
    options = tuple(
        Option(
            n,
            a,
            dominators(a, [b for _, b in ranked]),
            tuple(f for f in a.findings if f.outcome == Outcome.BLOCKER),
        )
        for n, a in ranked
    )
    if len(options) < 2:
        return Comparison(options, (), 0.0, "")
    first, second = options[0].assessment, options[1].assessment
    return Comparison(
        options,
        separating(first, second),
        _gap(first, second),
        _decided_by(first, second),
        not_comparable(first, second),
    )
