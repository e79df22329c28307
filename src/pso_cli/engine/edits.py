"""Edits of a proposal's data for the what-if: the values worth trying at a field, from its
type in the proposal model, and setting or reading a value at a field path."""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Any

from pso_cli.model.diagnostics import model_at
from pso_cli.model.paths import FieldPath
from pso_cli.model.proposal import Proposal

STATED = "(stated)"


def _field_type(path: FieldPath) -> Any:
    parent = model_at(Proposal, path[:-1])
    if parent is None or not isinstance(path[-1], str):
        return None
    info = parent.model_fields.get(path[-1])
    return info.annotation if info else None


def _leaf_kinds(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _leaf_kinds(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [k for a in typing.get_args(tp) for k in _leaf_kinds(a)]
    if origin is list:
        return [("list", k) for k in _leaf_kinds(typing.get_args(tp)[0])]
    return [tp]


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, Enum)


def candidates(path: FieldPath) -> list[Any]:
    """Values worth trying at a field, from its type in the proposal model."""
    out: list[Any] = []
    for kind in _leaf_kinds(_field_type(path)):
        if _is_enum(kind):
            out += [m.value for m in kind]
        elif kind is bool:
            out += [True, False]
        elif kind is str:
            out.append(STATED)
        elif kind == ("list", str):
            out.append([STATED])
        elif isinstance(kind, tuple) and _is_enum(kind[1]):
            out += [[m.value] for m in kind[1]]
    return out


def values_to_try(path: FieldPath, current: Any) -> list[Any]:
    """The candidates, as edits of the current value: a list of choices gains one more
    (a statutory purpose added to those stated); a headcount is halved, and an agency
    not included is tried with a small team."""
    if path[-1] == "personnel":  # half the contribution, or a small team where there is none
        return (
            [current // 2] if isinstance(current, int) and current > 1 else [2] * (current is None)
        )
    out = []
    for value in candidates(path):
        if isinstance(value, list) and isinstance(current, list) and current:
            if value[0] in current or value[0] == STATED:
                continue
            value = [*current, value[0]]
        if value != current:
            out.append(value)
    return out


def set_at(data: dict[str, Any], path: FieldPath, value: Any) -> bool:
    node: Any = data
    for seg in path[:-1]:
        if isinstance(seg, int):
            if not isinstance(node, list) or seg >= len(node):
                return False
            node = node[seg]
        else:
            if not isinstance(node, dict):
                return False
            if node.get(seg) is None:
                node[seg] = {}
            node = node[seg]
            if not isinstance(node, dict | list):
                return False
    if not isinstance(node, dict) or isinstance(path[-1], int):
        return False
    node[path[-1]] = value
    return True


def current_at(proposal: Proposal, path: FieldPath) -> Any:
    node: Any = proposal
    for seg in path:
        if node is None or isinstance(node, str):
            return None
        if isinstance(seg, int):
            node = node[seg] if isinstance(node, list) and seg < len(node) else None
        else:
            node = getattr(node, seg, None)
    if isinstance(node, list):
        return [v.value if isinstance(v, Enum) else v for v in node]
    return node.value if isinstance(node, Enum) else node
