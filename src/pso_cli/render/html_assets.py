"""The HTML report's inline assets: stylesheet, icon shapes and SVG charts.

Nothing here fetches anything: the CSS is inline, the charts and icons are inline SVG,
and no script runs. Every chart carries a <title> and <desc> (its alt text) and an
aria-label; the report puts a data table beside it. Text from YAML is escaped by `esc`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

__all__ = [
    "CSP",
    "CSS",
    "Band",
    "Bar",
    "band_chart",
    "bar_chart",
    "document",
    "esc",
    "h",
    "html_list",
    "icon",
    "section",
    "table",
    "td",
]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def esc(text: object) -> str:
    """Text as inert HTML (also safe in attributes); control characters become U+FFFD."""
    return html.escape(_CONTROL.sub("\ufffd", str(text)), quote=True)


# -- icons: a shape per meaning, so colour is never the only signal ------------------------

_SHAPES = {
    "circle": '<circle cx="8" cy="8" r="7.2"/>',
    "square": '<rect x="1" y="1" width="14" height="14" rx="2"/>',
    "triangle": '<path d="M8 .8 15.4 14.6H.6Z"/>',
    "diamond": '<path d="M8 .4 15.6 8 8 15.6.4 8Z"/>',
    "octagon": '<path d="M5 .8h6L15.2 5v6L11 15.2H5L.8 11V5Z"/>',
}
_MARKS = {
    "check": "M4.4 8.3 7 10.8l4.6-5.4",
    "cross": "M5.3 5.3l5.4 5.4m0-5.4-5.4 5.4",
    "plus": "M8 4.4v7.2M4.4 8h7.2",
    "bang": "M8 5.6v3.8m0 2.6v.2",
    "question": "M6 6.3a2 2 0 1 1 2.8 1.8C8.2 8.5 8 9 8 9.8m0 2v.2",
    "info": "M8 7.2v4.6m0-7.4v.2",
    "letter-e": "M10.4 4.6H5.8v6.8h4.6M5.8 8h3.6",
}
ICONS = {
    "recommend": ("circle", "check"),
    "recommend-with-conditions": ("square", "check"),
    "further-analysis": ("diamond", "question"),
    "do-not-recommend": ("octagon", "cross"),
    "invalid": ("octagon", "cross"),
    "supports": ("circle", "plus"),
    "concern": ("triangle", "bang"),
    "blocker": ("octagon", "cross"),
    "missing-information": ("diamond", "question"),
    "info": ("circle", "info"),
    "error": ("square", "letter-e"),
    "passed": ("circle", "check"),
    "failed": ("octagon", "cross"),
    "unknown": ("diamond", "question"),
    "fragile": ("triangle", "bang"),
    "robust": ("circle", "check"),
}


def icon(kind: str) -> str:
    """A small decorative icon (hidden from assistive technology: a text label goes with it)."""
    shape, mark = ICONS.get(kind, ("circle", "info"))
    return (
        '<svg class="ico" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" '
        f'focusable="false"><g fill="currentColor">{_SHAPES[shape]}</g>'
        f'<path d="{_MARKS[mark]}" fill="none" stroke="#fff" stroke-width="1.8" '
        'stroke-linecap="round" stroke-linejoin="round"/></svg>'
    )


# -- charts --------------------------------------------------------------------------------


class Bar(NamedTuple):
    """One row of the bar chart: a score on 0-100 and a confidence on 0-1."""

    label: str
    note: str
    score: float
    confidence: float


class Band(NamedTuple):
    """One row of the band chart: [low, high] on 0-1 and the current value."""

    label: str
    value: float
    low: float
    high: float


_W, _LEFT, _PLOT, _ROW, _TOP = 720, 250, 360, 50, 34


def _clip(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _open(chart_id: str, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {_W} {height}" width="{_W}" '
        f'height="{height}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'aria-label="{esc(title)}">',
        f'<title id="{chart_id}-t">{esc(title)}</title>',
        f'<desc id="{chart_id}-d">{esc(desc)}</desc>',
    ]


def _axis(height: int, ticks: Sequence[tuple[float, str]]) -> list[str]:
    """Vertical grid lines with tick labels under the plot; positions are fractions 0-1."""
    out = []
    bottom = height - 22
    for frac, label in ticks:
        x = _LEFT + frac * _PLOT
        out.append(f'<line class="grid" x1="{x:.1f}" y1="{_TOP - 6}" x2="{x:.1f}" y2="{bottom}"/>')
        out.append(f'<text class="tick" x="{x:.1f}" y="{bottom + 16}">{esc(label)}</text>')
    return out


def _row_label(y: int, label: str, note: str) -> list[str]:
    return [
        f'<text class="label" x="{_LEFT - 12}" y="{y + 13}">{esc(_clip(label))}</text>',
        f'<text class="note" x="{_LEFT - 12}" y="{y + 29}">{esc(note)}</text>',
    ]


def bar_chart(chart_id: str, title: str, desc: str, bars: Sequence[Bar]) -> str:
    """Horizontal score bars (0-100) with a thin confidence bar (0-100%) under each."""
    height = _TOP + _ROW * len(bars) + 26
    out = _open(chart_id, height, title, desc)
    out.append(
        '<g class="legend"><rect class="score" x="250" y="6" width="18" height="12"/>'
        '<text x="274" y="16">Score (0–100)</text>'
        '<rect class="conf" x="400" y="10" width="18" height="5"/>'
        '<text x="424" y="16">Confidence (0–100%)</text></g>'
    )
    out += _axis(height, [(t / 100, str(t)) for t in (0, 25, 50, 75, 100)])
    for i, bar in enumerate(bars):
        y = _TOP + i * _ROW
        score_w = max(0.0, min(bar.score, 100.0)) / 100 * _PLOT
        conf_w = max(0.0, min(bar.confidence, 1.0)) * _PLOT
        out.append(f"<g><title>{esc(bar.label)}: {_bar_text(bar)}</title>")
        out += _row_label(y, bar.label, bar.note)
        out.append(
            f'<rect class="track" x="{_LEFT}" y="{y}" width="{_PLOT}" height="18"/>'
            f'<rect class="score" x="{_LEFT}" y="{y}" width="{score_w:.1f}" height="18"/>'
            f'<rect class="conf" x="{_LEFT}" y="{y + 23}" width="{conf_w:.1f}" height="5"/>'
            f'<text class="value" x="{_LEFT + _PLOT + 10}" y="{y + 14}">{bar.score:.0f}</text>'
            f'<text class="rnote" x="{_LEFT + _PLOT + 10}" y="{y + 29}">'
            f"{bar.confidence:.0%} conf.</text></g>"
        )
    return "\n".join([*out, "</svg>"])


def _bar_text(bar: Bar) -> str:
    return f"score {bar.score:.1f} of 100, confidence {bar.confidence:.0%}"


def band_chart(chart_id: str, title: str, desc: str, bands: Sequence[Band]) -> str:
    """Each row's [low, high] as a band on 0-1, with a diamond marker at the current value."""
    height = _TOP + _ROW * len(bands) + 26
    out = _open(chart_id, height, title, desc)
    out.append(
        '<g class="legend"><rect class="band" x="250" y="6" width="18" height="12"/>'
        '<text x="274" y="16">Weights keeping the verdict</text>'
        '<path class="marker" d="M470 5l6 6-6 6-6-6Z"/>'
        '<text x="482" y="16">Profile weight</text></g>'
    )
    out += _axis(height, [(t / 4, f"{t / 4:.2f}") for t in range(5)])
    for i, band in enumerate(bands):
        y = _TOP + i * _ROW
        x0 = _LEFT + max(0.0, min(band.low, 1.0)) * _PLOT
        x1 = _LEFT + max(0.0, min(band.high, 1.0)) * _PLOT
        xm = _LEFT + max(0.0, min(band.value, 1.0)) * _PLOT
        out.append(f"<g><title>{esc(band.label)}: {_band_text(band)}</title>")
        out += _row_label(y, band.label, f"weight {band.value:.2f}")
        out.append(
            f'<rect class="track" x="{_LEFT}" y="{y + 4}" width="{_PLOT}" height="10"/>'
            f'<rect class="band" x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 1.5):.1f}" '
            'height="18"/>'
            f'<path class="marker" d="M{xm:.1f} {y - 2}l7 11-7 11-7-11Z"/>'
            f'<text class="rnote" x="{_LEFT + _PLOT + 10}" y="{y + 14}">'
            f"{band.low:.2f}–{band.high:.2f}</text></g>"
        )
    return "\n".join([*out, "</svg>"])


