"""Carry out an assess request: build once, assess in order, write every output."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pso_cli.cli.outputs import StdoutSink, refuse_outputs, write_outputs
from pso_cli.errors import ConfigError, Location, Problem
from pso_cli.model.findings import Verdict
from pso_cli.model.run import Item, RunInfo, RunResult, exit_code, failed, verdicts
from pso_cli.render import BY_SUFFIX, FORMATS


@dataclass
class Request:
    paths: list[str]
    fmt: str = "text"
    fmt_explicit: bool = False  # --format (or a settings file) chose it
    outputs: list[str] = field(default_factory=list)
    profile: str = "nz-default"
    fail_on: str = "do-not-recommend"
    rules: list[str] = field(default_factory=list)
    commitments: str | None = None
    as_of: dt.date | None = None  # None: each proposal at its own decision_date
    detail: bool = False  # text: the full report, not the brief (or a batch's lines)
    jobs: int | None = None
    width: int | None = None
    timestamp: bool = False
    exclude: list[str] = field(default_factory=list)
    stdin_filename: str = "<stdin>"
    max_bytes: int = 2 * 1024 * 1024
    sensitivity: bool = False
    what_if: bool | None = None  # None: on where a report for people shows it
    fail_on_fragile: bool = False
    seed: int = 0
    samples: int = 2000
    annotate: bool = False  # also print GitHub annotations (auto under GITHUB_ACTIONS)
    cache: bool = True  # the result cache (engine/cache.py); --no-cache, PSO_NO_CACHE=1
    cache_dir: str | None = None  # --cache-dir, PSO_CACHE_DIR; None: the XDG cache


def parse_outputs(req: Request) -> list[tuple[str, str]]:
    """[FORMAT:]FILE pairs. An unprefixed FILE takes --format when it was given, else the
    format its extension names (report.sarif is SARIF), else text."""
    out = []
    for spec in req.outputs:
        fmt, sep, path = spec.partition(":")
        if sep and fmt in FORMATS:
            out.append((fmt, path))
        elif req.fmt_explicit:
            out.append((req.fmt, spec))
        else:
            suffix = os.path.splitext(spec)[1].lower()
            out.append((BY_SUFFIX.get(suffix, req.fmt), spec))
    return out


def execute(req: Request) -> int:
    from pso_cli.api import build_engine, run_info
    from pso_cli.engine.batch import EngineSpec, assess_many, default_jobs
    from pso_cli.loading.kinds import PROPOSAL, select

    now = dt.datetime.now(dt.UTC)  # the run's start: JUnit's timestamp, --timestamp
    chosen = select(req.paths, frozenset({PROPOSAL}), req.exclude, req.max_bytes)
    files = chosen.files
    if not files and not chosen.empty_by_choice:
        raise ConfigError(
            [Problem(Location(", ".join(req.paths)), "no proposal files found", "no-input")]
        )
    outputs = parse_outputs(req)
    refuse_outputs(outputs, files)
    from pso_cli.engine.assess import Analysis

    what_if = req.what_if if req.what_if is not None else _shows_changes(req, outputs, files)
    analysis = Analysis(what_if, req.sensitivity, req.samples, req.seed)
    engine = build_engine(req.profile, req.as_of, req.rules, req.commitments, analysis)
    stamp = now.replace(microsecond=0).isoformat() if req.timestamp else None
    info = run_info(engine, req.fail_on, stamp, now)
    spec = EngineSpec(
        req.profile,
        req.as_of.isoformat() if req.as_of else "",  # none: each file at its decision_date
        tuple(req.rules),
        req.commitments,
        req.max_bytes,
        analysis,
        info,
        cache=_cache(req, engine),
    )
    jobs = req.jobs or default_jobs()
    stdout_fmt = None if outputs_cover_stdout(req) else req.fmt
    if stdout_fmt is not None and _streamed(stdout_fmt) and not outputs and not req.annotate:
        return _stream(req, engine, spec, files, jobs, info, stdout_fmt)
    stream = assess_many(engine, spec, files, jobs, req.stdin_filename)
    from pso_cli.cli import progress

    on_terminal = stdout_fmt is not None and sys.stdout.isatty()
    stream = progress.tracked(stream, len(files), progress.wanted(len(files), on_terminal))
    out = StdoutSink(keep_going=bool(outputs))
    items = _consume(stream, req, info, stdout_fmt, out, len(files))
    fragile = req.fail_on_fragile and any(_fragile(i) for i in items)
    code = exit_code(verdicts(items), req.fail_on, fragile, failed(items))
    run = RunResult(info, tuple(items), code)
    write_outputs(run, outputs, req.width, req.detail)
    if out.failure is not None:
        raise out.failure
    if stdout_fmt is not None and not _streamed(stdout_fmt):
        from pso_cli.render import renderer

        sys.stdout.write(renderer(str(stdout_fmt))(run))
    if req.annotate:
        from pso_cli.render import renderer

        sys.stdout.write(renderer("github")(run))
    return run.exit_code


def _cache(req: Request, engine: Any) -> Any:
    """The run's result cache, or None: --no-cache, or --rules (a local rule pack's code
    can change with no version to show it, so such a run is never cached)."""
    if not req.cache or req.rules:
        return None
    from pso_cli.engine.cache import ResultCache

    try:
        return ResultCache.for_engine(engine, req.cache_dir)
    except OSError:  # the commitments file vanished since it was read: no cache
        return None


def _shows_changes(req: Request, outputs: list[tuple[str, str]], files: list[str]) -> bool:
    """Whether any report of this run shows what would change the verdict: a report for
    people (text, markdown, html), but not a batch's one line per file."""
    from pso_cli.render.text import LINE, mode_for

    if req.sensitivity:
        return True
    shown = [] if outputs_cover_stdout(req) else [req.fmt]
    for fmt in [*shown, *(f for f, _ in outputs)]:
        if fmt == "text" and mode_for(len(files), req.detail) == LINE:
            continue
        if fmt in FORMATS and FORMATS[fmt].human:
            return True
    return False


