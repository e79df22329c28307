"""`pso assess`: exit codes, formats, outputs, profiles (fail closed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

RAMSI = "examples/ramsi-2003.yaml"  # recommend-with-conditions
NO_BASIS = "examples/no-legal-basis.yaml"  # do-not-recommend (failed gate)
EARLY = "examples/early-stage.yaml"  # further-analysis
EMPTY = "tests/fixtures/invalid/empty.yaml"
AS_OF = ("--as-of", "2026-11-28", "--no-config")


@pytest.fixture(autouse=True)
def _repo(in_repo: Path) -> None:
    """Every test here runs from the repository root."""


def test_recommendable_proposal_exits_0(pso: Any) -> None:
    r = pso("assess", RAMSI, *AS_OF)
    assert r.exit_code == 0, r.stderr
    assert "RECOMMEND WITH CONDITIONS" in r.stdout.splitlines()[3], "the brief of one file"


def test_do_not_recommend_exits_1_by_default(pso: Any) -> None:
    assert pso("assess", NO_BASIS, *AS_OF).exit_code == 1


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        ("recommend-with-conditions", 1),
        ("further-analysis", 0),
        ("do-not-recommend", 0),
        ("never", 0),
        ("recommend", 1),
    ],
)
def test_fail_on_threshold(pso: Any, fail_on: str, code: int) -> None:
    r = pso("assess", RAMSI, "--fail-on", fail_on, "--format", "json", *AS_OF)
    assert r.exit_code == code
    assert json.loads(r.stdout)["exit_code"] == code


def test_fail_on_never_with_a_blocker(pso: Any) -> None:
    assert pso("assess", NO_BASIS, "--fail-on", "never", *AS_OF).exit_code == 0


def test_invalid_file_in_a_batch_exits_3_and_others_are_assessed(pso: Any) -> None:
    r = pso("assess", RAMSI, EMPTY, NO_BASIS, "--format", "json", *AS_OF)
    assert r.exit_code == 3
    doc = json.loads(r.stdout)
    statuses = [(a["path"], a["status"]) for a in doc["assessments"]]
    assert statuses == [(RAMSI, "assessed"), (EMPTY, "invalid"), (NO_BASIS, "assessed")]
    assert doc["summary"]["invalid"] == 1
    assert doc["summary"]["total"] == 3
    assert doc["exit_code"] == 3


def test_json_format_parses_and_records_the_run(pso: Any) -> None:
    r = pso("assess", RAMSI, "--format", "json", *AS_OF)
    doc = json.loads(r.stdout)
    assert doc["as_of"] == "2026-11-28"
    assert doc["profile"]["name"] == "nz-default"
    assert len(doc["profile"]["sha256"]) == 64
    assert doc["timestamp"] is None
    (a,) = doc["assessments"]
    assert a["verdict"] == "recommend-with-conditions"
    assert [c["consideration"] for c in a["considerations"]] == [
        "strategic",
        "legality",
        "agencies",
        "alternatives",
    ]
    assert r.stderr == ""


def test_json_is_reproducible(pso: Any) -> None:
    args = ("assess", RAMSI, NO_BASIS, "--format", "json", *AS_OF)
    assert pso(*args).stdout == pso(*args).stdout


def test_timestamp_only_on_request(pso: Any) -> None:
    doc = json.loads(pso("assess", RAMSI, "-f", "json", "--timestamp", *AS_OF).stdout)
    assert doc["timestamp"]


def test_jsonl_one_line_per_file(pso: Any) -> None:
    r = pso("assess", RAMSI, EMPTY, NO_BASIS, "--format", "jsonl", *AS_OF)
    assert r.exit_code == 3
    lines = r.stdout.splitlines()
    assert len(lines) == 3
    docs = [json.loads(line) for line in lines]
    assert [d["path"] for d in docs] == [RAMSI, EMPTY, NO_BASIS]


@pytest.mark.parametrize("fmt", ["sarif", "junit", "markdown", "github", "text"])
def test_other_formats_run(pso: Any, fmt: str) -> None:
    r = pso("assess", RAMSI, "--format", fmt, *AS_OF)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip()


def test_unknown_format_is_a_usage_error(pso: Any) -> None:
    r = pso("assess", RAMSI, "--format", "xml", *AS_OF)
    assert r.exit_code == 2
    assert "not one of" in r.stderr


def test_bad_as_of_is_a_usage_error(pso: Any) -> None:
    r = pso("assess", RAMSI, "--as-of", "yesterday", "--no-config")
    assert r.exit_code == 2
    assert "not a date" in r.stderr


def test_bad_fail_on_is_a_usage_error(pso: Any) -> None:
    assert pso("assess", RAMSI, "--fail-on", "sometimes", *AS_OF).exit_code == 2


def test_unknown_profile_exits_4(pso: Any) -> None:
    r = pso("assess", RAMSI, "--profile", "no-such-profile", *AS_OF)
    assert r.exit_code == 4
    assert "no profile named 'no-such-profile'" in r.stderr
    assert "nz-default" in r.stderr
    assert r.stdout == ""


def test_profile_with_an_unknown_rule_exits_4_located_at_the_rule(pso: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "profile_format: 1\nname: x\nrules:\n  NOPE-999: {enabled: false}\n", encoding="utf-8"
    )
    r = pso("assess", RAMSI, "--profile", str(bad), *AS_OF)
    assert r.exit_code == 4
    assert f"{bad}:4:3: unknown rule 'NOPE-999'" in r.stderr
    assert r.stdout == ""


def test_profile_extending_a_packaged_one(pso: Any, tmp_path: Path) -> None:
    p = tmp_path / "mine.yaml"
    p.write_text(
        "profile_format: 1\nname: mine\nextends: nz-default\nthresholds:\n  recommend: 99\n"
    )
    r = pso("assess", RAMSI, "--profile", str(p), "-f", "json", *AS_OF)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["profile"]["name"] == "mine"


def test_malformed_profile_exits_4(pso: Any, tmp_path: Path) -> None:
    p = tmp_path / "broken.yaml"
    p.write_text("profile_format: 1\nname: x\nweights:\n  strategic: lots\n")
    r = pso("assess", RAMSI, "--profile", str(p), *AS_OF)
    assert r.exit_code == 4
    assert f"{p}:4:14:" in r.stderr


def test_rule_pack_that_fails_to_import_exits_4(pso: Any, tmp_path: Path) -> None:
    pack = tmp_path / "pack.py"
    pack.write_text("raise RuntimeError('nope')\n")
    r = pso("assess", RAMSI, "--rules", str(pack), *AS_OF)
    assert r.exit_code == 4
    assert "rule pack failed to import: RuntimeError: nope" in r.stderr


def test_output_refused_when_it_names_an_input(pso: Any, tmp_path: Path, repo_root: Path) -> None:
    target = tmp_path / "p.yaml"
    original = (repo_root / RAMSI).read_bytes()
    target.write_bytes(original)
    r = pso("assess", str(target), "--output", str(target), *AS_OF)
    assert r.exit_code == 4
    assert "--output names an input file" in r.stderr
    assert target.read_bytes() == original
    r = pso("assess", str(target), "-o", f"json:{target}", *AS_OF)
    assert r.exit_code == 4
    assert target.read_bytes() == original


def test_output_refused_when_it_is_a_directory(pso: Any, tmp_path: Path) -> None:
    r = pso("assess", RAMSI, "-o", str(tmp_path), *AS_OF)
    assert r.exit_code == 4
    assert "is a directory" in r.stderr


def test_several_outputs_in_one_run(pso: Any, tmp_path: Path) -> None:
    j, s = tmp_path / "r.json", tmp_path / "r.sarif"
    r = pso("assess", RAMSI, "-o", f"json:{j}", "-o", f"sarif:{s}", *AS_OF)
    assert r.exit_code == 0
    assert json.loads(j.read_text())["assessments"][0]["path"] == RAMSI
    assert json.loads(s.read_text())["version"] == "2.1.0"
    assert "RECOMMEND WITH CONDITIONS" in r.stdout  # the text brief still goes to stdout


def test_unprefixed_output_replaces_stdout(pso: Any, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    r = pso("assess", RAMSI, "-f", "json", "-o", str(out), *AS_OF)
    assert r.exit_code == 0
    assert r.stdout == ""
    assert json.loads(out.read_text())["summary"]["total"] == 1


def test_stdin_with_filename(pso: Any, repo_root: Path) -> None:
    data = (repo_root / RAMSI).read_bytes()
    r = pso("assess", "-", "--stdin-filename", "in.yaml", "-f", "json", *AS_OF, input=data)
    assert r.exit_code == 0
    assert json.loads(r.stdout)["assessments"][0]["path"] == "in.yaml"


def test_directory_of_proposals(pso: Any, tmp_path: Path, repo_root: Path) -> None:
    for name in (RAMSI, NO_BASIS):
        (tmp_path / Path(name).name).write_bytes((repo_root / name).read_bytes())
    r = pso("assess", str(tmp_path), "-f", "json", *AS_OF)
    assert r.exit_code == 1
    names = [Path(a["path"]).name for a in json.loads(r.stdout)["assessments"]]
    assert names == ["no-legal-basis.yaml", "ramsi-2003.yaml"]


def test_no_files_found_exits_4(pso: Any, tmp_path: Path) -> None:
    r = pso("assess", str(tmp_path), *AS_OF)
    assert r.exit_code == 4
    assert "no proposal files found" in r.stderr


def test_commitments_file_as_a_proposal_is_invalid(pso: Any) -> None:
    r = pso("assess", "examples/commitments/nz-2016.yaml", "-f", "json", *AS_OF)
    assert r.exit_code == 3
    (a,) = json.loads(r.stdout)["assessments"]
    assert a["status"] == "invalid"


def test_config_file_supplies_defaults(
    pso: Any, tmp_path: Path, repo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pso.toml").write_text('format = "json"\nfail_on = "recommend-with-conditions"\n')
    (tmp_path / "p.yaml").write_bytes((repo_root / RAMSI).read_bytes())
    monkeypatch.chdir(tmp_path)
    r = pso("assess", "p.yaml", "--as-of", "2026-11-28")
    assert r.exit_code == 1
    assert json.loads(r.stdout)["fail_on"] == "recommend-with-conditions"
    r = pso("assess", "p.yaml", "--as-of", "2026-11-28", "--fail-on", "never", "-f", "jsonl")
    assert r.exit_code == 0
    assert len(r.stdout.splitlines()) == 1


def test_bad_config_file_exits_4(pso: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pso.toml").write_text("colour = 'blue'\n")
    monkeypatch.chdir(tmp_path)
    r = pso("assess", "x.yaml")
    assert r.exit_code == 4
    assert "unknown setting 'colour'" in r.stderr


def test_debug_flag_is_accepted(pso: Any) -> None:
    assert pso("--debug", "assess", RAMSI, *AS_OF).exit_code == 0


def test_output_format_follows_the_extension_unless_format_is_given(
    pso: Any, tmp_path: Path
) -> None:
    sarif, xml = tmp_path / "r.sarif", tmp_path / "r.xml"
    pso("assess", "examples/ramsi-2003.yaml", "-o", str(sarif), "--as-of", "2003-07-20")
    assert json.loads(sarif.read_text())["version"] == "2.1.0"
    pso("assess", "examples/ramsi-2003.yaml", "-o", str(xml), "-f", "json", "--as-of", "2003-07-20")
    assert json.loads(xml.read_text())["schema_version"] == 2  # the value model's report


def test_a_huge_jobs_count_is_a_usage_error(pso: Any) -> None:
    r = pso("assess", RAMSI, EMPTY, "--jobs", "99999999999999999999", *AS_OF)
    assert r.exit_code == 2
    assert "--jobs" in r.stderr and "Traceback" not in r.stderr


def test_a_huge_max_bytes_with_stdin_reads_only_what_arrives(pso: Any) -> None:
    """--max-bytes 99999999999 must not allocate the limit up front: reading a real pipe
    for max_bytes + 1 at once was a MemoryError (exit 70)."""
    import subprocess
    import sys

    data = Path(RAMSI).read_bytes()
    args = ["assess", "-", "--max-bytes", "99999999999", "-f", "json", *AS_OF]
    done = subprocess.run(
        [sys.executable, "-m", "pso_cli", *args],
        input=data,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["assessments"][0]["status"] == "assessed"
    over = pso("assess", "-", "--max-bytes", str(len(data) - 1), "-f", "json", *AS_OF, input=data)
    assert over.exit_code == 3
    assert "over the" in json.loads(over.stdout)["assessments"][0]["errors"][0]["message"]
