"""Markdown for `pso diff`: a review comment on a redraft, every YAML-sourced string
escaped."""

from __future__ import annotations

from pso_cli.engine.diff import Diff
from pso_cli.model.run import RunInfo
from pso_cli.render.compare_common import footer, num, show_value, signed
from pso_cli.render.diff_render import (
    alone_text,
    finding_change_text,
    interaction_text,
    level_text,
    points_note,
    score_line,
)
from pso_cli.render.markdown import VERDICT_LABELS, escape

__all__ = ["diff_markdown"]


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
    return [*out, "", escape(interaction_text(d)), ""]


def _md_attributes(d: Diff) -> list[str]:
    if not d.attributes:
        return []
    out = ["## Levels that changed", "", "| Attribute | Old level | New level | Points |"]
    out.append("|---|---|---|---:|")
    out += [
        f"| {c.code} {escape(c.title)} | {escape(level_text(c.old))} | "
        f"{escape(level_text(c.new))} | {c.points:+.2f} |"
        for c in d.attributes
    ]
    return [*out, "", escape(points_note(d)), ""]


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


def _md_scores(d: Diff) -> list[str]:
    out = [
        "| Consideration | Old | New | Change | Completeness |",
        "|---|---:|---:|---:|---:|",
    ]
    out += [
        f"| {s.consideration.title} | {num(s.old, '.0f')} | {num(s.new, '.0f')} | "
        f"{signed(s.delta)} | {s.old_completeness:.0%} → {s.new_completeness:.0%} |"
        for s in d.considerations
    ]
    a, b = d.old, d.new
    out.append(
        f"| **Overall** | {num(a.score)} | {num(b.score)} | {signed(d.score_delta)} | "
        f"{a.completeness:.0%} → {b.completeness:.0%} |"
    )
    return [*out, "", escape(score_line(d)) + ".", ""]


def diff_markdown(d: Diff, info: RunInfo) -> str:
    a, b = d.old, d.new
    out = [f"# pso diff: {escape(a.name)}", "", f"{escape(a.path)} → {escape(b.path)}", ""]
    out += [
        f"Verdict: **{VERDICT_LABELS[a.verdict]}** → **{VERDICT_LABELS[b.verdict]}** — "
        f"{escape(b.reason)}",
        "",
    ]
    out += _md_scores(d) + _md_attributes(d) + _md_fields(d) + _md_findings(d) + footer(info)
    return "\n".join(out) + "\n"
