"""The installed console script, run as a real process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pso_cli import __version__

REPO = Path(__file__).resolve().parents[2]


def pso_argv() -> list[str]:
    script = shutil.which("pso") or str(Path(sys.executable).with_name("pso"))
    if Path(script).exists():
        return [script]
    return [sys.executable, "-m", "pso_cli"]


def run(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PSO_DEBUG", None)
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [*pso_argv(), *args], cwd=REPO, capture_output=True, text=True, timeout=60, env=env, **kw
    )


def test_version() -> None:
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout == f"pso {__version__}\n"


def test_python_dash_m() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "pso_cli", "--version"], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0
    assert r.stdout.strip() == f"pso {__version__}"


def test_assess_exit_codes() -> None:
    ok = run("assess", "examples/ramsi-2003.yaml", "--as-of", "2026-11-28", "--no-config")
    assert ok.returncode == 0, ok.stderr
    assert "Traceback" not in ok.stderr
    bad = run("assess", "examples/no-legal-basis.yaml", "--as-of", "2026-11-28", "--no-config")
    assert bad.returncode == 1


def test_config_error_exits_4_in_one_line() -> None:
    r = run("assess", "examples/ramsi-2003.yaml", "--profile", "nope", "--no-config")
    assert r.returncode == 4
    assert "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0


def test_usage_error_exits_2() -> None:
    r = run("assess", "--no-such-option")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 proposals (~20 KB of report each): far more than a pipe buffer holds."""
    d = tmp_path_factory.mktemp("many")
    data = (REPO / "examples/ramsi-2003.yaml").read_bytes()
    for i in range(12):
        (d / f"p{i:02d}.yaml").write_bytes(data)
    return d


_HEAD_1: dict[str, tuple[int, str]] = {}


def head_1(directory: Path, fmt: str) -> tuple[int, str]:
    """`pso assess DIR -f FMT | head -1` (run once per format): pso's exit code, stderr."""
    if fmt not in _HEAD_1:
        _HEAD_1[fmt] = _head_1(directory, fmt)
    return _HEAD_1[fmt]


def _head_1(directory: Path, fmt: str) -> tuple[int, str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PSO_DEBUG", None)
    args = ["assess", str(directory), "-f", fmt, "--as-of", "2026-11-28", "--no-config"]
    proc = subprocess.Popen(
        [*pso_argv(), *args, "--fail-on", "never", "-j", "1"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `head -1` exiting
    stderr = proc.stderr.read().decode()
    return proc.wait(timeout=60), stderr


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_broken_pipe_is_quiet(many: Path, fmt: str) -> None:
    """`pso assess ... | head -1`: the reader goes away; pso ends without a traceback."""
    code, stderr = head_1(many, fmt)
    assert "Traceback" not in stderr, stderr
    assert "internal error" not in stderr, stderr
    assert code in (0, 1), (code, stderr)


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_broken_pipe_exits_0(many: Path, fmt: str) -> None:
    code, _ = head_1(many, fmt)
    assert code == 0


def _on_a_terminal(*args: str, no_color: bool) -> str:
    """Run pso with its stdout on a pseudo-terminal (80 columns) and return what it wrote."""
    import pty
    import select

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PSO_DEBUG")}
    env |= {"COLUMNS": "80", "TERM": "xterm-256color", **({"NO_COLOR": "1"} if no_color else {})}
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [*pso_argv(), *args], cwd=REPO, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    out = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        try:
            chunk = os.read(leader, 65536) if ready else b""
        except OSError:  # EIO: the child has closed the terminal
            chunk = b""
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(leader)
    return out.decode("utf-8")


def test_a_terminal_gets_colour_and_no_color_plain_text() -> None:
    args = ("assess", "examples/ramsi-2003.yaml", "--no-config")
    assert "\x1b[" in _on_a_terminal(*args, no_color=False)
    plain = _on_a_terminal(*args, no_color=True)
    assert "\x1b[" not in plain
    assert "\nRECOMMEND" in plain


def test_piped_text_is_80_columns_without_trailing_spaces() -> None:
    for args in (("examples/ramsi-2003.yaml",), ("--detail", "examples/ramsi-2003.yaml"),
                 ("examples/",)):  # fmt: skip
        r = run("assess", *args, "--no-config", "--fail-on", "never")
        assert r.returncode in (0, 3), r.stderr
        lines = r.stdout.splitlines()
        assert [x for x in lines if x != x.rstrip()] == [], args
        assert all(len(x) <= 80 for x in lines), args
        assert "…" not in r.stdout, "nothing is cut"
    brief = run("assess", "examples/ramsi-2003.yaml", "--no-config").stdout
    assert len(brief.splitlines()) <= 40
