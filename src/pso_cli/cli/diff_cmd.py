"""`pso diff`: two versions of one proposal, and which edit moved which score.

A thin layer: load both files (located errors and exit 3 if either is invalid), hand
them to engine.diff (pure) and the result to render.diff_render (text, JSON) or
render.diff_markdown.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from pso_cli.cli import options as opt
from pso_cli.cli.compare_cmd import AsOf, Format, Output, Profile, Width

Old = Annotated[str, typer.Argument(metavar="OLD", help="The earlier version.", show_default=False)]
New = Annotated[str, typer.Argument(metavar="NEW", help="The later version.", show_default=False)]


def diff(
    old: Old,
    new: New,
    profile: Profile = "nz-default",
    as_of: AsOf = None,
    output_format: Format = "text",
    output: Output = None,
    width: Width = None,
    stdin_filename: opt.StdinFilename = "<stdin>",
    max_bytes: opt.MaxBytes = opt.DEFAULT_MAX_BYTES,
) -> None:
    """Show how two versions of a proposal differ in verdict, scores and findings.

    Each changed field is applied alone to OLD and re-assessed, so the report says which
    edit moved which score; edits can interact, and the remainder is reported as the
    interaction. Score, range and completeness deltas, and the level of each attribute
    that changed, are shown too. Exit 0 once compared, 3 if either input is invalid.
    """
    from pso_cli.api import build_engine, load_input, run_info
    from pso_cli.cli.compare_cmd import check_format, emit, parse_date, refuse_inputs
    from pso_cli.engine.diff import diff as diff_versions
    from pso_cli.errors import InputError
    from pso_cli.render import diff_render as r

    check_format(output_format)
    date = parse_date(as_of)
    refuse_inputs(output, [old, new])
    engine = build_engine(profile, date)
    loaded = []
    problems = []
    for path in (old, new):
        try:
            loaded.append(load_input(path, max_bytes, stdin_filename))
        except InputError as exc:
            problems += exc.problems
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        raise typer.Exit(3)
    d = diff_versions(engine, loaded[0], loaded[1])
    info = run_info(engine)
    if output_format == "json":
        text: str | None = r.diff_json(d, info)
    elif output_format == "markdown":
        from pso_cli.render.diff_markdown import diff_markdown

        text = diff_markdown(d, info)
    else:
        text = r.diff_text(d, width or 100) if output else None
    emit(text, output, list(r.diff_parts(d)), width)
