"""Worker processes: a rule pack that kills its process or defeats the time limit costs
only its own file, and every other file is reported normally."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from pso_cli.engine import batch

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "ramsi-2003.yaml"

PACK = """\
import ctypes, os, signal, time
from pso_cli.rules.api import Consideration, Reference, rule

@rule(code="BAD-001", name="bad-rule", consideration=Consideration.STRATEGIC,
      title="A hostile rule", rationale="Test.", reference=Reference("Test"))
def bad(p, ctx):
    name = p.identity.name
    if name.startswith("EXIT"):
        os._exit(0)
    if name.startswith("SEGV"):
        ctypes.string_at(0)
    if name.startswith("KILL"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("HANG"):  # catches the in-process time limit, forever
        while True:
            try:
                time.sleep(0.05)
            except BaseException:
                pass
    return []

RULES = [bad]
"""


def _batch(tmp_path: Path, *kinds: str) -> tuple[Path, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    for i, kind in enumerate(kinds):
        body = text if kind == "ok" else text.replace("  name: ", f"  name: {kind} ", 1)
        (folder / f"p{i}-{kind.lower()}.yaml").write_text(body, encoding="utf-8")
    pack = tmp_path / "bad_pack.py"
    pack.write_text(PACK, encoding="utf-8")
    return folder, pack


def _run(pso: Any, folder: Path, pack: Path, *extra: str) -> tuple[int, list[dict[str, Any]]]:
    args = ["assess", "--no-config", "--rules", str(pack), "--as-of", "2003-07-20"]
    done = pso(*args, "-f", "jsonl", *extra, str(folder))
    assert "Traceback" not in done.stderr, done.stderr
    return done.exit_code, [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_worker_that_dies_costs_only_its_file(pso: Any, tmp_path: Path, jobs: str) -> None:
    """os._exit(0) in a rule gave exit 0 (--jobs 1) or 70 with nothing reported (--jobs 2);
    a segfault 139: every other file's result was lost."""
    folder, pack = _batch(tmp_path, "ok", "EXIT", "ok", "SEGV", "KILL", "ok")
    code, items = _run(pso, folder, pack, "--jobs", jobs)
    assert code == 70
    status = {Path(i["path"]).name: i["status"] for i in items}
    assert status == {
        "p0-ok.yaml": "assessed",
        "p1-exit.yaml": "error",
        "p2-ok.yaml": "assessed",
        "p3-segv.yaml": "error",
        "p4-kill.yaml": "error",
        "p5-ok.yaml": "assessed",
    }
    reasons = [i["errors"][0]["message"] for i in items if i["status"] == "error"]
    assert "exited with status 0" in reasons[0]
    assert "killed by SIGSEGV" in reasons[1]
    assert "killed by SIGKILL" in reasons[2]
    assert all(i["errors"][0]["code"] == "worker-died" for i in items if i["status"] == "error")


def test_a_rule_that_catches_its_time_limit_is_stopped_from_outside(
    pso: Any, tmp_path: Path
) -> None:
    """It looped catching RuleTimeout and the batch hung: now its worker is killed, the
    file is assessed again without that rule, which is reported as stopped."""
    folder, pack = _batch(tmp_path, "ok", "HANG", "ok")
    started = time.monotonic()
    code, items = _run(pso, folder, pack, "--jobs", "1")
    assert time.monotonic() - started < 30
    assert code == 0
    assert [i["status"] for i in items] == ["assessed"] * 3
    [hung] = [i for i in items if "hang" in i["path"]]
    [err] = [f for f in hung["findings"] if f["rule"] == "BAD-001"]
    assert err["outcome"] == "error"
    assert "rule stopped after its 2s time limit" in err["message"]
    assert hung["verdict"] == "further-analysis"  # a rule that failed: incomplete
    others = [f for f in hung["findings"] if f["rule"] != "BAD-001"]
    assert len(others) > 30  # every other rule was still run on that file


def test_third_party_packs_always_run_in_workers(
    pso: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even one file with --jobs 1: the time limit is then enforced from outside."""
    started: list[int] = []
    real = batch.Pool.__init__

    def spy(self: Any, *args: Any, **kw: Any) -> None:
        started.append(kw.get("limit") is not None)
        real(self, *args, **kw)

    monkeypatch.setattr(batch.Pool, "__init__", spy)
    folder, pack = _batch(tmp_path, "ok")
    code, _ = _run(pso, folder, pack, "--jobs", "1")
    assert code == 0 and started == [True]
    plain = pso("assess", "--no-config", "-f", "json", str(folder))
    assert plain.exit_code == 0 and started == [True]  # built-in rules alone: in process


def test_standard_input_reaches_a_worker(pso: Any, tmp_path: Path) -> None:
    folder, pack = _batch(tmp_path, "ok")
    shutil.rmtree(folder)
    args = ["assess", "--no-config", "--rules", str(pack), "-f", "json", "-"]
    done = pso(*args, "--stdin-filename", "in.yaml", input=EXAMPLE.read_bytes())
    assert done.exit_code in (0, 1), done.stderr
    assert json.loads(done.stdout)["assessments"][0]["path"] == "in.yaml"


def test_compare_runs_third_party_rules_in_workers_too(
    pso: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An installed pack whose rule kills its process cannot end `pso compare` either."""
    import importlib.util

    from pso_cli.rules import registry

    folder, pack = _batch(tmp_path, "ok", "EXIT")
    spec = importlib.util.spec_from_file_location("bad_pack_installed", pack)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    real = registry.discover_packs

    def with_installed_pack() -> list[Any]:
        return [*real(), registry.RulePack("bad", "1", "entry point bad", tuple(module.RULES))]

    monkeypatch.setattr(registry, "discover_packs", with_installed_pack)
    files = sorted(str(p) for p in folder.iterdir())
    done = pso("compare", *files, "--as-of", "2003-07-20")
    assert done.exit_code == 70, done.stderr
    assert "the worker process assessing it exited with status 0" in done.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "markdown", "github", "html"])
def test_a_file_whose_worker_died_is_reported_in_every_format(
    pso: Any, tmp_path: Path, fmt: str
) -> None:
    folder, pack = _batch(tmp_path, "ok", "KILL")
    args = ["assess", "--no-config", "--rules", str(pack), "--as-of", "2003-07-20", "-f", fmt]
    done = pso(*args, str(folder))
    assert done.exit_code == 70, done.stderr
    assert "killed by SIGKILL" in " ".join(done.stdout.split())  # text wraps at 80 columns
    if fmt == "json":
        import jsonschema

        from pso_cli.model.schema import report_schema

        doc = json.loads(done.stdout)
        jsonschema.Draft202012Validator(report_schema()).validate(doc)
        assert [a["status"] for a in doc["assessments"]] == ["assessed", "error"]
