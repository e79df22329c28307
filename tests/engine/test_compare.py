"""engine.compare: ranking, ties, dominance and the considerations separating the top two."""

from __future__ import annotations

from pso_cli.engine.compare import compare, dominates, rank, separating
from pso_cli.model.findings import (
    Assessment,
    Consideration,
    ConsiderationResult,
    Finding,
    Outcome,
    Verdict,
)

C = Consideration
WEIGHTS = {C.STRATEGIC: 0.3, C.LEGALITY: 0.3, C.AGENCIES: 0.2, C.ALTERNATIVES: 0.2}


def option(
    path: str,
    scores: tuple[float | None, float | None, float | None, float | None],
    verdict: Verdict = Verdict.RECOMMEND,
    completeness: float = 0.9,
    score: float | None = None,
    blocker: bool = False,
    unscored: bool = False,
) -> Assessment:
    results = tuple(
        ConsiderationResult(c, s, 1.0 if s is not None else 0.0, WEIGHTS[c], ())
        for c, s in zip(Consideration, scores, strict=True)
    )
    known = [r for r in results if r.score is not None]
    weight = sum(r.weight for r in known) or 1.0
    mean = sum(r.score * r.weight for r in known if r.score is not None) / weight
    overall = None if unscored else (mean if score is None else score)
    findings = (
        (Finding(Outcome.BLOCKER, "No legal basis.", "legal_basis", -50, None, "LEG-001"),)
        if blocker
        else ()
    )
    return Assessment(
        path=path,
        sha256="0" * 64,
        proposal_id=path.removesuffix(".yaml"),
        name=path,
        host=None,
        lead=None,
        verdict=verdict,
        reason="",
        score=None if overall is None else round(overall, 1),
        completeness=completeness,
        considerations=results,
        gates=(),
        findings=findings,
        conditions=(),
    )


def test_dominance_needs_at_least_as_good_everywhere_and_better_somewhere() -> None:
    a = option("a.yaml", (80, 70, 60, 50))
    b = option("b.yaml", (80, 70, 60, 40))  # worse on one, equal elsewhere
    c = option("c.yaml", (90, 60, 60, 50))  # better on one, worse on another
    assert dominates(a, b)
    assert not dominates(b, a)
    assert not dominates(a, c) and not dominates(c, a)


def test_identical_options_do_not_dominate_each_other() -> None:
    a = option("a.yaml", (70, 70, 70, 70))
    b = option("b.yaml", (70, 70, 70, 70))
    result = compare([a, b])
    assert [o.dominated_by for o in result.options] == [(), ()]


def test_dominated_option_names_every_dominator() -> None:
    a = option("a.yaml", (90, 90, 90, 90))
    b = option("b.yaml", (80, 80, 80, 80))
    c = option("c.yaml", (70, 80, 70, 80))
    d = option("d.yaml", (95, 10, 95, 95))  # best somewhere: not dominated
    result = {o.path: o.dominated_by for o in compare([c, d, b, a]).options}
    assert result == {
        "a.yaml": (),
        "b.yaml": ("a.yaml",),
        "c.yaml": ("a.yaml", "b.yaml"),
        "d.yaml": (),
    }


def test_verdict_ranks_before_score() -> None:
    high_but_blocked = option(
        "blocked.yaml", (99, 99, 99, 99), Verdict.DO_NOT_RECOMMEND, blocker=True
    )
    modest = option("modest.yaml", (60, 60, 60, 60), Verdict.WITH_CONDITIONS)
    result = compare([high_but_blocked, modest])
    assert [o.path for o in result.options] == ["modest.yaml", "blocked.yaml"]
    assert result.decided_by == "verdict"
    assert result.options[1].blockers[0].rule == "LEG-001"
    assert result.options[0].blockers == ()


