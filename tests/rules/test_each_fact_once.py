"""Each fact counts once: no proposal field belongs to two attributes.

Every scoring rule's attribute declares the fields it owns; no field (or a field inside
another's) may be owned twice, every owned field must exist in the proposal format, and
every profile weight must belong to a scoring rule. The rule cases check the other half:
a rated finding points at a field its rule owns.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from pso_cli.criteria.profile import load_profile
from pso_cli.criteria.vetoes import field_type
from pso_cli.engine.attributes import overlaps
from pso_cli.model.findings import Assessment, Outcome, Severity
from pso_cli.model.proposal import Proposal
from pso_cli.rules.registry import build_registry

REPO = Path(__file__).resolve().parents[2]
REGISTRY = build_registry(use_plugins=False)
SCORING = {c: r for c, r in REGISTRY.rules.items() if r.attribute is not None}


def test_no_field_is_owned_by_two_attributes() -> None:
    owned = [(code, path) for code, r in SCORING.items() for path in r.attribute.owns]  # type: ignore[union-attr]
    clashes = [
        (a, b) for a, b in itertools.combinations(owned, 2) if a[0] != b[0] and overlaps(a[1], b[1])
    ]
    assert clashes == []


def test_owned_fields_exist_in_the_proposal_format() -> None:
    for code, r in SCORING.items():
        assert r.attribute is not None
        for path in r.attribute.owns:
            concrete = path.replace("*", "nzdf").replace("[]", "")
            field_type(Proposal, concrete)  # KeyError names the path
            assert r.attribute.owns, code


def test_every_scoring_rule_is_weighed_by_the_default_profile_and_nothing_else_is() -> None:
    profile = load_profile()
    assert set(profile.attributes) == set(SCORING)


def test_overlaps() -> None:
    assert overlaps("a.b", "a.b.c") and overlaps("a.*.c", "a.x.c") and not overlaps("a.b", "a.c")


def _assess_with(tmp_path: Path, *edits: tuple[str, str]) -> Assessment:
    from pso_cli.api import run_assessment

    text = (REPO / "tests/rules/base.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    (a,) = run_assessment([str(path)], as_of=dt.date(2030, 6, 1)).items
    assert isinstance(a, Assessment)
    return a


@pytest.mark.parametrize(
    ("code", "field"), [("AGY-005", "force_protection"), ("AGY-006", "medical_evacuation")]
)
def test_a_gap_rated_low_is_one_concern_with_its_action(
    tmp_path: Path, code: str, field: str
) -> None:
    """The rule rates the residual risk and names the gap on the same field: reported once,
    with the action that closes the gap and the graver severity of the two."""
    gap = (f"  {field}:\n    adequacy: adequate", f"  {field}:\n    adequacy: partial")
    a = _assess_with(tmp_path, ("threat_level: moderate", "threat_level: high"), gap)
    concerns = [f for f in a.findings if f.rule == code and f.outcome is Outcome.CONCERN]
    assert len(concerns) == 1, [f.message for f in concerns]
    (c,) = concerns
    assert c.level is not None and c.condition and c.field.endswith(f"{field}.adequacy")
    assert c.severity.rank >= Severity.MAJOR.rank
    assert c.condition in a.conditions
