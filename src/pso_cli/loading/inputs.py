"""Expand command-line paths into the list of proposal files, in a stable order."""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterator, Sequence

YAML_SUFFIXES = (".yaml", ".yml")
STDIN = "-"


def _walk(top: str, exclude: Sequence[str]) -> Iterator[str]:
    """What os.walk(top) finds, top-down and sorted, as paths: hidden directories
    skipped, symbolic links to directories listed but not followed, and a directory
    named *.yaml/*.yml listed as a file. A directory that cannot be read is listed as if
    it were a file, so the reader reports it (never passed over in silence).

    Iterative, with a stack of directories still to scan, so a tree of any depth (990
    nested directories) walks without recursion. The paths are the DirEntry's own, not
    joined from separate names: holding the names of a large directory while building
    its paths left its list a third larger.
    """
    pending = [top]
    while pending:
        directory = pending.pop()
        scanned = _scan(directory, exclude)
        if scanned is None:
            yield directory
            continue
        files, dirs = scanned
        files.extend(path for name, path in dirs if name.endswith(YAML_SUFFIXES))
        files.sort()  # one directory's paths share its prefix: the order of their names
        yield from files
        del files
        pending.extend(path for _, path in reversed(dirs) if not os.path.islink(path))


def _scan(directory: str, exclude: Sequence[str]) -> tuple[list[str], list[tuple[str, str]]] | None:
    """The directory's YAML files, and its subdirectories (name, path) by name; None
    when it cannot be read."""
    files: list[str] = []
    dirs: list[tuple[str, str]] = []
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    if not entry.name.startswith(".") and not _excluded(entry.path, exclude):
                        dirs.append((entry.name, entry.path))
                elif entry.name.endswith(YAML_SUFFIXES) and not _excluded(entry.path, exclude):
                    files.append(entry.path)
    except OSError:
        return None
    dirs.sort()
    return files, dirs


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
    return [path for path, _ in expand_found(paths, exclude)]


def expand_found(paths: Sequence[str], exclude: Sequence[str] = ()) -> list[tuple[str, bool]]:
    """expand(), each path with whether it was found (by a directory scan or a glob)
    rather than named; a path both named and found counts as named."""
    out: list[tuple[str, bool]] = []
    for raw in paths:
        if raw == STDIN:
            out.append((raw, False))
        elif os.path.isdir(raw) and not raw.rstrip("/").endswith(YAML_SUFFIXES):
            out.extend((path, True) for path in _walk(raw, exclude))
        elif not os.path.lexists(raw) and glob.has_magic(raw):
            out.extend(
                (p, True)
                for p in sorted(glob.glob(raw, recursive=True))
                if not _excluded(p, exclude)
            )
        elif not _excluded(raw, exclude):
            out.append((raw, False))
    named = {path for path, found in out if not found}
    first: dict[str, bool] = {}
    for path, found in out:
        first.setdefault(path, found and path not in named)
    return list(first.items())
