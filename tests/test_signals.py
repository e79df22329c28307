"""Outputs and signals: Ctrl-C, a closed stdout, unwritable and forbidden outputs.

Ctrl-C is simulated as a terminal sends it: SIGINT to the whole process group of a
`python -m pso_cli assess` child, once a deliberately slow rule (it sleeps 0.2 s per
proposal, and leaves a marker file so the test knows the batch is busy) is running.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pso_cli.engine.batch import CHUNK, POOL_MIN_FILES

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "ramsi-2003.yaml"
SETPRIV = shutil.which("setpriv")

SLOW_PACK = """\
import time
from pathlib import Path
from typing import Any

from pso_cli.rules.api import Consideration, Reference, rule

@rule(code="SLW-001", name="slow-rule", consideration=Consideration.STRATEGIC,
      title="A slow rule", rationale="Test.", reference=Reference("Test"))
def slow(p, ctx):
    Path({marker!r}).touch()
    time.sleep(0.2)
    return []

RULES = [slow]
"""


def _env() -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return env


def _batch(tmp_path: Path, count: int) -> tuple[list[str], Path]:
    """`count` proposals and a slow rule pack; returns (assess arguments, marker path)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(count):
        shutil.copy(EXAMPLE, inputs / f"p{i:03d}.yaml")
    marker = tmp_path / "busy"
    pack = tmp_path / "slow_pack.py"
    pack.write_text(SLOW_PACK.format(marker=str(marker)), encoding="utf-8")
    args = ["assess", "--no-config", "--rules", str(pack), "-f", "json", str(inputs)]
    return args, marker


def _interrupt(
    args: list[str], marker: Path, cwd: Path, sig: int = signal.SIGINT, group: bool = True
) -> tuple[int, str, str, int]:
    """Start pso, wait until a rule runs, press Ctrl-C (or send `sig` to the parent alone
    when not `group`); (exit, stdout, stderr, pgid)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "pso_cli", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the batch never started"
        time.sleep(0.05)
    time.sleep(0.3)
    if group:
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:  # pragma: no cover - the failure being tested
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        pytest.fail(f"pso did not stop after Ctrl-C: {err.decode()[-2000:]}")
    return proc.returncode, out.decode(), err.decode(), proc.pid


def _assert_interrupted(code: int, err: str, out_dir: Path) -> None:
    assert code == 130, err
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if line.strip()] == ["pso: interrupted"]
    assert not (out_dir / "out.json").exists()
    assert not list(out_dir.glob(".pso-*.tmp"))


def _group_gone(pgid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_ctrl_c_sequential_batch_leaves_no_output(tmp_path: Path) -> None:
    args, marker = _batch(tmp_path, 20)
    code, _, err, pgid = _interrupt(
        [*args, "--jobs", "1", "--output", "out.json"], marker, tmp_path
    )
    _assert_interrupted(code, err, tmp_path)
    assert _group_gone(pgid)


def test_ctrl_c_in_a_process_pool_is_quiet_and_stops_the_workers(tmp_path: Path) -> None:
    """Workers ignore SIGINT (no traceback each); the parent stops them and exits 130
    without waiting for the queued work."""
    args, marker = _batch(tmp_path, POOL_MIN_FILES)
    # One worker more than there are chunks: one sits idle in the queue, where an
    # unhandled SIGINT would print "Process ForkProcess-N: Traceback ...".
    jobs = str(-(-POOL_MIN_FILES // CHUNK) + 1)
    started = time.monotonic()
    code, _, err, pgid = _interrupt(
        [*args, "--jobs", jobs, "--output", "out.json"], marker, tmp_path
    )
    _assert_interrupted(code, err, tmp_path)
    assert _group_gone(pgid), "worker processes outlived the interrupted run"
    # The whole queued batch would take POOL_MIN_FILES * 0.2 s / 2 workers and more.
    assert time.monotonic() - started < 60


def test_ctrl_c_while_streaming_text_to_stdout(tmp_path: Path) -> None:
    args, marker = _batch(tmp_path, 20)
    args = [a if a != "json" else "text" for a in args]
    code, _, err, _ = _interrupt([*args, "--jobs", "1"], marker, tmp_path)
    _assert_interrupted(code, err, tmp_path)


def test_interrupt_inside_the_atomic_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pso_cli.render import files

    target = tmp_path / "out.json"

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomic(str(target), "{}" * 100_000)
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_keeps_the_old_file_until_the_new_one_is_complete(tmp_path: Path) -> None:
    from pso_cli.render.files import write_atomic

    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    seen = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append((Path(src).name, Path(src).read_text(encoding="utf-8"), target.read_text()))
        real_replace(src, dst)

    os_replace = os.replace
    try:
        os.replace = spy
        write_atomic(str(target), "new")
    finally:
        os.replace = os_replace
    [(tmp_name, tmp_text, during)] = seen
    assert tmp_name.startswith(".pso-") and tmp_name.endswith(".tmp")
    assert (tmp_text, during) == ("new", "old")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


# --- a closed stdout: `pso assess examples/ | head -1` -------------------------------

# examples/ holds a commitments file: found in a directory it is skipped with this note
# (issue 17, file kinds), on stderr, whatever happens to stdout. Nothing else may be there.
SKIPPED_NOTE = (
    b"pso: skipped examples/commitments/nz-2016.yaml: a commitments file, not a proposal "
    b"(use it with --commitments)\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--no-config", "examples/"],
        ["assess", "--no-config", "-f", "jsonl", "examples/"],
        ["assess", "--no-config", "-f", "json", "examples/"],
        ["assess", "--no-config", "-f", "markdown", "examples/"],
        ["validate", "examples/"],
        ["rules"],
        ["explain", "LEG-001"],
        ["compare", "examples/ramsi-2003.yaml", "examples/tonga-2006.yaml"],
        ["calibrate", "examples/history"],
    ],
    ids=lambda a: "-".join(a[:1] + [x for x in a[1:] if x.startswith("-f")] + a[-1:])[:40],
)
def test_closed_stdout_ends_quietly(args: list[str]) -> None:
    """The reader has gone before the first byte (the worst case of `| head -1`)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pso_cli", *args],
            cwd=REPO,
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=_env(),
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 0
    assert done.stderr == (SKIPPED_NOTE if args[0] == "assess" else b"")


