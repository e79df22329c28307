"""The rich report: a snapshot at a fixed width, plain text off a terminal, escaped YAML."""

from __future__ import annotations

import re

from conftest import HOSTILE_NAME, check_golden

from pso_cli.model.run import RunResult
from pso_cli.render.text import render

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_report_snapshot_at_width_100(golden_run: RunResult) -> None:
    check_golden("report.txt", render(golden_run, width=100))


def test_report_has_every_section(golden_run: RunResult) -> None:
    text = render(golden_run, width=100)
    for heading in (
        "pso assessment",
        "The four considerations",
        "Gates (non-compensatory)",
        "Strategic implications",
        "Legality under international law",
        "Implications for NZ agencies",
        "Alternative options",
        "References",
        "3 proposals:",
    ):
        assert heading in text
    assert "Verdict: [RECOMMEND]" in text  # a text label, never colour alone
    assert "INVALID: tests/render/fixtures/invalid.yaml" in text


def test_plain_text_has_no_control_codes(golden_run: RunResult) -> None:
    assert not ANSI.search(render(golden_run, width=100, color=False))
    assert ANSI.search(render(golden_run, width=100, color=True))


def test_yaml_text_is_never_read_as_markup(hostile_run: RunResult) -> None:
    text = render(hostile_run, width=200)
    assert "<script>alert(1)</script>" in text
    assert HOSTILE_NAME.split("\x01")[0].strip() in text
