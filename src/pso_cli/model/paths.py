"""Field paths: how rules, findings, reports and error locations name a place in the model.

A dotted path as rules and reports write it, `legal_basis.security_council[0].chapter`,
is the tuple of segments `("legal_basis", "security_council", 0, "chapter")`: keys and
list indexes, the same segments as pydantic's error `loc` and the loader's source map.
"""

from __future__ import annotations

from collections.abc import Sequence

FieldPath = tuple[str | int, ...]


def parse_dotted(field: str) -> FieldPath:
    """'a.b[2].c' -> ('a', 'b', 2, 'c')."""
    out: list[str | int] = []
    for part in field.split(".") if field else []:
        name, _, rest = part.partition("[")
        if name:
            out.append(name)
        while rest:
            idx, _, rest = rest.partition("]")
            out.append(int(idx))
            rest = rest.lstrip("[")
    return tuple(out)


def format_dotted(path: Sequence[str | int]) -> str:
    """('a', 'b', 2, 'c') -> 'a.b[2].c'."""
    out = ""
    for seg in path:
        out += f"[{seg}]" if isinstance(seg, int) else (f".{seg}" if out else str(seg))
    return out
