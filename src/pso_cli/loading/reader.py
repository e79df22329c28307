"""Read an input file as text, refusing what is not a small UTF-8 text file."""

from __future__ import annotations

import errno
import os
import stat

from pso_cli.errors import InputError

DEFAULT_MAX_BYTES = 2 * 1024 * 1024


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


UTF8_BOM = b"\xef\xbb\xbf"


def decode(data: bytes, path: str) -> str:
    """Strict UTF-8 (no NUL bytes), with a located reason when it is not.

    A UTF-8 byte-order mark at the start of the stream is accepted and dropped, as the
    YAML specification allows (Windows editors write one); it is invisible, so columns on
    the first line count from the character after it, as the editor shows them.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError.at(path, 1, 1, "file is UTF-16 encoded; save it as UTF-8", "encoding")
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _line_col(data, nul)
        raise InputError.at(path, line, col, "NUL byte: this is not a text file", "binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        raise InputError.at(
            path,
            line,
            col,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            "encoding",
        ) from None


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO or device opens, and reads, without blocking
    | getattr(os, "O_NOCTTY", 0)  # a terminal named as input never becomes ours
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _kind(path: str, mode: int) -> tuple[str, str] | None:
    """(message, code) saying why a file of this mode is not read; None if regular."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        try:  # a directory of a scan that could not be listed is reported as such
            os.scandir(path).close()
        except OSError as exc:
            return f"cannot read this directory: {_os_reason(exc)}", "unreadable"
        return "is a directory, expected a YAML file", "directory"
    return "not a regular file (FIFO, socket or device)", "special"


def _refuse(path: str, name: str, st: os.stat_result, max_bytes: int) -> None:
    bad = _kind(path, st.st_mode)
    if bad is not None:
        raise InputError.at(name, 1, 1, *bad)
    if st.st_size > max_bytes:
        raise InputError.at(
            name,
            1,
            1,
            f"file is {st.st_size} bytes, over the {max_bytes}-byte limit (see --max-bytes)",
            "too-large",
        )


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None) -> bytes:
    """Read a regular file, never blocking on a FIFO or device; errors name `name`.

    The path is checked with stat before it is opened (a device is never opened), then
    opened non-blocking and checked again on the open descriptor, so a FIFO swapped in
    between the two is refused rather than read, and a file that would block on read
    (`/proc/kmsg`, a regular file by its mode) is refused too.
    """
    shown = path if name is None else name
    try:
        _refuse(path, shown, os.stat(path), max_bytes)
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise InputError.at(shown, 1, 1, "file not found", "not-found") from None
    except OSError as exc:
        raise InputError.at(shown, 1, 1, _os_reason(exc), "unreadable") from None
    try:
        st = os.fstat(fd)
        _refuse(path, shown, st, max_bytes)
        data = _read_fd(fd, st.st_size, max_bytes)
    except BlockingIOError:
        message = "reading would block: not a file on disk (a device or kernel interface)"
        raise InputError.at(shown, 1, 1, message, "special") from None
    except OSError as exc:
        raise InputError.at(shown, 1, 1, _os_reason(exc), "unreadable") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise InputError.at(shown, 1, 1, f"file grew over the {max_bytes}-byte limit", "too-large")
    return data


def _read_fd(fd: int, size: int, max_bytes: int) -> bytes:
    """Up to max_bytes + 1 bytes. Ask for the size stat gave plus one byte: asking for the
    whole limit would allocate (and return) a limit-sized buffer for every small file. A
    file that grew since the stat is read on, up to the limit."""
    want = size + 1
    data = os.read(fd, want)
    while len(data) >= want and len(data) <= max_bytes:
        more = os.read(fd, max_bytes + 1 - len(data))
        if not more:
            break
        data += more
    return data


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno in (errno.ENXIO, errno.ENODEV, errno.EOPNOTSUPP):
        return "not a regular file (FIFO, socket or device)"
    return exc.strerror or str(exc)


def read_head(path: str, limit: int) -> bytes | None:
    """The first `limit` bytes of a regular file, opened as read_bytes opens it (never
    blocking on a FIFO or device); None when it is not a regular file that can be read.
    For recognising a file's kind: whatever is wrong with it is read_bytes's to report."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return os.read(fd, limit)
    except OSError:  # BlockingIOError included
        return None
    finally:
        os.close(fd)
