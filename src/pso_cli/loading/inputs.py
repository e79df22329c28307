"""Expand command-line paths into the list of proposal files, in a stable order."""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterable, Sequence

YAML_SUFFIXES = (".yaml", ".yml")
STDIN = "-"


def _walk(directory: str, exclude: Sequence[str]) -> Iterable[str]:
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not _excluded(os.path.join(root, d), exclude)
        )
        for name in sorted(files + [d for d in dirs if d.endswith(YAML_SUFFIXES)]):
            path = os.path.join(root, name)
            if name.endswith(YAML_SUFFIXES) and not _excluded(path, exclude):
                yield path


def _excluded(path: str, exclude: Sequence[str]) -> bool:
    norm = os.path.normpath(path)
    return any(
        fnmatch.fnmatch(norm, pat) or fnmatch.fnmatch(os.path.basename(norm), pat)
        for pat in exclude
    )


def expand(paths: Sequence[str], exclude: Sequence[str] = ()) -> list[str]:
    """Files as given, directories recursed for *.yaml/*.yml, globs expanded.

    A directory whose own name ends in .yaml/.yml is passed through as a file, so
    that it is reported as "a directory where a file was expected" rather than
    silently searched. Duplicates are dropped, first occurrence kept.
    """
    out: list[str] = []
    for raw in paths:
        if raw == STDIN:
            out.append(raw)
        elif os.path.isdir(raw) and not raw.rstrip("/").endswith(YAML_SUFFIXES):
            out.extend(_walk(raw, exclude))
        elif not os.path.lexists(raw) and glob.has_magic(raw):
            out.extend(
                p for p in sorted(glob.glob(raw, recursive=True)) if not _excluded(p, exclude)
            )
        elif not _excluded(raw, exclude):
            out.append(raw)
    seen: set[str] = set()
    return [p for p in out if not (p in seen or seen.add(p))]  # type: ignore[func-returns-value]
