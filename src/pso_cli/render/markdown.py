"""Markdown for a pull-request comment or a briefing annex.

Readers see this rendered (GitHub, GitLab, a document converter), so every piece of text
that comes from a proposal is escaped: a name containing `<script>`, `|` or `*` must
render as those characters, never as HTML, emphasis or a broken table. Verdicts carry a
text label, so meaning never rests on an emoji alone. Supporting findings are folded
away in a <details> block to keep a comment short.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pso_cli.model.findings import Assessment, Consideration, Finding, Outcome, Verdict
from pso_cli.model.run import Invalid, RunResult

__all__ = ["VERDICT_LABELS", "escape", "render"]

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


def _considerations_table(a: Assessment) -> list[str]:
    rows = ["| Consideration | Weight | Score | Confidence |", "|---|---:|---:|---:|"]
    for c in a.considerations:
        rows.append(
            f"| {c.consideration.title} | {c.weight:.2f} | {c.score:.1f} | {c.confidence:.2f} |"
        )
    return [*rows, ""]


def _gates(a: Assessment) -> list[str]:
    if not a.gates:
        return []
    out = ["### Gates", ""]
    for g in a.gates:
        out.append(f"- **{g.status}** — {g.rule}: {escape(g.title)} ({_where(a.path, g.line)})")
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
    missing = [f for f in a.findings if f.outcome == Outcome.MISSING]
    lines = (f"{f.rule}: {escape(f.message)} ({_where(a.path, f.line)})" for f in missing)
    return _bullets("Missing information", lines)


def _accepted(a: Assessment) -> list[str]:
    lines = (
        f"{u.rule} — **{u.status}**: {escape(u.justification)} "
        f"(accepted by {escape(u.approver)}{', expires ' + u.expires if u.expires else ''})"
        for u in a.accepted
    )
    return _bullets("Accepted concerns", lines)


def _supports(a: Assessment) -> list[str]:
    mine = [f for f in a.findings if f.outcome == Outcome.SUPPORTS]
    if not mine:
        return []
    body = [_finding_line(a, f) for f in mine]
    head = f"<details><summary>Supporting findings ({len(mine)})</summary>"
    return [head, "", *body, "", "</details>", ""]


def _identity(a: Assessment) -> list[str]:
    facts = [f"Score **{a.score:.1f}** / 100", f"confidence {a.confidence:.2f}"]
    if a.host:
        facts.append(f"host {escape(a.host)}")
    if a.lead:
        facts.append(f"lead {escape(a.lead)}")
    facts.append(f"file {_code(a.path)}")
    return [" · ".join(facts), ""]


def _assessment(a: Assessment) -> list[str]:
    out = [f"## {escape(a.name)} ({escape(a.proposal_id)})", ""]
    out += [f"Verdict: {_verdict_label(a.verdict)} — {escape(a.reason)}", ""]
    out += _identity(a)
    out += _considerations_table(a) + _gates(a) + _findings(a)
    out += _bullets("Conditions", (escape(c) for c in a.conditions), numbered=True)
    out += _missing(a) + _accepted(a)
    out += _bullets("Alternatives assessed", (escape(t) for t in a.alternatives))
    return out + _supports(a)


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
