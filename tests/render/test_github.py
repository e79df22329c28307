"""GitHub workflow commands: golden file, escaping, one command per line."""

from __future__ import annotations

import dataclasses

from conftest import check_golden

from pso_cli.model.findings import Assessment
from pso_cli.model.run import RunResult
from pso_cli.render import github


def test_golden(golden_run: RunResult) -> None:
    check_golden("report.github.txt", github.render(golden_run))


def test_deterministic(golden_run: RunResult) -> None:
    assert github.render(golden_run) == github.render(golden_run)


def test_every_line_is_a_command(golden_run: RunResult) -> None:
    lines = github.render(golden_run).splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    verdicts = [line for line in lines if "title=PSO-VERDICT::" in line]
    assert len(verdicts) == 2 and all(v.startswith("::notice ") for v in verdicts)
    assert sum("title=PSO-INPUT::" in line for line in lines) == 2
    assert any(line.startswith("::error ") and "title=LEG-001::" in line for line in lines)


def test_escaping() -> None:
    assert github.escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_injected_newline_cannot_start_a_command(golden_run: RunResult) -> None:
    item = golden_run.items[1]
    assert isinstance(item, Assessment)
    evil = dataclasses.replace(
        item,
        path="dir,x:y/evil.yaml",
        reason="ok\n::error file=x::pwned",
    )
    run = dataclasses.replace(golden_run, items=(evil,))
    text = github.render(run)
    assert "\n::error file=x" not in text
    assert "file=dir%2Cx%3Ay/evil.yaml," in text
    assert "ok%0A::error file=x::pwned" in text
