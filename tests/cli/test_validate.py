"""`pso validate`: text and JSON output, exit codes, stdin, directories."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

INVALID = sorted(
    p.name for p in (Path(__file__).resolve().parents[2] / "tests/fixtures/invalid").iterdir()
)
GOOD = "tests/rules/base.yaml"
LOCATED = re.compile(r"^tests/fixtures/invalid/[^:]+:\d+:\d+: ")

# Where each bundled invalid example is reported, and a fragment of the message.
EXPECTED = {
    "alias-bomb.yaml": (8, 8, "aliases"),
    "bad-date.yaml": (8, 15, "location.start_date"),
    "chapter-vi-force.yaml": (
        12,
        25,
        "legal_basis.security_council[0].authorises_force: a Chapter VI resolution authorises"
        " no force",
    ),
    "duplicate-key.yaml": (9, 3, "duplicate key 'location.host' (first defined at line 7)"),
    "empty.yaml": (1, 1, "file is empty"),
    "format-version.yaml": (2, 13, "unsupported format version 3"),
    "merge-key.yaml": (10, 3, "merge keys"),
    "missing-required.yaml": (3, 1, "missing required field 'id' in identity"),
    "nan-number.yaml": (8, 16, "expected a whole number"),
    "resolution-twice.yaml": (
        17,
        16,
        "legal_basis.security_council[2].chapter: resolution 2001 is listed twice with"
        " different answers: legal_basis.security_council[0] (line 9) says chapter vii,"
        " legal_basis.security_council[2] (line 16) says chapter vi",
    ),
    "not-utf8.yaml": (4, 11, "not valid UTF-8 (byte 0xe9)"),
    "several-documents.yaml": (6, 1, "several YAML documents"),
    "syntax-error.yaml": (8, 9, "YAML syntax error"),
    "too-deep.yaml": (7, 75, "nesting deeper than 64 levels"),
    "top-level-list.yaml": (2, 1, "top level is a list"),
    "unknown-enum.yaml": (7, 16, "did you mean 'un-led'?"),
    "unknown-key.yaml": (6, 1, "did you mean 'leadership'?"),
    "unsafe-tag.yaml": (6, 12, "unsupported YAML tag"),
    "wrong-type.yaml": (8, 20, "expected a whole number"),
}
WRONG_LOCATION: dict[str, str] = {}


def test_every_invalid_example_is_covered() -> None:
    assert set(INVALID) == set(EXPECTED)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=WRONG_LOCATION[n]))
        if n in WRONG_LOCATION
        else n
        for n in INVALID
    ],
)
def test_invalid_example_exact_location(pso: Any, in_repo: Path, name: str) -> None:
    r = pso("validate", "--quiet", f"tests/fixtures/invalid/{name}")
    assert r.exit_code == 3
    line, col, fragment = EXPECTED[name]
    first = r.stdout.splitlines()[0]
    assert first.startswith(f"tests/fixtures/invalid/{name}:{line}:{col}: "), first
    assert fragment in first


def test_every_invalid_example_exits_3_with_located_messages(pso: Any, in_repo: Path) -> None:
    r = pso("validate", "--quiet", "tests/fixtures/invalid")
    assert r.exit_code == 3
    lines = r.stdout.splitlines()
    assert lines, r.stderr
    for line in lines:
        assert LOCATED.match(line), line
    # Found by a scan, an empty file is no pso document: skipped with a note, not an error
    reported = {f"tests/fixtures/invalid/{n}" for n in INVALID if n != "empty.yaml"}
    assert {line.split(":", 1)[0] for line in lines} == reported
    assert "pso: skipped tests/fixtures/invalid/empty.yaml: not a pso document" in r.stderr
    for name in INVALID:
        one = pso("validate", f"tests/fixtures/invalid/{name}")
        assert one.exit_code == 3, name


def test_valid_file_text(pso: Any, in_repo: Path) -> None:
    r = pso("validate", GOOD)
    assert r.exit_code == 0
    assert r.stdout == f"{GOOD}: valid\n1 file checked: 1 valid, 0 invalid\n"


def test_quiet_prints_nothing_when_valid(pso: Any, in_repo: Path) -> None:
    r = pso("validate", "-q", GOOD)
    assert (r.exit_code, r.stdout) == (0, "\n")


def test_mixed_files_exit_3_and_report_both(pso: Any, in_repo: Path) -> None:
    r = pso("validate", GOOD, "tests/fixtures/invalid/empty.yaml")
    assert r.exit_code == 3
    assert f"{GOOD}: valid" in r.stdout
    assert "tests/fixtures/invalid/empty.yaml:1:1: file is empty" in r.stdout
    assert r.stdout.endswith("2 files checked: 1 valid, 1 invalid\n")


def test_json_output(pso: Any, in_repo: Path) -> None:
    r = pso("validate", "--format", "json", GOOD, "tests/fixtures/invalid/unknown-key.yaml")
    assert r.exit_code == 3
    doc = json.loads(r.stdout)
    assert doc["schema_version"] == 1
    assert doc["valid"] is False
    good, bad = doc["files"]
    assert good == {"path": GOOD, "kind": "proposal", "valid": True, "errors": [], "warnings": []}
    assert bad["valid"] is False
    (err,) = bad["errors"]
    assert err == {
        "line": 6,
        "column": 1,
        "field": "leadershp",
        "code": "extra_forbidden",
        "message": "unknown key 'leadershp'; did you mean 'leadership'?",
    }


def test_json_output_all_valid(pso: Any, in_repo: Path) -> None:
    r = pso("validate", "-f", "json", GOOD)
    assert r.exit_code == 0
    assert json.loads(r.stdout)["valid"] is True


def test_bad_format_is_a_usage_error(pso: Any, in_repo: Path) -> None:
    r = pso("validate", "--format", "xml", GOOD)
    assert r.exit_code == 2
    assert "text or json" in r.stderr


def test_no_arguments_shows_help_as_usage_error(pso: Any) -> None:
    r = pso("validate")
    assert r.exit_code == 2
    assert "Usage" in r.stdout + r.stderr


def test_stdin_with_filename(pso: Any, repo_root: Path) -> None:
    data = (repo_root / "tests/fixtures/invalid/unknown-enum.yaml").read_bytes()
    r = pso("validate", "-", "--stdin-filename", "from-editor.yaml", input=data)
    assert r.exit_code == 3
    assert r.stdout.startswith("from-editor.yaml:7:16: leadership.arrangement: unknown value")


def test_stdin_valid(pso: Any, repo_root: Path) -> None:
    r = pso("validate", "-", input=(repo_root / GOOD).read_bytes())
    assert r.exit_code == 0
    assert r.stdout.startswith("<stdin>: valid")


def test_stdin_over_max_bytes(pso: Any) -> None:
    r = pso("validate", "-", "--max-bytes", "10", input=b"a: 1\n" * 10)
    assert r.exit_code == 3
    assert "<stdin>:1:1: input over the 10-byte limit" in r.stdout


def test_directory_recursion(pso: Any, tmp_path: Path, repo_root: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "deep").mkdir()
    good = (repo_root / GOOD).read_bytes()
    (tmp_path / "a" / "one.yaml").write_bytes(good)
    (tmp_path / "a" / "deep" / "two.yml").write_bytes(good)
    (tmp_path / "a" / "deep" / "bad.yaml").write_bytes(b"- pso_format: 2\n")
    (tmp_path / "a" / "deep" / "other.yaml").write_bytes(b"- x\n")  # not pso's: skipped
    (tmp_path / "a" / "readme.txt").write_text("not yaml")
    r = pso("validate", str(tmp_path))
    assert r.exit_code == 3
    assert "3 files checked: 2 valid, 1 invalid" in r.stdout
    assert f"{tmp_path}/a/deep/bad.yaml:1:1: top level is a list" in r.stdout
    assert f"pso: skipped {tmp_path}/a/deep/other.yaml: not a pso document" in r.stderr
    assert "readme" not in r.stdout + r.stderr


def test_directory_named_x_yaml_given_explicitly(pso: Any, tmp_path: Path) -> None:
    d = tmp_path / "x.yaml"
    d.mkdir()
    r = pso("validate", str(d))
    assert r.exit_code == 3
    assert f"{d}:1:1: is a directory, expected a YAML file" in r.stdout


def test_no_files_found(pso: Any, tmp_path: Path) -> None:
    r = pso("validate", str(tmp_path))
    assert r.exit_code == 3
    assert "no proposal files found" in r.stderr


def test_missing_file(pso: Any, tmp_path: Path) -> None:
    r = pso("validate", str(tmp_path / "nope.yaml"))
    assert r.exit_code == 3
    assert f"{tmp_path}/nope.yaml:1:1: file not found" in r.stdout


def test_max_bytes_option(pso: Any, in_repo: Path) -> None:
    r = pso("validate", "--max-bytes", "100", GOOD)
    assert r.exit_code == 3
    assert "over the 100-byte limit" in r.stdout


def test_commitments_and_profiles_validate_by_kind(pso: Any, in_repo: Path) -> None:
    r = pso("validate", "examples/commitments/nz-2016.yaml", "criteria/nz-default.yaml")
    assert r.exit_code == 0, r.stdout
    assert "examples/commitments/nz-2016.yaml: valid (commitments)" in r.stdout
    assert "criteria/nz-default.yaml: valid (profile)" in r.stdout


def test_all_bundled_proposals_validate(pso: Any, in_repo: Path) -> None:
    r = pso("validate", "--quiet", "examples/*.yaml", "examples/history")
    assert r.exit_code == 0, r.stdout
    assert r.stdout.strip() == ""


ACCEPTED = (
    b"accepted_concerns:\n"
    b"  - rule: LEG-050\n    justification: j\n    approver: a\n    date: 2030-06-01\n"
    b"  - rule: LEG-003\n    justification: j\n    approver: a\n    date: 2030-06-01\n"
    b"  - rule: STR-007\n    justification: j\n    approver: a\n    date: 2030-06-01\n"
    b"  - rule: LEG-005\n    justification: j\n    approver: a\n    date: 2030-01-01\n"
    b"    expires: 2030-02-01\n"
    b"  - rule: status-of-forces\n    justification: j\n    approver: a\n    date: 2030-06-01\n"
)


@pytest.fixture
def accepting(tmp_path: Path, repo_root: Path) -> Path:
    """base.yaml (decided 2030-06-20) with acceptances: an unknown code, a retired code
    with a successor, one folded away, one expired by the decision date, one by name."""
    path = tmp_path / "p.yaml"
    path.write_bytes((repo_root / GOOD).read_bytes() + ACCEPTED)
    return path


def test_an_unknown_or_retired_rule_code_is_a_located_warning(pso: Any, accepting: Path) -> None:
    r = pso("validate", str(accepting))
    assert r.exit_code == 0, "a warning, not an error"
    base_lines = len((Path(__file__).resolve().parents[2] / GOOD).read_text().splitlines())
    warnings = [x for x in r.stdout.splitlines() if ": warning: " in x]
    assert [w.split(": warning: ")[0] for w in warnings] == [
        f"{accepting}:{base_lines + n}:11" for n in (2, 6, 10, 14)
    ]
    unknown, retired, folded, expired = (w.split(": warning: ")[1] for w in warnings)
    assert unknown.startswith("no rule has the code or name 'LEG-050'")
    assert "retired" in retired and "accept LEG-001's concern instead" in retired
    assert "STR-007 is retired" in folded and "never applied" in folded
    assert "expired on 2030-02-01, before 2030-06-20" in expired
    assert r.stdout.endswith("1 file checked: 1 valid, 0 invalid; 4 warnings\n")


def test_warnings_are_printed_with_quiet_and_in_json(pso: Any, accepting: Path) -> None:
    assert pso("validate", "-q", str(accepting)).stdout.count(": warning: ") == 4
    doc = json.loads(pso("validate", "-f", "json", str(accepting)).stdout)
    assert doc["valid"] is True
    (f,) = doc["files"]
    assert [w["code"] for w in f["warnings"]] == [
        "unknown-rule",
        "retired-rule",
        "retired-rule",
        "expired-acceptance",
    ]
    assert f["warnings"][0]["field"] == "accepted_concerns[0].rule"


def test_a_rule_pack_code_is_known_with_rules(pso: Any, tmp_path: Path, repo_root: Path) -> None:
    pack = tmp_path / "mypack.py"
    pack.write_text(
        "from pso_cli.rules.api import Consideration, Reference, rule, info\n"
        "@rule(code='LOC-001', name='local-rule', consideration=Consideration.AGENCIES,\n"
        "      title='A local rule', rationale='Because.', reference=Reference('Local'))\n"
        "def local(p, ctx):\n"
        "    yield info('identity', 'hello')\n"
        "RULES = [local]\n"
    )
    path = tmp_path / "p.yaml"
    path.write_bytes(
        (repo_root / GOOD).read_bytes()
        + b"accepted_concerns:\n  - {rule: LOC-001, justification: j, approver: a, "
        b"date: 2030-06-01}\n"
    )
    assert ": warning: no rule has the code or name 'LOC-001'" in pso("validate", str(path)).stdout
    r = pso("validate", str(path), "--rules", str(pack))
    assert r.exit_code == 0 and ": warning: " not in r.stdout
