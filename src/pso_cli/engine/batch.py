"""Assess many inputs, in order: in this process, or in supervised worker processes.

Which mode runs (README, "Limits and guarantees"):

- **Only pso's own rules, `--jobs 1`, a batch under POOL_MIN_FILES files, or standard
  input:** in this process. pso's rules are bounded; the in-process rule clock (an
  interval timer) still stops one past its 2 s budget.
- **Only pso's own rules, `--jobs N` > 1 and a batch of POOL_MIN_FILES files or more:**
  N worker processes (engine.pool), for speed.
- **Any third-party rule pack loaded** (an entry point other than pso's own, or
  `--rules`): always worker processes, min(N, files) of them, even for one file, with
  the watchdog on, so a rule that defeats the in-process clock is killed from outside
  and a pack that kills its process (os._exit, a segfault) costs only that file.

Results come back in input order, so output is byte-identical whatever `jobs` is. Work
is dispatched a bounded window ahead of the results being read, never the whole batch
at once, so the parent's memory does not grow with the batch. multiprocessing is
imported only when workers start (a one-file run does not pay for it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pso_cli.engine.pool import CHUNK, WINDOW, Pool, Task
from pso_cli.model.run import Item

__all__ = ["CHUNK", "POOL_MIN_FILES", "WINDOW", "EngineSpec", "assess_lines", "assess_many"]

POOL_MIN_FILES = 48


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
    stdin_filename: str = "<stdin>"
    cache: Any = None  # engine.cache.ResultCache, or None: no result cache this run


Brief = tuple[str | None, bool]  # (verdict, None for an invalid input, "error"; fragile)


def build_from_spec(spec: EngineSpec) -> Any:
    """The engine a worker started without the parent's memory (spawn) builds itself."""
    import datetime as dt

    from pso_cli.engine.build import build_engine

    return build_engine(
        spec.profile,
        dt.date.fromisoformat(spec.as_of) if spec.as_of else None,
        spec.rules_files,
        spec.commitments,
        spec.analysis,
    )


def brief(item: Item) -> Brief:
    """What a streaming run keeps of an item once it is written: enough for the exit code."""
    if getattr(item, "failed", False):
        return "error", False
    verdict = getattr(item, "verdict", None)
    sensitivity = getattr(item, "sensitivity", None)
    return (
        verdict.value if verdict is not None else None,
        bool(sensitivity and sensitivity.fragile),
    )


def _assess_task(engine: Any, spec: EngineSpec, task: Task) -> Item:
    import dataclasses

    from pso_cli.engine.build import assess_bytes

    if task.problems:
        from pso_cli.loading.load import shown_name
        from pso_cli.model.run import Invalid

        return Invalid(shown_name(task.path, spec.stdin_filename), task.problems)
    if task.skip:
        engine = dataclasses.replace(engine, skipped=dict(task.skip))
    if task.data is not None:
        return assess_bytes(engine, task.data, spec.stdin_filename)
    return _assess_path(engine, spec, task.path, spec.stdin_filename, retried=bool(task.skip))


def _assess_path(
    engine: Any, spec: EngineSpec, path: str, stdin_filename: str, retried: bool = False
) -> Item:
    """One file, through the result cache when the run has one (never standard input,
    never a file re-assessed with a rule stopped from outside)."""
    from pso_cli.engine.build import assess_one

    if spec.cache is None or path == "-" or retried:
        return assess_one(engine, path, spec.max_bytes, stdin_filename)
    from pso_cli.engine.cache import assess_cached

    return assess_cached(engine, spec.cache, path, spec.max_bytes, stdin_filename)


def _line_task(engine: Any, spec: EngineSpec, task: Task) -> tuple[Brief, str]:
    """Assess and render one JSON line in the worker: the parent only writes it."""
    from pso_cli.render.json_report import render_line

    item = _assess_task(engine, spec, task)
    return brief(item), render_line(item, spec.info)


def failed_item(task: Task, reason: str, stdin_filename: str = "<stdin>") -> Item:
    """The result of a file whose worker process died while assessing it (exit 70)."""
    from pso_cli.errors import Location, Problem
    from pso_cli.loading.load import shown_name
    from pso_cli.model.run import Invalid

    name = shown_name(task.path, stdin_filename)
    message = (
        f"pso could not assess this file: the worker process assessing it {reason} "
        "(a rule pack may have crashed it); the other files were assessed"
    )
    return Invalid(name, (Problem(Location(name), message, "worker-died"),), failed=True)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _third_party(engine: Any) -> bool:
    registry = getattr(engine, "registry", None)
    return bool(registry is not None and registry.third_party)


def _pooled(engine: Any, jobs: int, files: Sequence[str]) -> bool:
    if _third_party(engine):
        return True
    return jobs > 1 and len(files) >= POOL_MIN_FILES and "-" not in files


def assess_many(
    engine: object,
    spec: EngineSpec,
    files: Sequence[str],
    jobs: int,
    stdin_filename: str = "<stdin>",
) -> Iterator[Item]:
    """Yield one item per file, in order."""
    if not _pooled(engine, jobs, files):
        for path in files:
            yield _assess_path(engine, spec, path, stdin_filename)
        return
    yield from _pool_run(engine, spec, files, jobs, stdin_filename, lines=False)


def assess_lines(
    engine: object,
    spec: EngineSpec,
    files: Sequence[str],
    jobs: int,
    stdin_filename: str = "<stdin>",
) -> Iterator[tuple[Brief, str]]:
    """Yield (brief, JSON line) per file, in order; in a pool, workers render the lines."""
    from pso_cli.render.json_report import render_line

    if not _pooled(engine, jobs, files):
        for path in files:
            item = _assess_path(engine, spec, path, stdin_filename)
            yield brief(item), render_line(item, spec.info)
        return
    yield from _pool_run(engine, spec, files, jobs, stdin_filename, lines=True)


def _tasks(files: Sequence[str], spec: EngineSpec) -> Iterator[Task]:
    from pso_cli.errors import InputError
    from pso_cli.loading.load import read_stdin, shown_name

    for seq, path in enumerate(files):
        if path != "-":
            yield Task(seq, path)
            continue
        try:  # standard input stays the parent's; the worker gets its bytes
            data = read_stdin(spec.max_bytes, shown_name(path, spec.stdin_filename))
        except InputError as exc:
            yield Task(seq, path, problems=tuple(exc.problems))
            continue
        yield Task(seq, path, data=data)


def _pool_run(
    engine: Any, spec: EngineSpec, files: Sequence[str], jobs: int, stdin: str, lines: bool
) -> Iterator[Any]:
    import dataclasses

    from pso_cli.engine.evaluate import RULE_TIME_LIMIT_S

    spec = dataclasses.replace(spec, stdin_filename=stdin)
    watch = _third_party(engine)

    def failed(task: Task, reason: str) -> Any:
        item = failed_item(task, reason, stdin)
        if not lines:
            return item
        from pso_cli.render.json_report import render_line

        return brief(item), render_line(item, spec.info)

    codes = [a.rule.code for a in engine.rules] if engine is not None else []
    pool = Pool(
        spec,
        engine,
        max(1, min(jobs, len(files))),
        _line_task if lines else _assess_task,
        failed,
        limit=RULE_TIME_LIMIT_S if watch else None,
        codes=codes,
    )
    yield from pool.run(_tasks(files, spec), len(files))
