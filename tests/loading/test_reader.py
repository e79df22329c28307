"""reader.py: refusing what is not a small UTF-8 text file, each refusal located."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from pso_cli.errors import InputError, Problem
from pso_cli.exitcodes import ExitCode
from pso_cli.loading.reader import DEFAULT_MAX_BYTES, decode, read_bytes


def read_problem(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Problem:
    with pytest.raises(InputError) as info:
        read_bytes(str(path), max_bytes)
    assert info.value.exit_code == ExitCode.INVALID_INPUT
    (problem,) = info.value.problems
    return problem


def decode_problem(data: bytes) -> Problem:
    with pytest.raises(InputError) as info:
        decode(data, "f.yaml")
    (problem,) = info.value.problems
    assert problem.location.path == "f.yaml"
    return problem


def at(p: Problem) -> tuple[int, int]:
    return (p.location.line, p.location.column)


def test_reads_a_regular_file(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_bytes(b"a: 1\n")
    assert read_bytes(str(f)) == b"a: 1\n"


def test_file_not_found(tmp_path: Path) -> None:
    p = read_problem(tmp_path / "missing.yaml")
    assert at(p) == (1, 1)
    assert p.message == "file not found"
    assert p.code == "not-found"
    assert p.location.path == str(tmp_path / "missing.yaml")


def test_directory(tmp_path: Path) -> None:
    p = read_problem(tmp_path)
    assert at(p) == (1, 1)
    assert "is a directory" in p.message
    assert p.code == "directory"


def test_directory_named_like_a_yaml_file(tmp_path: Path) -> None:
    d = tmp_path / "x.yaml"
    d.mkdir()
    p = read_problem(d)
    assert at(p) == (1, 1)
    assert "is a directory, expected a YAML file" in p.message


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result: list[Problem] = []

    def target() -> None:
        result.append(read_problem(fifo))

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(timeout=5)
    if worker.is_alive():  # unblock the reader so the test process can end
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("reading a FIFO blocked")
    (p,) = result
    assert at(p) == (1, 1)
    assert "not a regular file" in p.message
    assert p.code == "special"


def test_symlink_loop(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.symlink_to(b)
    b.symlink_to(a)
    p = read_problem(a)
    assert at(p) == (1, 1)
    assert p.message == "symbolic link loop"


def test_dangling_symlink_is_not_found(tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    a.symlink_to(tmp_path / "nowhere.yaml")
    assert read_problem(a).message == "file not found"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_unreadable_file(tmp_path: Path) -> None:
    f = tmp_path / "secret.yaml"
    f.write_text("a: 1\n")
    f.chmod(0)
    try:
        p = read_problem(f)
    finally:
        f.chmod(0o600)
    assert at(p) == (1, 1)
    assert p.message == "permission denied"


def test_file_over_max_bytes(tmp_path: Path) -> None:
    f = tmp_path / "big.yaml"
    f.write_bytes(b"a: 1\n" * 10)
    p = read_problem(f, max_bytes=20)
    assert at(p) == (1, 1)
    assert "50 bytes, over the 20-byte limit" in p.message
    assert "--max-bytes" in p.message
    assert p.code == "too-large"


def test_file_exactly_at_max_bytes_is_read(tmp_path: Path) -> None:
    f = tmp_path / "edge.yaml"
    f.write_bytes(b"x" * 20)
    assert read_bytes(str(f), 20) == b"x" * 20


# --- decoding -----------------------------------------------------------------------


def test_latin1_byte_is_located_at_the_byte() -> None:
    p = decode_problem(b"pso_format: 1\nidentity:\n  name: Op\xe9ration\n")
    assert at(p) == (3, 11)
    assert "not valid UTF-8 (byte 0xe9)" in p.message
    assert p.code == "encoding"


def test_latin1_byte_on_first_line() -> None:
    assert at(decode_problem(b"\xe9t\xe9: 1\n")) == (1, 1)
    assert at(decode_problem(b"ab\xff")) == (1, 3)


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"], ids=["utf-16-le", "utf-16-be"])
def test_utf16_bom(bom: bytes) -> None:
    p = decode_problem(bom + "a: 1\n".encode("utf-16-le"))
    assert at(p) == (1, 1)
    assert "UTF-16" in p.message


def test_utf8_bom_is_accepted_and_dropped() -> None:
    """YAML allows a byte-order mark at the start of a stream; Windows editors write one."""
    assert decode(b"\xef\xbb\xbfpso_format: 1\n", "f.yaml") == "pso_format: 1\n"


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"\xef\xbb\xbfa: b\x00\n", (1, 5)),  # NUL on line 1: the BOM is not a column
        (b"\xef\xbb\xbfa: \xff\n", (1, 4)),  # bad UTF-8 on line 1
    ],
)
def test_columns_on_the_first_line_of_a_bom_file_stay_right(
    data: bytes, where: tuple[int, int]
) -> None:
    assert at(decode_problem(data)) == where


def test_a_bom_only_at_the_start_of_the_stream() -> None:
    from pso_cli.errors import InputError
    from pso_cli.loading.load import proposal_from_bytes

    with pytest.raises(InputError) as info:
        proposal_from_bytes(b"pso_format: 1\n\xef\xbb\xbfidentity: {}\n", "f.yaml")
    assert info.value.problems[0].location.line == 2


def test_nul_byte_located() -> None:
    p = decode_problem(b"pso_format: 1\nid\x00\n")
    assert at(p) == (2, 3)
    assert "NUL byte" in p.message
    assert p.code == "binary"


def test_valid_utf8_decodes() -> None:
    assert decode("name: Opération Māori\n".encode(), "f.yaml") == "name: Opération Māori\n"


# --- what was opened is what is read: O_NONBLOCK, then fstat of the descriptor --------


def test_a_fifo_swapped_in_after_the_stat_is_refused_without_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stat sees a regular file; a FIFO takes its place before the open. The open
    must not block (O_NONBLOCK) and the descriptor's own type must be checked."""
    import signal

    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    regular = os.stat(__file__)
    real_stat = os.stat

    def stale_stat(path: object, *args: object, **kw: object) -> os.stat_result:
        return regular if str(path) == str(fifo) else real_stat(path, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stale_stat)

    def hung(signum: int, frame: object) -> None:
        raise AssertionError("read_bytes blocked on a FIFO")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    try:
        problem = read_problem(fifo)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert problem.message == "not a regular file (FIFO, socket or device)"


