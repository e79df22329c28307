"""Markdown for a pull-request comment or a briefing annex.

Readers see this rendered (GitHub, GitLab, a document converter), so every piece of text
that comes from a proposal is escaped: a name containing `<script>`, `|` or `*` must
render as those characters, never as HTML, emphasis or a broken table. Verdicts carry a
text label, so meaning never rests on an emoji alone. Each proposal reads: verdict and
reason; score with its range and completeness; the legal analysis; gates and vetoes;
missing information (must-have facts first); conditions; what would change the verdict
(--what-if); the considerations and how each score adds up from its attributes;
findings; every accepted concern, applied or not and why; alternatives; sensitivity.
Supporting findings are folded away in a <details> block to keep a comment short.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pso_cli.model.findings import Assessment, Change, Consideration, Finding, Outcome, Verdict
from pso_cli.model.run import Invalid, RunResult
from pso_cli.render.report_facts import (
    acceptance_note,
    gate_kind,
    legal_line,
    overall_sum,
    range_text,
    score_text,
)

__all__ = ["NO_CHANGE", "STATED", "VERDICT_LABELS", "escape", "render"]

STATED = "(stated)"  # a Change's value for free text (engine.whatif.STATED)
NO_CHANGE = "No single edit to a stated or missing fact would change the verdict."

VERDICT_LABELS = {
    Verdict.RECOMMEND: "✅ Recommend",
    Verdict.WITH_CONDITIONS: "☑️ Recommend with conditions",
    Verdict.FURTHER_ANALYSIS: "❓ Further analysis needed",
    Verdict.DO_NOT_RECOMMEND: "⛔ Do not recommend",
}

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|~])")
_WS = re.compile(r"\s+")


_WWW = re.compile(r"(www)\.", re.IGNORECASE)


def escape(text: str) -> str:
    """Text from YAML as inert Markdown on one line: no HTML, no markup, no links, safe
    in tables, rendering as the same characters.

    GitHub's autolink extension links bare `https://...`, `www....` and `a@b.c`; a
    backslash before the `:` of `://` and the `.` of `www.` stops the first two (an
    escaped character starts no autolink), and `@` becomes `&#64;` with a zero-width
    space after it, which stops the address (the extension reads text after escapes
    are undone) and any @mention when the report is posted as a comment.
    """
    one_line = _WS.sub(" ", text).strip()
    no_html = "".join(_HTML.get(ch, ch) for ch in one_line)
    escaped = _MD_SPECIAL.sub(r"\\\1", no_html).replace("@", "&#64;&#8203;")
    return _WWW.sub(r"\1\\.", escaped).replace("://", "\\://")


def _code(text: str) -> str:
    """A code span when the text cannot break out of one (or a table), else escaped text."""
    if re.search(r"[`|\s<>&\\]", text) or not text:
        return escape(text)
    return f"`{text}`"


def _where(path: str, line: int) -> str:
    return _code(f"{path}:{line}")


def _verdict_label(v: Verdict) -> str:
    return f"**{VERDICT_LABELS[v]}** (`{v.value}`)"


def _summary_line(run: RunResult) -> list[str]:
    counts = run.counts()
    parts = [f"{VERDICT_LABELS[v]}: {counts[v.value]}" for v in Verdict]
    parts.append(f"❌ Invalid: {counts['invalid']}")
    n = len(run.items)
    return [f"**{n} proposal{'s' * (n != 1)}** — " + " · ".join(parts), ""]


def _num(x: float | None, fmt: str = ".1f") -> str:
    return "–" if x is None else format(x, fmt)


def _considerations_table(a: Assessment) -> list[str]:
    rows = [
        "### The four considerations",
        "",
        "| Consideration | Weight | Score | Range | Completeness |",
        "|---|---:|---:|---:|---:|",
    ]
    for c in a.considerations:
        rows.append(
            f"| {c.consideration.title} | {c.weight:.2f} | {_num(c.score)} | "
            f"{range_text(c.low, c.high)} | {c.completeness:.0%} |"
        )
    return [*rows, ""]


def _adds_up(a: Assessment) -> list[str]:
    """Each consideration's attributes: level, value, weight and points, then the score."""
    if not a.attributes:
        return []
    out = [
        "### How the score adds up",
        "",
        "| Attribute | Level | Value | Weight | Points |",
        "|---|---|---:|---:|---:|",
    ]
    for c in a.considerations:
        mine = [x for x in a.attributes if x.consideration == c.consideration]
        if not mine:
            continue
        for x in mine:
            level = escape(x.level) if x.level is not None else "*unknown*"
            out.append(
                f"| {x.code} {escape(x.title)} | {level} | {_num(x.value, '.0f')} | "
                f"{x.weight:g} | {x.contribution:.2f} |"
            )
        out.append(f"| **{c.consideration.title}** | | | | **{_num(c.score)}** |")
    total = overall_sum(a)
    tail = [f"Overall score: {total} (the considerations' weighted mean).", ""] if total else []
    return [*out, "", *tail]


