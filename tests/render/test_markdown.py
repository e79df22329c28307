"""Markdown: golden file, and text from YAML never becomes HTML, markup or broken tables."""

from __future__ import annotations

import re

from conftest import check_golden

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
    assert markdown.escape("ask @minister and @org/team") == "ask &#64;minister and &#64;org/team"
