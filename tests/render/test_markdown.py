"""Markdown: golden file, and text from YAML never becomes HTML, markup or broken tables."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from conftest import AS_OF, REPO, check_golden

from pso_cli.model.findings import Assessment, Change, Outcome, Verdict
from pso_cli.model.run import RunResult
from pso_cli.render import markdown


def test_golden(golden_run: RunResult) -> None:
    check_golden("report.md", markdown.render(golden_run))


def test_deterministic(golden_run: RunResult) -> None:
    assert markdown.render(golden_run) == markdown.render(golden_run)


def test_summary_line_for_a_batch(golden_run: RunResult, hostile_run: RunResult) -> None:
    assert "**3 proposals**" in markdown.render(golden_run)
    assert "proposals**" not in markdown.render(hostile_run)


def test_verdicts_have_text_labels(golden_run: RunResult) -> None:
    text = markdown.render(golden_run)
    assert "Recommend** (`recommend`)" in text
    assert "Do not recommend** (`do-not-recommend`)" in text
    assert "Invalid input" in text


def test_script_tag_is_escaped(hostile_run: RunResult) -> None:
    text = markdown.render(hostile_run)
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    assert "\\| \\*bold\\* &amp; \\`tick\\`" in heading


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_table_cells_do_not_break(golden_run: RunResult, hostile_run: RunResult) -> None:
    """Every row of a table has as many cells as its header."""
    for run in (golden_run, hostile_run):
        header = 0
        for line in markdown.render(run).splitlines():
            if not line.startswith("|"):
                header = 0
            elif header == 0:
                header = _unescaped_pipes(line)
            else:
                assert _unescaped_pipes(line) == header, line


def test_escape_function() -> None:
    assert markdown.escape("a|b") == "a\\|b"
    assert markdown.escape("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert markdown.escape("*x* _y_ [z](u)") == "\\*x\\* \\_y\\_ \\[z\\](u)"
    assert markdown.escape("two\nlines") == "two lines"


def test_mentions_in_yaml_text_notify_nobody() -> None:
    assert markdown.escape("ask @minister and @org/team") == (
        "ask &#64;&#8203;minister and &#64;&#8203;org/team"
    )


LINKY = [
    "https://evil.example/x",
    "see http://evil.example?q=1 now",
    "ftp://files.example/a",
    "www.evil.example",
    "(www.Evil.Example)",
    "_www.evil.example",
    "write to someone@evil.example",
    "mailto:someone@evil.example",
    "xmpp:someone@evil.example",
    "<https://evil.example>",
]


@pytest.mark.parametrize("text", LINKY)
def test_bare_urls_and_addresses_form_no_link_on_github(text: str) -> None:
    """GitHub's own Markdown (cmark-gfm, with its autolink extension) renders the escaped
    text with no link, and shows the same characters."""
    cmarkgfm = pytest.importorskip("cmarkgfm")
    import html as html_lib

    raw = cmarkgfm.github_flavored_markdown_to_html(text)
    assert "<a " in raw  # the case is real: unescaped, GitHub links it
    rendered = cmarkgfm.github_flavored_markdown_to_html(markdown.escape(text))
    assert "<a " not in rendered, rendered
    shown = html_lib.unescape(re.sub(r"<[^>]+>", "", rendered)).strip().replace("\u200b", "")
    assert shown == text


def test_a_report_with_urls_in_its_text_has_no_link(tmp_path: Path) -> None:
    """Name, host and an alternative's description (shown in the report) hold URLs."""
    cmarkgfm = pytest.importorskip("cmarkgfm")
    from pso_cli.api import run_assessment

    text = (REPO / "tests/rules/base.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "name: Test Regional Assistance Mission", "name: See https://a.example and www.b.example"
    )
    text = text.replace("  host: Testland", "  host: c@d.example")
    path = tmp_path / "links.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_assessment([str(path)], as_of=AS_OF)
    report = markdown.render(run)
    assert "a.example" in report and "b.example" in report and "d.example" in report
    rendered = cmarkgfm.github_flavored_markdown_to_html(report)
    assert "<a " not in rendered
    # A zero-width space after each @: GitHub's autolinker reads the text after entities
    # are decoded, so `c&#64;d.example` alone would still become a mailto: link.
    assert markdown.escape("ask @minister and @org/team") == (
        "ask &#64;&#8203;minister and &#64;&#8203;org/team"
    )


