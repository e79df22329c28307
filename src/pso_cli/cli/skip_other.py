"""`--skip-other-yaml` for the commands that read files (`pso assess`, `pso validate`).

Added to the command's signature when it is registered, so each command's own module
needs no parameter for it (Typer builds the option from the signature, as for any
other): the flag sets how the file selection (pso_cli.loading.kinds) treats named files
for that one run, and each skipped file's note goes to standard error.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import sys
from collections.abc import Callable
from typing import Annotated, Any, get_type_hints

import typer

from pso_cli.loading.kinds import Policy, Skipped, using

NAME = "skip_other_yaml"
SkipOtherYaml = Annotated[
    bool,
    typer.Option(
        "--skip-other-yaml",
        help="Treat named files as if found in a directory: skip, with a note, YAML that "
        "is not a pso document (assess also skips commitments files and profiles), and "
        "succeed when nothing is left. The pre-commit hooks pass it.",
    ),
]


def note(skipped: Skipped) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(skipped.note(), file=sys.stderr)


def with_skip_other_yaml(command: Callable[..., Any]) -> Callable[..., Any]:
    """`command` with the `--skip-other-yaml` option; skipped files are noted on stderr."""

    @functools.wraps(command)
    def run(*args: Any, skip_other_yaml: bool = False, **kwargs: Any) -> Any:
        with using(Policy(named_as_found=skip_other_yaml, report=note)):
            return command(*args, **kwargs)

    hints = get_type_hints(command, include_extras=True)
    own = inspect.signature(command, eval_str=True)
    flag = inspect.Parameter(NAME, inspect.Parameter.KEYWORD_ONLY, default=False)
    params = [*own.parameters.values(), flag.replace(annotation=SkipOtherYaml)]
    run.__signature__ = own.replace(parameters=params)  # type: ignore[attr-defined]
    run.__annotations__ = {**hints, NAME: SkipOtherYaml}
    return run
