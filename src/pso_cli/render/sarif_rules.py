"""SARIF reporting descriptors (tool.driver.rules): the rules, the profile's vetoes and
pso's own synthetic results (verdict, fragile verdict, acceptance not applied, input).

Each descriptor has what GitHub code scanning reads: `shortDescription`,
`fullDescription` (each at most 1024 characters), `help` as text and as Markdown (shown
beside each alert; the Markdown escapes every text from a pack or a profile, so nothing
in it forms a link or markup but the source's own address) and, where one exists,
`helpUri`:

- a rule: its reference's own address, else the address of the source its reference
  cites (rules/builtin/common.py CITED: LEG-001 and LEG-007 cite MFAT's page, AGY-006
  the Capstone doctrine);
- a veto: the address of the source it cites (the Health and Safety at Work Act for
  duty of care, the Defence Act for national command), else pso's documentation;
- PSO-*: the README section that explains it, on pso's documentation address
  ([project.urls] in pyproject.toml, read from the installed metadata).

pso declares no documentation address yet (there is no public repository or site), so
PSO-* descriptors, and vetoes citing no known source, have no helpUri, and the driver
no informationUri, until [project.urls] names one; no address is ever made up.
"""

from __future__ import annotations

import re
from typing import Any

from pso_cli.model.findings import Severity
from pso_cli.model.run import RuleInfo, RunInfo, VetoInfo
from pso_cli.render.markdown import escape
from pso_cli.rules.builtin.common import cited_url
from pso_cli.rules.pseudo import ACCEPTANCE, FRAGILE, INPUT, VERDICT, Pseudo

VERDICT_RULE = VERDICT.code
FRAGILE_RULE = FRAGILE.code
ACCEPTANCE_RULE = ACCEPTANCE.code
INPUT_RULE = INPUT.code

# GitHub code scanning's limits (SARIF support for code scanning, reportingDescriptor).
DESCRIPTION_LIMIT = 1024
NAME_LIMIT = 255

# The README section (its GitHub anchor) that documents each of pso's own codes, and the
# vetoes of a profile.
ANCHORS: dict[str, str] = {
    VERDICT.code: "how-the-verdict-is-reached",
    FRAGILE.code: "decision-analysis-how-sure-and-what-would-change-it",
    ACCEPTANCE.code: "how-the-verdict-is-reached",
    INPUT.code: "a-proposal",
}
VETO_ANCHOR = "how-the-verdict-is-reached"

_SEVERITY_LEVEL: dict[str, str] = {
    Severity.CRITICAL: "error",
    Severity.MAJOR: "error",
    Severity.MINOR: "warning",
    Severity.INFO: "note",
}
# An address that may stand in a Markdown link as it is: http(s), nothing that ends it.
_LINKABLE = re.compile(r"https?://[^\s()<>\[\]`\\]+")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_COMMAND = re.compile(r"pso [a-z ]+[A-Za-z0-9_.-]*")

