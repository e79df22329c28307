"""A self-contained HTML briefing report: inline CSS and SVG, no script, no network.

The page opens with the verdict and its one-sentence reason, the score with its range
and completeness, then the legal analysis, the gates and vetoes, conditions, missing
information (must-have facts first), what would change the verdict, a chart of the four
considerations and how each score adds up from its attributes, the findings by
consideration, the sensitivity to weights and values, every accepted concern (applied or
not, and why), alternatives, references and the audit block.
Every piece of text from a proposal goes through `esc` (html.escape); a Content Security
Policy forbids any fetch. Colour is never the only signal: every verdict, outcome and
gate has a text label and an icon shape. Output is deterministic: no time is written
unless the run recorded one (--timestamp).
"""

from __future__ import annotations

from collections.abc import Sequence

from pso_cli.model.findings import Assessment, Consideration
from pso_cli.model.run import Invalid, Item, RunInfo, RunResult
from pso_cli.render import html_details as details
from pso_cli.render import html_sections as sections
from pso_cli.render.html_assets import (
    Bar,
    bar_chart,
    document,
    esc,
    h,
    html_list,
    icon,
    section,
    table,
    td,
)
from pso_cli.render.html_sections import OUTCOME_LABEL, VERDICT_LABEL, num
from pso_cli.render.report_facts import range_text

__all__ = ["OUTCOME_LABEL", "VERDICT_LABEL", "render", "render_compare_html"]


def _verdict_badge(kind: str, label: str) -> str:
    return (
        f'<p class="verdict v-{kind}" data-verdict="{kind}">'
        f'{icon(kind)}<span><span class="sr-only">Verdict: </span>{esc(label)}</span></p>'
    )


def _assessment(a: Assessment, p: str, level: int) -> list[str]:
    out = [f'<article id="{p}" aria-labelledby="{p}-name">', h(level, esc(a.name), f"{p}-name")]
    out += [_verdict_badge(a.verdict.value, VERDICT_LABEL[a.verdict])]
    out += [f'<p class="reason">{esc(a.reason)}</p>', *sections.notices(a), sections.facts(a)]
    sub = level + 1
    out += sections.legal(a, p, sub) + sections.gates(a, p, sub)
    conditions = [esc(c) for c in a.conditions]
    out += sections.bullets(sub, "Conditions", f"{p}-conditions", conditions, ordered=True)
    out += sections.missing(a, p, sub) + details.changes(a, p, sub)
    out += sections.considerations(a, p, sub) + sections.adds_up(a, p, sub)
    out += details.findings(a, p, sub) + details.sensitivity(a, p, sub)
    out += details.accepted(a, p, sub) + details.alternatives_and_refs(a, p, sub)
    return [*out, "</article>"]


def _invalid_label(item: Invalid) -> str:
    return "Not assessed (pso error)" if item.failed else "Invalid input"


def _invalid(item: Invalid, p: str, level: int) -> list[str]:
    problems = [
        f"<code>{esc(x.code)}</code>: {esc(x.message)} (line {x.location.line})"
        for x in item.problems
    ]
    return [
        f'<article id="{p}" aria-labelledby="{p}-name">',
        h(level, f"{_invalid_label(item)}: {esc(item.path)}", f"{p}-name"),
        _verdict_badge("invalid", f"{_invalid_label(item)} (not assessed)"),
        html_list(problems),
        "</article>",
    ]


def _item(item: Item, index: int, level: int) -> list[str]:
    p = f"p{index}"
    return _invalid(item, p, level) if isinstance(item, Invalid) else _assessment(item, p, level)


def _audit(info: RunInfo, items: Sequence[Item]) -> list[str]:
    packs = ", ".join(f"{esc(k.name)} {esc(k.version)} ({k.rules} rules)" for k in info.packs)
    facts = [
        ("Tool", f"pso {esc(info.tool_version)}"),
        ("Profile", f"{esc(info.profile_name)} ({esc(info.profile_origin)})"),
        ("Profile sha256", f"<code>{esc(info.profile_sha256)}</code>"),
        ("As of", esc(info.as_of)),
        ("Fail on", esc(info.fail_on)),
        ("Rule packs", packs or "none"),
        ("Commitments", esc(info.commitments or "none supplied")),
    ]
    if info.timestamp:
        facts.append(("Run at", esc(info.timestamp)))
    rows = [
        [td(f"<code>{esc(i.path)}</code>"), td(f"<code>{esc(i.sha256 or 'unreadable')}</code>")]
        for i in items
    ]
    dl = "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>"
    inputs = table("Inputs", ["Input", "sha256"], rows)
    return ['<footer class="audit">', *section(2, "Audit", "audit", [dl, inputs]), "</footer>"]


