"""Text and JSON for `pso compare` (Markdown: compare_markdown.py).

An officer at a terminal gets rich tables, every YAML-sourced string wrapped in `Text`
so it is never read as markup; a script gets JSON (see compare_common). At any width a
proposal id is never broken: the option's name folds instead, and below the width the
table needs the options are listed one after another.
"""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from pso_cli.engine.compare import Comparison, Option, Separation
from pso_cli.model.findings import Assessment, Consideration
from pso_cli.model.run import RunInfo
from pso_cli.render.compare_common import (
    bullets,
    dump,
    header,
    num,
    padded,
    rounded,
    score_fields,
    signed,
    to_string,
    verdict_text,
)

__all__ = [
    "blocker_lines",
    "compare_json",
    "compare_parts",
    "compare_text",
    "decided_sentence",
    "dominance_lines",
    "gap_sentence",
    "scores_of",
    "short",
]

_SHORT = {
    Consideration.STRATEGIC: "Str",
    Consideration.LEGALITY: "Leg",
    Consideration.AGENCIES: "Agy",
    Consideration.ALTERNATIVES: "Alt",
}


def short(c: Consideration) -> str:
    return _SHORT.get(c, c.value[:3].capitalize())


def scores_of(a: Assessment) -> dict[Consideration, float | None]:
    return {c.consideration: c.score for c in a.considerations}


# ----------------------------------------------------------------------------- JSON


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
        **score_fields(a),
        "considerations": [
            {
                "consideration": c.consideration.value,
                "score": rounded(c.score, 1),
                "low": rounded(c.low, 1),
                "high": rounded(c.high, 1),
                "completeness": rounded(c.completeness, 3),
                "confidence": rounded(c.completeness, 3),
                "weight": round(c.weight, 3),
            }
            for c in a.considerations
        ],
        "blockers": [
            {"rule": f.rule, "field": f.field, "line": f.line, "column": f.column}
            | {"message": f.message}
            for f in o.blockers
        ],
        "failed_vetoes": [
            {"id": g.rule, "verdict": g.verdict, "field": g.field, "line": g.line}
            for g in a.gates
            if g.kind == "veto" and g.status == "failed"
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
            "score_gap": rounded(cmp.gap, 1),
            "considerations": [_separation_dict(s) for s in cmp.separating],
            "not_comparable": [c.value for c in cmp.not_comparable],
        }
    doc = header("compare", info) | {
        "options": [_option_dict(o) for o in cmp.options],
        "separating": top,
    }
    return dump(doc)


# ----------------------------------------------------------------------------- text


def _option_cell(o: Option) -> Text:
    a = o.assessment
    cell = Text(a.proposal_id, style="bold") + Text(f"\n{a.name}", style="muted")
    if o.dominated_by:
        cell.append("\n(dominated)", style="outcome.concern")
    return cell


def _score_cell(a: Assessment) -> Text:
    return Text(f"{num(a.score)}\n{a.score_low:.0f}–{a.score_high:.0f}")


def _options_table(cmp: Comparison) -> Table:
    longest = max(len(o.assessment.proposal_id) for o in cmp.options)
    t = Table(
        title="Options, best first",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 0),
        pad_edge=False,
    )
    t.add_column("#", justify="right", no_wrap=True)
    t.add_column("Option", min_width=longest, overflow="fold", ratio=1)
    t.add_column("Verdict", min_width=10)
    t.add_column("Score", justify="right", no_wrap=True)
    for name in ("Known", *map(short, Consideration), "Blk"):
        t.add_column(name, justify="right", no_wrap=True)
    for o in cmp.options:
        a = o.assessment
        by = scores_of(a)
        t.add_row(
            str(o.rank),
            _option_cell(o),
            verdict_text(a.verdict),
            _score_cell(a),
            f"{a.completeness:.0%}",
            *(num(by.get(c), ".0f") for c in Consideration),
            str(len(o.blockers)),
        )
    return t


def _legend() -> Text:
    legend = ", ".join(f"{short(c)} {c.value}" for c in Consideration)
    return Text(
        f"Score: overall, and its range with every unknown fact at its worst and best; "
        f"Known: completeness; consideration scores 0-100: {legend}; Blk blockers.",
        style="muted",
    )


def _fits(table: Table, width: int) -> bool:
    """Whether the table fits the width with every column at least its minimum (so no
    id is broken)."""
    console = Console(file=io.StringIO(), width=10_000)  # a measure is clamped to the width
    return Measurement.get(console, console.options, table).minimum <= width


def _options(cmp: Comparison, width: int) -> RenderableType:
    table = _options_table(cmp)
    return Group(table, _legend()) if _fits(table, width) else _stacked(cmp)


