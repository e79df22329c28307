"""Vetoes and must-have facts, declared as data in a criteria profile.

A veto is non-compensatory: when every `when` fact has one of its listed values (and the
`unless` fact, if any, is not stated), the veto forces its verdict whatever the score.
A must-have fact left unknown forces further-analysis. Both name proposal fields by
their dotted path, and both are checked against the proposal format when the profile
loads: an unknown field or a value the field cannot take is a located error (exit 4),
never a veto that silently never fires.
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Value = str | bool
VETO_VERDICTS = ("do-not-recommend", "further-analysis")


class VetoSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # Defaults let a child profile override one key of a parent's veto (enabled: false);
    # an enabled veto must have all three once the profiles are merged (check_veto).
    title: str = Field("", max_length=200)
    source: str = Field("", max_length=400, description="What the veto rests on.")
    when: dict[str, list[Value]] = Field(default_factory=dict, description="field -> values")
    levels: dict[str, list[str]] = Field(
        default_factory=dict,
        description="attribute code -> levels: the rule's rated level (AGY-001: [unsustainable])",
    )
    unless: str | None = Field(None, description="A field that, when stated, lifts the veto.")
    condition: str | None = Field(
        None, max_length=400, description="What to do to lift it (for further-analysis vetoes)."
    )
    verdict: Literal["do-not-recommend", "further-analysis"] = "do-not-recommend"
    enabled: bool = True


FieldPath = Annotated[str, Field(pattern=r"^[a-z_]+(\.[a-z_]+)*$")]


def _leaf(tp: Any) -> Any:
    """The type inside Annotated / Optional, or the model inside them."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _leaf(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        models = [a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)]
        return _leaf(models[0] if models else inner[0])
    return tp


def field_type(root: type[BaseModel], path: str) -> Any:
    """The type of the proposal field at a dotted path; KeyError if there is none."""
    current: Any = root
    for part in path.split("."):
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            raise KeyError(path)
        info = current.model_fields.get(part)
        if info is None:
            raise KeyError(path)
        current = _leaf(info.annotation)
    return current


def allowed_values(tp: Any) -> tuple[Value, ...] | None:
    """What a veto may compare a field with: enum values, true/false; None: not comparable."""
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tuple(str(m.value) for m in tp)
    if tp is bool:
        return (True, False)
    return None


def check_veto(root: type[BaseModel], spec: VetoSpec) -> list[str]:
    """What is wrong with a veto against the proposal format (empty: nothing)."""
    problems = [f"needs {k}" for k in ("title", "source") if not getattr(spec, k)]
    if not spec.when and not spec.levels:
        problems.append("needs when or levels")
    for path, values in spec.when.items():
        try:
            allowed = allowed_values(field_type(root, path))
        except KeyError:
            problems.append(f"when: no proposal field '{path}'")
            continue
        if allowed is None:
            problems.append(
                f"when: '{path}' is not a field with set values (an enumeration or yes/no)"
            )
            continue
        bad = [v for v in values if v not in allowed]
        if bad:
            shown = ", ".join(str(v).lower() for v in allowed)
            problems.append(f"when: {path} cannot be {bad[0]!r}; it takes: {shown}")
    if spec.unless is not None:
        try:
            field_type(root, spec.unless)
        except KeyError:
            problems.append(f"unless: no proposal field '{spec.unless}'")
    return problems


def check_must_have(root: type[BaseModel], path: str) -> str | None:
    try:
        field_type(root, path)
    except KeyError:
        return f"must_have: no proposal field '{path}'"
    return None