def test_head_dash_1_through_a_real_pipe() -> None:
    """`pso assess examples/ | head -1`: one line out, no traceback, pso ends."""
    pso = subprocess.Popen(
        [sys.executable, "-m", "pso_cli", "assess", "--no-config", "examples/"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert pso.stdout is not None
    first = pso.stdout.readline()
    pso.stdout.close()  # head exits after one line
    _, err = pso.communicate(timeout=120)
    assert first.strip()
    assert b"Traceback" not in err
    assert err == SKIPPED_NOTE
    assert pso.returncode in (0, 1, 3)  # finished before noticing, or stopped quietly (0)


# --- outputs that cannot or must not be written --------------------------------------


def _pso(*args: str, cwd: Path, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "pso_cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )


def _no_dac_override() -> tuple[str, ...]:
    """Root writes into mode-0555 directories; drop that power so the test is real."""
    if os.geteuid() != 0:
        return ()
    if SETPRIV is None:
        pytest.skip("running as root without setpriv: a read-only directory is writable")
    return (SETPRIV, "--bounding-set=-dac_override,-dac_read_search", "--")


def test_read_only_output_directory_is_a_clear_error(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "p.yaml")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    tmp_path.chmod(0o755)
    try:
        done = _pso(
            "assess",
            "--no-config",
            "p.yaml",
            "--output",
            "json:locked/out.json",
            cwd=tmp_path,
            prefix=_no_dac_override(),
        )
    finally:
        locked.chmod(0o755)
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == "locked/out.json:1:1: cannot write here: Permission denied"
    assert list(locked.iterdir()) == []


def test_output_into_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "p.yaml")
    done = _pso("assess", "--no-config", "p.yaml", "-o", "json:nowhere/out.json", cwd=tmp_path)
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        "nowhere/out.json:1:1: cannot write here: No such file or directory"
    )


@pytest.mark.parametrize(
    "spec",
    ["p.yaml", "./p.yaml", "json:p.yaml", "sarif:sub/../p.yaml", "link.yaml", "dir/q.yaml"],
)
def test_output_naming_an_input_is_refused(tmp_path: Path, spec: str) -> None:
    shutil.copy(EXAMPLE, tmp_path / "p.yaml")
    (tmp_path / "sub").mkdir()
    (tmp_path / "dir").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "dir" / "q.yaml")
    (tmp_path / "link.yaml").symlink_to("p.yaml")
    before = EXAMPLE.read_bytes()
    done = _pso("assess", "--no-config", "p.yaml", "dir", "--output", spec, cwd=tmp_path)
    assert done.returncode == 4, done.stderr
    assert "refusing to overwrite it" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "p.yaml").read_bytes() == before
    assert (tmp_path / "dir" / "q.yaml").read_bytes() == before
    assert done.stdout == ""


