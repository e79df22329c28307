"""The rich recommendation report for a policy officer at a terminal.

All text that comes from a proposal is wrapped in `Text` (never parsed as markup).
Colour is never the only signal: every verdict, outcome and gate has a text label.
Rich drops colour by itself when output is not a terminal or NO_COLOR is set.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from pso_cli.escape import text as inert
from pso_cli.model.findings import Assessment, Change, Consideration, Finding, Outcome, Verdict
from pso_cli.model.run import Invalid, RunResult

THEME = Theme(
    {
        "verdict.recommend": "bold green",
        "verdict.recommend-with-conditions": "bold yellow",
        "verdict.further-analysis": "bold cyan",
        "verdict.do-not-recommend": "bold red",
        "outcome.supports": "green",
        "outcome.concern": "yellow",
        "outcome.blocker": "bold red",
        "outcome.missing-information": "cyan",
        "outcome.info": "dim",
        "outcome.error": "bold magenta",
        "gate.passed": "green",
        "gate.failed": "bold red",
        "gate.unknown": "cyan",
        "muted": "dim",
    }
)

VERDICT_LABEL = {
    Verdict.RECOMMEND: "RECOMMEND",
    Verdict.WITH_CONDITIONS: "RECOMMEND WITH CONDITIONS",
    Verdict.FURTHER_ANALYSIS: "FURTHER ANALYSIS NEEDED",
    Verdict.DO_NOT_RECOMMEND: "DO NOT RECOMMEND",
}
OUTCOME_LABEL = {
    Outcome.SUPPORTS: "+ supports",
    Outcome.CONCERN: "! concern",
    Outcome.BLOCKER: "X BLOCKER",
    Outcome.MISSING: "? missing",
    Outcome.INFO: "i info",
    Outcome.ERROR: "E rule error",
}
_SHOWN_FIRST = (
    Outcome.BLOCKER,
    Outcome.ERROR,
    Outcome.CONCERN,
    Outcome.MISSING,
    Outcome.SUPPORTS,
    Outcome.INFO,
)


def _closed_pipe() -> None:
    """rich exits 1 when stdout is closed (`pso rules | head -1`); in pso 1 means a verdict
    reached --fail-on, so raise, and the entry point ends the run quietly with 0."""
    raise BrokenPipeError


def make_console(
    file: IO[str] | None = None, width: int | None = None, color: bool | None = None
) -> Console:
    console = Console(
        file=file,
        width=width,
        theme=THEME,
        highlight=False,
        emoji=False,
        force_terminal=color,
        no_color=None if color is None else not color,
        soft_wrap=False,
    )
    console.on_broken_pipe = _closed_pipe  # type: ignore[method-assign]
    return console


MAX_SHOWN = 4000  # characters of one piece of text shown; the JSON report has them all


def _t(value: str, style: str = "") -> Text:
    """Text from outside (the YAML, a file name, a rule pack) as literal, inert text:
    never read as rich markup, and no character that would drive the terminal. A finding
    quoting every caveat of a 2 MB file is cut at MAX_SHOWN characters: wrapping it all in
    a table cell took seconds, and nobody reads it on a terminal."""
    if len(value) > MAX_SHOWN:
        more = len(value) - MAX_SHOWN
        value = f"{value[:MAX_SHOWN]}… ({more} more characters; --format json has them all)"
    return Text(inert(value), style=style)


def _bar(score: float, width: int = 20) -> Text:
    filled = round(score / 100 * width)
    return Text("█" * filled + "░" * (width - filled))


def _where(a: Assessment, f: Finding) -> str:
    return f"{a.path}:{f.line}:{f.column}"


def header(a: Assessment) -> RenderableType:
    style = f"verdict.{a.verdict.value}"
    body = Text()
    body.append(inert(a.name), style="bold")
    body.append(f"  ({a.proposal_id})\n", style="muted")
    host, lead = inert(a.host or "not stated"), inert(a.lead or "not stated")
    body.append(f"Host: {host}    Lead: {lead}    File: {inert(a.path)}\n")
    body.append("Verdict: ")
    body.append(f"[{VERDICT_LABEL[a.verdict]}]", style=style)
    body.append(f"   score {a.score:.1f}/100, confidence {a.confidence:.0%}\n")
    body.append(inert(a.reason))
    return Panel(body, title="pso assessment", title_align="left", border_style=style)


def considerations_table(a: Assessment) -> Table:
    t = Table(title="The four considerations", title_justify="left", expand=False)
    t.add_column("Consideration")
    t.add_column("Weight", justify="right")
    t.add_column("Score", justify="right")
    t.add_column("", no_wrap=True)
    t.add_column("Confidence", justify="right")
    for r in a.considerations:
        t.add_row(
            r.consideration.title,
            f"{r.weight:g}",
            f"{r.score:.0f}",
            _bar(r.score),
            f"{r.confidence:.0%}",
        )
    return t


def gates_table(a: Assessment) -> Table:
    t = Table(title="Gates (non-compensatory)", title_justify="left")
    t.add_column("Rule")
    t.add_column("Gate")
    t.add_column("Status")
    t.add_column("Where")
    for g in a.gates:
        t.add_row(
            g.rule,
            _t(g.title),
            Text(g.status.upper(), style=f"gate.{g.status}"),
            _t(f"{a.path}:{g.line}:{g.column}"),
        )
    return t


def findings_block(a: Assessment, c: Consideration) -> RenderableType | None:
    mine = [f for f in a.findings if f.consideration == c]
    if not mine:
        return None
    mine.sort(key=lambda f: _SHOWN_FIRST.index(f.outcome))
    mine, hidden = _bounded(mine)
    t = Table(show_header=True, box=None, padding=(0, 1), expand=False)
    t.add_column("Outcome", no_wrap=True)
    t.add_column("Rule", no_wrap=True)
    t.add_column("Severity", no_wrap=True)
    t.add_column("Finding", ratio=1)
    t.add_column("Where", no_wrap=True, style="muted")
    for f in mine:
        message = _t(f.message)
        if f.accepted:
            message.append("  [accepted]", style="bold")
        t.add_row(
            Text(OUTCOME_LABEL[f.outcome], style=f"outcome.{f.outcome.value}"),
            f.rule,
            f.severity.value,
            message,
            f"line {f.line}",
        )
    if hidden:
        more = Text(f"… and {hidden} more supporting or informational findings", style="muted")
        t.add_row("", "", "", more + Text(" (--format json lists them all)", style="muted"), "")
    return Group(Rule(Text(c.title, style="bold"), align="left"), t)


MAX_BULLETS = 100  # lines of one list on a terminal; the JSON report has them all
_ATTENTION = (Outcome.BLOCKER, Outcome.ERROR, Outcome.CONCERN, Outcome.MISSING)


def _bounded(findings: list[Finding]) -> tuple[list[Finding], int]:
    """Every blocker, error, concern and missing fact, and at most MAX_BULLETS of the
    rest (500 alternatives gave a thousand rows that took seconds to lay out)."""
    keep = [f for f in findings if f.outcome in _ATTENTION]
    rest = [f for f in findings if f.outcome not in _ATTENTION]
    return keep + rest[:MAX_BULLETS], max(0, len(rest) - MAX_BULLETS)


def _bullets(title: str, lines: Iterable[Text], intro: Text | None = None) -> RenderableType | None:
    items = list(lines)
    if not items:
        return None
    if len(items) > MAX_BULLETS:  # 500 alternatives of 4,000 characters: seconds to wrap
        more = len(items) - MAX_BULLETS
        tail = Text(f"… and {more} more (--format json lists them all)", style="muted")
        items = [*items[:MAX_BULLETS], tail]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for line in items:
        grid.add_row("  •", line)
    head = [Text(title, style="bold")] + ([intro] if intro is not None else [])
    return Group(*head, grid)


def change_line(a: Assessment, c: Change) -> str:
    """'host consent at line 31: `given` would move the verdict to ...'"""
    now = f" (now {c.current})" if c.current is not None else " (not stated)"
    value = "stating it" if c.value == "(stated)" else f"`{c.value}`"
    joint = " together with the other facts listed" if c.jointly else ""
    return (
        f"{c.field} at {a.path}:{c.line}{now}: {value}{joint} would move the verdict to "
        f"{c.verdict.value} (score {c.score:.0f})"
    )


def strengthen(a: Assessment) -> RenderableType | None:
    if a.changes is None:
        return None
    if not a.changes:
        return Group(
            Text("To strengthen this proposal", style="bold"),
            Text(
                "  No single edit to a stated or missing fact would change the verdict.",
                style="muted",
            ),
        )
    if all(c.jointly for c in a.changes):
        last = a.changes[-1]
        intro = Text(
            f"  No single fact would let pso advise; supplying these {len(a.changes)} together "
            f"(with the values shown) would give {last.verdict.value} (score {last.score:.0f}):"
        )
        lines = (
            _t(f"{c.field} at line {c.line}: " + ("state it" if c.value == "(stated)" else c.value))
            for c in a.changes
        )
        block = _bullets("To strengthen this proposal", lines, intro)
        return block or intro
    return _bullets("To strengthen this proposal", (_t(change_line(a, c)) for c in a.changes))


def sensitivity_table(a: Assessment) -> RenderableType | None:
    s = a.sensitivity
    if s is None:
        return None
    t = Table(title="Sensitivity to the weights", title_justify="left")
    t.add_column("Consideration")
    t.add_column("Weight", justify="right")
    t.add_column("Verdict holds for weights", justify="right")
    for i in s.intervals:
        t.add_row(i.consideration.title, f"{i.weight:.2f}", f"{i.low:.3f} – {i.high:.3f}")
    label = (
        Text("FRAGILE: ", style="outcome.blocker")
        if s.fragile
        else Text("Robust: ", style="outcome.supports")
    )
    note = label + Text(
        f"{s.reason} {s.same_verdict_share:.0%} of {s.samples} weight vectors within ±50% "
        f"of the profile's give the same verdict (seed {s.seed})."
    )
    return Group(t, note)


def assessment_report(a: Assessment) -> list[RenderableType]:
    parts: list[RenderableType | None] = [header(a), considerations_table(a), gates_table(a)]
    parts += [findings_block(a, c) for c in Consideration]
    parts.append(_bullets("Conditions", (_t(c) for c in a.conditions)))
    parts.append(strengthen(a))
    parts.append(sensitivity_table(a))
    missing = [f for f in a.findings if f.outcome == Outcome.MISSING]
    parts.append(
        _bullets(
            "Missing information to gather first",
            (_t(f"{f.message} ({_where(a, f)})") for f in missing),
        )
    )
    parts.append(
        _bullets(
            "Accepted concerns",
            (
                _t(
                    f"{u.rule}: {u.status}; {u.justification} — {u.approver}"
                    + (f", expires {u.expires}" if u.expires else "")
                    + f" (line {u.line})"
                )
                for u in a.accepted
            ),
        )
    )
    parts.append(
        _bullets("Alternatives considered", (_t(x) for x in a.alternatives))
        or Text("Alternatives considered: none stated", style="muted")
    )
    parts.append(_bullets("References", (_t(r) for r in a.references)))
    return [Padding(p, (0, 0, 1, 0)) for p in parts if p is not None]


def invalid_report(item: Invalid) -> list[RenderableType]:
    body = Text("\n").join(_t(str(p)) for p in item.problems)
    title = Text("NOT ASSESSED: " if item.failed else "INVALID: ") + _t(item.path)
    return [Panel(body, title=title, title_align="left", border_style="outcome.blocker")]


def summary_line(run: RunResult) -> str:
    return summary_from_counts(run.counts())


def summary_from_counts(c: dict[str, int]) -> str:
    n = sum(c.values())
    return (
        f"{n} proposal{'s' * (n != 1)}: {c['recommend']} recommend, "
        f"{c['recommend-with-conditions']} with conditions, "
        f"{c['further-analysis']} further analysis, "
        f"{c['do-not-recommend']} do not recommend; {c['invalid']} invalid"
    )


def print_item(console: Console, item: Assessment | Invalid) -> None:
    parts = invalid_report(item) if isinstance(item, Invalid) else assessment_report(item)
    for p in parts:
        console.print(p)


def render(run: RunResult, width: int = 100, color: bool = False) -> str:
    """The whole report as a string (used for snapshots and --output)."""
    import io

    buf = io.StringIO()
    console = make_console(buf, width, color)
    for item in run.items:
        print_item(console, item)
    console.print(Text(summary_line(run), style="bold"))
    return buf.getvalue()
