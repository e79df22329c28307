"""The Cabinet draft of a whole `pso assess` run: what the format registry calls.

A renderer receives a RunResult, whose Assessments do not carry the proposal or its
source map; the draft needs both (every statement cites its file:line). They are taken
from `run.extras["loaded"]` (a mapping of path to Loaded) when the caller kept them, and
otherwise read again from each assessed file, which must still have the sha256 it was
assessed with. The commitments file is the run's own (RunInfo.commitments).

- `render(run)`: the Markdown draft of each assessed proposal, one after another;
- `write_docx(run, path)`: the Word draft; with several proposals, one file each,
  named `<stem>-<proposal id>.docx` beside `path`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from pso_cli.errors import InputError
from pso_cli.loading.load import Loaded, load_proposal
from pso_cli.model.findings import Assessment
from pso_cli.model.run import Invalid, RunResult
from pso_cli.render.cabinet import CommitmentsSummary, load_commitments_summary
from pso_cli.render.cabinet_markdown import md_text, render_cabinet_markdown

__all__ = ["docx_paths", "render", "write_docx"]


def _loaded(run: RunResult, a: Assessment) -> Loaded:
    kept = run.extras.get("loaded")
    if isinstance(kept, dict) and isinstance(kept.get(a.path), Loaded):
        found: Loaded = kept[a.path]
        return found
    if not os.path.isfile(a.path):
        raise InputError.at(
            a.path, 1, 1, "the Cabinet draft needs the proposal file itself", "cabinet"
        )
    loaded = load_proposal(a.path)
    if loaded.sha256 != a.sha256:
        raise InputError.at(
            a.path, 1, 1, "the file changed after it was assessed; assess it again", "cabinet"
        )
    return loaded


def _commitments(run: RunResult) -> CommitmentsSummary | None:
    path = run.info.commitments
    return load_commitments_summary(path) if path else None


def _assessed(run: RunResult) -> Iterator[Assessment]:
    for item in run.items:
        if not isinstance(item, Invalid):
            yield item


def render(run: RunResult) -> str:
    """The Markdown Cabinet draft of every assessed proposal of the run, ending in a
    newline; an input that could not be assessed is named, with no draft."""
    commitments = _commitments(run)
    papers = [render_cabinet_markdown(a, _loaded(run, a), commitments) for a in _assessed(run)]
    invalid = [
        f"Not assessed, so no draft: {md_text(i.path)} (invalid input)."
        for i in run.items
        if isinstance(i, Invalid)
    ]
    parts = [*papers, *(f"{line}\n" for line in invalid)]
    return "\n---\n\n".join(parts) if parts else "No proposal was assessed.\n"


def docx_paths(run: RunResult, path: str) -> list[tuple[Assessment, str]]:
    """Where each assessed proposal's .docx goes: `path` itself for one proposal."""
    assessed = list(_assessed(run))
    if len(assessed) == 1:
        return [(assessed[0], path)]
    stem, suffix = os.path.splitext(path)
    return [(a, f"{stem}-{a.proposal_id}{suffix or '.docx'}") for a in assessed]


def write_docx(run: RunResult, path: str) -> None:
    """Write the Word Cabinet draft of the run's assessed proposal(s) (see docx_paths)."""
    from pso_cli.render.cabinet_docx import write_cabinet_docx

    commitments = _commitments(run)
    for a, target in docx_paths(run, path):
        write_cabinet_docx(a, _loaded(run, a), target, commitments)