# --- standard streams closed, full or read-only: the environment, never "a bug" -------


def _run_with(
    args: list[str], shell_redirect: str, **kw: object
) -> subprocess.CompletedProcess[bytes]:
    """`python -m pso_cli ARGS <redirect>` through sh, so a descriptor can start closed."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        ["sh", "-c", f'exec "$0" "$@" {shell_redirect}', sys.executable, "-m", "pso_cli", *args],
        cwd=REPO,
        env=_env(),
        timeout=120,
        **kw,
    )


ASSESS = ["assess", "--no-config", "--as-of", "2003-07-20", "examples/ramsi-2003.yaml"]


@pytest.mark.parametrize(
    "args",
    [[*ASSESS, "-f", "jsonl"], ASSESS, ["validate", "examples/ramsi-2003.yaml"], ["--version"]],
    ids=["assess-jsonl", "assess-text", "validate", "version"],
)
def test_closed_stdout_is_an_output_error_not_a_verdict(args: list[str]) -> None:
    """`pso ... >&-`: exit 74 and one line, never 1 (a verdict reached --fail-on), 70 or a
    traceback."""
    done = _run_with(args, ">&-", stderr=subprocess.PIPE)
    assert done.returncode == 74, done.stderr
    assert done.stderr.decode() == "pso: cannot write standard output: it is closed\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [[*ASSESS, "-f", "json"], ["validate", "examples/"]])
def test_stdout_on_a_full_device_is_an_output_error(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = _run_with(args, "", stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 74, done.stderr
    assert done.stderr.decode() == "pso: cannot write standard output: No space left on device\n"


def test_stdout_open_read_only_is_an_output_error() -> None:
    with open(os.devnull) as read_only:
        done = _run_with(ASSESS, "", stdout=read_only, stderr=subprocess.PIPE)
    assert done.returncode == 74
    assert done.stderr.decode() == "pso: cannot write standard output: Bad file descriptor\n"


def test_closed_stdin_is_an_unreadable_input() -> None:
    done = _run_with(["validate", "-"], "<&-", capture_output=True)
    assert done.returncode == 3, done.stderr
    assert done.stdout.decode().splitlines()[0] == (
        "<stdin>:1:1: cannot read standard input: it is closed"
    )
    assert done.stderr == b""


def test_closed_stderr_changes_nothing_else(tmp_path: Path) -> None:
    """With fd 2 closed, the report written with -o must not get fd 2 (and messages)."""
    out = tmp_path / "r.json"
    done = _run_with([*ASSESS, "-o", f"json:{out}", "-f", "json"], "2>&-", capture_output=True)
    assert done.returncode == 0
    json_doc = out.read_text(encoding="utf-8")
    assert json_doc.startswith("{") and "pso:" not in json_doc


# --- outputs are regular files, written whole or not at all ---------------------------


def _special(kind: str, path: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        import socket

        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        sock.close()
    elif kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    elif kind == "link-to-device":
        path.symlink_to("/dev/null")
    elif kind == "link-to-stdout":
        path.symlink_to("/proc/self/fd/1")
    elif kind == "link-to-file":
        (path.parent / "target.txt").write_text("keep")
        path.symlink_to("target.txt")


KINDS = ["fifo", "socket", "device", "link-to-device", "link-to-stdout", "link-to-file"]


def _same_kind(path: Path, kind: str) -> bool:
    mode = os.lstat(path).st_mode
    test = {"fifo": stat.S_ISFIFO, "socket": stat.S_ISSOCK, "device": stat.S_ISCHR}
    return test.get(kind, stat.S_ISLNK)(mode)


@pytest.mark.parametrize("kind", KINDS)
def test_output_that_is_not_a_regular_file_is_refused(pso: Any, tmp_path: Path, kind: str) -> None:
    """-o never replaces a device, FIFO, socket or link (as root, `-o /dev/full` made
    /dev/full a regular file): exit 4 before any work, the thing itself untouched."""
    target = tmp_path / "out.json"
    _special(kind, target)
    done = pso("assess", "--no-config", str(EXAMPLE), "-o", f"json:{target}", "-f", "json")
    assert done.exit_code == 4, done.stderr
    assert done.stderr.startswith(f"{target}:1:1: --output is a ")
    assert done.stdout == ""
    assert _same_kind(target, kind)
    assert not list(tmp_path.glob(".pso-*.tmp"))
    if kind == "link-to-file":
        assert (tmp_path / "target.txt").read_text() == "keep"


@pytest.mark.parametrize("kind", ["fifo", "link-to-device", "link-to-file"])
def test_init_force_refuses_what_is_not_a_regular_file(pso: Any, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "proposal.yaml"
    _special(kind, target)
    assert pso("init", str(target)).exit_code == 2  # it exists: --force is needed
    done = pso("init", "--force", str(target))
    assert done.exit_code == 4, done.stderr
    assert "--output is a " in done.stderr or "is a " in done.stderr
    assert _same_kind(target, kind)


def test_a_fifo_swapped_in_while_writing_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pso_cli.errors import ConfigError
    from pso_cli.render import files

    target = tmp_path / "out.json"
    real_write_all = files._write_all

    def swap(fd: int, data: bytes) -> None:
        real_write_all(fd, data)
        os.mkfifo(target)  # appears between the check and the rename

    monkeypatch.setattr(files, "_write_all", swap)
    with pytest.raises(ConfigError, match="FIFO"):
        files.write_atomic(str(target), "{}")
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_atomic_write_is_fsynced_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pso_cli.render import files

    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(files.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(
        files.os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))[1]
    )
    files.write_atomic(str(tmp_path / "r.json"), "{}")
    assert events[:2] == ["fsync", "replace"]


def test_a_full_disk_is_exit_74_and_every_output_is_tried(
    pso: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC on -o: exit 74 (not 70 "a bug"), the old file kept, no temporary left, and
    the second -o is still attempted (it was silently not written)."""
    import errno

    from pso_cli.render import files

    first, second = tmp_path / "r.json", tmp_path / "r.xml"
    first.write_text("old")

    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "_write_all", full)
    done = pso(
        "assess", "--no-config", str(EXAMPLE), "-o", f"json:{first}", "-o", f"junit:{second}"
    )
    assert done.exit_code == 74, done.stderr
    lines = done.stderr.splitlines()
    assert lines == [
        f"{first}:1:1: cannot write: No space left on device; any previous file is unchanged",
        f"{second}:1:1: cannot write: No space left on device; any previous file is unchanged",
    ]
    assert first.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


