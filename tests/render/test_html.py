"""HTML report without a browser: structure, accessibility markup, escaping, determinism.

tests/browser opens the same reports in headless Chromium.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import AS_OF, REPO

from pso_cli.api import assess_one, build_engine, run_info
from pso_cli.engine.assess import Analysis
from pso_cli.model.findings import Assessment
from pso_cli.model.run import RunResult
from pso_cli.render import html, renderer
from pso_cli.render.html_assets import esc

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "source"}


class Doc(HTMLParser):
    """Collects tags, attributes, text and nesting errors of a document."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]

    def headings(self) -> list[str]:
        return [t for t, _ in self.tags if re.fullmatch(r"h[1-6]", t)]


def analysed(*paths: str) -> RunResult:
    """Assess with --sensitivity (and so what-if), as `pso assess --sensitivity` does."""
    with contextlib.chdir(REPO):
        engine = build_engine(as_of=AS_OF, analysis=Analysis(True, True, 200, 0))
        items = tuple(assess_one(engine, p) for p in paths)
        return RunResult(run_info(engine), items)


@pytest.fixture(scope="module")
def ramsi() -> RunResult:
    return analysed("examples/ramsi-2003.yaml")


@pytest.fixture(scope="module")
def ramsi_html(ramsi: RunResult) -> str:
    return html.render(ramsi)


def test_registered_format(ramsi: RunResult, ramsi_html: str) -> None:
    assert renderer("html")(ramsi) == ramsi_html


def test_well_formed_and_self_contained(ramsi_html: str) -> None:
    doc = Doc(ramsi_html)
    assert doc.errors == [] and doc.stack == []
    assert ramsi_html.startswith('<!DOCTYPE html>\n<html lang="en">')
    for tag in ("script", "link", "img", "iframe", "object", "embed", "base"):
        assert doc.all(tag) == [], tag
    for _, attrs in doc.tags:
        for name in ("src", "href", "action", "srcset", "xlink:href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (name, value)
    assert "url(" not in ramsi_html and "@import" not in ramsi_html
    csp = [m for m in doc.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in str(csp[0]["content"])


def test_content_in_order(ramsi_html: str) -> None:
    doc = Doc(ramsi_html)
    h1 = re.findall(r"<h1[^>]*>(.*?)</h1>", ramsi_html)
    assert h1 == ["Regional Assistance Mission to Solomon Islands (RAMSI)"]
    h2 = re.findall(r"<h2[^>]*>(.*?)</h2>", ramsi_html)
    assert h2 == [
        "Legal analysis",
        "Gates and vetoes (non-compensatory)",
        "Conditions",
        "Missing information to gather first",
        "To strengthen this proposal",
        "The four considerations",
        "How the score adds up",
        "Findings by consideration",
        "Sensitivity to the weights and values",
        "Alternatives considered",
        "References",
        "Audit",
    ]
    # Verdict before anything else, with a text label and its reason in one sentence.
    verdict = ramsi_html.index('data-verdict="recommend-with-conditions"')
    assert verdict < ramsi_html.index("Legal analysis")
    assert "Recommend with conditions</span></p>" in ramsi_html
    assert '<p class="reason">The case is sound on balance' in ramsi_html
    # Headings never skip a level.
    levels = [int(t[1]) for t in doc.headings()]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_charts_have_alt_text_and_data_tables(ramsi_html: str) -> None:
    doc = Doc(ramsi_html)
    charts = [a for a in doc.all("svg") if a.get("class") == "chart"]
    assert [a["id"] for a in charts] == ["p1-chart", "p1-stability"]
    for chart in charts:
        assert chart["role"] == "img" and chart["aria-label"]
        assert f'<title id="{chart["id"]}-t">' in ramsi_html
        assert f'<desc id="{chart["id"]}-d">Strategic implications: ' in ramsi_html
    # Icons are decoration beside a text label.
    icons = [a for a in doc.all("svg") if a.get("class") == "ico"]
    assert icons and all(a["aria-hidden"] == "true" for a in icons)
    for table in re.findall(r"<table.*?</table>", ramsi_html, re.S):
        assert '<th scope="col"' in table and "<caption" in table


def test_audit_block(ramsi: RunResult, ramsi_html: str) -> None:
    info = ramsi.info
    item = ramsi.items[0]
    for text in (info.tool_version, info.profile_name, info.profile_sha256, info.as_of):
        assert text in ramsi_html
    assert item.sha256 and item.sha256 in ramsi_html
    assert all(p.name in ramsi_html for p in info.packs)


def test_findings_show_severity_and_line(ramsi_html: str) -> None:
    row = re.search(r"<tr><td class=\"status o-concern\">.*?</tr>", ramsi_html)
    assert row is not None
    assert "Concern" in row[0] and "LEG-006" in row[0] and "major" in row[0]
    lines = (REPO / "examples/ramsi-2003.yaml").read_text(encoding="utf-8").splitlines()
    purposes = next(n for n, text in enumerate(lines, 1) if "statutory_purposes:" in text)
    assert f"line {purposes}" in row[0]
    assert "Condition: Confirm the statutory basis with legal advisers" in row[0]


def test_print_css(ramsi_html: str) -> None:
    assert "@page { size: A4; margin: 15mm; }" in ramsi_html
    assert "thead { display: table-header-group; }" in ramsi_html
    assert "break-inside: avoid" in ramsi_html


def test_script_tag_is_text(hostile_run: RunResult) -> None:
    text = html.render(hostile_run)
    assert "<script" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | *bold* &amp; `tick` ]]&gt;" in text
    assert "\x01" not in text
    assert Doc(text).errors == []


