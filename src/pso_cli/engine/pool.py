"""Worker processes for a batch: supervised from outside, replaced when they die.

The parent hands each worker a few files at a time and reads back one result per file,
in any order; results are yielded in input order. What a worker does cannot end the
run:

- **A rule that overruns its budget** (one that catches the in-process time limit and
  carries on) is seen from outside: each worker writes which rule it is running, and
  since when, to shared memory; when the watchdog is on and a rule has run past its
  limit plus a grace second, the parent kills the worker, and the file is assessed again
  by a fresh worker with that rule reported as stopped (its error finding).
- **A worker that dies** (os._exit, a segfault, SIGKILL) costs only the file it was
  assessing: that file becomes a `worker-died` error (exit 70); files it held but had
  not started are given to its replacement.
- **The run stopping** (Ctrl-C, SIGTERM, SIGHUP, a reader that left) kills every worker
  at once; none outlives the run (they also die with the parent where the system
  allows, and never hold the parent's standard output).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

WATCH_GRACE_S = 1.0
POLL_S = 0.05
CHUNK = 8  # files sent to a worker at once (results still come back one by one)
WINDOW = 4  # chunks per worker dispatched ahead of the next result to be yielded

_INHERITED: Any = None  # the parent's engine, inherited by forked workers (not pickled)


@dataclasses.dataclass(frozen=True)
class Task:
    seq: int
    path: str
    data: bytes | None = None  # standard input, read by the parent
    skip: tuple[tuple[str, str], ...] = ()  # (rule code, error message) not to run
    problems: tuple[Any, ...] = ()  # standard input could not be read: these instead


class Watch:
    """What a worker is running, in shared memory: [rule index + 1, start time]."""

    __slots__ = ("board", "slot")

    def __init__(self, board: Any, slot: int) -> None:
        self.board, self.slot = board, 2 * slot

    def begin(self, index: int) -> None:
        self.board[self.slot + 1] = time.monotonic()
        self.board[self.slot] = index + 1.0

    def end(self) -> None:
        self.board[self.slot] = 0.0


def _isolate() -> None:
    """A worker: ignore Ctrl-C (the parent stops it), die on SIGTERM and with the parent,
    and never write to the parent's standard streams."""
    from pso_cli import stop

    stop.reset()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in stop.STOP_SIGNALS[1:]:
        signal.signal(sig, signal.SIG_DFL)
    import faulthandler

    faulthandler.disable()  # it may hold its own copy of stderr (PYTHONFAULTHANDLER, pytest)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _worker(conn: Any, spec: Any, board: Any, slot: int, work: Callable[..., Any]) -> None:
    _isolate()
    engine = _INHERITED
    if engine is None:
        from pso_cli.engine.batch import build_from_spec

        engine = build_from_spec(spec)
    engine = dataclasses.replace(engine, monitor=Watch(board, slot))
    while True:
        try:
            tasks = conn.recv()
        except (EOFError, OSError):
            return
        if tasks is None:
            return
        for task in tasks:
            conn.send((task.seq, work(engine, spec, task)))


class _Slot:
    """One worker process and the tasks it holds (sent, result not yet read)."""

    def __init__(self, process: Any, conn: Any) -> None:
        self.process, self.conn = process, conn
        self.held: deque[Task] = deque()


def died_message(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-exitcode).name}"
    return f"exited with status {exitcode}"


