"""Safe YAML loading that records where every value came from.

Built on parser events rather than PyYAML's constructor so that the loader, not
PyYAML, decides what a scalar means (YAML 1.2 core schema: `no` stays a string),
rejects duplicate keys naming both lines, refuses anchors/aliases, merge keys and
unknown tags, and bounds nesting depth and node count without recursion.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from pso_cli.errors import InputError, Location, Problem
from pso_cli.loading.source_map import SourceMap
from pso_cli.model.paths import FieldPath, format_dotted

try:
    from yaml import CSafeLoader as _Loader

    HAS_LIBYAML = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    HAS_LIBYAML = False

MAX_DEPTH = 64
MAX_NODES = 200_000
# Items in any one list. A proposal's longest real lists (sources, review dates) hold
# tens; 20,000 alternatives in a 1.6 MB file took minutes to report as text. Every list a
# rule or report walks is then bounded, so work per file stays linear and small.
MAX_LIST_ITEMS = 500
MAX_MAP_KEYS = 500  # keys in any one mapping (a proposal's have at most a dozen or so)
MAX_NUMBER_DIGITS = 60

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    None,
    "!",
    _CORE + "str",
    _CORE + "int",
    _CORE + "float",
    _CORE + "bool",
    _CORE + "null",
    _CORE + "map",
    _CORE + "seq",
}
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = {
    ".inf": math.inf,
    ".Inf": math.inf,
    ".INF": math.inf,
    "+.inf": math.inf,
    "+.Inf": math.inf,
    "+.INF": math.inf,
    "-.inf": -math.inf,
    "-.Inf": -math.inf,
    "-.INF": -math.inf,
    ".nan": math.nan,
    ".NaN": math.nan,
    ".NAN": math.nan,
}


@dataclass(slots=True)
class _Frame:
    """An open mapping or sequence while events stream in."""

    path: FieldPath
    container: Any
    is_map: bool
    pending_key: str | None = None
    key_pos: tuple[int, int] | None = None
    seen: dict[str, int] = field(default_factory=dict)


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


# Characters a value may not hold, even when written as a YAML escape ("\e", "\x07"):
# C0 and C1 controls other than tab and line feed, and the bidirectional overrides. In a
# terminal they would move the cursor, retitle the window or reorder what is shown.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def control_character(text: str) -> str | None:
    """The first control character in `text`, if any (printable text is not searched)."""
    if text.isprintable():
        return None
    found = _CONTROL.search(text)
    return found.group() if found else None


def invisible_only(text: str) -> str | None:
    """The first invisible character of a value that holds nothing else (zero-width
    spaces and joiners, word joiners, BOMs, with or without spaces): it reads as empty
    but would count as an answer. None for any other text."""
    if text.isprintable():  # printable text holds no format (Cf) character
        return None
    first = None
    for char in text:
        if unicodedata.category(char) == "Cf":
            first = first or char
        elif not char.isspace():
            return None
    return first


# A plain scalar starting with any other character can only be a string.
_MAY_RESOLVE = frozenset("~nNtTfF0123456789+-.")


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema for an untagged plain scalar."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[text]
    if _INT.fullmatch(text):
        if len(text) > MAX_NUMBER_DIGITS:
            raise ValueError(f"number has more than {MAX_NUMBER_DIGITS} digits")
        return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
    if _FLOAT.fullmatch(text):
        if len(text) > MAX_NUMBER_DIGITS:
            raise ValueError(f"number has more than {MAX_NUMBER_DIGITS} characters")
        return float(text)
    return text


_TAG_TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int,
    "float": (int, float),
    "bool": bool,
    "null": type(None),
}


def _tagged(text: str, tag: str) -> Any:
    kind = tag[len(_CORE) :] if tag.startswith(_CORE) else "str"
    if kind == "str" or tag == "!":
        return text
    expected = _TAG_TYPES.get(kind)
    if expected is None:  # !!map or !!seq on a single value
        raise ValueError(f"a !!{kind} tag on the single value '{text}'")
    value = resolve_plain(text)
    if not isinstance(value, expected) or (kind == "int" and isinstance(value, bool)):
        raise ValueError(f"'{text}' is not a valid !!{kind}")
    return float(value) if kind == "float" and isinstance(value, int | float) else value


class _Builder:
    """Turns a stream of parser events into Python data plus a SourceMap."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.smap = SourceMap(path)
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.nodes = 0

    def fail(self, mark: Any, message: str, code: str) -> InputError:
        line, col = _pos(mark) if mark is not None else (1, 1)
        return InputError([Problem(Location(self.path, line, col), message, code)])

    def check_node(self, event: Any) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(event.start_mark, f"more than {MAX_NODES} YAML nodes", "too-large")
        tag = getattr(event, "tag", None)
        if tag not in _ALLOWED_TAGS:
            raise self.fail(
                event.start_mark,
                f"unsupported YAML tag '{tag}': proposals may use plain data only",
                "unsafe-tag",
            )

    def add_value(self, value: Any, event: Any, is_container: bool) -> FieldPath | None:
        """Place a value in the enclosing container; return its path if it is a key."""
        pos = _pos(event.start_mark)
        if not self.stack:
            if isinstance(value, str):
                self._check_text(value, event)
            self.root = value
            self.smap.add((), pos)
            return ()
        top = self.stack[-1]
        if top.is_map and top.pending_key is None:
            if is_container:
                raise self.fail(event.start_mark, "a mapping key must be a plain scalar", "bad-key")
            self._take_key(top, value, event)
            return None
        if isinstance(value, str):
            self._check_text(value, event)
        if not top.is_map:
            self._check_length(top, event)
            path = (*top.path, len(top.container))
            top.container.append(value)
            self.smap.add(path, pos)
            return path
        key = top.pending_key
        assert key is not None  # a key was taken above, or this is a list
        path = (*top.path, key)
        top.container[key] = value
        self.smap.add(path, pos, top.key_pos)
        top.pending_key = None
        return path

    def _take_key(self, top: _Frame, value: Any, event: Any) -> None:
        key = event.value if isinstance(event, yaml.ScalarEvent) else str(value)
        line, col = _pos(event.start_mark)
        if key == "<<" and event.implicit[0]:
            raise self.fail(event.start_mark, "YAML merge keys ('<<') are not supported", "merge")
        if not key.isprintable():
            bad = next(c for c in key if not c.isprintable())
            raise self.fail(
                event.start_mark,
                f"key {key!r} contains the invisible or control character U+{ord(bad):04X}",
                "bad-key",
            )
        if len(top.seen) >= MAX_MAP_KEYS:
            where = format_dotted(top.path) or "the document"
            raise self.fail(
                event.start_mark,
                f"mapping '{where}' has more than {MAX_MAP_KEYS} keys",
                "too-large",
            )
        if key in top.seen:
            where = format_dotted((*top.path, key))
            raise self.fail(
                event.start_mark,
                f"duplicate key '{where}' (first defined at line {top.seen[key]}); "
                "YAML would silently keep only the last one",
                "duplicate-key",
            )
        top.seen[key] = line
        top.pending_key = key
        top.key_pos = (line, col)

    def scalar(self, event: Any) -> None:
        self.check_node(event)
        try:
            if event.tag not in (None, "!") and event.tag.startswith(_CORE):
                value = _tagged(event.value, event.tag)
            elif event.implicit[0] and event.tag is None:
                value = resolve_plain(event.value)
            else:
                value = event.value
        except ValueError as exc:
            raise self.fail(event.start_mark, str(exc), "bad-scalar") from None
        self.add_value(value, event, False)

    def start(self, event: Any, container: Any) -> None:
        self.check_node(event)
        kind = "map" if isinstance(container, dict) else "seq"
        if event.tag not in (None, "!", _CORE + kind):
            shape = "a mapping" if kind == "map" else "a list"
            raise self.fail(
                event.start_mark,
                f"YAML tag '{event.tag.replace(_CORE, '!!')}' does not fit {shape}",
                "unsafe-tag",
            )
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels", "depth")
        path = self.add_value(container, event, True)
        assert path is not None
        self.stack.append(_Frame(path, container, isinstance(container, dict)))

    def run(self, next_event: Callable[[], Any]) -> None:  # noqa: C901 - the hot loop, inlined
        """Pull every event from the parser until the stream ends.

        Untagged scalars and collections inside the root, nearly every event of a
        proposal, take this inlined path: a method call per event would double the cost
        of building. Everything else (document and stream events, tags, aliases, the
        root, odd keys, the limits) goes through `feed` or `_key`, which give the same
        data and raise the located errors; tests check both paths agree.
        """
        stack = self.stack
        values = self.smap._values
        keys = self.smap._keys
        scalar_t, map_t, seq_t = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        may_resolve = _MAY_RESOLVE
        top: _Frame | None = None
        while True:
            ev = next_event()
            kind = type(ev)
            if kind in ends:
                stack.pop()
                top = stack[-1] if stack else None
                continue
            is_node = kind is scalar_t or kind is map_t or kind is seq_t
            if top is None or not is_node or ev.tag is not None or self.nodes >= MAX_NODES:
                self.feed(ev)
                if kind is yaml.StreamEndEvent:
                    return
                top = stack[-1] if stack else None
                continue
            self.nodes += 1
            mark: Any = ev.start_mark
            if kind is not scalar_t and len(stack) >= MAX_DEPTH:
                raise self.fail(mark, f"nesting deeper than {MAX_DEPTH} levels", "depth")
            if top.is_map:
                key = top.pending_key
                if key is None:
                    key = ev.value if kind is scalar_t else None
                    if (  # refused with its reason in `_key`, or a plain key after all
                        key is None
                        or len(key) > MAX_NUMBER_DIGITS
                        or key == "<<"
                        or key in top.seen
                        or not key.isprintable()
                        or len(top.seen) >= MAX_MAP_KEYS
                    ):
                        self._key(top, ev)
                    else:
                        top.seen[key] = mark.line + 1
                        top.pending_key = key
                        top.key_pos = (mark.line + 1, mark.column + 1)
                    continue
                path: FieldPath = (*top.path, key)
                keys[path] = top.key_pos  # type: ignore[assignment]
                top.pending_key = None
            else:
                if len(top.container) >= MAX_LIST_ITEMS:
                    self._check_length(top, ev)
                path = (*top.path, len(top.container))
            if kind is scalar_t:
                value = ev.value
                if not value.isprintable():
                    self._check_text(value, ev)
                if ev.implicit[0] and (not value or value[0] in may_resolve):
                    value = self._resolve(ev)
            else:
                value = {} if kind is map_t else []
            if top.is_map:
                top.container[key] = value
            else:
                top.container.append(value)
            values[path] = (mark.line + 1, mark.column + 1)
            if kind is not scalar_t:
                top = _Frame(path, value, kind is map_t)
                stack.append(top)

    def _check_length(self, top: _Frame, event: Any) -> None:
        if len(top.container) >= MAX_LIST_ITEMS:
            where = format_dotted(top.path) or "the document"
            raise self.fail(
                event.start_mark,
                f"list '{where}' has more than {MAX_LIST_ITEMS} items",
                "too-large",
            )

    def _key(self, top: _Frame, event: Any) -> None:
        if type(event) is not yaml.ScalarEvent:
            raise self.fail(event.start_mark, "a mapping key must be a plain scalar", "bad-key")
        if len(event.value) > MAX_NUMBER_DIGITS and event.implicit[0]:
            self._resolve(event)  # an over-long number is refused even as a key
        self._take_key(top, event.value, event)

    def _check_text(self, text: str, event: Any) -> None:
        bad = control_character(text)
        if bad is not None:
            raise self.fail(
                event.start_mark,
                f"the value contains the control character U+{ord(bad):04X}; proposals hold "
                "plain text, so control characters (even written as escapes) are refused",
                "bad-character",
            )
        invisible = invisible_only(text)
        if invisible is not None:
            raise self.fail(
                event.start_mark,
                f"the value holds only invisible characters (U+{ord(invisible):04X}); write "
                "the answer, or leave the field out until it is known",
                "bad-character",
            )

    def _resolve(self, event: Any) -> Any:
        try:
            return resolve_plain(event.value)
        except ValueError as exc:
            raise self.fail(event.start_mark, str(exc), "bad-scalar") from None

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, yaml.MappingStartEvent):
            self.start(event, {})
        elif isinstance(event, yaml.SequenceStartEvent):
            self.start(event, [])
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.stack.pop()
        elif isinstance(event, yaml.AliasEvent):
            raise self.fail(
                event.start_mark,
                "YAML aliases ('*name') are not supported in proposals; write the value out",
                "alias",
            )
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(
                    event.start_mark,
                    "several YAML documents in one file; put one proposal per file",
                    "multi-document",
                )