__all__ = [
    "ACCEPTANCE_RULE",
    "ANCHORS",
    "DESCRIPTION_LIMIT",
    "FRAGILE_RULE",
    "INPUT_RULE",
    "NAME_LIMIT",
    "VERDICT_RULE",
    "VETO_ANCHOR",
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


def docs_url(base: str | None, anchor: str) -> str | None:
    """A README section on pso's documentation address, when the project declares one."""
    if not base:
        return None
    return base if "#" in base else f"{base}#{anchor}"


def _limit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _text(text: str) -> dict[str, str]:
    return {"text": _limit(text, DESCRIPTION_LIMIT)}


def _link(label: str, url: str | None) -> str:
    if url is None:
        return ""
    return f"[{label}]({url})" if _LINKABLE.fullmatch(url) else escape(url)


def _help(
    paragraphs: list[str], source: str | None, url: str | None, command: str
) -> dict[str, str]:
    """help.text and help.markdown: the paragraphs, the source with its address (or the
    documentation's), and the pso command that tells more (as code in the Markdown)."""
    text = list(paragraphs)
    markdown = [escape(p) for p in paragraphs]
    if source:
        text.append(f"Source: {source}" + (f"\n{url}" if url else ""))
        link = _link("the source", url)
        markdown.append(f"**Source:** {escape(source)}" + (f" ({link})" if link else ""))
    elif url:
        text.append(f"Documentation: {url}")
        markdown.append(_link("Documentation", url))
    text.append(f"More: {command}")
    markdown.append(f"More: `{command}`" if _COMMAND.fullmatch(command) else escape(command))
    return {"text": "\n\n".join(text), "markdown": "\n\n".join(markdown)}


def _rule(r: RuleInfo) -> dict[str, Any]:
    url = r.url or cited_url(r.reference)
    more = f"pso explain {r.code}" if _CODE.fullmatch(r.code) else "pso rules"
    desc: dict[str, Any] = {
        "id": r.code,
        "name": _limit(r.name, NAME_LIMIT),
        "shortDescription": _text(r.title),
        "fullDescription": _text(f"{r.rationale} Source: {r.reference}"),
        "help": _help([r.rationale], r.reference, url, more),
    }
    if url:
        desc["helpUri"] = url
    desc["defaultConfiguration"] = {"level": severity_level(r.severity)}
    desc["properties"] = {"consideration": r.consideration, "gate": r.gate, "kind": "rule"}
    return desc


def _veto(v: VetoInfo, info: RunInfo) -> dict[str, Any]:
    text = f"A veto of the criteria profile: when it fails the verdict is {v.verdict}, "
    text += "whatever the score."
    if v.condition:
        text += f" Lifted by: {v.condition}"
    url = cited_url(v.source) or docs_url(info.tool_url, VETO_ANCHOR)
    profile = info.profile_name
    more = f"pso criteria show {profile}" if _CODE.fullmatch(profile) else "pso criteria show"
    desc: dict[str, Any] = {
        "id": v.id,
        "name": _limit(v.id, NAME_LIMIT),
        "shortDescription": _text(v.title),
        "fullDescription": _text(f"{text} Source: {v.source}"),
        "help": _help([v.title + ".", text], v.source, url, more),
    }
    if url:
        desc["helpUri"] = url
    desc["defaultConfiguration"] = {"level": veto_level(v.verdict)}
    desc["properties"] = {"kind": "veto", "verdict": v.verdict, "source": v.source}
    return desc


def _synthetic(p: Pseudo, full: str, level: str, info: RunInfo) -> dict[str, Any]:
    url = docs_url(info.tool_url, ANCHORS[p.code])
    desc: dict[str, Any] = {
        "id": p.code,
        "name": p.name,
        "shortDescription": _text(p.title),
        "fullDescription": _text(full),
        "help": _help([full], None, url, f"pso explain {p.code}"),
    }
    if url:
        desc["helpUri"] = url
    desc["defaultConfiguration"] = {"level": level}
    desc["properties"] = {"kind": "pso"}
    return desc


SYNTHETIC: tuple[tuple[Pseudo, str, str], ...] = (
    (
        VERDICT,
        "One result per assessed proposal: an error when the verdict reaches --fail-on, "
        "otherwise a note.",
        "note",
    ),
    (
        FRAGILE,
        "With --sensitivity: a change of one consideration's weight smaller than the "
        "margin would change the verdict.",
        "warning",
    ),
    (
        ACCEPTANCE,
        "A proposal's accepted concern that took no effect: expired, naming an unknown or "
        "retired rule, refused because the rule's finding is a blocker, or with no concern "
        "to accept.",
        "warning",
    ),
    (INPUT, "A proposal that cannot be loaded is not assessed.", "error"),
)


def driver_rules(info: RunInfo) -> list[dict[str, Any]]:
    """Every reporting descriptor, rules first, then vetoes, then pso's own."""
    return [
        *(_rule(r) for r in info.rules),
        *(_veto(v, info) for v in info.vetoes),
        *(_synthetic(p, full, level, info) for p, full, level in SYNTHETIC),
    ]
