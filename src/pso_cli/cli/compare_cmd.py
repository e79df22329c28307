"""`pso compare`: several options for one decision, ranked side by side.

A thin layer: parse options, assess each input once with one engine, hand the
assessments to engine.compare (pure) and the result to render.compare_render (text,
JSON) or render.compare_markdown. An invalid
input stops the comparison (exit 3): a ranking that silently left an option out would
mislead more than no ranking.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated, Any

import typer

from pso_cli.cli import options as opt

FORMATS = ("text", "json", "markdown", "html")

Format = Annotated[
    str, typer.Option("--format", "-f", metavar="FORMAT", help="text, json, markdown or html.")
]
Profile = Annotated[
    str, typer.Option("--profile", "-p", metavar="NAME|PATH", help="Criteria profile.")
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of", metavar="YYYY-MM-DD", help="Date to judge expiries against (default today)."
    ),
]
Output = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (atomically)."),
]
Width = Annotated[
    int | None, typer.Option("--width", min=40, metavar="COLS", help="Text report width.")
]


def parse_date(as_of: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise typer.BadParameter(
            f"'{as_of}' is not a date (YYYY-MM-DD)", param_hint="--as-of"
        ) from None


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"'{fmt}' is not one of: {', '.join(FORMATS)}", param_hint="--format"
        )


def refuse_inputs(output: str | None, inputs: list[str]) -> None:
    """--output must not overwrite an input (exit 4, as for `pso assess`)."""
    import os

    from pso_cli.errors import ConfigError

    if output is not None and os.path.realpath(output) in {
        os.path.realpath(p) for p in inputs if p != "-"
    }:
        raise ConfigError.at(
            output, 1, 1, "--output names an input file; refusing to overwrite it", "output"
        )


def emit(text: str | None, output: str | None, parts: list[Any], width: int | None) -> None:
    """Write `text` to --output or stdout; for text on stdout, render `parts` as the
    console would (colours on a terminal), with no line ending in spaces."""
    if output is not None:
        from pso_cli.render.files import write_atomic

        write_atomic(output, text if text is not None else "")
    elif text is not None:
        sys.stdout.write(text)
    else:
        from pso_cli.render.compare_common import print_stripped

        sys.stdout.write(print_stripped(parts, width))


def compare(
    paths: opt.Paths,
    profile: Profile = "nz-default",
    as_of: AsOf = None,
    output_format: Format = "text",
    output: Output = None,
    width: Width = None,
    stdin_filename: opt.StdinFilename = "<stdin>",
    max_bytes: opt.MaxBytes = opt.DEFAULT_MAX_BYTES,
) -> None:
    """Compare proposals side by side: ranked, dominated options marked, the gap explained.

    Options are ranked by verdict, then overall score (an option with none last), then
    completeness. An option no better than another on any consideration and worse on
    one is marked dominated, never on a fact one of them leaves unstated; a consideration
    unscored on either side is not comparable.
    Exit 0 once compared, 2 with fewer than two proposals, 3 if any input is invalid.
    """
    from pso_cli.api import build_engine, run_info
    from pso_cli.engine.batch import EngineSpec, assess_many
    from pso_cli.engine.compare import compare as compare_options
    from pso_cli.loading.inputs import expand
    from pso_cli.model.run import Invalid
    from pso_cli.render import compare_render as r

    check_format(output_format)
    date = parse_date(as_of)
    files = expand(paths)
    refuse_inputs(output, files)
    engine = build_engine(profile, date)
    # As for `pso assess`: with a third-party rule pack the rules run in supervised workers.
    spec = EngineSpec(profile, engine.as_of.isoformat(), (), None, max_bytes)
    items = list(assess_many(engine, spec, files, 1, stdin_filename))
    bad = [i for i in items if isinstance(i, Invalid)]
    for item in bad:
        for problem in item.problems:
            print(problem, file=sys.stderr)
    if bad:
        raise typer.Exit(70 if any(i.failed for i in bad) else 3)
    if len(items) < 2:
        raise typer.BadParameter(
            f"compare needs at least two proposals; got {len(items)}", param_hint="PATH..."
        )
    cmp = compare_options([i for i in items if not isinstance(i, Invalid)])
    info = run_info(engine)
    if output_format == "json":
        text: str | None = r.compare_json(cmp, info)
    elif output_format == "markdown":
        from pso_cli.render.compare_markdown import compare_markdown

        text = compare_markdown(cmp, info)
    elif output_format == "html":
        from pso_cli.render.html import render_compare_html

        text = render_compare_html([o.assessment for o in cmp.options], info)
    else:
        text = r.compare_text(cmp, info, width or 100) if output else None
    emit(text, output, list(r.compare_parts(cmp, info, terminal_width(width))), width)


def terminal_width(width: int | None) -> int:
    """--width, else the width a console on stdout would use (80 when piped)."""
    if width is not None:
        return width
    from pso_cli.render.text import make_console

    return make_console().width
