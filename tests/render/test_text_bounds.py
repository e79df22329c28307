"""The terminal report stays readable, and quick, whatever the size of the proposal."""

from __future__ import annotations

import dataclasses
import re

from pso_cli.model.findings import Finding, Outcome
from pso_cli.model.run import RunResult
from pso_cli.render import text


def test_long_lists_and_texts_are_cut_with_a_count(golden_run: RunResult) -> None:
    """The full report (--detail); the brief is one screen whatever the proposal."""
    a = golden_run.items[0]
    where = a.findings[0].consideration  # type: ignore[union-attr]
    info = Finding(Outcome.INFO, "an informational note", "", 0.0, None, "ALT-009", "x", where)
    concern = Finding(Outcome.CONCERN, "keep me", "", -1.0, None, "ALT-003", "y", where)
    big = dataclasses.replace(
        a,  # type: ignore[arg-type]
        alternatives=tuple(f"option {i}" for i in range(300)),
        findings=(*[info] * 250, concern),
        references=("R: " + "x" * 10_000,),
    )
    out = text.render(dataclasses.replace(golden_run, items=(big,)), width=120, detail=True)
    flat = re.sub(r"\s+", " ", out)
    assert "… and 200 more (--format json lists them all)" in flat
    assert "… and 150 more supporting or informational findings" in flat
    assert "keep me" in out  # a concern is never cut
    assert "… (6003 more characters; --format json has them all)" in flat


def test_the_brief_stays_one_screen_however_long_the_proposal(golden_run: RunResult) -> None:
    a = golden_run.items[0]
    where = a.findings[0].consideration  # type: ignore[union-attr]
    missing = [
        Finding(Outcome.MISSING, f"fact {i} is not stated " + "y" * 5000, f"f{i}", 0.0, None,
                "ALT-009", "x", where)
        for i in range(300)
    ]  # fmt: skip
    big = dataclasses.replace(a, findings=tuple(missing), conditions=("c " * 3000,) * 50)  # type: ignore[arg-type]
    out = text.render(dataclasses.replace(golden_run, items=(big,)), width=80)
    assert len(out.splitlines()) <= 40 + 2 * (4000 // 70)  # one long item may stand whole
    assert "more characters; --format json has them all" in out