def _stacked(cmp: Comparison) -> RenderableType:
    """The options one after another, for a width too narrow for the table."""
    grid = Table.grid(padding=(0, 1, 1, 0))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for o in cmp.options:
        a = o.assessment
        by = scores_of(a)
        body = Text(a.proposal_id, style="bold") + Text(f"\n{a.name}", style="muted")
        body += Text("\n") + verdict_text(a.verdict)
        body += Text(
            f"\nscore {num(a.score)} ({a.score_low:.0f}–{a.score_high:.0f}), "
            f"{a.completeness:.0%} known; "
            + ", ".join(f"{short(c)} {num(by.get(c), '.0f')}" for c in Consideration)
            + f"; {len(o.blockers)} blockers"
            + ("; dominated" if o.dominated_by else "")
        )
        grid.add_row(f"{o.rank}.", body)
    return Group(Text("Options, best first", style="bold"), grid)


def _file_lines(cmp: Comparison) -> list[Text]:
    return [Text(f"{o.assessment.proposal_id}: ", style="bold") + Text(o.path) for o in cmp.options]


def dominance_lines(cmp: Comparison) -> list[Text]:
    return [
        Text(
            f"{o.path} is dominated by {', '.join(o.dominated_by)}: no better on any "
            "consideration, worse on at least one."
        )
        for o in cmp.options
        if o.dominated_by
    ]


def blocker_lines(cmp: Comparison) -> list[Text]:
    out = [
        Text(f"{o.path}:{f.line}:{f.column} {f.rule}: {f.message}")
        for o in cmp.options
        for f in o.blockers
    ]
    out += [
        Text(f"{o.path}:{g.line}:{g.column} veto {g.rule}: {g.title} (forces {g.verdict})")
        for o in cmp.options
        for g in o.assessment.gates
        if g.kind == "veto" and g.status == "failed"
    ]
    return out


def decided_sentence(cmp: Comparison) -> str:
    """Why the first option is ranked above the second, in one sentence."""
    a, b = cmp.options[0].assessment, cmp.options[1].assessment
    if cmp.decided_by == "verdict":
        return f"Ranked first on verdict: {a.verdict.value} against {b.verdict.value}."
    if cmp.decided_by == "score":
        return f"Same verdict; ranked first on score: {num(a.score)} against {num(b.score)}."
    if cmp.decided_by == "completeness":
        return (
            f"Same verdict and score; ranked first on completeness: "
            f"{a.completeness:.0%} against {b.completeness:.0%}."
        )
    return "Tied on verdict, score and completeness; listed in path order."


def gap_sentence(cmp: Comparison) -> str:
    text = f"{decided_sentence(cmp)} Score gap {signed(cmp.gap)}."
    if cmp.not_comparable:
        names = ", ".join(c.value for c in cmp.not_comparable)
        text += f" Not comparable (unscored on one side): {names}."
    return text


def _separation_table(cmp: Comparison) -> RenderableType | None:
    if len(cmp.options) < 2:
        return None
    a, b = cmp.options[0].assessment, cmp.options[1].assessment
    title = Text("What separates ", style="bold") + Text(a.name, style="bold")
    title += Text(" from ", style="bold") + Text(b.name, style="bold")
    note = Text(gap_sentence(cmp))
    t = Table(box=None, padding=(0, 1))
    for name in ("Consideration", "#1", "#2", "Difference", "Weight", "Points of gap", ""):
        t.add_column(name, justify="left" if name in ("Consideration", "") else "right")
    for s in cmp.separating:
        t.add_row(
            s.consideration.title,
            f"{s.first:.0f}",
            f"{s.second:.0f}",
            signed(s.first - s.second),
            f"{s.weight:g}",
            f"{s.contribution:+.2f}",
            "explains the gap" if s.explains else "",
        )
    return Group(title, note, t) if cmp.separating else Group(title, note)


def compare_parts(cmp: Comparison, info: RunInfo, width: int = 100) -> list[RenderableType]:
    head = Text(
        f"pso compare: {len(cmp.options)} options · profile {info.profile_name} · "
        f"as of {info.as_of}",
        style="bold",
    )
    return padded(
        [
            head,
            _options(cmp, width),
            bullets("Files", _file_lines(cmp)),
            bullets("Dominated options", dominance_lines(cmp)),
            bullets("Blockers and failed vetoes (non-compensatory)", blocker_lines(cmp)),
            _separation_table(cmp),
        ]
    )


def compare_text(cmp: Comparison, info: RunInfo, width: int = 100) -> str:
    return to_string(compare_parts(cmp, info, width), width)
