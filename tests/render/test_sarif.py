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
    assert by_rule[("AGY-005", "concern")] == "error"  # major (accepted: suppressed)
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
    # AGY-005 rates the residual threat low and names the protection gap on the same
    # field: one concern (engine/scoring.py), so one suppressed result.
    assert [r["ruleId"] for r in accepted] == ["AGY-005"]
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


def _rules(run: RunResult) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in _doc(run)["runs"][0]["tool"]["driver"]["rules"]}


def test_every_veto_is_a_driver_rule_with_its_title_and_source(golden_run: RunResult) -> None:
    rules = _rules(golden_run)
    assert golden_run.info.vetoes
    for v in golden_run.info.vetoes:
        r = rules[v.id]
        assert r["shortDescription"]["text"] == v.title
        assert v.source in r["fullDescription"]["text"]
        assert r["properties"] == {"kind": "veto", "verdict": v.verdict, "source": v.source}
        level = "error" if v.verdict == "do-not-recommend" else "warning"
        assert r["defaultConfiguration"]["level"] == level


def test_a_failed_veto_is_a_result_at_its_fact(golden_run: RunResult) -> None:
    vetoes = [r for r in _results(golden_run) if r["properties"].get("kind") == "veto"]
    assert [r["ruleId"] for r in vetoes] == ["duty-of-care-protection-gap"]
    (gap,) = vetoes
    assert gap["level"] == "warning"  # it forces further analysis
    region = gap["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], gap["properties"]["field"]) == (
        87,
        "risk.force_protection.adequacy",
    )
    assert "To lift it: State how the force-protection gap is closed" in gap["message"]["text"]


def test_contested_and_unknown_legal_basis_are_warnings(tmp_path: Path) -> None:
    from conftest import assess

    run = assess(
        ("examples/history/basra-engineers-2003.yaml", "examples/history/afghanistan-sas-2001.yaml")
    )
    legal = [r for r in _results(run) if r["ruleId"] == "LEG-001"]
    assert [r["properties"]["gateStatus"] for r in legal] == ["contested", "unknown"]
    assert [r["properties"]["legalOutcome"] for r in legal] == ["contested", "unknown"]
    assert all(r["level"] == "warning" and r["properties"]["legalQuestions"] for r in legal)


def test_acceptances_not_applied_are_results(golden_run: RunResult) -> None:
    results = [r for r in _results(golden_run) if r["ruleId"] == "PSO-ACCEPTANCE"]
    statuses = [r["properties"]["status"] for r in results]
    assert statuses == ["unused", "expired", "refused-blocker", "retired", "unknown-rule"]
    assert [r["level"] for r in results] == ["note", *["warning"] * 4]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    text = (Path(__file__).parent / "fixtures" / "concerns.yaml").read_text(encoding="utf-8")
    rows = text.splitlines()
    for line, r in zip(lines, results, strict=True):
        assert rows[line - 1].strip().startswith("- rule:"), r


def test_verdict_properties_use_completeness(golden_run: RunResult) -> None:
    verdicts = [r for r in _results(golden_run) if r["ruleId"] == "PSO-VERDICT"]
    props = verdicts[1]["properties"]
    assert "confidence" not in props
    item = golden_run.items[1]
    assert props["completeness"] == item.completeness  # type: ignore[union-attr]
    assert (props["scoreLow"], props["scoreHigh"]) == (
        item.score_low,  # type: ignore[union-attr]
        item.score_high,  # type: ignore[union-attr]
    )
    assert props["legalOutcome"] == "unlawful" and props["asOf"] == "2030-06-01"
    run = _doc(golden_run)["runs"][0]
    bags = [run["properties"], *(r.get("properties", {}) for r in run["results"])]
    assert all("confidence" not in bag for bag in bags)


def test_every_bundled_example_validates() -> None:
    """Every example and history case, including the invalid ones, as one SARIF log."""
    from conftest import REPO, assess

    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    root = REPO / "examples"
    files = [*root.glob("*.yaml"), *(root / "history").glob("*.yaml")]
    files += (root / "invalid").glob("*.yaml")
    paths = sorted(str(p.relative_to(REPO)) for p in files if p.name != "commitments.yaml")
    run = assess(tuple(paths))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    doc = _doc(run)
    jsonschema.validate(doc, schema)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    for result in doc["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
