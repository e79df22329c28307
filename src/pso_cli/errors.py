"""Errors that carry a location, so every failure can be printed as path:line:col."""

from __future__ import annotations

from dataclasses import dataclass

from pso_cli.exitcodes import ExitCode


@dataclass(frozen=True, slots=True)
class Location:
    """A 1-based position in a file; `field` is the model path when one applies."""

    path: str
    line: int = 1
    column: int = 1
    field: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in an input file."""

    location: Location
    message: str
    code: str = "invalid"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class PsoError(Exception):
    """Base class; `exit_code` tells the CLI how to end."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems

    @classmethod
    def at(cls, path: str, line: int, column: int, message: str, code: str) -> PsoError:
        return cls([Problem(Location(path, line, column), message, code)])


class InputError(PsoError):
    """An input file is unreadable or invalid (exit 3)."""

    exit_code = ExitCode.INVALID_INPUT


class ConfigError(PsoError):
    """A profile, configuration file or rule pack is wrong (exit 4)."""

    exit_code = ExitCode.CONFIG


class OutputError(PsoError):
    """An output file could not be written: a full disk, an I/O error (exit 74)."""

    exit_code = ExitCode.IO_ERROR