class Pool:
    """Run `work(engine, spec, task)` for every file in worker processes, results in order.

    `failed(task, reason)` makes the result for a file whose worker died; `limit` is the
    per-rule budget the watchdog enforces (None: no watchdog); `codes` names the active
    rules by the index a worker reports.
    """

    def __init__(
        self,
        spec: Any,
        engine: Any,
        jobs: int,
        work: Callable[..., Any],
        failed: Callable[[Task, str], Any],
        limit: float | None = None,
        codes: Sequence[str] = (),
    ) -> None:
        import multiprocessing

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.ctx: Any = multiprocessing.get_context(method)
        self.spec, self.engine, self.work, self.failed = spec, engine, work, failed
        self.jobs, self.limit, self.codes = jobs, limit, tuple(codes)
        self.board = self.ctx.RawArray("d", 2 * jobs)
        self.slots: list[_Slot | None] = [None] * jobs
        self.queue: deque[Task] = deque()
        self.results: dict[int, Any] = {}

    def _start(self, k: int) -> _Slot:
        global _INHERITED
        parent, child = self.ctx.Pipe()
        self.board[2 * k] = 0.0
        _INHERITED = self.engine if self.ctx.get_start_method() == "fork" else None
        process = self.ctx.Process(
            target=_worker, args=(child, self.spec, self.board, k, self.work), daemon=True
        )
        try:
            process.start()
        finally:
            _INHERITED = None
        child.close()
        slot = self.slots[k] = _Slot(process, parent)
        return slot

    def run(self, tasks: Iterator[Task], total: int) -> Iterator[Any]:
        pending = tasks
        next_out = 0
        try:
            for k in range(min(self.jobs, max(total, 1))):
                self._start(k)
            while next_out < total:
                self._dispatch(pending, next_out + WINDOW * CHUNK * self.jobs)
                self._wait()
                while next_out in self.results:
                    yield self.results.pop(next_out)
                    next_out += 1
        finally:
            self._shutdown(done=next_out >= total)

    def _dispatch(self, tasks: Iterator[Task], horizon: int) -> None:
        for k, slot in enumerate(self.slots):
            if slot is None:
                continue
            if not slot.held and not slot.process.is_alive():  # died idle: blame no file
                slot.process.join()
                self._replace(k, slot)
                slot = self.slots[k]
                assert slot is not None
            batch: list[Task] = []
            while len(slot.held) + len(batch) < CHUNK:
                task = self._next(tasks, horizon)
                if task is None:
                    break
                batch.append(task)
            if batch:
                slot.held.extend(batch)
                with contextlib.suppress(OSError):  # it died: its sentinel reports it
                    slot.conn.send(batch)

    def _next(self, tasks: Iterator[Task], horizon: int) -> Task | None:
        if self.queue:
            return self.queue.popleft()
        if self._peeked is None:
            self._peeked = next(tasks, None)
        task = self._peeked
        if task is None or task.seq >= horizon:
            return None
        self._peeked = None
        return task

    _peeked: Task | None = None

    def _wait(self) -> None:
        from multiprocessing.connection import wait

        live = [s for s in self.slots if s is not None and s.held]
        if not live:
            return
        ready = wait(
            [s.conn for s in live] + [s.process.sentinel for s in live],
            timeout=POLL_S if self.limit is not None else None,
        )
        for k, slot in enumerate(self.slots):
            if slot is None:
                continue
            if slot.conn in ready:
                self._read(slot)
            if slot.process.sentinel in ready and not slot.process.is_alive():
                self._died(k, slot)
        if self.limit is not None:
            self._watch()

    def _read(self, slot: _Slot) -> None:
        try:
            while slot.conn.poll():
                seq, result = slot.conn.recv()
                self.results[seq] = result
                if slot.held and slot.held[0].seq == seq:
                    slot.held.popleft()
        except (EOFError, OSError):
            pass

    def _died(self, k: int, slot: _Slot) -> None:
        self._read(slot)
        slot.process.join()
        if slot.held:
            culprit = slot.held.popleft()
            self.results[culprit.seq] = self.failed(culprit, died_message(slot.process.exitcode))
        self._replace(k, slot)

    def _replace(self, k: int, slot: _Slot) -> None:
        self.queue.extendleft(reversed(slot.held))
        slot.held.clear()
        slot.conn.close()
        self._start(k)

    def _watch(self) -> None:
        now = time.monotonic()
        assert self.limit is not None
        for k, slot in enumerate(self.slots):
            index = int(self.board[2 * k])
            if slot is None or not slot.held or index == 0:
                continue
            if now - self.board[2 * k + 1] <= self.limit + WATCH_GRACE_S:
                continue
            if int(self.board[2 * k]) != index:  # it moved on meanwhile
                continue
            slot.process.kill()
            slot.process.join()
            self._read(slot)
            if not slot.held:
                continue
            task = slot.held.popleft()
            code = self.codes[index - 1]
            message = f"rule stopped after its {self.limit:g}s time limit (its worker was killed)"
            self.queue.appendleft(dataclasses.replace(task, skip=(*task.skip, (code, message))))
            self._replace(k, slot)

    def _shutdown(self, done: bool) -> None:
        """Finished: let the workers end; stopped early: kill them now, queued work and all."""
        for slot in self.slots:
            if slot is None:
                continue
            with contextlib.suppress(OSError, ValueError):
                if done:
                    slot.conn.send(None)
                else:
                    slot.process.kill()
        for slot in self.slots:
            if slot is None:
                continue
            slot.process.join(timeout=5)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join()
            with contextlib.suppress(OSError):
                slot.conn.close()
        self.slots = [None] * self.jobs
