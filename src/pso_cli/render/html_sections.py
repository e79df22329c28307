"""The sections of one proposal in the HTML report, each returning its HTML lines.

Every piece of text from a proposal goes through `esc`; cells and list items are built
here already escaped. Anchors are prefixed with the proposal's `p` (p1, p2, ...), so a
batch or comparison page never repeats an id.
"""

from __future__ import annotations

from collections.abc import Sequence

from pso_cli.model.findings import (
    Assessment,
    AttributeValue,
    ConsiderationResult,
    Gate,
    Outcome,
    Verdict,
)
from pso_cli.render.html_assets import (
    Bar,
    bar_chart,
    esc,
    h,
    html_list,
    icon,
    section,
    table,
    td,
)
from pso_cli.render.report_facts import (
    gate_kind,
    legal_line,
    overall_sum,
    range_text,
    score_text,
)

__all__ = [
    "NO_CHANGE",
    "OUTCOME_LABEL",
    "STATED",
    "VERDICT_LABEL",
    "adds_up",
    "bullets",
    "considerations",
    "facts",
    "gates",
    "legal",
    "missing",
    "notices",
    "num",
    "score_bar",
]

VERDICT_LABEL = {
    Verdict.RECOMMEND: "Recommend",
    Verdict.WITH_CONDITIONS: "Recommend with conditions",
    Verdict.FURTHER_ANALYSIS: "Further analysis needed",
    Verdict.DO_NOT_RECOMMEND: "Do not recommend",
}
OUTCOME_LABEL = {
    Outcome.SUPPORTS: "Supports",
    Outcome.CONCERN: "Concern",
    Outcome.BLOCKER: "Blocker",
    Outcome.MISSING: "Missing information",
    Outcome.INFO: "Info",
    Outcome.ERROR: "Rule error",
}
NO_CHANGE = "No single edit to a stated or missing fact would change the verdict."
STATED = "(stated)"  # a Change's value for free text (engine.whatif.STATED)


def num(x: float | None, fmt: str = ".1f") -> str:
    return "–" if x is None else format(x, fmt)


def bullets(
    level: int, title: str, anchor: str, items: Sequence[str], ordered: bool = False
) -> list[str]:
    if not items:
        return []
    return section(level, title, anchor, [html_list(items, ordered)])


def score_bar(label: str, note: str, c: ConsiderationResult) -> Bar:
    return Bar(label, note, c.score, c.low, c.high, c.completeness)


def facts(a: Assessment) -> str:
    rows = [
        ("Score", esc(score_text(a))),
        ("Judged as of", esc(a.as_of)),
        ("Host", esc(a.host or "not stated")),
        ("Lead", esc(a.lead or "not stated")),
        ("Proposal", f"<code>{esc(a.proposal_id)}</code> in <code>{esc(a.path)}</code>"),
    ]
    return '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def notices(a: Assessment) -> list[str]:
    return [f'<p class="notice">Note: {esc(n)}</p>' for n in a.notices]


_LEGAL_STATUS = {"lawful": "passed", "unlawful": "failed", "contested": "contested"}
_LEGAL_STATUS["unknown"] = "unknown"


def legal(a: Assessment, p: str, level: int) -> list[str]:
    line = legal_line(a)
    law = a.legal
    if line is None or law is None:
        return []
    kind = law.outcome.value
    shown = _LEGAL_STATUS[kind]
    body = [f'<p class="legal g-{shown}">{icon(shown)} <span>{esc(line)}</span></p>']
    if law.bases:
        body.append("<p>Bases that hold:</p>" + html_list(esc(b) for b in law.bases))
    if law.questions:
        lead = "Questions for legal advice" if kind == "contested" else "Facts to state"
        body.append(f"<p>{lead}:</p>" + html_list(esc(q) for q in law.questions))
    if law.notes:
        body.append("<p>Notes:</p>" + html_list(esc(n) for n in law.notes))
    return section(level, "Legal analysis", f"{p}-legal", body)


def _gate_row(g: Gate) -> list[str]:
    return [
        td(esc(gate_kind(g))),
        td(f"<code>{esc(g.rule)}</code>", "nowrap"),
        td(esc(g.title)),
        td(f"{icon(g.status)} {esc(g.status.capitalize())}", f"status g-{esc(g.status)}"),
        td(esc(g.verdict), "nowrap"),
        td(f"line {g.line}", "nowrap"),
    ]