def test_escape_function() -> None:
    assert esc('<a href="x">&\'') == "&lt;a href=&quot;x&quot;&gt;&amp;&#x27;"
    assert esc("a\x00b\x1fc\td\ne") == "a\ufffdb\ufffdc\td\ne"


def test_deterministic(golden_run: RunResult) -> None:
    again = RunResult(golden_run.info, golden_run.items)
    assert html.render(golden_run) == html.render(again)
    assert analysed("examples/ramsi-2003.yaml") == analysed("examples/ramsi-2003.yaml")
    assert "Run at" not in html.render(golden_run)


def test_batch_has_summary_and_unique_ids(golden_run: RunResult) -> None:
    text = html.render(golden_run)
    doc = Doc(text)
    assert doc.errors == []
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", text) == ["pso assessment: 3 proposals"]
    assert len(doc.all("article")) == 3
    assert "Invalid input (not assessed)" in text
    assert 'data-verdict="do-not-recommend"' in text and 'data-verdict="recommend"' in text
    ids = Counter(a["id"] for _, a in doc.tags if a.get("id"))
    assert [i for i, n in ids.items() if n > 1] == []
    anchors = {str(a["href"])[1:] for a in doc.all("a")}
    assert anchors <= set(ids)


def test_failed_gate_is_labelled(golden_run: RunResult) -> None:
    text = html.render(golden_run)
    assert re.search(r'class="status g-failed"><svg[^>]*>.*?</svg> Failed</td>', text)


def test_compare(ramsi: RunResult) -> None:
    other = analysed("examples/tonga-2006.yaml").items[0]
    assert isinstance(other, Assessment) and isinstance(ramsi.items[0], Assessment)
    text = html.render_compare_html([ramsi.items[0], other], ramsi.info)
    doc = Doc(text)
    assert doc.errors == []
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", text) == ["pso comparison: 2 proposals"]
    assert 'id="compare-chart"' in text and len(doc.all("article")) == 2
    ids = Counter(a["id"] for _, a in doc.tags if a.get("id"))
    assert max(ids.values()) == 1


def test_cli(pso: object, in_repo: Path, tmp_path: Path) -> None:
    run = pso  # the fixture from tests/conftest.py
    out = tmp_path / "r.html"
    ran = run(  # type: ignore[operator]
        "assess",
        "examples/ramsi-2003.yaml",
        "--as-of",
        "2026-11-28",
        "-f",
        "json",
        "-o",
        f"html:{out}",
    )
    assert ran.exit_code == 0, ran.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    ran = run("assess", "examples/ramsi-2003.yaml", "--format", "html")  # type: ignore[operator]
    assert ran.stdout.startswith("<!DOCTYPE html>") and "To strengthen this proposal" in ran.stdout


def _article(run: RunResult, n: int) -> str:
    text = html.render(run)
    return re.findall(r'<article id="p\d+".*?</article>', text, re.S)[n]


