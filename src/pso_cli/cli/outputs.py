"""`--output` files of `pso assess`: checked before any work, each written atomically,
every one tried; and standard output while they are pending."""

from __future__ import annotations

import os
from typing import Any

from pso_cli.errors import ConfigError, Location, Problem
from pso_cli.exitcodes import ExitCode
from pso_cli.model.run import RunResult


def refuse_outputs(outputs: list[tuple[str, str]], files: list[str]) -> None:
    """Before any work: no output may name an input, another output, or anything but a
    regular file (a device, FIFO, socket, directory or symbolic link is refused)."""
    if not outputs:  # nothing to refuse; and no set of every input path held for nothing
        return
    from pso_cli.render.files import check_output

    inputs = {os.path.realpath(f) for f in files if f != "-"}
    seen: dict[str, str] = {}
    for _, path in outputs:
        real = os.path.realpath(path)
        if real in inputs:
            raise ConfigError(
                [
                    Problem(
                        Location(path),
                        "--output names an input file; refusing to overwrite it",
                        "output",
                    )
                ]
            )
        if real in seen:
            import typer

            raise typer.BadParameter(
                f"'{path}' names the same file as '{seen[real]}'; each output needs its own",
                param_hint="--output",
            )
        seen[real] = path
        check_output(path)


class StdoutSink:
    """Stdout while files named with --output are still to be written: a failure to
    write it (the reader left, a full disk) stops the writing, not the run, so those files
    are written all the same; the failure is raised once they are (`failure`)."""

    def __init__(self, keep_going: bool) -> None:
        self.keep_going = keep_going
        self.failure: OSError | None = None

    def write(self, show: Any, *args: Any) -> None:
        if self.failure is not None:
            return
        try:
            show(*args)
        except OSError as exc:
            if not self.keep_going:
                raise
            self.failure = exc


def write_outputs(
    run: RunResult, outputs: list[tuple[str, str]], width: int | None, detail: bool = False
) -> None:
    """Write every output, even after one fails (a full disk may refuse only the large
    one); then raise every failure, the output I/O error (exit 74) first."""
    from pso_cli.errors import PsoError
    from pso_cli.render import renderer
    from pso_cli.render.files import write_atomic

    failed: list[PsoError] = []
    for fmt, path in outputs:
        try:
            if fmt == "cabinet" and path.lower().endswith(".docx"):
                from pso_cli.render.cabinet_run import write_docx

                write_docx(run, path)  # Word; one file per proposal in a batch
                continue
            if fmt == "text":
                from pso_cli.render.text import render

                text = render(run, width=width or 100, detail=detail)
            else:
                text = renderer(fmt)(run)
            write_atomic(path, text)
        except PsoError as exc:
            failed.append(exc)
    if failed:
        failed.sort(key=lambda e: e.exit_code != ExitCode.IO_ERROR)
        first = failed[0]
        raise type(first)([p for e in failed for p in e.problems])