def _reader_error(exc: yaml.reader.ReaderError, text: str, path: str) -> InputError:
    """A character YAML forbids (a control character, say), located on one line."""
    offset = exc.position
    if HAS_LIBYAML:  # libyaml counts UTF-8 bytes, the pure-Python reader characters
        offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
    before = text[:offset]
    line = before.count("\n") + 1
    col = offset - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    message = f"character U+{char:04X} is not allowed in YAML (control or special character)"
    return InputError([Problem(Location(path, line, col), message, "bad-character")])


_PASTED = {
    "\u00a0": "a non-breaking space (U+00A0, often pasted from a word processor); "
    "replace it with a normal space",
    "\u201c": 'a curly quote (U+201C); use straight quotes (")',
    "\u201d": 'a curly quote (U+201D); use straight quotes (")',
    "\u2018": "a curly quote (U+2018); use straight quotes (')",
    "\u2019": "a curly quote (U+2019); use straight quotes (')",
}


def _likely_cause(text: str, line: int) -> tuple[tuple[int, int], str] | None:
    """Characters pasted from a word processor, or tab indentation, near a syntax error:
    name them and their place rather than the parser's own words."""
    lines = text.split("\n")
    for n in (line, line - 1, line + 1):
        if not 1 <= n <= len(lines):
            continue
        row = lines[n - 1]
        if "\t" in row and not row.lstrip(" \t").startswith("#"):
            return (n, row.index("\t") + 1), "a tab character; YAML indents with spaces only"
        for char, why in _PASTED.items():
            if char in row:
                return (n, row.index(char) + 1), f"line {n} has {why}"
    return None


def parse_yaml(text: str, path: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain data and its source map."""
    builder = _Builder(path)
    try:
        builder.run(_Loader(text).get_event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "YAML syntax error"
        context = f" ({exc.context})" if exc.context else ""
        hint = _likely_cause(text, mark.line + 1 if mark is not None else 1)
        if hint is not None:
            (line, col), why = hint
            message = f"YAML syntax error: {why}"
            raise InputError([Problem(Location(path, line, col), message, "syntax")]) from None
        raise builder.fail(mark, f"YAML syntax error: {problem}{context}", "syntax") from None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, path) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise builder.fail(None, f"YAML error: {message}", "syntax") from None
    except RecursionError:
        raise builder.fail(None, "nesting too deep to parse", "depth") from None
    if builder.documents == 0 or builder.root is None:
        raise builder.fail(None, "file is empty: no YAML document", "empty")
    return builder.root, builder.smap
