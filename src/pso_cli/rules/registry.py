"""Find, load and validate rule packs; fail closed on anything wrong.

Built-in rules are registered through the same entry-point group as third-party
packs (`pso_cli.rules`), so the path a plugin takes is the path the product takes: one
pack per consideration, each a package under `pso_cli.rules.builtin` whose `RULES` is
built by walking its rule modules (see that package). Nothing lists the rules by hand.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType

from pso_cli import stop
from pso_cli.errors import ConfigError, Location, Problem
from pso_cli.rules.api import Rule
from pso_cli.rules.builtin import pack_modules

GROUP = "pso_cli.rules"


@dataclass(frozen=True, slots=True)
class RulePack:
    name: str
    version: str
    origin: str  # entry point "name = module" or a file path
    rules: tuple[Rule, ...]
    builtin: bool = False  # one of pso's own packs (BUILTIN_MODULES)


@dataclass(frozen=True, slots=True)
class Registry:
    packs: tuple[RulePack, ...]
    rules: dict[str, Rule]  # by code, sorted

    @property
    def builtin_codes(self) -> frozenset[str]:
        """Codes of the rules pso itself ships; every other rule is third-party."""
        return frozenset(r.code for p in self.packs if p.builtin for r in p.rules)

    @property
    def third_party(self) -> bool:
        """Whether any rule pack other than pso's own is loaded."""
        return any(not p.builtin for p in self.packs)

    def by_name_or_code(self, key: str) -> Rule | None:
        if key in self.rules:
            return self.rules[key]
        upper = key.upper()
        if upper in self.rules:
            return self.rules[upper]
        return next((r for r in self.rules.values() if r.name == key), None)


def _pack_from_module(module: ModuleType, origin: str, default_name: str) -> RulePack:
    rules = getattr(module, "RULES", None)
    if not isinstance(rules, list | tuple) or not all(isinstance(r, Rule) for r in rules):
        raise ConfigError.at(
            origin, 1, 1, "rule pack must define RULES, a list of pso_cli.rules.api.Rule", "plugin"
        )
    name = str(getattr(module, "PACK_NAME", default_name))
    version = str(getattr(module, "PACK_VERSION", ""))
    builtin = module.__name__ in pack_modules()
    if not version:
        from pso_cli import __version__

        version = __version__ if builtin else "unknown"
    if not builtin:
        _refuse_control_text(origin, rules)
    return RulePack(name, version, origin, tuple(rules), builtin)


def _refuse_control_text(origin: str, rules: list[Rule] | tuple[Rule, ...]) -> None:
    """A pack's metadata is shown by `pso rules`, `pso explain` and every report: a title
    holding ESC or a line break would reach the terminal raw. Fail closed (exit 4)."""
    for r in rules:
        texts = (r.title, r.rationale, r.example, *r.reads, str(r.reference), r.reference.url)
        for value in texts:
            if value and not value.replace("\n", "").replace("\t", "").isprintable():
                bad = next(c for c in value if not c.isprintable() and c not in "\n\t")
                raise ConfigError.at(
                    origin,
                    1,
                    1,
                    f"rule {r.code}: its text holds the control character U+{ord(bad):04X}",
                    "plugin",
                )


def _import_failed(origin: str, exc: BaseException) -> ConfigError:
    """A pack that raises anything at import (SystemExit, KeyboardInterrupt included)
    stops the run with exit 4, unless a stop signal really arrived (that is re-raised)."""
    from pso_cli.engine.boundary import describe

    if stop.received() is not None:
        raise exc
    message = f"rule pack failed to import: {describe(exc)}"
    return ConfigError([Problem(Location(origin), message, "plugin")])


def _import(module_name: str, origin: str) -> ModuleType:
    try:
        return importlib.import_module(module_name)
    except BaseException as exc:  # a broken plugin must stop the run, clearly
        raise _import_failed(origin, exc) from None


def load_file_pack(path: str) -> RulePack:
    """Load a local module given explicitly with --rules PATH."""
    file = Path(path)
    if not file.is_file():
        raise ConfigError.at(path, 1, 1, "rule pack file not found", "plugin")
    mod_name = f"pso_local_rules_{abs(hash(str(file.resolve())))}"
    spec = importlib.util.spec_from_file_location(mod_name, file)
    if spec is None or spec.loader is None:
        raise ConfigError.at(path, 1, 1, "not a Python module", "plugin")
    module = importlib.util.module_from_spec(spec)
    sys.modules[mod_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException as exc:
        raise _import_failed(path, exc) from None
    return _pack_from_module(module, path, file.stem)


def discover_packs() -> list[RulePack]:
    """Every pack registered under the entry-point group, built-ins included."""
    found = sorted(entry_points(group=GROUP), key=lambda ep: (ep.name, ep.value))
    names = {ep.value for ep in found}
    packs = []
    for ep in found:
        origin = f"entry point {ep.name} = {ep.value}"
        packs.append(_pack_from_module(_import(ep.value, origin), origin, ep.name))
    # Running from a source tree without installed metadata: still find the built-ins.
    for module_name in pack_modules():
        if module_name not in names:
            origin = f"built-in {module_name}"
            short = module_name.rsplit(".", 1)[-1]
            packs.append(_pack_from_module(_import(module_name, origin), origin, short))
    return packs


def build_registry(extra_files: tuple[str, ...] = (), use_plugins: bool = True) -> Registry:
    packs = discover_packs() if use_plugins else []
    if not use_plugins:
        packs = [_pack_from_module(_import(m, m), m, m.rsplit(".", 1)[-1]) for m in pack_modules()]
    packs += [load_file_pack(p) for p in extra_files]
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for pack in packs:
        for r in pack.rules:
            clash = rules.get(r.code) or (rules.get(names[r.name]) if r.name in names else None)
            if clash is not None:
                raise ConfigError.at(
                    pack.origin,
                    1,
                    1,
                    f"rule {r.code} ({r.name}) clashes with {clash.code} ({clash.name}) "
                    "already registered",
                    "plugin",
                )
            rules[r.code] = r
            names[r.name] = r.code
    return Registry(tuple(packs), dict(sorted(rules.items())))
