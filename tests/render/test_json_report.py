"""JSON/JSONL report: golden file, determinism, schema validity, no path leaks."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import AS_OF, REPO, assess, check_golden

from pso_cli.model.findings import Assessment
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
    files = [*sorted(root.glob("*.yaml")), *sorted((root / "history").glob("*.yaml"))]
    files += sorted((root / "invalid").glob("*.yaml"))
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
    assert served["$id"] == "urn:pso:report:v2"
    assert served == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_shape_and_counts(golden_run: RunResult) -> None:
    doc = json.loads(json_report.render(golden_run))
    assert doc["schema_version"] == json_report.SCHEMA_VERSION == 2
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
    assert json.loads(json_report.render(golden_run))["timestamp"] is None
    info = dataclasses.replace(golden_run.info, timestamp="2030-06-01T00:00:00Z")
    doc = json.loads(json_report.render(dataclasses.replace(golden_run, info=info)))
    assert doc["timestamp"] == "2030-06-01T00:00:00Z"


# ----------------------------------------------------------------------------- version 2


def _assessed(run: RunResult) -> list[dict[str, Any]]:
    doc = json.loads(json_report.render(run))
    return [a for a in doc["assessments"] if a["status"] == "assessed"]


def test_every_documented_field_is_always_written() -> None:
    """The schema matches the output exactly: every object lists all its properties as
    required and allows no others, so a field can be neither missing nor undocumented."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))

    def objects(node: Any) -> list[dict[str, Any]]:
        found = []
        if isinstance(node, dict):
            if "properties" in node:
                found.append(node)
            for value in node.values():
                found += objects(value)
        elif isinstance(node, list):
            for value in node:
                found += objects(value)
        return found

    for obj in objects(schema):
        assert obj.get("additionalProperties") is False, sorted(obj["properties"])
        assert obj["required"] == list(obj["properties"]), sorted(obj["properties"])


def test_schema_enums_are_the_code_enums() -> None:
    from pso_cli.model.legal_analysis import Basis, LegalOutcome
    from pso_cli.render.report_facts import ACCEPTANCE_STATUSES, GATE_STATUSES

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    assert defs["legal_outcome"]["enum"] == [o.value for o in LegalOutcome]
    assert defs["basis"]["enum"] == [b.value for b in Basis]
    assert defs["gate"]["properties"]["status"]["enum"] == list(GATE_STATUSES)
    accepted = defs["assessed"]["properties"]["accepted_concerns"]["items"]["properties"]
    assert accepted["status"]["enum"] == list(ACCEPTANCE_STATUSES)
    assert "deprecated" in defs["assessed"]["properties"]["confidence"]["description"].lower()


def test_score_range_completeness_and_the_deprecated_alias(golden_run: RunResult) -> None:
    for a, item in zip(_assessed(golden_run), golden_run.items, strict=False):
        assert isinstance(item, Assessment)
        assert a["score"] == item.score
        assert a["score_range"] == {"low": item.score_low, "high": item.score_high}
        assert a["confidence"] == a["completeness"] == item.completeness
        assert a["score_range"]["low"] <= a["score"] <= a["score_range"]["high"]
        assert a["as_of"] == "2030-06-01"
        for c in a["considerations"]:
            assert c["confidence"] == c["completeness"]


def test_contributions_add_up_to_each_consideration_score(golden_run: RunResult) -> None:
    for a in _assessed(golden_run):
        for c in a["considerations"]:
            mine = [x for x in a["attributes"] if x["consideration"] == c["consideration"]]
            points = sum(p["points"] for p in c["contributions"])
            assert abs(points - c["score"]) <= 0.05 + 0.01 * len(mine), c
            assert abs(sum(x["contribution"] for x in mine) - points) <= 0.01 * len(mine)
            assert [p["rule"] for p in c["contributions"]] == [
                x["code"] for x in mine if x["level"] is not None
            ]
            unknown = [x for x in mine if x["level"] is None]
            assert all(x["value"] is None and x["contribution"] == 0 for x in unknown)


