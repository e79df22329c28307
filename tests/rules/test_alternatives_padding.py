"""Padding never raises ALT-002 (issue 15: "Straw-man alternatives raise the alternatives
score").

For generated lists of alternatives, appending one that does not meet the objective (of
any kind and feasibility, stated or not) or repeating an entry already listed leaves
ALT-002's level known exactly when it was, and its value (from criteria/nz-default.yaml)
never higher. More generally, listing another alternative of any kind can only lower a
known value. Stating that none was considered, or dismissing every alternative without a
basis, leaves the level unknown: it does not show that no other way would do.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pso_cli.criteria.profile import load_profile
from pso_cli.model import enums as e
from pso_cli.model.findings import Outcome
from pso_cli.model.proposal import Alternative, Proposal
from pso_cli.rules.api import NoOptions, RuleContext
from pso_cli.rules.builtin.alternatives.alt002_best_alternative import RULE

BASE = Proposal.model_validate(yaml.safe_load((Path(__file__).parent / "base.yaml").read_text()))
CTX = RuleContext(options=NoOptions(), as_of=dt.date(2030, 6, 1))
VALUES = load_profile().attributes["ALT-002"].values
assert VALUES is not None

descriptions = st.none() | st.sampled_from(["Envoys mediate.", "A niche team", "Aid"])
alternatives = st.builds(
    Alternative,
    type=st.sampled_from(list(e.AlternativeType)),
    description=descriptions,
    feasibility=st.none() | st.sampled_from(list(e.Feasibility)),
    expected_effect=st.none() | st.sampled_from(list(e.AlternativeEffect)),
)
straw_men = st.builds(
    Alternative,
    type=st.sampled_from(list(e.AlternativeType)),
    description=descriptions,
    feasibility=st.none() | st.sampled_from(list(e.Feasibility)),
    expected_effect=st.just(e.AlternativeEffect.DOES_NOT),
)
lists = st.lists(alternatives, max_size=6)


def value(alts: list[Alternative]) -> float | None:
    """ALT-002's value for the base proposal with these alternatives; None: unknown."""
    findings = list(RULE.check(BASE.model_copy(update={"alternatives": alts}), CTX))
    rated = [f for f in findings if f.level is not None]
    if not rated:
        assert any(f.outcome is Outcome.MISSING for f in findings), findings
        return None
    assert len(rated) == 1, rated
    assert VALUES is not None
    return VALUES[rated[0].level]


def no_higher(before: float | None, after: float | None) -> None:
    assert (before is None) == (after is None), (before, after)
    if before is not None and after is not None:
        assert after <= before


@settings(max_examples=300, deadline=None)
@given(lists, straw_men, st.data())
def test_a_straw_man_never_raises_the_level(
    alts: list[Alternative], straw: Alternative, data: Any
) -> None:
    at = data.draw(st.integers(0, len(alts)), label="position")
    no_higher(value(alts), value([*alts[:at], straw, *alts[at:]]))


@settings(max_examples=300, deadline=None)
@given(lists.filter(bool), st.data())
def test_repeating_an_entry_never_raises_the_level(alts: list[Alternative], data: Any) -> None:
    entry = data.draw(st.sampled_from(alts), label="repeated")
    no_higher(value(alts), value([*alts, entry]))


@settings(max_examples=300, deadline=None)
@given(lists, alternatives)
def test_listing_more_can_only_lower_a_known_level(
    alts: list[Alternative], extra: Alternative
) -> None:
    before, after = value(alts), value([*alts, extra])
    if before is not None and after is not None:
        assert after <= before
    # "None meets" must be shown: no list, or dismissals without a basis, leave it unknown
    assert value([]) is None
