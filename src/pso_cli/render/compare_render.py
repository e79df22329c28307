"""Text, JSON and Markdown for `pso compare` and `pso diff`.

The same three audiences as `pso assess`: an officer at a terminal (rich tables, every
YAML-sourced string wrapped in `Text` so it is never read as markup), a script (JSON,
versioned with `schema_version` and `kind`, keys in a fixed order, floats rounded, so
the same inputs give byte-identical output), and a briefing or pull request (Markdown,
every YAML-sourced string escaped).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pso_cli.engine.compare import Comparison, Option, Separation
from pso_cli.engine.diff import Diff, FieldChange, FindingChange
from pso_cli.model.findings import Assessment, Consideration, Finding, Verdict
from pso_cli.model.run import RunInfo
from pso_cli.render.markdown import VERDICT_LABELS, escape
from pso_cli.render.text import VERDICT_LABEL, make_console

SCHEMA_VERSION = 1

__all__ = [
    "SCHEMA_VERSION",
    "compare_json",
    "compare_markdown",
    "compare_text",
    "diff_json",
    "diff_markdown",
    "diff_text",
    "to_string",
]


# ----------------------------------------------------------------------------- shared


def _signed(x: float) -> str:
    return f"{x:+.1f}" if round(x, 1) != 0 else "0.0"


def show_value(v: Any, limit: int = 60) -> str:
    """A field value on one line: strings as they are, the rest as compact JSON."""
    if v is None:
        return "(not stated)"
    text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _header(kind: str, info: RunInfo) -> dict[str, Any]:
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


def _dump(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _finding_dict(f: Finding | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return {
        "message": f.message,
        "severity": f.severity.value,
        "effect": round(f.effect, 1),
        "line": f.line,
        "column": f.column,
        "accepted": f.accepted,
    }


def _footer(info: RunInfo) -> list[str]:
    return [
        f"<sub>pso {escape(info.tool_version)} · profile {escape(info.profile_name)} "
        f"(sha256 {info.profile_sha256[:12]}) · as of {info.as_of}</sub>"
    ]


def _verdict_text(v: Verdict) -> Text:
    return Text(VERDICT_LABEL[v], style=f"verdict.{v.value}")


def to_string(parts: Iterable[RenderableType], width: int = 100) -> str:
    """Renderables as plain text (for --output and tests)."""
    buf = io.StringIO()
    console = make_console(buf, width, False)
    for p in parts:
        console.print(p)
    return buf.getvalue()


def _padded(parts: Iterable[RenderableType | None]) -> list[RenderableType]:
    return [Padding(p, (0, 0, 1, 0)) for p in parts if p is not None]


# ----------------------------------------------------------------------------- compare


def _option_dict(o: Option) -> dict[str, Any]:
    a = o.assessment
    return {
        "rank": o.rank,
        "path": a.path,
        "sha256": a.sha256,
        "id": a.proposal_id,
        "name": a.name,
        "verdict": a.verdict.value,
        "reason": a.reason,
        "score": round(a.score, 1),
        "confidence": round(a.confidence, 3),
        "considerations": [
            {
                "consideration": c.consideration.value,
                "score": round(c.score, 1),
                "confidence": round(c.confidence, 3),
                "weight": round(c.weight, 3),
            }
            for c in a.considerations
        ],
        "blockers": [
            {"rule": f.rule, "field": f.field, "line": f.line, "column": f.column}
            | {"message": f.message}
            for f in o.blockers
        ],
        "dominated": bool(o.dominated_by),
        "dominated_by": list(o.dominated_by),
    }


def _separation_dict(s: Separation) -> dict[str, Any]:
    return {
        "consideration": s.consideration.value,
        "first": round(s.first, 1),
        "second": round(s.second, 1),
        "difference": round(s.first - s.second, 1) + 0.0,
        "weight": round(s.weight, 3),
        "contribution": round(s.contribution, 2),
        "explains_gap": s.explains,
    }


def compare_json(cmp: Comparison, info: RunInfo) -> str:
    top = None
    if len(cmp.options) >= 2:
        top = {
            "first": cmp.options[0].path,
            "second": cmp.options[1].path,
            "decided_by": cmp.decided_by,
            "score_gap": round(cmp.gap, 1),
            "considerations": [_separation_dict(s) for s in cmp.separating],
        }
    doc = _header("compare", info) | {
        "options": [_option_dict(o) for o in cmp.options],
        "separating": top,
    }
    return _dump(doc)


_SHORT = {
    Consideration.STRATEGIC: "Str",
    Consideration.LEGALITY: "Leg",
    Consideration.AGENCIES: "Agy",
    Consideration.ALTERNATIVES: "Alt",
}


def _short(c: Consideration) -> str:
    return _SHORT.get(c, c.value[:3].capitalize())


def _options_table(cmp: Comparison) -> RenderableType:
    t = Table(title="Options, best first", title_justify="left", box=box.SIMPLE_HEAD)
    t.add_column("#", justify="right")
    t.add_column("Option", overflow="fold", min_width=12)
    t.add_column("Verdict", min_width=10)
    for name in ("Score", "Conf.", *map(_short, Consideration), "Blk"):
        t.add_column(name, justify="right", no_wrap=True)
    for o in cmp.options:
        a = o.assessment
        label = Text(a.proposal_id, style="bold")
        if o.dominated_by:
            label.append("\n(dominated)", style="outcome.concern")
        by = {c.consideration: c.score for c in a.considerations}
        t.add_row(
            str(o.rank),
            label,
            _verdict_text(a.verdict),
            f"{a.score:.1f}",
            f"{a.confidence:.0%}",
            *(f"{by[c]:.0f}" if c in by else "-" for c in Consideration),
            str(len(o.blockers)),
        )
    legend = ", ".join(f"{_short(c)} {c.value}" for c in Consideration)
    return Group(t, Text(f"Consideration scores 0-100: {legend}; Blk blockers.", style="muted"))


def _key_lines(cmp: Comparison) -> list[Text]:
    return [
        Text(f"{o.assessment.proposal_id}: ", style="bold")
        + Text(f"{o.assessment.name} ({o.path})")
        for o in cmp.options
    ]


def _bullets(title: str, lines: list[Text]) -> RenderableType | None:
    if not lines:
        return None
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for line in lines:
        grid.add_row("  •", line)
    return Group(Text(title, style="bold"), grid)


def _dominance_lines(cmp: Comparison) -> list[Text]:
    return [
        Text(
            f"{o.path} is dominated by {', '.join(o.dominated_by)}: no better on any "
            "consideration, worse on at least one."
        )
        for o in cmp.options
        if o.dominated_by
    ]


def _blocker_lines(cmp: Comparison) -> list[Text]:
    return [
        Text(f"{o.path}:{f.line}:{f.column} {f.rule}: {f.message}")
        for o in cmp.options
        for f in o.blockers
    ]


def decided_sentence(cmp: Comparison) -> str:
    """Why the first option is ranked above the second, in one sentence."""
    a, b = cmp.options[0].assessment, cmp.options[1].assessment
    if cmp.decided_by == "verdict":
        return f"Ranked first on verdict: {a.verdict.value} against {b.verdict.value}."
    if cmp.decided_by == "score":
        return f"Same verdict; ranked first on score: {a.score:.1f} against {b.score:.1f}."
    if cmp.decided_by == "confidence":
        return (
            f"Same verdict and score; ranked first on confidence: "
            f"{a.confidence:.0%} against {b.confidence:.0%}."
        )
    return "Tied on verdict, score and confidence; listed in path order."


def _separation_table(cmp: Comparison) -> RenderableType | None:
    if len(cmp.options) < 2:
        return None
    a, b = cmp.options[0].assessment, cmp.options[1].assessment
    title = Text("What separates ", style="bold") + Text(a.name, style="bold")
    title += Text(" from ", style="bold") + Text(b.name, style="bold")
    note = Text(f"{decided_sentence(cmp)} Score gap {_signed(cmp.gap)}.")
    t = Table(box=None, padding=(0, 1))
    for name in ("Consideration", "#1", "#2", "Difference", "Weight", "Points of gap", ""):
        t.add_column(name, justify="left" if name in ("Consideration", "") else "right")
    for s in cmp.separating:
        t.add_row(
            s.consideration.title,
            f"{s.first:.0f}",
            f"{s.second:.0f}",
            _signed(s.first - s.second),
            f"{s.weight:g}",
            f"{s.contribution:+.2f}",
            "explains the gap" if s.explains else "",
        )
    return Group(title, note, t) if cmp.separating else Group(title, note)


def compare_parts(cmp: Comparison, info: RunInfo) -> list[RenderableType]:
    head = Text(
        f"pso compare: {len(cmp.options)} options · profile {info.profile_name} · "
        f"as of {info.as_of}",
        style="bold",
    )
    return _padded(
        [
            head,
            _options_table(cmp),
            _bullets("Options", _key_lines(cmp)),
            _bullets("Dominated options", _dominance_lines(cmp)),
            _bullets("Blockers (non-compensatory gates)", _blocker_lines(cmp)),
            _separation_table(cmp),
        ]
    )


def compare_text(cmp: Comparison, info: RunInfo, width: int = 100) -> str:
    return to_string(compare_parts(cmp, info), width)


def _md_option_row(o: Option) -> str:
    a = o.assessment
    by = {c.consideration: c.score for c in a.considerations}
    cells = [
        str(o.rank),
        f"{escape(a.name)}<br>{escape(a.path)}" + (" *(dominated)*" if o.dominated_by else ""),
        VERDICT_LABELS[a.verdict],
        f"{a.score:.1f}",
        f"{a.confidence:.2f}",
        *(f"{by[c]:.0f}" if c in by else "-" for c in Consideration),
        str(len(o.blockers)),
    ]
    return "| " + " | ".join(cells) + " |"


def _md_options(cmp: Comparison) -> list[str]:
    names = ["#", "Option", "Verdict", "Score", "Confidence", *map(_short, Consideration)]
    head = "| " + " | ".join([*names, "Blockers"]) + " |"
    align = "|---:|---|---|" + "---:|" * (len(names) - 2)
    return [head, align, *(_md_option_row(o) for o in cmp.options), ""]


def _md_separation(cmp: Comparison) -> list[str]:
    if len(cmp.options) < 2:
        return []
    a, b = cmp.options[0].assessment, cmp.options[1].assessment
    out = [f"## What separates {escape(a.name)} from {escape(b.name)}", ""]
    out += [f"{decided_sentence(cmp)} Score gap {_signed(cmp.gap)}.", ""]
    if cmp.separating:
        out += [
            "| Consideration | #1 | #2 | Difference | Weight | Points of gap | |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        out += [
            f"| {s.consideration.title} | {s.first:.0f} | {s.second:.0f} | "
            f"{_signed(s.first - s.second)} | {s.weight:g} | {s.contribution:+.2f} | "
            f"{'explains the gap' if s.explains else ''} |"
            for s in cmp.separating
        ]
        out.append("")
    return out


def _md_list(title: str, lines: list[Text]) -> list[str]:
    if not lines:
        return []
    return [f"## {title}", "", *(f"- {escape(t.plain)}" for t in lines), ""]


def compare_markdown(cmp: Comparison, info: RunInfo) -> str:
    out = [f"# pso compare: {len(cmp.options)} options", ""]
    out += _md_options(cmp)
    out += _md_list("Dominated options", _dominance_lines(cmp))
    out += _md_list("Blockers", _blocker_lines(cmp))
    out += _md_separation(cmp) + _footer(info)
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------- diff


def _side(a: Assessment) -> dict[str, Any]:
    return {
        "path": a.path,
        "sha256": a.sha256,
        "id": a.proposal_id,
        "name": a.name,
        "verdict": a.verdict.value,
        "reason": a.reason,
        "score": round(a.score, 1),
        "confidence": round(a.confidence, 3),
    }


def _field_dict(f: FieldChange) -> dict[str, Any]:
    alone = None
    if f.alone is not None:
        alone = {
            "verdict": f.alone.verdict.value,
            "score": round(f.alone.score, 1),
            "score_delta": round(f.alone.score_delta, 1),
            "considerations": [
                {"consideration": c.value, "delta": round(d, 1)} for c, d in f.alone.considerations
            ],
        }
    return {
        "field": f.field,
        "kind": f.kind,
        "old": f.old,
        "new": f.new,
        "line": f.line,
        "column": f.column,
        "valid_alone": f.alone is not None,
        "alone": alone,
    }


def _finding_change_dict(c: FindingChange) -> dict[str, Any]:
    return {
        "status": c.status,
        "rule": c.rule,
        "field": c.field,
        "outcome": c.outcome.value,
        "old": _finding_dict(c.old),
        "new": _finding_dict(c.new),
    }


def diff_json(d: Diff, info: RunInfo) -> str:
    doc = _header("diff", info) | {
        "old": _side(d.old),
        "new": _side(d.new),
        "verdict_changed": d.old.verdict != d.new.verdict,
        "score_delta": round(d.new.score - d.old.score, 1) + 0.0,
        "confidence_delta": round(d.new.confidence - d.old.confidence, 3) + 0.0,
        "considerations": [
            {"consideration": s.consideration.value, "old": s.old, "new": s.new}
            | {"delta": s.delta}
            for s in d.considerations
        ],
        "fields": [_field_dict(f) for f in d.fields],
        "interaction": {
            "score": d.interaction_score,
            "considerations": [{"consideration": c.value, "delta": v} for c, v in d.interaction],
        },
        "findings": [_finding_change_dict(c) for c in d.findings],
    }
    return _dump(doc)


def alone_text(f: FieldChange, old: Verdict) -> str:
    """What this edit alone does: 'legality +15.0; score +4.5; verdict → recommend'."""
    if f.alone is None:
        return "not assessable alone (invalid without the other edits)"
    moved = [f"{c.value} {_signed(v)}" for c, v in f.alone.considerations]
    if f.alone.score_delta:
        moved.append(f"score {_signed(f.alone.score_delta)}")
    moved = moved or ["no score moves"]
    changed = f.alone.verdict != old
    moved.append(f"verdict → {f.alone.verdict.value}" if changed else "verdict unchanged")
    return "; ".join(moved)


def _interaction_text(d: Diff) -> str:
    per = [f"{c.value} {_signed(v)}" for c, v in d.interaction if v]
    return (
        f"Interaction (total change minus the sum of the single edits): score "
        f"{_signed(d.interaction_score)}" + (f"; {', '.join(per)}" if per else "")
    )


def _diff_head(d: Diff) -> RenderableType:
    a, b = d.old, d.new
    body = Text()
    body.append(a.name, style="bold")
    body.append(f"\n{a.path} → {b.path}\n", style="muted")
    body.append("Verdict: ")
    body.append_text(_verdict_text(a.verdict))
    body.append(" → ")
    body.append_text(_verdict_text(b.verdict))
    body.append(
        f"\nScore {a.score:.1f} → {b.score:.1f} ({_signed(b.score - a.score)}), "
        f"confidence {a.confidence:.0%} → {b.confidence:.0%}\n"
    )
    body.append(b.reason)
    return Panel(body, title="pso diff", title_align="left")


def _scores_table(d: Diff) -> Table:
    t = Table(title="Scores", title_justify="left")
    for name in ("Consideration", "Old", "New", "Change"):
        t.add_column(name, justify="left" if name == "Consideration" else "right")
    for s in d.considerations:
        t.add_row(s.consideration.title, f"{s.old:.0f}", f"{s.new:.0f}", _signed(s.delta))
    t.add_row(
        Text("Overall", style="bold"),
        f"{d.old.score:.1f}",
        f"{d.new.score:.1f}",
        _signed(d.new.score - d.old.score),
    )
    return t


def _field_line(d: Diff, f: FieldChange) -> Text:
    line = Text(f.field, style="bold") + Text(f" ({d.new.path}:{f.line}:{f.column})", style="muted")
    line += Text(f"\n{show_value(f.old)} → {show_value(f.new)}")
    line += Text(f"\nalone: {alone_text(f, d.old.verdict)}", style="muted")
    return line


def _fields_block(d: Diff) -> RenderableType:
    if not d.fields:
        return Text("No field differs between the two versions.", style="muted")
    lines = [_field_line(d, f) for f in d.fields]
    block = _bullets("Edits, each applied alone to the old version", lines)
    return Group(block or Text(""), Text(_interaction_text(d)))


def finding_change_text(c: FindingChange) -> str:
    f = c.new or c.old
    msg = f.message if f else ""
    if c.status == "changed" and c.old and c.new:
        msg = f"{c.old.message} → {c.new.message}"
    return msg


def _finding_line(c: FindingChange) -> Text:
    head = Text(f"{c.status} ", style="bold") + Text(f"{c.rule} ")
    head += Text(c.outcome.value, style=f"outcome.{c.outcome.value}")
    head += Text(f" {c.field}", style="muted")
    return head + Text(f"\n{finding_change_text(c)}")


def _findings_block(d: Diff) -> RenderableType | None:
    return _bullets("Findings", [_finding_line(c) for c in d.findings])


def diff_parts(d: Diff) -> list[RenderableType]:
    return _padded([_diff_head(d), _scores_table(d), _fields_block(d), _findings_block(d)])


def diff_text(d: Diff, width: int = 100) -> str:
    return to_string(diff_parts(d), width)


def _md_fields(d: Diff) -> list[str]:
    if not d.fields:
        return ["No field differs between the two versions.", ""]
    out = [
        "## Edits, each applied alone to the old version",
        "",
        "| Field | Line | Old | New | Alone it moves |",
        "|---|---:|---|---|---|",
    ]
    out += [
        f"| {escape(f.field)} | {f.line}:{f.column} | {escape(show_value(f.old))} | "
        f"{escape(show_value(f.new))} | {escape(alone_text(f, d.old.verdict))} |"
        for f in d.fields
    ]
    return [*out, "", escape(_interaction_text(d)), ""]


def _md_findings(d: Diff) -> list[str]:
    if not d.findings:
        return []
    out = [
        "## Findings",
        "",
        "| Change | Rule | Outcome | Field | Finding |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| {c.status} | {escape(c.rule)} | {c.outcome.value} | {escape(c.field)} | "
        f"{escape(finding_change_text(c))} |"
        for c in d.findings
    ]
    return [*out, ""]


def diff_markdown(d: Diff, info: RunInfo) -> str:
    a, b = d.old, d.new
    out = [f"# pso diff: {escape(a.name)}", "", f"{escape(a.path)} → {escape(b.path)}", ""]
    out += [
        f"Verdict: **{VERDICT_LABELS[a.verdict]}** → **{VERDICT_LABELS[b.verdict]}** — "
        f"{escape(b.reason)}",
        "",
        "| Consideration | Old | New | Change |",
        "|---|---:|---:|---:|",
    ]
    out += [
        f"| {s.consideration.title} | {s.old:.0f} | {s.new:.0f} | {_signed(s.delta)} |"
        for s in d.considerations
    ]
    out += [
        f"| **Overall** | {a.score:.1f} | {b.score:.1f} | {_signed(b.score - a.score)} |",
        "",
    ]
    out += _md_fields(d) + _md_findings(d) + _footer(info)
    return "\n".join(out) + "\n"
