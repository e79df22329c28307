"""Settings from `[tool.pso]` in pyproject.toml or a `pso.toml`, found from the
working directory upwards; command-line flags override them.

Every effective value remembers where it came from, for `pso config show`.

Trust: a settings file found by discovery may set options but never names code to
import. It sits in the checkout being assessed, and a pull request can add one; so
`rules = [...]` in a discovered file is refused (exit 4), and rule packs come only from
installed entry points, `--rules PATH`, or a file named with `--config FILE` together
with `--allow-config-rules` (or PSO_ALLOW_CONFIG_RULES=1).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pso_cli.config_file import fail, key_position, read_toml
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
OPT_IN = "--allow-config-rules (or PSO_ALLOW_CONFIG_RULES=1)"


@dataclass(frozen=True)
class SettingsFile:
    path: Path
    doc: dict[str, Any]
    text: str
    discovered: bool  # found from the working directory, not named with --config


def _tool(path: Path, doc: dict[str, Any], text: str) -> dict[str, Any]:
    tool = doc.get("tool", {})
    if not isinstance(tool, dict):
        raise fail(path, key_position(text, (), "tool"), "'tool' must be a table")
    return tool


def find_config(start: Path) -> Path | None:
    """Nearest pso.toml, or pyproject.toml with a [tool.pso] table."""
    found = _discover(start)
    return found.path if found else None


def _discover(start: Path) -> SettingsFile | None:
    for folder in (start, *start.parents):
        candidate = folder / "pso.toml"
        if candidate.is_file():
            return SettingsFile(candidate, *read_toml(candidate), discovered=True)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            doc, text = read_toml(pyproject)
            if "pso" in _tool(pyproject, doc, text):
                return SettingsFile(pyproject, doc, text, discovered=True)
    return None


def _where(f: SettingsFile) -> tuple[str, ...]:
    """The table holding the settings: [tool.pso], or the top level of a pso.toml."""
    nested = "tool" in f.doc and "pso" in _tool(f.path, f.doc, f.text)
    return ("tool", "pso") if f.path.name == "pyproject.toml" or nested else ()


def _table(f: SettingsFile) -> dict[str, Any]:
    place = _where(f)
    table: Any = f.doc
    for part in place:
        table = table.get(part, {}) if isinstance(table, dict) else table
    if not isinstance(table, dict):
        raise fail(
            f.path, key_position(f.text, place[:-1], place[-1]), "[tool.pso] must be a table"
        )
    for key, value in table.items():
        _check(f, place, key, value)
    base = f.path.parent
    out: dict[str, Any] = dict(table)
    if "commitments" in out:
        out["commitments"] = str(base / out["commitments"])
    if "rules" in out:
        out["rules"] = [str(base / r) for r in out["rules"]]
    if "profile" in out and out["profile"].endswith((".yaml", ".yml")):
        out["profile"] = str(base / out["profile"])
    return out


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


def _check(f: SettingsFile, place: tuple[str, ...], key: str, value: Any) -> None:
    """A bad setting is that file's error (exit 4), located, not a flag's."""
    where = key_position(f.text, place, key)
    if key not in DEFAULTS:
        raise fail(f.path, where, f"unknown setting '{key}'; known: {', '.join(DEFAULTS)}")
    if key in _LISTS:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    else:
        ok = isinstance(value, str)
    if not ok:
        kind = "a list of strings" if key in _LISTS else "a string"
        raise fail(f.path, where, f"setting '{key}' must be {kind}")
    allowed = _CHOICES.get(key)
    if allowed is not None and value not in allowed:
        raise fail(
            f.path, where, f"setting '{key}' is {value!r}; expected one of: {', '.join(allowed)}"
        )


def _refuse_code(f: SettingsFile, table: dict[str, Any]) -> ConfigError:
    where = key_position(f.text, _where(f), "rules")
    named = ", ".join(Path(r).name for r in table["rules"])
    if f.discovered:
        message = (
            f"discovered configuration cannot load code: 'rules' names rule packs ({named}); "
            f"pass them with --rules PATH, or name this file with --config {f.path.name} "
            f"and {OPT_IN}"
        )
    else:
        message = (
            f"configuration cannot load code without {OPT_IN}: 'rules' names rule packs ({named})"
        )
    return fail(f.path, where, message)


def _settings_file(config: str | None, no_config: bool) -> SettingsFile | None:
    if no_config:
        return None
    if config is None:
        return _discover(Path.cwd())
    path = Path(config)
    if not path.is_file():
        raise ConfigError.at(config, 1, 1, "settings file not found", "config")
    return SettingsFile(path, *read_toml(path), discovered=False)


def resolve_with_sources(
    config: str | None = None,
    no_config: bool = False,
    flags: dict[str, Any] | None = None,
    allow_config_rules: bool = False,
    check_code: bool = True,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Effective settings and the source of each.

    `rules` in a settings file is refused (ConfigError) unless the file was named with
    --config and `allow_config_rules` is set; `check_code=False` (for `pso config show`,
    which loads nothing) reports the file as it is.
    """
    values = dict(DEFAULTS)
    sources = {k: "default" for k in DEFAULTS}
    found = _settings_file(config, no_config)
    if found is not None:
        table = _table(found)
        if check_code and table.get("rules") and (found.discovered or not allow_config_rules):
            raise _refuse_code(found, table)
        for key, value in table.items():
            values[key] = value
            sources[key] = str(found.path)
    for key, value in (flags or {}).items():
        if value is not None and value != []:
            values[key] = value
            sources[key] = "command line"
    return values, sources


def resolve_settings(
    config: str | None = None, no_config: bool = False, flags: dict[str, Any] | None = None
) -> dict[str, Any]:
    return resolve_with_sources(config, no_config, flags)[0]


def code_refusal(config: str | None, no_config: bool) -> str | None:
    """Why the settings file's `rules` would not be loaded as things stand, if it has any."""
    found = _settings_file(config, no_config)
    if found is None or not _table(found).get("rules"):
        return None
    return _refuse_code(found, _table(found)).problems[0].message