def _section(text: str, title: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(f"### {title}") + 2
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("#")), len(lines))
    return [line for line in lines[start:end] if line]


def _concerns(run: RunResult) -> Assessment:
    item = run.items[1]
    assert isinstance(item, Assessment)
    return item


def test_score_range_completeness_and_the_legal_analysis(golden_run: RunResult) -> None:
    text = markdown.render(golden_run)
    assert "Score **85.6 (range 61.0–85.7; 6 facts unknown; completeness 75%)**" in text
    assert "judged as of 2030-06-01" in text
    assert "**Legal analysis:** Lawful in the territory of Testland" in text
    assert "Basis relied on: consent." in text
    assert "**Legal analysis:** Unlawful in the territory of Testland" in text
    assert "> Note: format 1 file read as format 2" in text


def test_vetoes_beside_the_gates(golden_run: RunResult) -> None:
    only = dataclasses.replace(golden_run, items=(_concerns(golden_run),))
    rows = _section(markdown.render(only), "Gates and vetoes")
    assert [r.split(" — ")[1].split(" ")[0] for r in rows[:7]] == ["Gate"] * 2 + ["Veto"] * 5
    failed = [r for r in rows if r.startswith("- **failed**")]
    assert any("Veto duty-of-care-protection-gap" in r and "concerns.yaml:87" in r for r in failed)


def test_the_score_adds_up_from_the_attributes(golden_run: RunResult) -> None:
    item = _concerns(golden_run)
    text = markdown.render(dataclasses.replace(golden_run, items=(item,)))
    rows = _section(text, "How the score adds up")[2:]
    points = 0.0
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        if cells[0].startswith("**"):
            assert abs(points - float(cells[-1].strip("*"))) <= 0.05, row
            points = 0.0
        elif cells[0].startswith(("STR", "LEG", "AGY", "ALT")):
            points += float(cells[-1])
    assert "Overall score: (0.30 × 97.6 + 0.30 × 100.0 + 0.20 × 76.7 + 0.20 × 55.0) / 1.00" in text
    assert "| STR-008 Effect on New Zealand's economic and trade interests | *unknown* | –" in text


def test_must_have_facts_come_first(golden_run: RunResult) -> None:
    item = _concerns(golden_run)
    missing = (("risk.threat_level", 84, 17), ("leadership.partners", 19, 13))
    run = dataclasses.replace(golden_run, items=(dataclasses.replace(item, missing_facts=missing),))
    rows = _section(markdown.render(run), "Missing information")
    assert rows[0].startswith("- **must have** `risk.threat_level`")
    assert "concerns.yaml:84" in rows[0]
    assert rows[1].startswith("- **must have** `leadership.partners`")
    assert rows[2].startswith("- STR-008:")


def test_every_accepted_concern_is_shown_with_why(golden_run: RunResult) -> None:
    rows = _section(markdown.render(golden_run), "Accepted concerns")
    statuses = [re.search(r"\*\*([a-z-]+)\*\*", r)[1] for r in rows]  # type: ignore[index]
    assert statuses == [
        "unused", "applied", "expired", "refused-blocker", "retired", "unknown-rule"
    ]  # fmt: skip
    assert "the acceptance expired on 2030-05-01" in rows[2]


def test_what_if_changes_are_rendered(golden_run: RunResult) -> None:
    """Issue 16: --format markdown --what-if never showed "To strengthen this proposal"."""
    item = _concerns(golden_run)
    change = Change(
        "legal_basis.host_consent.status", 23, 13, "withdrawn", "given",
        Verdict.WITH_CONDITIONS, 84.0, "LEG-001", Outcome.BLOCKER,
    )  # fmt: skip
    with_changes = dataclasses.replace(item, changes=(change,))
    text = markdown.render(dataclasses.replace(golden_run, items=(with_changes,)))
    (row,) = _section(text, "To strengthen this proposal")
    assert row.startswith("- `legal_basis.host_consent.status` (now `withdrawn`;")
    assert "`given` would move the verdict to **☑️ Recommend with conditions** (score 84)" in row
    none = dataclasses.replace(item, changes=())
    text = markdown.render(dataclasses.replace(golden_run, items=(none,)))
    assert _section(text, "To strengthen this proposal") == [markdown.NO_CHANGE]
    assert "To strengthen" not in markdown.render(dataclasses.replace(golden_run, items=(item,)))


def test_stated_is_the_what_if_engines_marker() -> None:
    from pso_cli.engine.whatif import STATED

    assert markdown.STATED == STATED
