"""The text format: a one-screen brief of one proposal by default (render/brief.py), the
full report with --detail (render/detail.py), and one line per file in a batch.

All text that comes from outside (the YAML, a file name, a rule pack) is inert: never
read as rich markup, with no character that would drive the terminal (render/layout.py).
Colour is never the only signal: every verdict, outcome and gate has a text label.
Off a terminal, or with NO_COLOR set, the output is plain text: no colour and no other
styling. Lines are wrapped at spaces, never cut, and never end in a space.
"""

from __future__ import annotations

import io
import os
from typing import IO

from rich.console import Console
from rich.text import Text

from pso_cli.model.findings import Assessment
from pso_cli.model.run import Invalid, RunResult
from pso_cli.render.labels import OUTCOME_LABEL as OUTCOME_LABEL
from pso_cli.render.labels import THEME
from pso_cli.render.labels import VERDICT_LABEL as VERDICT_LABEL
from pso_cli.render.layout import styled, wrap

BRIEF, DETAIL, LINE = "brief", "detail", "line"
MODES = (BRIEF, DETAIL, LINE)


def _closed_pipe() -> None:
    """rich exits 1 when stdout is closed (`pso rules | head -1`); in pso 1 means a verdict
    reached --fail-on, so raise, and the entry point ends the run quietly with 0."""
    raise BrokenPipeError


def no_color() -> bool:
    """NO_COLOR (https://no-color.org): set and not empty."""
    return bool(os.environ.get("NO_COLOR"))


def make_console(
    file: IO[str] | None = None, width: int | None = None, color: bool | None = None
) -> Console:
    plain = color is False or (color is None and no_color())
    console = Console(
        file=file,
        width=width,
        theme=THEME,
        highlight=False,
        emoji=False,
        force_terminal=color,
        no_color=None if color is None else not color,
        color_system=None if plain else "auto",
        soft_wrap=False,
    )
    console.on_broken_pipe = _closed_pipe  # type: ignore[method-assign]
    return console


def mode_for(items: int, detail: bool) -> str:
    """The full report with --detail; otherwise a brief of one file, a line per file of
    a batch."""
    return DETAIL if detail else (BRIEF if items == 1 else LINE)


_VERDICT_WIDTH = max(len(label) for label in VERDICT_LABEL.values())


def line_of(a: Assessment, width: int) -> list[Text]:
    """One assessment in a batch, in columns: verdict, score (range), the date it was
    judged at, the file."""
    label = VERDICT_LABEL[a.verdict]
    pad = " " * (_VERDICT_WIDTH - len(label))
    score = " --" if a.score is None else f"{a.score:3.0f} ({a.score_low:.0f}–{a.score_high:.0f})"
    text = styled(
        (label, f"verdict.{a.verdict.value}"), f"{pad}  {score:<13}  {a.as_of:<10}  {a.path}"
    )
    return wrap(text, width, "", "  ")


def invalid_lines(item: Invalid, width: int) -> list[Text]:
    """An input not assessed: invalid, or its worker died (NOT ASSESSED), with each
    problem at its line and column."""
    head = styled(
        ("NOT ASSESSED" if item.failed else "INVALID", "outcome.blocker"), f" {item.path}"
    )
    out = wrap(head, width)
    for p in item.problems:
        out += wrap(str(p), width, "  ", "    ")
    return out


def item_lines(item: Assessment | Invalid, width: int, mode: str = BRIEF) -> list[Text]:
    if isinstance(item, Invalid):
        return invalid_lines(item, width)
    if mode == LINE:
        return line_of(item, width)
    if mode == DETAIL:
        from pso_cli.render.detail import detail_lines

        return detail_lines(item, width)
    from pso_cli.render.brief import brief_lines

    return brief_lines(item, width)


def print_item(console: Console, item: Assessment | Invalid, mode: str = BRIEF) -> None:
    for line in item_lines(item, console.width, mode):
        console.print(line, soft_wrap=True)
    if mode == DETAIL:
        console.print()


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


def print_head(console: Console, mode: str) -> None:
    """A batch's column headings, before its first line."""
    if mode == LINE:
        head = f"{'Verdict':<{_VERDICT_WIDTH}}  {'Score (range)':<13}  {'Judged at':<10}  File"
        console.print(Text(head, style="bold"), soft_wrap=True)


def print_summary(console: Console, counts: dict[str, int], mode: str) -> None:
    """The summary line, last: for a batch, and for one file that could not be assessed
    (a single brief needs none: it is the whole screen)."""
    if mode == BRIEF and not counts.get("invalid"):
        return
    lines = wrap(styled((summary_from_counts(counts), "bold")), console.width)
    if mode == LINE:
        hint = "One file's brief: pso assess FILE; every finding: pso assess --detail"
        lines = [Text(""), *wrap(hint, console.width), *lines]
    for line in lines:
        console.print(line, soft_wrap=True)


def render(run: RunResult, width: int = 100, color: bool = False, detail: bool = False) -> str:
    """The whole report as a string (used for snapshots and --output)."""
    buf = io.StringIO()
    console = make_console(buf, width, color)
    mode = mode_for(len(run.items), detail)
    print_head(console, mode)
    for item in run.items:
        print_item(console, item, mode)
    print_summary(console, run.counts(), mode)
    return buf.getvalue()