def test_score_then_completeness_then_path() -> None:
    a = option("z.yaml", (70, 70, 70, 70), completeness=0.8)
    b = option("y.yaml", (70, 70, 70, 70), completeness=0.9)
    c = option("x.yaml", (80, 80, 80, 80), completeness=0.5)
    assert [x.path for _, x in rank([a, b, c])] == ["x.yaml", "y.yaml", "z.yaml"]
    assert compare([a, b]).decided_by == "completeness"


def test_an_option_with_no_score_comes_after_every_scored_one() -> None:
    nothing = option("a.yaml", (None, None, None, None), completeness=0.0, unscored=True)
    low = option("z.yaml", (5, 5, 5, 5), completeness=0.1)
    assert [x.path for _, x in rank([nothing, low])] == ["z.yaml", "a.yaml"]
    result = compare([nothing, low])
    assert result.decided_by == "score"
    assert result.gap is None
    assert result.separating == ()
    assert result.not_comparable == tuple(Consideration)


def test_an_unscored_consideration_is_not_comparable() -> None:
    """Dominance needs every consideration scored on both sides: an unknown is not a 0."""
    a = option("a.yaml", (80, 70, 60, 50))
    b = option("b.yaml", (70, 60, 50, None))
    assert not dominates(a, b) and not dominates(b, a)
    result = compare([a, b])
    assert result.not_comparable == (C.ALTERNATIVES,)
    assert C.ALTERNATIVES not in {s.consideration for s in result.separating}


def test_ties_share_a_rank_and_fall_back_to_path_order() -> None:
    a = option("b.yaml", (70, 70, 70, 70))
    b = option("a.yaml", (70, 70, 70, 70))
    c = option("c.yaml", (50, 50, 50, 50))
    ranked = rank([a, c, b])
    assert [(n, x.path) for n, x in ranked] == [(1, "a.yaml"), (1, "b.yaml"), (3, "c.yaml")]
    result = compare([a, c, b])
    assert result.decided_by == "path"
    assert result.gap == 0
    assert result.separating == ()


def test_separating_weights_differences_and_sums_to_the_gap() -> None:
    first = option("first.yaml", (90, 60, 80, 70))
    second = option("second.yaml", (70, 65, 80, 40))
    parts = separating(first, second)
    # strategic +20 x 0.3 = 6.0, alternatives +30 x 0.2 = 6.0, legality -5 x 0.3 = -1.5;
    # agencies equal, left out; ties in size keep the policy order.
    assert [(s.consideration, s.contribution) for s in parts] == [
        (C.STRATEGIC, 6.0),
        (C.ALTERNATIVES, 6.0),
        (C.LEGALITY, -1.5),
    ]
    assert first.score is not None and second.score is not None
    assert round(sum(s.contribution for s in parts), 1) == round(first.score - second.score, 1)


def test_explaining_parts_are_the_largest_same_signed_ones_that_reach_the_gap() -> None:
    first = option("first.yaml", (90, 60, 55, 50))  # gap = 6 - 1.5 + 1 + 0 = 5.5
    second = option("second.yaml", (70, 65, 50, 50))
    parts = {s.consideration: s.explains for s in separating(first, second)}
    # strategic alone (+6.0) already exceeds the +5.5 gap
    assert parts == {C.STRATEGIC: True, C.LEGALITY: False, C.AGENCIES: False}


def test_when_the_verdict_decides_the_parts_explain_the_score_running_the_other_way() -> None:
    first = option("ok.yaml", (60, 60, 60, 60), Verdict.WITH_CONDITIONS)
    second = option("blocked.yaml", (80, 80, 80, 80), Verdict.DO_NOT_RECOMMEND, blocker=True)
    result = compare([second, first])
    assert result.gap == -20.0
    assert result.decided_by == "verdict"
    assert [s.contribution for s in result.separating] == [-6.0, -6.0, -4.0, -4.0]
    assert all(s.explains for s in result.separating)


def test_fewer_than_two_options() -> None:
    result = compare([option("a.yaml", (50, 50, 50, 50))])
    assert result.separating == () and result.decided_by == ""
    assert result.options[0].rank == 1
