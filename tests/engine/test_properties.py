"""Properties of the whole judgement, over generated proposals (hypothesis).

The proposals are the rule tests' complete base proposal with a random selection of
stated facts changed. The properties are the decision analyst's:

- monotone: improving one stated fact never lowers the overall score, never turns a
  recommendation into anything else and never turns `recommend` into conditions;
- invariant to padding: a resolution not relied on, a repeated list entry or an
  alternative that does not meet the objective leaves the score unchanged or lower and
  the verdict no better;
- bounded: changing one stated fact moves the overall score by at most its attribute's
  share of the weight times its change of value;
- the unknown: leaving a stated fact out keeps the old score inside the new range and
  lowers completeness;
- vetoes and gates dominate: whatever else is stated, they force their verdict;
- comparison: adding an option never reverses the order of two others.
"""

from __future__ import annotations

import copy
import itertools
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pso_cli.api import build_engine
from pso_cli.engine.assess import assess_loaded
from pso_cli.engine.compare import rank
from pso_cli.loading.load import Loaded
from pso_cli.loading.source_map import SourceMap
from pso_cli.model.findings import Assessment, Verdict
from pso_cli.model.proposal import Proposal

BASE = yaml.safe_load((Path(__file__).parents[1] / "rules" / "base.yaml").read_text())
ENGINE = build_engine()
EPS = 1e-6

# Facts each owned by one attribute, their values worst first (as the profile orders them).
ORDERED: dict[tuple[str, ...], list[Any]] = {
    ("legal_basis", "status_of_forces", "status"): [
        "none", "negotiating", "exchange-of-notes", "signed"
    ],
    ("strategic", "nz_security", "effect"): ["harms", "neutral", "advances"],
    ("strategic", "rules_based_order", "effect"): ["harms", "neutral", "advances"],
    ("strategic", "economic_interests", "effect"): ["harms", "neutral", "advances"],
    ("strategic", "regional_backing", "level"): ["opposed", "none", "some", "strong"],
    ("risk", "medical_evacuation", "adequacy"): ["inadequate", "partial", "adequate"],
    ("risk", "force_protection", "adequacy"): ["inadequate", "partial", "adequate"],
    ("risk", "threat_level"): ["extreme", "high", "moderate", "low"],
    ("risk", "threat_trend"): ["deteriorating", "stable", "improving"],
    ("risk", "command", "national_command_retained"): [False, True],
    ("strategic", "humanitarian", "severity"): ["low", "moderate", "severe", "catastrophic"],
}  # fmt: skip
FACTS = list(ORDERED)
RECOMMENDED = (Verdict.RECOMMEND, Verdict.WITH_CONDITIONS)


