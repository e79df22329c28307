"""batch.py: a pooled batch keeps a bounded window of work in flight, not the whole batch;
expand() lists a directory the way os.walk would."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Any

import pytest

from pso_cli.engine import batch
from pso_cli.loading.inputs import expand


def test_at_most_a_window_of_files_is_dispatched_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent hands out work a bounded window ahead of the next result it yields:
    never the whole batch, so its memory does not grow with the batch."""
    from pso_cli.engine import pool as pool_mod

    monkeypatch.setattr(batch, "POOL_MIN_FILES", 2)
    spec = batch.EngineSpec("nz-default", "2026-11-28", (), None, 1000)
    files = [f"/nonexistent/p{i}.yaml" for i in range(6 * pool_mod.CHUNK * pool_mod.WINDOW)]
    seen: list[int] = []
    real = pool_mod.Pool._dispatch

    def spy(self: Any, tasks: Any, horizon: int) -> None:
        real(self, tasks, horizon)
        ahead = max((t.seq for s in self.slots if s for t in s.held), default=-1)
        seen.append(ahead - (horizon - pool_mod.WINDOW * pool_mod.CHUNK * self.jobs))

    monkeypatch.setattr(pool_mod.Pool, "_dispatch", spy)
    items = list(batch.assess_many(None, spec, files, jobs=2))
    assert [i.path for i in items] == files  # every file, once, in input order
    assert max(seen) < pool_mod.WINDOW * pool_mod.CHUNK * 2
    assert all(len(i.problems) == 1 for i in items)  # type: ignore[union-attr]


def _os_walk_expand(root: str, exclude: tuple[str, ...]) -> list[str]:
    """What expand() listed before it walked with scandir."""

    def excluded(path: str) -> bool:
        norm = os.path.normpath(path)
        return any(
            fnmatch.fnmatch(norm, p) or fnmatch.fnmatch(os.path.basename(norm), p) for p in exclude
        )

    out = []
    for top, dirs, names in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not excluded(os.path.join(top, d))
        )
        for name in sorted(names + [d for d in dirs if d.endswith((".yaml", ".yml"))]):
            path = os.path.join(top, name)
            if name.endswith((".yaml", ".yml")) and not excluded(path):
                out.append(path)
    return out


def test_expand_walks_like_os_walk(tmp_path: Path) -> None:
    for rel in ("b.yaml", "a.yml", "c.txt", ".h.yaml", "s/x.yaml", "s/t/y.yaml", ".hid/q.yaml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("")
    (tmp_path / "d.yaml").mkdir()  # listed as a file (and reported later), and walked
    (tmp_path / "d.yaml" / "in.yaml").write_text("")
    (tmp_path / "skip").mkdir()
    (tmp_path / "skip" / "s.yaml").write_text("")
    os.symlink(tmp_path / "s", tmp_path / "link")  # listed, not followed
    os.symlink(tmp_path / "s", tmp_path / "link.yaml")
    for root in (str(tmp_path), str(tmp_path) + "/"):
        for exclude in ((), ("skip",), ("*.yml",), (str(tmp_path / "s" / "t"),)):
            assert expand([root], exclude) == _os_walk_expand(root, exclude)
    listed = expand([str(tmp_path)])
    assert str(tmp_path / "link.yaml") in listed
    assert str(tmp_path / "d.yaml" / "in.yaml") in listed
    assert not any("/link/" in p or "/.hid/" in p for p in listed)