def _band_text(band: Band) -> str:
    return (
        f"weight {band.value:.2f}; the verdict holds for weights from "
        f"{band.low:.3f} to {band.high:.3f}"
    )


# -- HTML building blocks (arguments are already-escaped HTML unless named text) ----------


def h(level: int, text: str, anchor: str = "") -> str:
    ident = f' id="{anchor}"' if anchor else ""
    return f"<h{level}{ident}>{text}</h{level}>"


def section(level: int, title: str, anchor: str, body: Iterable[str]) -> list[str]:
    return [f'<section aria-labelledby="{anchor}">', h(level, title, anchor), *body, "</section>"]


def table(caption: str, heads: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "") -> str:
    """A table with a caption and column headers; `heads` entries are plain header text
    (a leading '#' right-aligns the column); cells are already-escaped HTML."""
    attr = f' class="{cls}"' if cls else ""
    ths = "".join(
        f'<th scope="col" class="num">{h[1:]}</th>'
        if h.startswith("#")
        else f'<th scope="col">{h}</th>'
        for h in heads
    )
    body = "\n".join("<tr>" + "".join(cells) + "</tr>" for cells in rows)
    return (
        f'<table{attr}><caption class="sr-only">{caption}</caption>\n'
        f"<thead><tr>{ths}</tr></thead>\n<tbody>\n{body}\n</tbody></table>"
    )


