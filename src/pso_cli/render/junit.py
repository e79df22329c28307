"""JUnit XML, so any CI system's test-report view can show which proposals fail and why.

Mapping (the CI view reads suites and cases, so we make those meaningful):
- one <testsuite> per input file, named by its path, its properties the verdict, score,
  range, completeness, legal outcome and the date it was judged at;
- per assessed proposal (classname = proposal id), one <testcase> per gate and per veto
  of the profile ("Gate LEG-001: ...", "Veto national-command: ..."), one per
  consideration (name = its title), "Accepted concerns" when the proposal has any, and
  "Verdict";
- a failed gate, or a failed veto that forces do-not-recommend, always fails (like a
  blocker); a failed veto forcing further analysis fails when the verdict reaches
  --fail-on; a gate or veto left contested or unknown fails then too, and is otherwise
  <skipped> with what is undecided;
- a consideration fails for each blocker (and each rule error) under it; a concern
  fails it only when the proposal's verdict rank reaches --fail-on (so a passing run
  shows no failures), and never when an approver has accepted it. A testcase has at most
  one <failure>: several findings go into its message (joined by "; ") and its text (one
  paragraph each), and its type is the gravest of them (error, blocker, concern);
- "Accepted concerns" never fails: its <system-out> lists each acceptance and whether it
  was applied, and why not (expired, unknown or retired rule, on a blocker, unused);
- the "Verdict" testcase fails when the verdict reaches --fail-on, so the report agrees
  with the exit code even when no single finding is a blocker;
- an invalid file is a suite with one testcase "load" carrying an <error>.
`tests`, `failures`, `errors` and `skipped` count testcases (the JUnit convention), so
they equal the elements; <testsuites> carries tests, failures and errors (the Jenkins
xunit junit-10.xsd declares no `skipped` there), each suite all four.

Times, as the Ant schema asks: each suite's `time` is the wall time pso spent loading
and assessing that file, in seconds; its testcases are read off that one assessment, so
"Verdict" (or "load") carries that time and the others 0, and they add up to the suite's;
<testsuites> carries the sum. Each suite's `timestamp` is the run's start (UTC, to the
second, no zone: Ant's form) and `hostname` the host's name: the one part of the file
that differs between two runs of the same inputs.

Built with ElementTree so all text is escaped; characters XML 1.0 forbids are replaced.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from pso_cli.model.findings import Assessment, Consideration, Finding, Gate, Outcome
from pso_cli.model.run import Invalid, Origin, RunInfo, RunResult, reached_fail_on
from pso_cli.render.report_facts import acceptance_note, gate_kind, range_text

__all__ = ["render"]

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    """Text safe for XML 1.0 (ElementTree escapes markup but not control characters)."""
    return _XML_INVALID.sub("\ufffd", text)


_GRAVEST = (Outcome.ERROR, Outcome.BLOCKER, Outcome.CONCERN)


def _seconds(x: float) -> str:
    """Seconds with milliseconds: what junit-10.xsd's SUREFIRE_TIME and Ant's decimal take."""
    return f"{max(x, 0.0):.3f}"


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


def _add_failure(case: ET.Element, a: Assessment, found: list[Finding]) -> None:
    """One <failure> for all the failing findings of a testcase."""
    kind = next(o for o in _GRAVEST if any(f.outcome == o for f in found))
    message = "; ".join(f"{f.rule}: {f.message}" for f in found)
    el = ET.SubElement(case, "failure", {"message": _clean(message), "type": kind.value})
    el.text = "\n\n".join(_failure_text(a, f) for f in found)


def _case(suite: ET.Element, classname: str, name: str, seconds: float = 0.0) -> ET.Element:
    attrs = {"classname": _clean(classname), "name": _clean(name), "time": _seconds(seconds)}
    return ET.SubElement(suite, "testcase", attrs)


def _consideration_case(
    suite: ET.Element, a: Assessment, c: Consideration, verdict_fails: bool
) -> bool:
    case = _case(suite, a.proposal_id, c.title)
    found = [f for f in a.findings if f.consideration == c and _failing(f, verdict_fails)]
    if found:
        _add_failure(case, a, found)
    return bool(found)


def _gate_case(suite: ET.Element, a: Assessment, g: Gate, verdict_fails: bool) -> str:
    """One gate or veto; returns 'failure', 'skipped' or '' (passed)."""
    case = _case(suite, a.proposal_id, f"{gate_kind(g)} {g.rule}: {g.title}")
    where = f"{a.path}:{g.line}:{g.column} ({g.field})" if g.field else a.path
    text = _clean(f"{g.status}: {g.title} — {where}; when failed it forces {g.verdict}")
    always = g.status == "failed" and (g.kind == "gate" or g.verdict == "do-not-recommend")
    if always or (g.status != "passed" and verdict_fails):
        el = ET.SubElement(case, "failure", {"message": text, "type": f"{g.kind}-{g.status}"})
        el.text = text
        return "failure"
    if g.status in ("contested", "unknown"):
        ET.SubElement(case, "skipped", {"message": text})
        return "skipped"
    ET.SubElement(case, "system-out").text = text
    return ""


def _accepted_case(suite: ET.Element, a: Assessment) -> None:
    case = _case(suite, a.proposal_id, "Accepted concerns")
    lines = [
        f"{a.path}:{u.line}:{u.column}: {u.rule} ({u.status}): {acceptance_note(u)} "
        f"(accepted by {u.approver})"
        for u in a.accepted
    ]
    ET.SubElement(case, "system-out").text = _clean("\n".join(lines))


def _verdict_case(suite: ET.Element, a: Assessment, verdict_fails: bool) -> bool:
    case = _case(suite, a.proposal_id, "Verdict", a.seconds)
    text = _clean(f"Verdict: {a.verdict.value} — {a.reason}")
    if verdict_fails:
        el = ET.SubElement(case, "failure", {"message": text, "type": "verdict"})
        el.text = text
    out = [] if verdict_fails else [text]
    out += [f"Note: {n}" for n in a.notices]
    if out:
        ET.SubElement(case, "system-out").text = _clean("\n".join(out))
    return verdict_fails


def _suite(name: str) -> ET.Element:
    return ET.Element("testsuite", {"name": _clean(name)})


def _set_counts(el: ET.Element, tests: int, failures: int, errors: int, skipped: int = 0) -> None:
    el.set("tests", str(tests))
    el.set("failures", str(failures))
    el.set("errors", str(errors))
    el.set("skipped", str(skipped))


def _set_run(suite: ET.Element, seconds: float, origin: Origin | None) -> None:
    """The suite's time, and when and where the run happened (when it was recorded)."""
    suite.set("time", _seconds(seconds))
    if origin is not None:
        suite.set("timestamp", origin.started)
        suite.set("hostname", _clean(origin.hostname) or "localhost")