def test_gates_include_the_vetoes_located(golden_run: RunResult) -> None:
    concerns = _assessed(golden_run)[1]
    kinds = {(g["kind"], g["rule"]): g for g in concerns["gates"]}
    assert kinds[("gate", "LEG-001")]["status"] == "failed"
    gap = kinds[("veto", "duty-of-care-protection-gap")]
    assert (gap["status"], gap["verdict"]) == ("failed", "further-analysis")
    assert (gap["field"], gap["line"]) == ("risk.force_protection.adequacy", 87)
    assert {g["rule"] for g in concerns["gates"] if g["kind"] == "veto"} == {
        v.id for v in golden_run.info.vetoes
    }


def test_legal_analysis_and_notices(golden_run: RunResult) -> None:
    base, concerns = _assessed(golden_run)
    assert base["legal"]["outcome"] == "lawful" and base["legal"]["basis"] == "consent"
    assert base["legal"]["bases"] and base["legal"]["places"][0]["row"] >= 1
    assert concerns["legal"]["outcome"] == "unlawful"
    assert concerns["legal"]["reason"].startswith("Unlawful in the territory of Testland")
    assert base["notices"] == []
    assert "pso migrate" in concerns["notices"][0]


def test_every_acceptance_status_is_written(golden_run: RunResult) -> None:
    concerns = _assessed(golden_run)[1]
    statuses = {u["status"]: u for u in concerns["accepted_concerns"]}
    assert set(statuses) == {
        "applied", "unused", "expired", "refused-blocker", "retired", "unknown-rule"
    }  # fmt: skip
    assert statuses["applied"]["applied"] is True
    assert all(not u["applied"] for k, u in statuses.items() if k != "applied")
    assert "2030-05-01" in statuses["expired"]["note"]
    assert "rules-based order" in statuses["retired"]["note"]


def test_missing_facts_and_a_null_score_validate() -> None:
    """An untouched early-stage proposal: must-have facts unknown, located; and a score of
    null (nothing scored is stated) is valid JSON and valid against the schema."""
    run = assess(("examples/early-stage.yaml",))
    item = run.items[0]
    assert isinstance(item, Assessment)
    doc = json.loads(json_report.render(run))
    missing = doc["assessments"][0]["missing_facts"]
    assert [m["field"] for m in missing] == [f for f, _, _ in item.missing_facts]
    assert missing and all(m["line"] >= 1 and m["column"] >= 1 for m in missing)
    blank = dataclasses.replace(item, score=None, considerations=())
    doc = json.loads(json_report.render(dataclasses.replace(run, items=(blank,))))
    assert doc["assessments"][0]["score"] is None
    _validator().validate(doc)


def test_strict_json_never_nan(golden_run: RunResult) -> None:
    item = golden_run.items[0]
    assert isinstance(item, Assessment)
    bad = dataclasses.replace(golden_run, items=(dataclasses.replace(item, score=math.nan),))
    with pytest.raises(ValueError):
        json_report.render(bad)
    with pytest.raises(ValueError):
        json_report.render_line(bad.items[0], bad.info)


def test_sensitivity_shares(golden_run: RunResult) -> None:
    from pso_cli.api import build_engine
    from pso_cli.engine.assess import with_sensitivity

    item = golden_run.items[0]
    assert isinstance(item, Assessment)
    engine = build_engine(as_of=AS_OF)
    engine = dataclasses.replace(
        engine, analysis=dataclasses.replace(engine.analysis, sensitivity=True, samples=50)
    )
    run = dataclasses.replace(golden_run, items=(with_sensitivity(item, engine),))
    doc = json.loads(json_report.render(run))
    s = doc["assessments"][0]["sensitivity"]
    assert {"same_verdict_share", "values_share", "combined_share"} <= set(s)
    assert all(0 <= s[k] <= 1 for k in ("values_share", "combined_share"))
    _validator().validate(doc)
