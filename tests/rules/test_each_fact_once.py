"""Each fact counts once: no proposal field belongs to two attributes.

Every scoring rule's attribute declares the fields it owns; no field (or a field inside
another's) may be owned twice, every owned field must exist in the proposal format, and
every profile weight must belong to a scoring rule. The rule cases check the other half:
a rated finding points at a field its rule owns.
"""

from __future__ import annotations

import itertools

from pso_cli.criteria.profile import load_profile
from pso_cli.criteria.vetoes import field_type
from pso_cli.engine.attributes import overlaps
from pso_cli.model.proposal import Proposal
from pso_cli.rules.registry import build_registry

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