def _properties(suite: ET.Element, a: Assessment) -> None:
    props = ET.SubElement(suite, "properties")
    for key, value in (
        ("id", a.proposal_id),
        ("name", a.name),
        ("verdict", a.verdict.value),
        ("score", "none" if a.score is None else f"{a.score:.1f}"),
        ("score_range", range_text(a.score_low, a.score_high)),
        ("completeness", f"{a.completeness:.3f}"),
        ("legal_outcome", a.legal.outcome.value if a.legal else "none"),
        ("as_of", a.as_of),
    ):
        ET.SubElement(props, "property", {"name": key, "value": _clean(value)})


def _assessed_suite(a: Assessment, info: RunInfo) -> ET.Element:
    fail_on = info.fail_on
    suite = _suite(a.path)
    _properties(suite, a)
    verdict_fails = reached_fail_on(a.verdict, fail_on)
    gates = [_gate_case(suite, a, g, verdict_fails) for g in a.gates]
    failed = [_consideration_case(suite, a, c, verdict_fails) for c in Consideration]
    if a.accepted:
        _accepted_case(suite, a)
        failed.append(False)
    failed.append(_verdict_case(suite, a, verdict_fails))
    tests = len(gates) + len(failed)
    failures = gates.count("failure") + sum(failed)
    _set_counts(suite, tests, failures, 0, gates.count("skipped"))
    _set_run(suite, a.seconds, info.origin)
    return suite


def _invalid_suite(item: Invalid, info: RunInfo) -> ET.Element:
    suite = _suite(item.path)
    case = _case(suite, item.path, "load", item.seconds)
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
    _set_run(suite, item.seconds, info.origin)
    return suite


def render(run: RunResult) -> str:
    """The whole run as a JUnit XML document, ending in a newline."""
    root = ET.Element("testsuites", {"name": "pso"})
    totals = [0, 0, 0]
    seconds = 0.0
    for item in run.items:
        if isinstance(item, Invalid):
            suite = _invalid_suite(item, run.info)
        else:
            suite = _assessed_suite(item, run.info)
        root.append(suite)
        for i, key in enumerate(("tests", "failures", "errors")):
            totals[i] += int(suite.get(key, "0"))
        seconds += float(suite.get("time", "0"))
    for key, total in zip(("tests", "failures", "errors"), totals, strict=True):
        root.set(key, str(total))
    root.set("time", _seconds(seconds))
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
