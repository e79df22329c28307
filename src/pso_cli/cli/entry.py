"""The console script: answer a bare `pso --version` before importing Typer at all.

Pre-commit hooks and scripts call `pso --version` to check the tool; building the Typer
app (every command and option) costs more than the rest of start-up.
"""

from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from pso_cli import __version__

        sys.stdout.write(f"pso {__version__}\n")
        return
    from pso_cli.cli.main import run as main

    main()
