"""`pso config show`: the effective settings and where each came from."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer

from pso_cli.cli.assess_cmd import assess
from pso_cli.cli.command_class import PsoCommand
from pso_cli.cli.settings_args import resolve, with_options_of
from pso_cli.cli.skip_other import with_skip_other_yaml

app = typer.Typer(
    help="Settings from pso.toml or [tool.pso] in pyproject.toml.", no_args_is_help=True
)


@app.command("show", cls=PsoCommand)
@with_skip_other_yaml
@with_options_of(assess)
def show(**options: Any) -> None:
    """Print each setting, its value and its source: a flag, an environment variable
    (PSO_FAIL_ON), the settings file and line, or the default.

    Takes the options of `pso assess`, so `pso config show ARGS` shows what `pso assess
    ARGS` would use. Rule packs a settings file names are shown with the reason `pso
    assess` would refuse them, unless the file was named with --config and
    --allow-config-rules is given.
    """
    from pso_cli.config import code_refusal

    values, sources = resolve(options, check_code=False)
    doc: dict[str, dict[str, object]] = {
        k: {"value": values[k], "source": sources[k]} for k in values
    }
    config, no_config = options.get("config"), bool(options.get("no_config"))
    allowed = options.get("allow_config_rules") and config
    refusal = (
        None if allowed or sources["rules"].startswith("--") else code_refusal(config, no_config)
    )
    if refusal is not None:
        doc["rules"]["refused"] = refusal
    sys.stdout.write(json.dumps(doc, indent=2) + "\n")
