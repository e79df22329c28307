"""`pso schema`: valid draft 2020-12 schemas that every bundled document satisfies."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
PROPOSALS = sorted(
    list((REPO / "examples").glob("*.yaml"))
    + list((REPO / "examples/history").glob("*.yaml"))
    + [REPO / "tests/rules/base.yaml"]
)


def isoformat_dates(value: Any) -> Any:
    """yaml.safe_load gives dates; the schema (like JSON) wants ISO strings."""
    if isinstance(value, dict):
        return {str(k): isoformat_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [isoformat_dates(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def load(path: Path) -> Any:
    return isoformat_dates(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def proposal_schema() -> dict[str, Any]:
    from pso_cli.model.schema import proposal_schema

    return proposal_schema()


def run_schema(pso: Any, *args: str) -> dict[str, Any]:
    r = pso("schema", *args)
    assert r.exit_code == 0, r.stderr
    doc: dict[str, Any] = json.loads(r.stdout)
    return doc


@pytest.mark.parametrize("args", [(), ("--commitments",), ("--report",)])
def test_schema_is_valid_draft_2020_12(pso: Any, args: tuple[str, ...]) -> None:
    doc = run_schema(pso, *args)
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(doc)


def test_cli_schema_is_the_model_schema(pso: Any, proposal_schema: dict[str, Any]) -> None:
    doc = run_schema(pso)
    assert doc == proposal_schema
    assert doc["$id"] == "urn:pso:proposal:v1"
    assert set(doc["required"]) == {"pso_format", "identity"}
    assert doc["additionalProperties"] is False


def test_schema_output_is_stable(pso: Any) -> None:
    assert pso("schema").stdout == pso("schema").stdout


@pytest.mark.parametrize("path", PROPOSALS, ids=lambda p: str(p.relative_to(REPO)))
def test_bundled_proposals_validate_against_the_schema(
    path: Path, proposal_schema: dict[str, Any]
) -> None:
    validator = jsonschema.Draft202012Validator(proposal_schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(load(path))]
    assert errors == []


def test_commitments_example_validates_against_its_schema(pso: Any) -> None:
    schema = run_schema(pso, "--commitments")
    example = load(REPO / "examples/commitments/nz-2016.yaml")
    jsonschema.Draft202012Validator(schema).validate(example)


def test_schema_rejects_what_the_loader_rejects(proposal_schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(proposal_schema)
    base = load(REPO / "tests/rules/base.yaml")
    for bad in (
        {**base, "leadershp": {}},
        {**base, "pso_format": 3},  # format 2 is the current one
        {k: v for k, v in base.items() if k != "identity"},
        {**base, "identity": {**base["identity"], "id": "Not An Id"}},
    ):
        assert not validator.is_valid(bad)


def test_schema_documents_enum_values(proposal_schema: dict[str, Any]) -> None:
    text = json.dumps(proposal_schema)
    assert "un-led" in text
    assert "regional-organisation" in text


def test_report_schema_describes_assess_json(pso: Any, tmp_path: Path) -> None:
    schema = run_schema(pso, "--report")
    r = pso(
        "assess",
        str(REPO / "examples/ramsi-2003.yaml"),
        str(REPO / "tests/fixtures/invalid/empty.yaml"),
        "--format",
        "json",
        "--as-of",
        "2026-11-28",
        "--no-config",
    )
    assert r.exit_code == 3
    jsonschema.Draft202012Validator(schema).validate(json.loads(r.stdout))
