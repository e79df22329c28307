"""Worst-case work per file: proposals just under the size limit, built to make each
stage (rules, what-if, every renderer) do the most it can, timed in every format.

A 1.58 MB proposal with 20,000 alternatives once took 252 s and 440 MB for the text
report. Lists are now capped (MAX_LIST_ITEMS) and free text is bounded; this measures
what the largest legal file of each shape costs. It is a benchmark, not a test: the
figures go in README ("Bounds on input"), and no timing is asserted anywhere.

    .venv/bin/python benchmarks/worst_case.py            # every case, every format
    .venv/bin/python benchmarks/worst_case.py --quick    # two cases, two formats (CI smoke)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ramsi-2003.yaml"
sys.path.insert(0, str(ROOT / "src"))

from pso_cli.cli.options import DEFAULT_MAX_BYTES  # noqa: E402
from pso_cli.loading.yaml_source import MAX_LIST_ITEMS  # noqa: E402

FORMATS = ("text", "json", "jsonl", "sarif", "junit", "markdown", "github", "html")
TEXT = 4000  # longest free text (model.proposal.Text)
NAME = 200  # longest name


def _words(n: int, seed: str) -> str:
    """n characters of prose-like text (spaces, so renderers wrap it)."""
    unit = f"{seed} lorem ipsum dolor sit amet consectetur "
    return (unit * (n // len(unit) + 1))[:n].strip()


def _replace_section(text: str, key: str, body: str) -> str:
    """The example with top-level `key:` replaced by `body` (a YAML block)."""
    lines = text.splitlines()
    if not any(line.startswith(f"{key}:") for line in lines):
        lines.append(f"{key}:")
    out, skipping = [], False
    for line in lines:
        if line.startswith(f"{key}:"):
            out.append(body.rstrip("\n"))
            skipping = True
            continue
        if skipping and (line.startswith((" ", "-", "#")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out) + "\n"


def fit(make: Callable[[int], str], limit: int = DEFAULT_MAX_BYTES) -> tuple[int, str]:
    """(n, document): the largest document make(n) gives, n <= MAX_LIST_ITEMS, under `limit`."""
    low, high, best = 1, MAX_LIST_ITEMS, (1, make(1))
    while low <= high:
        mid = (low + high) // 2
        doc = make(mid)
        if len(doc.encode("utf-8")) <= limit:
            best, low = (mid, doc), mid + 1
        else:
            high = mid - 1
    return best


def alternatives_many(n: int) -> str:
    items = "".join(
        f"  - {{type: diplomacy, feasibility: high, expected_effect: partly, "
        f"description: Option {i}}}\n"
        for i in range(n)
    )
    return _replace_section(EXAMPLE.read_text(), "alternatives", "alternatives:\n" + items)


def alternatives_long(n: int) -> str:
    items = "".join(
        f"  - type: diplomacy\n    feasibility: high\n    expected_effect: partly\n"
        f"    description: {_words(TEXT, f'alt{i}')}\n"
        for i in range(n)
    )
    return _replace_section(EXAMPLE.read_text(), "alternatives", "alternatives:\n" + items)


def caveats_long(n: int) -> str:
    """AGY-007 quotes every caveat in one message: one very long finding."""
    items = ", ".join(_words(TEXT, f"cav{i}") for i in range(n))
    return _line(EXAMPLE.read_text(), "    caveats:", f"    caveats: [{items}]")


def _line(text: str, start: str, new: str) -> str:
    """`text` with the line starting with `start` replaced by `new`."""
    lines = text.splitlines()
    [index] = [i for i, line in enumerate(lines) if line.startswith(start)]
    lines[index] = new
    return "\n".join(lines) + "\n"


def relationships_many(n: int) -> str:
    body = "strategic:\n  relationships:\n" + "".join(
        f"    - {{party: {_words(NAME - 10, f'P{i}')}, effect: strengthens}}\n" for i in range(n)
    )
    return _replace_section(EXAMPLE.read_text(), "strategic", body)


def sources_many(n: int) -> str:
    body = "sources:\n" + "".join(
        f"  - {{id: S{i}, title: {_words(TEXT // 4, f's{i}')}, date: 2003-07-01}}\n"
        for i in range(n)
    )
    return _replace_section(EXAMPLE.read_text(), "sources", body)


def accepted_many(n: int) -> str:
    body = "accepted_concerns:\n" + "".join(
        f"  - {{rule: ALT-003, justification: {_words(TEXT // 2, f'j{i}')}, approver: DSG, "
        f"date: 2003-07-01, expires: 2004-07-01}}\n"
        for i in range(n)
    )
    return _replace_section(EXAMPLE.read_text(), "accepted_concerns", body)


def review_dates_many(n: int) -> str:
    dates = ", ".join(f"2003-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(n))
    return _line(EXAMPLE.read_text(), "  review_dates:", f"  review_dates: [{dates}]")


CASES: dict[str, Callable[[int], str]] = {
    "500 short alternatives": alternatives_many,
    "alternatives, 4000-char descriptions": alternatives_long,
    "caveats, 4000 chars each": caveats_long,
    "500 relationships": relationships_many,
    "500 sources": sources_many,
    "500 accepted concerns": accepted_many,
    "500 review dates": review_dates_many,
}


def _run(path: Path, fmt: str) -> tuple[int, float, float]:
    """(exit code, wall seconds, peak RSS MiB) of one `pso assess`."""
    command = [sys.executable, "-m", "pso_cli", "assess", "--no-config", "--as-of", "2003-07-20"]
    command += ["-f", fmt, str(path)]
    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, wall, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="two cases, two formats")
    args = parser.parse_args(argv)
    cases = dict(list(CASES.items())[:2]) if args.quick else CASES
    formats = ("text", "json") if args.quick else FORMATS
    print(f"Worst case per file (size limit {DEFAULT_MAX_BYTES} bytes, lists ≤ {MAX_LIST_ITEMS})")
    print("| case | size | " + " | ".join(formats) + " |")
    print("|---|---:|" + "---:|" * len(formats))
    worst = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        for name, make in cases.items():
            _, doc = fit(make)
            path = Path(scratch) / "case.yaml"
            path.write_text(doc, encoding="utf-8")
            cells = []
            for fmt in formats:
                code, wall, rss = _run(path, fmt)
                worst = max(worst, wall)
                mark = "" if code in (0, 1) else f" (exit {code})"
                cells.append(f"{wall:.2f} s, {rss:.0f} MiB{mark}")
            size = f"{len(doc.encode()) / 1e6:.2f} MB"
            print(f"| {name} | {size} | " + " | ".join(cells) + " |")
    print(f"slowest: {worst:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
