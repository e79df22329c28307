"""The base of the proposal's enumerations: which spellings of a value pso accepts.

A value is matched case-insensitively, with '_' and spaces read as '-' and surrounding
whitespace dropped, against the canonical spellings and the listed aliases. Nothing
else is guessed. `key()` is that reading and `spellings()` what it may arrive at; the
JSON Schema's patterns (model/enum_schema.py) are generated from the same two.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

SEPARATORS = ("_", " ")  # each read as "-"


class Choice(StrEnum):
    """Base for proposal enumerations; `_aliases` (set after the class) maps extra
    spellings to members."""

    @staticmethod
    def key(value: str) -> str:
        """A spelling as it is looked up: stripped, lower case, separators as '-'."""
        key = value.strip().lower()
        for separator in SEPARATORS:
            key = key.replace(separator, "-")
        return key

    @classmethod
    def spellings(cls) -> dict[str, str]:
        """Every key() that names a member (the canonical values and the aliases), and
        the member's value it names."""
        return {m.value: m.value for m in cls} | getattr(cls, "_aliases", {})

    @classmethod
    def normalise(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        # Not a spelling of any member: hand back what the file says, so the error
        # quotes it as written ('TBD', not 'tbd').
        return cls.spellings().get(cls.key(value), value)

    @classmethod
    def normaliser(cls) -> Callable[[Any], Any]:
        """`normalise` as a validator, with a fast path for the usual case: a value
        written exactly as a canonical spelling or an alias is answered by one dict
        lookup; anything else takes `normalise`, so results and errors are the same."""
        exact = cls.spellings()
        slow = cls.normalise

        def normalise(value: Any) -> Any:
            try:
                return exact[value]
            except (KeyError, TypeError):  # another spelling, or not a str (unhashable)
                return slow(value)

        return normalise
