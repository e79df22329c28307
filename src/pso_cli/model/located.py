"""A cross-field validation error that knows which field it is about.

A model validator sees several fields at once, but pydantic locates what it raises at
the model itself. `FieldError` carries the field it is about (`at`, relative to the
model) and the fields it names (`refs`), so that the diagnostics can place it at that
field's line and column and name the others with theirs ("security_council[0] (line
40)"). Without a source map it reads with the fields' paths alone.
"""

from __future__ import annotations

from collections.abc import Callable

from pso_cli.model.paths import format_dotted

Path = tuple[str | int, ...]

__all__ = ["FieldError", "Path"]


class FieldError(ValueError):
    """`template` names the fields in `refs` as {0}, {1}, ...; `at` is where it belongs."""

    def __init__(self, template: str, at: Path = (), refs: tuple[Path, ...] = ()) -> None:
        self.template = template
        self.at = at
        self.refs = refs
        super().__init__(self.render(lambda path: format_dotted(path)))

    def render(self, name: Callable[[Path], str]) -> str:
        """The message with each field named by `name` (given its path from the model)."""
        return self.template.format(*(name(ref) for ref in self.refs))
