"""load → validate: bytes on disk to a Proposal and its SourceMap, or located problems."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from pso_cli.errors import InputError, Location, Problem
from pso_cli.escape import one_line
from pso_cli.loading.inputs import STDIN
from pso_cli.loading.reader import DEFAULT_MAX_BYTES, decode, read_bytes
from pso_cli.loading.source_map import SourceMap
from pso_cli.loading.yaml_source import parse_yaml
from pso_cli.model.diagnostics import problems_from
from pso_cli.model.migrate import is_format_1, notice, upgrade
from pso_cli.model.proposal import FORMAT_VERSION, Proposal


@dataclass(frozen=True, slots=True)
class Loaded:
    """A valid proposal with what is needed to locate and audit it."""

    path: str
    sha256: str
    proposal: Proposal
    source_map: SourceMap
    notices: tuple[str, ...] = ()  # e.g. "format 1 file read as format 2 ..."


_KIND_NAMES = {
    list: "a list",
    str: "a text value",
    int: "a number",
    float: "a number",
    bool: "a true/false value",
}


def parse_mapping(data: bytes, path: str) -> tuple[dict[str, Any], SourceMap]:
    """Bytes to a top-level mapping and its source map."""
    value, smap = parse_yaml(decode(data, path), path)
    if not isinstance(value, dict):
        kind = _KIND_NAMES.get(type(value), "a single value")
        line, column = smap.value(())
        raise InputError(
            [
                Problem(
                    Location(path, line, column),
                    f"top level is {kind}; expected a mapping of fields",
                    "not-mapping",
                )
            ]
        )
    return value, smap


OTHER_KINDS = {
    "commitments_format": "a commitments file (use it with --commitments)",
    "profile_format": "a criteria profile (use it with --profile)",
}


def other_kind(value: dict[str, Any]) -> str | None:
    """The kind of a pso document that is not a proposal, from its format key."""
    if "pso_format" in value:
        return None
    return next((key for key in OTHER_KINDS if key in value), None)


NOT_PSO = (
    "not a pso document: it has no pso_format, commitments_format or profile_format key "
    f"(a proposal starts with `pso_format: {FORMAT_VERSION}`)"
)


def _not_pso(value: dict[str, Any], smap: SourceMap, path: str) -> InputError | None:
    """A mapping with no key of any pso document (no format key, no proposal section) is
    another tool's YAML: one error saying so, not a list of every missing field."""
    if "pso_format" in value or value.keys() & Proposal.model_fields.keys():
        return None
    line, col = smap.key((next(iter(value)),)) if value else (1, 1)
    return InputError([Problem(Location(path, line, col), NOT_PSO, "not-pso")])


def proposal_from_bytes(data: bytes, path: str) -> Loaded:
    value, smap = parse_mapping(data, path)
    return _proposal(value, smap, data, path)


def _proposal(value: dict[str, Any], smap: SourceMap, data: bytes, path: str) -> Loaded:
    kind = other_kind(value)
    if kind is not None:
        line, col = smap.key((kind,))
        raise InputError(
            [
                Problem(
                    Location(path, line, col, kind),
                    f"not a proposal: this is {OTHER_KINDS[kind]}",
                    "not-proposal",
                )
            ]
        )
    foreign = _not_pso(value, smap, path)
    if foreign is not None:
        raise foreign
    notices: tuple[str, ...] = ()
    if is_format_1(value):
        up = upgrade(value)
        value = up.data
        for old, new in up.renames:
            smap.rename(old, new)
        notices = (notice(up, path),)
    try:
        proposal = Proposal.model_validate(value)
    except ValidationError as exc:
        raise InputError(problems_from(exc, smap, Proposal)) from None
    except RecursionError:
        raise InputError(
            [Problem(Location(path), "structure too deep to validate", "depth")]
        ) from None
    return Loaded(path, hashlib.sha256(data).hexdigest(), proposal, smap, notices)


def load_proposal(path: str, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None) -> Loaded:
    """Read, parse and validate one proposal file, reported as `name` (default: path)."""
    shown = path if name is None else name
    return proposal_from_bytes(read_bytes(path, max_bytes, shown), shown)


def validate_document(data: bytes, path: str) -> str:
    """Validate any pso document by its format key; return its kind."""
    return check_document(data, path)[0]


def check_document(data: bytes, path: str) -> tuple[str, Loaded | None]:
    """Validate any pso document by its format key: its kind, and the proposal if it is
    one (for the checks that need more than the format, such as accepted concerns)."""
    from pso_cli.criteria.profile import ProfileFile
    from pso_cli.model.commitments import Commitments

    value, smap = parse_mapping(data, path)
    kind = other_kind(value)
    if kind is None:
        return "proposal", _proposal(value, smap, data, path)
    model = Commitments if kind == "commitments_format" else ProfileFile
    try:
        model.model_validate(value)
    except ValidationError as exc:
        raise InputError(problems_from(exc, smap, model)) from None
    return kind.removesuffix("_format"), None


_STDIN_CHUNK = 1 << 16


def read_stdin(max_bytes: int, name: str) -> bytes:
    """Standard input up to max_bytes, read in chunks: asking for max_bytes + 1 at once
    would allocate that much whatever arrives (--max-bytes 99999999999: MemoryError)."""
    data = bytearray()
    try:
        stream = sys.stdin.buffer
        while len(data) <= max_bytes:
            chunk = stream.read(min(_STDIN_CHUNK, max_bytes + 1 - len(data)))
            if not chunk:
                break
            data += chunk
    except (OSError, ValueError, AttributeError) as exc:
        reason = getattr(exc, "strerror", None) or "it is closed"
        message = f"cannot read standard input: {reason}"
        raise InputError.at(name, 1, 1, message, "unreadable") from None
    if len(data) > max_bytes:
        raise InputError.at(name, 1, 1, f"input over the {max_bytes}-byte limit", "too-large")
    return bytes(data)


def shown_name(path: str, stdin_filename: str = "<stdin>") -> str:
    """The name an input is reported by, in every format: the path as given (or the
    stdin name for '-'), with control characters, line breaks and bytes that are not
    UTF-8 escaped (`\\n`, `\\x1b`, `\\xe9`), so no name can break a line, forge a
    workflow command, drive the terminal or fail an encoder."""
    return one_line(stdin_filename if path == STDIN else path)


def load_input(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin_filename: str = "<stdin>"
) -> Loaded:
    """Load a path, or standard input for '-'; reported under shown_name()."""
    name = shown_name(path, stdin_filename)
    if path == STDIN:
        return proposal_from_bytes(read_stdin(max_bytes, name), name)
    return load_proposal(path, max_bytes, name)
