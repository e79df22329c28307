"""JSON Schemas (draft 2020-12) of pso's input and output documents."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from pydantic import BaseModel

from pso_cli import __version__

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _schema(model: type[BaseModel], ident: str, title: str) -> dict[str, Any]:
    """The model's schema, each enumeration accepting every spelling pso accepts."""
    from pso_cli.model.enum_schema import widen

    body = widen(model.model_json_schema(mode="validation"))
    return {
        "$schema": DRAFT,
        "$id": ident,
        "title": title,
        **{k: v for k, v in body.items() if k != "title"},
    }


def proposal_schema() -> dict[str, Any]:
    from pso_cli.model.proposal import Proposal

    return _schema(Proposal, "urn:pso:proposal:v1", f"pso proposal, format 1 (pso {__version__})")


def commitments_schema() -> dict[str, Any]:
    from pso_cli.model.commitments import Commitments

    return _schema(Commitments, "urn:pso:commitments:v1", "pso commitments file, format 1")


def report_schema() -> dict[str, Any]:
    text = resources.files("pso_cli.render").joinpath("report.schema.json").read_text("utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc
