"""The text format: a batch's lines, the full report (--detail), plain text off a terminal
and with NO_COLOR, escaped YAML, reports that add up."""

from __future__ import annotations

import io
import re

import pytest
from conftest import HOSTILE_NAME, check_golden

from pso_cli.api import build_engine
from pso_cli.engine.assess import Analysis, assess_loaded
from pso_cli.loading.load import load_proposal
from pso_cli.model.run import RunResult
from pso_cli.render.text import DETAIL, make_console, print_item, render

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_batch_snapshot_at_width_100(golden_run: RunResult) -> None:
    check_golden("report.txt", render(golden_run, width=100))


def test_detail_snapshot_at_width_100(golden_run: RunResult) -> None:
    check_golden("report-detail.txt", render(golden_run, width=100, detail=True))


def test_a_batch_is_one_line_per_file_and_the_summary(golden_run: RunResult) -> None:
    lines = render(golden_run, width=100).splitlines()
    assert lines[0].split() == ["Verdict", "Score", "(range)", "Judged", "at", "File"]
    assert lines[1].split()[0] == "RECOMMEND"
    assert lines[1].endswith("  2030-06-01  tests/rules/base.yaml"), "the --as-of date"
    assert lines[2].startswith("DO NOT RECOMMEND ")
    assert lines[2].endswith("tests/render/fixtures/concerns.yaml")
    assert "INVALID tests/render/fixtures/invalid.yaml" in lines
    assert lines[-1].startswith("3 proposals: 1 recommend, 0 with conditions"), "the summary last"


def test_detail_has_every_section(golden_run: RunResult) -> None:
    text = render(golden_run, width=100, detail=True)
    for heading in (
        "The legal analysis",
        "Gates and vetoes (not compensated by points)",
        "Strategic implications",
        "Legality under international law",
        "Implications for NZ agencies",
        "Alternative options",
        "Attributes (level, value × weight = contribution):",
        "Findings:",
        "Accepted concerns",
        "Alternatives considered",
        "References",
        "3 proposals:",
    ):
        assert heading in text
    assert "RECOMMEND" in text and "DO NOT RECOMMEND" in text  # labels, never colour alone
    assert "INVALID tests/render/fixtures/invalid.yaml" in text


def test_detail_adds_up(in_repo: object) -> None:
    """Each consideration's attribute contributions, as printed, sum to its score."""
    a = assess_loaded(build_engine(), load_proposal("examples/ramsi-2003.yaml"))
    buf = io.StringIO()
    print_item(make_console(buf, 100, color=False), a, DETAIL)
    flat = " ".join(buf.getvalue().split())
    for r in a.considerations:
        part = flat.split(r.consideration.title + " Weight")[1].split("Findings:")[0]
        printed = [float(x) for x in re.findall(r"/\d+(?:\.\d+)? = (\d+\.\d)", part)]
        total = float(re.search(r"= (\d+\.\d), the consideration's score", part)[1])  # type: ignore[index]
        assert abs(sum(printed) - total) < 0.1 * len(printed) + 0.05, r.consideration
        assert total == pytest.approx(r.score, abs=0.05)
    for f in a.findings:
        assert " ".join(f.message.split()) in flat, "every finding is in the full report"


def test_plain_text_has_no_control_codes(golden_run: RunResult) -> None:
    assert not ANSI.search(render(golden_run, width=100, color=False))
    assert ANSI.search(render(golden_run, width=100, color=True))


def test_no_color_gives_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR drops every style (bold too), not only colour: https://no-color.org."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert make_console(io.StringIO(), 80).color_system is None
    monkeypatch.setenv("NO_COLOR", "")
    assert make_console(io.StringIO(), 80, color=True).color_system is not None


def test_no_line_ends_in_a_space(golden_run: RunResult) -> None:
    for detail in (False, True):
        for width in (80, 100):
            text = render(golden_run, width=width, detail=detail)
            assert [x for x in text.splitlines() if x != x.rstrip()] == []


def test_yaml_text_is_never_read_as_markup(hostile_run: RunResult) -> None:
    for detail in (False, True):
        text = render(hostile_run, width=200, detail=detail)
        assert "<script>alert(1)</script>" in text
        assert HOSTILE_NAME.split("\x01")[0].strip() in text


def test_what_if_is_in_the_detail(in_repo: object) -> None:
    engine = build_engine(analysis=Analysis(what_if=True))
    a = assess_loaded(engine, load_proposal("examples/training-mission.yaml"))
    buf = io.StringIO()
    print_item(make_console(buf, 100, color=False), a, DETAIL)
    text = " ".join(buf.getvalue().split())
    assert "To strengthen this proposal" in text and "The verdict depends on" in text