def put(doc: dict[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    node = out
    for key in path[:-1]:
        node = node.setdefault(key, {})
    if value is None:
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value
    return out


def assess(doc: dict[str, Any]) -> Assessment:
    loaded = Loaded("p.yaml", "0" * 64, Proposal.model_validate(doc), SourceMap("p.yaml"))
    return assess_loaded(ENGINE, loaded)


@st.composite
def proposals(draw: st.DrawFn) -> dict[str, Any]:
    doc = BASE
    for path in draw(st.lists(st.sampled_from(FACTS), max_size=6, unique=True)):
        doc = put(doc, path, draw(st.sampled_from(ORDERED[path])))
    return doc


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def no_worse(before: Assessment, after: Assessment) -> bool:
    """`after`'s verdict is at least as favourable as `before`'s, where comparable."""
    if before.verdict in RECOMMENDED:
        return after.verdict == Verdict.RECOMMEND or (
            before.verdict == Verdict.WITH_CONDITIONS and after.verdict == Verdict.WITH_CONDITIONS
        )
    return True


@SETTINGS
@given(proposals(), st.sampled_from(FACTS))
def test_improving_one_stated_fact_never_lowers_the_score_or_the_verdict(
    doc: dict[str, Any], path: tuple[str, ...]
) -> None:
    results = [assess(put(doc, path, v)) for v in ORDERED[path]]
    for a, b in itertools.pairwise(results):
        if a.score is not None and b.score is not None:
            assert b.score >= a.score - EPS, (path, a.score, b.score)
        assert no_worse(a, b), (path, a.verdict, b.verdict, b.reason)


@SETTINGS
@given(proposals(), st.sampled_from(FACTS), st.data())
def test_one_fact_moves_the_score_by_at_most_its_swing(
    doc: dict[str, Any], path: tuple[str, ...], data: st.DataObject
) -> None:
    values = ORDERED[path]
    i, j = sorted(data.draw(st.lists(st.integers(0, len(values) - 1), min_size=2, max_size=2)))
    a, b = assess(put(doc, path, values[i])), assess(put(doc, path, values[j]))
    if a.score is None or b.score is None:
        return
    if {x.code for x in a.attributes if x.value is not None} != {
        x.code for x in b.attributes if x.value is not None
    }:
        return  # the fact changed which attributes apply: not a single level change
    scored = sum(c.weight for c in a.considerations if c.score is not None)
    bound = 0.0
    for xa, xb in zip(a.attributes, b.attributes, strict=True):
        if xa.value is None or xb.value is None or xa.value == xb.value:
            continue
        mine = next(c for c in a.considerations if c.consideration == xa.consideration)
        known = sum(
            y.weight
            for y in a.attributes
            if y.consideration == xa.consideration and y.value is not None
        )
        bound += mine.weight / scored * xa.weight / known * abs(xb.value - xa.value)
    assert abs(b.score - a.score) <= bound + 0.2, (path, a.score, b.score, bound)  # 0.2: rounding


@SETTINGS
@given(proposals())
def test_padding_never_helps(doc: dict[str, Any]) -> None:
    before = assess(doc)
    unrelated = {"number": 9999, "year": 2029, "chapter": "vi", "for_this_situation": False}
    padded = [
        put(doc, ("legal_basis", "security_council"),
            [*doc["legal_basis"]["security_council"], unrelated]),
        put(doc, ("strategic", "relationships"), doc["strategic"]["relationships"] * 3),
        put(doc, ("alternatives",), [*doc["alternatives"], {
            "type": "sanctions", "description": "Targeted sanctions", "feasibility": "high",
            "expected_effect": "does-not"}]),
        put(doc, ("alternatives",), doc["alternatives"] * 2),
        put(doc, ("leadership", "partners"), doc["leadership"]["partners"] * 2),
    ]  # fmt: skip
    for other in padded:
        after = assess(other)
        if before.score is not None and after.score is not None:
            assert after.score <= before.score + EPS
        assert not (after.verdict == Verdict.RECOMMEND and before.verdict != Verdict.RECOMMEND)


@SETTINGS
@given(proposals(), st.sampled_from(FACTS))
def test_leaving_a_fact_out_widens_the_range_around_the_old_score(
    doc: dict[str, Any], path: tuple[str, ...]
) -> None:
    before, after = assess(doc), assess(put(doc, path, None))
    assert after.completeness <= before.completeness + EPS
    if before.score is not None:
        assert after.score_low - 0.1 <= before.score <= after.score_high + 0.1


@SETTINGS
@given(proposals())
def test_a_veto_or_a_failed_gate_dominates(doc: dict[str, Any]) -> None:
    vetoed = put(
        put(doc, ("risk", "threat_level"), "extreme"),
        ("risk", "force_protection", "adequacy"),
        "inadequate",
    )
    assert assess(vetoed).verdict == Verdict.DO_NOT_RECOMMEND
    unlawful = put(
        put(doc, ("legal_basis", "host_consent", "status"), "withdrawn"),
        ("legal_basis", "treaty"),
        "none",
    )
    assert assess(unlawful).verdict == Verdict.DO_NOT_RECOMMEND
    no_partners = put(
        put(doc, ("leadership", "arrangement"), "bilateral"), ("leadership", "partners"), []
    )
    assert assess(no_partners).verdict == Verdict.DO_NOT_RECOMMEND


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(proposals(), min_size=3, max_size=3))
def test_adding_an_option_never_reverses_two_others(docs: list[dict[str, Any]]) -> None:
    a, b, c = (assess(d) for d in docs)
    a = dataclass_path(a, "a.yaml")
    b = dataclass_path(b, "b.yaml")
    c = dataclass_path(c, "c.yaml")

    def order(xs: list[Assessment]) -> list[str]:
        return [x.path for _, x in rank(xs) if x.path in ("a.yaml", "b.yaml")]

    assert order([a, b]) == order([a, b, c])


def dataclass_path(a: Assessment, path: str) -> Assessment:
    import dataclasses

    return dataclasses.replace(a, path=path)