def gates(a: Assessment, p: str, level: int) -> list[str]:
    if not a.gates:
        return []
    note = (
        "<p>Gates and vetoes are non-compensatory: one that fails forces its verdict "
        "(do not recommend, or further analysis), whatever the scores.</p>"
    )
    heads = ["Kind", "Id", "Check", "Status", "Failing forces", "Line"]
    data = table("Gates and vetoes", heads, [_gate_row(g) for g in a.gates])
    return section(level, "Gates and vetoes (non-compensatory)", f"{p}-gates", [note, data])


def missing(a: Assessment, p: str, level: int) -> list[str]:
    """Must-have facts first (pso cannot advise without them), then what the rules miss."""
    must = [
        f"<strong>Must have:</strong> <code>{esc(name)}</code> (line {line})"
        for name, line, _ in a.missing_facts
    ]
    rest = [
        f"{esc(f.message)} (<code>{esc(f.rule)}</code>, line {f.line})"
        for f in a.findings
        if f.outcome == Outcome.MISSING
    ]
    return bullets(level, "Missing information to gather first", f"{p}-missing", [*must, *rest])


def considerations(a: Assessment, p: str, level: int) -> list[str]:
    bars = [score_bar(c.consideration.title, f"weight {c.weight:.2f}", c) for c in a.considerations]
    desc = "; ".join(
        f"{c.consideration.title}: score {num(c.score, '.0f')} of 100 (range "
        f"{c.low:.0f}–{c.high:.0f}), completeness {c.completeness:.0%}, weight {c.weight:.2f}"
        for c in a.considerations
    )
    title = "Score, range and completeness of the four considerations"
    chart = bar_chart(f"{p}-chart", title, desc, bars)
    rows = [
        [
            f'<th scope="row">{esc(c.consideration.title)}</th>',
            td(f"{c.weight:.2f}", "num"),
            td(num(c.score), "num"),
            td(range_text(c.low, c.high), "num"),
            td(f"{c.completeness:.0%}", "num"),
        ]
        for c in a.considerations
    ]
    heads = ["Consideration", "#Weight", "#Score", "#Range", "#Completeness"]
    data = table("The four considerations", heads, rows, "sr-only")
    caption = (
        "<figcaption>Bars: score out of 100 (thick), its range with every unknown fact at "
        "its worst and its best (whisker) and the share of its weight whose facts are "
        f"stated (thin). Overall: {esc(score_text(a))}.</figcaption>"
    )
    figure = ["<figure>", chart, caption, "</figure>", data]
    return section(level, "The four considerations", f"{p}-considerations", figure)


def _attribute_row(x: AttributeValue) -> list[str]:
    level = esc(x.level) if x.level is not None else "<em>unknown</em>"
    return [
        td(f"<code>{esc(x.code)}</code> {esc(x.title)}"),
        td(level),
        td(num(x.value, ".0f"), "num"),
        td(f"{x.weight:g}", "num"),
        td(f"{x.contribution:.2f}", "num"),
        td(f"line {x.line}", "nowrap"),
    ]


def adds_up(a: Assessment, p: str, level: int) -> list[str]:
    """Each consideration's attributes, with level, value, weight and points: the points
    add up to the consideration's score."""
    if not a.attributes:
        return []
    body = [
        "<p>Each attribute's points are its weight times its value, over the weight of the "
        "attributes whose level is known; an unknown level counts nothing.</p>"
    ]
    heads = ["Attribute", "Level", "#Value", "#Weight", "#Points", "Line"]
    for c in a.considerations:
        mine = [x for x in a.attributes if x.consideration == c.consideration]
        if not mine:
            continue
        title = esc(c.consideration.title)
        foot = ['<th scope="row" colspan="4">Score</th>', td(num(c.score), "num"), "<td></td>"]
        rows = [_attribute_row(x) for x in mine]
        body.append(h(level + 1, title, f"{p}-a-{c.consideration.value}"))
        body.append(table(f"How the score adds up: {title}", heads, rows, foot=foot))
    total = overall_sum(a)
    if total:
        body.append(f"<p>Overall score: {esc(total)} (the considerations' weighted mean).</p>")
    return section(level, "How the score adds up", f"{p}-adds-up", body)
