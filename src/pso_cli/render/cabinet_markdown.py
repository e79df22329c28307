"""The Cabinet-paper draft as Markdown (GitHub-flavoured: tables and footnotes).

Paragraphs are numbered through the paper as Cabinet papers are; recommendations are
their own numbered list, with the conditions, facts or questions each lists nested
under it. Every statement ends in footnote markers, and each footnote reads
`[^n]: file:line — field`. All text is escaped (render.markdown.escape: no HTML, no
emphasis, no table breaks, no @-mentions) and bare addresses are defused so that no
renderer turns them into links.
"""

from __future__ import annotations

import re

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
from pso_cli.render.markdown import escape

__all__ = ["md_text", "render_cabinet_markdown", "write_paper"]

_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|xmpp|file):")
_WWW = re.compile(r"(?i)\bwww\.")


def md_text(text: str) -> str:
    """Escaped Markdown that no renderer autolinks: render.markdown.escape puts a
    backslash before the ':' of '://' and the '.' of 'www.' and a zero-width space after
    an @ entity; a scheme written without '//' (`mailto:`, `xmpp:`) gets its colon as an
    entity here. `$` is escaped too, so that two amounts never open GitHub's inline
    mathematics."""
    out = _SCHEME.sub(lambda m: f"{m.group(1)}&#58;", escape(text).replace("$", "\\$"))
    out = _WWW.sub(lambda m: f"{m.group(0)[:3]}&#46;", out)
    if not out:
        return " " if text[:1].isspace() else ""
    return (" " if text[:1].isspace() else "") + out + (" " if text[-1:].isspace() else "")


class _Writer:
    def __init__(self, paper: Paper) -> None:
        self.paper = paper
        self.paragraph = 0

    def inline(self, spans: Inline) -> str:
        out = []
        for span in spans:
            text = md_text(span.text)
            if span.strong and text.strip():
                text = text.replace(text.strip(), f"**{text.strip()}**", 1)
            out.append(text)
            out += [f"[^{self.paper.number(s)}]" for s in span.sources]
        return "".join(out).strip()

    def block(self, block: Block) -> list[str]:
        if isinstance(block, Para):
            return self.para(block)
        if isinstance(block, Bullets):
            return [*(f"- {self.inline(item)}" for item in block.items), ""]
        if isinstance(block, Heading):
            return [f"### {md_text(block.text)}", ""]
        if isinstance(block, Recommendations):
            return self.recommendations(block)
        return self.table(block)

    def para(self, para: Para) -> list[str]:
        if not para.numbered:
            return [self.inline(para.spans), ""]
        self.paragraph += 1
        return [f"{self.paragraph}. {self.inline(para.spans)}", ""]

    def recommendations(self, recs: Recommendations) -> list[str]:
        out = [self.inline(recs.lead), ""]
        for i, rec in enumerate(recs.items, 1):
            out.append(f"{i}. {self.inline(rec.spans)}")
            out += [f"    - {self.inline(item)}" for item in rec.items]
        return [*out, ""]

    def table(self, table: Table) -> list[str]:
        head = "| " + " | ".join(md_text(h) for h in table.header) + " |"
        rule = "|" + "---|" * len(table.header)
        rows = ["| " + " | ".join(self.inline(c) for c in row) + " |" for row in table.rows]
        return [f"**{md_text(table.caption)}**", "", head, rule, *rows, ""]

    def document(self) -> str:
        p = self.paper
        out = [f"**{md_text(p.classification)}**", ""]
        out += [md_text(o) + "  " for o in p.offices]
        out[-1] = out[-1].rstrip()
        out += ["", md_text(p.addressee), "", f"# {md_text(p.title)}", ""]
        out += [f"*{self.inline(p.provenance)}*", ""]
        for section in p.sections:
            out += [f"## {md_text(section.title)}", ""]
            for block in section.blocks:
                out += self.block(block)
        out += [f"[^{i}]: {md_text(s.label)}" for i, s in enumerate(p.notes, 1)]
        out += ["", f"**{md_text(p.classification)}**"]
        return "\n".join(out) + "\n"


def write_paper(paper: Paper) -> str:
    """A built Paper as Markdown, ending in a newline."""
    return _Writer(paper).document()


def render_cabinet_markdown(
    assessment: Assessment, loaded: Loaded, commitments: CommitmentsSummary | None = None
) -> str:
    """The Cabinet-paper draft of one assessed proposal as Markdown.

    `assessment` is the engine's Assessment of `loaded` (the proposal as loaded, with its
    source map, so that each footnote names the line a fact is on); `commitments` is the
    summary of the commitments file the run used, if any (load_commitments_summary).
    """
    return write_paper(build_paper(assessment, loaded, commitments))
