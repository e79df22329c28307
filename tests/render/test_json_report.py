"""JSON/JSONL report: golden file, determinism, schema validity, no path leaks."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO, assess, check_golden

from pso_cli.model.run import RunResult
from pso_cli.model.schema import report_schema
from pso_cli.render import json_report

SCHEMA_FILE = REPO / "src/pso_cli/render/report.schema.json"


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_golden(golden_run: RunResult) -> None:
    check_golden("report.json", json_report.render(golden_run))


def test_golden_jsonl(golden_run: RunResult) -> None:
    text = "".join(json_report.render_line(i, golden_run.info) for i in golden_run.items)
    check_golden("report.jsonl", text)


def test_deterministic(golden_run: RunResult) -> None:
    assert json_report.render(golden_run) == json_report.render(golden_run)
    again = assess(("tests/rules/base.yaml", "tests/render/fixtures/concerns.yaml"))
    assert json_report.render(again) == json_report.render(again)


def test_validates_against_schema(golden_run: RunResult) -> None:
    _validator().validate(json.loads(json_report.render(golden_run)))


def _examples() -> list[str]:
    root = REPO / "examples"
    files = sorted(root.glob("*.yaml")) + sorted((root / "invalid").glob("*.yaml"))
    return [str(p.relative_to(REPO)) for p in files if p.name != "commitments.yaml"]


def test_bundled_examples_validate() -> None:
    examples = _examples()
    if not examples:
        pytest.skip("no bundled examples under examples/")
    doc = json.loads(json_report.render(assess(tuple(examples))))
    _validator().validate(doc)
    assert doc["summary"]["total"] == len(examples)


def test_served_schema_is_the_file() -> None:
    served = report_schema()
    assert served["$id"] == "urn:pso:report:v1"
    assert served == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_shape_and_counts(golden_run: RunResult) -> None:
    doc = json.loads(json_report.render(golden_run))
    assert doc["schema_version"] == json_report.SCHEMA_VERSION == 1
    assert doc["tool"]["name"] == "pso"
    assert [a["status"] for a in doc["assessments"]] == ["assessed", "assessed", "invalid"]
    assert [a["path"] for a in doc["assessments"]] == [i.path for i in golden_run.items]
    assert doc["summary"]["total"] == 3
    assert doc["summary"]["invalid"] == 1
    assert doc["exit_code"] == golden_run.exit_code
    assessed = doc["assessments"][0]
    assert len(assessed["considerations"]) == 4
    assert {"rule", "points"} <= set(assessed["considerations"][0]["contributions"][0])


def test_no_filesystem_leak(golden_run: RunResult) -> None:
    text = json_report.render(golden_run)
    assert str(REPO) not in text
    assert json.loads(text)["profile"]["origin"] == Path(golden_run.info.profile_origin).name


def test_jsonl_one_object_per_line(golden_run: RunResult) -> None:
    for item in golden_run.items:
        line = json_report.render_line(item, golden_run.info)
        assert line.endswith("\n") and line.count("\n") == 1
        obj = json.loads(line)
        assert obj["path"] == item.path
        assert obj["profile"] == golden_run.info.profile_name
        assert obj["tool"]["version"] == golden_run.info.tool_version


def test_timestamp_only_when_set(golden_run: RunResult) -> None:
    import dataclasses

    assert json.loads(json_report.render(golden_run))["timestamp"] is None
    info = dataclasses.replace(golden_run.info, timestamp="2030-06-01T00:00:00Z")
    doc = json.loads(json_report.render(dataclasses.replace(golden_run, info=info)))
    assert doc["timestamp"] == "2030-06-01T00:00:00Z"
