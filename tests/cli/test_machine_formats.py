"""`pso assess` end to end for the machine and secondary formats: what reaches them, and
output that does not depend on how the batch was run."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pso_cli.model.findings import Change, Outcome, Verdict

AS_OF = ("--as-of", "2026-11-28", "--no-config")
TONGA = "examples/tonga-2006.yaml"


@pytest.fixture(autouse=True)
def _repo(in_repo: Path) -> None:
    """Every test here runs from the repository root."""


@pytest.fixture
def one_change(monkeypatch: pytest.MonkeyPatch) -> Change:
    """The what-if engine replaced by one fixed change: these tests are about the way its
    result reaches the renderers, not about what it finds."""
    change = Change(
        "legal_basis.status_of_forces.status", 38, 13, "negotiating", "signed",
        Verdict.RECOMMEND, 81.0, "LEG-005", Outcome.CONCERN,
    )  # fmt: skip
    from pso_cli.engine import whatif

    monkeypatch.setattr(whatif, "changes", lambda *args, **kw: (change,))
    return change


def test_markdown_shows_what_if_by_default_and_with_the_flag(pso: Any, one_change: Change) -> None:
    """Issue 16: `--format markdown --what-if` never included "To strengthen this
    proposal", though --help says what-if is on by default for Markdown."""
    for extra in ((), ("--what-if",)):
        r = pso("assess", TONGA, "-f", "markdown", *AS_OF, *extra)
        assert r.exit_code == 0, r.stderr
        assert "### To strengthen this proposal" in r.stdout
        assert "`legal_basis.status_of_forces.status` (now `negotiating`;" in r.stdout
    r = pso("assess", TONGA, "-f", "markdown", "--no-what-if", *AS_OF)
    assert "To strengthen this proposal" not in r.stdout


def test_json_carries_the_changes_only_when_asked(pso: Any, one_change: Change) -> None:
    plain = json.loads(pso("assess", TONGA, "-f", "json", *AS_OF).stdout)
    assert plain["assessments"][0]["changes"] is None
    asked = json.loads(pso("assess", TONGA, "-f", "json", "--what-if", *AS_OF).stdout)
    assert asked["assessments"][0]["changes"][0]["value"] == "signed"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "junit", "markdown", "github", "html"])
def test_output_is_the_same_bytes_whatever_the_jobs(pso: Any, fmt: str) -> None:
    args = ("assess", "examples", "examples/history", "-f", fmt, "--no-what-if", *AS_OF)
    one = pso(*args, "--jobs", "1")
    assert one.exit_code in (1, 3), one.stderr
    many = pso(*args, "--jobs", "3")
    assert _unclocked(fmt, many.stdout) == _unclocked(fmt, one.stdout)
    assert many.exit_code == one.exit_code


# JUnit's time, timestamp and hostname (Ant's schema) say how long each file took and
# when and where the run happened: the one part of a machine format that differs between
# two runs, whatever the jobs. Everything else is the same bytes.
_CLOCKED = re.compile(r' (time|timestamp|hostname)="[^"]*"')


def _unclocked(fmt: str, text: str) -> str:
    return _CLOCKED.sub("", text) if fmt == "junit" else text
