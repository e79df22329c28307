"""The Cabinet-paper draft as data: sections of paragraphs, lists, tables and sources.

The tree is small and format-free, so that the Markdown and Word writers say the same
thing in the same order and number the same sources. Text is plain (never markup):
each writer escapes it for its format. Every span of text may carry the sources it
rests on, each a file, a line and the proposal field read there; the writers turn
them into footnotes (Markdown) or numbered references to a Sources list (Word).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pso_cli.loading.load import Loaded
from pso_cli.model.commitments import Deployment
from pso_cli.model.findings import Assessment
from pso_cli.model.proposal import AgencyContribution, Proposal
from pso_cli.render.cabinet_words import clean, one_line

_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def segments(field: str) -> tuple[str | int, ...]:
    """'alternatives[0].type' -> ('alternatives', 0, 'type'): the source map's keys.

    (The same as the loader's parse_dotted, which is moving between modules; the draft
    keeps its own three lines rather than follow it.)
    """
    return tuple(int(i) if i else name for name, i in _SEGMENT.findall(field))


@dataclass(frozen=True, slots=True)
class Source:
    """Where a statement comes from: a file, a line and the field read there."""

    path: str
    line: int
    field: str = ""  # empty: the proposal as a whole (the verdict rests on all of it)

    @property
    def label(self) -> str:
        return f"{self.path}:{self.line} — {self.field or 'the proposal as a whole'}"


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    sources: tuple[Source, ...] = ()
    strong: bool = False  # a run-in label ("Threat:"), never a value from the file


Inline = tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Para:
    spans: Inline
    numbered: bool = True  # Cabinet papers number their paragraphs through the paper


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    text: str  # a sub-heading within a section (Heading 2)


@dataclass(frozen=True, slots=True)
class Recommendation:
    spans: Inline
    items: tuple[Inline, ...] = ()  # the conditions, facts or questions it lists


@dataclass(frozen=True, slots=True)
class Recommendations:
    lead: Inline  # "The Minister of Foreign Affairs recommends that Cabinet:"
    items: tuple[Recommendation, ...]


@dataclass(frozen=True, slots=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]


Block = Para | Bullets | Heading | Recommendations | Table


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Paper:
    classification: str
    offices: tuple[str, ...]  # "Office of the Minister of Foreign Affairs", ...
    addressee: str
    title: str
    provenance: Inline
    sections: tuple[Section, ...]
    notes: tuple[Source, ...] = ()  # in order of first citation: note n is notes[n - 1]
    as_of: dt.date | None = None  # the date the proposal was judged at

    def number(self, source: Source) -> int:
        return _index(self.notes)[source]


@functools.lru_cache(maxsize=8)
def _index(notes: tuple[Source, ...]) -> dict[Source, int]:
    return {s: i for i, s in enumerate(notes, 1)}


def inline_sources(spans: Iterable[Span]) -> Iterator[Source]:
    for span in spans:
        yield from span.sources


def block_sources(block: Block) -> Iterator[Source]:
    """Sources of a block in reading order (a table row by row)."""
    if isinstance(block, Para):
        yield from inline_sources(block.spans)
    elif isinstance(block, Bullets):
        for item in block.items:
            yield from inline_sources(item)
    elif isinstance(block, Recommendations):
        yield from inline_sources(block.lead)
        for rec in block.items:
            yield from inline_sources(rec.spans)
            for item in rec.items:
                yield from inline_sources(item)
    elif isinstance(block, Table):
        for row in block.rows:
            for cell in row:
                yield from inline_sources(cell)


def ordered_notes(paper: Paper) -> tuple[Source, ...]:
    seen: dict[Source, None] = dict.fromkeys(inline_sources(paper.provenance))
    for section in paper.sections:
        for block in section.blocks:
            seen.update(dict.fromkeys(block_sources(block)))
    return tuple(seen)


AGENCY_LABELS = {"nzdf": "NZDF", "police": "NZ Police", "mfat": "MFAT"}
MINISTERS = {"nzdf": "Minister of Defence", "police": "Minister of Police"}


@dataclass(frozen=True, slots=True)
class AgencyPart:
    key: str  # nzdf | police | mfat | other
    label: str
    field: str  # contribution.nzdf, contribution.other[0]
    contribution: AgencyContribution


@dataclass(frozen=True, slots=True)
class Committed:
    """One current deployment from the commitments file, with its line."""

    deployment: Deployment
    line: int
    index: int


@dataclass(frozen=True, slots=True)
class CommitmentsSummary:
    """The commitments file a run used (--commitments): its path, date and deployments."""

    path: str
    as_of: str  # the date the picture was taken (YYYY-MM-DD), or ""
    deployments: tuple[Committed, ...]


@dataclass(frozen=True)
class Context:
    """What every section reads: the assessment, the proposal and where its facts are."""

    a: Assessment
    loaded: Loaded
    commitments: CommitmentsSummary | None = None

    @property
    def p(self) -> Proposal:
        return self.loaded.proposal

    def src(self, *fields: str) -> tuple[Source, ...]:
        """A source for each field: the line of its value, or of its nearest ancestor."""
        smap = self.loaded.source_map
        return tuple(Source(self.a.path, smap.value(segments(f))[0], f) for f in fields)

    def at(self, line: int, field_path: str) -> Source:
        return Source(self.a.path, line, field_path)

    def whole(self) -> Source:
        return Source(self.a.path, 1)

    def span(self, text: str, *fields: str) -> Span:
        """Text from the file (on one line), cited at its fields."""
        return Span(one_line(text), self.src(*fields))

    def agencies(self) -> tuple[AgencyPart, ...]:
        """Each agency the proposal names, in the order NZDF, Police, MFAT, others."""
        c = self.p.contribution
        if c is None:
            return ()
        out = [
            AgencyPart(key, label, f"contribution.{key}", part)
            for key, label in AGENCY_LABELS.items()
            if (part := getattr(c, key)) is not None
        ]
        out += [
            AgencyPart("other", clean(o.agency), f"contribution.other[{i}]", o)
            for i, o in enumerate(c.other)
        ]
        return tuple(out)
