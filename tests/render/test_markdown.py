"""Markdown: golden file, and text from YAML never becomes HTML, markup or broken tables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import AS_OF, REPO, check_golden

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
    for run in (golden_run, hostile_run):
        for line in markdown.render(run).splitlines():
            if line.startswith("|"):
                assert _unescaped_pipes(line) == 5, line


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
