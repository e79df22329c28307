"""`pso criteria list|show`: the criteria profiles and what they resolve to."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from pso_cli.cli.command_class import PsoCommand

app = typer.Typer(
    help="Criteria profiles: weights, thresholds and rule settings.", no_args_is_help=True
)


@app.command("list", cls=PsoCommand)
def list_profiles() -> None:
    """List the packaged profiles."""
    from pso_cli.criteria.profile import available, load_profile

    for name in available():
        p = load_profile(name)
        print(f"{name}\t{p.description.strip()}")


@app.command("show", cls=PsoCommand)
def show(
    name: Annotated[
        str, typer.Argument(metavar="NAME|PATH", help="Profile name or file.")
    ] = "nz-default",
) -> None:
    """Print a profile fully resolved (extends applied), as JSON: weights, thresholds,
    rule settings, each attribute's swing weight and value function, vetoes and the
    facts pso must have."""
    from pso_cli.criteria.profile import load_profile

    p = load_profile(name)
    doc = {
        "name": p.name,
        "origin": p.origin,
        "sha256": p.sha256,
        "description": p.description,
        "weights": p.weights.model_dump(),
        "thresholds": p.thresholds.model_dump(),
        "rules": {
            k: v.model_dump(mode="json", exclude_defaults=True) for k, v in sorted(p.rules.items())
        },
        "attributes": {  # swing weights and value functions, in the profile's order
            k: v.model_dump(mode="json", exclude_none=True) for k, v in p.attributes.items()
        },
        "vetoes": {k: v.model_dump(mode="json") for k, v in p.vetoes.items()},
        "must_have": list(p.must_have),
        "commitments": p.commitments,
    }
    sys.stdout.write(json.dumps(doc, indent=2) + "\n")
