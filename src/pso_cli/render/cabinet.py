"""The Cabinet-paper draft: an Assessment and its proposal as a document model.

`build_paper(assessment, loaded, commitments)` is pure: it returns a `Paper` (sections
of numbered paragraphs, lists, tables and numbered recommendations, each statement
carrying the file:line and field it rests on), which cabinet_markdown.py and
cabinet_docx.py write out. Sections come in the order an MFAT officer writing a
Cabinet paper expects:

    [IN CONFIDENCE — draft for officials]   Office of the Minister(s) ... / Cabinet
    Title
    Purpose · Executive summary · Recommendations · Background · Options · Legal basis ·
    Risks · Agency implications · Costs and funding · Consultation · Review and expiry ·
    What is still unknown

The verdict, the legal outcome and the conditions are the assessment's; facts come
from the proposal. Nothing here judges the proposal again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from pso_cli.loading.load import Loaded, parse_mapping
from pso_cli.loading.reader import read_bytes
from pso_cli.model.commitments import Commitments
from pso_cli.model.findings import Assessment
from pso_cli.render.cabinet_agency import agency_implications, consultation, costs, review, unknown
from pso_cli.render.cabinet_body import background, options
from pso_cli.render.cabinet_facts import with_article
from pso_cli.render.cabinet_front import executive_summary, ministers, purpose, recommendations
from pso_cli.render.cabinet_legal import legal_basis, risks
from pso_cli.render.cabinet_model import (
    Block,
    Bullets,
    CommitmentsSummary,
    Committed,
    Context,
    Heading,
    Inline,
    Paper,
    Para,
    Recommendation,
    Recommendations,
    Section,
    Source,
    Span,
    Table,
    ordered_notes,
)
from pso_cli.render.cabinet_words import CLASSIFICATION, bare, clean, date

__all__ = [
    "SECTION_TITLES",
    "Block",
    "Bullets",
    "CommitmentsSummary",
    "Heading",
    "Inline",
    "Paper",
    "Para",
    "Recommendation",
    "Recommendations",
    "Section",
    "Source",
    "Span",
    "Table",
    "build_paper",
    "load_commitments_summary",
]

SECTION_TITLES = (
    "Purpose",
    "Executive summary",
    "Recommendations",
    "Background",
    "Options",
    "Legal basis",
    "Risks",
    "Agency implications",
    "Costs and funding",
    "Consultation",
    "Review and expiry",
    "What is still unknown",
)
_SECTIONS = (
    purpose,
    executive_summary,
    recommendations,
    background,
    options,
    legal_basis,
    risks,
    agency_implications,
    costs,
    consultation,
    review,
    unknown,
)


def _title(ctx: Context) -> str:
    name = clean(ctx.p.identity.name)
    to = f"New Zealand contribution to {with_article(name)}"
    host = ctx.p.location.host if ctx.p.location else None
    if host and bare(host) not in bare(name):
        return f"{clean(host)}: {to}"
    return to


def _provenance(ctx: Context) -> Inline:
    a = ctx.a
    when = f", assessed as at {date(_day(a.as_of))}" if a.as_of else ""
    text = (
        f"Draft prepared by pso from {a.path} (sha256 {a.sha256[:12]}){when}. It is an "
        "officials' working draft, not a decision of Ministers."
    )
    return (Span(text, (ctx.whole(),)),)


def _day(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return None


def build_paper(
    assessment: Assessment, loaded: Loaded, commitments: CommitmentsSummary | None = None
) -> Paper:
    """The Cabinet-paper draft of one assessed proposal, as a document model."""
    ctx = Context(assessment, loaded, commitments)
    paper = Paper(
        classification=CLASSIFICATION,
        offices=tuple(f"Office of the {m}" for m in ministers(ctx)),
        addressee="Cabinet",
        title=_title(ctx),
        provenance=_provenance(ctx),
        sections=tuple(build(ctx) for build in _SECTIONS),
        as_of=_day(assessment.as_of),
    )
    return dataclasses.replace(paper, notes=ordered_notes(paper))


def load_commitments_summary(path: str) -> CommitmentsSummary:
    """The commitments file a run used (--commitments), with the line of each deployment.

    Reading is done here, outside the pure `build_paper`, so a caller that has the file's
    path (RunInfo.commitments) can hand the paper what it says and where it says it.
    """
    value, smap = parse_mapping(read_bytes(path), path)
    doc = Commitments.model_validate(value)
    rows = tuple(
        Committed(d, smap.value(("deployments", i))[0], i) for i, d in enumerate(doc.deployments)
    )
    return CommitmentsSummary(path, doc.as_of.isoformat() if doc.as_of else "", rows)
