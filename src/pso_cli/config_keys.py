"""The settings pso reads, how each may be spelled, and the values each takes.

A key is written as its flag is (`fail-on`, as ruff and black accept in `[tool.*]`) or
in snake_case (`fail_on`); either way it is one setting. The environment layer reads
`PSO_<KEY>` (PSO_FAIL_ON); a list (`exclude`) is comma-separated there. `rules` has no
environment variable: rule packs are code, and come only from installed entry points,
`--rules`, or a named settings file with the opt-in.
"""

from __future__ import annotations

import difflib
from typing import Any

from pso_cli.render import FORMAT_NAMES

DEFAULTS: dict[str, Any] = {
    "profile": "nz-default",
    "fail_on": "do-not-recommend",
    "format": "text",
    "exclude": [],
    "rules": [],
    "commitments": None,
}
LISTS = frozenset({"exclude", "rules"})
FLAGS = {key: "--" + key.replace("_", "-") for key in DEFAULTS}
ENV = {key: "PSO_" + key.upper() for key in DEFAULTS if key != "rules"}
FAIL_ON = (
    "recommend",
    "recommend-with-conditions",
    "further-analysis",
    "do-not-recommend",
    "never",
)
CHOICES: dict[str, tuple[str, ...]] = {"fail_on": FAIL_ON, "format": FORMAT_NAMES}


def canonical(key: str) -> str | None:
    """The setting a key names (`fail-on` and `fail_on` are `fail_on`), or None."""
    name = key.replace("-", "_")
    return name if name in DEFAULTS else None


def unknown(key: str) -> str:
    """The message for a key that names no setting, with the nearest one in the same
    spelling (kebab-case for a kebab-case key)."""
    kebab = "-" in key or "_" not in key
    names = [k.replace("_", "-") if kebab else k for k in DEFAULTS]
    near = difflib.get_close_matches(key.replace("_", "-") if kebab else key, names, n=1)
    hint = f"; did you mean '{near[0]}'?" if near else ""
    return f"unknown setting '{key}'{hint} (known: {', '.join(names)})"


def problem(key: str, value: Any, shown: str) -> str | None:
    """Why `value` cannot be setting `key` (written as `shown`), or None if it can."""
    if key in LISTS:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    else:
        ok = isinstance(value, str)
    if not ok:
        return f"setting '{shown}' must be {'a list of strings' if key in LISTS else 'a string'}"
    allowed = CHOICES.get(key)
    if allowed is not None and value not in allowed:
        return f"setting '{shown}' is {value!r}; expected one of: {', '.join(allowed)}"
    return None


class EnvSettingError(ValueError):
    """A PSO_* variable holds a value its setting does not take (a usage error, as a bad
    flag is)."""

    def __init__(self, variable: str, message: str) -> None:
        super().__init__(f"{variable}: {message}")
        self.variable = variable
        self.message = message


def from_env(environ: dict[str, str] | Any) -> dict[str, Any]:
    """The settings the environment sets; an empty variable sets nothing."""
    out: dict[str, Any] = {}
    for key, variable in ENV.items():
        raw = environ.get(variable, "")
        if not raw.strip():
            continue
        value: Any = [p.strip() for p in raw.split(",") if p.strip()] if key in LISTS else raw
        why = problem(key, value, key)
        if why is not None:
            raise EnvSettingError(variable, why.replace(f"setting '{key}'", variable))
        out[key] = value
    return out
