"""`pso config show`: the effective settings and where each came from."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

app = typer.Typer(
    help="Settings from pso.toml or [tool.pso] in pyproject.toml.", no_args_is_help=True
)


@app.command("show")
def show(
    config: Annotated[
        str | None, typer.Option("--config", metavar="FILE", help="Settings file.")
    ] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore settings files.")] = False,
    allow_config_rules: Annotated[
        bool,
        typer.Option(
            "--allow-config-rules",
            envvar="PSO_ALLOW_CONFIG_RULES",
            help="As for pso assess: the --config file may name rule packs.",
        ),
    ] = False,
) -> None:
    """Print each setting, its value and its source (default, a file, or the command line).

    Rule packs a settings file names are shown with the reason `pso assess` would refuse
    them, unless the file was named with --config and --allow-config-rules is given.
    """
    from pso_cli.config import code_refusal, resolve_with_sources

    values, sources = resolve_with_sources(config, no_config, check_code=False)
    doc: dict[str, dict[str, object]] = {
        k: {"value": values[k], "source": sources[k]} for k in values
    }
    refusal = None if allow_config_rules and config else code_refusal(config, no_config)
    if refusal is not None:
        doc["rules"]["refused"] = refusal
    sys.stdout.write(json.dumps(doc, indent=2) + "\n")
