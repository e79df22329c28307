"""JUnit XML, so any CI system's test-report view can show which proposals fail and why.

Mapping (the CI view reads suites and cases, so we make those meaningful):
- one <testsuite> per input file, named by its path;
- per assessed proposal, one <testcase> per consideration (classname = proposal id,
  name = consideration title) and one "Verdict" testcase;
- a <failure> element for each blocker (and each rule error); a concern adds a <failure>
  only when the proposal's verdict rank reaches --fail-on (so a passing run shows no
  failures), and never when an approver has accepted it;
- the "Verdict" testcase fails when the verdict reaches --fail-on, so the report agrees
  with the exit code even when no single finding is a blocker;
- an invalid file is a suite with one testcase "load" carrying an <error>.
`failures` and `errors` count testcases (the JUnit convention), not elements.
Built with ElementTree so all text is escaped; characters XML 1.0 forbids are replaced.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from pso_cli.model.findings import Assessment, Consideration, Finding, Outcome
from pso_cli.model.run import Invalid, RunResult, reached_fail_on

__all__ = ["render"]

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    """Text safe for XML 1.0 (ElementTree escapes markup but not control characters)."""
    return _XML_INVALID.sub("\ufffd", text)


def _failing(f: Finding, verdict_fails: bool) -> bool:
    if f.outcome in (Outcome.BLOCKER, Outcome.ERROR):
        return True
    return f.outcome == Outcome.CONCERN and verdict_fails and not f.accepted


def _failure_text(a: Assessment, f: Finding) -> str:
    lines = [f"{a.path}:{f.line}:{f.column}: {f.rule} {f.outcome.value} ({f.severity.value})"]
    lines.append(f.message)
    if f.condition:
        lines.append(f"Condition: {f.condition}")
    lines.append(f"Field: {f.field}")
    return _clean("\n".join(lines))


def _add_failure(case: ET.Element, a: Assessment, f: Finding) -> None:
    el = ET.SubElement(
        case, "failure", {"message": _clean(f"{f.rule}: {f.message}"), "type": f.outcome.value}
    )
    el.text = _failure_text(a, f)


def _consideration_case(
    suite: ET.Element, a: Assessment, c: Consideration, verdict_fails: bool
) -> bool:
    case = ET.SubElement(suite, "testcase", {"classname": _clean(a.proposal_id), "name": c.title})
    failed = False
    for f in a.findings:
        if f.consideration == c and _failing(f, verdict_fails):
            _add_failure(case, a, f)
            failed = True
    return failed


def _verdict_case(suite: ET.Element, a: Assessment, verdict_fails: bool) -> bool:
    case = ET.SubElement(suite, "testcase", {"classname": _clean(a.proposal_id), "name": "Verdict"})
    text = _clean(f"Verdict: {a.verdict.value} — {a.reason}")
    if verdict_fails:
        el = ET.SubElement(case, "failure", {"message": text, "type": "verdict"})
        el.text = text
    else:
        ET.SubElement(case, "system-out").text = text
    return verdict_fails


def _suite(name: str) -> ET.Element:
    return ET.Element("testsuite", {"name": _clean(name)})


def _set_counts(el: ET.Element, tests: int, failures: int, errors: int) -> None:
    el.set("tests", str(tests))
    el.set("failures", str(failures))
    el.set("errors", str(errors))
    el.set("skipped", "0")


def _assessed_suite(a: Assessment, fail_on: str) -> ET.Element:
    suite = _suite(a.path)
    props = ET.SubElement(suite, "properties")
    for key, value in (
        ("id", a.proposal_id),
        ("name", a.name),
        ("verdict", a.verdict.value),
        ("score", f"{a.score:.1f}"),
        ("confidence", f"{a.confidence:.3f}"),
    ):
        ET.SubElement(props, "property", {"name": key, "value": _clean(value)})
    verdict_fails = reached_fail_on(a.verdict, fail_on)
    failed = [_consideration_case(suite, a, c, verdict_fails) for c in Consideration]
    failed.append(_verdict_case(suite, a, verdict_fails))
    _set_counts(suite, len(failed), sum(failed), 0)
    return suite


def _invalid_suite(item: Invalid) -> ET.Element:
    suite = _suite(item.path)
    case = ET.SubElement(suite, "testcase", {"classname": _clean(item.path), "name": "load"})
    first = item.problems[0] if item.problems else None
    message = first.message if first else "invalid input"
    err = ET.SubElement(
        case,
        "error",
        {"message": _clean(message), "type": first.code if first else "invalid"},
    )
    err.text = _clean(
        "\n".join(
            f"{item.path}:{p.location.line}:{p.location.column}: {p.message}" for p in item.problems
        )
    )
    _set_counts(suite, 1, 0, 1)
    return suite


def render(run: RunResult) -> str:
    """The whole run as a JUnit XML document, ending in a newline."""
    root = ET.Element("testsuites", {"name": "pso"})
    totals = [0, 0, 0]
    for item in run.items:
        if isinstance(item, Invalid):
            suite = _invalid_suite(item)
        else:
            suite = _assessed_suite(item, run.info.fail_on)
        root.append(suite)
        for i, key in enumerate(("tests", "failures", "errors")):
            totals[i] += int(suite.get(key, "0"))
    _set_counts(root, *totals)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
