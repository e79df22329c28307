"""Settings from `[tool.pso]` in pyproject.toml or a `pso.toml`, found from the
working directory upwards (stopping at the repository root, the first folder holding
`.git`); `PSO_*` environment variables override them, and flags override both.

Every effective value remembers where it came from, for `pso config show`: a flag, an
environment variable, `file:line`, or the default.

Trust: a settings file found by discovery may set options but never names code to
import. It sits in the checkout being assessed, and a pull request can add one; so
`rules = [...]` in a discovered file is refused (exit 4), and rule packs come only from
installed entry points, `--rules PATH`, or a file named with `--config FILE` together
with `--allow-config-rules` (or PSO_ALLOW_CONFIG_RULES=1). No environment variable
names rule packs either.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pso_cli.config_file import fail, is_repository_root, key_position, read_toml
from pso_cli.config_keys import CHOICES, DEFAULTS, ENV, FLAGS, canonical, from_env, problem, unknown
from pso_cli.errors import ConfigError

__all__ = ["DEFAULTS", "ENV", "FLAGS", "find_config", "resolve_settings", "resolve_with_sources"]
_CHOICES = CHOICES  # the name tests/render/test_formats.py reads
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
    """From `start` upwards, never past the repository root: a checkout's settings are
    its own, not those of a folder it happens to sit in (a nested repository stops the
    search at its own root)."""
    for folder in (start, *start.parents):
        candidate = folder / "pso.toml"
        if candidate.is_file():
            return SettingsFile(candidate, *read_toml(candidate), discovered=True)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            doc, text = read_toml(pyproject)
            if "pso" in _tool(pyproject, doc, text):
                return SettingsFile(pyproject, doc, text, discovered=True)
        if is_repository_root(folder):
            return None
    return None


def _where(f: SettingsFile) -> tuple[str, ...]:
    """The table holding the settings: [tool.pso], or the top level of a pso.toml."""
    nested = "tool" in f.doc and "pso" in _tool(f.path, f.doc, f.text)
    return ("tool", "pso") if f.path.name == "pyproject.toml" or nested else ()


@dataclass(frozen=True)
class FileSettings:
    values: dict[str, Any]  # by canonical key, paths resolved against the file's folder
    lines: dict[str, int]  # the line each was set on
    written: dict[str, str]  # how the file spells each key


def _table(f: SettingsFile) -> FileSettings:
    place = _where(f)
    table: Any = f.doc
    for part in place:
        table = table.get(part, {}) if isinstance(table, dict) else table
    if not isinstance(table, dict):
        raise fail(
            f.path, key_position(f.text, place[:-1], place[-1]), "[tool.pso] must be a table"
        )
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    written: dict[str, str] = {}
    for key, value in table.items():
        where = key_position(f.text, place, key)
        name = _check(f, where, key, value, written)
        values[name], lines[name], written[name] = value, where[0], key
    return FileSettings(_resolve_paths(values, f.path.parent), lines, written)


def _resolve_paths(values: dict[str, Any], base: Path) -> dict[str, Any]:
    out = dict(values)
    if "commitments" in out:
        out["commitments"] = str(base / out["commitments"])
    if "rules" in out:
        out["rules"] = [str(base / r) for r in out["rules"]]
    if "profile" in out and out["profile"].endswith((".yaml", ".yml")):
        out["profile"] = str(base / out["profile"])
    return out


def _check(
    f: SettingsFile, where: tuple[int, int], key: str, value: Any, seen: dict[str, str]
) -> str:
    """The setting `key` names; a bad one is that file's error (exit 4), located."""
    name = canonical(key)
    if name is None:
        raise fail(f.path, where, unknown(key))
    if name in seen:
        first = key_position(f.text, _where(f), seen[name])[0]
        raise fail(f.path, where, f"setting '{key}' is also set as '{seen[name]}' (line {first})")
    why = problem(name, value, key)
    if why is not None:
        raise fail(f.path, where, why)
    return name


def _refuse_code(f: SettingsFile, table: FileSettings) -> ConfigError:
    where = key_position(f.text, _where(f), table.written["rules"])
    named = ", ".join(Path(r).name for r in table.values["rules"])
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
    environ: Mapping[str, str] | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Effective settings and the source of each: flags > PSO_* variables > the settings
    file > defaults. A source reads `--fail-on`, `env PSO_FAIL_ON`, `path:line` or
    `default`.

    `rules` in a settings file is refused (ConfigError) unless the file was named with
    --config and `allow_config_rules` is set; `check_code=False` (for `pso config show`,
    which loads nothing) reports the file as it is. A bad PSO_* value raises
    EnvSettingError.
    """
    values = dict(DEFAULTS)
    sources = {k: "default" for k in DEFAULTS}
    found = _settings_file(config, no_config)
    if found is not None:
        table = _table(found)
        loads_code = check_code and bool(table.values.get("rules"))
        if loads_code and (found.discovered or not allow_config_rules):
            raise _refuse_code(found, table)
        for key, value in table.values.items():
            values[key] = value
            sources[key] = f"{found.path}:{table.lines[key]}"
    for key, value in from_env(os.environ if environ is None else environ).items():
        values[key] = value
        sources[key] = f"env {ENV[key]}"
    for key, value in (flags or {}).items():
        if value is not None and value != []:
            values[key] = value
            sources[key] = FLAGS[key]
    return values, sources


def resolve_settings(
    config: str | None = None, no_config: bool = False, flags: dict[str, Any] | None = None
) -> dict[str, Any]:
    return resolve_with_sources(config, no_config, flags)[0]


def code_refusal(config: str | None, no_config: bool) -> str | None:
    """Why the settings file's `rules` would not be loaded as things stand, if it has any."""
    found = _settings_file(config, no_config)
    if found is None:
        return None
    table = _table(found)
    if not table.values.get("rules"):
        return None
    return _refuse_code(found, table).problems[0].message
