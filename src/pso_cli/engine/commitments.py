"""Load the commitments file (current deployments) with located errors (exit 4)."""

from __future__ import annotations

from pydantic import ValidationError

from pso_cli.errors import ConfigError, InputError
from pso_cli.loading.load import parse_mapping
from pso_cli.loading.reader import read_bytes
from pso_cli.model.commitments import Commitments, Deployment
from pso_cli.model.diagnostics import problems_from


def load_commitments(path: str) -> tuple[Deployment, ...]:
    try:
        value, smap = parse_mapping(read_bytes(path), path)
    except InputError as exc:
        raise ConfigError(exc.problems) from None
    try:
        doc = Commitments.model_validate(value)
    except ValidationError as exc:
        raise ConfigError(problems_from(exc, smap, Commitments)) from None
    return tuple(doc.deployments)
