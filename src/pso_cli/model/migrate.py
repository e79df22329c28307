"""Format 1 to format 2: files written in the old format keep loading, and can be rewritten.

Format 2 keeps every format-1 field where it was, so an upgrade is a few local changes:
the version number, one key renamed (`regional_authorisation`, which a regional body's
decision never was in law, is now `regional_arrangement`), and four operation-type
spellings that format 1 read as other types. `upgrade` makes them on the parsed data, for
loading; `rewrite` makes the same changes in the file's text, token by token, so that
`pso migrate` keeps comments and layout. New format-2 facts (who may consent, whether a
resolution was adopted for this situation) cannot be inferred: they stay unknown, and
the analysis asks for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Path = tuple[str | int, ...]
OLD_REGIONAL: Path = ("legal_basis", "regional_authorisation")
NEW_REGIONAL: Path = ("legal_basis", "regional_arrangement")
OPERATION_TYPE: Path = ("identity", "operation_type")

# Format-1 spellings that format 2 refuses or reads differently, with format 1's reading.
# "stabilisation" is now a type of its own, which is what its writers meant.
FORMAT_1_OPERATION_TYPES = {
    "peacekeeping": "un-peacekeeping",
    "capacity-building": "training",
    "combat": "enforcement",
    "stabilisation": "stabilisation",
    "regional-stabilisation": "stabilisation",
}


@dataclass(frozen=True, slots=True)
class Edit:
    """One token to change in the file: the key or the value at `path`."""

    path: Path
    part: str  # "key" | "value"
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Upgrade:
    data: dict[str, Any]
    renames: tuple[tuple[Path, Path], ...]  # (old path prefix, new path prefix)
    edits: tuple[Edit, ...]
    changes: tuple[str, ...]  # what reading the file as format 2 changed, for the notice


def is_format_1(data: dict[str, Any]) -> bool:
    version = data.get("pso_format")
    return type(version) is int and version == 1


def _spelling(value: str) -> str:
    return value.strip().lower().replace("_", "-").replace(" ", "-")


def _operation_type(data: dict[str, Any]) -> tuple[Edit, str] | None:
    identity = data.get("identity")
    if not isinstance(identity, dict):
        return None
    value = identity.get("operation_type")
    if not isinstance(value, str):
        return None
    new = FORMAT_1_OPERATION_TYPES.get(_spelling(value))
    if new is None:
        return None
    identity["operation_type"] = new
    said = f"operation_type '{value}' read as '{new}'"
    if new == "stabilisation":
        said += " (format 1 read it as 'regional-assistance')"
    return Edit(OPERATION_TYPE, "value", value, new), said


def upgrade(data: dict[str, Any]) -> Upgrade:
    """The format-2 reading of a format-1 document (`data` is left unchanged)."""
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    out["pso_format"] = 2
    edits = [Edit(("pso_format",), "value", "1", "2")]
    renames: list[tuple[Path, Path]] = []
    changes: list[str] = []
    legal = out.get("legal_basis")
    old, new = OLD_REGIONAL[1], NEW_REGIONAL[1]
    if isinstance(legal, dict) and old in legal and new not in legal:
        legal[new] = legal.pop(old)
        renames.append((OLD_REGIONAL, NEW_REGIONAL))
        edits.append(Edit(OLD_REGIONAL, "key", str(old), str(new)))
    op = _operation_type(out)
    if op is not None:
        edits.append(op[0])
        changes.append(op[1])
    return Upgrade(out, tuple(renames), tuple(edits), tuple(changes))


def notice(up: Upgrade, path: str) -> str:
    """The one line a user sees when a format-1 file is read."""
    detail = f" ({'; '.join(up.changes)})" if up.changes else ""
    return f"format 1 file read as format 2{detail}; `pso migrate {path}` rewrites it"


Locate = Callable[[Path, str], tuple[int, int]]  # (path, "key" | "value") -> (line, column)


def _token(old: str) -> re.Pattern[str]:
    plain = re.escape(old)
    return re.compile(rf"(?:{plain}|'{plain}'|\"{plain}\")(?![\w-])")


def rewrite(text: str, edits: Sequence[Edit], locate: Locate) -> str:
    """`text` with each edit made at its token's position; ValueError if a token is not
    where the source map says (the file would then be left as it was)."""
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: locate(e.path, e.part), reverse=True):
        line, col = locate(edit.path, edit.part)
        row = lines[line - 1]
        match = _token(edit.old).match(row, col - 1)
        if match is None:
            raise ValueError(f"line {line}: expected '{edit.old}' at column {col}")
        quote = match.group(0)[0] if match.group(0)[0] in "'\"" else ""
        lines[line - 1] = f"{row[: match.start()]}{quote}{edit.new}{quote}{row[match.end() :]}"
    return "\n".join(lines)
