"""CI smoke run of the benchmark suite: it runs and prints its table. Timings are not judged.

The figures themselves are measured by `python benchmarks/run.py` (see benchmarks/README.md),
never by a timed test: a shared CI machine cannot keep a timing promise.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"


@pytest.fixture(scope="module")
def bench_modules() -> None:
    sys.path.insert(0, str(BENCH))


def test_generator_is_deterministic_and_mixes_valid_and_invalid(
    tmp_path: Path, bench_modules: None
) -> None:
    from generate import generate

    from pso_cli.api import validate_paths

    first = generate(tmp_path / "a", 80, seed=3, invalid=0.25)
    again = generate(tmp_path / "b", 80, seed=3, invalid=0.25)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    sizes = [p.stat().st_size for p in first]
    assert min(sizes) < 2000 < max(sizes)
    results = validate_paths([str(tmp_path / "a")])
    invalid = sum(1 for r in results if r.problems)
    assert 0 < invalid < len(results)


def test_stage_profile_covers_every_stage(tmp_path: Path, bench_modules: None) -> None:
    import datetime as dt

    from generate import generate
    from stages import STAGES, profile

    files = [str(p) for p in generate(tmp_path, 12, seed=5, invalid=0.0)]
    times = profile(files, dt.date(2026, 11, 28))
    assert times.files == 12
    assert all(times.reached[s] == 12 for s in STAGES)
    assert "| render |" in times.table()


def test_quick_benchmark_runs_and_prints_the_table(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--json", str(figures)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "| target | measured | required | met |" in out
    for metric in ("pso --version", "pso --help", "validate one.yaml", "assess one.yaml"):
        assert metric in out
    assert "proposals/s" in out and "peak RSS" in out
    assert "Per-stage profile" in out
    rows = json.loads(figures.read_text())["rows"]
    assert len(rows) == 8  # 4 start-up, warm and cold against yamllint, --jobs 2, memory


def test_worst_case_files_are_valid_and_at_a_limit(bench_modules: None) -> None:
    """benchmarks/worst_case.py times the largest legal file of each shape; each must be
    a valid proposal (or the timings measure an error path) at the size or list limit."""
    from worst_case import CASES, fit

    from pso_cli.api import validate_one
    from pso_cli.loading.yaml_source import MAX_LIST_ITEMS

    for name, make in CASES.items():
        n, doc = fit(make)
        path = Path(f"/tmp/pso-worst-{os.getpid()}.yaml")
        path.write_text(doc, encoding="utf-8")
        try:
            result = validate_one(str(path))
        finally:
            path.unlink()
        assert not result.problems, (name, result.problems[:1])
        assert n == MAX_LIST_ITEMS or len(doc.encode()) > 1_900_000, name