def td(text: str, cls: str = "") -> str:
    return f'<td class="{cls}">{text}</td>' if cls else f"<td>{text}</td>"


def html_list(items: Iterable[str], ordered: bool = False, cls: str = "") -> str:
    tag = "ol" if ordered else "ul"
    attr = f' class="{cls}"' if cls else ""
    return f"<{tag}{attr}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{tag}>"


def document(title: str, body: list[str], generator: str) -> str:
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="pso {esc(generator)}">',
        f"<title>{title}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"


CSS = """
:root { color-scheme: light; --ink: #1d2330; --muted: #596273; --line: #c9ced8;
  --panel: #f4f6f9; --score: #2b4c7e; --conf: #6b7385; --band: #5aa9a4;
  --v-recommend: #1b6e3a; --v-recommend-with-conditions: #7a5200;
  --v-further-analysis: #1f5b94; --v-do-not-recommend: #a4261d; --v-invalid: #6b2a7a; }
* { box-sizing: border-box; }
html { font: 15px/1.45 system-ui, "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: .2rem 0 .6rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
p, ul, ol, dl { margin: .4rem 0 .8rem; }
code { font: .9em ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.kicker { color: var(--muted); margin: 0; font-size: .9rem; letter-spacing: .02em; }
.verdict { display: inline-flex; align-items: center; gap: .5rem; color: #fff;
  font-weight: 700; font-size: 1.15rem; padding: .35rem .8rem; border-radius: .35rem;
  margin: .3rem 0; }
.verdict .ico { width: 1.3rem; height: 1.3rem; }
.verdict .ico g { fill: #fff; }
.verdict .ico path[stroke] { stroke: var(--bg); }
.v-recommend { --bg: var(--v-recommend); }
.v-recommend-with-conditions { --bg: var(--v-recommend-with-conditions); }
.v-further-analysis { --bg: var(--v-further-analysis); }
.v-do-not-recommend { --bg: var(--v-do-not-recommend); }
.v-invalid { --bg: var(--v-invalid); }
.verdict { background: var(--bg); }
.reason { font-size: 1.1rem; margin: .4rem 0 .8rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
  background: var(--panel); padding: .6rem .9rem; border-radius: .35rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.ico { width: 1rem; height: 1rem; vertical-align: -.15rem; flex: none; }
.o-supports, .g-passed, .s-robust { color: var(--v-recommend); }
.o-concern, .s-fragile { color: var(--v-recommend-with-conditions); }
.o-blocker, .o-error, .g-failed { color: var(--v-do-not-recommend); }
.o-missing-information, .g-unknown { color: var(--v-further-analysis); }
.o-info { color: var(--muted); }
.t-recommend { color: var(--v-recommend); }
.t-recommend-with-conditions { color: var(--v-recommend-with-conditions); }
.t-further-analysis { color: var(--v-further-analysis); }
.t-do-not-recommend { color: var(--v-do-not-recommend); }
.t-invalid { color: var(--v-invalid); }
.status { white-space: nowrap; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem;
  border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); border-bottom: 2px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
table.findings { table-layout: fixed; }
table.findings th:nth-child(1) { width: 11.5em; }
table.findings th:nth-child(2) { width: 6.5em; }
table.findings th:nth-child(3) { width: 5.5em; }
table.findings th:nth-child(5) { width: 5em; }
.tag { display: inline-block; font-size: .8rem; font-weight: 700; border: 1px solid;
  border-radius: .25rem; padding: 0 .3rem; margin-left: .3rem; }
.condition { display: block; color: var(--muted); margin-top: .15rem; }
figure { margin: .6rem 0 1rem; }
figcaption { color: var(--muted); font-size: .9rem; }
svg.chart { width: 100%; max-width: 720px; height: auto; display: block; }
svg.chart text { font: 13px system-ui, "Segoe UI", Arial, sans-serif; fill: var(--ink); }
svg.chart .label { text-anchor: end; font-weight: 600; }
svg.chart .note { text-anchor: end; fill: var(--muted); font-size: 12px; }
svg.chart .value { text-anchor: start; font-weight: 700; }
svg.chart .rnote { text-anchor: start; fill: var(--muted); font-size: 12px; }
svg.chart .tick { text-anchor: middle; fill: var(--muted); font-size: 11px; }
svg.chart .legend text { text-anchor: start; font-size: 12px; }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .track { fill: #eef0f4; }
svg.chart .score { fill: var(--score); }
svg.chart .conf { fill: var(--conf); }
svg.chart .band { fill: var(--band); fill-opacity: .75; stroke: #2f7f7a; }
svg.chart .marker { fill: var(--ink); stroke: #fff; stroke-width: 1.5; }
.sensitivity-note { font-weight: 600; }
.muted { color: var(--muted); }
.audit { font-size: .88rem; }
.audit dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
.audit dt { color: var(--muted); }
.audit dd { margin: 0; overflow-wrap: anywhere; }
.refs li { margin-bottom: .25rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
  border: 0; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@page { size: A4; margin: 15mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, figure, .facts, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  article + article { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
"""
