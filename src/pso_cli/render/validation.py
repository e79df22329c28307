"""Output of `pso validate`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pso_cli.api import ValidationResult

VALIDATE_SCHEMA_VERSION = 1


def render_text(results: Sequence[ValidationResult], quiet: bool = False) -> str:
    lines: list[str] = []
    for r in results:
        if r.problems:
            lines.extend(str(p) for p in r.problems)
        elif not quiet:
            lines.append(f"{r.path}: valid" + (f" ({r.kind})" if r.kind != "proposal" else ""))
    bad = sum(1 for r in results if r.problems)
    if not quiet:
        lines.append(
            f"{len(results)} file{'s' * (len(results) != 1)} checked: "
            f"{len(results) - bad} valid, {bad} invalid"
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
            }
            for r in results
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
