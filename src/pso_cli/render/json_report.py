"""The JSON and JSONL reports: the stable, machine-readable record of a run.

Other programs (dashboards, audit archives, `jq` pipelines) read this, so the shape is
fixed, versioned by SCHEMA_VERSION and described by report.schema.json. Output is
deterministic: keys in a fixed order, floats rounded, no timestamp unless the run was
given one, and only the basename of the profile file so no more of the filesystem
leaks than the paths the user gave.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pso_cli.errors import Problem
from pso_cli.model.findings import (
    AcceptedConcernUse,
    Assessment,
    AttributeValue,
    Change,
    ConsiderationResult,
    Finding,
    Gate,
    Sensitivity,
)
from pso_cli.model.legal_analysis import LegalAnalysis, Place
from pso_cli.model.run import Invalid, Item, RunInfo, RunResult
from pso_cli.render.report_facts import acceptance_note

# 2: the value model (pso 0.2): score may be null, with score_range and completeness
# (confidence kept one version as an alias), the legal analysis, vetoes among the gates,
# must-have facts, attributes, per-assessment as_of and notices.
SCHEMA_VERSION = 2
TOOL_NAME = "pso"
# One compact encoder for every JSON line. The documents are trees built afresh for each
# item, so the check for reference cycles (an id() per container) is skipped.
_LINE = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), check_circular=False, allow_nan=False
)

__all__ = ["SCHEMA_VERSION", "item_to_dict", "render", "render_line", "run_header"]


def _basename(path: str) -> str:
    """The last component of a path, whichever separator it uses."""
    return re.split(r"[\\/]", path)[-1]


def _user_path(path: str | None) -> str | None:
    """A path as the user gave it, but never an absolute one we resolved ourselves."""
    if path is None:
        return None
    if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", path):
        return _basename(path)
    return path


def _problem(p: Problem) -> dict[str, Any]:
    loc = p.location
    return {
        "line": loc.line,
        "column": loc.column,
        "field": loc.field,
        "code": p.code,
        "message": p.message,
    }


def _num(x: float | None, ndigits: int) -> float | None:
    """Rounded, never -0.0 (stable bytes); None stays None (JSON null)."""
    return None if x is None else round(x, ndigits) + 0.0


def _consideration(c: ConsiderationResult) -> dict[str, Any]:
    return {
        "consideration": c.consideration.value,
        "title": c.consideration.title,
        "score": _num(c.score, 1),
        "low": _num(c.low, 1),
        "high": _num(c.high, 1),
        "completeness": _num(c.completeness, 3),
        "confidence": _num(c.completeness, 3),
        "weight": _num(c.weight, 3),
        "contributions": [{"rule": r, "points": _num(p, 2)} for r, p in c.contributions],
    }


def _gate(g: Gate) -> dict[str, Any]:
    return {
        "rule": g.rule,
        "kind": g.kind,
        "title": g.title,
        "status": g.status,
        "verdict": g.verdict,
        "field": g.field,
        "line": g.line,
        "column": g.column,
    }


def _attribute(x: AttributeValue) -> dict[str, Any]:
    return {
        "code": x.code,
        "consideration": x.consideration.value,
        "title": x.title,
        "level": x.level,
        "value": _num(x.value, 2),
        "weight": _num(x.weight, 3),
        "contribution": _num(x.contribution, 2),
        "field": x.field,
        "line": x.line,
        "column": x.column,
    }


def _place(p: Place) -> dict[str, Any]:
    return {
        "where": p.where,
        "outcome": p.outcome.value,
        "basis": p.basis.value,
        "reason": p.reason,
        "field": p.field,
        "row": p.row,
    }


def _legal(law: LegalAnalysis | None) -> dict[str, Any] | None:
    if law is None:
        return None
    return {
        "outcome": law.outcome.value,
        "basis": law.basis.value,
        "bases": list(law.bases),
        "reason": law.reason,
        "field": law.field,
        "questions": list(law.questions),
        "notes": list(law.notes),
        "advice": law.advice or None,
        "advised_lawful": law.advised_lawful,
        "places": [_place(p) for p in law.places],
        "resolutions": list(law.resolutions),
    }


def _accepted(a: AcceptedConcernUse) -> dict[str, Any]:
    return {
        "rule": a.rule,
        "approver": a.approver,
        "justification": a.justification,
        "expires": a.expires,
        "status": a.status,
        "applied": a.status == "applied",
        "note": acceptance_note(a),
        "line": a.line,
        "column": a.column,
    }


def _finding(f: Finding) -> dict[str, Any]:
    # `_value_` is the member's plain attribute; `.value` goes through a descriptor that
    # costs more than the rest of this function for the ~30 findings of every proposal.
    return {
        "rule": f.rule,
        "rule_name": f.rule_name,
        "consideration": f.consideration._value_ if f.consideration else None,
        "outcome": f.outcome._value_,
        "severity": f.severity._value_,
        "level": f.level,
        "message": f.message,
        "field": f.field,
        "line": f.line,
        "column": f.column,
        "effect": round(f.effect, 2) + 0.0,
        "condition": f.condition,
        "accepted": f.accepted,
    }


def _assessment(a: Assessment) -> dict[str, Any]:
    return {
        "path": a.path,
        "sha256": a.sha256,
        "status": "assessed",
        "id": a.proposal_id,
        "name": a.name,
        "host": a.host,
        "lead": a.lead,
        "as_of": a.as_of,
        "notices": list(a.notices),
        "verdict": a.verdict.value,
        "reason": a.reason,
        "score": _num(a.score, 1),
        "score_range": {"low": _num(a.score_low, 1), "high": _num(a.score_high, 1)},
        "completeness": _num(a.completeness, 3),
        "confidence": _num(a.completeness, 3),
        "legal": _legal(a.legal),
        "gates": [_gate(g) for g in a.gates],
        "missing_facts": [{"field": f, "line": n, "column": c} for f, n, c in a.missing_facts],
        "considerations": [_consideration(c) for c in a.considerations],
        "attributes": [_attribute(x) for x in a.attributes],
        "conditions": list(a.conditions),
        "accepted_concerns": [_accepted(u) for u in a.accepted],
        "alternatives": list(a.alternatives),
        "findings": [_finding(f) for f in a.findings],
        "changes": None if a.changes is None else [_change(c) for c in a.changes],
        "sensitivity": _sensitivity(a.sensitivity),
    }


def _change(c: Change) -> dict[str, Any]:
    return {
        "field": c.field,
        "line": c.line,
        "column": c.column,
        "current": c.current,
        "value": c.value,
        "verdict": c.verdict.value,
        "score": _num(c.score, 1),
        "rule": c.rule,
        "outcome": c.outcome.value,
        "jointly": c.jointly,
    }


def _sensitivity(s: Sensitivity | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "intervals": [
            {
                "consideration": i.consideration.value,
                "weight": round(i.weight, 4),
                "low": round(i.low, 4),
                "high": round(i.high, 4),
            }
            for i in s.intervals
        ],
        "samples": s.samples,
        "seed": s.seed,
        "same_verdict_share": round(s.same_verdict_share, 4),
        "values_share": round(s.values_share, 4),
        "combined_share": round(s.combined_share, 4),
        "margin": s.margin,
        "fragile": s.fragile,
        "reason": s.reason,
    }


def _invalid(i: Invalid) -> dict[str, Any]:
    return {
        "path": i.path,
        "sha256": i.sha256,
        "status": "error" if i.failed else "invalid",  # error: pso could not assess it
        "errors": [_problem(p) for p in i.problems],
    }


def item_to_dict(item: Item, info: RunInfo) -> dict[str, Any]:
    """One input's entry of `assessments`; `info` is accepted for future per-run context."""
    del info  # the per-item shape does not depend on the run today
    if isinstance(item, Invalid):
        return _invalid(item)
    return _assessment(item)


