"""Output formats of `pso assess`: the one registry, and renderers imported only when asked for.

Everything that names an assess format reads `FORMATS`: the `--format` help and check,
the `format` setting of pso.toml, `--output` prefixes and file extensions, which formats
are for people (what-if on by default) and which are streamed as each result finishes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # the run model is not needed to name a format (pso validate)
    from pso_cli.model.run import RunResult


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    module: str  # the renderer: `render(run)`, or `render_line(item, info)` for jsonl
    suffixes: tuple[str, ...] = ()  # an unprefixed --output FILE with one of these
    human: bool = False  # read by people: what-if is on by default
    streamed: bool = False  # to stdout, each result written as it finishes


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "pso_cli.render.text", (".txt",), human=True, streamed=True),
        Format("json", "pso_cli.render.json_report", (".json",)),
        Format("jsonl", "pso_cli.render.json_report", (".jsonl", ".ndjson"), streamed=True),
        Format("sarif", "pso_cli.render.sarif", (".sarif",)),
        Format("junit", "pso_cli.render.junit", (".xml",)),
        Format("markdown", "pso_cli.render.markdown", (".md", ".markdown"), human=True),
        Format("github", "pso_cli.render.github"),
        Format("html", "pso_cli.render.html", (".html", ".htm"), human=True),
        # A Cabinet-paper draft: Markdown to stdout or a .md file named cabinet:FILE,
        # Word for an -o FILE.docx (written by cabinet_run.write_docx, not as text).
        Format("cabinet", "pso_cli.render.cabinet_run", (".docx",), human=True),
    )
}
FORMAT_NAMES = tuple(FORMATS)
BY_SUFFIX = {suffix: f.name for f in FORMATS.values() for suffix in f.suffixes}


def renderer(fmt: str) -> Callable[[RunResult], str]:
    """The whole-document renderer of a format."""
    module = importlib.import_module(FORMATS[fmt].module)
    if fmt == "jsonl":
        line = module.render_line
        return lambda run: "".join(line(item, run.info) for item in run.items)
    return cast("Callable[[RunResult], str]", module.render)