def test_a_file_whose_read_would_block_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/proc/kmsg is a regular file by its mode and blocks on read; opened O_NONBLOCK its
    read fails with EAGAIN, which is refused (pso hung on it)."""
    from pso_cli.loading import reader

    f = tmp_path / "kmsg.yaml"
    f.write_bytes(b"a: 1\n")
    flags: list[int] = []
    real_open = os.open

    def spy_open(path: str, flag: int, *args: int) -> int:
        flags.append(flag)
        return real_open(path, flag, *args)

    def would_block(fd: int, n: int) -> bytes:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(reader.os, "open", spy_open)
    monkeypatch.setattr(reader.os, "read", would_block)
    problem = read_problem(f)
    assert flags and flags[0] & os.O_NONBLOCK
    assert problem.message.startswith("reading would block")


@pytest.mark.skipif(
    os.geteuid() != 0 or not os.access("/proc/kmsg", os.R_OK), reason="needs a readable /proc/kmsg"
)
def test_proc_kmsg_does_not_hang(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "pso_cli", "validate", "-q", "/proc/kmsg"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 3
    assert done.stdout.startswith("/proc/kmsg:1:1: ")


def test_an_unreadable_directory_is_named_as_such(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with the power to read any directory")
        problem = read_problem(locked)
    finally:
        locked.chmod(0o755)
    assert problem.message == "cannot read this directory: permission denied"
