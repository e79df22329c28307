"""`pso init`: a commented template that validates, never overwriting by accident, and
states no fact: an untouched template must never be advised on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from pso_cli.cli.init_cmd import template_text
from pso_cli.criteria.profile import load_profile
from pso_cli.engine.vetoes import missing_must_haves
from pso_cli.loading.load import Loaded, proposal_from_bytes


def untouched() -> Loaded:
    loaded = proposal_from_bytes(template_text().encode("utf-8"), "proposal.yaml")
    assert loaded.notices == ()  # written in the current format, not upgraded
    return loaded


def test_writes_a_template_that_validates(
    pso: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    r = pso("init")
    assert r.exit_code == 0, r.stderr
    target = tmp_path / "proposal.yaml"
    assert target.is_file()
    assert "next: pso validate proposal.yaml" in r.stderr
    assert r.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert "pso_format: 2" in text
    assert "#" in text  # commented
    v = pso("validate", "proposal.yaml")
    assert v.exit_code == 0, v.stdout


def test_template_can_be_assessed(pso: Any, tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    assert pso("init", str(target)).exit_code == 0
    r = pso("assess", str(target), "--format", "json", "--as-of", "2030-01-01", "--no-config")
    assert r.exit_code in (0, 1), r.stderr


def test_refuses_to_overwrite_without_force(pso: Any, tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("precious: true\n")
    r = pso("init", str(target))
    assert r.exit_code == 2
    assert "exists; use --force to overwrite" in r.stderr
    assert target.read_text() == "precious: true\n"


def test_force_overwrites(pso: Any, tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("precious: true\n")
    r = pso("init", "--force", str(target))
    assert r.exit_code == 0
    assert "pso_format: 2" in target.read_text()


def test_dash_writes_to_stdout(pso: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = pso("init", "-")
    assert r.exit_code == 0
    assert "pso_format: 2" in r.stdout
    assert list(tmp_path.iterdir()) == []
    v = pso("validate", "-", input=r.stdout)
    assert v.exit_code == 0, v.stdout


def test_stdout_template_equals_the_file_template(pso: Any, tmp_path: Path) -> None:
    target = tmp_path / "t.yaml"
    pso("init", str(target))
    assert pso("init", "-").stdout == target.read_text(encoding="utf-8")


def test_untouched_template_states_none_of_the_must_have_facts() -> None:
    """Every must-have fact of the default profile is unknown in the untouched template, so
    pso gives further-analysis instead of advice on a file nobody has filled in."""
    profile = load_profile("nz-default")
    assert profile.must_have, "the default profile declares must-have facts"
    t = untouched()
    missing = {path for path, *_ in missing_must_haves(profile.must_have, t.proposal, t.source_map)}
    assert missing == set(profile.must_have)


def _stated(model: BaseModel, at: str = "") -> list[str]:
    """Paths of every value the model states: anything but None, or an empty list where an
    empty list is only the field's default (not a list field where [] says "none")."""
    found: list[str] = []
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        path = f"{at}{name}"
        if isinstance(value, BaseModel):
            found += _stated(value, f"{path}.")
        elif value == [] and field.default_factory is not None:
            continue  # the default: nothing stated
        elif value is not None:
            found.append(path)
    return found


def test_untouched_template_holds_no_value_that_passes_for_a_fact() -> None:
    """Only the format version and the required, obviously placeholder name and id are set;
    `partners: []`, `security_council: []` or `alternatives: []` would each be a fact."""
    p = untouched().proposal
    assert _stated(p) == ["pso_format", "identity.name", "identity.id"]
    assert "rename" in p.identity.name


def test_template_shows_the_typed_legal_facts() -> None:
    """A new user sees where each legal fact of format 2 goes."""
    text = template_text()
    for key in (
        "authority:", "for_this_situation:", "self_defence:", "treaty:", "parties:",
        "provides_for_deployment:", "area_of_operations:", "main_parties:", "legal_advice:",
        "decision_date:", "mitigation:", "regional_arrangement:", "statutory_purposes:",
    ):  # fmt: skip
        assert key in text, key
