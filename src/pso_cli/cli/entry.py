"""The console script: answer a bare `pso --version` before importing Typer at all.

Pre-commit hooks and scripts call `pso --version` to check the tool; building the Typer
app (every command and option) costs more than the rest of start-up.
"""

from __future__ import annotations

import sys


def run() -> None:
    from pso_cli.cli.stdio import guard

    guard()  # before anything opens a file: a closed stdout must not lend it fd 1
    if sys.argv[1:] == ["--version"]:
        from pso_cli import __version__

        try:
            sys.stdout.write(f"pso {__version__}\n")
            sys.stdout.flush()
        except OSError as exc:  # closed or full: the environment (exit 74), as in main.run
            sys.stderr.write(f"pso: cannot write standard output: {exc.strerror or exc}\n")
            sys.stdout = sys.stderr
            raise SystemExit(74) from None
        return
    from pso_cli.cli.main import run as main

    main()
