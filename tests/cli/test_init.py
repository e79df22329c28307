"""`pso init`: a commented template that validates, never overwriting by accident."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


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
    assert "pso_format: 1" in text
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
    assert "pso_format: 1" in target.read_text()


def test_dash_writes_to_stdout(pso: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = pso("init", "-")
    assert r.exit_code == 0
    assert "pso_format: 1" in r.stdout
    assert list(tmp_path.iterdir()) == []
    v = pso("validate", "-", input=r.stdout)
    assert v.exit_code == 0, v.stdout


def test_stdout_template_equals_the_file_template(pso: Any, tmp_path: Path) -> None:
    target = tmp_path / "t.yaml"
    pso("init", str(target))
    assert pso("init", "-").stdout == target.read_text(encoding="utf-8")