def _summary(items: Sequence[Item]) -> str:
    rows = []
    for n, item in enumerate(items, 1):
        link = f'<a href="#p{n}">{esc(getattr(item, "name", item.path))}</a>'
        if isinstance(item, Invalid):
            rows.append(
                [
                    td(link),
                    td(f"{icon('invalid')} Invalid input", "status t-invalid"),
                    td(""),
                    td(""),
                    td(""),
                ]
            )
            continue
        verdict = f"{icon(item.verdict.value)} {VERDICT_LABEL[item.verdict]}"
        rows.append(
            [
                td(link),
                td(verdict, f"status t-{item.verdict.value}"),
                td(num(item.score), "num"),
                td(range_text(item.score_low, item.score_high), "num"),
                td(f"{item.completeness:.0%}", "num"),
            ]
        )
    heads = ["Proposal", "Verdict", "#Score", "#Range", "#Completeness"]
    return table("Summary", heads, rows)


def render(run: RunResult) -> str:
    """The whole run as one HTML document: one proposal, or a summary and every proposal."""
    items = run.items
    if len(items) == 1:
        only = items[0]
        title = esc(getattr(only, "name", only.path))
        body = ["<main>", '<p class="kicker">pso assessment</p>', *_item(only, 1, 1), "</main>"]
    else:
        title = f"pso assessment: {len(items)} proposals"
        body = ["<main>", f"<h1>{title}</h1>", _summary(items)]
        for n, item in enumerate(items, 1):
            body += _item(item, n, 2)
        body.append("</main>")
    return document(
        f"{title} — pso assessment", body + _audit(run.info, items), run.info.tool_version
    )


def render_compare_html(assessments: Sequence[Assessment], info: RunInfo) -> str:
    """Proposals side by side (in the order given): a chart of the overall scores, a
    comparison table, then each proposal in full, then the audit block."""
    title = f"pso comparison: {len(assessments)} proposals"
    bars = [
        Bar(a.name, VERDICT_LABEL[a.verdict], a.score, a.score_low, a.score_high, a.completeness)
        for a in assessments
    ]
    desc = "; ".join(
        f"{a.name}: {VERDICT_LABEL[a.verdict]}, score {num(a.score, '.0f')} (range "
        f"{a.score_low:.0f}–{a.score_high:.0f}), completeness {a.completeness:.0%}"
        for a in assessments
    )
    chart = bar_chart(
        "compare-chart", "Overall score, range and completeness of each proposal", desc, bars
    )
    heads = [
        "Proposal",
        "Verdict",
        "#Score",
        "#Range",
        "#Completeness",
        *(f"#{c.title}" for c in Consideration),
    ]
    rows = [_compare_row(a, n) for n, a in enumerate(assessments, 1)]
    body = ["<main>", f"<h1>{esc(title)}</h1>", "<figure>", chart, "</figure>"]
    body.append(table("Comparison", heads, rows))
    for n, a in enumerate(assessments, 1):
        body += _assessment(a, f"p{n}", 2)
    body.append("</main>")
    return document(esc(title), body + _audit(info, assessments), info.tool_version)


def _compare_row(a: Assessment, n: int) -> list[str]:
    scores = {c.consideration: c.score for c in a.considerations}
    return [
        td(f'<a href="#p{n}">{esc(a.name)}</a>'),
        td(f"{icon(a.verdict.value)} {VERDICT_LABEL[a.verdict]}", f"status t-{a.verdict.value}"),
        td(num(a.score), "num"),
        td(range_text(a.score_low, a.score_high), "num"),
        td(f"{a.completeness:.0%}", "num"),
        *(td(num(scores.get(c), ".0f"), "num") for c in Consideration),
    ]
