"""What a validation error can suggest beyond a near spelling: a synonym the format does
not take ('medium' for 'moderate'), a chapter written as a number ('7' for 'vii'), a
scalar where a mapping belongs ('[2699]' for '[{number: 2699}]'), a key in the wrong
section ('exit_strategy' under risk, which belongs under strategic).

Suggestions only: the format never reads a synonym as a value (that is how meaning
silently changes); it says what to write instead.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

# Words people write for a value the format spells otherwise. A suggestion is made only
# when the value it names is one the field takes.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "medium": ("moderate",),
    "med": ("moderate",),
    "mid": ("moderate",),
    "average": ("moderate",),
    "minimal": ("low",),
    "negligible": ("low",),
    "critical": ("extreme", "catastrophic"),
    "very-high": ("extreme",),
    "high": ("severe",),
    "extreme": ("catastrophic",),
    "worsening": ("deteriorating",),
    "declining": ("deteriorating",),
    "escalating": ("deteriorating",),
    "steady": ("stable",),
    "static": ("stable",),
    "unchanged": ("stable",),
    "sufficient": ("adequate",),
    "insufficient": ("inadequate",),
    "limited": ("partial", "some"),
    "positive": ("advances", "strengthens"),
    "negative": ("harms", "strains"),
    "improves": ("advances", "strengthens"),
    "benefits": ("advances",),
    "damages": ("harms", "strains"),
    "weakens": ("harms", "strains"),
    "granted": ("given",),
    "obtained": ("given",),
    "yes": ("given",),
    "refused": ("none",),
    "denied": ("none",),
    "weak": ("some",),
    "unanimous": ("strong",),
    "full": ("strong", "adequate"),
    "in-place": ("signed",),
    "agreed": ("signed",),
}
_ROMAN = {1: "i", 2: "ii", 3: "iii", 4: "iv", 5: "v", 6: "vi", 7: "vii", 8: "viii", 9: "ix"}
_NUMBER = re.compile(r"^(?:chapter[\s_-]*)?(\d{1,2}|[ivx]{1,5})$")


def value_hint(found: Any, values: list[str]) -> str:
    """'did you mean ...' for an enumeration value: a near spelling, a synonym, or a
    chapter written as a number ('' when nothing fits)."""
    if isinstance(found, bool):
        return ""
    roman = _roman(found)
    if roman in values:
        return f"; write '{roman}' (chapters are written in Roman numerals)"
    if not isinstance(found, str):
        return ""
    key = found.strip().lower().replace("_", "-").replace(" ", "-")
    for word in SYNONYMS.get(key, ()):
        if word in values:
            return f"; did you mean '{word}'?"
    close = difflib.get_close_matches(key, values, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _roman(found: Any) -> str | None:
    if isinstance(found, int):
        return _ROMAN.get(found)
    m = _NUMBER.match(found.strip().lower()) if isinstance(found, str) else None
    if m is None:
        return None
    said = m.group(1)
    return _ROMAN.get(int(said)) if said.isdigit() else said


def mapping_hint(model: type[BaseModel] | None, found: Any) -> str:
    """For a scalar where a mapping belongs: how to write it as one, by the model's one
    required field ('write {number: 2699}')."""
    if model is None or isinstance(found, dict | list) or found is None:
        return ""
    required = [k for k, f in model.model_fields.items() if f.is_required()]
    if len(required) != 1 or not _fits(model, required[0], found):
        return ""
    return f"; write {{{required[0]}: {found}}}"


def _fits(model: type[BaseModel], name: str, found: Any) -> bool:
    """Whether the value would do for that field (a number for a resolution's number, a
    kind of alternative for its type): a suggestion that would fail again is no help."""
    from pydantic import TypeAdapter, ValidationError

    info = model.model_fields[name]
    try:
        kind: Any = typing.Annotated[info.annotation, *info.metadata]
        TypeAdapter(kind).validate_python(found)
    except (ValidationError, TypeError):
        return False
    return not isinstance(found, bool)


def _models(tp: Any) -> Iterator[tuple[type[BaseModel], bool]]:
    """(model, inside a list) for each model class inside an annotation."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        yield from _models(typing.get_args(tp)[0])
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            yield from _models(arg)
    elif origin is list:
        yield from ((m, True) for m, _ in _models(typing.get_args(tp)[0]))
    elif isinstance(tp, type) and issubclass(tp, BaseModel):
        yield tp, False


@cache
def key_index(root: type[BaseModel]) -> dict[str, tuple[str, ...]]:
    """Every key of the format (at any depth) -> the dotted paths where it belongs."""
    out: dict[str, list[str]] = {}

    def walk(model: type[BaseModel], prefix: str, depth: int) -> None:
        for name, info in model.model_fields.items():
            path = f"{prefix}{name}"
            out.setdefault(name, []).append(path)
            for sub, listed in _models(info.annotation) if depth < 8 else ():
                walk(sub, f"{path}{'[]' if listed else ''}.", depth + 1)

    walk(root, "", 0)
    return {k: tuple(v) for k, v in out.items()}


def elsewhere(root: type[BaseModel], key: str) -> str:
    """'; did you mean strategic.exit_strategy?' for a key that belongs in another section:
    the same key, or else a near spelling of one, anywhere in the format (not when it
    belongs in more than three places, as 'date' does)."""
    index = key_index(root)
    paths = index.get(key, ())
    if not paths:
        close = difflib.get_close_matches(key, list(index), n=1, cutoff=0.8)
        paths = index[close[0]] if close else ()
    if not paths or len(paths) > 3:
        return ""
    return f"; did you mean {' or '.join(paths)}?"
