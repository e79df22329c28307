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

from pso_cli.render.html_css import CSS

__all__ = [
    "CSP",
    "CSS",
    "Band",
    "Bar",
    "band_chart",
    "bar_chart",
    "bar_text",
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
    "ring": '<circle cx="8" cy="8" r="6.6"/>',  # an outline: never a filled diamond
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
# Unknown is a ring with a question mark, never a filled diamond: a white "?" on a black
# diamond is U+FFFD, the replacement character, and reads as a broken glyph (issue 16).
ICONS = {
    "recommend": ("circle", "check"),
    "recommend-with-conditions": ("square", "check"),
    "further-analysis": ("ring", "question"),
    "do-not-recommend": ("octagon", "cross"),
    "invalid": ("octagon", "cross"),
    "supports": ("circle", "plus"),
    "concern": ("triangle", "bang"),
    "blocker": ("octagon", "cross"),
    "missing-information": ("ring", "question"),
    "info": ("circle", "info"),
    "error": ("square", "letter-e"),
    "passed": ("circle", "check"),
    "failed": ("octagon", "cross"),
    "unknown": ("ring", "question"),
    "contested": ("triangle", "bang"),
    "fragile": ("triangle", "bang"),
    "robust": ("circle", "check"),
}


def icon(kind: str) -> str:
    """A small decorative icon (hidden from assistive technology: a text label goes with it)."""
    shape, mark = ICONS.get(kind, ("circle", "info"))
    if shape == "ring":  # an outline with the mark in the text colour
        return (
            '<svg class="ico ico-ring" viewBox="0 0 16 16" width="16" height="16" '
            f'aria-hidden="true" focusable="false"><g>{_SHAPES[shape]}</g>'
            f'<path d="{_MARKS[mark]}" fill="none" stroke="currentColor" stroke-width="1.8" '
            'stroke-linecap="round" stroke-linejoin="round"/></svg>'
        )
    return (
        '<svg class="ico" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" '
        f'focusable="false"><g fill="currentColor">{_SHAPES[shape]}</g>'
        f'<path d="{_MARKS[mark]}" fill="none" stroke="#fff" stroke-width="1.8" '
        'stroke-linecap="round" stroke-linejoin="round"/></svg>'
    )


# -- charts --------------------------------------------------------------------------------


class Bar(NamedTuple):
    """One row of the bar chart: a score on 0-100 (None: not scored), its range, and a
    completeness on 0-1."""

    label: str
    note: str
    score: float | None
    low: float
    high: float
    completeness: float


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


def _x(value: float, scale: float = 100.0) -> float:
    return _LEFT + max(0.0, min(value / scale, 1.0)) * _PLOT


def _bar(y: int, bar: Bar) -> str:
    score_w = _x(bar.score or 0.0) - _LEFT
    conf_w = _x(bar.completeness, 1.0) - _LEFT
    lo, hi = _x(bar.low), _x(bar.high)
    value = "–" if bar.score is None else f"{bar.score:.0f}"
    return (
        f'<rect class="track" x="{_LEFT}" y="{y}" width="{_PLOT}" height="18"/>'
        f'<rect class="score" x="{_LEFT}" y="{y}" width="{score_w:.1f}" height="18"/>'
        f'<path class="range" d="M{lo:.1f} {y + 9}H{hi:.1f}M{lo:.1f} {y + 4}v10M{hi:.1f} '
        f'{y + 4}v10"/>'
        f'<rect class="conf" x="{_LEFT}" y="{y + 23}" width="{conf_w:.1f}" height="5"/>'
        f'<text class="value" x="{_LEFT + _PLOT + 10}" y="{y + 14}">{value}</text>'
        f'<text class="rnote" x="{_LEFT + _PLOT + 10}" y="{y + 29}">'
        f"{bar.completeness:.0%} known</text></g>"
    )


def bar_chart(chart_id: str, title: str, desc: str, bars: Sequence[Bar]) -> str:
    """Horizontal score bars (0-100) with the score's range as a whisker over each and a
    thin completeness bar (0-100%) under it."""
    height = _TOP + _ROW * len(bars) + 26
    out = _open(chart_id, height, title, desc)
    out.append(
        '<g class="legend"><rect class="score" x="250" y="6" width="18" height="12"/>'
        '<text x="274" y="16">Score (0–100)</text>'
        '<path class="range" d="M380 12h18M380 7v10M398 7v10"/>'
        '<text x="404" y="16">Range</text>'
        '<rect class="conf" x="460" y="10" width="18" height="5"/>'
        '<text x="484" y="16">Completeness (0–100%)</text></g>'
    )
    out += _axis(height, [(t / 100, str(t)) for t in (0, 25, 50, 75, 100)])
    for i, bar in enumerate(bars):
        y = _TOP + i * _ROW
        out.append(f"<g><title>{esc(bar.label)}: {bar_text(bar)}</title>")
        out += _row_label(y, bar.label, bar.note)
        out.append(_bar(y, bar))
    return "\n".join([*out, "</svg>"])


def bar_text(bar: Bar) -> str:
    score = "not scored" if bar.score is None else f"score {bar.score:.1f} of 100"
    return f"{score} (range {bar.low:.0f}–{bar.high:.0f}), {bar.completeness:.0%} of it known"


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


def table(
    caption: str,
    heads: Sequence[str],
    rows: Iterable[Sequence[str]],
    cls: str = "",
    foot: Sequence[str] = (),
) -> str:
    """A table with a caption and column headers; `heads` entries are plain header text
    (a leading '#' right-aligns the column); cells (and the `foot` row's, a total) are
    already-escaped HTML."""
    attr = f' class="{cls}"' if cls else ""
    ths = "".join(
        f'<th scope="col" class="num">{h[1:]}</th>'
        if h.startswith("#")
        else f'<th scope="col">{h}</th>'
        for h in heads
    )
    body = "\n".join("<tr>" + "".join(cells) + "</tr>" for cells in rows)
    tfoot = f'\n<tfoot><tr class="total">{"".join(foot)}</tr></tfoot>' if foot else ""
    return (
        f'<table{attr}><caption class="sr-only">{caption}</caption>\n'
        f"<thead><tr>{ths}</tr></thead>\n<tbody>\n{body}\n</tbody>{tfoot}</table>"
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