def test_score_range_completeness_and_as_of(golden_run: RunResult) -> None:
    text = _article(golden_run, 1)
    assert "<dt>Score</dt><dd>85.6 (range 61.0–85.7; 6 facts unknown; completeness 75%)" in text
    assert "<dt>Judged as of</dt><dd>2030-06-01</dd>" in text
    assert '<p class="notice">Note: format 1 file read as format 2;' in text
    assert '<path class="range"' in text


def test_legal_analysis_and_vetoes_beside_the_gates(golden_run: RunResult) -> None:
    text = _article(golden_run, 1)
    assert re.search(r'<p class="legal g-failed">.*Unlawful in the territory', text)
    gates = re.search(r'<section aria-labelledby="p2-gates">.*?</section>', text, re.S)
    assert gates is not None
    rows = re.findall(r"<tr><td>(Gate|Veto)</td><td[^>]*><code>([^<]+)</code>", gates[0])
    assert [k for k, _ in rows] == ["Gate"] * 2 + ["Veto"] * 6
    gap = re.search(r"<tr><td>Veto</td>.*?duty-of-care-protection-gap.*?</tr>", gates[0])
    assert gap is not None and "Failed" in gap[0] and "further-analysis" in gap[0]
    assert "line 87" in gap[0]


def test_the_score_adds_up_in_each_consideration(golden_run: RunResult) -> None:
    item = golden_run.items[1]
    assert isinstance(item, Assessment)
    text = _article(golden_run, 1)
    for c in item.considerations:
        body = re.search(rf'<h4 id="p2-a-{c.consideration.value}">.*?</table>', text, re.S)
        assert body is not None, c.consideration
        points = [
            float(x)
            for x in re.findall(r'<td class="num">([\d.]+)</td><td class="nowrap">', body[0])
        ]
        total = re.search(r'<tr class="total">.*?<td class="num">([\d.–]+)</td>', body[0])
        assert total is not None and abs(sum(points) - float(total[1])) <= 0.05
    assert "Overall score: (0.30 × 97.6 + 0.30 × 100.0 + 0.20 × 76.7 + 0.20 × 55.0) / 1.00" in text
    assert "<td><em>unknown</em></td>" in text


def test_every_accepted_concern_with_why(golden_run: RunResult) -> None:
    text = _article(golden_run, 1)
    block = re.search(r'<section aria-labelledby="p2-accepted">.*?</section>', text, re.S)
    assert block is not None
    statuses = re.findall(r"<strong>([a-z-]+)</strong>", block[0])
    assert statuses == [
        "unused",
        "applied",
        "expired",
        "refused-blocker",
        "retired",
        "unknown-rule",
    ]
    assert "the acceptance expired on 2030-05-01" in block[0]


def test_must_have_facts_come_first(golden_run: RunResult) -> None:
    import dataclasses

    item = golden_run.items[1]
    assert isinstance(item, Assessment)
    missing = dataclasses.replace(item, missing_facts=(("risk.threat_level", 84, 17),))
    text = _article(dataclasses.replace(golden_run, items=(missing,)), 0)
    block = re.search(r'<section aria-labelledby="p1-missing">.*?</section>', text, re.S)
    assert block is not None
    first = re.search(r"<li>(.*?)</li>", block[0])
    assert first is not None
    assert first[1] == "<strong>Must have:</strong> <code>risk.threat_level</code> (line 84)"


def test_the_unknown_icon_is_not_the_replacement_character(golden_run: RunResult) -> None:
    """Issue 16: a white question mark on a filled diamond reads as U+FFFD, "�"."""
    from pso_cli.render.html_assets import ICONS

    for kind in ("unknown", "missing-information", "further-analysis"):
        assert ICONS[kind] != ("diamond", "question"), kind
        assert 'class="ico ico-ring"' in icon_html(kind)
    assert all(shape != "diamond" or mark != "question" for shape, mark in ICONS.values())
    assert "\ufffd" not in html.render(golden_run)
    assert "contested" in ICONS


def icon_html(kind: str) -> str:
    from pso_cli.render.html_assets import icon

    return icon(kind)


def test_the_outcome_column_fits_its_longest_label() -> None:
    """Issue 16: "Missing information" ran into the Rule column (a fixed 11.5em column
    that would not wrap); the column is wider and its label may wrap."""
    from pso_cli.render.html_css import CSS

    width = re.search(r"table\.findings th:nth-child\(1\) \{ width: ([\d.]+)em; \}", CSS)
    assert width is not None and float(width[1]) >= 13
    assert "table.findings td.status { white-space: normal; }" in CSS
