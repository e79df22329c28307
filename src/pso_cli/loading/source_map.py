"""Map model field paths (pso_cli.model.paths) to positions in the YAML file."""

from __future__ import annotations

from collections.abc import Sequence

from pso_cli.model.paths import FieldPath

Position = tuple[int, int]


class SourceMap:
    """Positions (1-based line, column) of every key and value, by field path.

    Pydantic error locations and rule field paths use the same segments (keys and
    list indexes), so a lookup falls back to the nearest present ancestor.
    """

    __slots__ = ("_keys", "_values", "path")

    def __init__(self, path: str) -> None:
        self.path = path
        self._values: dict[FieldPath, Position] = {(): (1, 1)}
        self._keys: dict[FieldPath, Position] = {}

    def add(self, path: FieldPath, value: Position, key: Position | None = None) -> None:
        self._values[path] = value
        if key is not None:
            self._keys[path] = key

    def value(self, path: Sequence[str | int]) -> Position:
        """Position of the value at `path`, or of its nearest ancestor."""
        found = self._values.get(path) if type(path) is tuple else None
        if found is not None:  # the common case: every finding locates a present field
            return found
        p = tuple(path)
        while p not in self._values:
            p = p[:-1]
        return self._values[p]

    def key(self, path: Sequence[str | int]) -> Position:
        """Position of the key that names `path` (falls back to the value)."""
        p = tuple(path)
        return self._keys.get(p) or self.value(p)

    def has(self, path: Sequence[str | int]) -> bool:
        return tuple(path) in self._values

    def rename(self, old: FieldPath, new: FieldPath) -> None:
        """Positions under `old` found under `new` too (a key renamed by an upgrade)."""
        n = len(old)
        for table in (self._values, self._keys):
            moved = {new + p[n:]: pos for p, pos in table.items() if p[:n] == old}
            table.update(moved)
