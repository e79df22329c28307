"""The optional atheris target stays runnable: replay its seed corpus through it."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SEEDS = sorted((REPO / "tests" / "corpus" / "cases").glob("*.yaml")) + sorted(
    (REPO / "examples").glob("*.yaml")
)


@cache
def _target():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("atheris_target", HERE / "atheris_target.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", SEEDS, ids=[p.name for p in SEEDS])
def test_seed_passes_the_target(seed: Path) -> None:
    _target().test_one_input(seed.read_bytes())
