"""JUnit XML: parses, counts agree with the elements, text from YAML is XML-safe."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from conftest import HOSTILE_NAME, check_golden, with_fail_on

from pso_cli.model.run import RunResult
from pso_cli.render import junit


def _root(run: RunResult) -> ET.Element:
    return ET.fromstring(junit.render(run).encode("utf-8"))


def _failed(case: ET.Element) -> bool:
    return case.find("failure") is not None


def test_golden(golden_run: RunResult) -> None:
    check_golden("report.junit.xml", junit.render(golden_run))


def test_deterministic(golden_run: RunResult) -> None:
    assert junit.render(golden_run) == junit.render(golden_run)


def test_counts_match_elements(golden_run: RunResult) -> None:
    for fail_on in ("do-not-recommend", "recommend", "never"):
        root = _root(with_fail_on(golden_run, fail_on))
        totals = [0, 0, 0]
        for suite in root.findall("testsuite"):
            cases = suite.findall("testcase")
            counts = [
                len(cases),
                sum(_failed(c) for c in cases),
                sum(c.find("error") is not None for c in cases),
            ]
            assert [int(suite.get(k, "-1")) for k in ("tests", "failures", "errors")] == counts
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
        assert [int(root.get(k, "-1")) for k in ("tests", "failures", "errors")] == totals


def test_structure(golden_run: RunResult) -> None:
    suites = _root(golden_run).findall("testsuite")
    assert [s.get("name") for s in suites] == [i.path for i in golden_run.items]
    clean, concerns, invalid = suites
    assert [c.get("name") for c in clean.findall("testcase")] == [
        "Strategic implications",
        "Legality under international law",
        "Implications for NZ agencies",
        "Alternative options",
        "Verdict",
    ]
    assert {c.get("classname") for c in clean.findall("testcase")} == {"test-mission"}
    assert clean.get("failures") == "0"
    legality = concerns.findall("testcase")[1]
    assert [f.get("type") for f in legality.findall("failure")] == ["blocker", "concern"]
    load = invalid.findall("testcase")
    assert [c.get("name") for c in load] == ["load"]
    assert load[0].find("error") is not None


def test_concerns_fail_only_when_verdict_reaches_fail_on(golden_run: RunResult) -> None:
    root = _root(with_fail_on(golden_run, "never"))
    types = [f.get("type") for f in root.iter("failure")]
    assert types == ["blocker"]  # the blocker always; concerns and verdict not


def test_accepted_concern_never_fails(golden_run: RunResult) -> None:
    for failure in _root(with_fail_on(golden_run, "recommend")).iter("failure"):
        assert "STR-014" not in (failure.get("message") or "")


def test_hostile_name_is_xml_safe(hostile_run: RunResult) -> None:
    text = junit.render(hostile_run)
    assert "<script>" not in text
    assert "\x01" not in text
    root = ET.fromstring(text.encode("utf-8"))
    names = [p.get("value") for p in root.iter("property") if p.get("name") == "name"]
    assert names == [HOSTILE_NAME]
