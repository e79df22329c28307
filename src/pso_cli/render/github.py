"""GitHub Actions workflow commands, so findings appear as annotations on the proposal.

Printed from a workflow step, `::error file=…,line=…::message` lines become inline
annotations without uploading SARIF. Levels follow the SARIF mapping (error, warning,
note → notice), except that a concern an approver accepted is only a notice. Text from
a proposal is escaped per the workflow-command rules (% CR LF in data, and also : , in
properties), so a crafted message can never start a second command. One line per
finding that asks for attention, per invalid-input problem, and a notice with the
verdict for every assessed file.
"""

from __future__ import annotations

import os

from pso_cli.errors import Problem
from pso_cli.model.findings import Assessment, Finding
from pso_cli.model.run import Invalid, RunResult
from pso_cli.render.sarif import INPUT_RULE, REPORTED, VERDICT_RULE, finding_level, finding_text

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


def _finding(a: Assessment, f: Finding) -> str:
    prefix = f"{f.outcome.value} (accepted)" if f.accepted else f.outcome.value
    message = f"{prefix}: {finding_text(f)}"
    level = "note" if f.accepted else finding_level(f)
    return command(level, a.path, f.line, f.column, f.rule, message)


def _verdict(a: Assessment) -> str:
    message = f"Verdict: {a.verdict.value} — {a.reason}"
    return command("note", a.path, 1, 1, VERDICT_RULE, message)


def _problem(path: str, p: Problem) -> str:
    loc = p.location
    return command("error", path, loc.line, loc.column, INPUT_RULE, f"{p.code}: {p.message}")


def render(run: RunResult) -> str:
    """Workflow commands for the whole run, one per line, ending in a newline."""
    lines: list[str] = []
    for item in run.items:
        if isinstance(item, Invalid):
            lines += [_problem(item.path, p) for p in item.problems]
            continue
        lines += [_finding(item, f) for f in item.findings if f.outcome in REPORTED]
        lines.append(_verdict(item))
    return "".join(f"{line}\n" for line in lines)
