"""Turn pydantic validation errors into located, readable problems.

Wording aims at a policy officer: what field, what was found, what was expected, and a
"did you mean" when a near spelling exists.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterator
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError

from pso_cli.errors import Location, Problem
from pso_cli.loading.source_map import SourceMap
from pso_cli.model.located import FieldError, Path
from pso_cli.model.paths import format_dotted
from pso_cli.model.suggest import elsewhere, mapping_hint, value_hint


def _unwrap(tp: Any) -> Iterator[Any]:
    """Yield the concrete classes inside Annotated / Optional / list / Literal."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        yield from _unwrap(typing.get_args(tp)[0])
    elif origin in (typing.Union, types.UnionType, list, tuple):
        for arg in typing.get_args(tp):
            yield from _unwrap(arg)
    elif isinstance(tp, type):
        yield tp


def model_at(root: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class that holds the fields at `loc` (list indexes skipped)."""
    current: type[BaseModel] | None = root
    for seg in loc:
        if isinstance(seg, int) or current is None:
            continue
        info = current.model_fields.get(seg)
        if info is None:
            return None
        current = next((t for t in _unwrap(info.annotation) if issubclass(t, BaseModel)), None)
    return current


def enum_at(root: type[BaseModel], loc: tuple[int | str, ...]) -> type[Enum] | None:
    parent = model_at(root, loc[:-1]) if loc and isinstance(loc[-1], str) else None
    if parent is None or not isinstance(loc[-1], str):
        return None
    info = parent.model_fields.get(loc[-1])
    if info is None:
        return None
    return next((t for t in _unwrap(info.annotation) if issubclass(t, Enum)), None)


def _short(value: Any) -> str:
    """The value as the file spells it (true, not True), quoted if text, cut at 60."""
    text = str(value).lower() if isinstance(value, bool) or value is None else repr(value)
    if value is None:
        text = "null"
    return text if len(text) <= 60 else text[:57] + "..."


def _suggest(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word.lower(), options, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


_PLAIN = {
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "date_type": "expected a date written YYYY-MM-DD, e.g. 2003-07-24",
    "date_parsing": "expected a date written YYYY-MM-DD, e.g. 2003-07-24",
    "date_from_datetime_parsing": "expected a date written YYYY-MM-DD, e.g. 2003-07-24",
    "date_from_datetime_inexact": "expected a date without a time of day (YYYY-MM-DD)",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "finite_number": "expected a finite number",
    "model_type": "expected a mapping of fields (indented 'key: value' lines)",
    "dict_type": "expected a mapping of fields (indented 'key: value' lines)",
    "model_attributes_type": "expected a mapping of fields (indented 'key: value' lines)",
    "list_type": "expected a list: [A, B] or one '- item' per line",
    "string_type": "expected text",
}


_BOUNDS = {
    "less_than_equal": ("at most", "le"),
    "less_than": ("less than", "lt"),
    "greater_than_equal": ("at least", "ge"),
    "greater_than": ("more than", "gt"),
}
_EMPTY = "expected text, not an empty value"


def _plain_words(kind: str, found: Any, detail: str, pattern: object = None) -> str | None:
    """pydantic's wording replaced by what an officer can act on."""
    separated = isinstance(found, str) and any(c in found for c in ",_ ")
    if kind in ("int_parsing", "int_type") and separated:
        return "write whole numbers without separators, e.g. 1200"
    if kind.startswith("date") and "outside expected range" in detail:
        return "no such date on the calendar"
    if kind == "string_too_short":
        return _EMPTY
    if kind == "string_pattern_mismatch" and "a-z0-9-" in str(pattern):
        return "expected lower-case letters, digits and hyphens, 2 to 48 of them, e.g. ramsi-2003"
    return _PLAIN.get(kind)


_MAPPING = ("model_type", "dict_type", "model_attributes_type")


def _shape_hint(root: type[BaseModel], kind: str, loc: tuple[Any, ...], found: Any) -> str:
    """How to write a scalar where a mapping, or a list of mappings, belongs."""
    if kind in _MAPPING:
        return mapping_hint(model_at(root, loc), found)
    if kind == "list_type" and (hint := mapping_hint(model_at(root, loc), found)):
        return hint.replace("write {", "write [{").replace("}", "}]", 1)
    return ""


def _unknown_key(root: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """A near spelling in the same section; else where the key belongs in the format;
    else the keys the section takes."""
    model = model_at(root, loc[:-1])
    allowed = sorted(model.model_fields) if model else []
    key = str(loc[-1])
    hint = _suggest(key, allowed) or elsewhere(root, key)
    return f"unknown key '{key}'" + (hint or f"; allowed keys: {', '.join(allowed)}")


def _message(root: type[BaseModel], err: Any, where: str) -> str:
    kind = err["type"]
    loc = tuple(err["loc"])
    if kind == "missing":
        return f"missing required field '{loc[-1]}'" + (f" in {where}" if where else "")
    if kind == "extra_forbidden":
        return _unknown_key(root, loc)
    # pydantic before 2.6 checks an enum field's type first: a number there is a
    # string_type error, which must read the same as any other value outside the enum.
    enum = enum_at(root, loc) if kind in ("enum", "string_type") else None
    if kind == "enum" or enum is not None:
        values = [str(m.value) for m in enum] if enum else []
        found = err.get("input")
        hint = value_hint(found, values)
        return f"{where}: unknown value {_short(found)}; expected one of: {', '.join(values)}{hint}"
    detail = str((err.get("ctx") or {}).get("error", ""))
    if kind == "value_error" and detail:
        return f"{where}: {detail}"
    ctx = err.get("ctx") or {}
    if kind == "string_too_long" and "max_length" in ctx:
        limit = ctx["max_length"]
        return f"{where}: text longer than {limit} characters (found {_short(err.get('input'))})"
    bound = _BOUNDS.get(kind)
    if bound is not None and bound[1] in ctx:
        return f"{where}: expected {bound[0]} {ctx[bound[1]]} (found {_short(err.get('input'))})"
    plain = _plain_words(kind, err.get("input"), detail, ctx.get("pattern"))
    if plain is not None:
        plain += ", or the word none" if err.get("or_none") else ""
        hint = _shape_hint(root, kind, loc, err.get("input"))
        return f"{where}: {plain} (found {_short(err.get('input'))}){hint}"
    if kind == "literal_error" and loc == ("pso_format",):
        return (
            f"pso_format: unsupported format version {_short(err.get('input'))}; "
            "expected 2 (or 1, which is still read)"
        )
    return f"{where}: {err['msg']} (found {_short(err.get('input'))})"


MAX_PROBLEMS = 50  # per file: past that, one line says how many more there are


def _place(err: Any, smap: SourceMap) -> tuple[int, int]:
    loc = tuple(err["loc"])
    if err["type"] == "extra_forbidden":
        return smap.key(loc)
    if err["type"] == "missing" and loc[:-1]:
        return smap.key(loc[:-1])  # the section's own line, where the field belongs
    return smap.value(loc)


_TYPE_TAG = re.compile(r"^(?:[A-Z]\w*|[a-z-]+\[.*\]|str|int|float|bool|list|dict|date)$")


def _untagged(
    root: type[BaseModel], loc: tuple[Any, ...], key_last: bool = False
) -> tuple[tuple[Any, ...], str]:
    """The location without the tags pydantic puts in it for each member of a union
    ('RegionalArrangement', "literal['none']"), and the last such tag ('' if none). A
    tag is never a field of the model it stands in, and is spelt as a type (`key_last`:
    the last segment is a key the file wrote, whatever its spelling)."""
    out: list[Any] = []
    tag = ""
    for i, seg in enumerate(loc):
        if key_last and i == len(loc) - 1:
            out.append(seg)
            continue
        model = model_at(root, tuple(out)) if isinstance(seg, str) else None
        known = model is not None and seg in model.model_fields
        if isinstance(seg, str) and not known and _TYPE_TAG.match(seg):
            tag = seg
            continue
        out.append(seg)
    return tuple(out), tag


def without_union_tags(root: type[BaseModel], errors: list[Any]) -> list[Any]:
    """Errors as the file's author sees them: a field that takes a section or the word
    `none` (a treaty, self-defence, a regional arrangement) reports what is wrong in the
    section written, not also that it is not the word `none`; where neither fits, one
    error says that either would do."""
    cleaned = []
    for err in errors:
        loc, tag = _untagged(root, tuple(err["loc"]), err["type"] == "extra_forbidden")
        cleaned.append({**err, "loc": loc, "union_tag": tag})
    out = []
    for err in cleaned:
        if not err["union_tag"].startswith("literal["):
            out.append(err)
            continue
        others = [e for e in cleaned if e is not err and e["loc"][: len(err["loc"])] == err["loc"]]
        if not others:
            out.append(err)
        for other in others:
            if other["loc"] == err["loc"] and other["type"] in _MAPPING:
                other["or_none"] = True
    return out


def _field_error(err: Any, smap: SourceMap) -> Any:
    """A cross-field error (model.located.FieldError) placed at the field it is about, the
    fields it names given with their lines."""
    raised = (err.get("ctx") or {}).get("error")
    if err["type"] != "value_error" or not isinstance(raised, FieldError):
        return err
    loc = tuple(err["loc"])

    def name(ref: Path) -> str:
        return f"{format_dotted(loc + ref)} (line {smap.value(loc + ref)[0]})"

    return {**err, "loc": loc + raised.at, "ctx": {"error": raised.render(name)}}


def problems_from(exc: ValidationError, smap: SourceMap, root: type[BaseModel]) -> list[Problem]:
    """Every validation error as a located Problem, in file order: the first MAX_PROBLEMS,
    then one saying how many more (a file of 99,000 unknown keys took 80 s to report)."""
    errors = [
        _field_error(e, smap) for e in without_union_tags(root, exc.errors(include_url=False))
    ]
    placed = sorted(
        ((*_place(err, smap), i, err) for i, err in enumerate(errors)), key=lambda t: t[:3]
    )
    out = []
    for line, col, _, err in placed[:MAX_PROBLEMS]:
        loc = tuple(err["loc"])
        where = format_dotted(loc if err["type"] != "missing" else loc[:-1])
        field = format_dotted(loc)
        out.append(
            Problem(Location(smap.path, line, col, field), _message(root, err, where), err["type"])
        )
    out.sort(key=lambda p: (p.location.line, p.location.column, p.message))
    if len(placed) > MAX_PROBLEMS:
        line, col, _, _ = placed[MAX_PROBLEMS]
        more = len(placed) - MAX_PROBLEMS
        message = f"and {more} more problems in this file, not listed (fix the ones above first)"
        out.append(Problem(Location(smap.path, line, col), message, "too-many-problems"))
    return out
