"""`pso schema`: the JSON Schema of the proposal format (or of the JSON report)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer


def schema(
    report: Annotated[
        bool, typer.Option("--report", help="Schema of `assess --format json`.")
    ] = False,
    commitments: Annotated[
        bool, typer.Option("--commitments", help="Schema of a commitments file.")
    ] = False,
) -> None:
    """Print a JSON Schema (draft 2020-12): the proposal format unless asked otherwise.

    Editors use it for completion and checking:
    `pso schema > pso-proposal.schema.json`.
    """
    import json

    from pso_cli.model.schema import commitments_schema, proposal_schema, report_schema

    doc = report_schema() if report else commitments_schema() if commitments else proposal_schema()
    sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
