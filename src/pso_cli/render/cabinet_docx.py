"""The Cabinet-paper draft as a Word document (.docx), written with python-docx.

Everything the reader sees is styled, never formatted by hand: Title, Heading 1 and 2,
Cabinet Paragraph (numbered through the paper), List Number for the recommendations
(a real numbered list), List Bullet and List Bullet 2, real Word tables in the Table Grid
style with a header row that repeats across pages, and the classification in the page
header and footer (see cabinet_docx_styles.py).

Traceability: python-docx has no API for footnotes (it has one for comments since 1.2),
so each statement carries superscript reference numbers (the Source Reference character
style) that point into a numbered Sources list at the end of the paper, one entry per
file:line and field, the same numbers as the Markdown draft's footnotes. Comments were
not chosen: a paper citing eighty facts would carry eighty balloons, they do not print
with the text by default, and a paper sent to Ministers has its comments stripped.

Text from the proposal is written as plain runs (never parsed as markup); characters
XML cannot hold are replaced. python-docx is imported only when a .docx is written.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import TYPE_CHECKING

from pso_cli.loading.load import Loaded
from pso_cli.model.findings import Assessment
from pso_cli.render.cabinet import (
    Block,
    Bullets,
    CommitmentsSummary,
    Heading,
    Inline,
    Paper,
    Para,
    Recommendations,
    Table,
    build_paper,
)

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section
    from docx.table import Table as WordTable
    from docx.text.paragraph import Paragraph

__all__ = ["docx_bytes", "write_cabinet_docx"]

SOURCES_TITLE = "Sources"
WIDE = 5  # a table with more columns than this gets a landscape page
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text a Word run can hold: characters XML 1.0 forbids become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


class _Writer:
    def __init__(self, paper: Paper, document: Document) -> None:
        self.paper = paper
        self.doc = document

    def runs(self, paragraph: Paragraph, spans: Inline) -> None:
        for span in spans:
            if span.text:
                paragraph.add_run(xml_text(span.text), "Strong" if span.strong else None)
            if span.sources:
                marks = ",".join(str(self.paper.number(s)) for s in span.sources)
                paragraph.add_run(marks, "Source Reference")

    def para(self, spans: Inline, style: str) -> Paragraph:
        paragraph = self.doc.add_paragraph(style=style)
        self.runs(paragraph, spans)
        return paragraph

    def block(self, block: Block) -> None:
        if isinstance(block, Para):
            self.para(block.spans, "Cabinet Paragraph" if block.numbered else "Normal")
        elif isinstance(block, Bullets):
            for item in block.items:
                self.para(item, "List Bullet")
        elif isinstance(block, Heading):
            self.doc.add_heading(xml_text(block.text), level=2)
        elif isinstance(block, Recommendations):
            self.recommendations(block)
        else:
            self.table(block)

    def recommendations(self, recs: Recommendations) -> None:
        self.para(recs.lead, "Normal")
        for rec in recs.items:
            self.para(rec.spans, "List Number Lead" if rec.items else "List Number")
            for item in rec.items:
                self.para(item, "List Bullet 2")

    def table(self, table: Table) -> None:
        self.doc.add_paragraph(xml_text(table.caption), style="Caption")
        grid = self.doc.add_table(rows=1, cols=len(table.header), style="Table Grid")
        for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
            cell.paragraphs[0].style = self.doc.styles["Table Heading"]
            cell.paragraphs[0].add_run(xml_text(text))
        _repeat_header(grid)
        for row in table.rows:
            cells = grid.add_row().cells
            for cell, spans in zip(cells, row, strict=True):
                cell.paragraphs[0].style = self.doc.styles["Table Text"]
                self.runs(cell.paragraphs[0], spans)
        _widths(grid, table, self.doc.sections[-1])

    def front(self) -> None:
        p = self.paper
        for section in self.doc.sections:  # page 1 has the line itself, not a header
            section.different_first_page_header_footer = True
            for part in (section.header, section.footer, section.first_page_footer):
                part.paragraphs[0].text = p.classification
        self.doc.add_paragraph(p.classification, style="Classification")
        for office in p.offices:
            self.doc.add_paragraph(xml_text(office), style="Office")
        self.doc.add_paragraph("", style="Office")
        self.doc.add_paragraph(xml_text(p.addressee), style="Office")
        self.doc.add_paragraph(xml_text(p.title), style="Title")
        self.para(p.provenance, "Provenance")

    def sources(self) -> None:
        self.doc.add_heading(SOURCES_TITLE, level=1)
        self.doc.add_paragraph(
            "Each superscript number in the text refers to the file, line and proposal "
            "field below that the statement rests on.",
            style="Normal",
        )
        for i, source in enumerate(self.paper.notes, 1):
            self.doc.add_paragraph(f"{i}\t{xml_text(source.label)}", style="Source")

    def page(self, landscape: bool) -> None:
        from docx.enum.section import WD_SECTION

        from pso_cli.render.cabinet_docx_styles import a4

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = False
        a4(section, landscape)

    def write(self) -> None:
        self.front()
        for section in self.paper.sections:
            wide = any(isinstance(b, Table) and len(b.header) > WIDE for b in section.blocks)
            if wide:
                self.page(landscape=True)
            self.doc.add_heading(xml_text(section.title), level=1)
            for block in section.blocks:
                self.block(block)
            if wide:
                self.page(landscape=False)
        self.sources()


def _repeat_header(grid: WordTable) -> None:
    """The header row repeats at the top of each page the table runs onto."""
    from docx.oxml import OxmlElement

    tr_pr = grid.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def _widths(grid: WordTable, table: Table, section: Section) -> None:
    """Column widths in proportion to the longest text each column holds (within limits)."""
    from docx.shared import Emu

    longest = [len(h) for h in table.header]
    for row in table.rows:
        for i, cell in enumerate(row):
            longest[i] = max(longest[i], sum(len(s.text) for s in cell))
    weights = [min(max(n, 8), 60) ** 0.5 for n in longest]
    width = section.page_width - section.left_margin - section.right_margin  # type: ignore[operator]
    grid.autofit = False
    for column, weight in zip(grid.columns, weights, strict=True):
        size = Emu(int(width * weight / sum(weights)))
        for cell in column.cells:
            cell.width = size


def paper_document(paper: Paper) -> Document:
    """A python-docx Document of a built Paper."""
    import docx

    from pso_cli.render.cabinet_docx_styles import set_up

    document = docx.Document()
    props = document.core_properties
    props.title = xml_text(paper.title)
    props.subject = "Cabinet paper draft"
    props.author = "pso"
    props.comments = ""  # not the template's "generated by python-docx"
    if paper.as_of is not None:  # the date it was judged at, not the time of writing
        props.created = props.modified = dt.datetime.combine(paper.as_of, dt.time())
    set_up(document)
    _Writer(paper, document).write()
    return document


def docx_bytes(paper: Paper) -> bytes:
    """The .docx file, the same bytes for the same paper (no time of writing inside)."""
    buffer = io.BytesIO()
    paper_document(paper).save(buffer)
    return _fixed_times(buffer.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """The package again with each member dated 1980-01-01 (zipfile stamps the time now)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info))
    return out.getvalue()


def write_cabinet_docx(
    assessment: Assessment,
    loaded: Loaded,
    path: str,
    commitments: CommitmentsSummary | None = None,
) -> None:
    """Write the Cabinet-paper draft of one assessed proposal to `path` as Word (.docx).

    `assessment` is the engine's Assessment of `loaded` (the proposal with its source
    map); `commitments` is the summary of the run's commitments file, if one was used
    (cabinet.load_commitments_summary). The file is replaced atomically.
    """
    from pso_cli.render.files import write_atomic

    write_atomic(path, docx_bytes(build_paper(assessment, loaded, commitments)))
