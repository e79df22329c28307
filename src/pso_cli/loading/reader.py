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


def decode(data: bytes, path: str) -> str:
    """Strict UTF-8 (no BOM, no NUL bytes), with a located reason when it is not."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError.at(path, 1, 1, "file is UTF-16 encoded; save it as UTF-8", "encoding")
    if data.startswith(b"\xef\xbb\xbf"):
        raise InputError.at(
            path,
            1,
            1,
            "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM",
            "encoding",
        )
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


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a regular file, never blocking on a FIFO or device."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError.at(path, 1, 1, "file not found", "not-found") from None
    except OSError as exc:
        raise InputError.at(path, 1, 1, _os_reason(exc), "unreadable") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError.at(path, 1, 1, "is a directory, expected a YAML file", "directory")
    if not stat.S_ISREG(st.st_mode):
        raise InputError.at(path, 1, 1, "not a regular file (FIFO, socket or device)", "special")
    if st.st_size > max_bytes:
        raise InputError.at(
            path,
            1,
            1,
            f"file is {st.st_size} bytes, over the {max_bytes}-byte limit (see --max-bytes)",
            "too-large",
        )
    # Ask for the size stat gave plus one byte: asking for the whole limit would
    # allocate (and return) a limit-sized buffer for every small file. A file that
    # grew since the stat is read on, up to the limit.
    want = st.st_size + 1
    try:
        with open(path, "rb", buffering=0) as fh:
            data = fh.read(want)
            while len(data) >= want and len(data) <= max_bytes:
                more = fh.read(max_bytes + 1 - len(data))
                if not more:
                    break
                data += more
    except OSError as exc:
        raise InputError.at(path, 1, 1, _os_reason(exc), "unreadable") from None
    if len(data) > max_bytes:
        raise InputError.at(path, 1, 1, f"file grew over the {max_bytes}-byte limit", "too-large")
    return data


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)
