"""SARIF: valid against the 2.1.0 schema, stable, levels and rule indexes right."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import check_golden, with_fail_on

from pso_cli.model.run import RunResult
from pso_cli.render import sarif

SCHEMA = (
    Path(__file__).resolve().parents[2].parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
)


def _doc(run: RunResult) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(sarif.render(run))
    return doc


def _results(run: RunResult) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = _doc(run)["runs"][0]["results"]
    return out


def test_golden(golden_run: RunResult) -> None:
    check_golden("report.sarif", sarif.render(golden_run))


def test_deterministic(golden_run: RunResult) -> None:
    assert sarif.render(golden_run) == sarif.render(golden_run)


@pytest.mark.parametrize("fail_on", ["do-not-recommend", "recommend", "never"])
def test_validates_against_sarif_schema(golden_run: RunResult, fail_on: str) -> None:
    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (shared schemas are not checked out)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(_doc(with_fail_on(golden_run, fail_on)), schema)


def test_rule_indexes_point_at_their_rules(golden_run: RunResult) -> None:
    run = _doc(golden_run)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert {"PSO-VERDICT", "PSO-INPUT"} <= set(ids)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_results_levels(golden_run: RunResult) -> None:
    results = _results(golden_run)
    outcomes = {r["properties"].get("outcome") for r in results} - {None}
    assert outcomes <= {"concern", "blocker", "missing-information", "error"}
    by_rule = {(r["ruleId"], r["properties"].get("outcome")): r["level"] for r in results}
    assert by_rule[("LEG-001", "blocker")] == "error"
    assert by_rule[("STR-008", "missing-information")] == "note"
    assert by_rule[("STR-014", "concern")] == "warning"  # minor
    inputs = [r for r in results if r["ruleId"] == "PSO-INPUT"]
    assert len(inputs) == 2 and all(r["level"] == "error" for r in inputs)


def test_verdict_level_follows_fail_on(golden_run: RunResult) -> None:
    def verdicts(fail_on: str) -> list[str]:
        results = _results(with_fail_on(golden_run, fail_on))
        return [r["level"] for r in results if r["ruleId"] == "PSO-VERDICT"]

    assert verdicts("do-not-recommend") == ["note", "error"]
    assert verdicts("recommend") == ["error", "error"]
    assert verdicts("never") == ["note", "note"]


def test_locations_relative_forward_slashes(golden_run: RunResult) -> None:
    for result in _results(golden_run):
        loc = result["locations"][0]["physicalLocation"]
        assert not loc["artifactLocation"]["uri"].startswith("/")
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1


def test_accepted_concern_is_suppressed(golden_run: RunResult) -> None:
    accepted = [r for r in _results(golden_run) if "suppressions" in r]
    assert [r["ruleId"] for r in accepted] == ["STR-014"]
    assert accepted[0]["suppressions"][0]["status"] == "accepted"


def test_invocation_records_exit_code(golden_run: RunResult) -> None:
    inv = _doc(golden_run)["runs"][0]["invocations"][0]
    assert inv["exitCode"] == golden_run.exit_code == 3
    assert inv["executionSuccessful"] is False


def test_uri_escapes() -> None:
    assert sarif.uri("dir/my file.yaml") == "dir/my%20file.yaml"
    assert sarif.uri("tests/a-b_c.yaml") == "tests/a-b_c.yaml"
    # a backslash separates directories only where the system says so
    expected = "dir%5Cmy.yaml" if os.sep == "/" else "dir/my.yaml"
    assert sarif.uri("dir\\my.yaml") == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("javascript:alert(1).yaml", "javascript%3Aalert(1).yaml"),
        ("data:text/html,x.yaml", "data%3Atext/html,x.yaml"),
        ("sub/c:d.yaml", "sub/c%3Ad.yaml"),
        ("caf\\xe9.yaml", "caf%5Cxe9.yaml"),  # how a name that is not UTF-8 is shown
    ],
)
def test_uri_is_a_relative_reference_never_a_scheme(name: str, expected: str) -> None:
    """RFC 3986: a relative reference whose first segment holds ':' reads as a scheme."""
    from urllib.parse import urlsplit

    got = sarif.uri(name)
    assert got == expected
    assert urlsplit(got).scheme == ""
