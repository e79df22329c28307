"""`pso validate`: is each proposal file well formed and valid against the format?"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from pso_cli.cli import options as opt


def validate(
    paths: opt.Paths,
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="text or json.")
    ] = "text",
    stdin_filename: opt.StdinFilename = "<stdin>",
    max_bytes: opt.MaxBytes = opt.DEFAULT_MAX_BYTES,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print errors and warnings only.")
    ] = False,
    rules: Annotated[
        list[str] | None,
        typer.Option("--rules", metavar="PATH", help="A rule pack whose codes may be accepted."),
    ] = None,
) -> None:
    """Check proposal files against the format; print every error as path:line:col.

    PATHS may be files, directories (searched for *.yaml and *.yml), globs, or - for
    standard input. Also warns, located, about what is valid but will not work as written:
    an accepted concern naming no rule (or a retired one), or one expired by the
    proposal's decision date. Exit 0 if all are valid (warnings or not), 3 if any is not.
    """
    from pso_cli.api import validate_paths
    from pso_cli.render.validation import render_json, render_text

    if output_format not in ("text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--format")
    results = validate_paths(
        paths, max_bytes=max_bytes, stdin_filename=stdin_filename, rules_files=tuple(rules or ())
    )
    text = render_json(results) if output_format == "json" else render_text(results, quiet)
    sys.stdout.write(text)
    if any(r.problems for r in results):
        raise typer.Exit(3)
