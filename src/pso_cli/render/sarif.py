"""SARIF 2.1.0 output, so code-scanning tools can show findings on the proposal's lines.

GitHub code scanning and other SARIF viewers annotate files by rule and location, which
is exactly what located findings are. Only findings that ask for attention become
results (concern, blocker, missing-information, error); `supports` and `info` are left
out because a viewer would show them as alerts. Each file also gets one PSO-VERDICT
result, and each problem of an invalid file a PSO-INPUT result. Output is deterministic:
no timestamps, fingerprints from stable facts only.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pso_cli.errors import Problem
from pso_cli.model.findings import Assessment, Finding, Outcome, Severity
from pso_cli.model.run import Invalid, Item, RuleInfo, RunInfo, RunResult, reached_fail_on

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERDICT_RULE = "PSO-VERDICT"
INPUT_RULE = "PSO-INPUT"

REPORTED = frozenset({Outcome.CONCERN, Outcome.BLOCKER, Outcome.MISSING, Outcome.ERROR})

_SEVERITY_LEVEL: dict[str, str] = {
    Severity.CRITICAL: "error",
    Severity.MAJOR: "error",
    Severity.MINOR: "warning",
    Severity.INFO: "note",
}

__all__ = ["REPORTED", "finding_level", "render", "uri"]


def severity_level(severity: str) -> str:
    return _SEVERITY_LEVEL.get(severity, "warning")


def finding_level(f: Finding) -> str:
    """SARIF level of a finding: blockers and errors are errors, concerns by severity."""
    if f.outcome in (Outcome.BLOCKER, Outcome.ERROR):
        return "error"
    if f.outcome == Outcome.CONCERN:
        return _SEVERITY_LEVEL[f.severity]
    return "note"


def uri(path: str) -> str:
    """The path as given, as a relative URI reference: forward slashes, and every byte a
    URI path may not hold percent-encoded, `:` included, so no name reads as a scheme
    (`javascript:alert(1).yaml` is `javascript%3Aalert(1).yaml`, not a `javascript:` URI).
    Backslashes are separators only where the system says so (Windows)."""
    import os
    from urllib.parse import quote

    if os.sep != "/":
        path = path.replace(os.sep, "/")
    return quote(path, safe="/@!$&'()*+,;=-._~")


def finding_text(f: Finding) -> str:
    if f.condition:
        return f"{f.message} Condition: {f.condition}"
    return f.message


def _rule_descriptor(r: RuleInfo) -> dict[str, Any]:
    desc: dict[str, Any] = {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": f"{r.rationale} Source: {r.reference}"},
    }
    if r.url:
        desc["helpUri"] = r.url
    desc["defaultConfiguration"] = {"level": severity_level(r.severity)}
    desc["properties"] = {"consideration": r.consideration, "gate": r.gate}
    return desc


_SYNTHETIC = (
    {
        "id": VERDICT_RULE,
        "name": "verdict",
        "shortDescription": {"text": "The overall verdict on a proposal"},
        "fullDescription": {
            "text": "One result per assessed proposal: an error when the verdict reaches "
            "--fail-on, otherwise a note."
        },
        "defaultConfiguration": {"level": "note"},
    },
    {
        "id": "PSO-FRAGILE",
        "name": "fragile-verdict",
        "shortDescription": {"text": "The verdict flips with a small change of weights"},
        "fullDescription": {
            "text": "With --sensitivity: a change of one consideration's weight smaller "
            "than the margin would change the verdict."
        },
        "defaultConfiguration": {"level": "warning"},
    },
    {
        "id": INPUT_RULE,
        "name": "invalid-input",
        "shortDescription": {"text": "The input file is unreadable or invalid"},
        "fullDescription": {"text": "A proposal that cannot be loaded is not assessed."},
        "defaultConfiguration": {"level": "error"},
    },
)


def _location(path: str, line: int, column: int) -> list[dict[str, Any]]:
    return [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": uri(path)},
                "region": {"startLine": max(line, 1), "startColumn": max(column, 1)},
            }
        }
    ]


def _fingerprint(*parts: str) -> dict[str, str]:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return {"psoResultHash/v1": digest[:32]}


def _suppression(a: Assessment, rule: str) -> dict[str, Any]:
    """An accepted concern is an external suppression, with who accepted it and why."""
    for use in a.accepted:
        if use.rule == rule and use.status == "applied":
            return {
                "kind": "external",
                "status": "accepted",
                "justification": f"{use.justification} (accepted by {use.approver})",
            }
    return {"kind": "external", "status": "accepted"}


class _Results:
    """Collects results with rule indexes resolved against the driver's rule list."""

    def __init__(self, index: dict[str, int]) -> None:
        self.index = index
        self.items: list[dict[str, Any]] = []

    def add(
        self, rule: str, level: str, text: str, where: list[dict[str, Any]], **extra: Any
    ) -> None:
        result: dict[str, Any] = {"ruleId": rule}
        if rule in self.index:
            result["ruleIndex"] = self.index[rule]
        result |= {"level": level, "message": {"text": text}, "locations": where}
        result |= extra
        self.items.append(result)

    def finding(self, a: Assessment, f: Finding) -> None:
        props = {
            "outcome": f.outcome.value,
            "consideration": f.consideration.value if f.consideration else None,
            "field": f.field,
            "effect": round(f.effect, 1),
            "severity": f.severity.value,
        }
        extra: dict[str, Any] = {
            "partialFingerprints": _fingerprint(a.path, f.rule, f.field, f.outcome.value),
            "properties": props,
        }
        if f.accepted:
            extra["suppressions"] = [_suppression(a, f.rule)]
        self.add(
            f.rule, finding_level(f), finding_text(f), _location(a.path, f.line, f.column), **extra
        )

    def verdict(self, a: Assessment, fail_on: str) -> None:
        level = "error" if reached_fail_on(a.verdict, fail_on) else "note"
        props = {"verdict": a.verdict.value, "score": round(a.score, 1)}
        props["confidence"] = round(a.confidence, 3)
        text = f"Verdict: {a.verdict.value} — {a.reason}"
        fp = _fingerprint(a.path, VERDICT_RULE)
        self.add(
            VERDICT_RULE,
            level,
            text,
            _location(a.path, 1, 1),
            partialFingerprints=fp,
            properties=props,
        )

    def problem(self, path: str, p: Problem) -> None:
        loc = p.location
        props = {"code": p.code, "field": loc.field}
        fp = _fingerprint(path, INPUT_RULE, p.code, loc.field)
        where = _location(path, loc.line, loc.column)
        self.add(INPUT_RULE, "error", p.message, where, partialFingerprints=fp, properties=props)


