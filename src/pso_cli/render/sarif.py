"""SARIF 2.1.0 output, so code-scanning tools can show findings on the proposal's lines.

GitHub code scanning and other SARIF viewers annotate files by rule and location, which
is exactly what located findings are. Only findings that ask for attention become
results (concern, blocker, missing-information, error); `supports` and `info` are left
out because a viewer would show them as alerts. A gate left contested or unknown (the
legal basis, say) is a warning: it forces further analysis. Each failed veto of the
profile is a result under the veto's id, at the fact that decided it (the driver lists
every veto with its title and source), each accepted concern that was not applied a
PSO-ACCEPTANCE result at its entry, each file one PSO-VERDICT result (score, range and
completeness in its properties), and each problem of an invalid file a PSO-INPUT result.
The descriptors (help, helpUri) are built in sarif_rules.py.

Locations: every `uri` is a relative reference, percent-encoded, never a scheme, with a
`uriBaseId` that `run.originalUriBaseIds` declares:
- `%SRCROOT%`, the working directory pso ran in: a path inside it (relative, or absolute
  under it) is given relative to it, normalised (`./a/../b.yaml` is `b.yaml`), which is
  what GitHub code scanning reads as relative to the repository's root. It is declared
  with a description and no `uri` (SARIF: the consumer resolves it), so the report never
  holds the absolute working directory (tests/test_security.py);
- `INPUT1`, `INPUT2`, ... (numbered in the order the files come): the directory of a
  file outside the working directory; its uri is the file's name, so no uri is absolute
  or climbs out of its base. The base is the directory as it was given: an absolute
  `file://` URI for an absolute path, or a relative one on `%SRCROOT%` (`../`,
  `../../other/`) for a `../` path that leaves the working directory.
One file given twice (`a.yaml` and its absolute path) is one artifact: the schema
wants them unique.
Output is deterministic: no timestamps, no absolute path that was not given,
fingerprints from stable facts only (the path as given, the rule, the field).
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from pso_cli.errors import Problem
from pso_cli.model.findings import AcceptedConcernUse, Assessment, Finding, Gate, Outcome
from pso_cli.model.run import Invalid, Item, RunInfo, RunResult, reached_fail_on
from pso_cli.render.report_facts import acceptance_note
from pso_cli.render.sarif_rules import (
    ACCEPTANCE_RULE,
    INPUT_RULE,
    VERDICT_RULE,
    driver_rules,
    severity_level,
    veto_level,
)

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

REPORTED = frozenset({Outcome.CONCERN, Outcome.BLOCKER, Outcome.MISSING, Outcome.ERROR})
_UNDECIDED = frozenset({Outcome.CONCERN, Outcome.MISSING})

__all__ = [
    "INPUT_RULE",
    "REPORTED",
    "SRCROOT",
    "VERDICT_RULE",
    "Bases",
    "acceptance_text",
    "dir_uri",
    "finding_level",
    "finding_text",
    "inside",
    "render",
    "undecided_gate",
    "uri",
    "veto_text",
]


def undecided_gate(a: Assessment, f: Finding) -> Gate | None:
    """The gate this finding leaves contested or unknown (the legal basis, say), if any."""
    if f.outcome not in _UNDECIDED:
        return None
    return next(
        (
            g
            for g in a.gates
            if g.kind == "gate" and g.rule == f.rule and g.status in ("contested", "unknown")
        ),
        None,
    )


def finding_level(f: Finding, a: Assessment | None = None) -> str:
    """SARIF level of a finding: blockers and errors are errors, a gate left contested or
    unknown (it forces further analysis) a warning, other concerns by severity."""
    if f.outcome in (Outcome.BLOCKER, Outcome.ERROR):
        return "error"
    if a is not None and undecided_gate(a, f) is not None:
        return "warning"
    if f.outcome == Outcome.CONCERN:
        return severity_level(f.severity)
    return "note"


SRCROOT = "%SRCROOT%"


def uri(path: str) -> str:
    """The path as given, as a relative URI reference: forward slashes, and every byte a
    URI path may not hold percent-encoded, `:` included, so no name reads as a scheme
    (`javascript:alert(1).yaml` is `javascript%3Aalert(1).yaml`, not a `javascript:` URI).
    Backslashes are separators only where the system says so (Windows)."""
    from urllib.parse import quote

    if os.sep != "/":
        path = path.replace(os.sep, "/")
    return quote(path, safe="/@!$&'()*+,;=-._~")


def dir_uri(folder: str) -> str:
    """An absolute directory as a `file://` URI ending in '/', percent-encoded like uri()
    (a Windows drive `C:\\x` is `file:///C:/x/`)."""
    from urllib.parse import quote

    path = folder.replace(os.sep, "/") if os.sep != "/" else folder
    path = path if path.startswith("/") else "/" + path
    path = path if path.endswith("/") else path + "/"
    return "file://" + quote(path, safe="/@!$&'()*+,;=-._~:")


def inside(path: str, root: str | None) -> str | None:
    """The path relative to `root`, normalised, or None when it is not under it: an
    absolute path elsewhere, or a `../` path that climbs out (`../x/a.yaml` run in x is
    `a.yaml`). With no root, a relative path is taken as under it unless `../` leaves."""
    if root is None:
        if os.path.isabs(path):
            return None
        rel = os.path.normpath(path)
    else:
        try:
            rel = os.path.relpath(os.path.normpath(os.path.join(root, path)), root)
        except ValueError:  # another drive (Windows)
            return None
    return None if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel


class Bases:
    """The base ids of a run's artifact locations, and the directory of each as given.

    `root`, the working directory, only decides what is inside it (an absolute path under
    it, a `../` path that comes back in); it is never written."""

    def __init__(self, root: str | None) -> None:
        self.root = root
        # where a directory is (absolute, when the root is known) -> its base id and
        # the directory as first given (absolute, or relative to the working directory)
        self.outside: dict[str, tuple[str, str]] = {}

    def locate(self, path: str) -> dict[str, str]:
        """An artifactLocation: `uri` relative to `uriBaseId`, neither absolute nor
        climbing out of it."""
        rel = inside(path, self.root)
        if rel is not None:
            return {"uri": uri(rel), "uriBaseId": SRCROOT}
        given, name = os.path.split(os.path.normpath(path))
        key = given if self.root is None else os.path.normpath(os.path.join(self.root, given))
        if key not in self.outside:
            self.outside[key] = (f"INPUT{len(self.outside) + 1}", given)
        return {"uri": uri(name), "uriBaseId": self.outside[key][0]}

    def original(self) -> dict[str, Any]:
        """run.originalUriBaseIds: %SRCROOT% (left for the consumer to resolve) and each
        INPUTn used, as the directory was given."""
        out: dict[str, Any] = {
            SRCROOT: {
                "description": {
                    "text": "The working directory pso ran in (under GitHub code scanning, "
                    "the repository's root): every relative input path starts there."
                }
            }
        }
        for base, given in self.outside.values():
            where: dict[str, Any]
            if os.path.isabs(given):
                where = {"uri": dir_uri(given)}
            else:
                where = {"uri": uri(given).rstrip("/") + "/", "uriBaseId": SRCROOT}
            where["description"] = {
                "text": "The directory of an input outside the working directory."
            }
            out[base] = where
        return out


def finding_text(f: Finding) -> str:
    if f.condition:
        return f"{f.message} Condition: {f.condition}"
    return f.message


def veto_text(g: Gate, condition: str | None = None) -> str:
    """'Veto not met: <title> (<id>, at <field>); it forces <verdict>. To lift it: ...'"""
    text = f"Veto not met: {g.title} ({g.rule}, at {g.field}); it forces {g.verdict}."
    return f"{text} To lift it: {condition}" if condition else text


def acceptance_text(u: AcceptedConcernUse) -> str:
    return f"Accepted concern for {u.rule} ({u.approver}): {acceptance_note(u)}."


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

    def __init__(
        self, index: dict[str, int], bases: Bases, lifts: dict[str, str] | None = None
    ) -> None:
        self.index = index
        self.bases = bases
        self.lifts = lifts or {}  # veto id -> what lifts it
        self.items: list[dict[str, Any]] = []

    def _location(self, path: str, line: int, column: int) -> list[dict[str, Any]]:
        return [
            {
                "physicalLocation": {
                    "artifactLocation": self.bases.locate(path),
                    "region": {"startLine": max(line, 1), "startColumn": max(column, 1)},
                }
            }
        ]

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
        props: dict[str, Any] = {
            "outcome": f.outcome.value,
            "consideration": f.consideration.value if f.consideration else None,
            "field": f.field,
            "effect": round(f.effect, 2) + 0.0,
            "severity": f.severity.value,
            "attributeLevel": f.level,
        }
        gate = undecided_gate(a, f)
        if gate is not None:
            props["gateStatus"] = gate.status
            if gate.rule == "LEG-001" and a.legal is not None:
                props["legalOutcome"] = a.legal.outcome.value
                props["legalQuestions"] = list(a.legal.questions)
        extra: dict[str, Any] = {
            "partialFingerprints": _fingerprint(a.path, f.rule, f.field, f.outcome.value),
            "properties": props,
        }
        if f.accepted:
            extra["suppressions"] = [_suppression(a, f.rule)]
        where = self._location(a.path, f.line, f.column)
        self.add(f.rule, finding_level(f, a), finding_text(f), where, **extra)

    def veto(self, a: Assessment, g: Gate) -> None:
        props = {"kind": "veto", "status": g.status, "verdict": g.verdict, "field": g.field}
        fp = _fingerprint(a.path, g.rule, g.field)
        where = self._location(a.path, g.line, g.column)
        level = veto_level(g.verdict)
        text = veto_text(g, self.lifts.get(g.rule))
        self.add(g.rule, level, text, where, partialFingerprints=fp, properties=props)

    def acceptance(self, a: Assessment, u: AcceptedConcernUse) -> None:
        props = {"rule": u.rule, "status": u.status, "approver": u.approver}
        fp = _fingerprint(a.path, ACCEPTANCE_RULE, u.rule, str(u.line))
        where = self._location(a.path, u.line, u.column)
        level = "note" if u.status == "unused" else "warning"
        text = acceptance_text(u)
        self.add(ACCEPTANCE_RULE, level, text, where, partialFingerprints=fp, properties=props)

    def verdict(self, a: Assessment, fail_on: str) -> None:
        level = "error" if reached_fail_on(a.verdict, fail_on) else "note"
        props = {
            "verdict": a.verdict.value,
            "score": None if a.score is None else round(a.score, 1),
            "scoreLow": round(a.score_low, 1),
            "scoreHigh": round(a.score_high, 1),
            "completeness": round(a.completeness, 3),
            "legalOutcome": a.legal.outcome.value if a.legal else None,
            "missingFacts": [f for f, _, _ in a.missing_facts],
            "asOf": a.as_of,
            "notices": list(a.notices),
        }
        text = f"Verdict: {a.verdict.value} — {a.reason}"
        fp = _fingerprint(a.path, VERDICT_RULE)
        self.add(
            VERDICT_RULE,
            level,
            text,
            self._location(a.path, 1, 1),
            partialFingerprints=fp,
            properties=props,
        )

    def problem(self, path: str, p: Problem) -> None:
        loc = p.location
        props = {"code": p.code, "field": loc.field}
        fp = _fingerprint(path, INPUT_RULE, p.code, loc.field)
        where = self._location(path, loc.line, loc.column)
        self.add(INPUT_RULE, "error", p.message, where, partialFingerprints=fp, properties=props)


def _collect(run: RunResult, index: dict[str, int], bases: Bases) -> list[dict[str, Any]]:
    lifts = {v.id: v.condition for v in run.info.vetoes if v.condition}
    results = _Results(index, bases, lifts)
    for item in run.items:
        if isinstance(item, Invalid):
            for p in item.problems:
                results.problem(item.path, p)
            continue
        for f in item.findings:
            if f.outcome in REPORTED:
                results.finding(item, f)
        for g in item.gates:
            if g.kind == "veto" and g.status == "failed":
                results.veto(item, g)
        for u in item.accepted:
            if u.status != "applied":
                results.acceptance(item, u)
        results.verdict(item, run.info.fail_on)
    return results.items


def _artifact(item: Item, bases: Bases) -> dict[str, Any]:
    art: dict[str, Any] = {"location": bases.locate(item.path)}
    if item.sha256:
        art["hashes"] = {"sha-256": item.sha256}
    return art


def _driver(info: RunInfo) -> dict[str, Any]:
    driver: dict[str, Any] = {"name": "pso"}
    if info.tool_url:
        driver["informationUri"] = info.tool_url
    driver |= {
        "version": info.tool_version,
        "semanticVersion": info.tool_version,
        "rules": driver_rules(info),
    }
    return driver


def _run_properties(info: RunInfo) -> dict[str, Any]:
    props: dict[str, Any] = {
        "profile": info.profile_name,
        "profileSha256": info.profile_sha256,
        "asOf": info.as_of,
        "failOn": info.fail_on,
        "rulePacks": [f"{p.name} {p.version}" for p in info.packs],
        "vetoes": [v.id for v in info.vetoes],
    }
    if info.timestamp:
        props["timestamp"] = info.timestamp
    return props


def render(run: RunResult) -> str:
    """The whole run as one SARIF 2.1.0 log, ending in a newline."""
    driver = _driver(run.info)
    index = {r["id"]: i for i, r in enumerate(driver["rules"])}
    bases = Bases(run.info.origin.cwd if run.info.origin else None)
    artifacts: list[dict[str, Any]] = []
    for item in run.items:  # one artifact per file: `a.yaml` and `/cwd/a.yaml` are one
        art = _artifact(item, bases)
        if art not in artifacts:
            artifacts.append(art)
    results = _collect(run, index, bases)
    sarif_run = {
        "tool": {"driver": driver},
        "invocations": [
            {"executionSuccessful": run.exit_code in (0, 1), "exitCode": int(run.exit_code)}
        ],
        "originalUriBaseIds": bases.original(),
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": _run_properties(run.info),
    }
    doc = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [sarif_run]}
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
