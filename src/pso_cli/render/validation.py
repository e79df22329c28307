"""Output of `pso validate`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pso_cli.api import ValidationResult

VALIDATE_SCHEMA_VERSION = 1


def render_text(results: Sequence[ValidationResult], quiet: bool = False) -> str:
    """Errors as path:line:col: message; warnings as path:line:col: warning: message
    (printed with --quiet too: they are not noise)."""
    lines: list[str] = []
    for r in results:
        lines.extend(f"{w.location}: warning: {w.message}" for w in r.warnings)
        if r.problems:
            lines.extend(str(p) for p in r.problems)
        elif not quiet:
            lines.append(f"{r.path}: valid" + (f" ({r.kind})" if r.kind != "proposal" else ""))
    bad = sum(1 for r in results if r.problems)
    warned = sum(len(r.warnings) for r in results)
    if not quiet:
        tail = f"; {warned} warning{'s' * (warned != 1)}" if warned else ""
        lines.append(
            f"{len(results)} file{'s' * (len(results) != 1)} checked: "
            f"{len(results) - bad} valid, {bad} invalid{tail}"
        )
    return "\n".join(lines) + "\n"


def _problem(p: Any) -> dict[str, Any]:
    loc = p.location
    return {
        "line": loc.line,
        "column": loc.column,
        "field": loc.field,
        "code": p.code,
        "message": p.message,
    }


def render_json(results: Sequence[ValidationResult]) -> str:
    doc = {
        "schema_version": VALIDATE_SCHEMA_VERSION,
        "valid": not any(r.problems for r in results),
        "files": [
            {
                "path": r.path,
                "kind": r.kind,
                "valid": not r.problems,
                "errors": [_problem(p) for p in r.problems],
                "warnings": [_problem(p) for p in r.warnings],
            }
            for r in results
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
