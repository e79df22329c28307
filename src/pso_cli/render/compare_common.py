"""What `pso compare` and `pso diff` share: the JSON header, number formats, the plain
text of rich renderables with no trailing spaces, and small building blocks.

JSON: versioned with `schema_version` and `kind`, keys in a fixed order, floats rounded,
so the same inputs give byte-identical output. Version 2 (the value model): scores may
be null (nothing they weigh is stated), with ranges and completeness; `confidence` is
kept for this version as a deprecated alias of completeness.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pso_cli.model.findings import Assessment, Verdict
from pso_cli.model.run import RunInfo
from pso_cli.render.markdown import escape
from pso_cli.render.text import VERDICT_LABEL, make_console

SCHEMA_VERSION = 2

__all__ = [
    "SCHEMA_VERSION",
    "bullets",
    "dump",
    "footer",
    "header",
    "num",
    "padded",
    "print_stripped",
    "score_fields",
    "show_value",
    "signed",
    "strip_trailing",
    "to_string",
    "verdict_text",
]

_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.M)


def signed(x: float | None) -> str:
    if x is None:
        return "n/a"
    return f"{x:+.1f}" if round(x, 1) != 0 else "0.0"


def num(x: float | None, fmt: str = ".1f") -> str:
    return "–" if x is None else format(x, fmt)


def rounded(x: float | None, ndigits: int) -> float | None:
    return None if x is None else round(x, ndigits) + 0.0


def show_value(v: Any, limit: int = 60) -> str:
    """A field value on one line: strings as they are, the rest as compact JSON."""
    if v is None:
        return "(not stated)"
    text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def header(kind: str, info: RunInfo) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": kind,
        "tool": {"name": "pso", "version": info.tool_version},
        "profile": {"name": info.profile_name, "sha256": info.profile_sha256},
        "as_of": info.as_of,
        "rule_packs": [
            {"name": p.name, "version": p.version, "rules": p.rules} for p in info.packs
        ],
    }


def score_fields(a: Assessment) -> dict[str, Any]:
    """score (or null), score_range, completeness and its deprecated alias confidence."""
    return {
        "score": rounded(a.score, 1),
        "score_range": {"low": rounded(a.score_low, 1), "high": rounded(a.score_high, 1)},
        "completeness": rounded(a.completeness, 3),
        "confidence": rounded(a.completeness, 3),
    }


def dump(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def footer(info: RunInfo) -> list[str]:
    return [
        f"<sub>pso {escape(info.tool_version)} · profile {escape(info.profile_name)} "
        f"(sha256 {info.profile_sha256[:12]}) · as of {info.as_of}</sub>"
    ]


def verdict_text(v: Verdict) -> Text:
    return Text(VERDICT_LABEL[v], style=f"verdict.{v.value}")


def strip_trailing(text: str) -> str:
    """Every line without trailing spaces (kept before any closing colour codes)."""
    return _TRAILING.sub(r"\1", text)


def _render(console: Console, parts: Iterable[RenderableType]) -> str:
    with console.capture() as captured:
        for p in parts:
            console.print(p)
    return strip_trailing(captured.get())


def to_string(parts: Iterable[RenderableType], width: int = 100) -> str:
    """Renderables as plain text (for --output and tests), no line ending in spaces."""
    return _render(make_console(io.StringIO(), width, False), parts)


def print_stripped(parts: Iterable[RenderableType], width: int | None) -> str:
    """The text a terminal (or pipe) on stdout gets, colours as it would, no trailing
    spaces."""
    return _render(make_console(width=width), parts)


def padded(parts: Iterable[RenderableType | None]) -> list[RenderableType]:
    return [Padding(p, (0, 0, 1, 0)) for p in parts if p is not None]


def bullets(title: str, lines: list[Text]) -> RenderableType | None:
    if not lines:
        return None
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for line in lines:
        grid.add_row("  •", line)
    return Group(Text(title, style="bold"), grid)
