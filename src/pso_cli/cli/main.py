"""The `pso` command: a thin Typer layer over pso_cli.api.

Heavy modules (pydantic models, rules, rich) are imported inside commands so that
`pso --version` and `pso --help` stay fast.
"""

from __future__ import annotations

import contextlib
import os
import sys

import typer

from pso_cli import __version__
from pso_cli.exitcodes import ExitCode

EPILOG = (
    "Exit codes: 0 assessed, no verdict reached --fail-on; 1 a verdict reached --fail-on; "
    "2 usage error; 3 an input file is unreadable or invalid; 4 configuration, profile or "
    "plugin error; 70 internal error (use --debug) or a worker process died; 74 an output "
    "could not be written; 130 interrupted (129 SIGHUP, 143 SIGTERM)."
)


def _version(value: bool) -> None:
    if value:
        print(f"pso {__version__}")
        raise typer.Exit()


def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for internal errors."),
) -> None:
    """Decision support for New Zealand peace support operations."""
    if debug:
        os.environ["PSO_DEBUG"] = "1"


def make_app(only: str | None = None) -> typer.Typer:
    """The `pso` app with every command, or with the one command `only` names."""
    from pso_cli.cli import commands

    new = typer.Typer(
        name="pso",
        help="Assess proposed New Zealand peace support operations against MFAT's four "
        "considerations: strategic implications, legality, agency implications, alternatives.",
        epilog=EPILOG,
        no_args_is_help=True,
        add_completion=True,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    new.callback()(main)
    commands.register(new, only)
    return new


app: typer.Typer  # declared here, built by __getattr__ on first use


def __getattr__(name: str) -> typer.Typer:
    """`app`, the full app (for tests and tools), built on first use."""
    if name == "app":
        global app
        app = make_app()
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def command_named(argv: list[str]) -> str | None:
    """The command a plain `pso [--debug] COMMAND ...` runs, else None.

    For such a command line an app holding that command alone parses and behaves as
    the full app does, and Typer then builds one command's options instead of all of
    them. Anything else (--help, --version, an unknown or misspelt command, shell
    completion) goes to the full app, which lists and suggests every command.
    """
    from pso_cli.cli.commands import NAMES

    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None
    rest = argv[1:] if argv[:1] == ["--debug"] else argv
    return rest[0] if rest and rest[0] in NAMES else None


_STOPPED = {
    2: ("interrupted", ExitCode.INTERRUPTED),
    15: ("terminated (SIGTERM)", ExitCode.TERMINATED),
    1: ("hung up (SIGHUP)", ExitCode.HANGUP),
}


def _stopped(signum: int | None) -> int:
    """Ctrl-C, SIGTERM and SIGHUP end the run alike: one line, exit 128 + the signal."""
    what, code = _STOPPED.get(signum or 2, ("interrupted", ExitCode.INTERRUPTED))
    _say(f"pso: {what}")
    return int(code)


def run() -> None:
    """Console-script entry point: map every failure to a documented exit code."""
    from pso_cli import stop

    stop.install()
    try:
        code = make_app(command_named(sys.argv[1:]))(standalone_mode=False)
        if code == ExitCode.INTERRUPTED:  # Typer turns Ctrl-C into a silent Exit(130)
            code = _stopped(stop.received())
        sys.stdout.flush()  # inside the try: a full disk may show only now
    except KeyboardInterrupt:
        code = _stopped(stop.received())
    except BrokenPipeError:
        _quiet_stdout()
        code = ExitCode.OK
    except SystemExit as exc:
        code = _system_exit(exc)
    except Exception as exc:
        code = _handle(exc)
    _flush_quietly()
    sys.exit(int(code or 0))


def _say(message: str) -> None:
    """A line on stderr; if stderr itself cannot be written, there is nobody to tell."""
    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr)


def _handle(exc: Exception) -> int:
    # Typer vendors Click; recognise its exceptions by shape, not by import.
    kind = type(exc).__name__
    if kind == "Abort":
        from pso_cli import stop

        return _stopped(stop.received())
    if hasattr(exc, "exit_code") and hasattr(exc, "show"):
        exc.show()
        return int(exc.exit_code)
    if hasattr(exc, "exit_code") and kind == "Exit":
        return int(exc.exit_code)
    from pso_cli.errors import PsoError

    if isinstance(exc, PsoError):
        from pso_cli.escape import one_line

        for problem in exc.problems:
            _say(one_line(str(problem)))
        return exc.exit_code
    from pso_cli.cli.stdio import IO_ERRNOS, describe

    if isinstance(exc, OSError) and exc.errno in IO_ERRNOS:
        # Anything the core reads or writes to a file is a located PsoError by now: an
        # I/O error that reaches this far is standard output failing (a full disk,
        # /dev/full, a closed or read-only descriptor). The environment, not a bug.
        _quiet_stdout()
        _say(f"pso: cannot write standard output: {describe(exc)}")
        return ExitCode.IO_ERROR
    if os.environ.get("PSO_DEBUG"):
        import traceback

        traceback.print_exc()
    _say(f"pso: internal error: {type(exc).__name__}: {exc} (a bug; rerun with --debug)")
    return ExitCode.INTERNAL


def _system_exit(exc: SystemExit) -> int:
    """Click meets a closed stdout (EPIPE) by wrapping the streams and exiting 1; in pso
    exit 1 means a verdict reached --fail-on, so a reader that stopped early (`| head`)
    ends the run quietly with 0 instead, as run() does for BrokenPipeError."""
    if type(sys.stdout).__name__ == "PacifyFlushWrapper":
        _quiet_stdout()
        return ExitCode.OK
    raise exc


def _quiet_stdout() -> None:
    """stdout closed by the reader (`| head`) or failing: whatever is still buffered goes
    to /dev/null, so the interpreter's own flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # not a descriptor (a closed stream): replace it
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _flush_quietly() -> None:
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _quiet_stdout()
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
