"""GitHub Actions workflow commands, so findings appear as annotations on the proposal.

Printed from a workflow step, `::error file=…,line=…::message` lines become inline
annotations without uploading SARIF. `::error` means what fails the run: the verdict
annotation is an error exactly when that verdict reaches --fail-on, and otherwise a
warning (further analysis, do not recommend) or a notice. Findings follow the SARIF
mapping (error, warning, note → notice), except that in a proposal whose verdict does
not reach --fail-on nothing is an error (at most a warning), and a concern an approver
accepted is only a notice. Each failed veto is annotated at the fact that decided it,
each accepted concern that was not applied at its entry, and a notice about reading the
file (an older format, say) at its first line. Text from a proposal is escaped
per the workflow-command rules (% CR LF in data, and also : , in properties), so a
crafted message can never start a second command.
"""

from __future__ import annotations

import os

from pso_cli.errors import Problem
from pso_cli.model.findings import AcceptedConcernUse, Assessment, Finding, Gate, Verdict
from pso_cli.model.run import Invalid, RunResult, reached_fail_on
from pso_cli.render.sarif import (
    INPUT_RULE,
    REPORTED,
    VERDICT_RULE,
    acceptance_text,
    finding_level,
    finding_text,
    veto_text,
)
from pso_cli.render.sarif_rules import ACCEPTANCE_RULE, veto_level

__all__ = ["escape_data", "escape_property", "render"]

_COMMAND = {"error": "error", "warning": "warning", "note": "notice", "none": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, path: str, line: int, column: int, title: str, message: str) -> str:
    props = ",".join(
        f"{k}={escape_property(v)}"
        for k, v in (
            ("file", path.replace(os.sep, "/")),
            ("line", str(max(line, 1))),
            ("col", str(max(column, 1))),
            ("title", title),
        )
    )
    return f"::{_COMMAND[level]} {props}::{escape_data(message)}"


def _capped(level: str, fails: bool) -> str:
    """No error in a proposal whose verdict passes: it does not fail the run."""
    return "warning" if level == "error" and not fails else level


def _finding(a: Assessment, f: Finding, fails: bool) -> str:
    prefix = f"{f.outcome.value} (accepted)" if f.accepted else f.outcome.value
    message = f"{prefix}: {finding_text(f)}"
    level = "note" if f.accepted else _capped(finding_level(f, a), fails)
    return command(level, a.path, f.line, f.column, f.rule, message)


def _veto(a: Assessment, g: Gate, fails: bool, lifts: dict[str, str]) -> str:
    level = _capped(veto_level(g.verdict), fails)
    return command(level, a.path, g.line, g.column, g.rule, veto_text(g, lifts.get(g.rule)))


def _acceptance(a: Assessment, u: AcceptedConcernUse) -> str:
    level = "note" if u.status == "unused" else "warning"
    return command(level, a.path, u.line, u.column, ACCEPTANCE_RULE, acceptance_text(u))


_SERIOUS = (Verdict.FURTHER_ANALYSIS, Verdict.DO_NOT_RECOMMEND)


def _verdict(a: Assessment, fails: bool) -> str:
    message = f"Verdict: {a.verdict.value} — {a.reason}"
    level = "error" if fails else ("warning" if a.verdict in _SERIOUS else "note")
    return command(level, a.path, 1, 1, VERDICT_RULE, message)


def _assessed(a: Assessment, fail_on: str, lifts: dict[str, str]) -> list[str]:
    fails = reached_fail_on(a.verdict, fail_on)
    lines = [_finding(a, f, fails) for f in a.findings if f.outcome in REPORTED]
    failed = (g for g in a.gates if g.kind == "veto" and g.status == "failed")
    lines += [_veto(a, g, fails, lifts) for g in failed]
    lines += [_acceptance(a, u) for u in a.accepted if u.status != "applied"]
    lines += [command("note", a.path, 1, 1, "pso", n) for n in a.notices]
    return [*lines, _verdict(a, fails)]


def _problem(path: str, p: Problem) -> str:
    loc = p.location
    return command("error", path, loc.line, loc.column, INPUT_RULE, f"{p.code}: {p.message}")


def render(run: RunResult) -> str:
    """Workflow commands for the whole run, one per line, ending in a newline."""
    lines: list[str] = []
    lifts = {v.id: v.condition for v in run.info.vetoes if v.condition}
    for item in run.items:
        if isinstance(item, Invalid):
            lines += [_problem(item.path, p) for p in item.problems]
            continue
        lines += _assessed(item, run.info.fail_on, lifts)
    return "".join(f"{line}\n" for line in lines)
