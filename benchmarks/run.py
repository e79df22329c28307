"""Benchmark `pso` against the targets of issue 18, and print the table.

Every figure is a ratio measured in this one run on this one machine, with the
baselines interleaved with the commands they judge, so a busy or slow machine moves
both sides together:

    B1 = python -c "import typer"
    B2 = python -c "import typer, rich.console, yaml; from pydantic import BaseModel"

Start-up commands are timed with hyperfine when it is on PATH (all commands in one
invocation, repeated in rounds) and otherwise with an interleaved loop of our own;
the figure is the median. Batches run `pso assess DIR --format jsonl` over generated
proposals (benchmarks/generate.py): cold (`--no-cache`) with `--jobs 1` and `--jobs 2`
in alternating rounds, the load average read before each; then `--jobs 1` with the
result cache, once filling it and then warm over the same unchanged files; and yamllint
(default configuration) over the same files when it is installed (a benchmark
requirement, never a dependency of pso: `pip install yamllint`). Peak RSS comes from
wait4() on each run (the largest of the process and its workers).

    python benchmarks/run.py                 # the full run (several minutes)
    python benchmarks/run.py --quick         # a small smoke run (CI), timings not judged
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from stages import cache_costs, event_floor, profile  # noqa: E402

AS_OF = "2026-11-28"
ONE_FILE = ROOT / "examples" / "ramsi-2003.yaml"
B1 = "import typer"
B2 = "import typer, rich.console, yaml; from pydantic import BaseModel"


@dataclass
class Sample:
    """One timed run: wall seconds, CPU seconds (user + system) and peak RSS in KiB."""

    wall: float
    cpu: float
    rss_kib: int
    code: int


@dataclass
class Series:
    name: str
    argv: list[str]
    samples: list[Sample] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)  # 1-minute load average before each

    def load_range(self) -> str:
        if not self.loads:
            return "?"
        low, high = min(self.loads), max(self.loads)
        return f"{low:.1f}" if f"{low:.1f}" == f"{high:.1f}" else f"{low:.1f}–{high:.1f}"

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def rss_kib(self) -> int:
        return max(s.rss_kib for s in self.samples)


def timed(
    argv: Sequence[str], stdout: int | None = subprocess.DEVNULL, stderr: int | None = None
) -> Sample:
    """Run a command; wall time, and CPU and peak RSS of it and its reaped children."""
    start = time.perf_counter()
    err = subprocess.DEVNULL if stderr is None else stderr
    proc = subprocess.Popen(argv, stdout=stdout, stderr=err)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode)


def find_pso() -> list[str]:
    exe = Path(sys.executable).with_name("pso")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pso")
    return [found] if found else [sys.executable, "-m", "pso_cli"]


def find_yamllint() -> list[str] | None:
    exe = Path(sys.executable).with_name("yamllint")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("yamllint")
    if found:
        return [found]
    import importlib.util

    if importlib.util.find_spec("yamllint") is None:
        return None
    return [sys.executable, "-m", "yamllint"]


def startup_series(pso: list[str], cache: Path) -> list[Series]:
    """The start-up commands; `pso assess one.yaml` cold (--no-cache, the target), and
    again with a warm result cache (the warm-up runs fill it) for comparison."""
    py = sys.executable
    one = str(ONE_FILE)
    assess = [*pso, "assess", one, "--as-of", AS_OF]
    return [
        Series("B1", [py, "-c", B1]),
        Series("B2", [py, "-c", B2]),
        Series("pso --version", [*pso, "--version"]),
        Series("pso --help", [*pso, "--help"]),
        Series("pso validate one.yaml", [*pso, "validate", one]),
        Series("pso assess one.yaml", [*assess, "--no-cache"]),
        Series("pso assess one.yaml (cached)", [*assess, "--cache-dir", str(cache)]),
    ]


def time_loop(series: list[Series], runs: int, warmup: int) -> str:
    for r in range(warmup + runs):
        shift = r % len(series)  # rotate the order so no command always runs first
        for s in series[shift:] + series[:shift]:
            sample = timed(s.argv)
            if r >= warmup:
                s.samples.append(sample)
    return "interleaved loop"


def time_hyperfine(series: list[Series], runs: int, warmup: int, rounds: int = 3) -> str:
    exe = shutil.which("hyperfine")
    assert exe is not None
    per_round = max(2, -(-runs // rounds))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "hf.json"
        for _ in range(rounds):
            cmd = [exe, "-N", "--style", "none", "--warmup", str(warmup), "--runs", str(per_round)]
            cmd += ["--export-json", str(out), *(subprocess.list2cmdline(s.argv) for s in series)]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            results = json.loads(out.read_text())["results"]
            for s, res in zip(series, results, strict=True):
                cpu = (res.get("user") or 0.0) + (res.get("system") or 0.0)
                s.samples += [Sample(t, cpu, 0, 0) for t in res["times"]]
    return f"hyperfine {_hyperfine_version(exe)}, {rounds} rounds"


def _hyperfine_version(exe: str) -> str:
    out = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout
    return out.split()[-1] if out else "?"


def corpus(work: Path, count: int, seed: int) -> Path:
    """Generated proposals, reused between runs when already present."""
    out = work / f"proposals-{count}-{seed}"
    stamp = out / ".complete"
    if not stamp.exists():
        shutil.rmtree(out, ignore_errors=True)
        generate(out, count, seed)
        stamp.write_text("ok\n")
    return out


def big_corpus(work: Path, small: Path, count: int) -> Path:
    """`count` files cycling the contents of the small corpus (generating is slower)."""
    out = work / f"proposals-big-{count}-{small.name}"
    stamp = out / ".complete"
    if not stamp.exists():
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        sources = sorted(small.glob("*.yaml"))
        texts = [p.read_bytes() for p in sources]
        for i in range(count):
            (out / f"p{i:06d}.yaml").write_bytes(texts[i % len(texts)])
        stamp.write_text("ok\n")
    return out


def batch_argv(pso: list[str], directory: Path, jobs: int, cache: Path | None = None) -> list[str]:
    """`pso assess DIR -f jsonl`: cold (--no-cache: every file parsed, validated and
    assessed) unless a cache directory is given."""
    where = ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    command = [*pso, "assess", str(directory), "--format", "jsonl", "--jobs", str(jobs)]
    return [*command, "--as-of", AS_OF, *where]


def load_now() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def run_batch(argv: list[str], sink: Path) -> Sample:
    errors = sink.with_suffix(".err")
    with sink.open("wb") as fh, errors.open("wb") as err:
        sample = timed(argv, stdout=fh.fileno(), stderr=err.fileno())
    if sample.code not in (0, 1, 3):  # 3: the corpus holds invalid files on purpose
        tail = errors.read_text(errors="replace")[-2000:]
        raise SystemExit(f"{subprocess.list2cmdline(argv)} exited {sample.code}:\n{tail}")
    return sample


def lines_in(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


@dataclass
class Row:
    metric: str
    measured: str
    target: str
    met: bool | None  # None: not measured


def _ratio_row(metric: str, value: float, limit: float, below: bool = True) -> Row:
    ok = value <= limit if below else value >= limit
    return Row(metric, f"{value:.2f}×", f"{'≤' if below else '≥'} {limit:g}×", ok)


def startup_rows(by: dict[str, Series]) -> list[Row]:
    b1, b2 = by["B1"].wall, by["B2"].wall
    return [
        _ratio_row("`pso --version` / B1", by["pso --version"].wall / b1, 1.3),
        _ratio_row("`pso --help` / B1", by["pso --help"].wall / b1, 2.5),
        _ratio_row("`pso validate one.yaml` / B2", by["pso validate one.yaml"].wall / b2, 1.4),
        _ratio_row(
            "`pso assess one.yaml` (text, `--no-cache`) / B2",
            by["pso assess one.yaml"].wall / b2,
            1.8,
        ),
    ]


def startup_detail(series: list[Series]) -> list[str]:
    lines = ["| command | median wall | median CPU |", "|---|---:|---:|"]
    lines += [f"| {s.name} | {s.wall * 1000:.0f} ms | {s.cpu * 1000:.0f} ms |" for s in series]
    return lines


@dataclass
class BatchResult:
    files: int
    jobs1: Series
    jobs2: Series
    yamllint: Series | None
    big: Series | None
    big_files: int
    filling: Series | None = None  # --jobs 1 writing the result cache (every file a miss)
    warm: Series | None = None  # --jobs 1 again over the same unchanged files (all hits)


def measure_batches(args: argparse.Namespace, pso: list[str], work: Path) -> BatchResult:
    small = corpus(work, args.files, args.seed)
    sink = work / "out.jsonl"
    jobs1 = Series("pso --jobs 1", batch_argv(pso, small, 1))
    jobs2 = Series("pso --jobs 2", batch_argv(pso, small, 2))
    lint_cmd = None if args.no_yamllint else find_yamllint()
    lint = (
        Series("yamllint", [*lint_cmd, "-d", "default", "-f", "parsable", str(small)])
        if lint_cmd
        else None
    )
    cache = work / "result-cache"
    shutil.rmtree(cache, ignore_errors=True)
    filling = Series("pso --jobs 1, filling the cache", batch_argv(pso, small, 1, cache))
    warm = Series("pso --jobs 1, cache warm", batch_argv(pso, small, 1, cache))
    cold_out = work / "cold.jsonl"

    def once(s: Series) -> None:
        s.loads.append(load_now())
        s.samples.append(run_batch(s.argv, sink))
        if (got := lines_in(sink)) != args.files:
            raise SystemExit(f"{s.name}: {got} JSONL lines, expected {args.files}")

    for r in range(args.batch_runs):
        for s in (jobs1, jobs2) if r % 2 == 0 else (jobs2, jobs1):
            once(s)
        if lint is not None and r < args.yamllint_runs:
            lint.loads.append(load_now())
            lint.samples.append(timed(lint.argv))
    shutil.copyfile(sink, cold_out)
    once(filling)
    for _ in range(args.batch_runs):
        once(warm)
        # The cache's promise, checked here too; in 8 KiB chunks: reading both files whole
        # would grow this process, and a child forked from it reports that as its peak RSS.
        if not filecmp.cmp(sink, cold_out, shallow=False):
            raise SystemExit("a warm run's output differs from the cold run's")
    big = None
    if args.memory_files:
        large = big_corpus(work, small, args.memory_files)
        big = Series(f"pso --jobs 2 ({args.memory_files} files)", batch_argv(pso, large, 2))
        big.samples.append(run_batch(big.argv, sink))
    return BatchResult(args.files, jobs1, jobs2, lint, big, args.memory_files, filling, warm)


def batch_rows(b: BatchResult) -> list[Row]:
    rate1 = b.files / b.jobs1.wall
    rate2 = b.files / b.jobs2.wall
    warm = b.files / b.warm.wall if b.warm is not None else None
    rows = []
    if b.yamllint is not None:
        lint_rate = b.files / b.yamllint.wall
        if warm is not None:
            rows.append(
                _ratio_row(
                    f"warm cache `--jobs 1` ({warm:,.0f} proposals/s, {b.files} unchanged "
                    f"files) / yamllint ({lint_rate:,.1f} files/s)",
                    warm / lint_rate,
                    150,
                    below=False,
                )
            )
        rows.append(
            _ratio_row(
                f"cold `--jobs 1` ({rate1:,.0f} proposals/s) / yamllint",
                rate1 / lint_rate,
                25,
                below=False,
            )
        )
    else:
        rows.append(Row("warm cache / yamllint files/s", "yamllint not installed", "≥ 150×", None))
        rows.append(
            Row("cold `--jobs 1` / yamllint files/s", "yamllint not installed", "≥ 25×", None)
        )
    rows.append(
        _ratio_row(
            f"cold `--jobs 2` / `--jobs 1` throughput (load average {b.jobs2.load_range()} "
            f"/ {b.jobs1.load_range()} before the runs)",
            rate2 / rate1,
            1.6,
            below=False,
        )
    )
    if b.big is not None:
        ratio = b.big.rss_kib / max(b.jobs2.rss_kib, 1)
        rows.append(
            Row(
                f"peak RSS {b.big_files} / {b.files} files (`--jobs 2`)",
                f"{ratio:.2f}× ({b.big.rss_kib / 1024:.0f} / {b.jobs2.rss_kib / 1024:.0f} MiB)",
                "≤ 1.15×",
                ratio <= 1.15,
            )
        )
    else:
        rows.append(Row("peak RSS ratio", "not measured", "≤ 1.15×", None))
    return rows


def batch_detail(b: BatchResult) -> list[str]:
    lines = [
        "| batch | median wall | files/s | median CPU | peak RSS | load average before |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for s, n in (
        (b.jobs1, b.files),
        (b.jobs2, b.files),
        (b.filling, b.files),
        (b.warm, b.files),
        (b.yamllint, b.files),
        (b.big, b.big_files),
    ):
        if s is not None:
            lines.append(
                f"| {s.name} | {s.wall:.2f} s | {n / s.wall:,.1f} | {s.cpu:.2f} s | "
                f"{s.rss_kib / 1024:.0f} MiB | {s.load_range()} |"
            )
    return lines


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mem = ""
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        mem = f", {os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.0f} GiB"
    import yaml

    from pso_cli import __version__

    libyaml = "libyaml" if getattr(yaml, "__with_libyaml__", False) else "NO libyaml"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.system()} {platform.machine()}, {cpu}, {cores} cores{mem}; "
        f"Python {platform.python_version()}, PyYAML {yaml.__version__} ({libyaml}); "
        f"pso {__version__}; load average {load:.1f} at the end"
    )


def table(rows: list[Row]) -> list[str]:
    out = ["| target | measured | required | met |", "|---|---:|---:|:---:|"]
    for r in rows:
        met = "—" if r.met is None else ("yes" if r.met else "**no**")
        out.append(f"| {r.metric} | {r.measured} | {r.target} | {met} |")
    return out


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Benchmark pso against the issue 18 targets.")
    p.add_argument("--quick", action="store_true", help="small smoke run; timings not judged")
    p.add_argument("--files", type=int, default=4000, help="batch size")
    p.add_argument(
        "--memory-files", type=int, default=40000, help="large batch for peak RSS (0: skip)"
    )
    p.add_argument("--runs", type=int, default=15, help="start-up runs per command")
    p.add_argument("--batch-runs", type=int, default=3, help="rounds of --jobs 1 / --jobs 2")
    p.add_argument("--yamllint-runs", type=int, default=1)
    p.add_argument("--no-yamllint", action="store_true")
    p.add_argument("--timer", choices=("auto", "loop", "hyperfine"), default="auto")
    p.add_argument("--profile-files", type=int, default=1000, help="files in the stage profile")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--workdir", type=Path, default=None, help="keep generated files here")
    p.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = p.parse_args(argv)
    if args.quick:
        args.files, args.memory_files = min(args.files, 40), min(args.memory_files, 80)
        args.runs, args.batch_runs, args.profile_files = 2, 1, min(args.profile_files, 30)
        args.timer = "loop" if args.timer == "auto" else args.timer
    return args


def precompile() -> None:
    """Byte-compile pso's modules first, as `pip install` does.

    A checkout installed in editable mode has no .pyc files until Python writes them,
    and with PYTHONDONTWRITEBYTECODE set it never does: every run would compile every
    module again, while the baselines import byte-compiled site-packages.
    """
    import compileall

    import pso_cli

    compileall.compile_dir(Path(pso_cli.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    pso = find_pso()
    precompile()
    started = time.perf_counter()
    use_hf = args.timer == "hyperfine" or (args.timer == "auto" and shutil.which("hyperfine"))
    with tempfile.TemporaryDirectory(prefix="pso-bench-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        one_cache = work / "one-file-cache"
        shutil.rmtree(one_cache, ignore_errors=True)
        series = startup_series(pso, one_cache)
        how = (time_hyperfine if use_hf else time_loop)(series, args.runs, 0 if args.quick else 2)
        by = {s.name: s for s in series}
        batches = measure_batches(args, pso, work)
        small = corpus(work, args.files, args.seed)
        files = sorted(str(p) for p in small.glob("*.yaml"))[: args.profile_files]
        import datetime as dt

        stages = profile(files, dt.date.fromisoformat(AS_OF))
        stages.events_ns = event_floor(files)
        stages.cache_us = cache_costs(files, dt.date.fromisoformat(AS_OF), work / "stage-cache")
    rows = startup_rows(by) + batch_rows(batches)
    command = "python benchmarks/run.py" + (" --quick" if args.quick else "")
    out = [
        f"Machine: {machine()}",
        f"Command: `{command}` ({time.perf_counter() - started:.0f} s; start-up timed by {how}, "
        f"{args.runs} runs, medians)",
        "",
        *table(rows),
        "",
        *startup_detail(series),
        "",
        *batch_detail(batches),
        "",
        stages.table(),
    ]
    print("\n".join(out))
    if args.json:
        figures = {
            "rows": [r.__dict__ for r in rows],
            "startup": {s.name: {"wall": s.wall, "cpu": s.cpu} for s in series},
            "stages_us": stages.per_file_us(),
        }
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
