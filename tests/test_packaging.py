"""Packaging (issue 17): a LICENSE that matches the metadata, and lower bounds that are
the versions CI tests (.ci/constraints-lowest.txt)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _pins() -> dict[str, str]:
    text = (REPO / ".ci/constraints-lowest.txt").read_text(encoding="utf-8")
    found = re.findall(r"^([A-Za-z0-9_.-]+)==([0-9.]+)", text, re.M)
    return {name.lower(): version for name, version in found}


def test_license_file_is_the_declared_one() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert PROJECT["license"] == "MIT"
    assert text.startswith("MIT License\n\nCopyright (c) 2026 the pso authors\n")
    assert PROJECT["authors"] == [{"name": "the pso authors"}]


def test_every_lower_bound_is_pinned_in_the_lowest_constraints() -> None:
    pins = _pins()
    for requirement in PROJECT["dependencies"]:
        name, low = re.match(r"([A-Za-z0-9_.-]+)>=([0-9.]+)", requirement).groups()  # type: ignore[union-attr]
        pinned = pins[name.lower()]
        assert tuple(map(int, pinned.split("."))) >= tuple(map(int, low.split("."))), name
        assert pinned.startswith(low), (name, low, pinned)  # the bound is the tested version


def test_pre_1_0_typer_is_capped() -> None:
    typer = next(r for r in PROJECT["dependencies"] if r.startswith("typer"))
    assert "<0." in typer


def test_no_invented_urls() -> None:
    assert "urls" not in PROJECT  # there is no public repository to name
