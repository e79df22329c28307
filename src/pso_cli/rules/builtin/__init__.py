"""The built-in rules: one rule per module, found by walking this package.

Layout: `builtin/<consideration>/<code>_<name>.py`, e.g. `legality/leg001_legal_basis.py`
for LEG-001 `legal-basis` (the code in lower case without its hyphen, then the name
with underscores). Each rule module exposes exactly one `RULE`, a
`pso_cli.rules.api.Rule`, with its metadata (the `@rule` decorator) at the top and the
helpers that write its messages beside it. A family of rules that differ only in data
(STR-002, STR-006, STR-008) shares one implementation and each member is still its
own module with its own `RULE`. Modules whose name starts with `_` hold what several
rules of one consideration share (`_shared.py`); `common.py` holds what rules of several
considerations share.

Each consideration package is a rule pack: its `__init__` builds `RULES` from its rule
modules with `rules_in`, sorted by module name (and so by code), and is registered under
the `pso_cli.rules` entry-point group exactly as a third-party pack is
(`strategic = "pso_cli.rules.builtin.strategic"` in pyproject.toml). `pack_modules`
lists the consideration packages, for running from a source tree whose entry points
are not installed. Adding a rule is adding a module: nothing else lists it.
"""

from __future__ import annotations

import importlib
import pkgutil

from pso_cli.rules.api import Rule


def rule_modules(package: str) -> list[str]:
    """The rule modules of a consideration package, sorted; `_`-prefixed ones are not."""
    path = importlib.import_module(package).__path__
    return sorted(
        f"{package}.{m.name}"
        for m in pkgutil.iter_modules(path)
        if not m.ispkg and not m.name.startswith("_")
    )


def rules_in(package: str) -> list[Rule]:
    """The `RULE` of every rule module of `package`, in module order."""
    found: list[Rule] = []
    for name in rule_modules(package):
        rule = getattr(importlib.import_module(name), "RULE", None)
        if not isinstance(rule, Rule):
            raise TypeError(f"{name} must define RULE, a pso_cli.rules.api.Rule")
        found.append(rule)
    return found


def pack_modules() -> list[str]:
    """The consideration packages (the built-in rule packs), sorted."""
    return sorted(f"{__name__}.{m.name}" for m in pkgutil.iter_modules(__path__) if m.ispkg)
