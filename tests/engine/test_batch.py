"""batch.py: parallel assessment gives byte-identical output, in input order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pso_cli.api import build_engine
from pso_cli.engine import batch
from pso_cli.model.run import Invalid

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every bundled proposal and history case, plus an invalid file, in one directory."""
    d = tmp_path_factory.mktemp("corpus")
    sources = sorted((REPO / "examples").glob("*.yaml")) + sorted(
        (REPO / "examples/history").glob("*.yaml")
    )
    for i, src in enumerate(sources):
        (d / f"{i:02d}-{src.name}").write_bytes(src.read_bytes())
    (d / "99-broken.yaml").write_bytes(b"pso_format: 1\nidentity: [\n")
    return d


def test_jobs_2_output_is_byte_identical_to_jobs_1(
    pso: Any, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(batch, "CHUNK", 3)
    args = ("assess", str(corpus), "--format", "json", "--as-of", "2026-11-28", "--no-config")
    one = pso(*args, "--jobs", "1")
    two = pso(*args, "--jobs", "2")
    assert one.exit_code == two.exit_code == 3
    assert one.stdout == two.stdout
    assert one.stdout.count('"status": "invalid"') == 1


def test_jsonl_parallel_matches_sequential(
    pso: Any, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "POOL_MIN_FILES", 2)
    args = ("assess", str(corpus), "--format", "jsonl", "--as-of", "2026-11-28", "--no-config")
    assert pso(*args, "-j", "1").stdout == pso(*args, "-j", "3").stdout


def test_assess_many_keeps_input_order_in_a_pool(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "POOL_MIN_FILES", 2)
    files = sorted(str(p) for p in corpus.iterdir())
    files = files[::-1]  # not alphabetical: order must follow the input
    engine = build_engine("nz-default", dt.date(2026, 11, 28))
    spec = batch.EngineSpec("nz-default", "2026-11-28", (), None, 2 * 1024 * 1024)
    pooled = list(batch.assess_many(engine, spec, files, jobs=2))
    serial = list(batch.assess_many(engine, spec, files, jobs=1))
    assert [i.path for i in pooled] == files
    assert pooled == serial
    assert isinstance(pooled[0], Invalid)


def test_small_batches_and_stdin_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*a: object, **k: object) -> None:
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(batch, "Pool", no_pool)
    engine = build_engine("nz-default", dt.date(2026, 11, 28))
    spec = batch.EngineSpec("nz-default", "2026-11-28", (), None, 1000)
    files = [str(REPO / "examples/ramsi-2003.yaml")] * 3
    assert len(list(batch.assess_many(engine, spec, files, jobs=4))) == 3


def test_default_jobs_is_positive() -> None:
    assert batch.default_jobs() >= 1


def test_a_one_file_run_with_pso_rules_imports_no_multiprocessing() -> None:
    """Start-up stays cheap: workers (and multiprocessing) only when they are used."""
    import subprocess
    import sys

    example = str(REPO / "examples/ramsi-2003.yaml")
    args = ["-X", "importtime", "-m", "pso_cli", "assess", "--no-config", "-f", "json", example]
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "multiprocessing" not in imported
    assert "concurrent.futures" not in imported
