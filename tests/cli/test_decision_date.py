"""Each proposal is judged at its own identity.decision_date unless --as-of is given:
a folder of past cases is not judged at today's date, nor at one date for all."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RAMSI = (ROOT / "examples/ramsi-2003.yaml").read_text(encoding="utf-8")
JUDGED = re.compile(r"  (\d{4}-\d\d-\d\d)  (\S+\.yaml)$", re.M)


def write(folder: Path, name: str, decided: str) -> Path:
    """RAMSI with another decision date (its mandate runs to 2004-07-31)."""
    text = RAMSI.replace("decision_date: 2003-07-24", f"decision_date: {decided}", 1)
    assert decided in text
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def judged(stdout: str) -> dict[str, str]:
    """File name -> the date it was judged at, from a batch's columns."""
    flat = re.sub(r"\n  (?=\S+\.yaml$)", "  ", stdout, flags=re.M)  # a long path wraps
    return {Path(p).name: d for d, p in JUDGED.findall(flat)}


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path, "a.yaml", "2003-07-24"), write(tmp_path, "b.yaml", "2005-01-01")


def test_a_batch_judges_each_file_at_its_own_decision_date(
    pso: Any, two: tuple[Path, Path]
) -> None:
    r = pso("assess", *map(str, two), "--no-config", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    assert judged(r.stdout) == {"a.yaml": "2003-07-24", "b.yaml": "2005-01-01"}


def test_as_of_overrides_every_decision_date(pso: Any, two: tuple[Path, Path]) -> None:
    r = pso("assess", *map(str, two), "--as-of", "2010-01-01", "--no-config", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    assert judged(r.stdout) == {"a.yaml": "2010-01-01", "b.yaml": "2010-01-01"}


def test_the_dates_judged_at_change_the_judgement(pso: Any, two: tuple[Path, Path]) -> None:
    """At 2005-01-01 NZ's mandate (to 2004-07-31) has expired; at 2003-07-24 it has not."""
    a, b = two
    brief_a = pso("assess", str(a), "--detail", "--no-config", "--fail-on", "never").stdout
    brief_b = pso("assess", str(b), "--detail", "--no-config", "--fail-on", "never").stdout
    assert "mandate (to 2004-07-31) covers" in " ".join(brief_a.split())
    assert "expired on 2004-07-31" in " ".join(brief_b.split())


def test_the_brief_says_when_it_was_judged(pso: Any, two: tuple[Path, Path]) -> None:
    r = pso("assess", str(two[1]), "--no-config", "--fail-on", "never")
    assert f"{two[1]}, judged at 2005-01-01" in " ".join(r.stdout.split())


def test_a_pooled_batch_keeps_each_decision_date(pso: Any, tmp_path: Path) -> None:
    """Workers rebuild the engine: they must not take the run's default date for --as-of."""
    from pso_cli.engine.batch import POOL_MIN_FILES

    dates = ("2003-07-24", "2004-03-01")
    for i in range(POOL_MIN_FILES):
        write(tmp_path, f"p{i:02}.yaml", dates[i % 2])
    r = pso("assess", str(tmp_path), "--jobs", "2", "--no-config", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    found = judged(r.stdout)
    assert len(found) == POOL_MIN_FILES
    assert all(found[f"p{i:02}.yaml"] == dates[i % 2] for i in range(POOL_MIN_FILES))