def _legal(a: Assessment) -> list[str]:
    line = legal_line(a)
    if line is None or a.legal is None:
        return []
    gate = next((g for g in a.gates if g.rule == "LEG-001"), None)
    where = f" ({_where(a.path, gate.line)})" if gate else ""
    out = [f"**Legal analysis:** {escape(line)}{where}", ""]
    law = a.legal
    label = "Question for legal advice" if law.outcome.value == "contested" else "To state"
    out += [f"- {label}: {escape(q)}" for q in law.questions]
    out += [f"- Note: {escape(n)}" for n in law.notes]
    return [*out, ""] if law.questions or law.notes else out


def _gates(a: Assessment) -> list[str]:
    if not a.gates:
        return []
    out = ["### Gates and vetoes", ""]
    for g in a.gates:
        forces = f"; failing forces {g.verdict}" if g.kind == "veto" else ""
        out.append(
            f"- **{g.status}** — {gate_kind(g)} {escape(g.rule)}: {escape(g.title)}{forces} "
            f"({_where(a.path, g.line)})"
        )
    return [*out, ""]


def _finding_line(a: Assessment, f: Finding) -> str:
    accepted = " (accepted)" if f.accepted else ""
    text = f"- **{f.severity.value}** {f.outcome.value}{accepted} — {f.rule}: {escape(f.message)}"
    if f.condition:
        text += f" *Condition:* {escape(f.condition)}"
    return f"{text} ({_where(a.path, f.line)})"


_ATTENTION = (Outcome.BLOCKER, Outcome.ERROR, Outcome.CONCERN, Outcome.INFO)


def _findings(a: Assessment) -> list[str]:
    out: list[str] = []
    for c in Consideration:
        mine = [f for f in a.findings if f.consideration == c and f.outcome in _ATTENTION]
        if mine:
            out += [f"#### {c.title}", "", *(_finding_line(a, f) for f in mine), ""]
    return ["### Findings", "", *out] if out else []


def _bullets(title: str, lines: Iterable[str], numbered: bool = False) -> list[str]:
    items = list(lines)
    if not items:
        return []
    marks = [f"{i}." if numbered else "-" for i in range(1, len(items) + 1)]
    return [f"### {title}", "", *(f"{m} {t}" for m, t in zip(marks, items, strict=True)), ""]


def _missing(a: Assessment) -> list[str]:
    """Must-have facts first (pso cannot advise without them), then what the rules miss."""
    must = [
        f"**must have** {_code(name)} ({_where(a.path, line)})" for name, line, _ in a.missing_facts
    ]
    missing = [f for f in a.findings if f.outcome == Outcome.MISSING]
    lines = (f"{f.rule}: {escape(f.message)} ({_where(a.path, f.line)})" for f in missing)
    return _bullets("Missing information", [*must, *lines])


def _accepted(a: Assessment) -> list[str]:
    lines = (
        f"{escape(u.rule)} — **{u.status}** ({escape(acceptance_note(u))}): "
        f"{escape(u.justification)} (accepted by {escape(u.approver)}"
        f"{', expires ' + u.expires if u.expires else ''}; {_where(a.path, u.line)})"
        for u in a.accepted
    )
    return _bullets("Accepted concerns", lines)


