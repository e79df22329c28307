"""The JSON Schema of an enumeration, generated from the spellings pso accepts.

An editor validating a proposal against `pso schema` must accept exactly what pso does:
`region: Pacific`, `arrangement: Regional_Organisation`, an alias such as `stabilization`.
JSON Schema's `pattern` has no case-insensitive flag, so each letter becomes a class of
every character that Choice.key() reads as it (`[pP]`, and the Kelvin sign for k), each
'-' a class of '-' and the separators, and the value may be surrounded by whitespace
(what str.strip() drops). The canonical values stay listed in an `enum` beside the
pattern, for completion.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from pso_cli.model.choice import Choice

# Characters outside the Basic Multilingual Plane are left out of the search: none is
# whitespace or lower-cases to one character (tests/model/test_enum_schema.py checks all
# of Unicode), and JSON Schema's and Python's regular expressions spell them differently.
_BMP = range(0x10000)


@cache
def _reads_as(key: Callable[[str], str] = Choice.key) -> dict[str, str]:
    """For each character `key` turns a lone character into, every character that
    becomes it: {'k': 'Kk\u212a', '-': ' -_', ...}. Found by asking `key` itself."""
    out: dict[str, set[str]] = {}
    for code in _BMP:
        if 0xD800 <= code <= 0xDFFF:
            continue
        read = key(f"a{chr(code)}a")[1:-1]
        if len(read) == 1:
            out.setdefault(read, set()).add(chr(code))
    return {k: "".join(sorted(v)) for k, v in out.items()}


@cache
def _space() -> str:
    """Every character str.strip() drops, as a class."""
    return _char_class("".join(chr(c) for c in _BMP if chr(c).isspace()))


def _literal(char: str) -> str:
    """One character in a pattern: itself if a letter or digit, else a \\uXXXX escape,
    which ECMA-262 (with or without the u flag) and Python read alike."""
    return char if char.isascii() and char.isalnum() else f"\\u{ord(char):04x}"


def _char_class(chars: str) -> str:
    return "[" + "".join(_literal(c) for c in chars) + "]"


def _spelling_pattern(spelling: str, key: Callable[[str], str]) -> str:
    reads = _reads_as(key)
    return "".join(_char_class(reads[c]) if c in reads else _literal(c) for c in spelling)


def words_pattern(words: Iterable[str], key: Callable[[str], str]) -> str:
    """A regular expression (ECMA-262 and Python alike) matching every text that `key`
    (which strips surrounding whitespace) reads as one of `words`, and nothing else."""
    body = "|".join(_spelling_pattern(w, key) for w in sorted(words, key=lambda w: (-len(w), w)))
    return f"^{_space()}*(?:{body}){_space()}*$"


def pattern(kind: type[Choice]) -> str:
    """Every spelling of `kind` that pso accepts, and nothing else."""
    return words_pattern(kind.spellings(), Choice.key)


def none_word_schema() -> dict[str, Any]:
    """The word `none` (a stated absence), as model/fields.none_word reads it."""
    from pso_cli.model.fields import NONE, none_key

    return {
        "type": "string",
        "description": "`none`, in any case: stated as absent.",
        "anyOf": [{"const": NONE}, {"pattern": words_pattern([NONE], none_key)}],
    }


def describe(kind: type[Choice]) -> str:
    aliases: dict[str, str] = getattr(kind, "_aliases", {})
    also = "; aliases: " + ", ".join(f"{a} ({v})" for a, v in sorted(aliases.items()))
    return "Any case, with '_' or a space for '-'" + (also if aliases else "") + "."


def schema(kind: type[Choice], title: str) -> dict[str, Any]:
    return {
        "title": title,
        "type": "string",
        "description": describe(kind),
        "anyOf": [{"enum": [m.value for m in kind]}, {"pattern": pattern(kind)}],
    }


def _kinds() -> list[type[Choice]]:
    found: list[type[Choice]] = []
    pending = list(Choice.__subclasses__())
    while pending:
        kind = pending.pop()
        found.append(kind)
        pending.extend(kind.__subclasses__())
    return found


def widen(doc: dict[str, Any]) -> dict[str, Any]:
    """`doc` with each enumeration of a Choice (found in $defs by its name and values)
    replaced by the schema of every spelling pso accepts."""
    by_def = {(k.__name__, tuple(m.value for m in k)): k for k in _kinds()}
    defs: dict[str, Any] = doc.get("$defs", {})
    for name, body in defs.items():
        kind = by_def.get((name, tuple(body.get("enum", ()))))
        if kind is not None:
            defs[name] = schema(kind, body.get("title", name))
    return doc
