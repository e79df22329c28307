"""model/controls.py: every fact pso reads is either an action or a fact of the world."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from pso_cli.criteria.profile import load_profile
from pso_cli.model.controls import LEVERS, Control, control, lever
from pso_cli.model.proposal import Proposal
from pso_cli.model.suggest import _models  # the walk the suggestions use
from pso_cli.rules.registry import build_registry

NOT_READ = ("pso_format", "identity.name", "identity.id", "sources", "accepted_concerns",
            "historical_record")  # fmt: skip


def leaves(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        inner = list(_models(info.annotation))
        if not inner:
            yield path
        for sub, listed in inner:
            yield from leaves(sub, f"{path}{'[]' if listed else ''}.")


def rule_fields() -> set[str]:
    out: set[str] = set()
    for rule in build_registry(()).rules.values():
        out.update(rule.reads)
        if rule.attribute is not None:
            out.update(rule.attribute.owns)
    return out


def profile_fields() -> set[str]:
    prof = load_profile("nz-default")
    out = set(prof.must_have)
    for spec in prof.vetoes.values():
        out.update(spec.when)
        if spec.unless:
            out.add(spec.unless)
    return out


@pytest.mark.parametrize("field", sorted(rule_fields() | profile_fields()))
def test_every_field_a_rule_veto_or_must_have_reads_is_classified(field: str) -> None:
    assert control(field) is not None, f"{field} is neither an action nor a fact of the world"


@pytest.mark.parametrize("field", sorted(leaves(Proposal)))
def test_every_field_of_the_format_is_classified(field: str) -> None:
    if field.startswith(NOT_READ):
        return
    assert control(field) is not None, f"classify {field} in model/controls.py"


@pytest.mark.parametrize(
    "field",
    [
        "risk.threat_level",
        "risk.threat_trend",
        "strategic.relationships[0].effect",
        "strategic.humanitarian.severity",
        "strategic.humanitarian.civilians_at_risk",
        "strategic.regional_backing.level",
        "strategic.nz_security.effect",
        "legal_basis.host_consent.status",
        "legal_basis.host_consent.authority",
        "legal_basis.security_council[0].chapter",
        "legal_basis.peace_agreement.parties_committed",
        "alternatives[1].expected_effect",
    ],
)
def test_facts_of_the_world(field: str) -> None:
    assert control(field) is Control.WORLD


@pytest.mark.parametrize(
    "field",
    [
        "legal_basis.status_of_forces.status",
        "risk.force_protection.adequacy",
        "risk.force_protection.mitigation",
        "risk.medical_evacuation.adequacy",
        "risk.command.national_command_retained",
        "strategic.exit_strategy",
        "strategic.end_state",
        "location.review_dates",
        "contribution.nzdf.cost_nzd",
        "contribution.police.funding_source",
        "contribution.nzdf.personnel",
        "contribution.other[0].roles",
        "legal_basis.nz_authority.statutory_purposes",
        "alternatives",
        "legal_basis.legal_advice",
        "leadership.partners",
    ],
)
def test_actions(field: str) -> None:
    found = lever(field)
    assert found is not None and found.control is Control.ACTION
    assert found.act[:1].isupper() and not found.act.endswith("."), "an imperative, no stop"


def test_every_entry_reads_well() -> None:
    for path, entry in LEVERS.items():
        assert entry.noun and entry.noun == entry.noun.strip(), path
        if entry.control is Control.ACTION:
            assert entry.act, f"{path}: an action needs its imperative"
        assert bool(entry.yes) == bool(entry.no), path
