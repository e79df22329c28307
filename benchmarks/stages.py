"""Per-stage profile: where one proposal's time goes, stage by stage.

Calls the pipeline's stages directly (no instrumentation in `src/`) over a directory of
proposals, in one process with the engine built once, as a `--jobs 1` batch does:

    read       loading.reader.read_bytes + sha256
    parse      loading.reader.decode + loading.yaml_source.parse_yaml
    validate   Proposal.model_validate
    rules      engine.evaluate.evaluate (every active rule, findings stamped)
    aggregate  engine.assess.finish (acceptances, confidence, scores, verdict)
    render     render.json_report.render_line (one JSONL line)

    python benchmarks/stages.py DIR [--limit N] [--as-of YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

STAGES = ("read", "parse", "validate", "rules", "aggregate", "render")


@dataclass
class StageTimes:
    """Nanoseconds spent in each stage, summed over the proposals that reached it."""

    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STAGES, 0))
    reached: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STAGES, 0))
    files: int = 0
    invalid: int = 0
    events_ns: int = 0  # PyYAML's C parser alone, over the same files (see `event_floor`)
    cache_us: dict[str, float] = field(default_factory=dict)  # see `cache_costs`

    def add(self, stage: str, ns: int) -> None:
        self.total[stage] += ns
        self.reached[stage] += 1

    def per_file_us(self) -> dict[str, float]:
        """Mean microseconds per input file (every file, reached or not)."""
        return {s: self.total[s] / max(self.files, 1) / 1000 for s in STAGES}

    def table(self) -> str:
        per = self.per_file_us()
        whole = sum(per.values()) or 1.0
        lines = [
            f"Per-stage profile (CPU time) over {self.files} files "
            f"({self.invalid} invalid), one process",
            "",
            "| stage | µs per file | share | files reaching it |",
            "|---|---:|---:|---:|",
        ]
        for s in STAGES:
            lines.append(f"| {s} | {per[s]:.0f} | {per[s] / whole:.0%} | {self.reached[s]} |")
        lines.append(f"| **total** | **{whole:.0f}** | 100% | {self.files} |")
        lines.append(f"\n≈ {1e6 / whole:,.0f} proposals/s in one process, before output.")
        if self.events_ns:
            floor = self.events_ns / max(self.files, 1) / 1000
            lines.append(
                f"PyYAML's C parser alone, only producing the event stream of the same files "
                f"(no pso code), takes {floor:.0f} µs per file: {1e6 / floor:,.0f} files/s is "
                "the ceiling for any loader built on PyYAML, before validation, rules or output."
            )
        if self.cache_us:
            c = self.cache_us
            lines += [
                "",
                "Result cache, CPU µs per file in one process (the same files; before output):",
                "",
                "| path | µs per file |",
                "|---|---:|",
                *(f"| {name} | {us:.0f} |" for name, us in c.items()),
            ]
        return "\n".join(lines)


def profile(files: Sequence[str], as_of: dt.date) -> StageTimes:
    from pydantic import ValidationError

    from pso_cli.api import build_engine, run_info
    from pso_cli.engine.assess import finish
    from pso_cli.engine.evaluate import evaluate
    from pso_cli.errors import InputError
    from pso_cli.loading.load import Loaded
    from pso_cli.loading.reader import decode, read_bytes
    from pso_cli.loading.yaml_source import parse_yaml
    from pso_cli.model.proposal import Proposal
    from pso_cli.render.json_report import render_line

    engine = build_engine("nz-default", as_of)
    info = run_info(engine)
    times = StageTimes()
    clock = time.thread_time_ns  # CPU time: robust when the machine is shared
    for path in files:
        times.files += 1
        t0 = clock()
        try:
            data = read_bytes(path)
            digest = hashlib.sha256(data).hexdigest()
            t1 = clock()
            times.add("read", t1 - t0)
            value, smap = parse_yaml(decode(data, path), path)
            t2 = clock()
            times.add("parse", t2 - t1)
            proposal = Proposal.model_validate(value)
            t3 = clock()
            times.add("validate", t3 - t2)
        except (InputError, ValidationError, TypeError):
            times.invalid += 1
            continue
        loaded = Loaded(path, digest, proposal, smap)
        raw = evaluate(loaded, engine.rules, engine.as_of, engine.commitments)
        t4 = clock()
        times.add("rules", t4 - t3)
        assessment = finish(engine, loaded, raw)
        t5 = clock()
        times.add("aggregate", t5 - t4)
        render_line(assessment, info)
        times.add("render", clock() - t5)
    return times


def cache_costs(files: Sequence[str], as_of: dt.date, directory: Path) -> dict[str, float]:
    """CPU µs per file of one file through the result cache: assessed without it, a miss
    (read, hash, assess, encode, write), a hit (read, hash, read the entry, check and
    decode it), and a hit with its JSON line rendered (what a warm batch does per file)."""
    import shutil

    from pso_cli.api import build_engine, run_info
    from pso_cli.engine.build import assess_one
    from pso_cli.engine.cache import ResultCache, assess_cached
    from pso_cli.render.json_report import render_line

    engine = build_engine(as_of=as_of)
    info = run_info(engine)
    shutil.rmtree(directory, ignore_errors=True)
    cache = ResultCache.for_engine(engine, str(directory))
    n = max(len(files), 1)

    def each(fn: object) -> float:
        start = time.process_time_ns()
        for f in files:
            fn(f)  # type: ignore[operator]
        return (time.process_time_ns() - start) / n / 1000

    out = {"no cache (assess_one)": each(lambda f: assess_one(engine, f))}
    out["miss: assess and store"] = each(lambda f: assess_cached(engine, cache, f, 2**21, "-"))
    out["hit: read, check, decode"] = each(lambda f: assess_cached(engine, cache, f, 2**21, "-"))
    out["hit + render the JSON line"] = each(
        lambda f: render_line(assess_cached(engine, cache, f, 2**21, "-"), info)
    )
    shutil.rmtree(directory, ignore_errors=True)
    return out


def event_floor(files: Sequence[str]) -> int:
    """CPU nanoseconds for PyYAML's libyaml parser to emit every event of the files.

    Every PyYAML-based loader pays at least this: one Python event object (and two marks)
    per scalar, key and collection. It bounds what tuning pso's own code can reach.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    texts = []
    for path in files:
        try:
            texts.append(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    clock = time.thread_time_ns
    start = clock()
    for text in texts:
        get = loader(text).get_event
        try:
            while type(get()) is not yaml.StreamEndEvent:
                pass
        except yaml.YAMLError:
            continue
    return clock() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Per-stage profile of pso over proposals.")
    parser.add_argument("dir", type=Path)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--as-of", default="2026-11-28")
    args = parser.parse_args(argv)
    files = sorted(str(p) for p in args.dir.glob("*.yaml"))[: args.limit]
    if not files:
        print(f"no *.yaml files in {args.dir}", file=sys.stderr)
        return 2
    times = profile(files, dt.date.fromisoformat(args.as_of))
    times.events_ns = event_floor(files)
    print(times.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
