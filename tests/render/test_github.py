"""GitHub workflow commands: golden file, escaping, one command per line."""

from __future__ import annotations

import dataclasses

from conftest import assess, check_golden, with_fail_on

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
    assert [v.split(" ", 1)[0] for v in verdicts] == ["::notice", "::error"]
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


def _levels(run: RunResult, title: str) -> list[str]:
    lines = github.render(run).splitlines()
    return [line.split(" ", 1)[0] for line in lines if f",title={title}::" in line]


def test_the_verdict_is_an_error_exactly_when_it_fails_the_run(golden_run: RunResult) -> None:
    """Issue 16: a failing do-not-recommend verdict was a ::notice."""
    assert _levels(golden_run, "PSO-VERDICT") == ["::notice", "::error"]
    assert _levels(with_fail_on(golden_run, "recommend"), "PSO-VERDICT") == ["::error"] * 2
    never = with_fail_on(golden_run, "never")
    assert _levels(never, "PSO-VERDICT") == ["::notice", "::warning"]  # do-not-recommend


def test_no_error_in_a_run_that_passes(golden_run: RunResult) -> None:
    """Issue 16: every major concern was ::error, even in a run that passed."""
    run = assess(("examples/ramsi-2003.yaml",))
    assert run.exit_code == 0
    item = run.items[0]
    assert isinstance(item, Assessment)
    assert any(f.severity.value == "major" and f.outcome.value == "concern" for f in item.findings)
    lines = github.render(run).splitlines()
    assert not [line for line in lines if line.startswith("::error ")]
    assert any(line.startswith("::warning ") and "title=LEG-006::" in line for line in lines)
    never = with_fail_on(golden_run, "never")
    errors = [line for line in github.render(never).splitlines() if line.startswith("::error ")]
    assert errors and all("title=PSO-INPUT::" in line for line in errors)  # exit 3 only


def test_a_failed_veto_is_annotated_at_its_fact(golden_run: RunResult) -> None:
    lines = [
        line
        for line in github.render(golden_run).splitlines()
        if "title=duty-of-care-protection-gap::" in line
    ]
    assert len(lines) == 1
    assert lines[0].startswith("::warning file=tests/render/fixtures/concerns.yaml,line=87,col=15,")
    assert "Veto not met" in lines[0] and "To lift it" in lines[0]


def test_acceptances_not_applied_are_annotated(golden_run: RunResult) -> None:
    assert _levels(golden_run, "PSO-ACCEPTANCE") == ["::notice", *["::warning"] * 4]


def test_a_notice_about_reading_the_file(golden_run: RunResult) -> None:
    lines = [line for line in github.render(golden_run).splitlines() if ",title=pso::" in line]
    assert len(lines) == 1
    assert lines[0].startswith("::notice file=tests/render/fixtures/concerns.yaml,line=1,")
    assert "pso migrate" in lines[0]
