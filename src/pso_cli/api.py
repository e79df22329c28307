"""The façade a notebook or another program calls: data in, data out, no printing."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from pso_cli.errors import InputError, Problem
from pso_cli.loading.inputs import STDIN, expand
from pso_cli.loading.load import Loaded, load_proposal, proposal_from_bytes
from pso_cli.loading.reader import DEFAULT_MAX_BYTES

__all__ = ["Loaded", "ValidationResult", "load_input", "load_proposal", "validate_paths"]


@dataclass(frozen=True, slots=True)
class ValidationResult:
    path: str
    problems: tuple[Problem, ...]
    loaded: Loaded | None = None


def read_stdin(max_bytes: int, name: str) -> bytes:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError.at(name, 1, 1, f"input over the {max_bytes}-byte limit", "too-large")
    return data


def load_input(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin_filename: str = "<stdin>"
) -> Loaded:
    """Load a path, or standard input for '-'."""
    if path == STDIN:
        return proposal_from_bytes(read_stdin(max_bytes, stdin_filename), stdin_filename)
    return load_proposal(path, max_bytes)


def validate_one(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin_filename: str = "<stdin>"
) -> ValidationResult:
    name = stdin_filename if path == STDIN else path
    try:
        loaded = load_input(path, max_bytes, stdin_filename)
    except InputError as exc:
        return ValidationResult(name, tuple(exc.problems))
    return ValidationResult(name, (), loaded)


def validate_paths(
    paths: Sequence[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin_filename: str = "<stdin>",
    exclude: Sequence[str] = (),
) -> list[ValidationResult]:
    """Validate every file named by `paths` (expanded as the CLI does)."""
    files = expand(paths, exclude)
    if not files:
        raise InputError.at(", ".join(paths) or ".", 1, 1, "no proposal files found", "no-input")
    return [validate_one(p, max_bytes, stdin_filename) for p in files]