def _collect(run: RunResult, index: dict[str, int]) -> list[dict[str, Any]]:
    results = _Results(index)
    for item in run.items:
        if isinstance(item, Invalid):
            for p in item.problems:
                results.problem(item.path, p)
            continue
        for f in item.findings:
            if f.outcome in REPORTED:
                results.finding(item, f)
        results.verdict(item, run.info.fail_on)
    return results.items


def _artifact(item: Item) -> dict[str, Any]:
    art: dict[str, Any] = {"location": {"uri": uri(item.path)}}
    if item.sha256:
        art["hashes"] = {"sha-256": item.sha256}
    return art


def _driver(info: RunInfo) -> dict[str, Any]:
    rules = [_rule_descriptor(r) for r in info.rules] + [dict(s) for s in _SYNTHETIC]
    return {
        "name": "pso",
        "version": info.tool_version,
        "semanticVersion": info.tool_version,
        "rules": rules,
    }


def _run_properties(info: RunInfo) -> dict[str, Any]:
    props: dict[str, Any] = {
        "profile": info.profile_name,
        "profileSha256": info.profile_sha256,
        "asOf": info.as_of,
        "failOn": info.fail_on,
        "rulePacks": [f"{p.name} {p.version}" for p in info.packs],
    }
    if info.timestamp:
        props["timestamp"] = info.timestamp
    return props


def render(run: RunResult) -> str:
    """The whole run as one SARIF 2.1.0 log, ending in a newline."""
    driver = _driver(run.info)
    index = {r["id"]: i for i, r in enumerate(driver["rules"])}
    sarif_run = {
        "tool": {"driver": driver},
        "invocations": [
            {"executionSuccessful": run.exit_code in (0, 1), "exitCode": int(run.exit_code)}
        ],
        "artifacts": [_artifact(i) for i in run.items],
        "results": _collect(run, index),
        "columnKind": "unicodeCodePoints",
        "properties": _run_properties(run.info),
    }
    doc = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [sarif_run]}
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
