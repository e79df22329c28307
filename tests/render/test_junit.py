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
        totals = [0, 0, 0, 0]
        keys = ("tests", "failures", "errors", "skipped")
        for suite in root.findall("testsuite"):
            cases = suite.findall("testcase")
            counts = [
                len(cases),
                sum(_failed(c) for c in cases),
                sum(c.find("error") is not None for c in cases),
                sum(c.find("skipped") is not None for c in cases),
            ]
            assert [int(suite.get(k, "-1")) for k in keys] == counts
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
        assert [int(root.get(k, "-1")) for k in keys] == totals


def test_structure(golden_run: RunResult) -> None:
    suites = _root(golden_run).findall("testsuite")
    assert [s.get("name") for s in suites] == [i.path for i in golden_run.items]
    clean, concerns, invalid = suites
    assert [c.get("name") for c in clean.findall("testcase")] == [
        "Gate LEG-001: The mission has a basis in international law where it acts",
        "Gate STR-001: The operation is UN-led or involves a group of coalition partners",
        *(f"Veto {v.id}: {v.title}" for v in golden_run.info.vetoes),
        "Strategic implications",
        "Legality under international law",
        "Implications for NZ agencies",
        "Alternative options",
        "Verdict",
    ]
    assert {c.get("classname") for c in clean.findall("testcase")} == {"test-mission"}
    assert clean.get("failures") == "0"
    by_name = {c.get("name"): c for c in concerns.findall("testcase")}
    legality = by_name["Legality under international law"]
    assert [f.get("type") for f in legality.findall("failure")] == ["blocker"]
    assert "Accepted concerns" in by_name and "Accepted concerns" not in {
        c.get("name") for c in clean.findall("testcase")
    }
    load = invalid.findall("testcase")
    assert [c.get("name") for c in load] == ["load"]
    assert load[0].find("error") is not None


def test_concerns_fail_only_when_verdict_reaches_fail_on(golden_run: RunResult) -> None:
    root = _root(with_fail_on(golden_run, "never"))
    types = [f.get("type") for f in root.iter("failure")]
    # the failed legal gate and its blocker always; the further-analysis veto, concerns
    # and the verdict not
    assert types == ["gate-failed", "blocker"]


def test_accepted_concern_never_fails(golden_run: RunResult) -> None:
    for failure in _root(with_fail_on(golden_run, "recommend")).iter("failure"):
        assert "AGY-005" not in (failure.get("message") or "")


def test_hostile_name_is_xml_safe(hostile_run: RunResult) -> None:
    text = junit.render(hostile_run)
    assert "<script>" not in text
    assert "\x01" not in text
    root = ET.fromstring(text.encode("utf-8"))
    names = [p.get("value") for p in root.iter("property") if p.get("name") == "name"]
    assert names == [HOSTILE_NAME]


def _cases(run: RunResult, suite: int) -> dict[str, ET.Element]:
    found = _root(run).findall("testsuite")[suite].findall("testcase")
    return {str(c.get("name")): c for c in found}


def test_vetoes_are_testcases_next_to_the_gates(golden_run: RunResult) -> None:
    names = list(_cases(golden_run, 1))
    kinds = [n.split(" ", 1)[0] for n in names]
    first_consideration = names.index("Strategic implications")
    assert set(kinds[:first_consideration]) == {"Gate", "Veto"}
    gap = _cases(golden_run, 1)[
        "Veto duty-of-care-protection-gap: "
        + next(v.title for v in golden_run.info.vetoes if v.id == "duty-of-care-protection-gap")
    ]
    failure = gap.find("failure")  # do-not-recommend reaches the default --fail-on
    assert failure is not None and failure.get("type") == "veto-failed"
    assert "tests/render/fixtures/concerns.yaml:87:15" in (failure.text or "")
    passing = _cases(with_fail_on(golden_run, "never"), 1)
    assert passing[gap.get("name") or ""].find("failure") is None  # further-analysis only


def test_undecided_gates_are_skipped_unless_the_verdict_fails() -> None:
    from conftest import assess

    run = assess(("examples/history/basra-engineers-2003.yaml",), fail_on="never")
    cases = _cases(run, 0)
    legal = cases["Gate LEG-001: The mission has a basis in international law where it acts"]
    skipped = legal.find("skipped")
    assert skipped is not None and (skipped.get("message") or "").startswith("contested")
    cases = _cases(with_fail_on(run, "further-analysis"), 0)
    assert cases[legal.get("name") or ""].find("failure") is not None


def test_properties_use_completeness_and_the_range(golden_run: RunResult) -> None:
    suite = _root(golden_run).findall("testsuite")[1]
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert "confidence" not in props
    assert props["completeness"] == "0.753" and props["score_range"] == "61.0–85.7"
    assert (props["legal_outcome"], props["as_of"]) == ("unlawful", "2030-06-01")


def test_acceptances_not_applied_are_listed(golden_run: RunResult) -> None:
    case = _cases(golden_run, 1)["Accepted concerns"]
    assert case.find("failure") is None
    out = case.findtext("system-out") or ""
    for status in ("applied", "unused", "expired", "refused-blocker", "retired", "unknown-rule"):
        assert f" ({status}): " in out
