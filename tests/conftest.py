"""Shared fixtures: run the `pso` command in-process, exactly as the console script does.

`pso(*args, input=...)` calls pso_cli.cli.main.run() (the console-script entry point,
so every failure is mapped to its documented exit code) inside typer's CliRunner
isolation, and returns the exit code with stdout and stderr kept apart.

Deliberately no helpers meant for `from conftest import ...`: tests/render has its own
conftest module of that name.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

REPO_ROOT = Path(__file__).resolve().parents[1]

# Tests that run pso or another tool in a subprocess, install something, or drive a
# browser: marked `slow` here, in one place (CI runs them, and so does a plain `pytest`;
# `-m "not slow"` leaves them out for a quick local run).
SLOW_MODULES = {
    "tests/test_signals.py",
    "tests/test_corpus.py",
    "tests/test_pre_commit.py",
    "tests/cli/test_subprocess.py",
    "tests/plugins/test_plugin_pack.py",
    "tests/benchmarks/test_bench_smoke.py",
    "tests/browser/test_html_browser.py",
}
SLOW_TESTS = {
    "tests/test_history.py::test_calibrate_table_reads_at_80_columns",
    "tests/render/test_cabinet.py::test_markdown_needs_no_python_docx",
    "tests/loading/test_reader.py::test_proc_kmsg_does_not_hang",
    "tests/engine/test_batch.py::test_a_one_file_run_with_pso_rules_imports_no_multiprocessing",
    "tests/cli/test_assess.py::test_a_huge_max_bytes_with_stdin_reads_only_what_arrives",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.nodeid.split("::", 1)[0]
        name = item.nodeid.split("[", 1)[0]
        if module in SLOW_MODULES or name in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """With PSO_REQUIRE_SHARED=1 (as .ci/run sets), a test that skips because ../shared
    (the SARIF schema, the policy text) is missing fails instead: CI must run them."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("PSO_REQUIRE_SHARED") == "1":
        reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else ""
        if "shared" in reason.lower():
            report.outcome = "failed"
            report.longrepr = f"PSO_REQUIRE_SHARED=1 but the test skipped: {reason}"


@pytest.fixture(autouse=True, scope="session")
def _session_result_cache(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """PSO_CACHE_DIR for what runs before any one test's fixture: module- and session-
    scoped fixtures that run pso in subprocesses (the hostile corpus, the installed pack)."""
    old = os.environ.get("PSO_CACHE_DIR")
    os.environ["PSO_CACHE_DIR"] = str(tmp_path_factory.getbasetemp() / "pso-cache" / "session")
    yield
    if old is None:
        os.environ.pop("PSO_CACHE_DIR", None)
    else:
        os.environ["PSO_CACHE_DIR"] = old


@pytest.fixture(autouse=True)
def _result_cache_in_tmp(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every test's result cache (PSO_CACHE_DIR) is its own temporary directory, created
    only if a run writes to it: no test writes to the real ~/.cache, and no test is
    served another's results. Subprocesses inherit the variable."""
    import uuid

    root = tmp_path_factory.getbasetemp() / "pso-cache"
    monkeypatch.setenv("PSO_CACHE_DIR", str(root / uuid.uuid4().hex))
    monkeypatch.delenv("PSO_NO_CACHE", raising=False)


@dataclass(frozen=True)
class Ran:
    exit_code: int
    stdout: str
    stderr: str


RunPso = Callable[..., Ran]


def _run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Ran:
    from pso_cli.cli import main

    try:  # Click before 8.2 mixes stderr into stdout unless told not to
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # 8.2 and later, and Typer's own copy, keep them apart
        runner = CliRunner()
    old_argv = sys.argv
    old_debug = os.environ.get("PSO_DEBUG")
    code: int | str | None = 0
    with runner.isolation(input=input, env=env) as streams:
        out, err = streams[0], streams[1]
        sys.argv = ["pso", *args]
        try:
            main.run()
        except SystemExit as exc:
            code = exc.code
        finally:
            sys.argv = old_argv
            sys.stdout.flush()
            sys.stderr.flush()
        stdout = out.getvalue().decode("utf-8", "replace")
        stderr = err.getvalue().decode("utf-8", "replace")
    if old_debug is None:
        os.environ.pop("PSO_DEBUG", None)
    return Ran(int(code or 0) if not isinstance(code, str) else 1, stdout, stderr)


@pytest.fixture
def pso() -> RunPso:
    """Run `pso ARGS...` in-process; returns Ran(exit_code, stdout, stderr)."""
    return _run


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so example paths are relative and no pso.toml leaks in."""
    monkeypatch.chdir(REPO_ROOT)
    return REPO_ROOT
