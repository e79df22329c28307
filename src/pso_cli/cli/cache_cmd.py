"""`pso cache dir` and `pso cache clear`: where the result cache is, and emptying it."""

from __future__ import annotations

from typing import Annotated

import typer

from pso_cli.cli.command_class import PsoCommand

app = typer.Typer(
    help="The result cache of `pso assess` (README, 'Result cache').", no_args_is_help=True
)

CacheDir = Annotated[
    str | None,
    typer.Option(
        "--cache-dir",
        envvar="PSO_CACHE_DIR",
        metavar="DIR",
        help="Result cache directory (default: $XDG_CACHE_HOME/pso or ~/.cache/pso).",
    ),
]


@app.command("dir", cls=PsoCommand)
def show_dir(cache_dir: CacheDir = None) -> None:
    """Print the result cache directory."""
    from pso_cli.engine.cache import default_dir

    print(cache_dir or default_dir())


@app.command("clear", cls=PsoCommand)
def clear(cache_dir: CacheDir = None) -> None:
    """Remove every cached result."""
    from pso_cli.engine.cache import clear, default_dir

    directory = cache_dir or default_dir()
    removed = clear(directory)
    print(f"removed {removed} cached result{'s' if removed != 1 else ''} from {directory}")