def run_header(info: RunInfo) -> dict[str, Any]:
    """The audit block shared by the JSON document (and usable by other renderers)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": info.tool_version},
        "profile": {
            "name": info.profile_name,
            "sha256": info.profile_sha256,
            "origin": _basename(info.profile_origin),
        },
        "as_of": info.as_of,
        "timestamp": info.timestamp,
        "fail_on": info.fail_on,
        "commitments": _user_path(info.commitments),
        "rule_packs": [
            {"name": p.name, "version": p.version, "rules": p.rules} for p in info.packs
        ],
    }


def _summary(run: RunResult) -> dict[str, int]:
    counts = run.counts()
    return {**counts, "total": len(run.items)}


def render(run: RunResult) -> str:
    """The whole run as one JSON document, ending in a newline."""
    doc = {
        **run_header(run.info),
        "summary": _summary(run),
        "exit_code": int(run.exit_code),
        "assessments": [item_to_dict(i, run.info) for i in run.items],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def render_line(item: Item, info: RunInfo) -> str:
    """One input as a compact JSON object on one line (JSONL), ending in a newline."""
    doc = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": info.tool_version},
        "profile": info.profile_name,
        "profile_sha256": info.profile_sha256,
        "as_of": info.as_of,
        **item_to_dict(item, info),
    }
    line = _LINE.encode(doc)
    if "\u2028" in line or "\u2029" in line:  # line breaks to splitlines() and to JavaScript
        line = line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return line + "\n"
