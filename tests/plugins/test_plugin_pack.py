"""Third-party rule packs: the example pack, installed and by path, and fail-closed loading.

The example pack lives in plugins/pso-pacific-extras. It is exercised three ways:
its own rule cases (tests/cases.yaml in the pack); loaded by path with `--rules`; and
installed into a throwaway virtual environment, where `pso` must find it through the
`pso_cli.rules` entry point. The current environment is never changed: the throwaway
one sees this environment's packages through a .pth file and gets only the pack.

Broken packs must stop a run with exit 4 and one clear line; a rule that fails while
evaluating must not stop it, but must show as an `error` finding.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from pso_cli.model.findings import Outcome
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import RuleContext
from pso_cli.rules.registry import load_file_pack

REPO = Path(__file__).resolve().parents[2]
PACK = REPO / "plugins" / "pso-pacific-extras"
RULES_FILE = PACK / "src" / "pso_pacific_extras" / "rules.py"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FULL = FIXTURES / "full-pacific.yaml"
AS_OF = "2030-06-01"
PACK_ENTRY = {"name": "pacific-extras", "version": "0.1.0", "rules": 2}
NEGATIVE = {Outcome.CONCERN, Outcome.BLOCKER, Outcome.MISSING}


def pso(
    *args: str, python: str = sys.executable, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PSO_", "PYTHON"))}
    env["NO_COLOR"] = "1"
    if "PSO_CACHE_DIR" in os.environ:  # the test's own result cache, never ~/.cache
        env["PSO_CACHE_DIR"] = os.environ["PSO_CACHE_DIR"]
    return subprocess.run(
        [python, "-m", "pso_cli", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=timeout,
        check=False,
    )


def assess_json(*args: str, python: str = sys.executable) -> tuple[int, dict[str, Any]]:
    done = pso("assess", "--format", "json", "--as-of", AS_OF, "--no-config", *args, python=python)
    assert done.stdout, done.stderr
    return done.returncode, json.loads(done.stdout)


def findings(doc: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    return [
        f for a in doc["assessments"] for f in a.get("findings", []) if f["rule"].startswith(prefix)
    ]


def in_season_without_plan(tmp_path: Path) -> Path:
    """The full fixture moved into the cyclone season, with no medical plan."""
    data = yaml.safe_load(FULL.read_text())
    data["location"]["start_date"] = dt.date(2030, 12, 1)
    del data["risk"]["medical_evacuation"]
    out = tmp_path / "in-season.yaml"
    out.write_text(yaml.safe_dump(data, sort_keys=False))
    return out


def write_pack(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(textwrap.dedent(body))
    return path


# ---------------------------------------------------------------- the pack's own cases


def _deep_merge(base: Any, patch: Any) -> Any:
    if not isinstance(base, dict) or not isinstance(patch, dict):
        return patch
    out = dict(base)
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = _deep_merge(out.get(key), value)
    return out


PACK_BASE = yaml.safe_load((PACK / "tests" / "base.yaml").read_text())
PACK_CASES = yaml.safe_load((PACK / "tests" / "cases.yaml").read_text())


@pytest.fixture(scope="module")
def pack_rules() -> dict[str, Any]:
    return {r.code: r for r in load_file_pack(str(RULES_FILE)).rules}


@pytest.mark.parametrize("case", PACK_CASES, ids=[f"{c['rule']}:{c['name']}" for c in PACK_CASES])
def test_pack_rule_case(case: dict[str, Any], pack_rules: dict[str, Any]) -> None:
    rule = pack_rules[case["rule"]]
    proposal = Proposal.model_validate(_deep_merge(PACK_BASE, case.get("patch") or {}))
    ctx = RuleContext(
        options=rule.options.model_validate(case.get("options") or {}),
        as_of=dt.date.fromisoformat(AS_OF),
    )
    found = list(rule.check(proposal, ctx))
    best = rule.attribute.levels[-1][0] if rule.attribute else None
    if case["expect"] == "silent":
        assert not [f for f in found if f.outcome in NEGATIVE and f.level is None], found
        assert all(f.level == best for f in found if f.level is not None), found
        return
    if case["expect"] == "level":
        hits = [f for f in found if f.level == case["level"]]
    else:
        hits = [f for f in found if f.outcome == Outcome(case["expect"]) and f.level is None]
    assert hits, f"expected {case['expect']}, got {found}"
    if "field" in case:
        assert any(f.field == case["field"] for f in hits), [f.field for f in hits]


def test_pack_rules_are_documented_and_fire_and_stay_silent(pack_rules: dict[str, Any]) -> None:
    assert set(pack_rules) == {"PAC-001", "PAC-002"}
    for r in pack_rules.values():
        assert r.rationale and r.reference.source and r.reads and r.example, r.code
    fires = {c["rule"] for c in PACK_CASES if c["expect"] != "silent"}
    silent = {c["rule"] for c in PACK_CASES if c["expect"] == "silent"}
    assert fires == silent == set(pack_rules)


def test_pack_version_matches_project_metadata() -> None:
    text = (PACK / "pyproject.toml").read_text()
    assert 'path = "src/pso_pacific_extras/rules.py"' in text
    assert 'pacific-extras = "pso_pacific_extras.rules"' in text
    pack = load_file_pack(str(RULES_FILE))
    assert (pack.name, pack.version) == (PACK_ENTRY["name"], PACK_ENTRY["version"])


# ---------------------------------------------------------------- loaded by path


PACK_PROFILE = PACK / "pacific-extras.yaml"


def test_a_scoring_pack_needs_a_profile_that_weighs_it(tmp_path: Path) -> None:
    """PAC-002 scores through its own attribute: with nz-default, which does not weigh
    it, pso refuses to run rather than let the pack move the score around the model."""
    proposal = in_season_without_plan(tmp_path)
    done = pso("assess", "--rules", str(RULES_FILE), "-f", "json", str(proposal))
    assert done.returncode == 4
    assert "PAC-002" in done.stderr and "swing weight" in done.stderr


def test_rules_path_adds_findings_to_json(tmp_path: Path) -> None:
    proposal = in_season_without_plan(tmp_path)
    code, doc = assess_json(
        "--rules", str(RULES_FILE), "--profile", str(PACK_PROFILE), "--fail-on", "never",
        str(proposal),
    )  # fmt: skip
    assert code == 0
    assert PACK_ENTRY in doc["rule_packs"]
    pac1 = findings(doc, "PAC-001")
    assert [f["outcome"] for f in pac1] == ["concern"]
    assert pac1[0]["field"] == "risk.medical_evacuation"
    assert pac1[0]["consideration"] == "agencies"
    assert pac1[0]["condition"]
    # The field is absent, so the finding points at its nearest present ancestor, `risk`
    # (the position of its value: the line of its key or the next one).
    risk_line = proposal.read_text().splitlines().index("risk:") + 1
    assert pac1[0]["line"] in (risk_line, risk_line + 1)
    pac2 = findings(doc, "PAC-002")
    assert [(f["outcome"], f["level"]) for f in pac2] == [("concern", "not-addressed")]
    weighed = [a for a in doc["assessments"][0]["attributes"] if a["code"] == "PAC-002"]
    assert weighed and weighed[0]["weight"] == 5 and weighed[0]["value"] == 0


def test_without_rules_path_the_pack_is_absent(tmp_path: Path) -> None:
    _code, doc = assess_json("--fail-on", "never", str(in_season_without_plan(tmp_path)))
    if any(p["name"] == PACK_ENTRY["name"] for p in doc["rule_packs"]):
        pytest.skip("pso-pacific-extras is installed in this environment")
    assert findings(doc, "PAC-") == []


def test_rules_and_explain_with_rules_path() -> None:
    listed = pso("rules", "--rules", str(RULES_FILE), "--format", "json")
    assert listed.returncode == 0, listed.stderr
    codes = {r["code"] for r in json.loads(listed.stdout)}
    assert {"PAC-001", "PAC-002", "LEG-001"} <= codes
    explained = pso("explain", "climate-exposure-addressed", "--rules", str(RULES_FILE))
    assert explained.returncode == 0, explained.stderr
    assert "PAC-002" in explained.stdout
    assert "Boe Declaration" in explained.stdout


# ---------------------------------------------------------------- installed by entry point


def _throwaway_env(tmp_path: Path) -> str:
    """A venv that sees this environment's packages (via .pth) but installs into itself."""
    venv = tmp_path / "venv"
    made = subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    bindir = "Scripts" if os.name == "nt" else "bin"
    python = venv / bindir / ("python.exe" if os.name == "nt" else "python")
    if made.returncode != 0 or not python.exists():
        pytest.skip(f"cannot create a virtual environment: {made.stderr.strip()[-300:]}")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout.strip()
    here = sysconfig.get_path("purelib")
    # addsitedir (not a bare path) so this environment's own .pth files, such as the
    # editable install of pso-cli, are processed too.
    Path(purelib, "_pso_test_parent.pth").write_text(f"import site; site.addsitedir({here!r})\n")
    return str(python)


