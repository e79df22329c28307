"""Text and JSON for `pso diff` (Markdown: diff_markdown.py): what a redraft did to the
verdict, the scores (with their ranges and completeness), the levels of the value
model's attributes, the findings, and which edit moved what."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pso_cli.engine.diff import AttributeChange, Diff, FieldChange, FindingChange
from pso_cli.model.findings import Assessment, AttributeValue, Finding, Verdict
from pso_cli.model.run import RunInfo
from pso_cli.render.compare_common import (
    bullets,
    dump,
    header,
    num,
    padded,
    rounded,
    score_fields,
    show_value,
    signed,
    to_string,
    verdict_text,
)

__all__ = [
    "alone_text",
    "diff_json",
    "diff_parts",
    "diff_text",
    "finding_change_text",
    "interaction_text",
    "level_text",
    "points_note",
    "score_line",
]


# ----------------------------------------------------------------------------- JSON


def _side(a: Assessment) -> dict[str, Any]:
    return {
        "path": a.path,
        "sha256": a.sha256,
        "id": a.proposal_id,
        "name": a.name,
        "as_of": a.as_of,
        "verdict": a.verdict.value,
        "reason": a.reason,
        **score_fields(a),
    }


def _finding_dict(f: Finding | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return {
        "message": f.message,
        "severity": f.severity.value,
        "level": f.level,
        "effect": round(f.effect, 2) + 0.0,
        "line": f.line,
        "column": f.column,
        "accepted": f.accepted,
    }


def _field_dict(f: FieldChange) -> dict[str, Any]:
    alone = None
    if f.alone is not None:
        alone = {
            "verdict": f.alone.verdict.value,
            "score": rounded(f.alone.score, 1),
            "score_delta": rounded(f.alone.score_delta, 1),
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


def _level(x: AttributeValue | None) -> dict[str, Any] | None:
    if x is None:
        return None
    return {
        "level": x.level,
        "value": rounded(x.value, 2),
        "contribution": round(x.contribution, 2) + 0.0,
        "field": x.field,
        "line": x.line,
        "column": x.column,
    }


def _attribute_dict(c: AttributeChange) -> dict[str, Any]:
    return {
        "code": c.code,
        "consideration": c.consideration.value,
        "title": c.title,
        "old": _level(c.old),
        "new": _level(c.new),
        "contribution_delta": c.contribution_delta,
        "points": c.points,
        "overall_points": c.overall,
        "reweights": c.reweights,
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
    low, high = d.range_delta
    doc = header("diff", info) | {
        "old": _side(d.old),
        "new": _side(d.new),
        "verdict_changed": d.old.verdict != d.new.verdict,
        "score_delta": d.score_delta,
        "score_range_delta": {"low": low, "high": high},
        "completeness_delta": d.completeness_delta,
        "confidence_delta": d.completeness_delta,
        "considerations": [
            {"consideration": s.consideration.value, "old": s.old, "new": s.new}
            | {"delta": s.delta}
            | {"old_completeness": s.old_completeness, "new_completeness": s.new_completeness}
            for s in d.considerations
        ],
        "attributes": [_attribute_dict(c) for c in d.attributes],
        "fields": [_field_dict(f) for f in d.fields],
        "interaction": {
            "score": d.interaction_score,
            "considerations": [{"consideration": c.value, "delta": v} for c, v in d.interaction],
        },
        "findings": [_finding_change_dict(c) for c in d.findings],
    }
    return dump(doc)


# ----------------------------------------------------------------------------- text


def alone_text(f: FieldChange, old: Verdict) -> str:
    """What this edit alone does: 'legality +15.0; score +4.5; verdict → recommend'."""
    if f.alone is None:
        return "not assessable alone (invalid without the other edits)"
    moved = [f"{c.value} {signed(v)}" for c, v in f.alone.considerations]
    if f.alone.score_delta is None:
        moved.append("score not comparable (unscored on one side)")
    elif f.alone.score_delta:
        moved.append(f"score {signed(f.alone.score_delta)}")
    moved = moved or ["no score moves"]
    changed = f.alone.verdict != old
    moved.append(f"verdict → {f.alone.verdict.value}" if changed else "verdict unchanged")
    return "; ".join(moved)


def interaction_text(d: Diff) -> str:
    per = [f"{c.value} {signed(v)}" for c, v in d.interaction if v]
    return (
        f"Interaction (total change minus the sum of the single edits): score "
        f"{signed(d.interaction_score)}" + (f"; {', '.join(per)}" if per else "")
    )


def score_line(d: Diff) -> str:
    a, b = d.old, d.new
    low, high = d.range_delta
    return (
        f"Score {num(a.score)} → {num(b.score)} ({signed(d.score_delta)}), range "
        f"{a.score_low:.1f}–{a.score_high:.1f} → {b.score_low:.1f}–{b.score_high:.1f} "
        f"({signed(low)}/{signed(high)}), completeness {a.completeness:.0%} → "
        f"{b.completeness:.0%}"
    )


def _diff_head(d: Diff) -> RenderableType:
    a, b = d.old, d.new
    body = Text()
    body.append(a.name, style="bold")
    body.append(f"\n{a.path} → {b.path}\n", style="muted")
    body.append("Verdict: ")
    body.append_text(verdict_text(a.verdict))
    body.append(" → ")
    body.append_text(verdict_text(b.verdict))
    body.append(f"\n{score_line(d)}\n")
    body.append(b.reason)
    return Panel(body, title="pso diff", title_align="left")


def _scores_table(d: Diff) -> Table:
    t = Table(title="Scores", title_justify="left")
    for name in ("Consideration", "Old", "New", "Change", "Known"):
        t.add_column(name, justify="left" if name == "Consideration" else "right")
    for s in d.considerations:
        known = f"{s.old_completeness:.0%} → {s.new_completeness:.0%}"
        t.add_row(
            s.consideration.title, num(s.old, ".0f"), num(s.new, ".0f"), signed(s.delta), known
        )
    t.add_row(
        Text("Overall", style="bold"),
        num(d.old.score),
        num(d.new.score),
        signed(d.score_delta),
        f"{d.old.completeness:.0%} → {d.new.completeness:.0%}",
    )
    return t


def level_text(x: AttributeValue | None) -> str:
    if x is None:
        return "(does not apply)"
    return "unknown" if x.level is None else f"{x.level} ({num(x.value, '.0f')})"


def _attributes_block(d: Diff) -> RenderableType | None:
    if not d.attributes:
        return None
    t = Table(title="Levels that changed", title_justify="left")
    for name in ("Attribute", "Old level", "New level", "Points"):
        t.add_column(name, justify="right" if name == "Points" else "left")
    for c in d.attributes:
        t.add_row(
            Text(f"{c.code} {c.title}"),
            Text(level_text(c.old)),
            Text(level_text(c.new)),
            f"{c.points:+.2f}",
        )
    note = points_note(d)
    return Group(t, Text(note, style="muted")) if note else t


def _stated(x: AttributeValue | None) -> bool:
    return x is not None and x.level is not None


def points_note(d: Diff) -> str:
    """What the Points column means, and, when a change makes a fact unknown or stated,
    that it moves the score by re-weighting the stated facts and moves the range."""
    if not d.attributes:
        return ""
    text = "Points: of the consideration's 0-100 score; they add up to its change"
    overall = [c.overall for c in d.attributes]
    if all(x is not None for x in overall):
        total = sum(x for x in overall if x is not None)
        text += f" (in all {total:+.1f} points of the overall score)"
    for now, moves in (("unknown", "widens"), ("stated", "narrows")):
        codes = [
            c.code for c in d.attributes if c.reweights and _stated(c.new) == (now == "stated")
        ]
        if codes:
            text += (
                f". {', '.join(codes)} {'is' if len(codes) == 1 else 'are'} now {now}: the score"
                f" is a weighted mean over the stated facts, so this re-weights the others"
                f" (counted in its points) and {moves} the range"
            )
    return text + "."


def _field_line(d: Diff, f: FieldChange) -> Text:
    line = Text(f.field, style="bold") + Text(f" ({d.new.path}:{f.line}:{f.column})", style="muted")
    line += Text(f"\n{show_value(f.old)} → {show_value(f.new)}")
    line += Text(f"\nalone: {alone_text(f, d.old.verdict)}", style="muted")
    return line


def _fields_block(d: Diff) -> RenderableType:
    if not d.fields:
        return Text("No field differs between the two versions.", style="muted")
    lines = [_field_line(d, f) for f in d.fields]
    block = bullets("Edits, each applied alone to the old version", lines)
    return Group(block or Text(""), Text(interaction_text(d)))


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


def diff_parts(d: Diff) -> list[RenderableType]:
    findings = bullets("Findings", [_finding_line(c) for c in d.findings])
    return padded(
        [_diff_head(d), _scores_table(d), _attributes_block(d), _fields_block(d), findings]
    )


def diff_text(d: Diff, width: int = 100) -> str:
    return to_string(diff_parts(d), width)
