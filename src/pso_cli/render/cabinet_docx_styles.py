"""The Word styles of the Cabinet draft: the look lives in styles, never in the text.

python-docx's default template is US Letter with blue Calibri headings. A New Zealand
Cabinet paper is A4, in a plain sans-serif, black headings, numbered paragraphs and the
security classification at the top and foot of every page. So the built-in styles the
draft uses (Normal, Title, Heading 1 and 2, List Number, List Bullet, Caption, Header,
Footer) are redefined, and a few paper styles are added:

    Classification      the security classification line (centred, bold)
    Office              "Office of the Minister of ..." lines (no space between)
    Provenance          where the draft comes from (small, italic)
    Cabinet Paragraph   a body paragraph, numbered through the paper (its own list)
    List Number Lead    a recommendation that introduces a list: List Number, kept with
                        its first item
    Table Text          text in a table cell (small); Table Heading for its header row
    Source              one numbered entry of the Sources list (hanging indent)
    Source Reference    the superscript number that points at a Source (a character style)

This module is imported only when a .docx is written (python-docx is loaded lazily).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, cast

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section
    from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle

FONT = "Arial"
BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x40, 0x40, 0x40)
PARAGRAPH_NUM_ID = 90  # the numbering instance of Cabinet Paragraph (its own list)
LEAD_STYLE = "List Number Lead"  # a List Number recommendation that introduces a list

_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _plain_font(style: BaseStyle) -> None:
    """Arial, black: theme fonts and colours removed, as they would override the name."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in _THEME_FONTS:
            fonts.attrib.pop(qn(attr), None)
    color = rpr.find(qn("w:color"))
    if color is not None:
        rpr.remove(color)
    font = cast("CharacterStyle", style).font
    font.name = FONT
    font.color.rgb = BLACK


def _no_border(style: BaseStyle) -> None:
    """No rule under the title, and its letter-spacing and kerning back to normal."""
    for parent, child in (("w:pPr", "w:pBdr"), ("w:rPr", "w:spacing"), ("w:rPr", "w:kern")):
        props = style.element.find(qn(parent))
        found = props.find(qn(child)) if props is not None else None
        if props is not None and found is not None:
            props.remove(found)


def style(document: Document, name: str) -> ParagraphStyle:
    return cast("ParagraphStyle", document.styles[name])


def _paragraph(document: Document, name: str, base: str = "Normal") -> ParagraphStyle:
    new = cast("ParagraphStyle", document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))
    new.base_style = style(document, base)
    return new


def _set(style: ParagraphStyle, size: float, bold: bool = False, before: float = 0,
         after: float = 6, italic: bool = False) -> None:  # fmt: skip
    _plain_font(style)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)


def _builtin(document: Document) -> None:
    _set(style(document, "Normal"), 11, after=6)
    title = style(document, "Title")
    _no_border(title)
    _set(title, 15, bold=True, before=12, after=12)
    _set(style(document, "Heading 1"), 12, bold=True, before=14, after=6)
    _set(style(document, "Heading 2"), 11, bold=True, before=10, after=4, italic=True)
    for name in ("List Bullet", "List Bullet 2"):
        _set(style(document, name), 11, after=3)
    numbered = style(document, "List Number")  # recommendations: spaced like paragraphs
    _set(numbered, 11, after=8)
    ppr = numbered.element.get_or_add_pPr()
    tight = ppr.find(qn("w:contextualSpacing"))
    if tight is not None:
        ppr.remove(tight)
    # A recommendation that introduces a list stays on the page of the list's first item:
    # the same list (numbering instance) as List Number, kept with the next paragraph.
    lead = _paragraph(document, LEAD_STYLE, "List Number")
    lead.paragraph_format.keep_with_next = True
    num_pr = ppr.find(qn("w:numPr"))
    if num_pr is not None:
        lead.element.get_or_add_pPr().append(copy.deepcopy(num_pr))
    _set(style(document, "Caption"), 10, bold=True, before=6, after=3)
    for name in ("Header", "Footer"):
        _set(style(document, name), 9, bold=True, after=0)
        style(document, name).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _numbered_paragraphs(document: Document, style: ParagraphStyle) -> None:
    """Cabinet Paragraph numbered 1., 2., ... through the paper, apart from List Number."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{PARAGRAPH_NUM_ID}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:pStyle w:val="CabinetParagraph"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # abstract definitions come before instances
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{PARAGRAPH_NUM_ID}">'
            f'<w:abstractNumId w:val="{PARAGRAPH_NUM_ID}"/></w:num>'
        )
    )
    ppr = style.element.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{PARAGRAPH_NUM_ID}"/></w:numPr>')
    )


def _indent_lists(document: Document) -> None:
    """List Number's numbers at the margin with the text at 1 cm, as Cabinet Paragraph;
    bullets at 1 cm with their text at 2 cm, under the text of the paragraph above."""
    numbering = document.part.numbering_part.element
    indents = {"ListNumber": (567, 567), "ListBullet": (1134, 567), "ListBullet2": (1134, 567)}
    for lvl in numbering.iter(qn("w:lvl")):
        style = lvl.find(qn("w:pStyle"))
        ind = lvl.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        if style is None or ind is None or style.get(qn("w:val")) not in indents:
            continue
        left, hanging = indents[style.get(qn("w:val"))]
        ind.set(qn("w:left"), str(left))
        ind.set(qn("w:hanging"), str(hanging))
        tab = lvl.find(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}")
        if tab is not None:
            tab.set(qn("w:pos"), str(left))


def _paper_styles(document: Document) -> None:
    classification = _paragraph(document, "Classification")
    _set(classification, 10, bold=True, after=12)
    classification.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    office = _paragraph(document, "Office")
    _set(office, 11, after=0)
    provenance = _paragraph(document, "Provenance")
    _set(provenance, 9, after=12, italic=True)
    provenance.font.color.rgb = GREY
    body = _paragraph(document, "Cabinet Paragraph")
    _set(body, 11, after=8)
    _numbered_paragraphs(document, body)
    _set(_paragraph(document, "Table Text"), 9, after=0)
    _set(_paragraph(document, "Table Heading", "Table Text"), 9, bold=True, after=0)
    source = _paragraph(document, "Source")
    _set(source, 9, after=2)
    source.paragraph_format.left_indent = Cm(1)
    source.paragraph_format.first_line_indent = Cm(-1)
    source.paragraph_format.tab_stops.add_tab_stop(Cm(1))
    added = document.styles.add_style("Source Reference", WD_STYLE_TYPE.CHARACTER)
    reference = cast("CharacterStyle", added)
    reference.base_style = cast("CharacterStyle", document.styles["Default Paragraph Font"])
    reference.font.superscript = True


def a4(section: Section, landscape: bool = False) -> None:
    """A4 with 2.5 cm margins, portrait or landscape (for a wide table)."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (Cm(29.7), Cm(21)) if landscape else (Cm(21), Cm(29.7))
    section.page_width, section.page_height = width, height
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)


def set_up(document: Document) -> None:
    """Redefine the built-in styles and add the paper's own."""
    for section in document.sections:
        a4(section)
    _builtin(document)
    _indent_lists(document)
    _paper_styles(document)