def _change(a: Assessment, c: Change) -> str:
    now = f"now {_code(c.current)}" if c.current is not None else "not stated"
    value = "stating it" if c.value == STATED else _code(c.value)
    joint = " together with the other facts listed" if c.jointly else ""
    return (
        f"{_code(c.field)} ({now}; {_where(a.path, c.line)}): {value}{joint} would move the "
        f"verdict to **{VERDICT_LABELS[c.verdict]}** (score {_num(c.score, '.0f')})"
    )


def _changes(a: Assessment) -> list[str]:
    """What would move the verdict (--what-if, on by default for Markdown)."""
    if a.changes is None:
        return []
    if not a.changes:
        return ["### To strengthen this proposal", "", NO_CHANGE, ""]
    return _bullets("To strengthen this proposal", (_change(a, c) for c in a.changes))


def _sensitivity(a: Assessment) -> list[str]:
    s = a.sensitivity
    if s is None:
        return []
    label = "Fragile" if s.fragile else "Robust"
    return [
        "### Sensitivity",
        "",
        f"**{label}:** {escape(s.reason)} Of {s.samples} samples (seed {s.seed}), "
        f"{s.same_verdict_share:.0%} with the weights varied, {s.values_share:.0%} with the "
        f"value functions varied and {s.combined_share:.0%} with both keep the verdict.",
        "",
    ]


def _supports(a: Assessment) -> list[str]:
    mine = [f for f in a.findings if f.outcome == Outcome.SUPPORTS]
    if not mine:
        return []
    body = [_finding_line(a, f) for f in mine]
    head = f"<details><summary>Supporting findings ({len(mine)})</summary>"
    return [head, "", *body, "", "</details>", ""]


def _identity(a: Assessment) -> list[str]:
    facts = [f"Score **{escape(score_text(a))}**", f"judged as of {a.as_of}"]
    if a.host:
        facts.append(f"host {escape(a.host)}")
    if a.lead:
        facts.append(f"lead {escape(a.lead)}")
    facts.append(f"file {_code(a.path)}")
    return [" · ".join(facts), ""]


def _assessment(a: Assessment) -> list[str]:
    out = [f"## {escape(a.name)} ({escape(a.proposal_id)})", ""]
    out += [f"> Note: {escape(n)}" for n in a.notices] + ([""] if a.notices else [])
    out += [f"Verdict: {_verdict_label(a.verdict)} — {escape(a.reason)}", ""]
    out += _identity(a) + _legal(a) + _gates(a) + _missing(a)
    out += _bullets("Conditions", (escape(c) for c in a.conditions), numbered=True)
    out += _changes(a) + _considerations_table(a) + _adds_up(a) + _findings(a)
    out += _accepted(a)
    out += _bullets("Alternatives assessed", (escape(t) for t in a.alternatives))
    return out + _sensitivity(a) + _supports(a)


def _invalid(item: Invalid) -> list[str]:
    label = "❌ Not assessed (pso error)" if item.failed else "❌ Invalid input"
    out = [f"## {escape(item.path)}", "", f"Verdict: **{label}** (not assessed)", ""]
    for p in item.problems:
        out.append(
            f"- {escape(p.code)}: {escape(p.message)} ({_where(item.path, p.location.line)})"
        )
    return [*out, ""]


def _footer(run: RunResult) -> list[str]:
    info = run.info
    text = (
        f"pso {escape(info.tool_version)} · profile {escape(info.profile_name)} "
        f"(sha256 {info.profile_sha256[:12]}) · as of {info.as_of} · fail on {info.fail_on}"
    )
    if info.timestamp:
        text += f" · {escape(info.timestamp)}"
    return [f"<sub>{text}</sub>"]


def render(run: RunResult) -> str:
    """The whole run as Markdown, ending in a newline."""
    out = ["# pso assessment", ""]
    if len(run.items) != 1:
        out += _summary_line(run)
    for item in run.items:
        out += _invalid(item) if isinstance(item, Invalid) else _assessment(item)
    out += _footer(run)
    return "\n".join(out) + "\n"
