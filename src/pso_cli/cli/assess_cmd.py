"""`pso assess`: the recommendation for each proposal, for people and for machines."""

from __future__ import annotations

import datetime as dt
import os
from typing import Annotated

import typer

from pso_cli import config_keys
from pso_cli.cli import complete
from pso_cli.cli import options as opt
from pso_cli.render import FORMATS

FORMAT_NAMES = ", ".join(FORMATS)
MAX_JOBS = 1024
FAIL_ON = config_keys.FAIL_ON


def assess(
    paths: opt.Paths,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"One of: {FORMAT_NAMES}.",
            autocompletion=complete.formats,
        ),
    ] = None,
    output: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="[FORMAT:]FILE",
            help="Write to FILE (atomically) instead of stdout; repeat with FORMAT: prefixes "
            "for several outputs in one run, e.g. -o sarif:pso.sarif -o junit:pso.xml.",
        ),
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            "-p",
            metavar="NAME|PATH",
            help="Criteria profile.",
            autocompletion=complete.profiles,
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="VERDICT",
            help=f"Exit 1 when a verdict reaches this: {', '.join(FAIL_ON)}.",
            autocompletion=complete.verdicts,
        ),
    ] = None,
    rules: Annotated[
        list[str] | None,
        typer.Option("--rules", metavar="PATH", help="Add a local rule pack module."),
    ] = None,
    commitments: Annotated[
        str | None, typer.Option("--commitments", metavar="FILE", help="Current deployments file.")
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Judge every proposal at this date (default: each at its own "
            "identity.decision_date, else today).",
        ),
    ] = None,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail",
            help="Text: the full report (every finding, attribute, alternative and "
            "reference) instead of the one-screen brief, for each file of a batch too.",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            max=MAX_JOBS,
            metavar="N",
            help=f"Parallel workers, 1-{MAX_JOBS} (default: cores).",
        ),
    ] = None,
    width: Annotated[
        int | None, typer.Option("--width", min=40, metavar="COLS", help="Text report width.")
    ] = None,
    timestamp: Annotated[
        bool, typer.Option("--timestamp", help="Record the time of the run in machine output.")
    ] = False,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", metavar="GLOB", help="Skip matching paths.")
    ] = None,
    config: Annotated[
        str | None,
        typer.Option(
            "--config", metavar="FILE", help="Settings file (pso.toml or pyproject.toml)."
        ),
    ] = None,
    no_config: Annotated[
        bool, typer.Option("--no-config", help="Ignore configuration files.")
    ] = False,
    allow_config_rules: Annotated[
        bool,
        typer.Option(
            "--allow-config-rules",
            envvar="PSO_ALLOW_CONFIG_RULES",
            help="Let the file named with --config load the rule packs its 'rules' names "
            "(a discovered pso.toml or pyproject.toml never can).",
        ),
    ] = False,
    sensitivity: Annotated[
        bool,
        typer.Option(
            "--sensitivity",
            help="Stability interval of each weight, a seeded Monte Carlo check, and a "
            "fragile-verdict finding; implies --what-if.",
        ),
    ] = False,
    what_if: Annotated[
        bool | None,
        typer.Option(
            "--what-if/--no-what-if",
            help="Work out what would change the verdict: the actions the authors can take, "
            "and the facts of the world it depends on. Default: on for text, markdown and "
            "html (off for a batch's one-line text summary), off for machine formats.",
            show_default=False,
        ),
    ] = None,
    fail_on_fragile: Annotated[
        bool, typer.Option("--fail-on-fragile", help="Exit 1 if any verdict is fragile.")
    ] = False,
    seed: Annotated[
        int, typer.Option("--seed", metavar="N", help="Seed of the Monte Carlo check.")
    ] = 0,
    samples: Annotated[
        int,
        typer.Option(
            "--samples", min=10, max=1_000_000, metavar="N", help="Monte Carlo weight samples."
        ),
    ] = 2000,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            envvar="PSO_NO_CACHE",
            help="Assess every file afresh, and write nothing to the result cache.",
        ),
    ] = False,
    cache_dir: Annotated[
        str | None,
        typer.Option(
            "--cache-dir",
            envvar="PSO_CACHE_DIR",
            metavar="DIR",
            help="Result cache directory (default: $XDG_CACHE_HOME/pso or ~/.cache/pso).",
        ),
    ] = None,
    stdin_filename: opt.StdinFilename = "<stdin>",
    max_bytes: opt.MaxBytes = opt.DEFAULT_MAX_BYTES,
) -> None:
    """Assess proposals against the four considerations and print the recommendation.

    One file: a one-screen brief (verdict, law, gates and vetoes, what decides it,
    conditions, facts to gather, what to do, score); several: one line each. --detail
    gives the full report. Each proposal is judged at its identity.decision_date unless
    --as-of is given.

    Exit 0 when no verdict reaches --fail-on (default do-not-recommend), 1 when one
    does, 3 when an input is unreadable or invalid, 4 on a profile or plugin error.
    """
    from pso_cli.cli.run_assess import Request, execute
    from pso_cli.cli.settings_args import resolve

    settings, sources = resolve(
        {
            "config": config,
            "no_config": no_config,
            "allow_config_rules": allow_config_rules,
            "profile": profile,
            "fail_on": fail_on,
            "output_format": output_format,
            "exclude": exclude,
            "rules": rules,
            "commitments": commitments,
        }
    )
    fmt = str(settings["format"])
    if fmt not in FORMATS:
        raise typer.BadParameter(f"'{fmt}' is not one of: {FORMAT_NAMES}", param_hint="--format")
    if settings["fail_on"] not in FAIL_ON:
        raise typer.BadParameter(
            f"'{settings['fail_on']}' is not one of: {', '.join(FAIL_ON)}", param_hint="--fail-on"
        )
    try:
        date = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise typer.BadParameter(
            f"'{as_of}' is not a date (YYYY-MM-DD)", param_hint="--as-of"
        ) from None
    request = Request(
        paths=list(paths),
        fmt=fmt,
        outputs=list(output or []),
        profile=str(settings["profile"]),
        fail_on=str(settings["fail_on"]),
        rules=list(settings["rules"]),
        commitments=settings["commitments"],
        as_of=date,
        detail=detail,
        jobs=jobs,
        width=width,
        timestamp=timestamp,
        exclude=list(settings["exclude"]),
        stdin_filename=stdin_filename,
        max_bytes=max_bytes,
        sensitivity=sensitivity or fail_on_fragile,
        what_if=what_if,
        fail_on_fragile=fail_on_fragile,
        seed=seed,
        samples=samples,
        annotate=os.environ.get("GITHUB_ACTIONS") == "true" and sources["format"] == "default",
        fmt_explicit=sources["format"] != "default",
        cache=not no_cache,
        cache_dir=cache_dir or None,
    )
    raise typer.Exit(execute(request))
