"""The later sections of one proposal in the HTML report: findings, what would change the
verdict, sensitivity, accepted concerns, alternatives and references."""

from __future__ import annotations

from pso_cli.model.findings import Assessment, Change, Consideration, Finding, Outcome
from pso_cli.render.html_assets import Band, band_chart, esc, h, html_list, icon, section, table, td
from pso_cli.render.html_sections import NO_CHANGE, OUTCOME_LABEL, STATED, VERDICT_LABEL, bullets
from pso_cli.render.report_facts import acceptance_note

__all__ = ["accepted", "alternatives_and_refs", "changes", "findings", "sensitivity"]

_SHOWN_FIRST = (
    Outcome.BLOCKER,
    Outcome.ERROR,
    Outcome.CONCERN,
    Outcome.MISSING,
    Outcome.SUPPORTS,
    Outcome.INFO,
)


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


def findings(a: Assessment, p: str, level: int) -> list[str]:
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


def _change(c: Change) -> str:
    now = f" (now <code>{esc(c.current)}</code>)" if c.current is not None else " (not stated)"
    value = "stating it" if c.value == STATED else f"<code>{esc(c.value)}</code>"
    joint = " together with the other facts listed" if c.jointly else ""
    score = "" if c.score is None else f" (score {c.score:.0f})"
    return (
        f"<code>{esc(c.field)}</code> at line {c.line}{now}: {value}{joint} would move the "
        f"verdict to <strong>{VERDICT_LABEL[c.verdict]}</strong>{score}"
    )


def changes(a: Assessment, p: str, level: int) -> list[str]:
    if a.changes is None:
        return []
    body = (
        [html_list(_change(c) for c in a.changes)]
        if a.changes
        else [f'<p class="muted">{NO_CHANGE}</p>']
    )
    return section(level, "To strengthen this proposal", f"{p}-changes", body)


def _sensitivity_note(a: Assessment) -> str:
    s = a.sensitivity
    assert s is not None
    kind, label = ("fragile", "Fragile") if s.fragile else ("robust", "Robust")
    return (
        f'<p class="sensitivity-note s-{kind}">{icon(kind)} {label}: '
        f"<span>{esc(s.reason)}</span></p>"
        f"<p>Of {s.samples} samples (seed {s.seed}), {s.same_verdict_share:.0%} with the "
        f"weights varied within ±50% of the profile's, {s.values_share:.0%} with each value "
        f"function varied within its band and {s.combined_share:.0%} with both give the same "
        "verdict.</p>"
    )


def sensitivity(a: Assessment, p: str, level: int) -> list[str]:
    title = "Sensitivity to the weights and values"
    s = a.sensitivity
    if s is None:
        note = '<p class="muted">Not computed: run <code>pso assess --sensitivity</code>.</p>'
        return section(level, title, f"{p}-sensitivity", [note])
    bands = [Band(i.consideration.title, i.weight, i.low, i.high) for i in s.intervals]
    desc = "; ".join(
        f"{i.consideration.title}: weight {i.weight:.2f}, verdict holds from {i.low:.3f} "
        f"to {i.high:.3f}"
        for i in s.intervals
    )
    chart = band_chart(f"{p}-stability", "Stability interval of each weight", desc, bands)
    rows = [
        [
            f'<th scope="row">{esc(i.consideration.title)}</th>',
            td(f"{i.weight:.2f}", "num"),
            td(f"{i.low:.3f} – {i.high:.3f}", "num"),
        ]
        for i in s.intervals
    ]
    heads = ["Consideration", "#Weight", "#Verdict holds for weights"]
    data = table("Stability intervals", heads, rows, "sr-only")
    caption = (
        "<figcaption>Band: the range of one weight (the others rescaled) that keeps the "
        "verdict; diamond: the profile's weight.</figcaption>"
    )
    body = ["<figure>", chart, caption, "</figure>", data, _sensitivity_note(a)]
    return section(level, title, f"{p}-sensitivity", body)


def accepted(a: Assessment, p: str, level: int) -> list[str]:
    """Every accepted concern, applied or not, and why not."""
    items = [
        f"<code>{esc(u.rule)}</code>: <strong>{esc(u.status)}</strong> "
        f"({esc(acceptance_note(u))}); {esc(u.justification)} — {esc(u.approver)}"
        + (f", expires {esc(u.expires)}" if u.expires else "")
        + f" (line {u.line})"
        for u in a.accepted
    ]
    return bullets(level, "Accepted concerns", f"{p}-accepted", items)


def alternatives_and_refs(a: Assessment, p: str, level: int) -> list[str]:
    alts = [esc(x) for x in a.alternatives]
    out = bullets(level, "Alternatives considered", f"{p}-alternatives", alts)
    if not alts:
        none = ['<p class="muted">None stated.</p>']
        out = section(level, "Alternatives considered", f"{p}-alternatives", none)
    if a.references:
        refs = [html_list((esc(r) for r in a.references), cls="refs")]
        out += section(level, "References", f"{p}-references", refs)
    return out
