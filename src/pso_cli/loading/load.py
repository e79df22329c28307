"""load → validate: bytes on disk to a Proposal and its SourceMap, or located problems."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from pso_cli.errors import InputError, Location, Problem
from pso_cli.loading.reader import DEFAULT_MAX_BYTES, decode, read_bytes
from pso_cli.loading.source_map import SourceMap
from pso_cli.loading.yaml_source import parse_yaml
from pso_cli.model.diagnostics import problems_from
from pso_cli.model.proposal import Proposal


@dataclass(frozen=True, slots=True)
class Loaded:
    """A valid proposal with what is needed to locate and audit it."""

    path: str
    sha256: str
    proposal: Proposal
    source_map: SourceMap


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
    try:
        proposal = Proposal.model_validate(value)
    except ValidationError as exc:
        raise InputError(problems_from(exc, smap, Proposal)) from None
    except RecursionError:
        raise InputError(
            [Problem(Location(path), "structure too deep to validate", "depth")]
        ) from None
    return Loaded(path, hashlib.sha256(data).hexdigest(), proposal, smap)


def load_proposal(path: str, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None) -> Loaded:
    """Read, parse and validate one proposal file, reported as `name` (default: path)."""
    shown = path if name is None else name
    return proposal_from_bytes(read_bytes(path, max_bytes, shown), shown)


def validate_document(data: bytes, path: str) -> str:
    """Validate any pso document by its format key; return its kind."""
    from pso_cli.criteria.profile import ProfileFile
    from pso_cli.model.commitments import Commitments

    value, smap = parse_mapping(data, path)
    kind = other_kind(value)
    if kind is None:
        _proposal(value, smap, data, path)
        return "proposal"
    model = Commitments if kind == "commitments_format" else ProfileFile
    try:
        model.model_validate(value)
    except ValidationError as exc:
        raise InputError(problems_from(exc, smap, model)) from None
    return kind.removesuffix("_format")
