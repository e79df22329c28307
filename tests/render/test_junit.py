"""JUnit XML: valid against the Jenkins xunit junit-10.xsd, counts agree with the
elements (and with what junitparser counts), at most one <failure> per testcase, Ant's
time, timestamp and hostname, text from YAML is XML-safe."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXED_ORIGIN, HERE, HOSTILE_NAME, assess, check_golden, with_fail_on

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
        # <testsuites> has no `skipped` in junit-10.xsd
        assert root.get("skipped") is None
        assert [int(root.get(k, "-1")) for k in keys[:3]] == totals[:3]


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


XSD = HERE / "schemas" / "junit-10.xsd"
FAIL_ONS = ("do-not-recommend", "further-analysis", "recommend", "never")


@pytest.fixture(scope="module")
def schema() -> object:
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(XSD)))


@pytest.fixture(scope="module")
def live_run() -> RunResult:
    """A real run, not normalised: a passing proposal, a failing one and an invalid file
    (the golden inputs), with the time, timestamp and hostname of this machine."""
    from conftest import GOLDEN_INPUTS

    return assess(GOLDEN_INPUTS)


def _validate(schema: object, text: str) -> None:
    from lxml import etree

    doc = etree.fromstring(text.encode("utf-8"))
    if not schema.validate(doc):  # type: ignore[attr-defined]
        errors = "\n".join(str(e) for e in schema.error_log)  # type: ignore[attr-defined]
        pytest.fail(f"JUnit output is invalid against junit-10.xsd:\n{errors}")


@pytest.mark.parametrize("fail_on", FAIL_ONS)
def test_validates_against_junit_10_xsd(
    schema: object, golden_run: RunResult, live_run: RunResult, fail_on: str
) -> None:
    """The Jenkins xunit plugin's schema (vendored in tests/render/schemas), for the golden
    batch (clean recommend, failing proposal, invalid file) and a real run of it."""
    statuses = {type(i).__name__ for i in golden_run.items}
    assert statuses == {"Assessment", "Invalid"}
    for run in (golden_run, live_run):
        _validate(schema, junit.render(with_fail_on(run, fail_on)))


def test_the_schema_refuses_what_pso_used_to_write(schema: object, golden_run: RunResult) -> None:
    """The check has teeth: <testsuites skipped=...> (what pso wrote before) is invalid."""
    from lxml import etree

    doc = etree.fromstring(junit.render(golden_run).encode("utf-8"))
    doc.set("skipped", "0")
    assert not schema.validate(doc)  # type: ignore[attr-defined]


def test_validates_for_every_bundled_example(schema: object) -> None:
    from conftest import REPO

    root = REPO / "examples"
    files = [*root.glob("*.yaml"), *(root / "history").glob("*.yaml")]
    files += (root / "invalid").glob("*.yaml")
    paths = sorted(str(p.relative_to(REPO)) for p in files if p.name != "commitments.yaml")
    run = assess(tuple(paths))
    for fail_on in ("do-not-recommend", "never"):
        _validate(schema, junit.render(with_fail_on(run, fail_on)))


@pytest.mark.parametrize("fail_on", FAIL_ONS)
def test_junitparser_counts_what_the_file_declares(
    golden_run: RunResult, tmp_path: Path, fail_on: str
) -> None:
    """What CI plugins count (junitparser reads the elements) is what the file says."""
    from junitparser import JUnitXml

    path = tmp_path / "report.xml"
    path.write_text(junit.render(with_fail_on(golden_run, fail_on)), encoding="utf-8")
    root = ET.parse(path).getroot()
    xml = JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert len(suites) == len(root.findall("testsuite")) == len(golden_run.items)
    total = [0, 0, 0, 0]
    for parsed, declared in zip(suites, root.findall("testsuite"), strict=True):
        parsed.update_statistics()  # recount from the elements
        counted = [parsed.tests, parsed.failures, parsed.errors, parsed.skipped]
        keys = ("tests", "failures", "errors", "skipped")
        assert counted == [int(declared.get(k, "-1")) for k in keys], parsed.name
        total = [a + b for a, b in zip(total, counted, strict=True)]
    xml.update_statistics()
    assert [xml.tests, xml.failures, xml.errors] == [
        int(root.get(k, "-1")) for k in ("tests", "failures", "errors")
    ]
    assert [xml.tests, xml.failures, xml.errors] == total[:3]
    assert total[1] > 0 if fail_on != "never" else True


@pytest.mark.parametrize("fail_on", FAIL_ONS)
def test_at_most_one_failure_per_testcase(golden_run: RunResult, fail_on: str) -> None:
    root = _root(with_fail_on(golden_run, fail_on))
    for case in root.iter("testcase"):
        outcomes = [c.tag for c in case if c.tag in ("failure", "error", "skipped")]
        assert len(outcomes) <= 1, (case.get("name"), outcomes)


def test_a_testcase_with_several_findings_names_them_all_in_one_failure(
    golden_run: RunResult,
) -> None:
    """Several failing findings under one consideration: one <failure>, every rule in its
    message and a paragraph each in its text, typed by the gravest (junitparser used to
    count up to seven failures in one testcase)."""
    import dataclasses

    from pso_cli.model.findings import Assessment, Outcome

    a = golden_run.items[1]
    assert isinstance(a, Assessment)
    blocker = next(f for f in a.findings if f.outcome == Outcome.BLOCKER)
    more = (
        dataclasses.replace(blocker, rule="LEG-900", outcome=Outcome.CONCERN, message="one"),
        dataclasses.replace(blocker, rule="LEG-901", outcome=Outcome.CONCERN, message="two"),
    )
    b = dataclasses.replace(a, findings=(*a.findings, *more))
    run = dataclasses.replace(golden_run, items=(golden_run.items[0], b, golden_run.items[2]))
    root = _root(run)
    case = next(
        c
        for c in root.findall("testsuite")[1].findall("testcase")
        if c.get("name") == blocker.consideration.title
    )
    failures = case.findall("failure")
    assert len(failures) == 1
    message = failures[0].get("message") or ""
    assert failures[0].get("type") == "blocker"  # the gravest of blocker and concerns
    assert message.startswith(f"{blocker.rule}: ") and "; LEG-900: one; LEG-901: two" in message
    assert len((failures[0].text or "").split("\n\n")) == 3
    suite = root.findall("testsuite")[1]
    assert int(suite.get("failures") or 0) == sum(
        c.find("failure") is not None for c in suite.findall("testcase")
    )


_TIME = re.compile(r"\d+\.\d{3}")


def test_time_timestamp_and_hostname_are_present_and_well_formed(live_run: RunResult) -> None:
    import socket

    root = _root(live_run)
    assert _TIME.fullmatch(root.get("time") or "")
    suites = root.findall("testsuite")
    assert len(suites) == 3
    for suite in suites:
        assert _TIME.fullmatch(suite.get("time") or ""), suite.get("time")
        stamp = suite.get("timestamp") or ""
        # Ant's schema: xs:dateTime without a zone, to the second
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", stamp), stamp
        started = dt.datetime.fromisoformat(stamp).replace(tzinfo=dt.UTC)
        assert abs(dt.datetime.now(dt.UTC) - started) < dt.timedelta(hours=1)
        assert suite.get("hostname") == (socket.gethostname() or "localhost")
        cases = suite.findall("testcase")
        assert all(_TIME.fullmatch(c.get("time") or "") for c in cases)
        # the cases add up to their suite (one carries the file's time, the others 0)
        assert sum(float(c.get("time") or 0) for c in cases) == pytest.approx(
            float(suite.get("time") or 0), abs=0.0015
        )
    assert len({s.get("timestamp") for s in suites}) == 1  # the run's start
    assert float(root.get("time") or 0) == pytest.approx(
        sum(float(s.get("time") or 0) for s in suites), abs=0.002
    )


def test_golden_is_normalised_to_a_fixed_time_and_host(golden_run: RunResult) -> None:
    """The golden run carries a fixed origin, so report.junit.xml never changes between
    runs; the time, timestamp and hostname are the only parts that would."""
    root = _root(golden_run)
    for suite in root.findall("testsuite"):
        assert suite.get("timestamp") == FIXED_ORIGIN.started
        assert suite.get("hostname") == FIXED_ORIGIN.hostname
        assert suite.get("time") == "0.125"


def test_two_runs_differ_only_in_time_timestamp_and_hostname(live_run: RunResult) -> None:
    from conftest import GOLDEN_INPUTS

    again = assess(GOLDEN_INPUTS)
    strip = re.compile(r' (time|timestamp|hostname)="[^"]*"')
    assert strip.sub("", junit.render(live_run)) == strip.sub("", junit.render(again))


def test_a_hand_built_run_has_no_timestamp_or_hostname(golden_run: RunResult) -> None:
    """With no origin (a RunInfo built by hand), times only: nothing is made up."""
    import dataclasses

    bare = dataclasses.replace(golden_run, info=dataclasses.replace(golden_run.info, origin=None))
    for suite in _root(bare).findall("testsuite"):
        assert suite.get("timestamp") is None and suite.get("hostname") is None
        assert suite.get("time") is not None
