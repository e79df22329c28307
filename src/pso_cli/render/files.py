"""Write output files atomically, and only as regular files.

A reader never sees half a report: the text goes to a temporary file in the same
directory, is fsynced, and is renamed over the target only when complete. Only a
regular file (or no file yet) is replaced: a device (`/dev/full`), a FIFO, a socket, a
directory or a symbolic link at the output path is refused before any work and again
just before the rename, so pso never turns a device node into a file nor writes through
a link a checkout planted (`pso.sarif -> ~/.bashrc`). A failure to write (a full disk)
leaves any previous file as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from pso_cli.errors import ConfigError, Location, OutputError, Problem

_KINDS = (
    (stat.S_ISLNK, "a symbolic link; pso does not write through links (name the file itself)"),
    (stat.S_ISDIR, "a directory; give a file name"),
    (stat.S_ISCHR, "a device; pso writes only regular files"),
    (stat.S_ISBLK, "a device; pso writes only regular files"),
    (stat.S_ISFIFO, "a FIFO (named pipe); pso writes only regular files"),
    (stat.S_ISSOCK, "a socket; pso writes only regular files"),
)


def _refusal(path: str) -> str | None:
    """Why `path` must not be replaced, or None if it is a regular file or absent."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot check it: {exc.strerror}"
    if stat.S_ISREG(mode):
        return None
    return next((why for test, why in _KINDS if test(mode)), "not a regular file")


def check_output(path: str) -> None:
    """Refuse (exit 4) an output path that is not a regular file or absent."""
    why = _refusal(path)
    if why is not None:
        raise ConfigError([Problem(Location(path), f"--output is {why}", "output")])


def _mode_for(path: str) -> int:
    """Keep an existing file's mode; otherwise what the umask allows (not mkstemp's 0600)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def _sync_directory(directory: str) -> None:
    """Make the rename itself durable; not every file system can (then it is skipped)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: str, text: str | bytes) -> None:
    """Replace `path` with `text` (UTF-8, or bytes as they are) atomically; ConfigError
    (exit 4) if it must not or cannot be written there, OutputError (exit 74) if writing
    fails (a full disk)."""
    check_output(path)
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".pso-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ConfigError.at(path, 1, 1, f"cannot write here: {exc.strerror}", "output") from None
    try:
        try:
            _write_all(fd, text.encode("utf-8") if isinstance(text, str) else text)
            os.fchmod(fd, _mode_for(path))
        finally:
            os.close(fd)
        check_output(path)  # nothing swapped in while the report was written
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        reason = f"cannot write: {exc.strerror or exc}; any previous file is unchanged"
        raise OutputError([Problem(Location(path), reason, "output")]) from None
    except BaseException:
        _remove(tmp)
        raise
    _sync_directory(directory)


def _remove(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)
