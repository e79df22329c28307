"""Vetoes and must-have facts: declared as data, checked against the format, fail closed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pso_cli.criteria.profile import load_profile
from pso_cli.criteria.vetoes import VetoSpec
from pso_cli.engine.vetoes import missing_must_haves, veto
from pso_cli.errors import ConfigError
from pso_cli.loading.source_map import SourceMap
from pso_cli.model.proposal import Proposal


def write(tmp_path: Path, body: str) -> str:
    f = tmp_path / "p.yaml"
    f.write_text("profile_format: 1\nname: t\nextends: nz-default\n" + body)
    return str(f)


def test_default_profile_declares_the_duty_of_care_and_command_vetoes() -> None:
    p = load_profile()
    assert {"duty-of-care-protection", "duty-of-care-evacuation", "national-command"} <= set(
        p.vetoes
    )
    assert "risk.threat_level" in p.must_have and "leadership.partners" in p.must_have


@pytest.mark.parametrize(
    ("body", "wanted"),
    [
        ("vetoes:\n  x-veto:\n    title: T\n    source: S\n    when: {risk.threat: [high]}\n",
         "no proposal field 'risk.threat'"),
        ("vetoes:\n  x-veto:\n    title: T\n    source: S\n"
         "    when: {risk.threat_level: [severe]}\n", "risk.threat_level cannot be 'severe'"),
        ("vetoes:\n  x-veto:\n    title: T\n    source: S\n    when: {identity.name: [x]}\n",
         "not a field with set values"),
        ("vetoes:\n  x-veto:\n    title: T\n    source: S\n    when: {risk.threat_level: [high]}\n"
         "    unless: risk.nothing\n", "unless: no proposal field"),
        ("must_have: [risk.threat]\n", "must_have: no proposal field 'risk.threat'"),
    ],
)  # fmt: skip
def test_a_malformed_veto_or_must_have_is_a_located_error(
    tmp_path: Path, body: str, wanted: str
) -> None:
    with pytest.raises(ConfigError) as err:
        load_profile(write(tmp_path, body))
    problem = err.value.problems[0]
    assert wanted in problem.message
    assert problem.location.path.endswith("p.yaml") and problem.location.line >= 4


def test_a_child_can_disable_a_parent_veto(tmp_path: Path) -> None:
    body = "vetoes:\n  national-command:\n    enabled: false\n"
    # a partial override keeps the parent's other keys (profiles merge mappings)
    assert "national-command" not in load_profile(write(tmp_path, body)).vetoes


def proposal(**risk: Any) -> Proposal:
    return Proposal.model_validate(
        {"pso_format": 2, "identity": {"name": "T", "id": "t-op"}, "risk": risk}
    )


SPEC = VetoSpec(
    title="Protection is adequate",
    source="s",
    when={"risk.threat_level": ["high", "extreme"], "risk.force_protection.adequacy": ["partial"]},
    unless="risk.force_protection.mitigation",
    verdict="further-analysis",
)


@pytest.mark.parametrize(
    ("risk", "status"),
    [
        ({"threat_level": "high", "force_protection": {"adequacy": "partial"}}, "failed"),
        ({"threat_level": "low", "force_protection": {"adequacy": "partial"}}, "passed"),
        ({"threat_level": "high", "force_protection": {"adequacy": "adequate"}}, "passed"),
        ({"threat_level": "high"}, "unknown"),
        ({"force_protection": {"adequacy": "adequate"}}, "passed"),  # a stated fact clears it
        ({"threat_level": "extreme",
          "force_protection": {"adequacy": "partial", "mitigation": "A second platoon"}}, "passed"),
    ],
)  # fmt: skip
def test_veto_status(risk: dict[str, Any], status: str) -> None:
    gate = veto("dc", SPEC, proposal(**risk), SourceMap("x.yaml"))
    assert (gate.status, gate.kind, gate.verdict) == (status, "veto", "further-analysis")


def test_missing_must_haves_are_located() -> None:
    smap = SourceMap("x.yaml")
    smap.add(("risk",), (7, 3))
    got = missing_must_haves(["risk.threat_level"], proposal(), smap)
    assert got == (("risk.threat_level", 7, 3),)
    assert missing_must_haves(["risk.threat_level"], proposal(threat_level="low"), smap) == ()


@pytest.mark.parametrize(
    ("levels", "wanted"),
    [
        ("{AGY-999: [x]}", "levels: no scoring rule AGY-999"),
        ("{AGY-001: [overloaded]}", "AGY-001 has no level 'overloaded'; it has: unsustainable"),
    ],
)
def test_a_veto_on_a_level_names_an_active_attribute_and_its_levels(
    tmp_path: Path, levels: str, wanted: str
) -> None:
    from pso_cli.api import build_engine

    body = f"vetoes:\n  x-veto:\n    title: T\n    source: S\n    levels: {levels}\n"
    with pytest.raises(ConfigError) as err:
        build_engine(profile=write(tmp_path, body))
    assert any(wanted in p.message for p in err.value.problems)
