"""Current commitments feed the agency rules: the Pacific reserve and the cyclone season."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pso_cli.cli.main import app
from pso_cli.engine.commitments import load_commitments


def test_bundled_commitments_file_loads() -> None:
    deployments = load_commitments("examples/commitments/nz-2016.yaml")
    assert len(deployments) >= 10
    assert len({d.country for d in deployments}) >= 10


def test_a_proposal_breaching_the_pacific_reserve_gets_a_located_concern() -> None:
    result = CliRunner().invoke(
        app,
        [
            "assess",
            "tests/fixtures/reserve-breach.yaml",
            "--commitments",
            "examples/commitments/nz-2016.yaml",
            "--as-of",
            "2017-01-20",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    (a,) = json.loads(result.stdout)["assessments"]
    # The Pacific reserve (old AGY-004) is one test of AGY-001's agency load: the worst
    # agency's worst test is the attribute's one level, located at that agency's headcount.
    load = [f for f in a["findings"] if f["rule"] == "AGY-001"]
    (police,) = [f for f in load if f["outcome"] == "concern"]
    assert (police["field"], police["line"]) == ("contribution.police.personnel", 83)
    assert police["level"] == "unsustainable"
    assert "34 already deployed" in police["message"]  # the commitments were counted
    assert "Pacific reserve of 30" in police["message"]
    assert "cyclone season" in police["message"] and "cyclone season" in police["condition"]
    assert not [f for f in load if f["outcome"] == "info"]  # nothing left unchecked


def test_without_commitments_concurrency_is_reported_as_unchecked() -> None:
    result = CliRunner().invoke(
        app, ["assess", "tests/fixtures/reserve-breach.yaml", "--as-of", "2017-01-20", "-f", "json"]
    )
    (a,) = json.loads(result.stdout)["assessments"]
    load = [f for f in a["findings"] if f["rule"] == "AGY-001"]  # concurrency was AGY-003
    assert [(f["outcome"], f["field"]) for f in load if f["outcome"] == "info"] == [
        ("info", "contribution")
    ]
    (note,) = [f for f in load if f["outcome"] == "info"]
    assert note["message"] == "No current deployments were supplied, so none were counted."
    (rated,) = [f for f in load if f["level"] is not None]
    assert rated["level"] == "sustainable"  # the same proposal, its load alone
