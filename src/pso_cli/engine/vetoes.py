"""The profile's vetoes and must-have facts, applied to one proposal.

Pure: data in, results out. A veto's result is a Gate (kind "veto"), so that every report
shows vetoes beside the two policy gates, located at the fact that decided them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pso_cli.criteria.vetoes import VetoSpec
from pso_cli.loading.source_map import SourceMap
from pso_cli.model.fields import NONE
from pso_cli.model.findings import Gate


def value_at(obj: Any, path: str) -> Any:
    """The value at a dotted field path; None when it, or a section above it, is unstated."""
    for part in path.split("."):
        if obj is None or isinstance(obj, str):  # a section stated as `none` holds nothing
            return None
        obj = getattr(obj, part, None)
    return obj


def _where(smap: SourceMap, path: str) -> tuple[int, int]:
    return smap.value(tuple(path.split(".")))


def veto(
    key: str,
    spec: VetoSpec,
    proposal: Any,
    smap: SourceMap,
    rated: Mapping[str, Any] | None = None,
) -> Gate:
    """Triggered when every `when` fact has a listed value, every `levels` attribute is
    rated at a listed level, and `unless` is not stated; clear as soon as one stated fact
    or rated level has another value; otherwise unknown. A triggered veto is located at
    its last `when` fact (profiles name the fact to act on last), or at the fact that set
    the level it names."""
    for code, levels in spec.levels.items():
        r = (rated or {}).get(code)
        if r is None or r.level is None:
            field = r.field if r is not None and r.field else code
            line, column = (r.line, r.column) if r is not None else (1, 1)
            return Gate(key, spec.title, "unknown", field, line, column, "veto", spec.verdict)
        if r.level not in levels:
            return Gate(key, spec.title, "passed", r.field, r.line, r.column, "veto", spec.verdict)
        if not spec.when:
            return Gate(key, spec.title, "failed", r.field, r.line, r.column, "veto", spec.verdict)
    unknown = []
    for path, values in spec.when.items():
        value = value_at(proposal, path)
        if value is None:
            unknown.append(path)
        elif value not in values:
            return Gate(key, spec.title, "passed", path, *_where(smap, path), "veto", spec.verdict)
    if unknown:
        first = unknown[0]
        return Gate(key, spec.title, "unknown", first, *_where(smap, first), "veto", spec.verdict)
    plan = value_at(proposal, spec.unless) if spec.unless is not None else None
    if spec.unless is not None and plan is not None and plan != NONE:  # `none`: no plan
        return Gate(
            key, spec.title, "passed", spec.unless, *_where(smap, spec.unless), "veto", spec.verdict
        )
    act_on = list(spec.when)[-1]  # the fact to act on is named last (nz-default: protection)
    return Gate(key, spec.title, "failed", act_on, *_where(smap, act_on), "veto", spec.verdict)


def vetoes(
    specs: Mapping[str, VetoSpec],
    proposal: Any,
    smap: SourceMap,
    rated: Mapping[str, Any] | None = None,
) -> tuple[Gate, ...]:
    return tuple(veto(k, s, proposal, smap, rated) for k, s in specs.items())


def missing_must_haves(
    paths: Sequence[str], proposal: Any, smap: SourceMap
) -> tuple[tuple[str, int, int], ...]:
    """(field, line, column) of each must-have fact the proposal leaves unknown."""
    return tuple((path, *_where(smap, path)) for path in paths if value_at(proposal, path) is None)
