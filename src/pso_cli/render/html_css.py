"""The HTML report's inline stylesheet (no fetch: the Content Security Policy allows inline
styles only). Print rules lay a briefing out on A4."""

from __future__ import annotations

__all__ = ["CSS"]

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
.o-missing-information, .g-unknown, .g-contested { color: var(--v-further-analysis); }
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
table.findings th:nth-child(1) { width: 13.5em; }
table.findings td.status { white-space: normal; }
table.findings td.status .ico { margin-right: .25rem; }
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
svg.chart .range { stroke: #e8a317; stroke-width: 2.5; fill: none; }
svg.chart .band { fill: var(--band); fill-opacity: .75; stroke: #2f7f7a; }
svg.chart .marker { fill: var(--ink); stroke: #fff; stroke-width: 1.5; }
.sensitivity-note { font-weight: 600; }
.notice { border-left: 4px solid var(--v-further-analysis); background: var(--panel);
  padding: .4rem .7rem; }
.legal { border-left: 4px solid currentColor; padding-left: .7rem; font-weight: 600; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--line); }
.ico-ring g { fill: none; stroke: currentColor; stroke-width: 1.6; }
.verdict .ico-ring g { fill: #fff; stroke: #fff; }
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
