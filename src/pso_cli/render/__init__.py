"""Output formats, imported only when asked for."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # the run model is not needed to name a format (pso validate)
    from pso_cli.model.run import RunResult

FORMATS = {
    "text": "pso_cli.render.text",
    "json": "pso_cli.render.json_report",
    "jsonl": "pso_cli.render.json_report",
    "sarif": "pso_cli.render.sarif",
    "junit": "pso_cli.render.junit",
    "markdown": "pso_cli.render.markdown",
    "github": "pso_cli.render.github",
    "html": "pso_cli.render.html",
}


def renderer(fmt: str) -> Callable[[RunResult], str]:
    """The whole-document renderer of a format."""
    module = importlib.import_module(FORMATS[fmt])
    if fmt == "jsonl":
        line = module.render_line
        return lambda run: "".join(line(item, run.info) for item in run.items)
    return cast("Callable[[RunResult], str]", module.render)