def _streamed(fmt: str) -> bool:
    """Text and JSON Lines reach stdout as each result finishes, never as one document."""
    return fmt in FORMATS and FORMATS[fmt].streamed


class Tally:
    """What a streaming run keeps once each result is written: counts for the summary
    and the exit code, nothing per file, so memory stays flat however long the batch."""

    def __init__(self) -> None:
        self.counts = {v.value: 0 for v in Verdict} | {"invalid": 0}
        self.fragile = False
        self.failed = False

    def add(self, verdict: str | None, fragile: bool) -> None:
        if verdict == "error":  # not assessed: its worker died (counted with the invalid)
            self.failed, verdict = True, None
        self.counts[verdict or "invalid"] += 1
        self.fragile = self.fragile or fragile

    def exit_code(self, fail_on: str, fail_on_fragile: bool) -> int:
        seen = [None if v == "invalid" else Verdict(v) for v, n in self.counts.items() if n]
        return exit_code(seen, fail_on, fail_on_fragile and self.fragile, self.failed)


def _stream(
    req: Request,
    engine: Any,
    spec: Any,
    files: list[str],
    jobs: int,
    info: RunInfo,
    fmt: str,
) -> int:
    """Text or JSON Lines to stdout, each result written as it finishes and then dropped."""
    from pso_cli.cli import progress
    from pso_cli.engine.batch import assess_lines, assess_many, brief

    tally = Tally()
    show = progress.wanted(len(files), sys.stdout.isatty())
    if fmt == "jsonl":
        for (verdict, fragile), line in progress.tracked(
            assess_lines(engine, spec, files, jobs, req.stdin_filename), len(files), show
        ):
            sys.stdout.write(line)
            sys.stdout.flush()
            tally.add(verdict, fragile)
        return tally.exit_code(req.fail_on, req.fail_on_fragile)

    from pso_cli.render.text import make_console, mode_for, print_head, print_item, print_summary

    console = make_console(width=req.width)
    mode = mode_for(len(files), req.detail)
    print_head(console, mode)
    stream = assess_many(engine, spec, files, jobs, req.stdin_filename)
    for item in progress.tracked(stream, len(files), show):
        print_item(console, item, mode)
        tally.add(*brief(item))
    print_summary(console, tally.counts, mode)
    return tally.exit_code(req.fail_on, req.fail_on_fragile)


def _fragile(item: Item) -> bool:
    sensitivity = getattr(item, "sensitivity", None)
    return bool(sensitivity and sensitivity.fragile)


def outputs_cover_stdout(req: Request) -> bool:
    """An unprefixed --output takes the place of stdout."""
    return any(not (s.partition(":")[1] and s.partition(":")[0] in FORMATS) for s in req.outputs)


def _consume(
    stream: Iterable[Item],
    req: Request,
    info: RunInfo,
    stdout_fmt: str | None,
    out: StdoutSink,
    files: int,
) -> list[Item]:
    """Collect items; text and JSONL are streamed to stdout as each finishes."""
    from pso_cli.render.text import make_console, mode_for, print_head, print_item, print_summary

    items: list[Item] = []
    console = make_console(width=req.width) if stdout_fmt == "text" else None
    mode = mode_for(files, req.detail)
    if console is not None:
        out.write(print_head, console, mode)
    for item in stream:
        items.append(item)
        if console is not None:
            out.write(print_item, console, item, mode)
        elif stdout_fmt == "jsonl":
            from pso_cli.render.json_report import render_line

            out.write(_write_flush, render_line(item, info))
    if console is not None:
        out.write(print_summary, console, RunResult(info, tuple(items)).counts(), mode)
    return items


def _write_flush(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
