"""`pso calibrate`: pso's verdicts on past decisions beside what New Zealand decided."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from pso_cli.engine.calibrate import Calibration

DEFAULT_DIR = os.path.join("examples", "history")
FORMATS = ("text", "json", "markdown")


def calibrate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Historical case files or directories (default: examples/history).",
            show_default=False,
            metavar="PATH...",
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="One of: text, json, markdown.")
    ] = "text",
    profile: Annotated[
        str, typer.Option("--profile", "-p", metavar="NAME|PATH", help="Criteria profile.")
    ] = "nz-default",
    min_agreement: Annotated[
        float,
        typer.Option(
            "--min-agreement", min=0.0, max=1.0, metavar="RATE", help="Exit 1 below this rate."
        ),
    ] = 0.8,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Judge every case as of this date (default: each case's own decision_date).",
        ),
    ] = None,
    width: Annotated[
        int | None, typer.Option("--width", min=40, metavar="COLS", help="Text table width.")
    ] = None,
) -> None:
    """Assess past decisions and compare pso's verdict with what New Zealand decided.

    Each file needs a `historical_record` (never read for scoring). Agreement, among the
    cases pso advises on: joined or limited (the file describes the limited contribution
    NZ made) agrees with recommend or recommend-with-conditions; declined agrees with
    do-not-recommend. further-analysis is an abstention, counted apart (coverage). Each
    case is judged as of its identity.decision_date unless --as-of is given. Exit 0
    when agreement is at least --min-agreement (default 0.8), 1 when it is below, 3
    when a file is invalid or has no historical_record.
    """
    if output_format not in FORMATS:
        raise typer.BadParameter(
            f"'{output_format}' is not one of: {', '.join(FORMATS)}", param_hint="--format"
        )
    try:
        date = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise typer.BadParameter(
            f"'{as_of}' is not a date (YYYY-MM-DD)", param_hint="--as-of"
        ) from None
    result = run(paths or [DEFAULT_DIR], profile, date)
    if output_format == "json":
        sys.stdout.write(to_json(result, min_agreement))
    elif output_format == "markdown":
        sys.stdout.write(to_markdown(result))
    else:
        print_table(result, width)
    raise typer.Exit(0 if result.rate >= min_agreement else 1)


def run(paths: list[str], profile: str, as_of: dt.date | None) -> Calibration:
    """Load each case, assess it as of its date, and compare with the record."""
    from pso_cli.api import build_engine, load_input
    from pso_cli.engine.assess import assess_loaded
    from pso_cli.engine.calibrate import calibrate as compare
    from pso_cli.errors import InputError, Location, Problem
    from pso_cli.loading.inputs import expand

    files = expand(paths)
    if not files:
        raise InputError([Problem(Location(", ".join(paths)), "no case files found", "no-input")])
    engine = build_engine(profile, as_of)  # without --as-of: each case at its decision_date
    cases = []
    for path in files:
        loaded = load_input(path)
        record = loaded.proposal.historical_record
        if record is None:
            raise InputError(
                [Problem(Location(path), "no historical_record to compare with", "no-record")]
            )
        cases.append((assess_loaded(engine, loaded), record))
    return compare(cases)


def to_json(result: Calibration, min_agreement: float) -> str:
    doc = {
        "agreed": result.agreed,
        "advised": result.advised,
        "total": result.total,
        "agreement": round(result.rate, 4),
        "coverage": round(result.coverage, 4),
        "min_agreement": min_agreement,
        "rows": [
            {
                "case": r.case,
                "path": r.path,
                "verdict": r.verdict.value,
                "decision": r.decision.value,
                "agrees": r.agrees,
                "advised": r.advised,
                "score": r.score,
                "completeness": r.completeness,
                "reason": r.reason or None,
            }
            for r in result.rows
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def to_markdown(result: Calibration) -> str:
    lines = [
        "| Case | pso verdict | Actual decision | Agree | Reason for a disagreement |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in result.rows:
        mark = "agree" if r.agrees else ("disagree" if r.advised else "abstains")
        lines.append(
            f"| {_cell(r.case)} | {r.verdict.value} | {r.decision.value} | {mark} "
            f"| {_cell(r.reason)} |"
        )
    lines.append("")
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def _summary(result: Calibration) -> str:
    return (
        f"Agreement: {result.agreed}/{result.advised} of the cases pso advised on "
        f"({result.rate:.0%}); it advised on {result.advised} of {result.total} "
        f"(coverage {result.coverage:.0%}) and abstained on the rest, each with its reason."
    )


def print_table(result: Calibration, width: int | None = None) -> None:
    """One row per case, kept to 80 columns; the reasons for disagreeing follow as notes,
    where long text wraps at word boundaries instead of squeezing a column."""
    from rich.table import Table
    from rich.text import Text

    from pso_cli.render.text import make_console

    console = make_console(width=width)
    table = Table(title="Calibration against past decisions", title_justify="left")
    table.add_column("Case", overflow="fold")
    for name in ("pso verdict", "NZ decided", "Agree"):
        table.add_column(name, no_wrap=True)
    notes: list[Text] = []
    for r in result.rows:
        mark = "agree" if r.agrees else f"{'NO' if r.advised else 'abstains'} [{len(notes) + 1}]"
        table.add_row(Text(r.case), r.verdict.value, r.decision.value, mark)
        if not r.agrees:
            notes.append(Text.assemble(f"[{len(notes) + 1}] ", (r.case, "bold"), f": {r.reason}"))
    console.print(table)
    if notes:
        console.print("Why pso disagrees or abstains:")
        for note in notes:
            console.print(note)
    console.print(_summary(result))