@pytest.fixture(scope="module")
def installed_python(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("plugin-env")
    python = _throwaway_env(tmp)
    source = tmp / "pso-pacific-extras"  # build from a copy: nothing is written to the repo
    shutil.copytree(PACK, source, ignore=shutil.ignore_patterns("__pycache__", "build", "dist"))
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--quiet",
         "--no-deps", "--no-build-isolation", "--no-index", "--no-cache-dir", str(source)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return python


def test_installed_pack_is_found_by_entry_point(installed_python: str) -> None:
    listed = pso("rules", "--format", "json", python=installed_python)
    assert listed.returncode == 0, listed.stderr
    codes = {r["code"] for r in json.loads(listed.stdout)}
    assert {"PAC-001", "PAC-002", "LEG-001", "ALT-001"} <= codes
    explained = pso("explain", "PAC-001", python=installed_python)
    assert explained.returncode == 0, explained.stderr
    assert "cyclone-season-evacuation" in explained.stdout


def test_installed_pack_reports_in_assess(installed_python: str, tmp_path: Path) -> None:
    proposal = in_season_without_plan(tmp_path)
    code, doc = assess_json(
        "--profile", str(PACK_PROFILE), "--fail-on", "never", str(proposal),
        python=installed_python,
    )  # fmt: skip
    assert code == 0
    assert PACK_ENTRY in doc["rule_packs"]
    assert [f["outcome"] for f in findings(doc, "PAC-001")] == ["concern"]
    # The same pack given again by path clashes with itself: fail closed.
    again = pso("rules", "--rules", str(RULES_FILE), python=installed_python)
    assert again.returncode == 4
    assert "clashes with PAC-001" in again.stderr


# ---------------------------------------------------------------- broken packs fail closed


def assert_config_error(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert done.returncode == 4, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_pack_that_fails_to_import(tmp_path: Path) -> None:
    path = write_pack(tmp_path, "broken_import", "import pso_no_such_module_anywhere\n")
    done = pso("assess", "--rules", str(path), "--format", "json", str(FULL))
    assert_config_error(done, str(path), "failed to import", "ModuleNotFoundError")
    assert done.stdout == ""


def test_pack_that_raises_on_import(tmp_path: Path) -> None:
    path = write_pack(tmp_path, "raises", "raise RuntimeError('misconfigured pack')\n")
    done = pso("assess", "--rules", str(path), str(FULL))
    assert_config_error(done, "RuntimeError: misconfigured pack")


@pytest.mark.parametrize(
    "body",
    ["RULES = [1, 2]\n", "RULES = 'PAC-001'\n", "PACK_NAME = 'no-rules'\n", "RULES = None\n"],
    ids=["not-rules", "a-string", "missing", "none"],
)
def test_pack_whose_rules_are_not_rules(tmp_path: Path, body: str) -> None:
    path = write_pack(tmp_path, "not_rules", body)
    done = pso("assess", "--rules", str(path), str(FULL))
    assert_config_error(done, str(path), "RULES")


def test_pack_file_not_found(tmp_path: Path) -> None:
    done = pso("rules", "--rules", str(tmp_path / "nowhere.py"))
    assert_config_error(done, "not found")


CLASH = """\
from pso_cli.rules.api import Consideration, Reference, rule

@rule(code={code!r}, name={name!r}, consideration=Consideration.LEGALITY,
      title="Clashing rule", rationale="Test.", reference=Reference("Test"))
def clash(p, ctx):
    return []

RULES = [clash]
"""


@pytest.mark.parametrize(
    ("code", "name", "clashes"),
    [("LEG-001", "my-legal-basis", "LEG-001"), ("TST-001", "legal-basis", "LEG-001")],
    ids=["same-code", "same-name"],
)
def test_pack_clashing_with_builtin(tmp_path: Path, code: str, name: str, clashes: str) -> None:
    path = write_pack(tmp_path, "clash", CLASH.format(code=code, name=name))
    for args in (("assess", "--rules", str(path), str(FULL)), ("rules", "--rules", str(path))):
        assert_config_error(pso(*args), "clashes with", clashes)


FAULTY = """\
from pso_cli.rules.api import Consideration, Reference, rule

@rule(code="TST-001", name="always-fails", consideration=Consideration.STRATEGIC,
      title="A rule with a bug", rationale="Test.", reference=Reference("Test"))
def always_fails(p, ctx):
    raise KeyError("boom")

RULES = [always_fails]
"""


@pytest.mark.parametrize(
    ("fail_on", "exit_code"),
    [("further-analysis", 1), ("do-not-recommend", 0), ("never", 0)],
)
def test_rule_that_raises_is_an_error_finding(tmp_path: Path, fail_on: str, exit_code: int) -> None:
    path = write_pack(tmp_path, "faulty", FAULTY)
    code, doc = assess_json("--rules", str(path), "--fail-on", fail_on, str(FULL))
    assert code == exit_code == doc["exit_code"]
    (assessment,) = doc["assessments"]
    assert assessment["verdict"] == "further-analysis"
    assert "TST-001" in assessment["reason"]
    (error,) = findings(doc, "TST-")
    assert error["outcome"] == "error"
    assert "KeyError" in error["message"] and "boom" in error["message"]
    # The run went on: the built-in rules still reported.
    assert len({f["rule"] for f in assessment["findings"]}) > 20
    assert {"name": "faulty", "version": "unknown", "rules": 1} in doc["rule_packs"]
