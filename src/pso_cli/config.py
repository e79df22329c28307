"""Settings from `[tool.pso]` in pyproject.toml or a `pso.toml`, found from the
working directory upwards; command-line flags override them.

Every effective value remembers where it came from, for `pso config show`.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pso_cli.errors import ConfigError
from pso_cli.render import FORMAT_NAMES

DEFAULTS: dict[str, Any] = {
    "profile": "nz-default",
    "fail_on": "do-not-recommend",
    "format": "text",
    "exclude": [],
    "rules": [],
    "commitments": None,
}
_LISTS = {"exclude", "rules"}
_STRINGS = {"profile", "fail_on", "format", "commitments"}


def find_config(start: Path) -> Path | None:
    """Nearest pso.toml, or pyproject.toml with a [tool.pso] table."""
    for folder in (start, *start.parents):
        candidate = folder / "pso.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "pso" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError.at(str(path), 1, 1, f"cannot read settings: {exc}", "config") from None


def _table(path: Path) -> dict[str, Any]:
    data = _read(path)
    nested = data.get("tool", {}).get("pso") if isinstance(data.get("tool"), dict) else None
    # pso.toml may hold the settings at top level or, copied from pyproject, under [tool.pso].
    table = nested if path.name == "pyproject.toml" or nested is not None else data
    if table is None:
        table = {}
    if not isinstance(table, dict):
        raise ConfigError.at(str(path), 1, 1, "[tool.pso] must be a table", "config")
    unknown = sorted(set(table) - set(DEFAULTS))
    if unknown:
        raise ConfigError.at(
            str(path),
            1,
            1,
            f"unknown setting '{unknown[0]}'; known: {', '.join(DEFAULTS)}",
            "config",
        )
    for key, value in table.items():
        ok = (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
            if key in _LISTS
            else isinstance(value, str)
        )
        if not ok:
            kind = "a list of strings" if key in _LISTS else "a string"
            raise ConfigError.at(str(path), 1, 1, f"setting '{key}' must be {kind}", "config")
    _check_values(path, table)
    base = path.parent
    for key in ("commitments",):
        if key in table:
            table[key] = str(base / table[key])
    if "rules" in table:
        table["rules"] = [str(base / r) for r in table["rules"]]
    if "profile" in table and table["profile"].endswith((".yaml", ".yml")):
        table["profile"] = str(base / table["profile"])
    return table


_CHOICES = {
    "fail_on": (
        "recommend",
        "recommend-with-conditions",
        "further-analysis",
        "do-not-recommend",
        "never",
    ),
    "format": FORMAT_NAMES,
}


def _check_values(path: Path, table: dict[str, Any]) -> None:
    """A bad value in a settings file is that file's error (exit 4), not a flag's."""
    for key, allowed in _CHOICES.items():
        value = table.get(key)
        if value is not None and value not in allowed:
            raise ConfigError.at(
                str(path),
                1,
                1,
                f"setting '{key}' is {value!r}; expected one of: {', '.join(allowed)}",
                "config",
            )


def resolve_with_sources(
    config: str | None = None, no_config: bool = False, flags: dict[str, Any] | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    values = dict(DEFAULTS)
    sources = {k: "default" for k in DEFAULTS}
    path = None if no_config else (Path(config) if config else find_config(Path.cwd()))
    if config and not no_config and not Path(config).is_file():
        raise ConfigError.at(config, 1, 1, "settings file not found", "config")
    if path is not None:
        for key, value in _table(path).items():
            values[key] = value
            sources[key] = str(path)
    for key, value in (flags or {}).items():
        if value is not None and value != []:
            values[key] = value
            sources[key] = "command line"
    return values, sources


def resolve_settings(
    config: str | None = None, no_config: bool = False, flags: dict[str, Any] | None = None
) -> dict[str, Any]:
    return resolve_with_sources(config, no_config, flags)[0]
