"""SARIF reporting descriptors (tool.driver.rules): the rules, the profile's vetoes and
pso's own synthetic results (verdict, fragile verdict, acceptance not applied, input)."""

from __future__ import annotations

from typing import Any

from pso_cli.model.findings import Severity
from pso_cli.model.run import RuleInfo, RunInfo, VetoInfo

VERDICT_RULE = "PSO-VERDICT"
FRAGILE_RULE = "PSO-FRAGILE"
ACCEPTANCE_RULE = "PSO-ACCEPTANCE"
INPUT_RULE = "PSO-INPUT"

_SEVERITY_LEVEL: dict[str, str] = {
    Severity.CRITICAL: "error",
    Severity.MAJOR: "error",
    Severity.MINOR: "warning",
    Severity.INFO: "note",
}

__all__ = [
    "ACCEPTANCE_RULE",
    "FRAGILE_RULE",
    "INPUT_RULE",
    "VERDICT_RULE",
    "driver_rules",
    "severity_level",
    "veto_level",
]


def severity_level(severity: str) -> str:
    return _SEVERITY_LEVEL.get(severity, "warning")


def veto_level(verdict: str) -> str:
    """A failed veto forcing do-not-recommend is an error; one forcing further analysis a
    warning."""
    return "error" if verdict == "do-not-recommend" else "warning"


def _rule(r: RuleInfo) -> dict[str, Any]:
    desc: dict[str, Any] = {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": f"{r.rationale} Source: {r.reference}"},
    }
    if r.url:
        desc["helpUri"] = r.url
    desc["defaultConfiguration"] = {"level": severity_level(r.severity)}
    desc["properties"] = {"consideration": r.consideration, "gate": r.gate, "kind": "rule"}
    return desc


def _veto(v: VetoInfo) -> dict[str, Any]:
    text = f"A veto of the criteria profile: when it fails the verdict is {v.verdict}, "
    text += "whatever the score."
    if v.condition:
        text += f" Lifted by: {v.condition}"
    text += f" Source: {v.source}"
    return {
        "id": v.id,
        "name": v.id,
        "shortDescription": {"text": v.title},
        "fullDescription": {"text": text},
        "defaultConfiguration": {"level": veto_level(v.verdict)},
        "properties": {"kind": "veto", "verdict": v.verdict, "source": v.source},
    }


def _synthetic(rule_id: str, name: str, short: str, full: str, level: str) -> dict[str, Any]:
    return {
        "id": rule_id,
        "name": name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": level},
        "properties": {"kind": "pso"},
    }


SYNTHETIC = (
    _synthetic(
        VERDICT_RULE,
        "verdict",
        "The overall verdict on a proposal",
        "One result per assessed proposal: an error when the verdict reaches --fail-on, "
        "otherwise a note.",
        "note",
    ),
    _synthetic(
        FRAGILE_RULE,
        "fragile-verdict",
        "The verdict flips with a small change of weights",
        "With --sensitivity: a change of one consideration's weight smaller than the "
        "margin would change the verdict.",
        "warning",
    ),
    _synthetic(
        ACCEPTANCE_RULE,
        "acceptance-not-applied",
        "An accepted concern was not applied",
        "A proposal's accepted concern that took no effect: expired, naming an unknown or "
        "retired rule, refused because the rule's finding is a blocker, or with no concern "
        "to accept.",
        "warning",
    ),
    _synthetic(
        INPUT_RULE,
        "invalid-input",
        "The input file is unreadable or invalid",
        "A proposal that cannot be loaded is not assessed.",
        "error",
    ),
)


def driver_rules(info: RunInfo) -> list[dict[str, Any]]:
    """Every reporting descriptor, rules first, then vetoes, then pso's own."""
    return [
        *(_rule(r) for r in info.rules),
        *(_veto(v) for v in info.vetoes),
        *(dict(s) for s in SYNTHETIC),
    ]