@pytest.mark.parametrize(
    "second", ["r.json", "./r.json", "sub/../r.json", "sarif:r.json", "link.json"]
)
def test_two_outputs_naming_one_file_are_a_usage_error(
    pso: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.json").symlink_to("r.json")
    done = pso("assess", "--no-config", str(EXAMPLE), "-o", "json:r.json", "-o", second)
    assert done.exit_code == 2, done.stderr
    assert "names the same file as 'r.json'" in done.stderr
    assert not (tmp_path / "r.json").exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_outputs_are_written_even_when_stdout_fails(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    with open("/dev/full", "w") as full:
        done = _run_with([*ASSESS, "-o", f"json:{out}"], "", stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 74, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["assessments"][0]["status"] == "assessed"


def test_a_directory_that_cannot_be_read_is_an_error_not_skipped(tmp_path: Path) -> None:
    """It was passed over silently: exit 0, and the invalid file inside never mentioned."""
    tree = tmp_path / "tree"
    (tree / "locked").mkdir(parents=True)
    shutil.copy(EXAMPLE, tree / "ok.yaml")
    (tree / "locked" / "bad.yaml").write_text("pso_format: [\n", encoding="utf-8")
    tmp_path.chmod(0o755)
    tree.chmod(0o755)
    (tree / "locked").chmod(0)
    try:
        done = _pso("validate", "tree", cwd=tmp_path, prefix=_no_dac_override())
    finally:
        (tree / "locked").chmod(0o755)
    assert done.returncode == 3, done.stdout
    assert "tree/locked:1:1: cannot read this directory: permission denied" in done.stdout
    assert "tree/ok.yaml: valid" in done.stdout


# --- SIGTERM and SIGHUP stop the whole pool, as Ctrl-C does ---------------------------


@pytest.mark.parametrize(
    ("sig", "code", "line"),
    [
        (signal.SIGTERM, 143, "pso: terminated (SIGTERM)"),
        (signal.SIGHUP, 129, "pso: hung up (SIGHUP)"),
    ],
    ids=["SIGTERM", "SIGHUP"],
)
def test_sigterm_and_sighup_end_the_workers_and_leave_no_output(
    tmp_path: Path, sig: int, code: int, line: str
) -> None:
    """SIGTERM to the parent alone left both workers alive, reparented, holding stdout."""
    args, marker = _batch(tmp_path, 20)
    got, _, err, pgid = _interrupt(
        [*args, "--jobs", "2", "--output", "out.json"], marker, tmp_path, sig, group=False
    )
    assert got == code, err
    assert [x for x in err.splitlines() if x.strip()] == [line]
    assert not (tmp_path / "out.json").exists()
    assert not list(tmp_path.glob(".pso-*.tmp"))
    assert _group_gone(pgid), "worker processes outlived the terminated run"


SWALLOWING_PACK = """\
import time
from pathlib import Path

from pso_cli.rules.api import Consideration, Reference, rule

@rule(code="SWL-001", name="swallow-rule", consideration=Consideration.STRATEGIC,
      title="Swallows Ctrl-C", rationale="Test.", reference=Reference("Test"))
def swallow(p, ctx):
    Path({marker!r}).touch()
    for _ in range(20):
        try:
            time.sleep(0.1)
        except KeyboardInterrupt:
            pass
    return []

RULES = [swallow]
"""


def test_ctrl_c_interrupts_even_a_rule_that_swallows_keyboard_interrupt(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for i in range(5):
        shutil.copy(EXAMPLE, tmp_path / "in" / f"p{i}.yaml")
    marker = tmp_path / "busy"
    pack = tmp_path / "swallow.py"
    pack.write_text(SWALLOWING_PACK.format(marker=str(marker)), encoding="utf-8")
    args = ["assess", "--no-config", "--rules", str(pack), "-f", "json", "in", "-o", "out.json"]
    started = time.monotonic()
    code, _, err, pgid = _interrupt(args, marker, tmp_path)
    _assert_interrupted(code, err, tmp_path)
    assert time.monotonic() - started < 30
    assert _group_gone(pgid)


def test_jsonl_through_head_never_hangs_nor_prints_a_traceback(tmp_path: Path) -> None:
    """`pso assess DIR -f jsonl --jobs 2 | head -1` hung in 7 of 30 runs and printed
    "Exception ignored ... Traceback" in 2: twenty runs, each with a time limit."""
    from concurrent.futures import ThreadPoolExecutor

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(POOL_MIN_FILES + 12):
        shutil.copy(EXAMPLE, folder / f"p{i:03d}.yaml")
    command = (
        f'"{sys.executable}" -m pso_cli assess --no-config "{folder}" -f jsonl --jobs 2 '
        f'2>"{tmp_path}/err-$0.txt" | head -1'
    )

    def once(n: int) -> tuple[int, str, str]:
        done = subprocess.run(
            ["sh", "-c", command, str(n)], capture_output=True, text=True, env=_env(), timeout=60
        )
        return done.returncode, done.stdout, (tmp_path / f"err-{n}.txt").read_text()

    with ThreadPoolExecutor(max_workers=4) as threads:
        results = list(threads.map(once, range(20)))
    for code, out, err in results:
        assert code == 0
        assert json.loads(out)["status"] == "assessed"
        assert err == "", err


# --- the progress bar never takes standard output ------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "json", "text"])
def test_stdout_is_byte_complete_while_the_bar_draws_on_a_terminal(
    tmp_path: Path, fmt: str
) -> None:
    """20+ files, stdout to a file, stderr a terminal: rich's Progress redirected stdout
    by default and the JSON Lines went to the terminal; stdout got 0 bytes."""
    import pty
    import threading

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(25):
        shutil.copy(EXAMPLE, folder / f"p{i:02d}.yaml")
    master, slave = pty.openpty()
    drawn = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            drawn.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    out = tmp_path / "out"
    args = ["assess", "--no-config", "--as-of", "2003-07-20", "-f", fmt, "--jobs", "1"]
    with out.open("wb") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "pso_cli", *args, str(folder)],
            stdout=sink,
            stderr=slave,
            env={**_env(), "TERM": "xterm"},
            timeout=120,
        )
    os.close(slave)
    reader.join(timeout=5)
    os.close(master)
    assert done.returncode == 0
    assert b"assessing" in drawn  # the bar was on the terminal...
    text = out.read_text(encoding="utf-8")
    assert b"pso_format" not in drawn and b'"schema_version"' not in drawn  # ...and only it
    if fmt == "jsonl":
        assert len([json.loads(line) for line in text.splitlines()]) == 25
    elif fmt == "json":
        assert len(json.loads(text)["assessments"]) == 25
    else:
        verdicts = [
            x for x in text.splitlines() if x.startswith(("RECOMMEND", "FURTHER", "DO NOT"))
        ]
        assert text.rstrip().endswith("0 invalid") and len(verdicts) == 25  # a line a file
