"""The built-in rules are found by walking rules/builtin, never listed by hand.

One rule per module, `rules/builtin/<consideration>/<code>_<name>.py`, exposing `RULE`;
each consideration package is a rule pack registered under the `pso_cli.rules` entry
point group, like a third-party pack.
"""

from __future__ import annotations

import importlib
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import pso_cli.rules.builtin as builtin
from pso_cli.model.findings import Consideration
from pso_cli.rules.api import Rule
from pso_cli.rules.builtin import pack_modules, rules_in
from pso_cli.rules.registry import GROUP, build_registry

BUILTIN = Path(builtin.__file__).parent
REPO = Path(__file__).resolve().parents[2]
FOLDERS = sorted(d for d in BUILTIN.iterdir() if (d / "__init__.py").is_file())
RULE_FILES = sorted(f for d in FOLDERS for f in d.glob("*.py") if not f.name.startswith("_"))
IDS = [f"{f.parent.name}/{f.name}" for f in RULE_FILES]
REGISTRY = build_registry(use_plugins=False)


def module_of(path: Path) -> ModuleType:
    return importlib.import_module(f"{builtin.__name__}.{path.parent.name}.{path.stem}")


def test_there_is_one_folder_per_consideration() -> None:
    assert [d.name for d in FOLDERS] == sorted(c.value for c in Consideration)


def test_every_consideration_package_is_a_registered_pack() -> None:
    assert pack_modules() == [f"{builtin.__name__}.{d.name}" for d in FOLDERS]
    assert sorted(p.name for p in REGISTRY.packs) == [d.name for d in FOLDERS]
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["entry-points"]
    assert sorted(declared[GROUP].values()) == pack_modules()


@pytest.mark.parametrize("path", RULE_FILES, ids=IDS)
def test_every_rule_module_defines_one_rule_and_it_is_registered(path: Path) -> None:
    module = module_of(path)
    rules = {id(v): v for v in vars(module).values() if isinstance(v, Rule)}
    assert list(rules.values()) == [module.RULE], "a rule module defines exactly one RULE"
    assert REGISTRY.rules[module.RULE.code] is module.RULE


@pytest.mark.parametrize("path", RULE_FILES, ids=IDS)
def test_a_rule_module_sits_in_its_consideration_and_is_named_after_its_rule(
    path: Path,
) -> None:
    r = module_of(path).RULE
    assert path.parent.name == r.consideration.value
    assert path.stem == f"{r.code.lower().replace('-', '')}_{r.name.replace('-', '_')}"


def test_no_rule_is_registered_twice_and_every_rule_has_a_module() -> None:
    registered = [r for pack in REGISTRY.packs for r in pack.rules]
    assert len({r.code for r in registered}) == len(registered)
    assert len({r.name for r in registered}) == len(registered)
    assert sorted(r.code for r in registered) == sorted(module_of(f).RULE.code for f in RULE_FILES)


def test_rules_in_finds_each_rule_module_in_order_and_fails_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new module is a new rule: `rules_in` finds it; `_` modules are helpers."""
    pkg = tmp_path / "probe_pack"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "_helpers.py").write_text("RULE = None\n")
    rule_src = (
        "from pso_cli.rules.api import Consideration, Reference, rule\n"
        "@rule(code='{code}', name='{name}', consideration=Consideration.STRATEGIC,\n"
        "      title='t', rationale='r', reference=Reference('s'))\n"
        "def check(p, ctx):\n    return []\n"
        "RULE = check\n"
    )
    (pkg / "abc002_second.py").write_text(rule_src.format(code="ABC-002", name="second"))
    (pkg / "abc001_first.py").write_text(rule_src.format(code="ABC-001", name="first"))
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert [r.code for r in rules_in("probe_pack")] == ["ABC-001", "ABC-002"]
        (pkg / "abc003_broken.py").write_text("RULES = []\n")
        with pytest.raises(TypeError, match="must define RULE"):
            rules_in("probe_pack")
    finally:
        for name in [m for m in sys.modules if m.split(".")[0] == "probe_pack"]:
            del sys.modules[name]
