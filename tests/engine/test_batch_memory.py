"""batch.py: a pooled batch keeps a bounded window of work in flight, not the whole batch;
expand() lists a directory the way os.walk would."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from pso_cli.engine import batch
from pso_cli.loading.inputs import expand


class Tracked(Future[Any]):
    read = False

    def result(self, timeout: float | None = None) -> Any:
        self.read = True
        return super().result(timeout)


class CountingExecutor:
    """Runs each chunk when it is submitted; counts the chunks submitted and not yet read."""

    def __init__(self) -> None:
        self.futures: list[Tracked] = []
        self.most_pending = 0

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future = Tracked()
        future.set_result(fn(*args))
        self.futures.append(future)
        self.most_pending = max(self.most_pending, self.pending())
        return future

    def pending(self) -> int:
        return sum(not f.read for f in self.futures)


def test_at_most_a_window_of_chunks_is_in_flight() -> None:
    pool = CountingExecutor()
    files = [f"p{i:04d}.yaml" for i in range(1000)]
    out = []
    for item in batch._windowed(pool, str.upper, files, 7, 5):  # type: ignore[arg-type]
        assert pool.pending() <= 5
        out.append(item)
    assert out == [f.upper() for f in files]  # every file, once, in input order
    assert len(pool.futures) == -(-1000 // 7)
    assert pool.most_pending == 5
    assert pool.pending() == 0


def test_a_pool_is_fed_a_window_per_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[int, int]] = []
    real = batch._windowed

    def spy(pool: Any, work: Any, files: Any, chunk: int, window: int) -> Any:
        calls.append((chunk, window))
        return real(pool, work, files, chunk, window)

    monkeypatch.setattr(batch, "_windowed", spy)
    monkeypatch.setattr(batch, "POOL_MIN_FILES", 2)
    spec = batch.EngineSpec("nz-default", "2026-11-28", (), None, 1000)
    files = [f"/nonexistent/p{i}.yaml" for i in range(3 * batch.CHUNK * batch.WINDOW)]
    items = list(batch.assess_many(None, spec, files, jobs=2))
    assert [i.path for i in items] == files
    assert calls == [(batch.CHUNK, batch.WINDOW * 2)]


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
