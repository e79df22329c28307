"""Security: nothing a proposal or profile says runs as code, nothing reaches the network,
text from the YAML comes out literal in every format, and reports name only given paths.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "ramsi-2003.yaml"

NAME = "[bold red]x[/] <script>alert(1)</script> ](http://x) & *y* `c` | p"
HOST = "[red]Host[/red] <i>&amp;"
EVIL = f"""\
pso_format: 1
identity:
  name: {json.dumps(NAME)}
  id: evil-case
  summary: "[link=http://evil]click[/link] <b>bold</b> ](http://x) & # h"
location:
  host: {json.dumps(HOST)}
"""

UNSAFE_TAGS = [
    '!!python/object/apply:os.system ["touch {marker}"]',
    '!!python/object/apply:subprocess.call [["touch", "{marker}"]]',
    "!!python/object/new:os.system [touch {marker}]",
    '!!python/name:os.system ""',
    "!!python/module:os",
]


def _pso(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pso_cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("tag", UNSAFE_TAGS)
def test_unsafe_tag_in_a_proposal_never_runs(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    text = "pso_format: 1\nidentity:\n  name: X\n  id: x-case\n  summary: " + tag + "\n"
    (tmp_path / "p.yaml").write_text(text.format(marker=marker), encoding="utf-8")
    for args in (["validate", "p.yaml"], ["assess", "--no-config", "p.yaml"]):
        done = _pso(*args, cwd=tmp_path)
        assert done.returncode == 3, done.stderr
        assert "unsupported YAML tag" in done.stdout
        assert "Traceback" not in done.stdout + done.stderr
    assert not marker.exists()


@pytest.mark.parametrize("where", ["profile", "commitments"])
def test_unsafe_tag_in_a_profile_or_commitments_never_runs(tmp_path: Path, where: str) -> None:
    marker = tmp_path / "pwned"
    shutil.copy(EXAMPLE, tmp_path / "p.yaml")
    key = "profile_format: 1" if where == "profile" else "commitments_format: 1"
    evil = f'{key}\nname: !!python/object/apply:os.system ["touch {marker}"]\n'
    (tmp_path / "evil.yaml").write_text(evil, encoding="utf-8")
    done = _pso("assess", "--no-config", f"--{where}", "evil.yaml", "p.yaml", cwd=tmp_path)
    assert done.returncode == 4, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert "evil.yaml:" in done.stderr
    assert not marker.exists()


# --- text from the YAML is literal in every format -----------------------------------


def _assess(pso: Any, tmp_path: Path, fmt: str) -> str:
    (tmp_path / "evil.yaml").write_text(EVIL, encoding="utf-8")
    done = pso("assess", "--no-config", "-f", fmt, "--width", "200", str(tmp_path / "evil.yaml"))
    assert done.exit_code in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    return str(done.stdout)


def test_text_shows_rich_markup_literally(pso: Any, tmp_path: Path) -> None:
    out = _assess(pso, tmp_path, "text")
    assert NAME in out  # brackets kept: not read as [bold red] style markup
    assert HOST in out
    assert "\x1b[" not in out


def test_markdown_escapes_markup_html_and_links(pso: Any, tmp_path: Path) -> None:
    out = _assess(pso, tmp_path, "markdown")
    assert "<script>" not in out and "<i>" not in out
    assert not re.search(r"(?<!\\)\]\(http", out)  # the bracket is escaped: no link
    assert "&lt;script&gt;" in out
    assert "\\[bold red\\]" in out
    assert "&amp;amp;" in out  # an entity in the YAML is shown, not interpreted


def test_junit_is_well_formed_and_carries_the_text_literally(pso: Any, tmp_path: Path) -> None:
    out = _assess(pso, tmp_path, "junit")
    root = ET.fromstring(out)
    values = [p.get("value") for p in root.iter("property")]
    assert NAME in values
    assert "<script>" not in out


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_formats_are_valid_and_literal(pso: Any, tmp_path: Path, fmt: str) -> None:
    out = _assess(pso, tmp_path, fmt)
    doc = json.loads(out)
    if fmt == "json":
        assert doc["assessments"][0]["name"] == NAME


def test_jsonl_lines_are_each_valid_json(pso: Any, tmp_path: Path) -> None:
    out = _assess(pso, tmp_path, "jsonl")
    docs = [json.loads(line) for line in out.splitlines()]
    assert docs and all(d["path"].endswith("evil.yaml") for d in docs)


def test_github_annotations_escape_line_breaks_and_percent(pso: Any, tmp_path: Path) -> None:
    """A value echoed in an annotation cannot start a second workflow command."""
    (tmp_path / "a.yaml").write_text(
        "pso_format: 1\nidentity:\n  name: X\n  id: x-case\n  operation_type: '%0A::error::x'\n",
        encoding="utf-8",
    )
    done = pso("assess", "--no-config", "-f", "github", str(tmp_path / "a.yaml"))
    assert done.exit_code == 3
    lines = [line for line in str(done.stdout).splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("::error file=")
    assert "%0A::error::x" not in lines[0]


# --- reports name only the paths they were given --------------------------------------


def test_reports_hold_only_the_given_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "sub" / "p.yaml")
    (tmp_path / "sub" / "bad.yaml").write_text("pso_format: [\n", encoding="utf-8")
    for fmt in ("json", "sarif", "junit", "markdown", "jsonl", "text"):
        done = _pso("assess", "--no-config", "-f", fmt, "--width", "200", "sub", cwd=tmp_path)
        assert done.returncode == 3, done.stderr
        for text in (done.stdout, done.stderr):
            assert str(tmp_path) not in text, fmt
            assert str(REPO) not in text, fmt
            assert str(Path.home()) + "/" not in text, fmt
        if fmt == "json":
            paths = [a["path"] for a in json.loads(done.stdout)["assessments"]]
            assert sorted(paths) == ["sub/bad.yaml", "sub/p.yaml"]


# --- no network ------------------------------------------------------------------------


def test_no_network_access(pso: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every command runs with the socket layer made to fail loudly if touched."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> Any:
        attempts.append(repr(args)[:80])
        raise AssertionError("pso tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    out = tmp_path / "o"
    out.mkdir()
    ex = str(REPO / "examples")
    for args in (
        ["validate", ex],
        ["assess", "--no-config", "--jobs", "1", ex],
        ["assess", "--no-config", "--jobs", "1", "-f", "sarif", "-o", f"{out}/r.sarif", ex],
        ["assess", "--no-config", "--jobs", "1", "--sensitivity", str(EXAMPLE)],
        ["rules"],
        ["criteria", "list"],
        ["schema"],
    ):
        done = pso(*args)
        assert "network" not in str(done.stderr), args
        assert done.exit_code in (0, 1, 3), (args, done.stderr)
    assert attempts == []


# --- a checkout cannot make pso import its code ----------------------------------------

EVIL_PACK = "from pathlib import Path\nPath({marker!r}).write_text('ran')\nRULES = []\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pso.toml", 'rules = ["evil.py"]\n'),
        ("pyproject.toml", '[tool.pso]\nrules = ["evil.py"]\n'),
    ],
)
def test_a_discovered_settings_file_cannot_run_code(
    pso: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str
) -> None:
    """A pull request adding pso.toml and evil.py must not run evil.py in CI: the run
    stops (exit 4) at the located `rules` key, and says how to opt in."""
    marker = tmp_path / "pwned"
    (tmp_path / "evil.py").write_text(EVIL_PACK.format(marker=str(marker)))
    (tmp_path / name).write_text(text)
    (tmp_path / "proposals").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "proposals" / "p.yaml")
    monkeypatch.chdir(tmp_path / "proposals")  # found upwards, as in a CI checkout
    done = pso("assess", ".", "-f", "sarif")
    assert done.exit_code == 4, done.stderr
    assert not marker.exists()
    line = 2 if name == "pyproject.toml" else 1
    assert done.stderr.startswith(f"{tmp_path / name}:{line}:1: discovered configuration cannot")
    assert done.stdout == ""
    # named explicitly, it still needs the opt-in; with it the pack loads
    monkeypatch.chdir(tmp_path)
    assert pso("assess", "proposals", "--config", name).exit_code == 4
    assert not marker.exists()
    opted = pso("assess", "proposals", "--config", name, "--allow-config-rules", "-f", "json")
    assert opted.exit_code in (0, 1), opted.stderr
    assert marker.exists()
    marker.unlink()
    by_env = pso(
        "assess", "proposals", "--config", name, "-f", "json", env={"PSO_ALLOW_CONFIG_RULES": "1"}
    )
    assert by_env.exit_code in (0, 1), by_env.stderr
    assert marker.exists()


# --- file names are text from outside too ----------------------------------------------

NASTY_NAMES = {
    "newline-command": "x\n::error file=x.yaml,line=1::INJECTED\n.yaml",
    "osc-title": "\x1b]0;owned\x07\x1b[31mred.yaml",
    "not-utf8": os.fsdecode(b"caf\xe9.yaml"),
    "markup": "[bold red]x[-] [link=http:--e]y.yaml",
    "bidi": "abc\u202egpj.yaml",
}
FORMATS = ["text", "json", "jsonl", "sarif", "junit", "markdown", "github", "html"]


def _nasty_dir(tmp_path: Path, good: bool) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for key, name in NASTY_NAMES.items():
        target = folder / name
        if good:
            shutil.copy(EXAMPLE, target)
        else:
            target.write_text(f"pso_format: 1\nidentity: {key}\n", encoding="utf-8")
    return folder


def _raw_controls(text: str) -> list[str]:
    return [
        c for c in text if c != "\n" and (ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c == "\u202e")
    ]


@pytest.mark.parametrize("good", [True, False], ids=["assessed", "invalid"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_file_names_are_escaped_in_every_format(
    pso: Any, tmp_path: Path, fmt: str, good: bool
) -> None:
    """No format crashes on a name that is not UTF-8 (SARIF and -o exited 70); none lets a
    name break a line, forge a workflow command, reach the terminal as ESC/OSC, or be read
    as rich markup; in JSON the name is an escaped, valid UTF-8 string."""
    folder = _nasty_dir(tmp_path, good)
    out = tmp_path / "report.out"
    args = ["assess", "--no-config", "--as-of", "2003-07-20", "-f", fmt, "--width", "300"]
    done = pso(*args, str(folder))
    to_file = pso(*args, str(folder), "-o", str(out))
    assert done.exit_code == to_file.exit_code == (0 if good else 3), done.stderr
    assert "Traceback" not in done.stderr + to_file.stderr
    written = out.read_bytes().decode("utf-8")  # strict: valid UTF-8
    for text in (done.stdout, written):
        assert not _raw_controls(text), fmt
        assert "INJECTED\n" not in text and "\n::error file=x.yaml" not in text
        assert "xe9.yaml" in text  # the byte shown escaped (\\xe9, %5Cxe9), not dropped
    if fmt in ("json", "jsonl"):
        docs = (
            [json.loads(x) for x in written.splitlines()]
            if fmt == "jsonl"
            else [json.loads(written)]
        )
        paths = {a["path"] for d in docs for a in d.get("assessments", [d])}
        assert f"{folder.name}/x\\n::error file=x.yaml,line=1::INJECTED\\n.yaml" in {
            p.removeprefix(str(tmp_path) + "/") for p in paths
        }
    if fmt == "github":
        assert all(line.startswith("::") for line in written.splitlines())
    if fmt == "text":
        assert "[bold red]x[-]" in written.replace("\n", "")


def test_validate_prints_names_escaped_one_line_each(pso: Any, tmp_path: Path) -> None:
    folder = _nasty_dir(tmp_path, good=False)
    done = pso("validate", str(folder))
    assert done.exit_code == 3
    lines = done.stdout.splitlines()
    assert len(lines) == len(NASTY_NAMES) + 1  # one error line each, then the summary
    assert not _raw_controls(done.stdout)
    assert not any(line.startswith("::") for line in lines)
    assert any("x\\n::error file=x.yaml,line=1::INJECTED\\n.yaml:2:11:" in line for line in lines)
    assert any("\\x1b]0;owned\\x07\\x1b[31mred.yaml" in line for line in lines)


def test_sarif_uri_of_a_scheme_like_name_is_a_relative_reference(
    pso: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLE, tmp_path / "javascript:alert(1).yaml")
    done = pso("assess", "--no-config", "-f", "sarif", "javascript:alert(1).yaml")
    doc = json.loads(done.stdout)
    uris = {a["location"]["uri"] for a in doc["runs"][0]["artifacts"]}
    assert uris == {"javascript%3Aalert(1).yaml"}


def test_json_lines_escape_the_unicode_line_separators(pso: Any, tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "name: Regional Assistance Mission to Solomon Islands (RAMSI)",
        'name: "Line\\u2028separator and\\u2029paragraph"',
    )
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    done = pso("assess", "--no-config", "-f", "jsonl", str(tmp_path / "p.yaml"))
    assert "\u2028" not in done.stdout and "\u2029" not in done.stdout
    assert "\\u2028" in done.stdout
    [line] = done.stdout.splitlines()  # str.splitlines() breaks at U+2028 too
    assert json.loads(line)["name"] == "Line\u2028separator and\u2029paragraph"


# --- a rule pack cannot end the run from its import ------------------------------------


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("import sys\nsys.exit(0)\n", "rule pack failed to import: SystemExit: 0"),
        ("raise KeyboardInterrupt\n", "rule pack failed to import: KeyboardInterrupt"),
        ("raise GeneratorExit\n", "rule pack failed to import: GeneratorExit"),
    ],
)
def test_a_pack_that_exits_at_import_is_a_plugin_error(
    pso: Any, tmp_path: Path, body: str, fragment: str
) -> None:
    """sys.exit(0) at import ended the run with exit 0 and an empty report."""
    pack = tmp_path / "pack.py"
    pack.write_text(body, encoding="utf-8")
    done = pso("assess", "--no-config", "--rules", str(pack), "-f", "json", str(EXAMPLE))
    assert done.exit_code == 4, done.stderr
    assert done.stderr == f"{pack}:1:1: {fragment}\n"
    assert done.stdout == ""


def test_a_pack_whose_metadata_holds_control_characters_is_refused(
    pso: Any, tmp_path: Path
) -> None:
    pack = tmp_path / "pack.py"
    pack.write_text(
        "from pso_cli.rules.api import Consideration, Reference, rule\n"
        "@rule(code='ESC-001', name='esc-rule', consideration=Consideration.STRATEGIC,\n"
        "      title='\\x1b]0;owned\\x07Title', rationale='r', reference=Reference('x'))\n"
        "def r(p, ctx):\n    return []\nRULES = [r]\n",
        encoding="utf-8",
    )
    for args in (["assess", "--no-config", str(EXAMPLE)], ["rules"], ["explain", "ESC-001"]):
        done = pso(*args, "--rules", str(pack))
        assert done.exit_code == 4, (args, done.stderr)
        assert "ESC-001: its text holds the control character U+001B" in done.stderr
        assert "\x1b" not in done.stdout + done.stderr
