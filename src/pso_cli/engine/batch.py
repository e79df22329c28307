"""Assess many inputs, in order, in parallel when the batch is large enough to win.

Workers build the engine once (registry, profile, rules) and return finished items;
results come back in input order, so output is byte-identical whatever `jobs` is.
Work is submitted a few chunks ahead of the results being read (`WINDOW` per worker),
never the whole batch at once, so the parent's memory does not grow with the batch.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from pso_cli.model.run import Item

POOL_MIN_FILES = 48
CHUNK = 16
WINDOW = 4  # chunks in flight per worker: enough to keep every worker busy


@dataclass(frozen=True)
class EngineSpec:
    """What a worker needs to rebuild the same engine (picklable)."""

    profile: str
    as_of: str
    rules_files: tuple[str, ...]
    commitments: str | None
    max_bytes: int
    analysis: Any = None  # engine.assess.Analysis (a frozen dataclass, picklable)
    info: Any = None  # model.run.RunInfo, for workers that render JSON Lines themselves


Brief = tuple[str | None, bool]  # (verdict, or None for an invalid input; fragile)


_WORKER: tuple[object, EngineSpec] | None = None


def _init(spec: EngineSpec) -> None:
    import datetime as dt
    import signal

    # Ctrl-C reaches the whole process group: the parent handles it and stops the
    # workers, which must not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):  # the parent's handlers are for the parent
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)

    from pso_cli.api import build_engine

    global _WORKER
    _WORKER = (
        build_engine(
            spec.profile,
            dt.date.fromisoformat(spec.as_of),
            spec.rules_files,
            spec.commitments,
            spec.analysis,
        ),
        spec,
    )


def _work(path: str) -> Item:
    from pso_cli.api import assess_one

    assert _WORKER is not None
    engine, spec = _WORKER
    return assess_one(engine, path, spec.max_bytes)  # type: ignore[arg-type]


def brief(item: Item) -> Brief:
    """What a streaming run keeps of an item once it is written: enough for the exit code."""
    verdict = getattr(item, "verdict", None)
    sensitivity = getattr(item, "sensitivity", None)
    return (
        verdict.value if verdict is not None else None,
        bool(sensitivity and sensitivity.fragile),
    )


def _work_line(path: str) -> tuple[Brief, str]:
    """Assess and render one JSON line in the worker: the parent only writes it."""
    from pso_cli.render.json_report import render_line

    item = _work(path)
    assert _WORKER is not None
    return brief(item), render_line(item, _WORKER[1].info)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def assess_many(
    engine: object,
    spec: EngineSpec,
    files: Sequence[str],
    jobs: int,
    stdin_filename: str = "<stdin>",
) -> Iterator[Item]:
    """Yield one item per file, in order."""
    from pso_cli.api import assess_one

    if not _pooled(jobs, files):
        for path in files:
            yield assess_one(engine, path, spec.max_bytes, stdin_filename)  # type: ignore[arg-type]
        return
    yield from _pool_map(_work, spec, files, jobs)


def assess_lines(
    engine: object,
    spec: EngineSpec,
    files: Sequence[str],
    jobs: int,
    stdin_filename: str = "<stdin>",
) -> Iterator[tuple[Brief, str]]:
    """Yield (brief, JSON line) per file, in order; in a pool, workers render the lines."""
    from pso_cli.api import assess_one
    from pso_cli.render.json_report import render_line

    if not _pooled(jobs, files):
        for path in files:
            item = assess_one(engine, path, spec.max_bytes, stdin_filename)  # type: ignore[arg-type]
            yield brief(item), render_line(item, spec.info)
        return
    yield from _pool_map(_work_line, spec, files, jobs)


def _pooled(jobs: int, files: Sequence[str]) -> bool:
    return jobs > 1 and len(files) >= POOL_MIN_FILES and "-" not in files


def _pool_map(work: Any, spec: EngineSpec, files: Sequence[str], jobs: int) -> Iterator[Any]:
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_init, initargs=(spec,)
    )
    try:
        yield from _windowed(pool, work, files, CHUNK, WINDOW * jobs)
    except BaseException:  # Ctrl-C, a closed stdout: stop now, not after the queued work
        _stop(pool)
        raise
    pool.shutdown()


def _windowed(
    pool: ProcessPoolExecutor, work: Any, files: Sequence[str], chunk: int, window: int
) -> Iterator[Any]:
    """`pool.map(work, files, chunksize=chunk)`, in order, with at most `window` chunks
    submitted and not yet read; Executor.map would submit every chunk up front, one
    future and one work item each, and hold them all for the length of the batch."""
    pending: deque[Future[list[Any]]] = deque()
    for start in range(0, len(files), chunk):
        pending.append(pool.submit(_run_chunk, work, files[start : start + chunk]))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _run_chunk(work: Any, paths: Sequence[str]) -> list[Any]:
    return [work(path) for path in paths]


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers at once; shutdown(wait=True) would finish every queued chunk."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
