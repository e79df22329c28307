"""Markdown for `pso compare`: a briefing or pull-request comment, every YAML-sourced
string escaped."""

from __future__ import annotations

from rich.text import Text

from pso_cli.engine.compare import Comparison, Option
from pso_cli.model.findings import Consideration
from pso_cli.model.run import RunInfo
from pso_cli.render.compare_common import footer, num, signed
from pso_cli.render.compare_render import (
    blocker_lines,
    dominance_lines,
    gap_sentence,
    scores_of,
    short,
)
from pso_cli.render.markdown import VERDICT_LABELS, escape

__all__ = ["compare_markdown"]


def _md_option_row(o: Option) -> str:
    a = o.assessment
    by = scores_of(a)
    cells = [
        str(o.rank),
        f"{escape(a.name)}<br>{escape(a.path)}" + (" *(dominated)*" if o.dominated_by else ""),
        VERDICT_LABELS[a.verdict],
        num(a.score),
        f"{a.score_low:.1f}–{a.score_high:.1f}",
        f"{a.completeness:.2f}",
        *(num(by.get(c), ".0f") for c in Consideration),
        str(len(o.blockers)),
    ]
    return "| " + " | ".join(cells) + " |"


def _md_options(cmp: Comparison) -> list[str]:
    names = ["#", "Option", "Verdict", "Score", "Range", "Completeness"]
    names += list(map(short, Consideration))
    head = "| " + " | ".join([*names, "Blockers"]) + " |"
    align = "|---:|---|---|" + "---:|" * (len(names) - 2)
    return [head, align, *(_md_option_row(o) for o in cmp.options), ""]


def _md_separation(cmp: Comparison) -> list[str]:
    if len(cmp.options) < 2:
        return []
    a, b = cmp.options[0].assessment, cmp.options[1].assessment
    out = [f"## What separates {escape(a.name)} from {escape(b.name)}", ""]
    out += [escape(gap_sentence(cmp)), ""]
    if cmp.separating:
        out += [
            "| Consideration | #1 | #2 | Difference | Weight | Points of gap | |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        out += [
            f"| {s.consideration.title} | {s.first:.0f} | {s.second:.0f} | "
            f"{signed(s.first - s.second)} | {s.weight:g} | {s.contribution:+.2f} | "
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
    out += _md_list("Dominated options", dominance_lines(cmp))
    out += _md_list("Blockers and failed vetoes", blocker_lines(cmp))
    out += _md_separation(cmp) + footer(info)
    return "\n".join(out) + "\n"
