"""The HTML report in a real browser: headless Chromium over the DevTools protocol.

Every bundled example is assessed with `pso assess --format html --sensitivity` and
opened from disk. The page must log no console error or warning (a blocked fetch would
log a Content-Security-Policy violation), request nothing but its own file, show the
verdict and draw the charts. A screenshot of each is kept under tmp/browser/. The report
is also printed to PDF, the way a person prints a briefing, and must come out on A4 in
a sane number of pages.

PSO_UPDATE_SCREENSHOT=1 also rewrites docs/screenshot.png (the README's picture) from
the RAMSI example.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from cdp import Chromium, Page
from conftest import REPO

from pso_cli.model.findings import Verdict
from pso_cli.render.html import VERDICT_LABEL

EXAMPLES = sorted(p for p in (REPO / "examples").glob("*.yaml") if p.name != "commitments.yaml")
ReportFor = Callable[[Path], Path]

CHART = """(() => {
  const svg = document.querySelector('svg.chart#p1-chart');
  if (!svg) return null;
  const box = svg.getBoundingClientRect();
  return {width: box.width, height: box.height,
          bars: svg.querySelectorAll('g:not(.legend) > rect.score').length,
          title: svg.querySelector('title').textContent,
          label: svg.getAttribute('aria-label')};
})()"""


def open_report(browser: Chromium, report: Path) -> Page:
    page = browser.new_page()
    page.goto(report.as_uri())
    return page


def offsite(page: Page) -> list[str]:
    return [u for u in page.network_urls() if not u.startswith(("file:", "data:"))]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_report_opens_cleanly(
    example: Path, browser: Chromium, report_for: ReportFor, artifacts: Path
) -> None:
    report = report_for(example)
    page = open_report(browser, report)
    try:
        kind = page.evaluate("document.querySelector('.verdict').dataset.verdict")
        label = page.evaluate("document.querySelector('.verdict').textContent")
        assert label == f"Verdict: {VERDICT_LABEL[Verdict(kind)]}"
        assert page.evaluate("document.querySelector('.reason').textContent.length") > 10
        chart = page.evaluate(CHART)
        assert chart is not None, "the considerations chart is missing"
        assert chart["bars"] == 4 and chart["width"] > 300 and chart["height"] > 100, chart
        assert chart["title"] and chart["label"]
        assert page.evaluate("document.querySelectorAll('svg.chart').length") == 2
        assert page.evaluate("document.scripts.length") == 0
        page.screenshot(artifacts / f"{example.stem}.png")
        assert page.console_errors() == []
        assert offsite(page) == []
        assert page.network_urls() == [report.as_uri()]  # the report itself, nothing else
    finally:
        page.close()


OVERFLOWING = """(() => [...document.querySelectorAll('table td')]
  .filter(td => td.scrollWidth > td.clientWidth + 1)
  .map(td => td.textContent.trim()))()"""


@pytest.mark.parametrize("name", ["early-stage", "unmiss-staff-officers", "no-legal-basis"])
def test_no_cell_runs_into_the_next(name: str, browser: Chromium, report_for: ReportFor) -> None:
    """Issue 16: the "Missing information" label ran into the Rule column."""
    page = open_report(browser, report_for(REPO / "examples" / f"{name}.yaml"))
    try:
        labels = page.evaluate(
            "[...document.querySelectorAll('table.findings td.status')].map(t => t.textContent)"
        )
        assert any("Missing information" in t for t in labels) or name != "early-stage"
        assert page.evaluate(OVERFLOWING) == []
        width = "document.documentElement.scrollWidth <= window.innerWidth"
        assert page.evaluate(width), "the page scrolls sideways"
        assert "\ufffd" not in page.evaluate("document.body.innerText")
    finally:
        page.close()


def test_script_in_a_proposal_stays_text(browser: Chromium, report_for: ReportFor) -> None:
    text = (REPO / "examples/ramsi-2003.yaml").read_text(encoding="utf-8")
    hostile = '<script>document.title="owned"</script><img src=x onerror=alert(1)>'
    text, n = re.subn(r"(?m)^(  name: ).*$", lambda m: f"{m[1]}'{hostile}'", text, count=1)
    assert n == 1
    proposal = REPO / "tmp" / "browser" / "hostile-name.yaml"
    proposal.parent.mkdir(parents=True, exist_ok=True)
    proposal.write_text(text, encoding="utf-8")
    page = open_report(browser, report_for(proposal))
    try:
        assert page.evaluate("document.querySelector('h1').textContent") == hostile
        assert page.evaluate("document.scripts.length + document.images.length") == 0
        assert page.evaluate("document.title") == f"{hostile} — pso assessment"
        assert page.console_errors() == [] and offsite(page) == []
    finally:
        page.close()


def page_count(pdf: Path) -> int:
    """Pages by pdfinfo when present, else by counting page objects in the PDF."""
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        return int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.M)[1])  # type: ignore[index]
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))


@pytest.mark.parametrize("name", ["ramsi-2003", "early-stage"])
def test_prints_to_a4_pdf(
    name: str, browser: Chromium, report_for: ReportFor, artifacts: Path
) -> None:
    page = open_report(browser, report_for(REPO / "examples" / f"{name}.yaml"))
    try:
        pdf = artifacts / f"{name}.pdf"
        data = page.pdf(pdf)
        assert page.console_errors() == []
    finally:
        page.close()
    assert data.startswith(b"%PDF-")
    assert 1 <= page_count(pdf) <= 12
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes, "no page size in the PDF"
    for width, height in boxes:  # A4 is 595 x 842 points
        assert abs(float(width) - 595.3) < 2 and abs(float(height) - 841.9) < 2


@pytest.mark.skipif(
    os.environ.get("PSO_UPDATE_SCREENSHOT") != "1", reason="set PSO_UPDATE_SCREENSHOT=1"
)
def test_update_readme_screenshot(browser: Chromium, report_for: ReportFor) -> None:
    page = browser.new_page(width=900, height=1100)
    try:
        page.goto(report_for(REPO / "examples/ramsi-2003.yaml").as_uri())
        (REPO / "docs").mkdir(exist_ok=True)
        data = page.screenshot(REPO / "docs" / "screenshot.png")
    finally:
        page.close()
    assert len(data) < 300_000
