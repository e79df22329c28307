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
    reserve = [f for f in a["findings"] if f["rule"] == "AGY-004" and f["outcome"] == "concern"]
    police = [f for f in reserve if f["field"] == "contribution.police.personnel"]
    assert police and police[0]["line"] == 83
    assert "reserve" in police[0]["message"]
    assert any("cyclone season" in f["message"] for f in reserve)


def test_without_commitments_concurrency_is_reported_as_unchecked() -> None:
    result = CliRunner().invoke(
        app, ["assess", "tests/fixtures/reserve-breach.yaml", "--as-of", "2017-01-20", "-f", "json"]
    )
    (a,) = json.loads(result.stdout)["assessments"]
    agy3 = [f for f in a["findings"] if f["rule"] == "AGY-003"]
    assert [f["outcome"] for f in agy3] == ["info"]
