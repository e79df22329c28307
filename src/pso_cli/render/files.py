"""Write output files atomically: a reader never sees half a report."""

from __future__ import annotations

import os
import tempfile

from pso_cli.errors import ConfigError


def _mode_for(path: str) -> int:
    """Keep an existing file's mode; otherwise what the umask allows (not mkstemp's 0600)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str, text: str) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".pso-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ConfigError.at(path, 1, 1, f"cannot write here: {exc.strerror}", "output") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
