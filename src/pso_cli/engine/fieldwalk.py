"""Two proposals' data compared leaf by leaf, and one edit applied to a copy (pso diff).

Pure data functions over the JSON dump of a proposal: dicts by key, lists by index.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

__all__ = ["ABSENT", "Path", "apply_change", "kind", "walk"]

Path = tuple[str | int, ...]


class _Absent:
    """A list item that one version does not have (distinct from a null value)."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


def _absent(v: Any) -> bool:
    return v is None or v is ABSENT


def walk(old: Any, new: Any, path: Path = ()) -> Iterator[tuple[Path, Any, Any]]:
    """(path, old, new) for every differing leaf; dicts by key, lists by index.

    A value present on one side only (a section added or dropped) is one change at its
    own path, not one per leaf inside it.
    """
    if isinstance(old, dict) and isinstance(new, dict):
        keys = list(old) + [k for k in new if k not in old]
        for k in keys:
            yield from walk(old.get(k), new.get(k), (*path, k))
    elif isinstance(old, list) and isinstance(new, list):
        for i in range(max(len(old), len(new))):
            o = old[i] if i < len(old) else ABSENT
            n = new[i] if i < len(new) else ABSENT
            yield from walk(o, n, (*path, i))
    elif old != new and not (_absent(old) and _absent(new)):
        yield path, old, new


def kind(old: Any, new: Any) -> str:
    if _absent(old):
        return "added"
    return "removed" if _absent(new) else "changed"


def apply_change(data: dict[str, Any], path: Path, new: Any) -> dict[str, Any]:
    """A copy of `data` with the value at `path` set to `new` (ABSENT: the item dropped)."""
    out = copy.deepcopy(data)
    node: Any = out
    for seg in path[:-1]:
        node = node[seg]
    last = path[-1]
    if isinstance(last, str):
        node[last] = None if new is ABSENT else new
    elif new is ABSENT:
        del node[last]
    elif last < len(node):
        node[last] = new
    else:
        node.append(new)
    return out
