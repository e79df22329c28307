"""Which facts does a proposal state, and the findings of each rule.

`stated` reads a dotted path as rules declare it in `reads` (`contribution.*.personnel`:
any agency's personnel); the report and tests use it to check that declared reads are
real facts of the format.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from pso_cli.model.findings import Finding

_SEQUENCES = (list, tuple)  # a tuple of types: isinstance is slower with `list | tuple`
_EMPTIABLE = (list, tuple, str)


def stated(obj: Any, dotted: str) -> bool:
    """Does `obj` hold a non-empty value at a dotted path?

    Lists: any element does. A `*` segment stands for any field of a model
    (`contribution.*.personnel`: any agency's personnel).
    """
    name, rest = _step(dotted)
    if name == "*":
        fields = type(obj).model_fields if hasattr(type(obj), "model_fields") else {}
        values = [getattr(obj, f) for f in fields]
        items = [x for v in values if _present(v) for x in (v if isinstance(v, list) else [v])]
        return any(stated(x, rest) if rest else True for x in items)
    value = getattr(obj, name, None) if name else obj
    if not _present(value):
        return False
    if not rest:
        return True
    if isinstance(value, _SEQUENCES):
        return any(stated(v, rest) for v in value)
    return stated(value, rest)


@functools.lru_cache(maxsize=1024)
def _step(dotted: str) -> tuple[str, str]:
    """'a[].b.c' -> ('a', 'b.c'): the first field's name and the rest of the path."""
    head, _, rest = dotted.partition(".")
    return head.split("[", 1)[0], rest


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, _EMPTIABLE) and len(value) == 0)


def by_rule(findings: Sequence[Finding]) -> dict[str, list[Finding]]:
    """Findings grouped by rule code, each group in the order given."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        group = groups.get(f.rule)
        if group is None:
            groups[f.rule] = [f]
        else:
            group.append(f)
    return groups
