"""A self-contained HTML briefing report: inline CSS and SVG, no script, no network.

The page opens with the verdict and its one-sentence reason, then a chart of the four
considerations, the gates, the findings by consideration, conditions, what would change
the verdict, the weight sensitivity, alternatives, references and the audit block.
Every piece of text from a proposal goes through `esc` (html.escape); a Content Security
Policy forbids any fetch. Colour is never the only signal: every verdict, outcome and
gate has a text label and an icon shape. Output is deterministic: no time is written
unless the run recorded one (--timestamp).
"""

from __future__ import annotations

from collections.abc import Sequence

from pso_cli.model.findings import Assessment, Change, Consideration, Finding, Outcome, Verdict
from pso_cli.model.run import Invalid, Item, RunInfo, RunResult
from pso_cli.render.html_assets import (
    Band,
    Bar,
    band_chart,
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

__all__ = ["render", "render_compare_html"]

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
_NO_CHANGE = "No single edit to a stated or missing fact would change the verdict."
_SHOWN_FIRST = (
    Outcome.BLOCKER,
    Outcome.ERROR,
    Outcome.CONCERN,
    Outcome.MISSING,
    Outcome.SUPPORTS,
    Outcome.INFO,
)


def _verdict_badge(kind: str, label: str) -> str:
    return (
        f'<p class="verdict v-{kind}" data-verdict="{kind}">'
        f'{icon(kind)}<span><span class="sr-only">Verdict: </span>{esc(label)}</span></p>'
    )


def _facts(a: Assessment) -> str:
    rows = [
        ("Score", f"{a.score:.1f} / 100"),
        ("Confidence", f"{a.confidence:.0%}"),
        ("Host", esc(a.host or "not stated")),
        ("Lead", esc(a.lead or "not stated")),
        ("Proposal", f"<code>{esc(a.proposal_id)}</code> in <code>{esc(a.path)}</code>"),
    ]
    return '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _considerations(a: Assessment, p: str, level: int) -> list[str]:
    bars = [
        Bar(c.consideration.title, f"weight {c.weight:.2f}", c.score, c.confidence)
        for c in a.considerations
    ]
    desc = "; ".join(
        f"{c.consideration.title}: score {c.score:.0f} of 100, confidence {c.confidence:.0%}, "
        f"weight {c.weight:.2f}"
        for c in a.considerations
    )
    chart = bar_chart(f"{p}-chart", "Score and confidence of the four considerations", desc, bars)
    rows = [
        [
            f'<th scope="row">{esc(c.consideration.title)}</th>',
            td(f"{c.weight:.2f}", "num"),
            td(f"{c.score:.1f}", "num"),
            td(f"{c.confidence:.0%}", "num"),
        ]
        for c in a.considerations
    ]
    data = table(
        "The four considerations",
        ["Consideration", "#Weight", "#Score", "#Confidence"],
        rows,
        "sr-only",
    )
    figure = [
        "<figure>",
        chart,
        "<figcaption>Bars: score out of 100 (thick) and confidence (thin). "
        f"Overall score {a.score:.1f}, confidence {a.confidence:.0%}.</figcaption>",
        "</figure>",
        data,
    ]
    return section(level, "The four considerations", f"{p}-considerations", figure)


def _gates(a: Assessment, p: str, level: int) -> list[str]:
    if not a.gates:
        return []
    rows = [
        [
            td(f"<code>{esc(g.rule)}</code>"),
            td(esc(g.title)),
            td(f"{icon(g.status)} {esc(g.status.capitalize())}", f"status g-{esc(g.status)}"),
            td(f"line {g.line}", "nowrap"),
        ]
        for g in a.gates
    ]
    note = "<p>A failed gate means do not recommend, whatever the scores.</p>"
    data = table("Gates", ["Rule", "Gate", "Status", "Line"], rows)
    return section(level, "Gates (non-compensatory)", f"{p}-gates", [note, data])


def _finding_row(f: Finding) -> list[str]:
    message = esc(f.message)
    if f.accepted:
        message += '<span class="tag">accepted</span>'
    if f.condition:
        message += f'<span class="condition">Condition: {esc(f.condition)}</span>'
    return [
        td(f"{icon(f.outcome.value)} {OUTCOME_LABEL[f.outcome]}", f"status o-{f.outcome.value}"),
        td(f"<code>{esc(f.rule)}</code>", "nowrap"),
        td(esc(f.severity.value)),
        td(message),
        td(f"line {f.line}", "nowrap"),
    ]


def _findings(a: Assessment, p: str, level: int) -> list[str]:
    body: list[str] = []
    for c in Consideration:
        mine = sorted(
            (f for f in a.findings if f.consideration == c),
            key=lambda f: _SHOWN_FIRST.index(f.outcome),
        )
        if not mine:
            continue
        heads = ["Outcome", "Rule", "Severity", "Finding", "Line"]
        body.append(h(level + 1, c.title, f"{p}-f-{c.value}"))
        body.append(
            table(f"Findings: {c.title}", heads, (_finding_row(f) for f in mine), "findings")
        )
    if not body:
        body = ['<p class="muted">No findings.</p>']
    return section(level, "Findings by consideration", f"{p}-findings", body)


def _bullets(level: int, title: str, anchor: str, items: Sequence[str], **kw: bool) -> list[str]:
    if not items:
        return []
    return section(level, title, anchor, [html_list(items, kw.get("ordered", False))])


def _change(c: Change) -> str:
    now = f" (now <code>{esc(c.current)}</code>)" if c.current is not None else " (not stated)"
    value = "stating it" if c.value == "(stated)" else f"<code>{esc(c.value)}</code>"
    joint = " together with the other facts listed" if c.jointly else ""
    return (
        f"<code>{esc(c.field)}</code> at line {c.line}{now}: {value}{joint} would move the "
        f"verdict to <strong>{VERDICT_LABEL[c.verdict]}</strong> (score {c.score:.0f})"
    )


def _changes(a: Assessment, p: str, level: int) -> list[str]:
    if a.changes is None:
        return []
    body = (
        [html_list(_change(c) for c in a.changes)]
        if a.changes
        else [f'<p class="muted">{_NO_CHANGE}</p>']
    )
    return section(level, "To strengthen this proposal", f"{p}-changes", body)


def _sensitivity(a: Assessment, p: str, level: int) -> list[str]:
    s = a.sensitivity
    if s is None:
        note = '<p class="muted">Not computed: run <code>pso assess --sensitivity</code>.</p>'
        return section(level, "Sensitivity to the weights", f"{p}-sensitivity", [note])
    bands = [Band(i.consideration.title, i.weight, i.low, i.high) for i in s.intervals]
    desc = "; ".join(
        f"{i.consideration.title}: weight {i.weight:.2f}, verdict holds from {i.low:.3f} "
        f"to {i.high:.3f}"
        for i in s.intervals
    )
    chart = band_chart(f"{p}-stability", "Stability interval of each weight", desc, bands)
    kind, label = ("fragile", "Fragile") if s.fragile else ("robust", "Robust")
    note = (
        f'<p class="sensitivity-note s-{kind}">{icon(kind)} {label}: '
        f"<span>{esc(s.reason)}</span></p>"
        f"<p>{s.same_verdict_share:.0%} of {s.samples} weight vectors within ±50% of the "
        f"profile's give the same verdict (seed {s.seed}).</p>"
    )
    rows = [
        [
            f'<th scope="row">{esc(i.consideration.title)}</th>',
            td(f"{i.weight:.2f}", "num"),
            td(f"{i.low:.3f} – {i.high:.3f}", "num"),
        ]
        for i in s.intervals
    ]
    data = table(
        "Stability intervals",
        ["Consideration", "#Weight", "#Verdict holds for weights"],
        rows,
        "sr-only",
    )
    caption = (
        "<figcaption>Band: the range of one weight (the others rescaled) that keeps the "
        "verdict; diamond: the profile's weight.</figcaption>"
    )
    body = ["<figure>", chart, caption, "</figure>", data, note]
    return section(level, "Sensitivity to the weights", f"{p}-sensitivity", body)


def _missing_and_accepted(a: Assessment, p: str, level: int) -> list[str]:
    missing = [
        f"{esc(f.message)} (line {f.line})" for f in a.findings if f.outcome == Outcome.MISSING
    ]
    accepted = [
        f"<code>{esc(u.rule)}</code>: {esc(u.status)}; {esc(u.justification)} — {esc(u.approver)}"
        + (f", expires {esc(u.expires)}" if u.expires else "")
        + f" (line {u.line})"
        for u in a.accepted
    ]
    return _bullets(
        level, "Missing information to gather first", f"{p}-missing", missing
    ) + _bullets(level, "Accepted concerns", f"{p}-accepted", accepted)


def _alternatives_and_refs(a: Assessment, p: str, level: int) -> list[str]:
    alts = [esc(x) for x in a.alternatives]
    out = _bullets(level, "Alternatives considered", f"{p}-alternatives", alts)
    if not alts:
        none = ['<p class="muted">None stated.</p>']
        out = section(level, "Alternatives considered", f"{p}-alternatives", none)
    if a.references:
        refs = [html_list((esc(r) for r in a.references), cls="refs")]
        out += section(level, "References", f"{p}-references", refs)
    return out


def _assessment(a: Assessment, p: str, level: int) -> list[str]:
    out = [f'<article id="{p}" aria-labelledby="{p}-name">', h(level, esc(a.name), f"{p}-name")]
    out += [_verdict_badge(a.verdict.value, VERDICT_LABEL[a.verdict])]
    out += [f'<p class="reason">{esc(a.reason)}</p>', _facts(a)]
    sub = level + 1
    out += _considerations(a, p, sub) + _gates(a, p, sub) + _findings(a, p, sub)
    out += _bullets(
        sub, "Conditions", f"{p}-conditions", [esc(c) for c in a.conditions], ordered=True
    )
    out += _changes(a, p, sub) + _sensitivity(a, p, sub) + _missing_and_accepted(a, p, sub)
    return [*out, *_alternatives_and_refs(a, p, sub), "</article>"]


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
                ]
            )
            continue
        verdict = f"{icon(item.verdict.value)} {VERDICT_LABEL[item.verdict]}"
        rows.append(
            [
                td(link),
                td(verdict, f"status t-{item.verdict.value}"),
                td(f"{item.score:.1f}", "num"),
                td(f"{item.confidence:.0%}", "num"),
            ]
        )
    return table("Summary", ["Proposal", "Verdict", "#Score", "#Confidence"], rows)


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
    bars = [Bar(a.name, VERDICT_LABEL[a.verdict], a.score, a.confidence) for a in assessments]
    desc = "; ".join(
        f"{a.name}: {VERDICT_LABEL[a.verdict]}, score {a.score:.0f}, confidence {a.confidence:.0%}"
        for a in assessments
    )
    chart = bar_chart("compare-chart", "Overall score and confidence of each proposal", desc, bars)
    heads = [
        "Proposal",
        "Verdict",
        "#Score",
        "#Confidence",
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
        td(f"{a.score:.1f}", "num"),
        td(f"{a.confidence:.0%}", "num"),
        *(td(f"{scores[c]:.0f}" if c in scores else "–", "num") for c in Consideration),
    ]
