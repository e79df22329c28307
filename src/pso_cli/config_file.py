"""Read a settings file (pso.toml, pyproject.toml) strictly, with located errors.

tomllib gives no positions, so a key's line and column are found by a small scan of
the text that follows TOML's table headers; errors name `file:line:col` like every
other error pso reports.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pso_cli.errors import ConfigError, Location, Problem

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def fail(path: Path, where: tuple[int, int], message: str) -> ConfigError:
    return ConfigError([Problem(Location(str(path), *where), message, "config")])


def _table_name(header: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in header.split("."))


def key_position(text: str, table: tuple[str, ...], key: str) -> tuple[int, int]:
    """(line, column) of `key` in `table` (() for the top level), else (1, 1).

    Also finds the key written dotted from an enclosing table (`tool.pso.rules = ...` at
    the top level, `pso.rules = ...` under [tool]).
    """
    current: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = _table_name(header.group(1))
            if current == (*table, key):
                return number, line.index("[") + 1
            continue
        if current != table[: len(current)]:
            continue
        dotted = r"\s*\.\s*".join(re.escape(part) for part in (*table[len(current) :], key))
        found = re.match(rf"^(\s*)[\"']?{dotted}[\"']?\s*[=.]", line)
        if found:
            return number, len(found.group(1)) + 1
    return 1, 1


MAX_SETTINGS_BYTES = 1024 * 1024  # a real pyproject.toml is a few KiB


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """The parsed document and its text; any fault is the file's located error. Read
    like an input (non-blocking, regular files only, bounded): a checkout can plant it."""
    from pso_cli.errors import InputError
    from pso_cli.loading.reader import read_bytes

    try:
        raw = read_bytes(str(path), MAX_SETTINGS_BYTES)
    except InputError as exc:
        reason = exc.problems[0].message.replace(" (see --max-bytes)", "")
        raise fail(path, (1, 1), f"cannot read settings: {reason}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        byte = raw[exc.start]
        message = f"cannot read settings: not valid UTF-8 (byte 0x{byte:02x})"
        raise fail(path, (line, column), message) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_AT.search(str(exc))
        where = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
        reason = _TOML_AT.sub("", str(exc)).strip()
        raise fail(path, where, f"cannot read settings: {reason}") from None


def is_repository_root(folder: Path) -> bool:
    """A folder holding `.git` (a directory, or a file as in a worktree or submodule)."""
    return (folder / ".git").exists()
